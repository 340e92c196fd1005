import { describe, expect, it } from "vitest";
import { graphemeEnd, graphemes, graphemeStart } from "../../../src/rag/text/graphemes.js";

describe("graphemes", () => {
  it("keeps a letter with its diacritics, a flag and an emoji with its modifier as one", () => {
    expect(graphemes("بِّت🇩🇿👍🏽a")).toEqual(["بِّ", "ت", "🇩🇿", "👍🏽", "a"]);
    expect(graphemes("")).toEqual([]);
  });

  it("finds the nearest cut before and after an offset, the offset itself on a cut or past either end", () => {
    const text = "ab🇩🇿c";
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((at) => graphemeStart(text, at))).toEqual([0, 1, 2, 2, 2, 2, 6, 7]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((at) => graphemeEnd(text, at))).toEqual([0, 1, 2, 6, 6, 6, 6, 7]);
    expect(graphemeStart(text, -3)).toBe(0);
    expect(graphemeEnd(text, 99)).toBe(text.length);
  });
});
