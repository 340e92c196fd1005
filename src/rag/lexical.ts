/**
 * BM25 with structured queries (Pirkola): a question word and all its alternatives (stems, translations,
 * a name's skeleton) count as one term. Its frequency in a document is the number of tokens matching any
 * alternative, its document frequency the number of documents with at least one, so a word with many
 * translations is scored once, not once per translation.
 */
import { rankWeight, type QueryTerm } from "./analyze.js";

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

/** A search's result: `scores` and `matched` are the index's own buffers, valid until its next search. */
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

/** An index's postings: per key (numbered as `keyList`), its entries' documents and positions, ascending. */
export interface Postings {
  readonly keyList: readonly string[];
  readonly keyIds: Map<string, number>;
  /** Key `id`'s entries are those from `offsets[id]` up to `offsets[id + 1]`. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly positions: Uint16Array;
  /** Per document, its number of tokens. */
  readonly lengths: Uint32Array;
  /**
   * When the entries are sentences' (another index's postings, shared) and this index's documents are groups of
   * them: each sentence's document, and the position of its first token there.
   */
  readonly documentOf?: Uint32Array;
  readonly shift?: Uint32Array;
}

/**
 * The postings of `packed` (documents as `groups` make them, see walkPacked): two walks over the numbered keys (a
 * counting sort by key), the first counting each key's entries, the second placing them, so every posting is a
 * range of one buffer, ascending as documents are read in order.
 */
function buildPostings({ words, keys }: PackedTerms, groups?: ArrayLike<number>): Postings {
  const lengths = new Uint32Array(groups ? groups.length : (words[0] ?? 0));
  const counts = new Uint32Array(keys.length + 1);
  walkPacked(
    words,
    groups,
    (_doc, _position, key) => void (counts[key + 1] = (counts[key + 1] as number) + 1),
    (doc, tokens) => void (lengths[doc] = (lengths[doc] as number) + tokens),
  );
  for (let k = 0; k < keys.length; k += 1) counts[k + 1] = (counts[k + 1] as number) + (counts[k] as number);
  const docs = new Uint32Array(counts[keys.length] as number);
  const positions = new Uint16Array(docs.length);
  const cursor = counts.slice(0, keys.length);
  walkPacked(words, groups, (doc, position, key) => {
    const entry = cursor[key] as number;
    docs[entry] = doc;
    positions[entry] = position;
    cursor[key] = entry + 1;
  });
  return { keyList: keys, keyIds: numbered(keys), offsets: counts, docs, positions, lengths };
}

/** Each key's number (its place in `keys`), set in a loop: an array per pair cost half as much again (150,000 keys). */
function numbered(keys: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (let id = 0; id < keys.length; id += 1) ids.set(keys[id] as string, id);
  return ids;
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
  /** For an index of grouped sentences sharing their postings: per sentence, its document and first position. */
  private readonly documentOf: Uint32Array | undefined;
  private readonly shift: Uint32Array | undefined;
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;
  /** Per document, BM25's length normalisation K1 * (1 - B + B * length / average length). */
  private readonly norms: Float64Array;
  /** termFrequencies' output, reused from one term to the next (search reads it before asking for another). */
  private scratch = { docs: new Uint32Array(0), counts: new Uint32Array(0) };
  /** The two buffers a term's postings are merged through (entries as document * MAX_POSITIONS + position). */
  private merging = { from: new Float64Array(0), to: new Float64Array(0) };
  /**
   * search's result buffers, reused from one search to the next: a per-question allocation of a score per
   * document (2.5 MB at 300,000 sentences) made the garbage collector walk the whole index every few questions.
   * `matched` is the previous search's (a view of `documents`), whose entries are cleared at the start of the next.
   */
  private result: { scores: Float64Array; seen: Uint8Array; documents: Uint32Array; matched: Uint32Array } | undefined;

  /** @param documents per document, per token, the token's keys. */
  constructor(documents: ReadonlyArray<ReadonlyArray<readonly string[]>>);
  /**
   * @param packed the sentences' keys, numbered; @param groups the number of sentences in each document, in
   * order (a passage index over sentences); without it each sentence is a document.
   */
  constructor(packed: PackedTerms, groups?: ArrayLike<number>);
  /** @param postings built already (see {@link LexicalIndex.grouped}). */
  constructor(postings: Postings);
  constructor(input: ReadonlyArray<ReadonlyArray<readonly string[]>> | PackedTerms | Postings, groups?: ArrayLike<number>) {
    const postings = "offsets" in input ? input : buildPostings("words" in input ? input : packTerms(input), groups);
    ({ keyList: this.keyList, keyIds: this.keyIds, offsets: this.offsets, docs: this.docs, positions: this.positions, lengths: this.lengths } = postings);
    this.documentOf = postings.documentOf;
    this.shift = postings.shift;
    let total = 0;
    for (const length of this.lengths) total += length;
    this.averageLength = this.lengths.length ? total / this.lengths.length : 0;
    this.norms = Float64Array.from(this.lengths, (length) => K1 * (1 - B + (B * length) / (this.averageLength || 1)));
  }

  /**
   * The index of documents made of consecutive sentences (`groups`: how many each, in order) that `sentences`
   * indexes one by one (built from `packed`): it scores as `new LexicalIndex(packed, groups)` does, but shares the
   * sentences' postings, reading each entry's sentence as its document, shifted by the tokens before it, instead
   * of two more walks over every key and a second copy of the postings (90 MB at 300,000 sentences). A document
   * too long for its positions is indexed by the walks.
   */
  static grouped(sentences: LexicalIndex, packed: PackedTerms, groups: ArrayLike<number>): LexicalIndex {
    if (sentences.documentOf) return new LexicalIndex(packed, groups);
    const count = sentences.lengths.length;
    const documentOf = new Uint32Array(count);
    const shift = new Uint32Array(count);
    const lengths = new Uint32Array(groups.length);
    let sentence = 0;
    for (let doc = 0; doc < groups.length; doc += 1) {
      let length = 0;
      for (let n = groups[doc] as number; n > 0 && sentence < count; n -= 1, sentence += 1) {
        documentOf[sentence] = doc;
        shift[sentence] = length;
        length += sentences.lengths[sentence] as number;
      }
      if (length > MAX_POSITIONS) return new LexicalIndex(packed, groups);
      lengths[doc] = length;
    }
    if (sentence !== count) return new LexicalIndex(packed, groups);
    const { keyList, keyIds, offsets, docs, positions } = sentences;
    return new LexicalIndex({ keyList, keyIds, offsets, docs, positions, lengths, documentOf, shift });
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

  /** Entry `e`'s document. */
  private documentAt(e: number): number {
    const sentence = this.docs[e] as number;
    return this.documentOf ? (this.documentOf[sentence] as number) : sentence;
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
        if (this.documentAt(mid) < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < range.to && this.documentAt(lo) === doc) return true;
    }
    return false;
  }

  /**
   * The BM25 scores of `terms` over every document. The result's arrays are this index's own buffers, valid until
   * its next search: read them before searching this index again.
   */
  search(terms: readonly QueryTerm[]): LexicalResult {
    const result = this.clearedResult();
    const { scores, seen } = result;
    let count = 0;
    const hits = terms.map((term) => {
      const { docs, counts, df } = this.termFrequencies(term.keys);
      const idf = this.idf(df) * rankWeight(term);
      for (let i = 0; i < df; i += 1) {
        const doc = docs[i] as number;
        const f = counts[i] as number;
        scores[doc] = (scores[doc] as number) + (idf * f * (K1 + 1)) / (f + (this.norms[doc] as number));
        if (!seen[doc]) {
          seen[doc] = 1;
          count += 1;
        }
      }
      return { term, idf, df };
    });
    // The matched documents in ascending order, read off `seen` (no sort).
    const matched = result.documents.subarray(0, count);
    let max = 0;
    for (let doc = 0, m = 0; m < count && doc < scores.length; doc += 1) {
      if (!seen[doc]) continue;
      matched[m++] = doc;
      max = Math.max(max, scores[doc] as number);
    }
    result.matched = matched;
    return { scores, matched, max, terms: hits };
  }

  /** The result buffers with the previous search's entries cleared (only those: most documents were never touched). */
  private clearedResult(): NonNullable<LexicalIndex["result"]> {
    if (!this.result) {
      const size = this.size;
      this.result = { scores: new Float64Array(size), seen: new Uint8Array(size), documents: new Uint32Array(size), matched: new Uint32Array(0) };
      return this.result;
    }
    const { scores, seen, matched } = this.result;
    if (matched.length > scores.length / 8) {
      scores.fill(0);
      seen.fill(0);
    } else {
      for (const doc of matched) {
        scores[doc] = 0;
        seen[doc] = 0;
      }
    }
    return this.result;
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
    let df = 0;
    let last = -1;
    /** Counts one matching token of document `d` (documents come in ascending order, each one's a run). */
    const tally = (d: number): void => {
      if (d !== last) {
        last = d;
        docs[df] = d;
        counts[df] = 1;
        df += 1;
      } else counts[df - 1] = (counts[df - 1] as number) + 1;
    };
    // One key (most terms): its entries are in order already.
    if (ranges.length === 1) {
      const { from, to } = ranges[0] as { from: number; to: number };
      const documentOf = this.documentOf;
      for (let e = from; e < to; e += 1) tally(documentOf ? (documentOf[all[e] as number] as number) : (all[e] as number));
      return { docs, counts, df };
    }
    // Several: their entries as document * MAX_POSITIONS + position, merged two lists at a time through two
    // reused buffers; a position in several lists is taken once.
    if (this.merging.from.length < total) this.merging = { from: new Float64Array(total), to: new Float64Array(total) };
    let { from: source, to: target } = this.merging;
    let bounds = [0];
    const { documentOf, shift, positions } = this;
    for (const range of ranges) {
      let at = bounds[bounds.length - 1] as number;
      if (documentOf && shift) {
        for (let e = range.from; e < range.to; e += 1) {
          const sentence = all[e] as number;
          source[at++] = (documentOf[sentence] as number) * MAX_POSITIONS + (shift[sentence] as number) + (positions[e] as number);
        }
      } else for (let e = range.from; e < range.to; e += 1) source[at++] = (all[e] as number) * MAX_POSITIONS + (positions[e] as number);
      bounds.push(at);
    }
    while (bounds.length > 2) {
      const next = [0];
      let out = 0;
      for (let l = 0; l + 1 < bounds.length; l += 2) {
        const end = bounds[l + 2];
        out = end === undefined ? copyRun(source, bounds[l] as number, bounds[l + 1] as number, target, out) : mergeRuns(source, bounds[l] as number, bounds[l + 1] as number, end, target, out);
        next.push(out);
      }
      bounds = next;
      [source, target] = [target, source];
    }
    const end = bounds[1] ?? 0;
    for (let i = 0; i < end; i += 1) tally(Math.floor((source[i] as number) / MAX_POSITIONS));
    return { docs, counts, df };
  }
}

/**
 * Writes the ascending runs `list[a..b)` and `list[b..c)` merged into `out` from `at`, an entry at the head of both
 * taken once; returns where the output ends.
 */
function mergeRuns(list: Float64Array, a: number, b: number, c: number, out: Float64Array, at: number): number {
  let i = a;
  let j = b;
  let n = at;
  while (i < b && j < c) {
    const x = list[i] as number;
    const y = list[j] as number;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    out[n++] = x < y ? x : y;
  }
  while (i < b) out[n++] = list[i++] as number;
  while (j < c) out[n++] = list[j++] as number;
  return n;
}

/** Copies `list[a..b)` into `out` from `at`; returns where the output ends. */
function copyRun(list: Float64Array, a: number, b: number, out: Float64Array, at: number): number {
  out.set(list.subarray(a, b), at);
  return at + b - a;
}
