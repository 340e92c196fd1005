/**
 * The engines compared by `npm run bench`, all over the same briefings and the same embedder:
 *
 * - default            this project: createRag (structured BM25 + passage context + hnswlib vectors, cited sentences, declines)
 * - langchain-chunks   the stock pipeline a newcomer writes: RecursiveCharacterTextSplitter chunks in the
 *                      HNSWLib store, similaritySearch(question, 3), the whole chunks as the answer
 * - bm25-passages      @langchain/community's BM25Retriever over this project's passages, top 3 passages
 * - vectors-hnsw       this project's sentence vectors alone, searched with its hnswlib index (ef 128), top 3 sentences
 * - vectors-exact      the same query vector and sentence vectors, brute-force exact search: the upper bound
 *                      of the approximate index
 *
 * Only `default` ever declines; the others always answer.
 */
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { BM25Retriever } from "@langchain/community/retrievers/bm25";
import { Document } from "@langchain/core/documents";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { ARABIC_NAME, LATIN_NAME } from "../src/rag/analyze.js";
import { Nearest } from "../src/rag/dense.js";
import { Retriever } from "../src/rag/retrieve.js";
import type { IndexEmbeddings } from "../src/rag/embedders/types.js";
import type { LoadedIndex } from "../src/rag/store.js";
import { buildSegments, GRAPH_SEGMENT_SIZE, storedVectors } from "../src/rag/vectors.js";
import type { Seed } from "../src/rag/seeds.js";
import type { Rag } from "../src/rag/types.js";
import { ExactSearch, type EngineReply } from "./measure.js";

export interface Engine {
  readonly name: string;
  ask(question: string): Promise<EngineReply>;
}

const TOP = 3;

/** This project's engine behind its public port. */
export function defaultEngine(rag: Rag): Engine {
  return {
    name: "default",
    async ask(question) {
      const answer = await rag.answer(question);
      return answer.kind === "answered" ? { declined: false, quotes: answer.citations.map((c) => c.quote) } : { declined: true, quotes: [] };
    },
  };
}

/** The LangChain quick-start: split, embed into HNSWLib, similaritySearch(question, 3). */
export async function langchainChunksEngine(seeds: readonly Seed[], embeddings: IndexEmbeddings): Promise<Engine> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const chunks = await splitter.createDocuments(
    seeds.map((s) => s.readText()),
    seeds.map((s) => ({ source: s.path })),
  );
  const store = await HNSWLib.fromDocuments(chunks, embeddings);
  return {
    name: "langchain-chunks",
    async ask(question) {
      const docs = await store.similaritySearch(question, TOP);
      return { declined: false, quotes: docs.map((d) => d.pageContent) };
    },
  };
}

/** The text of each passage of the index, in order. */
export function passageTexts(index: LoadedIndex): string[] {
  const texts = new Map(index.seeds.map((s) => [s.path, s.readText()]));
  return index.store.passages.map((p) => (texts.get(p.source) ?? "").slice(p.start, p.end));
}

/** The text of each sentence of the index, in vector-label order. */
export function sentenceTexts(index: LoadedIndex): string[] {
  const texts = new Map(index.seeds.map((s) => [s.path, s.readText()]));
  return index.store.passages.flatMap((p) => p.sentences.map((s) => (texts.get(p.source) ?? "").slice(s.start, s.end)));
}

/** LangChain's BM25Retriever (okapibm25, whitespace tokens, no stemming) over the same passages. */
export function bm25Engine(index: LoadedIndex): Engine {
  const docs = passageTexts(index).map((text, i) => new Document({ pageContent: text, metadata: { passage: i } }));
  const retriever = BM25Retriever.fromDocuments(docs, { k: TOP });
  return {
    name: "bm25-passages",
    async ask(question) {
      const found = await retriever.invoke(question);
      return { declined: false, quotes: found.map((d) => d.pageContent) };
    },
  };
}

/**
 * The query vector the default engine searches with: the question plus its translated terms, since a
 * lexical embedder cannot cross languages by itself (mirrors Retriever's private dense step).
 */
export async function queryVector(retriever: Retriever, embeddings: IndexEmbeddings, question: string): Promise<number[]> {
  const terms = retriever.terms(question);
  const text = embeddings.expandsQueries
    ? [question, ...terms.flatMap((t) => t.keys.filter((k) => !k.startsWith(ARABIC_NAME) && !k.startsWith(LATIN_NAME)))].join(" ")
    : question;
  return embeddings.embedQuery(text);
}

/** Reads every sentence vector of the index into an exact searcher (its labels are sentence positions). */
export async function exactSearchOf(index: LoadedIndex): Promise<ExactSearch> {
  const vectors = await storedVectors(index);
  return ExactSearch.fromPoints(index.labels.length, index.manifest.embedder.dimensions, (at) => vectors.get(index.labels[at] as number) ?? []);
}

/**
 * An hnswlib graph of the sentence vectors in segments, searched as the retriever searches it (each segment's k
 * nearest, merged), answering sentence positions: the index's own when it has one, else one built here as the
 * store builds its graphs (segments of GRAPH_SEGMENT_SIZE, hnswlib's defaults). A search at another ef puts the
 * segments' own ef back afterwards.
 */
export async function graphOf(index: LoadedIndex): Promise<{ search(vector: number[], k: number, ef: number): number[] }> {
  let { segments, labels } = index;
  if (!segments) {
    const vectors = await storedVectors(index);
    ({ segments, labels } = buildSegments(index.labels.length, GRAPH_SEGMENT_SIZE, index.manifest.embedder.dimensions, (at) => vectors.get(index.labels[at] as number) ?? []));
  }
  const graphs = segments;
  const positionOf = new Map(Array.from(labels, (label, at) => [label, at]));
  const nearest = new Nearest(64);
  return {
    search(vector, k, ef) {
      const own = graphs.map((s) => s.graph.getEf());
      for (const s of graphs) s.graph.setEf(ef);
      nearest.search(graphs, vector, k);
      graphs.forEach((s, i) => s.graph.setEf(own[i] as number));
      return Array.from(nearest.labels.subarray(0, nearest.count), (label) => positionOf.get(label) ?? -1);
    },
  };
}

/** Sentence vectors alone: top 3 sentences by an hnswlib graph (`exact` undefined, ef 128) or by brute force. */
export async function vectorEngine(index: LoadedIndex, embeddings: IndexEmbeddings, exact: ExactSearch | undefined): Promise<Engine> {
  const retriever = new Retriever(index, embeddings);
  const sentences = sentenceTexts(index);
  const graph = exact ? undefined : await graphOf(index);
  return {
    name: exact ? "vectors-exact" : "vectors-hnsw",
    async ask(question) {
      const vector = await queryVector(retriever, embeddings, question);
      const k = Math.min(TOP, index.labels.length);
      const positions = exact ? exact.search(vector, k).labels : (graph?.search(vector, k, 128) ?? []);
      return { declined: false, quotes: positions.map((at) => sentences[at] ?? "") };
    },
  };
}
