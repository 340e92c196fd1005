import { describe, expect, it } from "vitest";
import { hollowForms, lamVerbKeys, lightStemArabic, stemEnglish, tokenKeys } from "../../../src/rag/text/stem.js";
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

describe("hollowForms", () => {
  it("gives a hollow verb's past, present and verbal noun from any of them", () => {
    for (const key of ["زار", "تزور", "زيار"]) expect(hollowForms(key)).toEqual(expect.arrayContaining(["زار", "يزور", "تزور", "زيار"].filter((k) => k !== key)));
    expect(hollowForms("يقود")).toEqual(expect.arrayContaining(["قاد", "قياد", "تقود"]));
    expect(hollowForms("زار")).not.toContain("زار");
  });

  it("gives nothing for a key of another shape", () => {
    for (const key of ["دعم", "زيارات", "اجتماع", "ميشال", "~ZR:1", "visit"]) expect(hollowForms(key), key).toEqual([]);
  });
});

describe("lamVerbKeys", () => {
  const keys = (word: string): string[] => tokenize(word).flatMap(lamVerbKeys).sort();
  it("reads a word starting with الت as a form VIII verb of a ل root: الت and two root letters, after the endings go", () => {
    // A weak last letter: only the verb's own key (التق, of التقى), not the noun reading's (تقي).
    expect(keys("التقته")).toEqual(["التق"]);
    expect(keys("التقاه")).toEqual(["التق"]);
    expect(keys("والتقت")).toEqual(["التق"]);
    expect(keys("التقيت")).toEqual(["التق"]);
    expect(keys("التقينا")).toEqual(["التق"]);
    expect(keys("التزمت")).toEqual(["تزم"]);
    expect(keys("التزمنا")).toEqual(["تزم"]);
    // The article and a noun: a weak-letter reading gives only a verb's key, which only a verb in the corpus holds
    // (التفاهم reads as التف, never as the noun key تفي: a limit of reading letters, harmless there); a longer rest
    // gives none.
    expect(keys("التفاهم")).toEqual(["التف"]);
    expect(keys("التطورات")).toEqual([]);
    // Nothing cut, nothing read: التقية and التحية are nouns, not التقى.
    expect(keys("التقية")).toEqual([]);
    expect(keys("التحية")).toEqual([]);
    expect(keys("التصويت")).toEqual([]);
    expect(keys("اجتمعت")).toEqual([]);
  });
});
