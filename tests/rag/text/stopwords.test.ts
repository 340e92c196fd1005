import { describe, expect, it } from "vitest";
import { ARABIC_QUESTION_WORDS, isStopword } from "../../../src/rag/text/stopwords.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";

const stop = (word: string): boolean => isStopword(normalizeToken(word));

describe("stop words", () => {
  it.each(["ووين", "وامتى", "فشو", "وشكون", "ومين"])("reads %s, a question word with و or ف joined to it, as a function word", (word) => {
    expect(stop(word)).toBe(true);
  });

  it.each(["إليه", "لديها", "قالت", "بخصوص", "صار"])("reads %s as a function word, as the English list reads 'said' and 'about'", (word) => {
    expect(stop(word)).toBe(true);
  });

  it.each(["وزير", "فرنسا", "وفد", "مينورسو", "وو"])("keeps %s, which only starts like a joined function word", (word) => {
    expect(stop(word)).toBe(false);
  });

  it("lists the question words a follow-up opens with in normalised form, dialects included", () => {
    for (const word of ["امتي", "شكون", "وين", "ليش", "كيفاش"]) expect(ARABIC_QUESTION_WORDS).toContain(word);
    for (const word of ARABIC_QUESTION_WORDS) expect(normalizeToken(word)).toBe(word);
  });
});
