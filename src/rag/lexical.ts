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

/**
 * Documents' keys numbered, as the index stores them (store.ts writes this layout to terms.bin): `words[0]` is the
 * number of sentences; then per sentence its number of tokens and per token its number of keys followed by the
 * keys' positions in `keys`.
 */
export interface PackedTerms {
  readonly words: Uint32Array;
  readonly keys: readonly string[];
}

/** The keys of `documents` (per document, per token, its keys) numbered in order of first occurrence. */
export function packTerms(documents: ReadonlyArray<ReadonlyArray<readonly string[]>>): PackedTerms {
  const ids = new Map<string, number>();
  let length = 1;
  for (const tokens of documents) {
    length += 1 + tokens.length;
    for (const keys of tokens) length += keys.length;
  }
  const words = new Uint32Array(length);
  let at = 0;
  words[at++] = documents.length;
  for (const tokens of documents) {
    words[at++] = tokens.length;
    for (const keys of tokens) {
      words[at++] = keys.length;
      for (const key of keys) {
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
        }
        words[at++] = id;
      }
    }
  }
  return { words, keys: [...ids.keys()] };
}

/**
 * Walks packed keys in document order (`groups`: sentences per document; without it a sentence is a document):
 * `visit(doc, position, key)` for each key of each token among a document's first MAX_POSITIONS tokens, and
 * `tokens(doc, n)` for each sentence's n tokens.
 */
function walkPacked(
  words: Uint32Array,
  groups: ArrayLike<number> | undefined,
  visit: (doc: number, position: number, key: number) => void,
  tokens?: (doc: number, n: number) => void,
): void {
  const sentences = words[0] ?? 0;
  let doc = -1;
  let left = 0;
  let position = 0;
  let at = 1;
  for (let s = 0; s < sentences; s += 1) {
    while (left === 0) {
      doc += 1;
      left = groups ? (groups[doc] ?? 1) : 1;
      position = 0;
    }
    left -= 1;
    const count = words[at++] as number;
    tokens?.(doc, count);
    for (let t = 0; t < count; t += 1) {
      const n = words[at++] as number;
      if (position < MAX_POSITIONS) for (let k = 0; k < n; k += 1) visit(doc, position, words[at + k] as number);
      at += n;
      position += 1;
    }
  }
}

export class LexicalIndex {
  private readonly keyIds: Map<string, number>;
  private readonly keyList: readonly string[];
  /** Key `id`'s entries are those from `offsets[id]` up to `offsets[id + 1]`. */
  private readonly offsets: Uint32Array;
  /** Per entry (a token holding the key), its document; ascending within a key. */
  private readonly docs: Uint32Array;
  /** Per entry, the token's position in its document; ascending within a key and document. */
  private readonly positions: Uint16Array;
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;
  /** Per document, BM25's length normalisation K1 * (1 - B + B * length / average length). */
  private readonly norms: Float64Array;
  /** termFrequencies' output, reused from one term to the next (search reads it before asking for another). */
  private scratch = { docs: new Uint32Array(0), counts: new Uint32Array(0) };

  /** @param documents per document, per token, the token's keys. */
  constructor(documents: ReadonlyArray<ReadonlyArray<readonly string[]>>);
  /**
   * @param packed the sentences' keys, numbered; @param groups the number of sentences in each document, in
   * order (a passage index over sentences); without it each sentence is a document.
   */
  constructor(packed: PackedTerms, groups?: ArrayLike<number>);
  constructor(input: ReadonlyArray<ReadonlyArray<readonly string[]>> | PackedTerms, groups?: ArrayLike<number>) {
    const { words, keys } = "words" in input ? input : packTerms(input);
    this.keyList = keys;
    this.keyIds = new Map(keys.map((key, id) => [key, id]));
    const documents = groups ? groups.length : (words[0] ?? 0);
    const lengths = new Uint32Array(documents);
    this.lengths = lengths;
    // Two walks over the numbered keys (a counting sort by key): the first counts each key's entries, the second
    // places them, so every posting is a range of one buffer, ascending as documents are read in order.
    const counts = new Uint32Array(keys.length + 1);
    walkPacked(
      words,
      groups,
      (_doc, _position, key) => void (counts[key + 1] = (counts[key + 1] as number) + 1),
      (doc, tokens) => void (lengths[doc] = (lengths[doc] as number) + tokens),
    );
    for (let k = 0; k < keys.length; k += 1) counts[k + 1] = (counts[k + 1] as number) + (counts[k] as number);
    this.offsets = counts;
    const docs = new Uint32Array(counts[keys.length] as number);
    const positions = new Uint16Array(docs.length);
    const cursor = counts.slice(0, keys.length);
    walkPacked(words, groups, (doc, position, key) => {
      const entry = cursor[key] as number;
      docs[entry] = doc;
      positions[entry] = position;
      cursor[key] = entry + 1;
    });
    this.docs = docs;
    this.positions = positions;
    let total = 0;
    for (const length of this.lengths) total += length;
    this.averageLength = documents ? total / documents : 0;
    this.norms = Float64Array.from(this.lengths, (length) => K1 * (1 - B + (B * length) / (this.averageLength || 1)));
  }

  /** Key `key`'s range of entries, or undefined when no document holds it. */
  private posting(key: string): { readonly from: number; readonly to: number } | undefined {
    const id = this.keyIds.get(key);
    if (id === undefined) return undefined;
    const from = this.offsets[id] as number;
    const to = this.offsets[id + 1] as number;
    return to > from ? { from, to } : undefined;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Whether any document holds `key`. */
  has(key: string): boolean {
    return this.posting(key) !== undefined;
  }

  /** Every key indexed. */
  *keys(): IterableIterator<string> {
    for (let id = 0; id < this.keyList.length; id += 1) {
      if ((this.offsets[id + 1] as number) > (this.offsets[id] as number)) yield this.keyList[id] as string;
    }
  }

  /** Inverse document frequency for a term found in `df` documents (df 0 gives the largest value). */
  idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether document `doc` has a token matching any of `keys` (a binary search per key). */
  contains(doc: number, keys: readonly string[]): boolean {
    for (const key of keys) {
      const range = this.posting(key);
      if (!range) continue;
      let lo = range.from;
      let hi = range.to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.docs[mid] as number) < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < range.to && this.docs[lo] === doc) return true;
    }
    return false;
  }

  search(terms: readonly QueryTerm[]): LexicalResult {
    const scores = new Float64Array(this.size);
    const seen = new Uint8Array(this.size);
    let count = 0;
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
          count += 1;
        }
      }
      return { term, idf, df };
    });
    // The matched documents in ascending order, read off `seen` (no sort).
    const matched = new Uint32Array(count);
    let max = 0;
    for (let doc = 0, m = 0; m < count; doc += 1) {
      if (!seen[doc]) continue;
      matched[m++] = doc;
      max = Math.max(max, scores[doc] ?? 0);
    }
    return { scores, matched, max, terms: hits };
  }

  /**
   * The documents with a token matching any of `keys`, ascending, and the number of such tokens in each (the
   * first `df` of each array, valid until the next call). A
   * position is counted once even when several keys match it: the ascending postings are merged, and a
   * position at the head of several lists is taken once.
   */
  private termFrequencies(keys: readonly string[]): { docs: Uint32Array; counts: Uint32Array; df: number } {
    const ranges: { from: number; to: number }[] = [];
    let total = 0;
    for (const key of keys) {
      const range = this.posting(key);
      if (range) {
        ranges.push(range);
        total += range.to - range.from;
      }
    }
    const all = this.docs;
    if (this.scratch.docs.length < total) this.scratch = { docs: new Uint32Array(total), counts: new Uint32Array(total) };
    const { docs, counts } = this.scratch;
    counts.fill(0, 0, total);
    let df = 0;
    let doc = -1;
    /** Counts one matching token of document `d` (documents come in ascending order, each one's a run). */
    const tally = (d: number): void => {
      if (d !== doc) {
        doc = d;
        docs[df] = d;
        df += 1;
      }
      counts[df - 1] = (counts[df - 1] as number) + 1;
    };
    // One key (most terms): its entries are in order already.
    if (ranges.length === 1) {
      const { from, to } = ranges[0] as { from: number; to: number };
      for (let e = from; e < to; e += 1) tally(all[e] as number);
      return { docs, counts, df };
    }
    // Several: their entries as document * MAX_POSITIONS + position, merged two lists at a time; a position in
    // several lists is taken once.
    let lists: Float64Array[] = ranges.map(({ from, to }) => {
      const list = new Float64Array(to - from);
      for (let e = from; e < to; e += 1) list[e - from] = (all[e] as number) * MAX_POSITIONS + (this.positions[e] as number);
      return list;
    });
    while (lists.length > 1) {
      const merged: Float64Array[] = [];
      for (let l = 0; l + 1 < lists.length; l += 2) merged.push(mergeOnce(lists[l] as Float64Array, lists[l + 1] as Float64Array));
      if (lists.length % 2 === 1) merged.push(lists[lists.length - 1] as Float64Array);
      lists = merged;
    }
    for (const entry of lists[0] ?? []) tally(Math.floor(entry / MAX_POSITIONS));
    return { docs, counts, df };
  }
}

/** Two ascending lists merged, ascending; an entry at the head of both is taken once. */
function mergeOnce(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    out[n++] = x < y ? x : y;
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}
