import { describe, expect, it } from "vitest";
import { otherNumberForms } from "../../../src/rag/text/plurals.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";
import { tokenKeys } from "../../../src/rag/text/stem.js";

const keysOf = (word: string): string[] => tokenKeys({ text: normalizeToken(word), raw: word, script: "ar" });
/** A written word's other-number shapes, as a question word's are made: from each of its keys (stems). */
const forms = (word: string, definite = false): string[] => keysOf(word).flatMap((key) => otherNumberForms(key, { definite }));
/** Whether a shape of `word` in the other number is a key of `other`: what a question word's lookup meets. */
const meets = (word: string, other: string, definite = false): boolean => forms(word, definite).some((form) => keysOf(other).includes(form));

describe("otherNumberForms", () => {
  it("gives a singular's broken plurals by the common patterns", () => {
    expect(meets("مقعد", "مقاعد"), "مقعد").toBe(true);
    expect(meets("منطقة", "مناطق"), "منطقة").toBe(true);
    expect(meets("مشروع", "مشاريع"), "مشروع").toBe(true);
    expect(meets("قاعدة", "قواعد"), "قاعدة").toBe(true);
    expect(meets("وزير", "وزراء"), "وزير").toBe(true);
    expect(meets("صديق", "أصدقاء"), "صديق").toBe(true);
    expect(meets("رسالة", "رسائل"), "رسالة").toBe(true);
    expect(meets("الحزب", "أحزاب", true), "الحزب").toBe(true);
  });

  it("gives a broken plural's singulars", () => {
    expect(meets("المقاعد", "مقعد"), "المقاعد").toBe(true);
    expect(meets("أحزاب", "حزب"), "أحزاب").toBe(true);
    expect(meets("وزراء", "وزير"), "وزراء").toBe(true);
    expect(meets("مشاريع", "مشروع"), "مشاريع").toBe(true);
    expect(meets("قواعد", "قاعدة"), "قواعد").toBe(true);
  });

  it("gives a bare root's plural only for a word with the article: كتب (wrote) is not كتاب's singular", () => {
    expect(forms("حزب")).toEqual([]);
    expect(forms("كتب")).toEqual([]);
  });

  it("has no فعول pattern: الحكم (rule) would be حكوم, the stem of حكومة (government)", () => {
    expect(meets("الحكم", "الحكومة", true)).toBe(false);
    expect(meets("الحكومة", "الحكم", true)).toBe(false);
  });

  it("fills no slot with a long vowel, and leaves a word of no pattern's shape alone", () => {
    // قال and زار are hollow verbs (their ا is no consonant); سيسون, a name, and يدعم have no pattern's shape.
    for (const word of ["قال", "زار", "سيسون", "يدعم", "في"]) expect(forms(word, true), word).toEqual([]);
  });

  it("never gives the stem itself", () => {
    for (const key of ["مقعد", "مقاعد", "وزير", "رسايل"]) expect(otherNumberForms(key, { definite: true }), key).not.toContain(key);
  });
});
