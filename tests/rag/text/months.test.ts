import { describe, expect, it } from "vitest";
import { AMBIGUOUS_MONTH_WORDS, MONTH_PATTERNS, MONTH_WORDS } from "../../../src/rag/text/months.js";

describe("months", () => {
  it("finds a month in a time stamp by any of its names, a short one only as a whole word", () => {
    const find = (s: string) => MONTH_PATTERNS.find(([re]) => re.test(s))?.[1];
    expect(["كانون الثاني", "Jan", "جويلية", "أوت", "May", "Sep", "كانون الأول"].map(find)).toEqual(["01", "01", "07", "08", "05", "09", "12"]);
    expect(["mayor", "التفاوت", "janitor"].map(find)).toEqual([undefined, undefined, undefined]);
  });

  it("gives a sentence's words: names alone, the ambiguous apart, no abbreviations", () => {
    expect(["january", "كانون", "تشرين", "أوت", "آذار"].every((w) => MONTH_WORDS.has(w))).toBe(true);
    expect(["march", "may", "مارس", "ماي", "آب", "jan", "الثاني"].some((w) => MONTH_WORDS.has(w))).toBe(false);
    expect([...AMBIGUOUS_MONTH_WORDS]).toEqual(["march", "may", "مارس", "ماي", "آب"]);
  });
});
