import { describe, expect, it } from "vitest";
import { brokenPlurals } from "../../../src/rag/text/plurals.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";

/** A noun as the patterns read it: normalised, its article and its ة off. */
const written = (word: string): string => normalizeToken(word).replace(/^(?:ال)(?=...)/u, "").replace(/ه$/u, "");
/** Whether `plural` is one of the broken plurals the patterns give `singular`. */
const pluralOf = (singular: string, plural: string): boolean => brokenPlurals(written(singular)).includes(written(plural));

describe("brokenPlurals", () => {
  it("gives a singular's broken plurals by the common patterns", () => {
    for (const [singular, plural] of [
      ["المقعد", "المقاعد"],
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
      // A last و (فعو, أفعاء): "member states" found only عضو, never the text's الدول الأعضاء.
      ["عضو", "أعضاء"],
      ["نحو", "أنحاء"],
    ] as const) {
      expect(pluralOf(singular, plural), singular).toBe(true);
    }
  });

  it("goes from singular to plural only, and fills no slot after the first with a long vowel", () => {
    expect(pluralOf("المقاعد", "المقعد")).toBe(false);
    // العقاب's plural shapes are no عقبان, a plural whose stem (عقب) is a فعل.
    expect(pluralOf("العقاب", "العقبان")).toBe(false);
    // قال and زار are hollow verbs (their ا is no consonant); في is too short for any pattern.
    for (const word of ["قال", "زار", "في"]) expect(brokenPlurals(written(word)), word).toEqual([]);
  });

  it("never gives the word itself", () => {
    for (const word of ["مقعد", "مقاعد", "وزير", "رسايل"]) expect(brokenPlurals(word), word).not.toContain(word);
  });
});
