import { describe, expect, it } from "vitest";
import { chooseCitations, quoteSpans } from "../../src/rag/answer.js";
import { RANK_FEATURES } from "../../src/rag/model.js";
import type { IndexedSentence, Ranked } from "../../src/rag/retrieve.js";
import type { Passage } from "../../src/rag/types.js";

/** A passage of `text`'s sentences (each ending in a full stop), and its candidates to quote. */
function passageOf(text: string) {
  const bounds = [...text.matchAll(/[^.]+\./g)].map((m) => ({ start: (m.index ?? 0) + (m.index ? 1 : 0), end: (m.index ?? 0) + m[0].length }));
  const passage: Passage = { id: "s#0", source: "s", kind: "paragraph", label: "paragraph 1", start: 0, end: text.length, sentences: bounds };
  const ranked = (at: number, previousCover: number, nextCover: number, score = 1): Ranked => {
    const features = new Float64Array(RANK_FEATURES.length);
    features[RANK_FEATURES.indexOf("previousCover")] = previousCover;
    features[RANK_FEATURES.indexOf("nextCover")] = nextCover;
    const sentence: IndexedSentence = { ...(bounds[at] as { start: number; end: number }), passage, passageIndex: 0, position: at };
    return { sentence, score, features };
  };
  const quoted = (r: Ranked): string => {
    const [{ start, end } = { start: 0, end: 0 }] = quoteSpans(r);
    return text.slice(start, end);
  };
  return { ranked, quoted };
}

const short = "First sentence about the envoy. Second sentence names Staffan de Mistura. Third sentence adds the date.";
// The three do not fit in 400 characters together; any two do.
const long = `First sentence about the envoy and ${"the long road of talks ".repeat(11)}behind it. Second sentence names Staffan de Mistura. Third sentence adds the date of the next round in Geneva and who will attend it.`;
const { ranked, quoted } = passageOf(long);

describe("quoteSpans: the widest quote", () => {
  it("takes in both neighbours when the three sentences fit in 400 characters (a short sentence is read with its context)", () => {
    const three = passageOf(short);
    expect(three.quoted(three.ranked(1, 0, 0))).toBe(short);
    expect(three.quoted(three.ranked(1, 0.5, 0.2))).toBe(short);
    expect(three.quoted(three.ranked(0, 0, 0))).toBe("First sentence about the envoy. Second sentence names Staffan de Mistura.");
  });

  it("takes in the next sentence by default", () => {
    expect(quoted(ranked(1, 0, 0))).toBe(long.slice(long.indexOf("Second")));
  });

  it("takes in the sentence before instead when it holds more of the question's words", () => {
    expect(quoted(ranked(1, 0.5, 0.2))).toBe(long.slice(0, long.indexOf(" Third")));
  });

  it("takes in the other neighbour at the ends of its passage, where the one asked for is missing", () => {
    expect(quoted(ranked(2, 0, 0))).toBe(long.slice(long.indexOf("Second")));
    expect(quoted(ranked(0, 0.9, 0))).toBe(long.slice(0, long.indexOf(" Third")));
  });

  it("quotes the sentence alone when no neighbour fits beside it", () => {
    const lonely = passageOf(`${"A very long opening sentence that goes on and on ".repeat(9)}. Short one. ${"Another very long closing sentence that goes on ".repeat(9)}.`);
    expect(lonely.quoted(lonely.ranked(1, 0, 0))).toBe("Short one.");
  });

});

describe("chooseCitations", () => {
  it("never lets two quotes overlap, whichever neighbour each takes in", () => {
    const chosen = chooseCitations([ranked(1, 0, 0, 1), ranked(2, 0.9, 0, 0.9), ranked(0, 0, 0, 0.8)]);
    const spans = chosen.map((c) => c.span);
    for (const a of spans) for (const b of spans) if (a !== b) expect(a.end <= b.start || b.end <= a.start).toBe(true);
  });

  it("quotes a sentence narrower rather than drop it when its widest quote would overlap a better one's", () => {
    const five = passageOf("One opens. Two follows. Three is the best. Four closes it. Five ends.");
    // Three is quoted with Two and Four; One's widest quote (with Two) overlaps it, so One is quoted alone, and
    // Five, whose only neighbour is taken, alone too: three quotes, none lost.
    const chosen = chooseCitations([five.ranked(2, 0, 0, 1), five.ranked(0, 0, 0, 0.9), five.ranked(4, 0, 0, 0.8)]);
    expect(chosen.map((c) => c.ranked.sentence.position)).toEqual([2, 0, 4]);
    const text = "One opens. Two follows. Three is the best. Four closes it. Five ends.";
    expect(chosen.map((c) => text.slice(c.span.start, c.span.end))).toEqual(["Two follows. Three is the best. Four closes it.", "One opens.", "Five ends."]);
  });
});
