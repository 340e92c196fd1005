/**
 * The structured BM25 against a direct implementation of its definition, on random small corpora: a term's
 * frequency in a document is the number of tokens matching any of its keys, its document frequency the
 * number of documents with one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QueryTerm } from "../../src/rag/analyze.js";
import { LexicalIndex, packTerms } from "../../src/rag/lexical.js";

const K1 = 1.2;
const B = 0.75;

type Documents = string[][][];

function naiveScores(documents: Documents, terms: readonly QueryTerm[]): number[] {
  const n = documents.length;
  const total = documents.reduce((sum, d) => sum + d.length, 0);
  const average = n ? total / n : 0;
  const scores = new Array<number>(n).fill(0);
  for (const term of terms) {
    const f = documents.map((tokens) => tokens.filter((keys) => keys.some((k) => term.keys.includes(k))).length);
    const df = f.filter((x) => x > 0).length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * term.weight;
    f.forEach((x, doc) => {
      if (x === 0) return;
      const norm = K1 * (1 - B + (B * (documents[doc] as string[][]).length) / (average || 1));
      scores[doc] = (scores[doc] as number) + (idf * x * (K1 + 1)) / (x + norm);
    });
  }
  return scores;
}

const key = fc.constantFrom("a", "b", "c", "d", "e", "f");
const token = fc.uniqueArray(key, { minLength: 1, maxLength: 3 });
const corpus = fc.array(fc.array(token, { maxLength: 12 }), { minLength: 1, maxLength: 25 });
const query = fc.array(fc.record({ word: key, keys: fc.uniqueArray(key, { minLength: 1, maxLength: 3 }), weight: fc.constantFrom(1, 0.5) }), { minLength: 1, maxLength: 4 });

describe("LexicalIndex", () => {
  it("scores every document as the definition says, and knows which documents hold which keys", () => {
    fc.assert(
      fc.property(corpus, query, (documents, terms) => {
        const index = new LexicalIndex(documents);
        const result = index.search(terms);
        const want = naiveScores(documents, terms);
        want.forEach((score, doc) => expect(result.scores[doc]).toBeCloseTo(score, 9));
        expect([...result.matched]).toEqual(want.flatMap((s, doc) => (s > 0 ? [doc] : [])));
        expect(result.max).toBeCloseTo(Math.max(0, ...want), 9);
        documents.forEach((tokens, doc) => {
          for (const term of terms) expect(index.contains(doc, term.keys)).toBe(tokens.some((keys) => keys.some((k) => term.keys.includes(k))));
        });
        expect(new Set(index.keys())).toEqual(new Set(documents.flat(2)));
      }),
      { numRuns: 300 },
    );
  });

  it("scores a search as the definition says after other searches of the same index (whose buffers it reuses)", () => {
    fc.assert(
      fc.property(corpus, fc.array(query, { minLength: 2, maxLength: 4 }), (documents, queries) => {
        const index = new LexicalIndex(documents);
        for (const terms of queries) {
          const result = index.search(terms);
          const want = naiveScores(documents, terms);
          want.forEach((score, doc) => expect(result.scores[doc]).toBeCloseTo(score, 9));
          expect([...result.matched]).toEqual(want.flatMap((s, doc) => (s > 0 ? [doc] : [])));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("clears a previous search that matched few documents of many", () => {
    const documents = Array.from({ length: 64 }, (_, i) => [[i === 3 ? "rare" : "common"], ["filler"]]);
    const index = new LexicalIndex(documents);
    expect([...index.search([{ word: "rare", keys: ["rare"], weight: 1 }]).matched]).toEqual([3]);
    const next = index.search([{ word: "none", keys: ["none"], weight: 1 }]);
    expect(next.matched.length).toBe(0);
    expect(next.scores.every((s) => s === 0)).toBe(true);
  });

  it("counts a token once when several of a term's keys match it", () => {
    const index = new LexicalIndex([[["x", "y"]], [["z"]]]);
    const [hit] = index.search([{ word: "x", keys: ["x", "y"], weight: 1 }]).terms;
    expect(hit?.df).toBe(1);
    const scores = index.search([{ word: "x", keys: ["x", "y"], weight: 1 }]).scores;
    expect(scores[0]).toBeCloseTo(naiveScores([[["x", "y"]], [["z"]]], [{ word: "x", keys: ["x"], weight: 1 }])[0] ?? NaN, 12);
  });

  it("built from numbered sentences grouped into documents, scores as built from the documents' own tokens", () => {
    const groups = fc.array(fc.array(fc.array(token, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(groups, query, (documents, terms) => {
        const sentences = documents.flat();
        const grouped = new LexicalIndex(packTerms(sentences), documents.map((d) => d.length));
        const direct = new LexicalIndex(documents.map((d) => d.flat()));
        const a = grouped.search(terms);
        const b = direct.search(terms);
        expect([...a.scores]).toEqual([...b.scores]);
        expect([...a.matched]).toEqual([...b.matched]);
        expect(a.terms.map((t) => t.df)).toEqual(b.terms.map((t) => t.df));
        expect([...grouped.keys()].sort()).toEqual([...direct.keys()].sort());
        expect(new LexicalIndex(packTerms(sentences)).search(terms).scores).toEqual(new LexicalIndex(sentences).search(terms).scores);
        // The same documents over the sentence index's own postings (as the retriever builds its passage index).
        const packed = packTerms(sentences);
        const shared = LexicalIndex.grouped(new LexicalIndex(packed), packed, documents.map((d) => d.length));
        const c = shared.search(terms);
        expect([...c.scores]).toEqual([...b.scores]);
        expect([...c.matched]).toEqual([...b.matched]);
        expect(c.terms.map((t) => t.df)).toEqual(b.terms.map((t) => t.df));
        documents.forEach((_, doc) => {
          for (const term of terms) expect(shared.contains(doc, term.keys)).toBe(direct.contains(doc, term.keys));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("groups a document longer than its positions can address as the walk over its keys does", () => {
    // Two sentences in one document: the second's tokens pass position 65,535, where matching stops.
    const sentences = [Array.from({ length: 65_530 }, () => ["a"]), Array.from({ length: 10 }, () => ["b", "c"])];
    const packed = packTerms(sentences);
    const terms = [{ word: "b", keys: ["b", "c"], weight: 1 }];
    const shared = LexicalIndex.grouped(new LexicalIndex(packed), packed, [2]).search(terms);
    const walked = new LexicalIndex(packed, [2]).search(terms);
    expect(shared.scores[0]).toBe(walked.scores[0]);
    expect(shared.scores[0]).toBeGreaterThan(0);
  });
});
