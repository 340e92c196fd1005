import { describe, expect, it } from "vitest";
import { MARK_CLOSE, MARK_OPEN, renderMarks } from "../../../src/bots/render/marks.js";
import { splitToFit } from "../../../src/bots/render/split.js";
import { escapeHtml } from "../../../src/bots/render/telegram.js";

const plain = (raw: string): string => raw.trim();

describe("splitToFit", () => {
  it("cuts at a line break or a sentence end, a sentence too long between words, a word too long between characters", () => {
    expect(splitToFit("First line.\nSecond one here", plain, 20, "en")).toEqual(["First line.", "Second one here"]);
    expect(splitToFit("One sentence. Another sentence", plain, 20, "en")).toEqual(["One sentence.", "Another sentence"]);
    expect(splitToFit("words words words words", plain, 12, "en")).toEqual(["words words", "words words"]);
    expect(splitToFit("جملة أولى هنا. وجملة ثانية هناك", plain, 16, "ar")).toEqual(["جملة أولى هنا.", "وجملة ثانية هناك"]);
    expect(splitToFit("abcdefghijklmnopqrstuvwxyz", plain, 10, "en")).toEqual(["abcdefghij", "klmnopqrst", "uvwxyz"]);
  });

  it("measures the rendering (an escaped text, a quote's number on its first piece), never cutting a surrogate pair", () => {
    expect(splitToFit("&&&&&&&&&&", (raw) => escapeHtml(raw), 16, "en")).toEqual(["&amp;&amp;&amp;", "&amp;&amp;&amp;", "&amp;&amp;&amp;", "&amp;"]);
    const numbered = splitToFit("one two three four", (raw, first) => `${first ? "[1] " : ""}${raw.trim()}`, 12, "en");
    expect(numbered).toEqual(["[1] one two", "three four"]);
    const emoji = splitToFit("😀😀😀😀😀", plain, 5, "en");
    expect(emoji.join("")).toBe("😀😀😀😀😀");
    for (const piece of emoji) expect(piece.length % 2).toBe(0);
  });

  it("never cuts a letter from its diacritics or a flag in two, unless one alone is longer than a message", () => {
    const flags = splitToFit("🇩🇿".repeat(5), plain, 6, "en");
    expect(flags.join("")).toBe("🇩🇿".repeat(5));
    for (const piece of flags) expect(piece.length % 4, piece).toBe(0);
    const marked = splitToFit("بِّ".repeat(6), plain, 7, "ar");
    expect(marked.join("")).toBe("بِّ".repeat(6));
    for (const piece of marked) expect(piece.length % 3, piece).toBe(0);
    // A letter under 20 marks is one character longer than the limit: cut between code points, nothing lost.
    const zalgo = `a${"\u0301".repeat(20)}b`;
    const pieces = splitToFit(zalgo, plain, 8, "en");
    expect(pieces.join("")).toBe(zalgo);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(8);
  });

  it("keeps a match mark with its word, so that a cut never leaves the word unmarked", () => {
    const text = `${"كلمة ".repeat(5)}${MARK_OPEN}مجلس${MARK_CLOSE} الأمن`;
    for (let limit = 25; limit <= 60; limit += 1) {
      const pieces = splitToFit(text, (raw) => `<q>${renderMarks(raw.trim(), "<b>", "</b>")}</q>`, limit, "ar");
      expect(pieces.join(" "), String(limit)).toContain("<b>مجلس</b>");
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(limit);
    }
    // A marked span the segmenter cuts inside ("U.S." is "U.S" and "."), and no piece of marks alone.
    const us = `${"word ".repeat(3)}${MARK_OPEN}U.S.${MARK_CLOSE} policy`;
    for (let limit = 18; limit <= 40; limit += 1) {
      const pieces = splitToFit(us, (raw) => `<q>${renderMarks(raw.trim(), "<b>", "</b>")}</q>`, limit, "en");
      expect(pieces.join(" "), String(limit)).toContain("<b>U.S.</b>");
      expect(pieces.filter((p) => p === "<q></q>"), String(limit)).toEqual([]);
    }
  });
});
