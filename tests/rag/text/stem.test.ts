import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arabicRoots, lightStemArabic, tokenKeys } from "../../../src/rag/text/stem.js";
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
    expect(keys("Elections")).toEqual([["elec"]]); // Porter 2 (Snowball), lower-cased first
  });
});

describe("arabicRoots", () => {
  it("gives derivations that share few letters in a row their common root", () => {
    const shared = (a: string, b: string): boolean => arabicRoots(a).some((root) => arabicRoots(b).includes(root));
    expect(shared("تنتقد", "انتقادات")).toBe(true);
    expect(shared("يدفعون", "دفع")).toBe(true);
    expect(shared("تتفق", "اتفاقيه")).toBe(true);
    expect(shared("يكتب", "المكتب")).toBe(true);
    expect(shared("بطوله", "طول")).toBe(false);
  });

  it("seeks no root for another script or a word of nine letters or more", () => {
    expect(arabicRoots("criticism")).toEqual([]);
    expect(arabicRoots("الديمقراطيه")).toEqual([]);
  });

  it("never throws on a word it seeks a root for (arabic-stem 0.0.7 throws on most longer words)", () => {
    const letter = fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي");
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 8 }), (letters) => {
        expect(Array.isArray(arabicRoots(letters.join("")))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
