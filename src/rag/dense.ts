/**
 * The dense side of retrieval: a question's nearest sentences by the cosine of their vectors, searched in the
 * index's exact copy or in its graph's segments (see vectors.ts).
 */
import type { BruteforceSearch } from "hnswlib-node";
import type { Logger } from "../logger.js";
import { ARABIC_NAME, ARABIC_WORD_NAME, LATIN_NAME, type QueryTerm } from "./analyze.js";
import { EmbeddingsError } from "./embedders/errors.js";
import type { IndexEmbeddings } from "./embedders/types.js";
import { IndexError } from "./errors.js";
import type { LoadedIndex } from "./store.js";
import type { GraphSegment } from "./vectors.js";

/** Nearest neighbours asked of the vector index. */
const DENSE_K = 40;

/** A question's nearest sentences in the vector index of one {@link LoadedIndex}. */
export class DenseSearch {
  /** The vectors: the exact copy (up to EXACT_MAX_VECTORS of them), or else the graph's segments. */
  private readonly exact: BruteforceSearch | undefined;
  private readonly segments: readonly GraphSegment[];
  /** The nearest labels of the graph's segments, merged (reused by every question). */
  private readonly nearest = new Nearest(DENSE_K);
  /** Per vector label, its sentence's position. */
  private readonly sentenceOfLabel: LabelTable;

  /** @throws IndexError("corrupt") when the index holds neither an exact copy nor a graph */
  constructor(
    index: Pick<LoadedIndex, "labels" | "exact" | "segments">,
    private readonly embeddings: IndexEmbeddings,
    private readonly logger: Logger,
  ) {
    this.sentenceOfLabel = new LabelTable(index.labels);
    if (!index.exact && !index.segments) throw new IndexError("corrupt", "the index holds no vectors");
    this.exact = index.exact;
    this.segments = index.segments ?? [];
  }

  /**
   * Cosine similarity of the nearest sentences, by sentence position; none when the question cannot be embedded
   * (logged: the lexical side still answers).
   */
  async search(question: string, terms: readonly QueryTerm[]): Promise<Map<number, number>> {
    const count = this.sentenceOfLabel.size;
    if (count === 0) return new Map();
    // A lexical embedder cannot cross languages by itself: give it the question's translations too.
    const text = this.embeddings.expandsQueries
      ? [question, ...terms.flatMap((t) => t.keys.filter((k) => !k.startsWith(ARABIC_NAME) && !k.startsWith(ARABIC_WORD_NAME) && !k.startsWith(LATIN_NAME)))].join(" ")
      : question;
    let vector: number[];
    try {
      vector = checkedQueryVector(await this.embeddings.embedQuery(text), this.embeddings.dimensions);
    } catch (error) {
      // An embedding server that is down, or one whose model was swapped since the index was built, must not take
      // answering with it: the lexical side still answers.
      this.logger.warn({ err: error, embedder: this.embeddings.id }, "embedding the question failed; answering from the lexical index alone");
      return new Map();
    }
    const k = Math.min(DENSE_K, count);
    const out = new Map<number, number>();
    // hnswlib's cosine space gives distances of 1 - cosine.
    if (this.exact) {
      const { neighbors, distances } = this.exact.searchKnn(vector, k);
      neighbors.forEach((label, i) => {
        const at = this.sentenceOfLabel.get(label);
        if (at !== undefined) out.set(at, 1 - (distances[i] ?? 1));
      });
      return out;
    }
    const nearest = this.nearest.search(this.segments, vector, k);
    for (let i = 0; i < nearest.count; i += 1) {
      const at = this.sentenceOfLabel.get(nearest.labels[i] as number);
      if (at !== undefined) out.set(at, 1 - (nearest.distances[i] as number));
    }
    return out;
  }
}

/**
 * The question's vector, if it can be searched: hnswlib throws on another length or a non-array, and NaN values
 * find neighbours at NaN distances, which decline every question without a word.
 * @throws EmbeddingsError("bad-model") naming what is wrong with it
 */
function checkedQueryVector(vector: unknown, dimensions: number): number[] {
  const bad = (why: string): EmbeddingsError => new EmbeddingsError("bad-model", `the embedder returned ${why}`);
  if (!Array.isArray(vector)) throw bad(`${typeof vector}, not a vector`);
  if (vector.length !== dimensions) throw bad(`a vector of ${vector.length} dimensions; the index holds ${dimensions}`);
  if (!vector.every(Number.isFinite)) throw bad("a vector holding a value that is not a finite number");
  return vector as number[];
}

/** Bits of a label that pick its position in a chunk of {@link LabelTable}. */
const LABEL_CHUNK_BITS = 16;

/**
 * Each vector label's sentence position, in typed chunks of 65,536 labels made only where labels fall: the
 * labels of a graph's segment are its number times 2^20 plus a number of its own, so they cluster, and a Map of
 * them was slow to fill at a start and large (figures in docs/scale.md).
 */
export class LabelTable {
  private readonly chunks: (Int32Array | undefined)[] = [];
  /** How many labels it holds. */
  readonly size: number;

  constructor(labels: Int32Array) {
    labels.forEach((label, at) => {
      const chunk = (this.chunks[label >>> LABEL_CHUNK_BITS] ??= new Int32Array(1 << LABEL_CHUNK_BITS).fill(-1));
      chunk[label & ((1 << LABEL_CHUNK_BITS) - 1)] = at;
    });
    this.size = labels.length;
  }

  /** The sentence position of `label`, or undefined for a label no sentence has (a deleted point's). */
  get(label: number): number | undefined {
    const at = this.chunks[label >>> LABEL_CHUNK_BITS]?.[label & ((1 << LABEL_CHUNK_BITS) - 1)];
    return at === undefined || at < 0 ? undefined : at;
  }
}

/**
 * The nearest points of a graph in segments: each segment's `k` nearest (at the ef the segment holds), merged by
 * distance into typed arrays reused by every search. Read the result before the next search.
 */
export class Nearest {
  /** Labels and distances of the nearest found, nearest first; `count` of them hold a result. */
  readonly labels: Int32Array;
  readonly distances: Float64Array;
  count = 0;

  constructor(private readonly capacity: number) {
    this.labels = new Int32Array(capacity);
    this.distances = new Float64Array(capacity);
  }

  /** The `k` (at most the capacity) nearest of `vector` over `segments`; ties keep the earlier segment first. */
  search(segments: readonly GraphSegment[], vector: number[], k: number): this {
    const want = Math.min(k, this.capacity);
    const { labels, distances } = this;
    let count = 0;
    for (const { graph } of segments) {
      const result = graph.searchKnn(vector, Math.min(want, graph.getMaxElements()));
      const found = result.neighbors;
      const far = result.distances;
      // Each segment answers nearest first: once one is not nearer than the k-th kept, neither are the rest.
      for (let i = 0; i < found.length; i += 1) {
        const distance = far[i] as number;
        if (count === want && distance >= (distances[want - 1] as number)) break;
        let at = count < want ? count++ : want - 1;
        while (at > 0 && (distances[at - 1] as number) > distance) {
          distances[at] = distances[at - 1] as number;
          labels[at] = labels[at - 1] as number;
          at -= 1;
        }
        distances[at] = distance;
        labels[at] = found[i] as number;
      }
    }
    this.count = count;
    return this;
  }
}
