import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_CHARS, segmentSentences } from "../../../src/rag/text/segment.js";

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
});
