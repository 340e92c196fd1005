import { describe, expect, it } from "vitest";
import { otherNumberForms } from "../../../src/rag/text/plurals.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";
import { tokenKeys } from "../../../src/rag/text/stem.js";

const keysOf = (word: string): string[] => tokenKeys({ text: normalizeToken(word), raw: word, script: "ar" });
/** A written word's other-number shapes, as the word lists' pairs are made: from each of its keys (stems). */
const forms = (word: string): string[] => keysOf(word).flatMap(otherNumberForms);
/** Whether a shape of `word` in the other number is a key of `other`. */
const meets = (word: string, other: string): boolean => forms(word).some((form) => keysOf(other).includes(form));

describe("otherNumberForms", () => {
  it("gives a singular's broken plurals by the common patterns", () => {
    for (const [singular, plural] of [
      ["مقعد", "مقاعد"],
      ["منطقة", "مناطق"],
      ["مشروع", "مشاريع"],
      ["قاعدة", "قواعد"],
      ["وزير", "وزراء"],
      ["صديق", "أصدقاء"],
      ["رسالة", "رسائل"],
      ["حزب", "أحزاب"],
      ["شعب", "شعوب"],
      ["سلاح", "أسلحة"],
      ["مرحلة", "مراحل"],
    ]) {
      expect(meets(singular as string, plural as string), singular).toBe(true);
      expect(meets(plural as string, singular as string), plural).toBe(true);
    }
  });

  it("fills no slot after the first with a long vowel, and leaves a word of no pattern's shape alone", () => {
    // قال and زار are hollow verbs (their ا is no consonant); في is too short for any pattern.
    for (const word of ["قال", "زار", "في"]) expect(forms(word), word).toEqual([]);
  });

  it("never gives the stem itself", () => {
    for (const key of ["مقعد", "مقاعد", "وزير", "رسايل"]) expect(otherNumberForms(key), key).not.toContain(key);
  });
});
