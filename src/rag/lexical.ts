/**
 * BM25 with structured queries (Pirkola): a question word and all its alternatives (stems, translations,
 * a name's skeleton) count as one term. Its frequency in a document is the number of tokens matching any
 * alternative, its document frequency the number of documents with at least one, so a word with many
 * translations is scored once, not once per translation.
 */
import type { QueryTerm } from "./analyze.js";

const K1 = 1.2;
const B = 0.75;
/** Positions per document addressable in a posting; longer documents are cut for matching. */
const MAX_POSITIONS = 1 << 16;

export interface TermHits {
  readonly term: QueryTerm;
  readonly idf: number;
  /** Matching token count per document. */
  readonly tf: ReadonlyMap<number, number>;
}

export interface LexicalResult {
  /** BM25 score per document (0 where nothing matched). */
  readonly scores: Float64Array;
  readonly terms: readonly TermHits[];
}

export class LexicalIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;

  /** @param documents per document, per token, the token's keys. */
  constructor(documents: ReadonlyArray<ReadonlyArray<readonly string[]>>) {
    this.lengths = new Uint32Array(documents.length);
    let total = 0;
    documents.forEach((tokens, doc) => {
      this.lengths[doc] = tokens.length;
      total += tokens.length;
      tokens.forEach((keys, position) => {
        if (position >= MAX_POSITIONS) return;
        for (const key of keys) {
          const list = this.postings.get(key);
          const entry = doc * MAX_POSITIONS + position;
          if (list) list.push(entry);
          else this.postings.set(key, [entry]);
        }
      });
    });
    this.averageLength = documents.length ? total / documents.length : 0;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Whether any document holds `key`. */
  has(key: string): boolean {
    return this.postings.has(key);
  }

  /** Every key indexed. */
  keys(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** Inverse document frequency for a term found in `df` documents (df 0 gives the largest value). */
  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(terms: readonly QueryTerm[]): LexicalResult {
    const scores = new Float64Array(this.size);
    const hits = terms.map((term) => {
      const positions = new Set<number>();
      for (const key of term.keys) for (const entry of this.postings.get(key) ?? []) positions.add(entry);
      const tf = new Map<number, number>();
      for (const entry of positions) {
        const doc = Math.floor(entry / MAX_POSITIONS);
        tf.set(doc, (tf.get(doc) ?? 0) + 1);
      }
      const idf = this.idf(tf.size) * term.weight;
      for (const [doc, f] of tf) {
        const norm = K1 * (1 - B + (B * (this.lengths[doc] ?? 0)) / (this.averageLength || 1));
        scores[doc] = (scores[doc] ?? 0) + (idf * f * (K1 + 1)) / (f + norm);
      }
      return { term, idf, tf };
    });
    return { scores, terms: hits };
  }
}
