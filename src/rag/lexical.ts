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
  /** Number of documents with at least one matching token. */
  readonly df: number;
}

export interface LexicalResult {
  /** BM25 score per document (0 where nothing matched). */
  readonly scores: Float64Array;
  /** The documents any term matched, in ascending order. */
  readonly matched: Uint32Array;
  /** The highest score (0 when nothing matched). */
  readonly max: number;
  readonly terms: readonly TermHits[];
}

export class LexicalIndex {
  /** Per key, its entries `doc * MAX_POSITIONS + position`, ascending. */
  private readonly postings = new Map<string, Float64Array>();
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;
  /** Per document, BM25's length normalisation K1 * (1 - B + B * length / average length). */
  private readonly norms: Float64Array;

  /** @param documents per document, per token, the token's keys. */
  constructor(documents: ReadonlyArray<ReadonlyArray<readonly string[]>>) {
    this.lengths = new Uint32Array(documents.length);
    // One pass numbering the keys and recording (key, entry) pairs in typed arrays, then a stable counting
    // sort by key: every posting is a view into one buffer, in ascending order (documents are read in order).
    const ids = new Map<string, number>();
    let pairs = 0;
    let keyOf = new Uint32Array(1 << 16);
    let entryOf = new Float64Array(1 << 16);
    let total = 0;
    documents.forEach((tokens, doc) => {
      this.lengths[doc] = tokens.length;
      total += tokens.length;
      tokens.forEach((keys, position) => {
        if (position >= MAX_POSITIONS) return;
        const entry = doc * MAX_POSITIONS + position;
        for (const key of keys) {
          let id = ids.get(key);
          if (id === undefined) {
            id = ids.size;
            ids.set(key, id);
          }
          if (pairs === keyOf.length) {
            const grownKeys = new Uint32Array(pairs * 2);
            grownKeys.set(keyOf);
            keyOf = grownKeys;
            const grownEntries = new Float64Array(pairs * 2);
            grownEntries.set(entryOf);
            entryOf = grownEntries;
          }
          keyOf[pairs] = id;
          entryOf[pairs] = entry;
          pairs += 1;
        }
      });
    });
    const starts = new Uint32Array(ids.size + 1);
    for (let i = 0; i < pairs; i += 1) starts[(keyOf[i] as number) + 1] = (starts[(keyOf[i] as number) + 1] as number) + 1;
    for (let k = 0; k < ids.size; k += 1) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
    const all = new Float64Array(pairs);
    const cursor = starts.slice(0, ids.size);
    for (let i = 0; i < pairs; i += 1) {
      const k = keyOf[i] as number;
      all[cursor[k] as number] = entryOf[i] as number;
      cursor[k] = (cursor[k] as number) + 1;
    }
    for (const [key, id] of ids) this.postings.set(key, all.subarray(starts[id] as number, starts[id + 1] as number));
    this.averageLength = documents.length ? total / documents.length : 0;
    this.norms = Float64Array.from(this.lengths, (length) => K1 * (1 - B + (B * length) / (this.averageLength || 1)));
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

  /** Whether document `doc` has a token matching any of `keys` (a binary search per key). */
  contains(doc: number, keys: readonly string[]): boolean {
    const from = doc * MAX_POSITIONS;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as number) < from) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list.length && (list[lo] as number) < from + MAX_POSITIONS) return true;
    }
    return false;
  }

  search(terms: readonly QueryTerm[]): LexicalResult {
    const scores = new Float64Array(this.size);
    const seen = new Uint8Array(this.size);
    const matched: number[] = [];
    const hits = terms.map((term) => {
      const { docs, counts, df } = this.termFrequencies(term.keys);
      const idf = this.idf(df) * term.weight;
      for (let i = 0; i < df; i += 1) {
        const doc = docs[i] ?? 0;
        const f = counts[i] ?? 0;
        const norm = this.norms[doc] ?? K1;
        scores[doc] = (scores[doc] ?? 0) + (idf * f * (K1 + 1)) / (f + norm);
        if (!seen[doc]) {
          seen[doc] = 1;
          matched.push(doc);
        }
      }
      return { term, idf, df };
    });
    const sorted = Uint32Array.from(matched).sort();
    let max = 0;
    for (const doc of sorted) max = Math.max(max, scores[doc] ?? 0);
    return { scores, matched: sorted, max, terms: hits };
  }

  /**
   * The documents with a token matching any of `keys`, ascending, and the number of such tokens in each. A
   * position is counted once even when several keys match it: the ascending postings are merged, and a
   * position at the head of several lists is taken once.
   */
  private termFrequencies(keys: readonly string[]): { docs: Uint32Array; counts: Uint32Array; df: number } {
    const lists: Float64Array[] = [];
    let total = 0;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list) {
        lists.push(list);
        total += list.length;
      }
    }
    const docs = new Uint32Array(total);
    const counts = new Uint32Array(total);
    const heads = new Uint32Array(lists.length);
    let df = 0;
    let doc = -1;
    for (;;) {
      let entry = Infinity;
      for (let l = 0; l < lists.length; l += 1) {
        const head = (lists[l] as Float64Array)[heads[l] as number];
        if (head !== undefined && head < entry) entry = head;
      }
      if (entry === Infinity) break;
      for (let l = 0; l < lists.length; l += 1) {
        if ((lists[l] as Float64Array)[heads[l] as number] === entry) heads[l] = (heads[l] as number) + 1;
      }
      const d = Math.floor(entry / MAX_POSITIONS);
      if (d !== doc) {
        doc = d;
        docs[df] = d;
        df += 1;
      }
      counts[df - 1] = (counts[df - 1] ?? 0) + 1;
    }
    return { docs, counts, df };
  }
}
