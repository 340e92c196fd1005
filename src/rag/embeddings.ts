/**
 * The default embedder: character n-gram hashing vectors, computed in process with no model. It sits behind
 * LangChain's `Embeddings` seam, so a neural model can replace it without touching retrieval.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { isStopword } from "./text/stopwords.js";
import { tokenize } from "./text/tokenize.js";

export interface HashingEmbeddingsOptions extends EmbeddingsParams {
  /** Vector length. */
  readonly dimensions?: number;
}

/** FNV-1a, 32 bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Signed feature hashing of the character 3- and 4-grams of each normalised content word (with word
 * boundary marks), log-scaled and L2-normalised: texts sharing word pieces ("تدعم" and "الدعم") get close.
 * It knows nothing of translation: for a question in another language the retriever embeds the question's
 * translated terms, which `expandsQueries` tells it to do.
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  /** Lexical vectors only meet across languages when the query is expanded with its translations first. */
  readonly expandsQueries = true;

  constructor({ dimensions = 384, ...params }: HashingEmbeddingsOptions = {}) {
    super(params);
    this.dimensions = dimensions;
  }

  /** Name and version, recorded in the index manifest: a change rebuilds the index. */
  get id(): string {
    return `hashing-ngram-v1-${this.dimensions}`;
  }

  embed(text: string): number[] {
    const counts = new Map<number, number>();
    for (const token of tokenize(text)) {
      if (isStopword(token.text)) continue;
      const word = `<${token.text}>`;
      for (const n of [3, 4]) {
        for (let i = 0; i + n <= word.length; i += 1) {
          const h = hash(word.slice(i, i + n));
          const slot = h % this.dimensions;
          const sign = h & 0x80000000 ? -1 : 1;
          counts.set(slot, (counts.get(slot) ?? 0) + sign);
        }
      }
    }
    const vector = new Array<number>(this.dimensions).fill(0);
    let norm = 0;
    for (const [slot, c] of counts) {
      const v = Math.sign(c) * Math.log1p(Math.abs(c));
      vector[slot] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    return vector.map((v) => v / norm);
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}
