import { describe, expect, it } from "vitest";
import { inflectionBases, lightStemArabic, stemEnglish, taaReadings, tokenKeys } from "../../../src/rag/text/stem.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";
import { tokenize } from "../../../src/rag/text/tokenize.js";

describe("lightStemArabic", () => {
  it.each([
    ["السكان", "سكان"], // a suffix goes only when three letters remain
    ["مكان", "مكان"],
    ["المسؤولين", "مسوول"],
    ["والحكومات", "حكوم"],
    ["كتابها", "كتاب"],
    ["قالوا", "قال"],
    ["بالجزائر", "جزاير"],
  ])("%s -> %s", (word, stem) => {
    const [token] = tokenize(word);
    expect(lightStemArabic(token?.text ?? "")).toBe(stem);
  });
});

describe("tokenKeys", () => {
  it("gives an Arabic token its light and Snowball stems, once each, and an English one its Porter stem", () => {
    const keys = (text: string): string[][] => tokenize(text).map(tokenKeys);
    expect(keys("السكان")).toEqual([["سكان", "السك"]]);
    expect(keys("سكانًا")).toEqual([["سكان"]]);
    expect(keys("Elections")).toEqual([["elec"]]); // Porter (1980), lower-cased first
  });

  it("keys a word that begins with و also with the و kept, so that it meets its form with the article", () => {
    const keys = (text: string): string[] => tokenize(text).flatMap(tokenKeys);
    // وزارة (ministry) without the article was only زار (visited); with it, وزار.
    expect(keys("وزارة")).toEqual(expect.arrayContaining(["زار", "وزار"]));
    expect(keys("الوزارة")).toContain("وزار");
    expect(keys("وزير")).toEqual(expect.arrayContaining(keys("الوزير")));
    // "and" before the article is no letter of the word: والحكومات gets only its light and Snowball stems.
    expect(keys("والحكومات")).toEqual(["حكوم", "والحكوما"]);
  });

  it("reads a ت before an attached pronoun as the word's ة, so the two forms meet", () => {
    const keys = (text: string): string[] => tokenize(text).flatMap(tokenKeys);
    // Snowball kept امبريالي of "their imperialism", the light stem all of it: neither met الإمبريالية.
    expect(keys("الإمبريالية")).toContain("امبريال");
    expect(keys("امبرياليتهم")).toContain("امبريال");
    expect(keys("سياستنا")).toContain("سياس");
    // Too short a word before it to be one (بيته, his house), or a word's own ending (كويتي, Kuwaiti): no more keys.
    expect(keys("بيته")).toEqual(["بيت"]);
    expect(keys("كويتي")).toEqual(["كويت"]);
    // Nor a conjunction, an article or a preposition counted as the word's (from a review): والتهم is "and the
    // charges", بوقتها "at its time".
    expect(keys("والتهم")).toEqual(["تهم", "وال"]); // the stemmers' own: no اله (god) more
    expect(keys("بوقتها")).toEqual(["بوقت", "بوق"]);
  });
});

describe("tokenKeys of a place's name", () => {
  const keys = (text: string): string[] => tokenize(text).flatMap(tokenKeys);
  it("meets its adjective where the name ends in يا or ا (blind set 100: أفريقيا, the text's الاتحاد الأفريقي)", () => {
    for (const [name, adjective] of [["أفريقيا", "الأفريقي"], ["إيطاليا", "الإيطالية"], ["فرنسا", "الفرنسيين"]]) {
      expect(keys(name as string).filter((k) => keys(adjective as string).includes(k)), name).not.toEqual([]);
    }
  });

  it("reads no يا off after a long vowel (قضايا, a plural), nor after three letters (تركيا is no ترك, left: a review)", () => {
    expect(keys("تركيا")).not.toContain("ترك");
    expect(keys("سوريا")).not.toContain("سور");
    expect(keys("قضايا")).not.toContain("قض");
    expect(keys("قضايا")).not.toContain("قضا");
    expect(keys("دنيا")).not.toContain("دن");
    expect(keys("العليا")).toEqual(["عليا"]);
  });
});

describe("taaReadings", () => {
  const readings = (word: string): string[] => taaReadings(normalizeToken(word));

  it("read a short word's ت before a pronoun as its ة, which tokenKeys leaves (conversations hh16: \"ومدتها قد إيه؟\")", () => {
    expect(readings("ومدتها")).toContain(normalizeToken("مدة"));
    expect(readings("لمدتها")).toContain(normalizeToken("مدة"));
    // A word whose first و is its own: ولاية, where the stem read off "and".
    expect(readings("ولايتها")).toContain(normalizeToken("ولاية"));
    // A candidate only: بيتها is بيت's (the caller keeps what a corpus or the word lists attest).
    expect(readings("بيتها")).toContain(normalizeToken("بية"));
  });

  it("read nothing of a word without ت and a pronoun of two letters, nor of ه alone (ة as normalised)", () => {
    for (const word of ["مدة", "بيته", "مدتي", "كتب"]) expect(readings(word), word).toEqual([]);
  });
});

describe("stemEnglish", () => {
  it("keeps the e of a word that begins with a vowel and a consonant, as Porter 2 does: use is not us", () => {
    for (const word of ["use", "used", "uses", "using", "useful"]) expect(stemEnglish(word), word).toBe("use");
    expect(stemEnglish("us")).toBe("us");
    for (const word of ["age", "aged", "aging"]) expect(stemEnglish(word), word).toBe("age");
    expect(stemEnglish("owed")).toBe("owe");
    expect(stemEnglish("hoped")).toBe("hope");
    expect(stemEnglish("caused")).toBe("caus");
  });
});

describe("inflectionBases", () => {
  it.each([
    ["searching", "search"],
    ["searches", "search"],
    ["taking", "take"],
    ["takes", "take"],
    ["studies", "study"],
    ["studied", "study"],
    ["committed", "commit"],
    ["funded", "fund"],
    ["physicians", "physician"],
  ])("reads %s as a possible inflection of %s", (word, base) => {
    expect(inflectionBases(word)).toContain(base);
  });

  it.each([
    ["take", "takings"],
    ["national", "nation"],
    ["understand", "understanding"],
    ["organisation", "organise"],
    ["press", "pres"],
  ])("reads %s as no inflection of %s", (word, base) => {
    expect(inflectionBases(word)).not.toContain(base);
  });

  it("reads off no ending that would leave fewer than three letters, nor a word no ending fits", () => {
    expect(inflectionBases("us")).toEqual([]);
    expect(inflectionBases("sing")).toEqual([]);
    expect(inflectionBases("nation")).toEqual([]);
  });
});
