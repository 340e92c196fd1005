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

  it("agrees with a whole-text segmentation where a window opens on, or right after, any character that joins a neighbour", () => {
    const whole = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    // Every code point (surrogates aside) between two letters, 64 at a time (iterating one long segmentation slows down
    // with its length, 1.1M code points took minutes): what never starts a cluster after a letter, what joins the
    // letter after it, and the marks (\p{M}) that start a cluster all the same.
    const joinsBefore = new Set<number>();
    const joinsAfter = new Set<number>();
    const marksStarting: number[] = [];
    for (let from = 0; from <= 0x10ffff; from += 64) {
      const points = Array.from({ length: 64 }, (_, i) => from + i).filter((p) => p < 0xd800 || p > 0xdfff);
      const text = `${points.map((p) => `a${String.fromCodePoint(p)}`).join("")}a`;
      const cuts = new Set(Array.from(whole.segment(text), ({ index }) => index));
      let at = 1;
      for (const point of points) {
        const next = at + (point > 0xffff ? 2 : 1);
        if (!cuts.has(at)) joinsBefore.add(point);
        else if (/\p{M}/u.test(String.fromCodePoint(point))) marksStarting.push(point);
        if (!cuts.has(next)) joinsAfter.add(point);
        at = next + 1;
      }
    }
    // What continues a cluster is not the marks: ﾞ and SARA AM are none, a Myanmar vowel sign starts a cluster.
    expect([0x0301, 0x200d, 0xff9e, 0x0e33, 0x1f3fd].filter((p) => !joinsBefore.has(p))).toEqual([]);
    expect([0x102b, 0x0600, 0x61].filter((p) => joinsBefore.has(p))).toEqual([]);
    expect([0x0600, 0x110bd].filter((p) => !joinsAfter.has(p))).toEqual([]);
    expect(marksStarting).toContain(0x102b);

    /** Whether every offset `at` gets the cuts the whole text has around it. */
    const expectWhole = (text: string, offsets: readonly number[]): void => {
      const clusters = whole.segment(text);
      for (const at of offsets) {
        const cluster = clusters.containing(at);
        const end = cluster === undefined || cluster.index === at ? at : cluster.index + cluster.segment.length;
        const points = [...text.slice(at - 3, at + 3)].map((c) => c.codePointAt(0)?.toString(16)).join(" ");
        expect([graphemeStart(text, at), graphemeEnd(text, at)], `${at} in …${points}…`).toEqual([cluster?.index, end]);
      }
    };
    // Windows reach 256 units back from an offset: those ending on an emoji after a joiner, or a consonant after a
    // virama, open on, or around, the character it is joined across (a window opening on ﾞ, not looked back from,
    // took it for a cluster's start and cut the emoji off).
    for (const point of joinsBefore) {
      const c = String.fromCodePoint(point);
      for (const [before, link, joined] of [["x👨", "\u200D", "👨"], ["xक\u094D", "", "ष"]] as const) {
        const text = `${before}${c}${"\u0301".repeat(256 - c.length - link.length)}${link}${joined} z`;
        const at = before.length + 256;
        expectWhole(text, [at - 1, at, at + 1, at + 2]);
      }
    }
    // A window opening right after a prepended mark (the cluster starting there is taken only at a cut), and one
    // opening on it.
    for (const point of joinsAfter) {
      const c = String.fromCodePoint(point);
      const text = `x${c}a${"\u0301".repeat(300)} `;
      const letter = 1 + c.length;
      expectWhole(text, [letter + 255, letter + 256, letter + 257, letter + 258]);
    }
    // After a run of marks longer than the widest window, a cut is placed at the first character not continuing it:
    // not after a mark that starts a cluster (a Myanmar vowel sign, taken for continuing), nor a prepended one.
    for (const point of [...marksStarting, ...joinsAfter]) {
      const c = String.fromCodePoint(point);
      const text = `a${"\u0301".repeat(10_000)}${c}\u0301z`;
      expectWhole(text, [10_001, 10_001 + c.length, 10_002 + c.length]);
    }
  });
});
