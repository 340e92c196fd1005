/**
 * One measurement of the scale study, in its own process so that peak RSS figures never mix:
 *
 *   build <root> <indexDir>                 build the index of <root>/seeds from scratch
 *   query <root> <indexDir> <size> <reps>   load it, time questions, recall@10 of hnswlib against exact search
 *   update <root> <indexDir>                add one new briefing to the built index, change it, remove it;
 *                                           time each incremental update
 *
 * The result goes to the parent over IPC (or stdout when run by hand).
 */
import { readdir, stat, readFile, writeFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { EvalRow } from "../src/cli/metrics.js";
import { HashingEmbeddings } from "../src/rag/embeddings.js";
import { createRag } from "../src/rag/index.js";
import { Retriever } from "../src/rag/retrieve.js";
import { readSeeds } from "../src/rag/seeds.js";
import { buildIndex, loadIndex } from "../src/rag/store.js";
import { exactSearchOf, graphOf, queryVector } from "./engines.js";
import { latencyStats, peakRssMiB, recallAtK, scoreReplies, timeEach } from "./measure.js";
import type { BuildResult, QueryResult, UpdateResult, UpdateResults } from "./scale-types.js";
import { createRandom, scaleCorpus } from "./synthetic.js";

async function du(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await du(join(path, name));
  return total;
}

const embeddings = new HashingEmbeddings();

async function build(root: string, indexDir: string): Promise<BuildResult> {
  const seedsDir = join(root, "seeds");
  const started = performance.now();
  const index = await buildIndex({ root, seedsDir, indexDir, embeddings });
  const buildMs = performance.now() - started;
  return { buildMs, indexBytes: await du(indexDir), passages: index.manifest.passages, sentences: index.manifest.sentences, peakRssMiB: peakRssMiB() };
}

async function query(root: string, indexDir: string, size: number, reps: number, devFile: string): Promise<QueryResult> {
  const seedsDir = join(root, "seeds");
  const started = performance.now();
  const rag = await createRag({ root, seedsDir, indexDir, embeddings });
  const startMs = performance.now() - started;
  const rows = (await readFile(devFile, "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRow);
  const corpus = await scaleCorpus(root);
  const random = createRandom(size);
  const synthetic = size > 1 ? Array.from({ length: 36 }, () => corpus.question(Math.floor(random() * (size - 1)))) : [];
  const questions = [...rows.map((r) => r.question), ...synthetic];
  const latency = latencyStats(await timeEach(questions, (q) => rag.answer(q), { warmup: 2, reps }));
  const replies = [];
  for (const row of rows) {
    const a = await rag.answer(row.question);
    replies.push(a.kind === "answered" ? { declined: false, quotes: a.citations.map((c) => c.quote) } : { declined: true, quotes: [] });
  }
  const devHit1 = scoreReplies(rows, replies).hit1;
  const servingPeak = peakRssMiB();

  // Recall of an hnswlib graph over the same vectors (the index's own above EXACT_MAX_VECTORS sentences; below,
  // where the engine searches exactly, one built here for the comparison): top 10 against exact search.
  const retriever = new Retriever(rag.index, embeddings);
  const exact = await exactSearchOf(rag.index);
  const graph = await graphOf(rag.index);
  const recallQuestions = [...questions, ...(size > 1 ? Array.from({ length: 64 }, () => corpus.question(Math.floor(random() * (size - 1)))) : [])];
  const k = Math.min(10, exact.count);
  let recall = 0;
  let recallDefault = 0;
  for (const q of recallQuestions) {
    const vector = await queryVector(retriever, embeddings, q);
    const truth = exact.search(vector, k);
    const similarity = (label: number): number => exact.similarity(vector, label);
    recall += recallAtK(graph.search(vector, k, 128), truth, similarity, k);
    recallDefault += recallAtK(graph.search(vector, k, 10), truth, similarity, k);
  }
  return {
    startMs,
    latency,
    peakRssMiB: servingPeak,
    recall10: recall / recallQuestions.length,
    recall10DefaultEf: recallDefault / recallQuestions.length,
    recallQueries: recallQuestions.length,
    devHit1,
  };
}

/** Adds one new briefing, changes it, removes it: each an incremental update of the index built before. */
async function update(root: string, indexDir: string): Promise<UpdateResults> {
  const seedsDir = join(root, "seeds");
  const corpus = await scaleCorpus(root);
  const file = join(seedsDir, "synthetic-added.txt");
  let embedded = 0;
  const counting = new HashingEmbeddings();
  counting.embedDocuments = async (texts: string[]) => {
    embedded += texts.length;
    return texts.map((t) => counting.embed(t));
  };
  const options = { root, seedsDir, indexDir, embeddings: counting };
  try {
    await writeFile(file, corpus.briefing(999_999));
    const started = performance.now();
    let seeds = await readSeeds(root, seedsDir);
    const loaded = await loadIndex(indexDir, seeds, embeddings);
    if (loaded.status !== "stale") throw new Error(`expected a stale index after adding a briefing, got ${loaded.status}`);
    const loadMs = performance.now() - started;
    let previous = loaded.previous;
    const timed = async (): Promise<UpdateResult> => {
      embedded = 0;
      const t = performance.now();
      previous = await buildIndex(options, seeds, previous);
      return { loadMs: 0, updateMs: performance.now() - t, embeddedSentences: embedded, totalSentences: previous.manifest.sentences };
    };
    const add = { ...(await timed()), loadMs };
    await writeFile(file, corpus.briefing(999_998));
    seeds = await readSeeds(root, seedsDir);
    const change = await timed();
    await rm(file, { force: true });
    seeds = await readSeeds(root, seedsDir);
    const remove = await timed();
    return { add, change, remove };
  } finally {
    await rm(file, { force: true });
  }
}

const [mode, root = ".", indexDir = "index", size = "1", reps = "20", devFile = ""] = process.argv.slice(2);
const result = mode === "build" ? await build(root, indexDir) : mode === "query" ? await query(root, indexDir, Number(size), Number(reps), devFile) : mode === "update" ? await update(root, indexDir) : undefined;
if (!result) throw new Error("usage: scale-child.ts build|query|update <root> <indexDir> [size] [reps] [dev.jsonl]");
if (process.send) process.send(result);
else process.stdout.write(`${JSON.stringify(result)}\n`);
