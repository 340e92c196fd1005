import { describe, expect, it } from "vitest";
import { chooseCitations, quoteSpan } from "../../src/rag/answer.js";
import { RANK_FEATURES } from "../../src/rag/model.js";
import type { IndexedSentence, Ranked } from "../../src/rag/retrieve.js";
import type { Passage } from "../../src/rag/types.js";

const text = "First sentence about the envoy. Second sentence names Staffan de Mistura. Third sentence adds the date.";
const bounds = [...text.matchAll(/[^.]+\./g)].map((m) => ({ start: (m.index ?? 0) + (m.index ? 1 : 0), end: (m.index ?? 0) + m[0].length }));
const passage: Passage = { id: "s#0", source: "s", kind: "paragraph", label: "paragraph 1", start: 0, end: text.length, sentences: bounds };

function ranked(at: number, previousCover: number, nextCover: number, score = 1): Ranked {
  const features = new Float64Array(RANK_FEATURES.length);
  features[RANK_FEATURES.indexOf("previousCover")] = previousCover;
  features[RANK_FEATURES.indexOf("nextCover")] = nextCover;
  const sentence: IndexedSentence = { ...(bounds[at] as { start: number; end: number }), passage, passageIndex: 0, position: at };
  return { sentence, score, features };
}

const quoted = (r: Ranked): string => {
  const { start, end } = quoteSpan(r);
  return text.slice(start, end);
};

describe("quoteSpan", () => {
  it("takes in the next sentence by default", () => {
    expect(quoted(ranked(1, 0, 0))).toBe("Second sentence names Staffan de Mistura. Third sentence adds the date.");
  });

  it("takes in the sentence before instead when it holds more of the question's words", () => {
    expect(quoted(ranked(1, 0.5, 0.2))).toBe("First sentence about the envoy. Second sentence names Staffan de Mistura.");
  });

  it("quotes the sentence alone at the ends of its passage when the neighbour asked for is missing", () => {
    expect(quoted(ranked(2, 0, 0))).toBe("Third sentence adds the date.");
    expect(quoted(ranked(0, 0.9, 0))).toBe("First sentence about the envoy. Second sentence names Staffan de Mistura.");
  });

  it("never lets two quotes overlap, whichever neighbour each takes in", () => {
    const chosen = chooseCitations([ranked(1, 0, 0, 1), ranked(2, 0.9, 0, 0.9), ranked(0, 0, 0, 0.8)]);
    const spans = chosen.map(quoteSpan);
    for (const a of spans) for (const b of spans) if (a !== b) expect(a.end <= b.start || b.end <= a.start).toBe(true);
  });
});
