/**
 * The index on disk: the hnswlib vectors (LangChain's HNSWLib store), the passage store and the manifest.
 *
 * index/
 *   manifest.json   format, chunker/analyzer/embedder versions, build time, each seed's SHA-256
 *   passages.json   passages with sentence offsets, the pruned lexicon, the table of matching keys
 *   terms.bin       each sentence's matching keys as numbers into that table (see packTerms)
 *   hnswlib/        HNSWLib.save(): hnswlib.index, args.json, docstore.json (label -> sentence position)
 *   exact.index     the same vectors for exact search (hnswlib's BruteforceSearch), up to EXACT_MAX_VECTORS
 *
 * A build writes a temporary folder and renames it into place, so a crash never leaves a half index. An update
 * touches only the changed briefings' entries: the others keep their passages, keys and vectors, and the graph
 * is updated (points marked deleted, new ones added) instead of rebuilt.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, sep } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import hnswlib, { type BruteforceSearch, type HierarchicalNSW } from "hnswlib-node";
import { documentTerms } from "./analyze.js";
import { IndexError } from "./errors.js";
import { ingest } from "./ingest.js";
import { packTerms, type PackedTerms } from "./lexical.js";
import { buildLexicon, lexiconFingerprint, type SerializedLexicon } from "./lexicon.js";
import { modelsFingerprint } from "./model.js";
import { EXACT_MAX_VECTORS } from "./retrieve.js";
import type { Passage } from "./types.js";
import type { Logger } from "../logger.js";

/** Bump when the on-disk layout changes (an added file that older indexes lack is read when present). */
const FORMAT = 2;
/** The sentences' matching keys, packed (see packTerms). */
const TERMS_FILE = "terms.bin";
/** The exact copy of the vectors (hnswlib's BruteforceSearch file). */
const EXACT_FILE = "exact.index";
/** Bump when ingestion (passages, sentences, labels) or the matching keys change. */
export const CHUNKER_VERSION = "ingest-v1";
export const ANALYZER_VERSION = "keys-v6";
/** The analyser's identity in the manifest: its version, the word lists and the fitted models it was built with. */
const analyzerId = (): string => `${ANALYZER_VERSION}+${lexiconFingerprint()}+${modelsFingerprint()}`;
/** Seeds larger than this are skipped with a warning: a briefing is an article, not a data dump. */
export const MAX_SEED_BYTES = 5 * 1024 * 1024;
const SEED_EXTENSIONS = [".txt", ".md"];
/**
 * A briefing may hold a few U+FFFD characters (its source's, or bytes that are not UTF-8): it is indexed with a
 * warning. Beyond this share of its characters it is not text (a binary, another encoding) and is skipped.
 */
const MAX_BAD_CHAR_SHARE = 0.01;

const replacementCount = (text: string): number => {
  let n = 0;
  for (let at = text.indexOf("\uFFFD"); at >= 0; at = text.indexOf("\uFFFD", at + 1)) n += 1;
  return n;
};

/** An embedder the index can record: LangChain's interface plus a stable id and dimension. */
export interface IndexEmbeddings extends EmbeddingsInterface {
  readonly id: string;
  readonly dimensions: number;
  readonly expandsQueries?: boolean;
}

export interface SeedRecord {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface Manifest {
  readonly format: number;
  readonly chunker: string;
  readonly analyzer: string;
  readonly embedder: { readonly id: string; readonly dimensions: number };
  readonly builtAt: string;
  readonly seeds: readonly SeedRecord[];
  readonly passages: number;
  readonly sentences: number;
}

/** A seed file read from disk. */
export interface Seed extends SeedRecord {
  readonly text: string;
}

export interface PassageStore {
  readonly passages: readonly Passage[];
  /** Per sentence (in passage order), per token, the token's keys. */
  readonly terms: readonly (readonly (readonly string[])[])[];
  readonly lexicon: SerializedLexicon;
  /** The same keys numbered, as terms.bin holds them (the lexical indexes are built from these). */
  readonly packed: PackedTerms;
}

/** Everything answering needs, loaded or freshly built. */
export interface LoadedIndex {
  readonly manifest: Manifest;
  readonly seeds: readonly Seed[];
  readonly store: PassageStore;
  readonly vectors: HNSWLib;
  /**
   * The same vectors for exact search (same labels), saved beside the graph so that a start does not copy them
   * out of it one by one; absent above EXACT_MAX_VECTORS, or when an older index did not save it.
   */
  readonly exact?: BruteforceSearch;
}

export interface BuildIndexOptions {
  /** Citation sources are relative to this folder. */
  readonly root: string;
  readonly seedsDir: string;
  readonly indexDir: string;
  readonly embeddings: IndexEmbeddings;
  readonly logger?: Logger;
}

const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/**
 * What {@link readSeeds} remembers between calls (a running bot's rescans): per file, its size, mtime and inode,
 * and the seed read from it (undefined for a file it skipped), so that unchanged files are neither read again
 * nor warned about twice.
 */
export type SeedCache = Map<string, { readonly stamp: string; readonly seed: Seed | undefined }>;

/**
 * Reads every .txt/.md briefing below `seedsDir`; skips (with a warning) binary and oversized files.
 * @param cache files whose size, mtime and inode are unchanged since the last call are taken from it.
 */
export async function readSeeds(root: string, seedsDir: string, logger?: Logger, cache?: SeedCache): Promise<Seed[]> {
  let names: string[];
  try {
    names = (await readdir(seedsDir, { recursive: true })).map(String).sort();
  } catch (error) {
    throw new IndexError("no-seeds", `cannot read the seeds folder ${relative(root, seedsDir) || seedsDir}`, { cause: error });
  }
  const seeds: Seed[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!SEED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)) || basename(name).startsWith(".")) continue;
    const file = join(seedsDir, name);
    const path = relative(root, file).split(sep).join("/");
    let data: Buffer;
    let stamp: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) continue;
      stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
      seen.add(path);
      const known = cache?.get(path);
      if (known?.stamp === stamp) {
        if (known.seed) seeds.push(known.seed);
        continue;
      }
      if (info.size > MAX_SEED_BYTES) {
        logger?.warn({ path, bytes: info.size, limit: MAX_SEED_BYTES }, "seed skipped: larger than the limit");
        cache?.set(path, { stamp, seed: undefined });
        continue;
      }
      data = await readFile(file);
    } catch (error) {
      // A dangling link, a file without read permission, one deleted meanwhile: skip it, keep the others.
      logger?.warn({ path, err: error }, "seed skipped: unreadable");
      continue;
    }
    const text = data.toString("utf8");
    const bad = replacementCount(text);
    if (data.includes(0) || bad > text.length * MAX_BAD_CHAR_SHARE) {
      logger?.warn({ path, badCharacters: bad }, "seed skipped: not UTF-8 text");
      cache?.set(path, { stamp, seed: undefined });
      continue;
    }
    if (bad > 0) logger?.warn({ path, badCharacters: bad }, "seed indexed despite invalid characters (U+FFFD)");
    const seed = { path, sha256: sha256(data), bytes: data.length, text };
    cache?.set(path, { stamp, seed });
    seeds.push(seed);
  }
  if (cache) for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  if (seeds.length === 0) {
    throw new IndexError("no-seeds", `no .txt or .md briefing in ${relative(root, seedsDir) || seedsDir}`);
  }
  return seeds;
}

/** The text of a briefing by path; a passage pointing at an unknown file is a bug, never an empty quote. */
export function sourceText(texts: ReadonlyMap<string, string>, path: string): string {
  const text = texts.get(path);
  if (text === undefined) throw new Error(`no source text for ${path}`);
  return text;
}

/** A briefing's share of an index: its passages and, per sentence, the keys; and where its sentences start. */
interface SeedSlice {
  readonly passages: readonly Passage[];
  readonly terms: readonly (readonly (readonly string[])[])[];
  /** Position of its first sentence among the index's sentences. */
  readonly firstSentence: number;
}

const seedKey = (s: { readonly path: string; readonly sha256: string }): string => `${s.path}:${s.sha256}`;

/** Each briefing's slice of `index` (passages are stored briefing by briefing, in seed order). */
function slicesOf(index: LoadedIndex): Map<string, SeedSlice> {
  const { passages, terms } = index.store;
  const shaOf = new Map(index.manifest.seeds.map((s) => [s.path, s.sha256]));
  const slices = new Map<string, SeedSlice>();
  let sentence = 0;
  for (let at = 0; at < passages.length; ) {
    const source = (passages[at] as Passage).source;
    let end = at;
    let count = 0;
    while (end < passages.length && (passages[end] as Passage).source === source) count += (passages[end++] as Passage).sentences.length;
    const sha = shaOf.get(source);
    if (sha !== undefined) slices.set(`${source}:${sha}`, { passages: passages.slice(at, end), terms: terms.slice(sentence, sentence + count), firstSentence: sentence });
    sentence += count;
    at = end;
  }
  return slices;
}

const authorsOf = (passages: readonly Passage[]): Set<string> => new Set(passages.flatMap((p) => (p.author ? [p.author.toLowerCase()] : [])));

/**
 * The passage store of `seeds`: passages, each sentence's matching keys, and the lexicon pruned to them. The
 * briefings unchanged since `previous` keep their passages and keys (only a sentence naming an @handle is
 * analysed again when the set of tweet authors changed); `reused` maps each new sentence position to its
 * position in `previous`, or -1 for a sentence that is new.
 */
function buildPassageStore(seeds: readonly Seed[], previous?: LoadedIndex): { store: PassageStore; reused: Int32Array } {
  const slices = previous && previous.manifest.chunker === CHUNKER_VERSION ? slicesOf(previous) : new Map<string, SeedSlice>();
  const parts = seeds.map((seed) => ({ seed, slice: slices.get(seedKey(seed)), passages: slices.get(seedKey(seed))?.passages ?? ingest({ path: seed.path, text: seed.text }) }));
  const passages = parts.flatMap((p) => p.passages);
  const authors = authorsOf(passages);
  const before = previous ? authorsOf(previous.store.passages) : new Set<string>();
  const sameAuthors = authors.size === before.size && [...authors].every((a) => before.has(a));
  const terms: (readonly (readonly string[])[])[] = [];
  const reused: number[] = [];
  for (const { seed, slice, passages: own } of parts) {
    let i = 0;
    for (const passage of own) {
      for (const sentence of passage.sentences) {
        const text = seed.text.slice(sentence.start, sentence.end);
        const old = slice?.terms[i];
        terms.push(old && (sameAuthors || !text.includes("@")) ? old : documentTerms(text, authors));
        reused.push(slice ? slice.firstSentence + i : -1);
        i += 1;
      }
    }
  }
  const keys = new Set<string>();
  for (const sentence of terms) for (const token of sentence) for (const key of token) keys.add(key);
  return { store: { passages, terms, lexicon: buildLexicon(keys), packed: packTerms(terms) }, reused: Int32Array.from(reused) };
}

/**
 * Builds the index of the seeds and writes it atomically to `indexDir`; returns it loaded.
 * @param seeds the seeds if already read; @param previous an older index whose unchanged files' vectors are reused.
 */
export async function buildIndex(options: BuildIndexOptions, seeds?: readonly Seed[], previous?: LoadedIndex): Promise<LoadedIndex> {
  const { root, seedsDir, indexDir, embeddings, logger } = options;
  const started = performance.now();
  seeds ??= await readSeeds(root, seedsDir, logger);
  const { store, reused } = buildPassageStore(seeds, previous);
  if (store.terms.length === 0) {
    throw new IndexError("no-seeds", `the briefings in ${relative(root, seedsDir) || seedsDir} hold no sentence to index`);
  }
  const { vectors, exact } = await embedSentences(store, seeds, embeddings, reused, previous, logger);
  const manifest: Manifest = {
    format: FORMAT,
    chunker: CHUNKER_VERSION,
    analyzer: analyzerId(),
    embedder: { id: embeddings.id, dimensions: embeddings.dimensions },
    builtAt: new Date().toISOString(),
    seeds: seeds.map(({ path, sha256, bytes }) => ({ path, sha256, bytes })),
    passages: store.passages.length,
    sentences: store.terms.length,
  };
  const index: LoadedIndex = { manifest, seeds, store, vectors, ...(exact ? { exact } : {}) };
  try {
    await writeIndex(indexDir, index);
  } catch (error) {
    logger?.warn({ err: error, indexDir }, "index built in memory but could not be saved; it will be rebuilt next start");
  }
  logger?.info({ seeds: seeds.length, passages: manifest.passages, sentences: manifest.sentences, ms: Math.round(performance.now() - started) }, "index built");
  return index;
}

/**
 * Per sentence position, its label in the vector index, read from the docstore; undefined when the docstore
 * does not hold exactly one label per sentence (a damaged or foreign index).
 */
export function sentenceLabels(vectors: HNSWLib, sentences: number): Int32Array | undefined {
  const labels = new Int32Array(sentences).fill(-1);
  if (vectors.docstore._docs.size !== sentences) return undefined;
  for (const [id, doc] of vectors.docstore._docs) {
    const at = Number(doc.metadata["sentence"]);
    const label = Number(id);
    if (!Number.isInteger(at) || at < 0 || at >= sentences || labels[at] !== -1 || !Number.isInteger(label) || label < 0) return undefined;
    labels[at] = label;
  }
  return labels;
}

/** Beyond this share of deleted points (briefings removed, not replaced) the graph is rebuilt from its vectors. */
const MAX_DELETED_SHARE = 0.25;

/**
 * The sentence vectors. Without a usable `previous` every sentence is embedded into a new graph. With one, its
 * graph is copied and updated in place of a rebuild: the sentences of removed or changed briefings are marked
 * deleted, the new ones embedded and added (taking deleted points' slots), and the docstore maps each label to
 * its sentence's new position. `reused[i]` is sentence i's position in `previous`, or -1.
 */
async function embedSentences(
  store: PassageStore,
  seeds: readonly Seed[],
  embeddings: IndexEmbeddings,
  reused: Int32Array,
  previous?: LoadedIndex,
  logger?: Logger,
): Promise<{ vectors: HNSWLib; exact: BruteforceSearch | undefined }> {
  const texts = new Map(seeds.map((s) => [s.path, s.text]));
  const sentenceTexts = store.passages.flatMap((p) => p.sentences.map((s) => sourceText(texts, p.source).slice(s.start, s.end)));
  const compatible =
    previous !== undefined &&
    previous.manifest.embedder.id === embeddings.id &&
    previous.manifest.embedder.dimensions === embeddings.dimensions &&
    previous.manifest.chunker === CHUNKER_VERSION;
  const labels = compatible ? sentenceLabels(previous.vectors, previous.manifest.sentences) : undefined;
  const fresh: number[] = [];
  reused.forEach((old, at) => {
    if (old < 0 || !labels) fresh.push(at);
  });
  const embedded = await embeddings.embedDocuments(fresh.map((at) => sentenceTexts[at] as string));
  const vectorOf = new Map(fresh.map((at, i) => [at, embedded[i] as number[]]));
  const documentOf = (at: number): Document => new Document({ pageContent: sentenceTexts[at] as string, metadata: { sentence: at } });

  if (compatible && labels) {
    const graph = previous.vectors.index;
    const kept = new Set<number>();
    reused.forEach((old) => old >= 0 && kept.add(old));
    const live = reused.length;
    const deletedAfter = graph.getCurrentCount() - previous.manifest.sentences + (labels.length - kept.size) - fresh.length;
    if (deletedAfter <= live * MAX_DELETED_SHARE) {
      return updateGraph(previous, embeddings, { labels, reused, vectorOf, documentOf });
    }
    logger?.info({ deleted: deletedAfter, live }, "many briefings removed since the vector graph was built; rebuilding it from the stored vectors");
  }
  // A new graph: vectors of unchanged sentences are read back from `previous` (never embedded twice).
  const documents = sentenceTexts.map((_, at) => documentOf(at));
  const vectors = sentenceTexts.map((_, at) => {
    const old = reused[at] as number;
    return vectorOf.get(at) ?? (labels && old >= 0 ? previous!.vectors.index.getPoint(labels[old] as number) : []);
  });
  const hnsw = new HNSWLib(embeddings, { space: "cosine", numDimensions: embeddings.dimensions });
  await hnsw.addVectors(vectors, documents);
  return { vectors: hnsw, exact: vectors.length <= EXACT_MAX_VECTORS ? exactOf(vectors.map((v, label) => [label, v] as const), embeddings.dimensions) : undefined };
}

/** Room left in a new exact copy for the sentences of briefings added later (it cannot be resized). */
const exactCapacity = (count: number): number => count + Math.max(64, Math.ceil(count / 4));

/** A brute-force index of `points` (label, vector). */
function exactOf(points: Iterable<readonly [number, number[]]>, dimensions: number, count?: number): BruteforceSearch {
  const list = [...points];
  const exact = new hnswlib.BruteforceSearch("cosine", dimensions);
  exact.initIndex(exactCapacity(count ?? list.length));
  for (const [label, vector] of list) exact.addPoint(vector, label);
  return exact;
}

/** The exact copy of a graph's live points (those the docstore names), read out of the graph one by one. */
function exactFromGraph(vectors: HNSWLib, dimensions: number): BruteforceSearch | undefined {
  const labels = [...vectors.docstore._docs.keys()].map(Number);
  if (labels.length > EXACT_MAX_VECTORS) return undefined;
  return exactOf(
    labels.map((label) => [label, vectors.index.getPoint(label)] as const),
    dimensions,
  );
}

/**
 * A copy of `previous`'s graph updated for the new sentences (the copy keeps the index that still answers
 * untouched while this one is built): points whose sentence is gone are marked deleted, new ones added.
 */
async function updateGraph(
  previous: LoadedIndex,
  embeddings: IndexEmbeddings,
  update: { labels: Int32Array; reused: Int32Array; vectorOf: ReadonlyMap<number, number[]>; documentOf: (at: number) => Document },
): Promise<{ vectors: HNSWLib; exact: BruteforceSearch | undefined }> {
  const { labels, reused, vectorOf, documentOf } = update;
  const graph = await copyGraph(previous.vectors, embeddings.dimensions);
  const kept = new Set<number>();
  reused.forEach((old) => old >= 0 && kept.add(old));
  const gone: number[] = [];
  labels.forEach((label, old) => {
    if (!kept.has(old)) {
      graph.markDelete(label);
      gone.push(label);
    }
  });
  // A label never used before: a deleted point keeps its label until its slot is taken.
  let next = 0;
  for (const id of graph.getIdsList()) next = Math.max(next, id + 1);
  const needed = graph.getCurrentCount() + vectorOf.size;
  if (needed > graph.getMaxElements()) graph.resizeIndex(needed);
  const hnsw = new HNSWLib(embeddings, { space: "cosine", numDimensions: embeddings.dimensions, index: graph });
  hnsw.args = { space: "cosine", numDimensions: embeddings.dimensions }; // args.json must not hold the graph
  const docs: Record<string, Document> = {};
  const added: (readonly [number, number[]])[] = [];
  reused.forEach((old, at) => {
    let label: number;
    if (old >= 0) label = labels[old] as number;
    else {
      label = next++;
      const vector = vectorOf.get(at) as number[];
      graph.addPoint(vector, label, true);
      added.push([label, vector]);
    }
    docs[String(label)] = documentOf(at);
  });
  hnsw.docstore.add(docs);
  return { vectors: hnsw, exact: await updateExact(previous.exact, hnsw, embeddings.dimensions, gone, added) };
}

/**
 * The exact copy after an update: the previous one without the gone points and with the new ones, or one read
 * out of the updated graph when there was none.
 */
async function updateExact(
  previous: BruteforceSearch | undefined,
  vectors: HNSWLib,
  dimensions: number,
  gone: readonly number[],
  added: readonly (readonly [number, number[]])[],
): Promise<BruteforceSearch | undefined> {
  if (vectors.docstore._docs.size > EXACT_MAX_VECTORS) return undefined;
  if (!previous) return exactFromGraph(vectors, dimensions);
  const exact = await filteredExact(previous, dimensions, new Set(gone), added.length);
  for (const [label, vector] of added) exact.addPoint(vector, label);
  return exact;
}

/** hnswlib's BruteforceSearch file: three 8-byte counts (slots, slot size, points), then the slots. */
const EXACT_HEADER = 24;

/**
 * A copy of `exact` without the points labelled `gone`, with room for `extra` more. hnswlib's removePoint
 * cannot be used on an index read from a file (it does not rebuild its label map on loading), so the copy is
 * made in its file format: the kept slots' bytes, then read back.
 */
async function filteredExact(exact: BruteforceSearch, dimensions: number, gone: ReadonlySet<number>, extra: number): Promise<BruteforceSearch> {
  const dir = await mkdtemp(join(tmpdir(), "briefing-exact-"));
  try {
    const file = join(dir, EXACT_FILE);
    await exact.writeIndex(file);
    const bytes = await readFile(file);
    const slot = Number(bytes.readBigUInt64LE(8));
    const count = Number(bytes.readBigUInt64LE(16));
    const dataSize = dimensions * 4;
    if (slot !== dataSize + 8) throw new Error(`unexpected exact index slot size ${slot} for ${dimensions} dimensions`);
    const kept: number[] = [];
    for (let i = 0; i < count; i += 1) {
      if (!gone.has(Number(bytes.readBigUInt64LE(EXACT_HEADER + i * slot + dataSize)))) kept.push(i);
    }
    const capacity = Math.max(Number(bytes.readBigUInt64LE(0)), kept.length + extra > Number(bytes.readBigUInt64LE(0)) ? exactCapacity(kept.length + extra) : 0);
    const out = Buffer.alloc(EXACT_HEADER + capacity * slot);
    out.writeBigUInt64LE(BigInt(capacity), 0);
    out.writeBigUInt64LE(BigInt(slot), 8);
    out.writeBigUInt64LE(BigInt(kept.length), 16);
    // Copied in runs of consecutive kept slots: one briefing's removal leaves a few long runs.
    for (let to = 0; to < kept.length; ) {
      const from = kept[to] as number;
      let run = 1;
      while (to + run < kept.length && kept[to + run] === from + run) run += 1;
      bytes.copy(out, EXACT_HEADER + to * slot, EXACT_HEADER + from * slot, EXACT_HEADER + (from + run) * slot);
      to += run;
    }
    await writeFile(file, out);
    const copy = new hnswlib.BruteforceSearch("cosine", dimensions);
    await copy.readIndex(file);
    return copy;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An independent copy of a store's graph (through a temporary file: hnswlib copies no other way), open to replacing deleted points. */
async function copyGraph(store: HNSWLib, dimensions: number): Promise<HierarchicalNSW> {
  const dir = await mkdtemp(join(tmpdir(), "briefing-graph-"));
  try {
    const file = join(dir, "hnswlib.index");
    await store.index.writeIndex(file);
    const copy = new hnswlib.HierarchicalNSW(store.args.space, dimensions);
    await copy.readIndex(file, true);
    return copy;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeIndex(indexDir: string, index: LoadedIndex): Promise<void> {
  await mkdir(dirname(indexDir), { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = `${indexDir}.tmp-${suffix}`;
  const old = `${indexDir}.old-${suffix}`;
  try {
    await mkdir(tmp, { recursive: true });
    await index.vectors.save(join(tmp, "hnswlib"));
    if (index.exact) await index.exact.writeIndex(join(tmp, EXACT_FILE));
    const { keys, words } = index.store.packed;
    await writeFile(join(tmp, "passages.json"), JSON.stringify({ passages: index.store.passages, lexicon: index.store.lexicon, keys }));
    await writeFile(join(tmp, TERMS_FILE), Buffer.from(words.buffer, words.byteOffset, words.byteLength));
    // The manifest goes last: a folder without one is never taken for an index.
    await writeFile(join(tmp, "manifest.json"), JSON.stringify(index.manifest, null, 2));
    if (existsSync(indexDir)) await rename(indexDir, old);
    await rename(tmp, indexDir);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    // Put the previous index back if it was moved aside and the new one did not take its place.
    let restoreError: unknown;
    if (existsSync(old) && !existsSync(indexDir)) await rename(old, indexDir).catch((e: unknown) => (restoreError = e));
    await rm(tmp, { recursive: true, force: true });
    const cause = restoreError === undefined ? error : new AggregateError([error, restoreError], "writing and restoring the index failed");
    throw new IndexError("unwritable", `cannot write the index to ${indexDir}`, { cause });
  }
}

/**
 * What is on disk: a fresh index; a stale one (seeds changed: its vectors are reused for unchanged files);
 * nothing; or one built by another chunker, analyzer or embedder, which is rebuilt from scratch.
 */
export type LoadResult =
  | { readonly status: "fresh"; readonly index: LoadedIndex }
  | { readonly status: "stale"; readonly previous: LoadedIndex }
  | { readonly status: "missing" | "incompatible" };

/**
 * Loads the index at `indexDir` and checks it against the seeds and the embedder.
 * @throws IndexError("corrupt") when its files are missing, unreadable or disagree with each other.
 */
export async function loadIndex(indexDir: string, seeds: readonly Seed[], embeddings: IndexEmbeddings): Promise<LoadResult> {
  const manifestPath = join(indexDir, "manifest.json");
  if (!existsSync(manifestPath)) {
    if (existsSync(indexDir) && (await readdir(indexDir)).length > 0) corrupt(indexDir, new Error("no manifest.json"));
    return { status: "missing" };
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
    if (!isManifest(manifest)) throw new Error("manifest.json does not have the manifest's shape");
  } catch (error) {
    return corrupt(indexDir, error);
  }
  if (
    manifest.format !== FORMAT ||
    manifest.chunker !== CHUNKER_VERSION ||
    manifest.analyzer !== analyzerId() ||
    manifest.embedder?.id !== embeddings.id ||
    manifest.embedder.dimensions !== embeddings.dimensions
  ) {
    return { status: "incompatible" };
  }
  let loaded: LoadedIndex;
  try {
    const saved = JSON.parse(await readFile(join(indexDir, "passages.json"), "utf8")) as Omit<PassageStore, "terms" | "packed"> & { keys: string[] };
    if (!Array.isArray(saved.passages) || !Array.isArray(saved.keys) || typeof saved.lexicon !== "object" || saved.lexicon === null) {
      throw new Error("passages.json does not have the passage store's shape");
    }
    const packed = readPacked(await readFile(join(indexDir, TERMS_FILE)), saved.keys);
    const store = loadedStore(saved.passages, saved.lexicon, packed);
    const vectors = await HNSWLib.load(join(indexDir, "hnswlib"), embeddings);
    const count = vectors.docstore._docs.size;
    const sentences = packed.words[0];
    if (sentences !== manifest.sentences || count !== manifest.sentences || store.passages.reduce((n, p) => n + (p?.sentences?.length ?? 0), 0) !== manifest.sentences) {
      throw new Error(`sentence counts disagree: manifest ${manifest.sentences}, keys ${sentences}, vectors ${count}`);
    }
    if (!sentenceLabels(vectors, manifest.sentences)) throw new Error("the vector docstore does not map one label to each sentence");
    if (vectors.index.getCurrentCount() < count) throw new Error(`the vector graph holds ${vectors.index.getCurrentCount()} points for ${count} sentences`);
    if (vectors.index.getNumDimensions() !== manifest.embedder.dimensions) {
      throw new Error(`vector dimensions disagree: manifest ${manifest.embedder.dimensions}, index ${vectors.index.getNumDimensions()}`);
    }
    const exact = await readExact(indexDir, manifest.embedder.dimensions, count);
    loaded = { manifest, seeds, store, vectors, ...(exact ? { exact } : {}) };
  } catch (error) {
    return corrupt(indexDir, error);
  }
  const current = seeds.map((s) => `${s.path}:${s.sha256}`).join("\n");
  const recorded = manifest.seeds.map((s) => `${s.path}:${s.sha256}`).join("\n");
  return current === recorded ? { status: "fresh", index: loaded } : { status: "stale", previous: loaded };
}

/**
 * The 32-bit numbers of terms.bin (the platform's byte order, little-endian everywhere Node runs; layout:
 * {@link PackedTerms}), checked against `keys` without building the strings.
 * @throws Error when the bytes do not hold such a packing.
 */
function readPacked(bytes: Buffer, keys: readonly string[]): PackedTerms {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength === 0) throw new Error(`${TERMS_FILE} is ${bytes.byteLength} bytes, not whole 32-bit numbers`);
  // A view needs 4-byte alignment; a Buffer from a pool may not have it.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(Uint8Array.from(bytes).buffer);
  const next = (at: number): number => {
    const value = words[at];
    if (value === undefined) throw new Error(`${TERMS_FILE} ends too early`);
    return value;
  };
  let at = 0;
  const count = next(at++);
  if (count > words.length) throw new Error(`${TERMS_FILE} claims ${count} sentences in ${words.length} numbers`);
  for (let s = 0; s < count; s += 1) {
    const tokens = next(at++);
    for (let t = 0; t < tokens; t += 1) {
      const n = next(at++);
      for (let k = 0; k < n; k += 1) {
        if (next(at++) >= keys.length) throw new Error(`${TERMS_FILE} names a key that passages.json does not hold`);
      }
    }
  }
  if (at !== words.length) throw new Error(`${TERMS_FILE} holds ${words.length - at} numbers more than its sentences`);
  return { words, keys };
}

/** The keys of checked {@link PackedTerms} as strings: per sentence, per token, its keys. */
function unpackTerms({ words, keys }: PackedTerms): string[][][] {
  let at = 0;
  const count = words[at++] as number;
  const terms: string[][][] = new Array<string[][]>(count);
  for (let s = 0; s < count; s += 1) {
    const tokens = words[at++] as number;
    const sentence: string[][] = new Array<string[]>(tokens);
    for (let t = 0; t < tokens; t += 1) {
      const n = words[at++] as number;
      const token: string[] = new Array<string>(n);
      for (let k = 0; k < n; k += 1) token[k] = keys[words[at++] as number] as string;
      sentence[t] = token;
    }
    terms[s] = sentence;
  }
  return terms;
}

/** A loaded passage store whose sentences' keys are unpacked into strings only when first read (an update). */
function loadedStore(passages: readonly Passage[], lexicon: SerializedLexicon, packed: PackedTerms): PassageStore {
  let terms: string[][][] | undefined;
  return {
    passages,
    lexicon,
    packed,
    get terms() {
      terms ??= unpackTerms(packed);
      return terms;
    },
  };
}

/**
 * The saved exact copy, if the index has one (older ones do not: the retriever then copies the graph).
 * @throws Error when it is damaged: its size or count disagrees with the sentences.
 */
async function readExact(indexDir: string, dimensions: number, sentences: number): Promise<BruteforceSearch | undefined> {
  const file = join(indexDir, EXACT_FILE);
  if (!existsSync(file)) return undefined;
  const exact = new hnswlib.BruteforceSearch("cosine", dimensions);
  await exact.readIndex(file);
  // hnswlib's file: three 8-byte counts, then for each slot the vector (float32) and its 8-byte label.
  const expected = 24 + exact.getMaxElements() * (dimensions * 4 + 8);
  const bytes = (await stat(file)).size;
  if (bytes !== expected || exact.getCurrentCount() !== sentences) {
    throw new Error(`${EXACT_FILE} holds ${exact.getCurrentCount()} vectors in ${bytes} bytes; expected ${sentences} in ${expected}`);
  }
  return exact;
}

/** Whether parsed JSON has the fields a manifest must have (it may come from an older or damaged build). */
function isManifest(value: unknown): value is Manifest {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  const embedder = m["embedder"] as Record<string, unknown> | null | undefined;
  return (
    typeof m["format"] === "number" &&
    typeof m["chunker"] === "string" &&
    typeof m["analyzer"] === "string" &&
    typeof embedder === "object" &&
    embedder !== null &&
    typeof embedder["id"] === "string" &&
    typeof embedder["dimensions"] === "number" &&
    typeof m["builtAt"] === "string" &&
    typeof m["sentences"] === "number" &&
    Array.isArray(m["seeds"]) &&
    (m["seeds"] as unknown[]).every((s) => typeof s === "object" && s !== null && typeof (s as SeedRecord).path === "string" && typeof (s as SeedRecord).sha256 === "string")
  );
}

function corrupt(indexDir: string, cause?: unknown): never {
  throw new IndexError("corrupt", `the index in ${indexDir} is damaged`, { cause });
}
