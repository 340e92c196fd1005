import { describe, expect, it, vi } from "vitest";
import { MAX_SENTENCE_CHARS, segmentSentences, sentenceSegments } from "../../../src/rag/text/segment.js";

const slices = (text: string, acrossLines = false) =>
  segmentSentences(text, 0, text.length, acrossLines).map((s) => text.slice(s.start, s.end));

describe("segmentSentences", () => {
  it("splits Arabic on . and ؟ but not on the comma ،", () => {
    expect(slices("قالت المسؤولة، إن بلادها تدعم الحل. هل سمحت الجزائر؟ نعم")).toEqual([
      "قالت المسؤولة، إن بلادها تدعم الحل.",
      "هل سمحت الجزائر؟",
      "نعم",
    ]);
  });

  it("ends a sentence at the Arabic semicolon ؛", () => {
    expect(slices("الأول هنا؛ والثاني هناك.")).toEqual(["الأول هنا؛", "والثاني هناك."]);
  });

  it("keeps a closing quote with its sentence and does not split U.S.", () => {
    expect(slices("as Algeria joins the U.S. on the council. I took the opportunity.")).toEqual([
      "as Algeria joins the U.S. on the council.",
      "I took the opportunity.",
    ]);
    expect(slices("قالت “الحل مهم”. وأضافت")).toEqual(["قالت “الحل مهم”.", "وأضافت"]);
  });

  it("does not end a sentence at an initial or a title before a name, in either script", () => {
    expect(slices("John F. Kennedy met Dr. Smith. Then he left.")).toEqual(["John F. Kennedy met Dr. Smith.", "Then he left."]);
    expect(slices("بعد استقالة راجيندرا ك. باتشوري فبراير 2015. الرؤساء السابقون هم روبرت واتسون.")).toEqual([
      "بعد استقالة راجيندرا ك. باتشوري فبراير 2015.",
      "الرؤساء السابقون هم روبرت واتسون.",
    ]);
    // A letter that ends a line ends its sentence, also in a paragraph read across its line breaks.
    expect(slices("Plan B.\nThe next one.")).toEqual(["Plan B.", "The next one."]);
    expect(slices("Ask Dr.\r\nSmith came.", true)).toEqual(["Ask Dr.", "Smith came."]);
    // The era after a year ends a sentence (م., AD); so do St., Jr. and Sr. as often as not.
    expect(slices("ولد عام 1950 م. ثم انتقل إلى القاهرة.")).toEqual(["ولد عام 1950 م.", "ثم انتقل إلى القاهرة."]);
    expect(slices("He lives on Main St. The house is old.")).toEqual(["He lives on Main St.", "The house is old."]);
  });


  it("returns exact offsets into the whole text", () => {
    const text = "xx\n\nFirst one. Second one.\n";
    const sentences = segmentSentences(text, 4, 26);
    expect(sentences).toEqual([
      { start: 4, end: 14 },
      { start: 15, end: 26 },
    ]);
  });

  it("joins across a line break only when asked", () => {
    const text = "و حول المسألة التي تنادي بها الجزائر\n\nعموماً، قالت إن بلادها تدرك.";
    expect(slices(text)).toHaveLength(2);
    expect(slices(text, true)).toEqual([text]);
  });

  it("skips segments with no letters or digits", () => {
    expect(slices("... !!! Real sentence.")).toEqual(["Real sentence."]);
  });

  it("cuts a sentence without stops between words into pieces no quote can exceed", () => {
    const text = Array.from({ length: 3000 }, (_, i) => `كلمة${i}`).join(" ");
    const pieces = slices(text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= MAX_SENTENCE_CHARS && /^كلمة\d+$/u.test(p.split(" ")[0] ?? "") && /^كلمة\d+$/u.test(p.split(" ").at(-1) ?? ""))).toBe(true);
    expect(pieces.join(" ")).toBe(text);
  });

  it("trims each piece, keeps no-break spaces whole and drops a piece with no word", () => {
    const doubled = `${"abcd ".repeat(159)}abcd  ${"efgh ".repeat(100)}`.trim();
    expect(slices(doubled).every((p) => p === p.trim())).toBe(true);
    expect(slices(`${"x".repeat(MAX_SENTENCE_CHARS)}.`)).toEqual(["x".repeat(MAX_SENTENCE_CHARS)]);
    const held = `${"10\u00A0000 ".repeat(200)}`.trim();
    expect(slices(held).every((p) => !p.startsWith("000") && p.endsWith("000"))).toBe(true);
  });

  it("cuts a run without spaces at the limit, never inside a surrogate pair", () => {
    const text = "a😀".repeat(700);
    const pieces = slices(text);
    // A lone surrogate would not survive a round trip through UTF-8.
    expect(pieces.every((p) => p.length <= MAX_SENTENCE_CHARS && Buffer.from(p, "utf8").toString("utf8") === p)).toBe(true);
    expect(pieces.join("")).toBe(text);
  });

  it("cuts a run without spaces before a letter with its diacritics, not between them", () => {
    for (const [unit, size] of [["بِّ", 3], ["e\u0301", 2]] as const) {
      const text = `x${unit.repeat(400)}`;
      const pieces = slices(text);
      expect(pieces.join("")).toBe(text);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.every((p, i) => p.length <= MAX_SENTENCE_CHARS && (p.length - (i === 0 ? 1 : 0)) % size === 0), unit).toBe(true);
    }
    // One character longer than a piece (a letter under a thousand marks) is cut inside it, at the limit.
    const zalgo = `a${"\u0301".repeat(MAX_SENTENCE_CHARS + 100)}`;
    expect(slices(zalgo)[0]).toBe(zalgo.slice(0, MAX_SENTENCE_CHARS));
  });

  it("hands ICU a long paragraph a window at a time, and finds the sentences of the whole", () => {
    const units = [
      "John F. Kennedy met Dr. Smith.",
      "Algeria joins the U.S. on the council.",
      "بعد استقالة راجيندرا ك. باتشوري فبراير 2015.",
      "He lives on Main St.",
      "The house is old.",
    ];
    const rounds = 200;
    const text = Array.from({ length: rounds }, () => units.join(" ")).join(" ");
    const segment = vi.spyOn(Intl.Segmenter.prototype, "segment");
    try {
      expect(slices(text, true)).toEqual(Array.from({ length: rounds }, () => units).flat());
      // Node 20's ICU steps through a string's sentences in time that grows with the string: the whole of a long
      // one-line paragraph took minutes.
      expect(Math.max(...segment.mock.calls.map(([input]) => input.length))).toBeLessThanOrEqual(8_192);
    } finally {
      segment.mockRestore();
    }
  });

  it("gives ICU's sentences of the whole text, offsets and all, across window edges", () => {
    const icu = new Intl.Segmenter("ar", { granularity: "sentence" });
    const texts = [
      "as Algeria joins the U.S. on the council. I took the opportunity.",
      "It cost 5 U.S. 12 345 dollars. Then U.S. (the country) left!",
      "He said: \"Stop.\" Then (quietly) left.\r\n  (b) the next. ١٢٣. راجيندرا ك. باتشوري؟ نعم",
      "Plan B.\n\nThe next one!  Really? yes.\u2029«قالت»! e\u0301. 😀 🇩🇿. Done",
      "a. b. c. D. E... f?! G",
    ];
    for (const text of texts) {
      const whole = [...icu.segment(text)].map(({ segment, index }) => ({ segment, index }));
      for (let window = 1; window <= 40; window += 1) expect([...sentenceSegments(text, window)], `${window}: ${text}`).toEqual(whole);
    }
  });

  it("keeps a long run of spaces inside a sentence, with or without a number before the letter after it", () => {
    const spaces = " ".repeat(300_000);
    // Each took minutes when the test for an initial went back over the run from each of its spaces.
    expect(slices(`The envoy met${spaces}the minister.`)).toEqual(["The envoy met", "the minister."]);
    // The era after a year is no initial, however far apart they are.
    expect(slices(`ولد عام 1950${spaces}م. ثم انتقل إلى القاهرة.`)).toEqual(["ولد عام 1950", "م.", "ثم انتقل إلى القاهرة."]);
  });
});
