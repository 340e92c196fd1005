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

  it("agrees with a whole-text segmentation far from the text's start: flags in a long run, a letter under many marks", () => {
    const flags = `x${"🇩🇿".repeat(500)}`;
    for (const at of [1, 2, 3, 601, 602, 603, 604, 1000, 1001]) {
      expect(graphemeStart(flags, at), String(at)).toBe(1 + Math.floor((at - 1) / 4) * 4);
      expect(graphemeEnd(flags, at), String(at)).toBe(1 + Math.ceil((at - 1) / 4) * 4);
    }
    const zalgo = `ab${"\u0301".repeat(2000)}c`;
    expect(graphemeStart(zalgo, 1500)).toBe(1);
    expect(graphemeEnd(zalgo, 1500)).toBe(2002);
    // Emoji sequences longer than the window, joined by zero-width joiners, with skin tones or not: every offset
    // as the whole text says, both ways.
    for (const family of [`abc ${"👨\u200D".repeat(120)}👨 end`, `abc ${"👨🏽\u200D".repeat(80)}👨 end`]) {
      const whole = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(family)];
      for (let at = 1; at < family.length; at += 1) {
        const cluster = whole.find((c) => c.index <= at && at < c.index + c.segment.length);
        expect(graphemeStart(family, at), String(at)).toBe(cluster?.index);
        const end = cluster === undefined || cluster.index === at ? at : cluster.index + cluster.segment.length;
        expect(graphemeEnd(family, at), String(at)).toBe(end);
      }
    }
  });

  it("cuts between code points inside a cluster, or a run of flags, reaching further than it looks", () => {
    // Looking for the ends of a letter under 100 000 marks segmented the whole text at every cut.
    const marks = `a${"\u0301".repeat(100_000)}b`;
    expect([graphemeStart(marks, 50_000), graphemeEnd(marks, 50_000)]).toEqual([50_000, 50_000]);
    // Never between the halves of a surrogate pair (U+E0100, a variation selector outside the BMP).
    const astral = `a${"\u{E0100}".repeat(20_000)}b`;
    expect([20_001, 20_002].map((at) => [graphemeStart(astral, at), graphemeEnd(astral, at)])).toEqual([
      [20_001, 20_001],
      [20_001, 20_003],
    ]);
    // Flags pair from the start of their run: one of 5 000 is not read back to it.
    const flags = `x${"🇩🇿".repeat(5_000)}`;
    expect([graphemeStart(flags, 10_003), graphemeEnd(flags, 10_003)]).toEqual([10_003, 10_003]);
  });

  it("agrees with a whole-text segmentation just after a run it does not look through: 10 000 marks, 3 000 flags", () => {
    for (const run of [`a${"\u0301".repeat(10_000)}`, "🇩🇿".repeat(3_000)]) {
      const text = `${run}e\u0301z`;
      const whole = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text);
      for (let at = run.length; at < text.length; at += 1) {
        const cluster = whole.containing(at);
        expect(graphemeStart(text, at), String(at)).toBe(cluster?.index);
        const end = cluster === undefined || cluster.index === at ? at : cluster.index + cluster.segment.length;
        expect(graphemeEnd(text, at), String(at)).toBe(end);
      }
    }
  });
});
