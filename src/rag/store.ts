/**
 * The index on disk: the sentence vectors (hnswlib), the passage store and the manifest.
 *
 * index/
 *   manifest.json   format, chunker/analyzer/embedder versions, build time, each seed's SHA-256 and stamp
 *   passages.bin    passages with sentence offsets and the table of matching keys (see passage-file.ts)
 *   lexicon.json    the lexicon pruned to those keys
 *   terms.bin       each sentence's matching keys as numbers into that table (see PackedTerms)
 *   labels.bin      each sentence's label in the vector index (32-bit numbers, sentence order)
 *   exact.index     the vectors for exact search (hnswlib's BruteforceSearch), up to EXACT_MAX_VECTORS sentences
 *   graph-000.index, graph-001.index, ...
 *                   above that, the hnswlib graph in segments instead: one HierarchicalNSW of at most
 *                   GRAPH_SEGMENT_SIZE points each, its number in the name and in its labels' high bits (segmentOf)
 *   wordlists.bin   the dictionary and WordNet parsed for the lexicon (read by the next update, not by answering)
 *
 * A build writes a temporary folder and renames it into place, so a crash never leaves a half index. An update
 * touches only the changed briefings' entries: the others keep their passages, keys and vectors; the exact copy
 * is copied without the gone points; of the graph, only the segments holding a gone point or taking the new ones
 * are copied and updated (points marked deleted, new ones added). The other segments are shared, never changed
 * once published: in memory by the old index and the new one, on disk hard-linked from the old folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { link, mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { crc32 } from "node:zlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import hnswlib, { type BruteforceSearch, type HierarchicalNSW } from "hnswlib-node";
import { documentTerms } from "./analyze.js";
import { IndexError } from "./errors.js";
import { createGraphWorkers, type GraphWorkers } from "./graph-workers.js";
import { ingest } from "./ingest.js";
import { decodePassages, encodePassages } from "./passage-file.js";
import { scratchPrefix } from "./lock.js";
import { readSeeds, recordedSeed, seedKey, seedTexts, sourceText, type Seed, type SeedCache, type SeedRecord } from "./seeds.js";
import type { PackedTerms } from "./lexical.js";
import { buildLexicon, lexiconFingerprint, primeWordLists, saveWordLists, type SerializedLexicon } from "./lexicon.js";
import { modelsFingerprint } from "./model.js";
import { DENSE_EF, EXACT_MAX_VECTORS } from "./retrieve.js";
import type { Passage } from "./types.js";
import type { Logger } from "../logger.js";

/**
 * Bump when the on-disk layout changes (an added file that older indexes lack is read when present). Format 3:
 * labels.bin and exact.index or graph.index instead of LangChain's hnswlib/ folder. Format 4: the lexicon's maps
 * as lists of entries in passages.json (parsed in half the time of objects with as many keys). Format 5: the
 * graph in segments (graph-000.index, ...) instead of one graph.index. Format 6: passages.bin and lexicon.json
 * instead of passages.json (read in 0.4 s instead of 1.3 s at 10,000 briefings). Format 7: the manifest holds the
 * CRC-32 of terms.bin, labels.bin and lexicon.json (passages.bin holds its own).
 */
const FORMAT = 7;
/** The passages and the table of matching keys (see passage-file.ts). */
const PASSAGES_FILE = "passages.bin";
/** The lexicon pruned to the matching keys (SerializedLexicon). */
const LEXICON_FILE = "lexicon.json";
/** Each sentence's label in the vector index. */
const LABELS_FILE = "labels.bin";
/**
 * Points in one segment of the graph at most. Smaller segments build faster (hnswlib's insertion cost grows
 * with the graph: 317,653 vectors took about 455 s as one graph, 223 s as ten of 32,768, on one core), find
 * more of the true neighbours (recall@10 0.70 as one graph, 0.91 in segments of 32,768 at ef 128) and make an
 * update's copy smaller; but a question searches every segment.
 */
export const GRAPH_SEGMENT_SIZE = 32_768;
/**
 * Labels per segment: a segment's labels are its number times this plus a number of its own, so the segment
 * holding a label is `segmentOf(label)` without any table. 2^20 leaves room for a segment's labels to be used
 * up by many updates (new points take new labels) and for 2,047 segments in a 31-bit label.
 */
export const SEGMENT_LABELS = 2 ** 20;
/** The highest segment number (labels are non-negative 32-bit integers). */
const MAX_SEGMENT_ID = 2 ** 31 / SEGMENT_LABELS - 1;
/** The number of the segment holding a point of the graph. */
export const segmentOf = (label: number): number => Math.floor(label / SEGMENT_LABELS);
/** A segment's file in the index folder. */
export const segmentFile = (id: number): string => `graph-${String(id).padStart(3, "0")}.index`;
const SEGMENT_FILE_NAME = /^graph-(\d{3,})\.index$/;
/** The sentences' matching keys, packed (see packTerms). */
const TERMS_FILE = "terms.bin";
/**
 * The files whose CRC-32 the manifest records. passages.bin carries its own; the vectors are checked by their
 * structure (checkExact, checkSegments), and a flipped bit there only moves a point a little.
 */
const CHECKED_FILES = [LABELS_FILE, LEXICON_FILE, TERMS_FILE] as const;
/** The exact copy of the vectors (hnswlib's BruteforceSearch file). */
const EXACT_FILE = "exact.index";
/** The word lists parsed for the lexicon (see saveWordLists), so the next process's update does not parse them. */
const WORD_LISTS_FILE = "wordlists.bin";
/** Bump when ingestion (passages, sentences, labels) or the matching keys change. */
export const CHUNKER_VERSION = "ingest-v7";
export const ANALYZER_VERSION = "keys-v52";
/** The analyser's identity in the manifest: its version, the word lists and the fitted models it was built with. */
const analyzerId = (): string => `${ANALYZER_VERSION}+${lexiconFingerprint()}+${modelsFingerprint()}`;
/** An embedder the index can record: LangChain's interface plus a stable id and dimension. */
export interface IndexEmbeddings extends EmbeddingsInterface {
  readonly id: string;
  readonly dimensions: number;
  readonly expandsQueries?: boolean;
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
  /**
   * CRC-32 of each file in CHECKED_FILES as written (on disk; a manifest built in memory has none): a bit flipped
   * in a key's number or a label would otherwise read as another valid one.
   */
  readonly checksums?: Readonly<Record<string, number>>;
}

export interface PassageStore {
  readonly passages: readonly Passage[];
  readonly lexicon: SerializedLexicon;
  /** Per sentence (in passage order), per token, the token's keys, numbered as terms.bin holds them. */
  readonly packed: PackedTerms;
}

/** Everything answering needs, loaded or freshly built. */
export interface LoadedIndex {
  readonly manifest: Manifest;
  readonly seeds: readonly Seed[];
  readonly store: PassageStore;
  /** Per sentence position, its label in the vector index (the exact copy's or the graph's). */
  readonly labels: Int32Array;
  /** The vectors for exact search: up to EXACT_MAX_VECTORS sentences (the graph would only approximate it). */
  readonly exact?: BruteforceSearch;
  /**
   * Above EXACT_MAX_VECTORS sentences, the hnswlib graph in segments, by number. A segment may hold points marked
   * deleted, and may be shared with the index it was updated from: it is never changed once in a LoadedIndex.
   */
  readonly segments?: readonly GraphSegment[];
}

/** One segment of the graph: an hnswlib graph of at most GRAPH_SEGMENT_SIZE points, in a file of its own. */
export interface GraphSegment {
  /** Its number: its file's name (see segmentFile) and its labels' high bits (see segmentOf). */
  readonly id: number;
  readonly graph: HierarchicalNSW;
}

export interface BuildIndexOptions {
  /** Citation sources are relative to this folder. */
  readonly root: string;
  readonly seedsDir: string;
  readonly indexDir: string;
  readonly embeddings: IndexEmbeddings;
  readonly logger?: Logger;
  /** Up to this many sentences the vectors go into an exact copy, above into a graph (tests lower it). */
  readonly exactMaxVectors?: number;
  /** Points in one segment of the graph at most (GRAPH_SEGMENT_SIZE; tests lower it). */
  readonly graphSegmentSize?: number;
  /**
   * Worker threads that build the graph's segments of WORKER_MIN_POINTS points or more; 0 builds them on the
   * main thread. Default: one per core (os.availableParallelism()).
   */
  readonly graphWorkers?: number;
}

/**
 * The seeds the index at `indexDir` records with a stamp, as a cache for {@link readSeeds}: a file whose stamp
 * (size, mtime, ctime, inode, device) is still the one it had when indexed is taken as it was, and its text read only when a quote
 * needs it (checked against the recorded SHA-256 then). A start at 10,000 briefings reads and hashes none of
 * them (1.4 s and 170 MB of strings before). Empty when there is no readable manifest (loadIndex says why).
 */
export function seedsOnRecord(root: string, indexDir: string): SeedCache {
  const cache: SeedCache = new Map();
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(indexDir, "manifest.json"), "utf8"));
  } catch {
    return cache;
  }
  if (!isManifest(manifest)) return cache;
  for (const record of manifest.seeds) {
    if (typeof record.stamp === "string" && typeof record.bytes === "number") cache.set(record.path, { stamp: record.stamp, seed: recordedSeed(root, record) });
  }
  return cache;
}

/** A briefing's share of an index: its passages, and where its sentences start. */
interface SeedSlice {
  readonly passages: readonly Passage[];
  /** Position of its first sentence among the index's sentences. */
  readonly firstSentence: number;
}


/** Each briefing's slice of `index` (passages are stored briefing by briefing, in seed order). */
function slicesOf(index: LoadedIndex): Map<string, SeedSlice> {
  const { passages } = index.store;
  const shaOf = new Map(index.manifest.seeds.map((s) => [s.path, s.sha256]));
  const slices = new Map<string, SeedSlice>();
  let sentence = 0;
  for (let at = 0; at < passages.length; ) {
    const source = (passages[at] as Passage).source;
    let end = at;
    let count = 0;
    while (end < passages.length && (passages[end] as Passage).source === source) count += (passages[end++] as Passage).sentences.length;
    const sha = shaOf.get(source);
    if (sha !== undefined) slices.set(seedKey({ path: source, sha256: sha }), { passages: passages.slice(at, end), firstSentence: sentence });
    sentence += count;
    at = end;
  }
  return slices;
}

const authorsOf = (passages: readonly Passage[]): Set<string> => new Set(passages.flatMap((p) => (p.author ? [p.author.toLowerCase()] : [])));

/** The passages of the seeds, briefing by briefing, and where each sentence was in the previous index. */
interface SeedPassages {
  readonly parts: readonly { readonly seed: Seed; readonly slice: SeedSlice | undefined; readonly passages: readonly Passage[] }[];
  readonly passages: readonly Passage[];
  /** Per sentence, its position in `previous` (an unchanged briefing's), or -1 for a sentence that is new. */
  readonly reused: Int32Array;
  /** Whether any briefing's slice was taken from `previous`. */
  readonly reusedAny: boolean;
}

/** The passages of `seeds`: those of briefings unchanged since `previous` taken from it, the others ingested. */
function passagesOf(seeds: readonly Seed[], previous?: LoadedIndex): SeedPassages {
  const slices = previous && previous.manifest.chunker === CHUNKER_VERSION ? slicesOf(previous) : new Map<string, SeedSlice>();
  const parts = seeds.map((seed) => ({ seed, slice: slices.get(seedKey(seed)), passages: slices.get(seedKey(seed))?.passages ?? ingest({ path: seed.path, text: seed.readText() }) }));
  const reused: number[] = [];
  for (const { slice, passages } of parts) {
    let i = 0;
    for (const passage of passages) {
      for (let s = 0; s < passage.sentences.length; s += 1, i += 1) reused.push(slice ? slice.firstSentence + i : -1);
    }
  }
  return { parts, passages: parts.flatMap((p) => p.passages), reused: Int32Array.from(reused), reusedAny: slices.size > 0 };
}

/**
 * The passage store of the seeds' passages: each sentence's matching keys, and the lexicon pruned to them. The
 * sentences of briefings unchanged since `previous` keep their keys (only a sentence naming the @handle of an
 * author who came or went is analysed again).
 */
function keysOf({ parts, passages, reusedAny }: SeedPassages, previous?: LoadedIndex): PassageStore {
  const authors = authorsOf(passages);
  const before = previous ? authorsOf(previous.store.passages) : new Set<string>();
  // A sentence's keys depend on the authors only through the @handles it names: it is analysed again only when
  // it may name one that became or ceased to be an author (handles are ASCII, so a lowercased search finds it).
  const changedAuthors = [...authors].filter((a) => !before.has(a)).concat([...before].filter((a) => !authors.has(a)));
  const namesChangedAuthor = (textOf: () => string): boolean => {
    if (changedAuthors.length === 0) return false;
    const text = textOf();
    if (!text.includes("@")) return false;
    const lower = text.toLowerCase();
    return changedAuthors.some((author) => lower.includes(`@${author}`));
  };
  /** Per sentence, its position in `previous` whose keys it keeps, or -1 when it was analysed now. */
  const kept: number[] = [];
  const analysed = new Map<number, readonly (readonly string[])[]>();
  for (const { seed, slice, passages: own } of parts) {
    let i = 0;
    for (const passage of own) {
      const byline = (): string | undefined => passage.byline && seed.readText().slice(passage.byline.start, passage.byline.end);
      for (const sentence of passage.sentences) {
        // An unchanged briefing's text is not even read when no author came or went.
        const text = (): string => seed.readText().slice(sentence.start, sentence.end);
        const old = slice ? slice.firstSentence + i : -1;
        if (old >= 0 && !namesChangedAuthor(text)) kept.push(old);
        else {
          analysed.set(kept.length, documentTerms(text(), authors, byline()));
          kept.push(-1);
        }
        i += 1;
      }
    }
  }
  const packed = mergeTerms(Int32Array.from(kept), analysed, reusedAny ? previous?.store.packed : undefined);
  return { passages, lexicon: buildLexicon(new Set(packed.keys)), packed };
}

/**
 * The packed keys of the sentences: sentence i's copied from `previous` (its sentence `kept[i]`), or packed from
 * `analysed` when `kept[i]` is -1; numbered by first occurrence, as packing them all from scratch would. No key
 * string is looked up for a kept sentence.
 */
function mergeTerms(
  kept: Int32Array,
  analysed: ReadonlyMap<number, readonly (readonly string[])[]>,
  previous?: PackedTerms,
): PackedTerms {
  const oldKeys = previous?.keys ?? [];
  const oldWords = previous?.words ?? Uint32Array.of(0);
  // Where each previous sentence's record starts in its words.
  const starts = new Uint32Array((oldWords[0] ?? 0) + 1);
  let at = 1;
  for (let s = 0; s < starts.length - 1; s += 1) {
    starts[s] = at;
    const tokens = oldWords[at++] as number;
    for (let t = 0; t < tokens; t += 1) at += 1 + (oldWords[at] as number);
  }
  starts[starts.length - 1] = at;
  // New keys are numbered after the previous ones for now.
  const ids = analysed.size > 0 ? new Map(oldKeys.map((key, id) => [key, id])) : new Map<string, number>();
  const added: string[] = [];
  const fresh = new Map<number, Uint32Array>();
  for (const [position, tokens] of analysed) {
    const words: number[] = [tokens.length];
    for (const keys of tokens) {
      words.push(keys.length);
      for (const key of keys) {
        let id = ids.get(key);
        if (id === undefined) {
          id = oldKeys.length + added.length;
          added.push(key);
          ids.set(key, id);
        }
        words.push(id);
      }
    }
    fresh.set(position, Uint32Array.from(words));
  }
  let length = 1;
  kept.forEach((old, position) => (length += old >= 0 ? (starts[old + 1] as number) - (starts[old] as number) : (fresh.get(position)?.length ?? 0)));
  const words = new Uint32Array(length);
  words[0] = kept.length;
  at = 1;
  kept.forEach((old, position) => {
    const record = old >= 0 ? oldWords.subarray(starts[old], starts[old + 1]) : (fresh.get(position) as Uint32Array);
    words.set(record, at);
    at += record.length;
  });
  // Renumbered by first occurrence; keys no sentence holds any more are dropped.
  const renumber = new Int32Array(oldKeys.length + added.length).fill(-1);
  const keys: string[] = [];
  at = 1;
  for (let s = 0; s < kept.length; s += 1) {
    const tokens = words[at++] as number;
    for (let t = 0; t < tokens; t += 1) {
      const n = words[at++] as number;
      for (let k = 0; k < n; k += 1, at += 1) {
        const id = words[at] as number;
        let next = renumber[id] as number;
        if (next < 0) {
          next = keys.length;
          renumber[id] = next;
          keys.push(id < oldKeys.length ? (oldKeys[id] as string) : (added[id - oldKeys.length] as string));
        }
        words[at] = next;
      }
    }
  }
  return { words, keys };
}

/**
 * Builds the index of the seeds and writes it atomically to `indexDir`; returns it loaded.
 * @param seeds the seeds if already read; @param previous an older index whose unchanged files' vectors are reused.
 */
export async function buildIndex(options: BuildIndexOptions, seeds?: readonly Seed[], previous?: LoadedIndex): Promise<LoadedIndex> {
  const { root, seedsDir, indexDir, logger } = options;
  const started = performance.now();
  seeds ??= await readSeeds(root, seedsDir, logger);
  try {
    await primeWordLists(join(indexDir, WORD_LISTS_FILE), analyzerId());
  } catch (error) {
    logger?.warn({ err: error, indexDir }, `${WORD_LISTS_FILE} is unreadable; parsing the word lists instead`);
  }
  const passages = passagesOf(seeds, previous);
  const sentences = passages.reused.length;
  if (sentences === 0) {
    throw new IndexError("no-seeds", `the briefings in ${relative(root, seedsDir) || seedsDir} hold no sentence to index`);
  }
  const saved = previous && (await isSavedIn(indexDir, previous, logger)) ? indexDir : undefined;
  // Scratch room for an update's vectors, and for the segments of a graph built in worker threads.
  const graphed = sentences > (options.exactMaxVectors ?? EXACT_MAX_VECTORS);
  const workDir = previous?.exact || previous?.segments || graphed ? await makeWorkDir(indexDir, logger) : undefined;
  try {
    return await finishIndex(options, { seeds, passages, started, previous, saved, workDir });
  } finally {
    // A scratch folder that cannot be removed must not replace the build's result or error; the next writer
    // removes it (see tidyLeftovers in lock.ts).
    if (workDir) {
      await rm(workDir, { recursive: true, force: true }).catch((error: unknown) => logger?.warn({ err: error, workDir }, "could not remove the build's scratch folder"));
    }
  }
}

/**
 * A folder for an update's files beside `indexDir` (on its file system, so a file made there can be renamed into
 * the index), or a temporary one when that is not writable (the index will not be written either).
 */
async function makeWorkDir(indexDir: string, logger?: Logger): Promise<string> {
  try {
    await mkdir(dirname(indexDir), { recursive: true });
    return await mkdtemp(scratchPrefix(indexDir, "work"));
  } catch (error) {
    logger?.debug({ err: error, indexDir }, "cannot write beside the index folder; updating its vectors in a temporary folder");
    return mkdtemp(join(tmpdir(), "briefing-work-"));
  }
}

/** What {@link buildIndex} hands on once the passages are known. */
interface Build {
  readonly seeds: readonly Seed[];
  /** The seeds' passages; `passages.reused` gives each sentence's position in `previous` (its vector is reused), or -1. */
  readonly passages: SeedPassages;
  /** When the build started (performance.now()), for its log line. */
  readonly started: number;
  readonly previous: LoadedIndex | undefined;
  /** The index folder, when it holds `previous`'s vectors as they are in memory (read from there). */
  readonly saved: string | undefined;
  /** The build's scratch folder beside the index (an update's vectors, a graph's segments built in workers; see makeWorkDir). */
  readonly workDir: string | undefined;
}

/**
 * The keys, vectors, manifest and files of an index whose passages are known (the rest of {@link buildIndex}).
 * The matching keys are analysed first, except for a graph built from scratch: then they are analysed once its
 * segments are handed to worker threads, while they build.
 */
async function finishIndex(options: BuildIndexOptions, build: Build): Promise<LoadedIndex> {
  const { indexDir, embeddings, logger } = options;
  const { seeds, started, previous, saved } = build;
  const sentences = build.passages.reused.length;
  let analysed: ReturnType<typeof attempt<PassageStore>> | undefined;
  const analyse = (): void => void (analysed ??= attempt(() => keysOf(build.passages, previous)));
  const pending = await startVectors(options, build, analyse);
  analyse();
  const keyed = analysed as NonNullable<typeof analysed>;
  // The vectors are always finished (that stops any worker), whether or not the keys could be analysed; when
  // they could not, the workers are told to skip what is left first.
  if ("error" in keyed) pending.abandon();
  const built = await pending.finish().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ("error" in keyed && "error" in built) throw new AggregateError([keyed.error, built.error], "building the index failed");
  if ("error" in keyed) throw keyed.error;
  if ("error" in built) throw built.error;
  const store = keyed.value;
  const { exactFile, segmentFiles, ...vectors } = built.value;
  const manifest: Manifest = {
    format: FORMAT,
    chunker: CHUNKER_VERSION,
    analyzer: analyzerId(),
    embedder: { id: embeddings.id, dimensions: embeddings.dimensions },
    builtAt: new Date().toISOString(),
    seeds: seeds.map(({ path, sha256, bytes, stamp }) => ({ path, sha256, bytes, ...(stamp !== undefined ? { stamp } : {}) })),
    passages: store.passages.length,
    sentences,
  };
  const index: LoadedIndex = { manifest, seeds, store, ...vectors };
  // The segments the update did not touch are the previous index's own objects: their files are linked.
  const unchanged = saved && previous?.segments ? { dir: saved, segments: new Set(previous.segments) } : undefined;
  try {
    await writeIndex(indexDir, index, { ...(exactFile ? { exactFile } : {}), ...(segmentFiles ? { segmentFiles } : {}), ...(unchanged ? { unchanged } : {}), ...(logger ? { logger } : {}) });
  } catch (error) {
    logger?.warn({ err: error, indexDir }, "index built in memory but could not be saved; it will be rebuilt next start");
  }
  logger?.info({ seeds: seeds.length, passages: manifest.passages, sentences: manifest.sentences, ms: Math.round(performance.now() - started) }, "index built");
  return index;
}

/** The value `run` returns, or the error it throws, as a value. */
function attempt<T>(run: () => T): { readonly value: T } | { readonly error: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

/**
 * Beyond this share of deleted points (briefings removed, not replaced) a segment of the graph is rebuilt from
 * its live vectors.
 */
const MAX_DELETED_SHARE = 0.25;

/** The sentence vectors of an index: each sentence's label, and the exact copy or the graph holding them. */
interface SentenceVectors {
  readonly labels: Int32Array;
  readonly exact?: BruteforceSearch;
  readonly segments?: readonly GraphSegment[];
  /** A file that holds `exact` as hnswlib would write it (an update's), to be moved into the index folder. */
  readonly exactFile?: string;
  /** Files that hold some of `segments` as hnswlib wrote them (built in workers), to be moved into the index folder. */
  readonly segmentFiles?: ReadonlyMap<GraphSegment, string>;
}

/** Sentence vectors under way: `finish` waits for what worker threads still build (call it exactly once). */
interface PendingVectors {
  finish(): Promise<SentenceVectors>;
  /** Tells the worker threads to skip what is left (the build failed otherwise); call finish after it. */
  abandon(): void;
}

/** Vectors that are ready. */
const ready = (vectors: SentenceVectors): PendingVectors => ({ finish: async () => vectors, abandon: () => undefined });

/**
 * The sentence vectors. Up to `exactMaxVectors` (EXACT_MAX_VECTORS) sentences they go into an exact copy
 * (hnswlib's BruteforceSearch; the graph would only approximate it), above into an hnswlib graph in segments.
 * With a usable `previous`, the unchanged sentences keep their labels and vectors: the exact copy is copied
 * without the gone points, or the graph's segments holding a gone point or taking a new one are copied and
 * updated in place of a rebuild (see updateSegments); only the new sentences are embedded. A graph built from
 * scratch is embedded segment by segment, each handed to a worker thread as soon as it is (see buildGraph):
 * this returns once all are handed out.
 * @param meanwhile work of the caller's (the keys' analysis), run once: after the segments are handed out for
 * a graph built from scratch (while the workers build them), else first.
 */
async function startVectors(options: BuildIndexOptions, build: Build, meanwhile: () => void): Promise<PendingVectors> {
  const { embeddings, logger } = options;
  const exactMax = options.exactMaxVectors ?? EXACT_MAX_VECTORS;
  const { seeds, previous, saved, workDir } = build;
  const { reused } = build.passages;
  // Only the sentences to embed are sliced: an unchanged briefing's text may not even have been read.
  const texts = seedTexts(seeds);
  const located = build.passages.passages.flatMap((passage) => passage.sentences.map((sentence) => ({ passage, sentence })));
  const sentenceText = (at: number): string => {
    const { passage, sentence } = located[at] as (typeof located)[number];
    return sourceText(texts, passage.source).slice(sentence.start, sentence.end);
  };
  const usable =
    previous !== undefined &&
    previous.manifest.embedder.id === embeddings.id &&
    previous.manifest.embedder.dimensions === embeddings.dimensions &&
    previous.manifest.chunker === CHUNKER_VERSION;
  const old = usable ? previous : undefined;
  const dimensions = embeddings.dimensions;
  const count = reused.length;
  const segmentSize = options.graphSegmentSize ?? GRAPH_SEGMENT_SIZE;
  const builder: SegmentBuilder = { dimensions, workers: options.graphWorkers ?? availableParallelism(), workDir };
  if (!old && count > exactMax) {
    const pending = await buildGraph(count, segmentSize, builder, (first, end) => embeddings.embedDocuments(Array.from({ length: end - first }, (_, i) => sentenceText(first + i))));
    meanwhile();
    return pending;
  }
  meanwhile();
  const fresh: number[] = [];
  reused.forEach((at, position) => {
    if (at < 0 || !old) fresh.push(position);
  });
  const embedded = await embeddings.embedDocuments(fresh.map(sentenceText));
  const vectorOf = new Map(fresh.map((at, i) => [at, embedded[i] as number[]]));
  const kept = new Set<number>();
  if (old) reused.forEach((at) => at >= 0 && kept.add(at));
  const gone: number[] = [];
  old?.labels.forEach((label, at) => !kept.has(at) && gone.push(label));

  if (count <= exactMax && old?.exact && workDir) {
    let next = 0;
    for (const label of old.labels) next = Math.max(next, label + 1);
    const labels = Int32Array.from(reused, (at) => (at >= 0 ? (old.labels[at] as number) : next++));
    const added = fresh.map((at) => [labels[at] as number, vectorOf.get(at) as number[]] as const);
    const exact = await updatedExact(old.exact, dimensions, new Set(gone), added, workDir, saved && join(saved, EXACT_FILE));
    return ready({ labels, exact, exactFile: join(workDir, EXACT_FILE) });
  }
  if (count > exactMax && old?.segments && workDir) {
    const updated = await updateSegments({ previous: old, segments: old.segments, reused, gone, vectorOf, segmentSize, saved, workDir, logger, builder });
    if (updated) return ready(updated);
    logger?.info({ sentences: count }, "the graph's segment numbers are used up; rebuilding it from the stored vectors");
  }
  // New vectors; those of unchanged sentences read back from `previous`, never embedded twice.
  const stored = old ? await storedVectors(old) : undefined;
  const vectorAt = (at: number): number[] => vectorOf.get(at) ?? (stored?.get(old?.labels[reused[at] as number] as number) as number[]);
  if (count <= exactMax) {
    // Labelled by sentence position.
    const labels = Int32Array.from({ length: count }, (_, at) => at);
    const exact = new hnswlib.BruteforceSearch("cosine", dimensions);
    exact.initIndex(exactCapacity(count));
    for (let at = 0; at < count; at += 1) exact.addPoint(vectorAt(at), at);
    return ready({ labels, exact });
  }
  return buildGraph(count, segmentSize, builder, async (first, end) => Array.from({ length: end - first }, (_, i) => vectorAt(first + i)));
}

/**
 * A graph in segments of `segmentSize` points built from scratch over `count` vectors in sentence order (as
 * {@link buildSegments} builds it): each segment's vectors asked of `vectorsOf(first, end)` in turn and handed
 * to a worker thread (see segmentBuilder) before the next are asked for. Returns once all are handed out.
 */
async function buildGraph(count: number, segmentSize: number, builder: SegmentBuilder, vectorsOf: (first: number, end: number) => Promise<number[][]>): Promise<PendingVectors> {
  if (Math.ceil(count / segmentSize) > MAX_SEGMENT_ID + 1) throw new Error(`${count} sentences need more than ${MAX_SEGMENT_ID + 1} graph segments of ${segmentSize}`);
  const labels = new Int32Array(count);
  const ids: number[] = [];
  const building = segmentBuilder(builder);
  try {
    for (let id = 0; id * segmentSize < count; id += 1) {
      const first = id * segmentSize;
      const end = Math.min(count, first + segmentSize);
      const own = labels.subarray(first, end);
      own.forEach((_, i) => (own[i] = id * SEGMENT_LABELS + i));
      const vectors = await vectorsOf(first, end);
      building.add({ id, labels: own, vectorAt: (i) => vectors[i] as number[] });
      ids.push(id);
    }
  } catch (error) {
    // The workers are stopped before the failure is reported.
    building.abandon();
    const stopped = await building.finish().then(
      () => undefined,
      (stopError: unknown) => stopError,
    );
    throw stopped === undefined ? error : new AggregateError([error, stopped], "building the graph failed");
  }
  return {
    abandon: () => building.abandon(),
    finish: async () => {
      const { graphs, files } = await building.finish();
      const segments = ids.map((id) => ({ id, graph: graphs.get(id) as HierarchicalNSW }));
      return { labels, segments, segmentFiles: filesOf(segments, files) };
    },
  };
}

/** The segments whose graph a file holds, with that file. */
const filesOf = (segments: readonly GraphSegment[], files: ReadonlyMap<number, string>): Map<GraphSegment, string> =>
  new Map(segments.flatMap((s) => (files.has(s.id) ? [[s, files.get(s.id) as string] as const] : [])));

/** A segment to build from scratch: its number, and its points' labels and vectors in order. */
interface SegmentPlan {
  readonly id: number;
  readonly labels: Int32Array;
  readonly vectorAt: (i: number) => number[];
}

/** Where segments are built: worker threads (writing into `workDir`) or, with none, the main thread. */
interface SegmentBuilder {
  readonly dimensions: number;
  readonly workers: number;
  readonly workDir: string | undefined;
}

/**
 * A segment of fewer points than this is built on the main thread: a worker's start and the read of its file
 * cost more than it saves (a point costs from tens of microseconds in a small graph to about a millisecond in
 * one of 32,768).
 */
export const WORKER_MIN_POINTS = 1024;

/** Segments being built from scratch (see segmentBuilder). */
interface SegmentBuilding {
  /** Builds the segment of `plan`: in a worker thread when it is large enough, else here and now. */
  add(plan: SegmentPlan): void;
  /**
   * The graphs added, by segment number, once all are built; `files` names those built in workers (each
   * written to a file in the work folder and read back here while the others are built). Call it once, also
   * when giving up: it stops the workers.
   */
  finish(): Promise<{ graphs: Map<number, HierarchicalNSW>; files: Map<number, string> }>;
  /** Tells the workers to skip what is left; finish then returns soon (with what was built). */
  abandon(): void;
}

/**
 * Builds segments as newGraph makes them: those of WORKER_MIN_POINTS points or more in worker threads (as they
 * are added, while the caller goes on), the others on the main thread. Either way each is the same graph, byte
 * for byte.
 */
function segmentBuilder({ dimensions, workers: count, workDir }: SegmentBuilder): SegmentBuilding {
  const graphs = new Map<number, HierarchicalNSW>();
  const files = new Map<number, string>();
  let workers: GraphWorkers | undefined;
  return {
    add(plan) {
      if (count > 0 && workDir && plan.labels.length >= WORKER_MIN_POINTS) {
        workers ??= createGraphWorkers({
          workers: count,
          dimensions,
          fileOf: (id) => join(workDir, segmentFile(id)),
          onWritten: async (id, file) => {
            const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
            await graph.readIndex(file);
            graph.setEf(DENSE_EF);
            graphs.set(id, graph);
            files.set(id, file);
          },
        });
        const vectors = new Float32Array(plan.labels.length * dimensions);
        for (let i = 0; i < plan.labels.length; i += 1) vectors.set(plan.vectorAt(i), i * dimensions);
        workers.submit({ id: plan.id, labels: Int32Array.from(plan.labels), vectors });
        return;
      }
      const graph = newGraph(dimensions, plan.labels.length);
      plan.labels.forEach((label, i) => graph.addPoint(plan.vectorAt(i), label));
      graphs.set(plan.id, graph);
    },
    async finish() {
      await workers?.finish();
      return { graphs, files };
    },
    abandon() {
      workers?.abandon();
    },
  };
}

/**
 * A graph in segments of `segmentSize` points over `count` vectors in sentence order, built here (a build of the
 * index builds the same graph in worker threads): sentence `at` is point `at % segmentSize` of segment
 * `at / segmentSize`, labelled by both (see segmentOf).
 */
export function buildSegments(count: number, segmentSize: number, dimensions: number, vectorAt: (at: number) => number[]): { labels: Int32Array; segments: GraphSegment[] } {
  if (Math.ceil(count / segmentSize) > MAX_SEGMENT_ID + 1) throw new Error(`${count} sentences need more than ${MAX_SEGMENT_ID + 1} graph segments of ${segmentSize}`);
  const labels = new Int32Array(count);
  const segments: GraphSegment[] = [];
  for (let id = 0; id * segmentSize < count; id += 1) {
    const first = id * segmentSize;
    const points = Math.min(segmentSize, count - first);
    const graph = newGraph(dimensions, points);
    for (let i = 0; i < points; i += 1) {
      const label = id * SEGMENT_LABELS + i;
      graph.addPoint(vectorAt(first + i), label);
      labels[first + i] = label;
    }
    segments.push({ id, graph });
  }
  return { labels, segments };
}

/** An empty graph for `capacity` points, searched at the retriever's breadth. */
function newGraph(dimensions: number, capacity: number): HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
  // hnswlib-node's defaults (M 16, efConstruction 200, seed 100), as LangChain's HNSWLib store used them; the
  // graph workers (graph-workers.ts) make theirs the same way.
  graph.initIndex(Math.max(1, capacity));
  graph.setEf(DENSE_EF);
  return graph;
}

/** What {@link updateSegments} is given. */
interface SegmentUpdate {
  readonly previous: LoadedIndex;
  /** `previous`'s segments. */
  readonly segments: readonly GraphSegment[];
  /** Each new sentence's position in `previous`, or -1 for a new sentence (its vector in `vectorOf`). */
  readonly reused: Int32Array;
  /** The labels of `previous` whose sentence is gone. */
  readonly gone: readonly number[];
  readonly vectorOf: ReadonlyMap<number, number[]>;
  readonly segmentSize: number;
  /** The index folder, when it holds `previous`'s segment files (copies are read from there). */
  readonly saved: string | undefined;
  /** A scratch folder for copies of segments that are not saved. */
  readonly workDir: string;
  readonly logger: Logger | undefined;
  /** Where rebuilt and new segments are built. */
  readonly builder: SegmentBuilder;
}

/**
 * `previous`'s graph updated for the new sentences, touching only the segments that change. A gone point is
 * marked deleted in its segment; new points go into the last segment while it holds fewer than `segmentSize`
 * live points (taking the slots of deleted ones first), then into new segments. A touched segment is copied
 * (hnswlib copies only through a file: read from the index folder when it holds it) and changed, or, once more
 * than MAX_DELETED_SHARE of its points would be deleted, rebuilt from its live vectors; one left without live
 * points is dropped. The others are `previous`'s own objects, shared, never changed. Undefined when the segment
 * numbers are used up (the caller rebuilds the graph with fresh labels).
 */
async function updateSegments(update: SegmentUpdate): Promise<{ labels: Int32Array; segments: GraphSegment[]; segmentFiles: Map<GraphSegment, string> } | undefined> {
  const { previous, segments, reused, gone, vectorOf, segmentSize, saved, workDir, logger, builder } = update;
  const dimensions = previous.manifest.embedder.dimensions;
  /** Live points per segment once the gone ones are deleted, and the labels gone from each. */
  const live = new Map<number, number>();
  for (const label of previous.labels) live.set(segmentOf(label), (live.get(segmentOf(label)) ?? 0) + 1);
  const goneFrom = new Map<number, number[]>();
  for (const label of gone) {
    const id = segmentOf(label);
    live.set(id, (live.get(id) ?? 0) - 1);
    const list = goneFrom.get(id);
    if (list) list.push(label);
    else goneFrom.set(id, [label]);
  }
  // Where the new points go: the last segment while it has room (in points, and in labels: a deleted point
  // keeps its label until its slot is taken, so a new point always takes a label never used in its segment).
  const last = segments[segments.length - 1];
  let target = last?.id ?? -1;
  let room = 0;
  let nextLabel = 0;
  if (last) {
    let used = -1;
    for (const label of last.graph.getIdsList()) used = Math.max(used, label - last.id * SEGMENT_LABELS);
    room = Math.min(segmentSize - (live.get(last.id) ?? 0), SEGMENT_LABELS - used - 1);
    nextLabel = last.id * SEGMENT_LABELS + used + 1;
  }
  const labels = new Int32Array(reused.length);
  const addedTo = new Map<number, [label: number, vector: number[]][]>();
  for (let position = 0; position < reused.length; position += 1) {
    const at = reused[position] as number;
    if (at >= 0) {
      labels[position] = previous.labels[at] as number;
      continue;
    }
    if (room <= 0) {
      if (target + 1 > MAX_SEGMENT_ID) return undefined;
      target += 1;
      room = segmentSize;
      nextLabel = target * SEGMENT_LABELS;
    }
    labels[position] = nextLabel;
    const points = addedTo.get(target) ?? [];
    if (points.length === 0) addedTo.set(target, points);
    points.push([nextLabel, vectorOf.get(position) as number[]]);
    nextLabel += 1;
    room -= 1;
  }

  /** The new index's segments in order; a copy or a build fills its place once done. */
  const next: (GraphSegment | undefined)[] = [];
  const copies: Promise<void>[] = [];
  /** Segments built from scratch (rebuilt or new), put in their place in `next` once built. */
  const plans: (SegmentPlan & { readonly place: number })[] = [];
  const touched = { copied: 0, rebuilt: 0, dropped: 0, created: 0 };
  for (const segment of segments) {
    const { id, graph } = segment;
    const goneHere = goneFrom.get(id) ?? [];
    const added = addedTo.get(id) ?? [];
    if (goneHere.length === 0 && added.length === 0) {
      next.push(segment);
      continue;
    }
    const liveAfter = (live.get(id) ?? 0) + added.length;
    if (liveAfter === 0) {
      touched.dropped += 1;
      continue;
    }
    const slots = Math.max(graph.getCurrentCount(), liveAfter);
    if (slots - liveAfter > slots * MAX_DELETED_SHARE) {
      // Its live points, in sentence order, read out of the shared segment (which stays as it is), then the new ones.
      const kept = labels.filter((label, position) => (reused[position] as number) >= 0 && segmentOf(label) === id);
      plans.push({
        id,
        place: next.length,
        labels: Int32Array.from([...kept, ...added.map(([label]) => label)]),
        vectorAt: (i) => (i < kept.length ? graph.getPoint(kept[i] as number) : (added[i - kept.length] as [number, number[]])[1]),
      });
      next.push(undefined);
      touched.rebuilt += 1;
      continue;
    }
    const place = next.length;
    next.push(undefined);
    copies.push(
      copySegment(segment, dimensions, workDir, saved).then((copy) => {
        for (const label of goneHere) copy.markDelete(label);
        if (slots > copy.getMaxElements()) copy.resizeIndex(slots);
        for (const [label, vector] of added) copy.addPoint(vector, label, true);
        next[place] = { id, graph: copy };
      }),
    );
    touched.copied += 1;
  }
  for (const [id, added] of addedTo) {
    if (id <= (last?.id ?? -1)) continue;
    plans.push({ id, place: next.length, labels: Int32Array.from(added, ([label]) => label), vectorAt: (i) => (added[i] as [number, number[]])[1] });
    next.push(undefined);
    touched.created += 1;
  }
  // Every copy and build settles before the first failure is reported: none is left using a file in the background.
  const building = segmentBuilder(builder);
  const built = attempt(() => plans.forEach((plan) => building.add(plan)));
  const finished = building.finish();
  await settleAll([...copies, finished, "error" in built ? Promise.reject(built.error) : Promise.resolve()]);
  const { graphs, files } = await finished;
  for (const { id, place } of plans) next[place] = { id, graph: graphs.get(id) as HierarchicalNSW };
  const updated = next.map((s, at) => {
    if (!s) throw new Error(`graph segment at ${at} was neither kept, copied nor built`);
    return s;
  });
  logger?.debug({ segments: updated.length, shared: updated.filter((s) => segments.includes(s)).length, ...touched }, "graph segments updated");
  return { labels, segments: updated, segmentFiles: filesOf(updated, files) };
}

/** Room left in a new exact copy for the sentences of briefings added later (it cannot be resized). */
const exactCapacity = (count: number): number => count + Math.max(64, Math.ceil(count / 4));

/** Every sentence vector of `index` by label: read out of its graph's segments, or out of its exact copy's file. */
export async function storedVectors(index: LoadedIndex): Promise<ReadonlyMap<number, number[]>> {
  const out = new Map<number, number[]>();
  if (index.segments) {
    const byId = new Map(index.segments.map((s) => [s.id, s.graph]));
    for (const label of index.labels) {
      const graph = byId.get(segmentOf(label));
      if (!graph) throw new Error(`no graph segment ${segmentOf(label)} for label ${label}`);
      out.set(label, graph.getPoint(label));
    }
    return out;
  }
  if (!index.exact) return out;
  const dimensions = index.manifest.embedder.dimensions;
  const bytes = await exactBytes(index.exact);
  const slot = readU64(bytes, 8);
  const count = readU64(bytes, 16);
  for (let i = 0; i < count; i += 1) {
    const at = EXACT_HEADER + i * slot;
    const vector = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d += 1) vector[d] = bytes.readFloatLE(at + d * 4);
    out.set(readU64(bytes, at + dimensions * 4), vector);
  }
  return out;
}

/** hnswlib's BruteforceSearch file: three 8-byte counts (slots, slot size, points), then the slots. */
const EXACT_HEADER = 24;

/** An 8-byte little-endian count or label of that file (without a BigInt per read). */
const readU64 = (bytes: Buffer, at: number): number => bytes.readUInt32LE(at) + bytes.readUInt32LE(at + 4) * 0x1_0000_0000;

/** The bytes of `exact` in its file format (hnswlib copies no other way). */
async function exactBytes(exact: BruteforceSearch): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "briefing-exact-"));
  try {
    const file = join(dir, EXACT_FILE);
    await exact.writeIndex(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Slots an exact copy is rewritten through at a time: one small reused buffer, not the whole file in memory. */
const COPY_SLOTS = 4096;

/**
 * Writes into `file` the exact copy that `source` holds (hnswlib's BruteforceSearch file) without the points
 * labelled `gone`, followed by the points `added` holds (a file of the same layout), in that order, as copying
 * the kept points and adding the new ones through hnswlib would place them; with room for more when it is full.
 * hnswlib's removePoint cannot be used on an index read from a file (it does not rebuild its label map on
 * loading), and reading the whole file into memory costs far more than streaming it (a 60 MB allocation faults
 * its pages in one by one).
 */
export async function writeFilteredExact(source: string, added: string, gone: ReadonlySet<number>, dimensions: number, file: string): Promise<void> {
  const dataSize = dimensions * 4;
  const slot = dataSize + 8;
  // Opened one after another inside the try, so a failed open still closes those before it.
  const handles: FileHandle[] = [];
  const opened = async (path: string, flags: string): Promise<FileHandle> => {
    const handle = await open(path, flags);
    handles.push(handle);
    return handle;
  };
  try {
    const [from, extra, to] = [await opened(source, "r"), await opened(added, "r"), await opened(file, "w")];
    const header = async (handle: FileHandle, name: string): Promise<{ slots: number; count: number }> => {
      const bytes = Buffer.alloc(EXACT_HEADER);
      await handle.read(bytes, 0, EXACT_HEADER, 0);
      if (readU64(bytes, 8) !== slot) throw new Error(`unexpected exact index slot size ${readU64(bytes, 8)} in ${name} for ${dimensions} dimensions`);
      return { slots: readU64(bytes, 0), count: readU64(bytes, 16) };
    };
    const { slots, count } = await header(from, source);
    const { count: addedCount } = await header(extra, added);
    const buffer = Buffer.allocUnsafe(COPY_SLOTS * slot);
    let written = 0;
    for (let first = 0; first < count; first += COPY_SLOTS) {
      const n = Math.min(COPY_SLOTS, count - first);
      const { bytesRead } = await from.read(buffer, 0, n * slot, EXACT_HEADER + first * slot);
      if (bytesRead !== n * slot) throw new Error(`${source} ends inside its slots`);
      // The kept slots moved down over the gone ones, in order.
      let kept = 0;
      for (let i = 0; i < n; i += 1) {
        if (gone.size > 0 && gone.has(readU64(buffer, i * slot + dataSize))) continue;
        if (kept !== i) buffer.copy(buffer, kept * slot, i * slot, (i + 1) * slot);
        kept += 1;
      }
      await to.write(buffer, 0, kept * slot, EXACT_HEADER + written * slot);
      written += kept;
    }
    for (let first = 0; first < addedCount; first += COPY_SLOTS) {
      const n = Math.min(COPY_SLOTS, addedCount - first);
      const { bytesRead } = await extra.read(buffer, 0, n * slot, EXACT_HEADER + first * slot);
      if (bytesRead !== n * slot) throw new Error(`${added} ends inside its slots`);
      await to.write(buffer, 0, n * slot, EXACT_HEADER + (written + first) * slot);
    }
    const total = written + addedCount;
    const capacity = total > slots ? exactCapacity(total) : slots;
    const head = Buffer.alloc(EXACT_HEADER);
    head.writeBigUInt64LE(BigInt(capacity), 0);
    head.writeBigUInt64LE(BigInt(slot), 8);
    head.writeBigUInt64LE(BigInt(total), 16);
    await to.write(head, 0, EXACT_HEADER, 0);
    // The free slots, as hnswlib writes them (their bytes are never read): the file system's zeros.
    await to.truncate(EXACT_HEADER + capacity * slot);
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}

/**
 * The exact copy of an update, written into `dir` as EXACT_FILE and read from there: `previous`'s points (read
 * from `savedFile` when it holds them) without those labelled `gone`, then `fresh` (label and vector) in order.
 * The new points are normalised and stored by hnswlib itself (in a small index of their own), so their bytes
 * are those addPoint would store.
 */
async function updatedExact(
  previous: BruteforceSearch,
  dimensions: number,
  gone: ReadonlySet<number>,
  fresh: readonly (readonly [label: number, vector: number[]])[],
  dir: string,
  savedFile?: string,
): Promise<BruteforceSearch> {
  let source = savedFile;
  if (!source) {
    source = join(dir, "previous.index");
    await previous.writeIndex(source);
  }
  const added = new hnswlib.BruteforceSearch("cosine", dimensions);
  added.initIndex(Math.max(1, fresh.length));
  for (const [label, vector] of fresh) added.addPoint(vector, label);
  const addedFile = join(dir, "added.index");
  await added.writeIndex(addedFile);
  const file = join(dir, EXACT_FILE);
  await writeFilteredExact(source, addedFile, gone, dimensions, file);
  await rm(addedFile, { force: true });
  if (!savedFile) await rm(source, { force: true });
  const copy = new hnswlib.BruteforceSearch("cosine", dimensions);
  await copy.readIndex(file);
  return copy;
}

/**
 * An independent copy of a segment (through a file: hnswlib copies no other way), open to replacing deleted
 * points; read from its file in `savedDir` when that holds it, else written into `workDir` first.
 */
async function copySegment(segment: GraphSegment, dimensions: number, workDir: string, savedDir?: string): Promise<HierarchicalNSW> {
  const copy = new hnswlib.HierarchicalNSW("cosine", dimensions);
  const savedFile = savedDir && join(savedDir, segmentFile(segment.id));
  if (savedFile && existsSync(savedFile)) {
    await copy.readIndex(savedFile, true);
  } else {
    const file = join(workDir, segmentFile(segment.id));
    await segment.graph.writeIndex(file);
    await copy.readIndex(file, true);
    await rm(file, { force: true });
  }
  copy.setEf(DENSE_EF);
  return copy;
}

/**
 * Whether `indexDir` holds `index` as it is in memory (its manifest has the same build time and counts): then
 * an update reads the previous vectors from their files instead of writing them out of memory first.
 */
async function isSavedIn(indexDir: string, index: LoadedIndex, logger?: Logger): Promise<boolean> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8"));
  } catch (error) {
    // No readable index there (never written, removed, damaged): the vectors are copied out of memory instead.
    logger?.debug({ err: error, indexDir }, "the previous index is not on disk as it is in memory; copying its vectors from memory");
    return false;
  }
  const files = index.segments ? index.segments.map((s) => segmentFile(s.id)) : [EXACT_FILE];
  return (
    files.every((file) => existsSync(join(indexDir, file))) &&
    isManifest(manifest) &&
    manifest.format === FORMAT &&
    manifest.builtAt === index.manifest.builtAt &&
    manifest.sentences === index.manifest.sentences &&
    manifest.embedder.id === index.manifest.embedder.id
  );
}

/** How {@link writeIndex} may place the vectors' files instead of having hnswlib write them. */
interface WriteOptions {
  /** A file holding `index.exact` as hnswlib writes it: moved into the folder. */
  readonly exactFile?: string;
  /** Files holding some of `index.segments` as hnswlib writes them: moved into the folder. */
  readonly segmentFiles?: ReadonlyMap<GraphSegment, string>;
  /**
   * A folder holding some of `index.segments` as they are (the previous index, whose segments an update left
   * unchanged): their files are hard-linked from there, or written when linking fails (another file system).
   */
  readonly unchanged?: { readonly dir: string; readonly segments: ReadonlySet<GraphSegment> };
  readonly logger?: Logger;
}

/**
 * Writes `index` into a new folder beside `indexDir` and renames it into place. A file of the new folder may be
 * a hard link to one of the previous (see WriteOptions.unchanged): no index file is ever written in place, so
 * removing or restoring either folder (see tidyLeftovers) leaves the other whole.
 */
async function writeIndex(indexDir: string, index: LoadedIndex, options: WriteOptions = {}): Promise<void> {
  await mkdir(dirname(indexDir), { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = `${scratchPrefix(indexDir, "tmp")}${suffix}`;
  const old = `${scratchPrefix(indexDir, "old")}${suffix}`;
  try {
    await mkdir(tmp, { recursive: true });
    const { labels, exact, segments = [] } = index;
    const checksums: Record<string, number> = {};
    // The vectors are written (by hnswlib, off the main thread) while the passage store is serialised.
    await settleAll([
      ...(exact ? [moveOrWriteExact(exact, join(tmp, EXACT_FILE), options.exactFile)] : []),
      ...segments.map((segment) => placeSegment(segment, tmp, options)),
      (async () => {
        const { keys, words } = index.store.packed;
        await writeFile(join(tmp, PASSAGES_FILE), encodePassages(index.store.passages, keys));
        const checked: Record<(typeof CHECKED_FILES)[number], Buffer> = {
          [LABELS_FILE]: Buffer.from(labels.buffer, labels.byteOffset, labels.byteLength),
          [LEXICON_FILE]: Buffer.from(JSON.stringify(index.store.lexicon)),
          [TERMS_FILE]: Buffer.from(words.buffer, words.byteOffset, words.byteLength),
        };
        for (const file of CHECKED_FILES) {
          checksums[file] = crc32(checked[file]);
          await writeFile(join(tmp, file), checked[file]);
        }
        await saveWordLists(join(tmp, WORD_LISTS_FILE), analyzerId());
      })(),
    ]);
    // The manifest goes last: a folder without one is never taken for an index.
    await writeFile(join(tmp, "manifest.json"), JSON.stringify({ ...index.manifest, checksums }, null, 2));
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
 * Waits for every one of `tasks`, then throws the failure (an AggregateError when several failed): no task is
 * left writing into a folder that its caller is about to remove.
 */
async function settleAll(tasks: readonly Promise<unknown>[]): Promise<void> {
  const failures = (await Promise.allSettled(tasks)).flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, "writing the index failed");
}

/**
 * Puts `segment`'s file into the folder `dir`: a hard link to the file of an unchanged segment (see
 * WriteOptions.unchanged), the file a worker built it in moved there, else written by hnswlib (also when linking
 * or moving fails, as across file systems).
 */
async function placeSegment(segment: GraphSegment, dir: string, { unchanged, segmentFiles, logger }: WriteOptions): Promise<void> {
  const name = segmentFile(segment.id);
  const file = segmentFiles?.get(segment);
  if (file) {
    try {
      await rename(file, join(dir, name));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  if (unchanged?.segments.has(segment)) {
    try {
      await link(join(unchanged.dir, name), join(dir, name));
      return;
    } catch (error) {
      logger?.debug({ err: error, segment: name }, "cannot link the unchanged graph segment into the new index; writing it");
    }
  }
  await segment.graph.writeIndex(join(dir, name));
}

/** Moves `file` (which holds `exact`) to `target`, or writes `exact` there when it is on another file system. */
async function moveOrWriteExact(exact: BruteforceSearch, target: string, file?: string): Promise<void> {
  if (file) {
    try {
      await rename(file, target);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  await exact.writeIndex(target);
}

/**
 * What is on disk: a fresh index; a stale one (seeds changed: its vectors are reused for unchanged files);
 * nothing; or one built by another chunker, analyzer or embedder, which is rebuilt from scratch.
 */
export type LoadResult =
  | { readonly status: "fresh"; readonly index: LoadedIndex }
  | { readonly status: "stale"; readonly previous: LoadedIndex }
  | { readonly status: "missing" | "incompatible" };

/** What {@link loadIndex} may do besides loading. */
export interface LoadIndexOptions {
  /**
   * Called with the passage store of a fresh index while its vectors are still being read (by hnswlib, off the
   * main thread): work that answering needs from the passage store alone is done meanwhile (prepareRetrieval).
   */
  readonly prepare?: (store: PassageStore) => void;
}

/**
 * Loads the index at `indexDir` and checks it against the seeds and the embedder.
 * @throws IndexError("corrupt") when its files are missing, unreadable or disagree with each other.
 */
export async function loadIndex(
  indexDir: string,
  seeds: readonly Seed[] | Promise<readonly Seed[]>,
  embeddings: IndexEmbeddings,
  options: LoadIndexOptions = {},
): Promise<LoadResult> {
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
  let loaded: Omit<LoadedIndex, "seeds">;
  // The seeds' failure is the caller's to see (awaited below, outside the index's errors); here it only means
  // that nothing is prepared.
  const seedsOutcome = Promise.resolve(seeds).then(
    (list) => list,
    () => undefined,
  );
  try {
    const dimensions = manifest.embedder.dimensions;
    // The vectors are read (by hnswlib, off the main thread) while the passage store is parsed; the outcome is
    // kept as a value, so that it is never an unhandled rejection when the passage store fails first.
    const vectorsRead = Promise.all([readExact(indexDir, dimensions), readSegments(indexDir, dimensions)]).then(
      ([exact, segments]) => ({ exact, segments, error: undefined }),
      (error: unknown) => ({ exact: undefined, segments: undefined, error }),
    );
    // Read synchronously: hnswlib's reads of the vectors occupy the thread pool, where an asynchronous read of
    // the passage store waited behind them (2 s against 5-7 s under load at 10,000 briefings).
    const { passages, keys } = decodePassages(readFileSync(join(indexDir, PASSAGES_FILE)));
    const checked = (file: (typeof CHECKED_FILES)[number]): Buffer => {
      const bytes = readFileSync(join(indexDir, file));
      const expected = manifest.checksums?.[file];
      if (expected === undefined) throw new Error(`the manifest records no checksum of ${file}`);
      if (crc32(bytes) !== expected) throw new Error(`${file} does not match the manifest's checksum`);
      return bytes;
    };
    const lexicon: unknown = JSON.parse(checked(LEXICON_FILE).toString("utf8"));
    if (!isSerializedLexicon(lexicon)) throw new Error(`${LEXICON_FILE} does not have the lexicon's shape`);
    const packed = readPacked(checked(TERMS_FILE), keys);
    const store: PassageStore = { passages, lexicon, packed };
    const sentences = packed.words[0];
    if (sentences !== manifest.sentences || store.passages.reduce((n, p) => n + p.sentences.length, 0) !== manifest.sentences) {
      throw new Error(`sentence counts disagree: manifest ${manifest.sentences}, keys ${sentences}`);
    }
    const labels = readLabels(checked(LABELS_FILE), manifest.sentences);
    // Whether the index is fresh is known once the seeds are read; only then is the answering side prepared.
    const fresh = isFresh(manifest, await seedsOutcome);
    if (fresh && options.prepare) options.prepare(store);
    const { exact, segments, error } = await vectorsRead;
    if (error !== undefined) throw error;
    if (!exact && !segments) throw new Error(`neither ${EXACT_FILE} nor graph segments (${segmentFile(0)}, ...) hold the vectors`);
    if (exact) checkExact(exact, labels);
    if (segments) checkSegments(segments, labels);
    loaded = { manifest, store, labels, ...(exact ? { exact: exact.index } : {}), ...(segments ? { segments } : {}) };
  } catch (error) {
    return corrupt(indexDir, error);
  }
  const seedList = await seeds;
  const index: LoadedIndex = { ...loaded, seeds: seedList };
  return isFresh(manifest, seedList) ? { status: "fresh", index } : { status: "stale", previous: index };
}

/** Whether `manifest` records exactly `seeds` (paths and contents); false when they could not be read. */
function isFresh(manifest: Manifest, seeds: readonly Seed[] | undefined): boolean {
  if (!seeds) return false;
  const current = seeds.map(seedKey).join("\n");
  const recorded = manifest.seeds.map(seedKey).join("\n");
  return current === recorded;
}

/**
 * The 32-bit numbers of terms.bin (the platform's byte order: an index folder carried to a machine of the other
 * order fails these checks, or passages.bin's magic number, and is rebuilt; layout: {@link PackedTerms}),
 * checked against `keys` without building the strings.
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
        if (next(at++) >= keys.length) throw new Error(`${TERMS_FILE} names a key that ${PASSAGES_FILE} does not hold`);
      }
    }
  }
  if (at !== words.length) throw new Error(`${TERMS_FILE} holds ${words.length - at} numbers more than its sentences`);
  return { words, keys };
}

/**
 * The labels of labels.bin.
 * @throws Error when they are not one distinct label per sentence.
 */
function readLabels(bytes: Buffer, sentences: number): Int32Array {
  if (bytes.byteLength !== sentences * 4) throw new Error(`${LABELS_FILE} is ${bytes.byteLength} bytes for ${sentences} sentences`);
  const labels = new Int32Array(Uint8Array.from(bytes).buffer);
  const seen = new Set<number>();
  for (const label of labels) {
    if (label < 0 || seen.has(label)) throw new Error(`${LABELS_FILE} names label ${label} ${label < 0 ? "(negative)" : "twice"}`);
    seen.add(label);
  }
  return labels;
}

/** An exact copy read from its file, with the labels the file holds (checked against the sentences' by {@link checkExact}). */
interface ReadExact {
  readonly index: BruteforceSearch;
  readonly labels: readonly number[];
}

/**
 * The saved exact copy, if the index has one.
 * @throws Error when it is damaged: its size disagrees with its counts or the dimensions.
 */
async function readExact(indexDir: string, dimensions: number): Promise<ReadExact | undefined> {
  const file = join(indexDir, EXACT_FILE);
  if (!existsSync(file)) return undefined;
  const handle = await open(file, "r");
  try {
    const slot = dimensions * 4 + 8;
    const { size } = await handle.stat();
    const head = Buffer.alloc(EXACT_HEADER);
    await handle.read(head, 0, EXACT_HEADER, 0);
    const slots = size >= EXACT_HEADER ? readU64(head, 0) : -1;
    const count = size >= EXACT_HEADER ? readU64(head, 16) : -1;
    // hnswlib's file: three 8-byte counts, then for each slot the vector (float32) and its 8-byte label.
    if (size !== EXACT_HEADER + slots * slot || count > slots || readU64(head, 8) !== slot) {
      throw new Error(`${EXACT_FILE} holds ${count} vectors in ${size} bytes, not vectors of ${dimensions} dimensions`);
    }
    const index = new hnswlib.BruteforceSearch("cosine", dimensions);
    // The labels are read through a small buffer while hnswlib reads the file (the whole file in one Buffer
    // would cost as much again in page faults). Both are awaited, so neither fails unobserved.
    const readLabels = async (): Promise<number[]> => {
      const labels: number[] = [];
      const buffer = Buffer.allocUnsafe(COPY_SLOTS * slot);
      for (let first = 0; first < count; first += COPY_SLOTS) {
        const n = Math.min(COPY_SLOTS, count - first);
        await handle.read(buffer, 0, n * slot, EXACT_HEADER + first * slot);
        for (let i = 0; i < n; i += 1) labels.push(readU64(buffer, i * slot + dimensions * 4));
      }
      return labels;
    };
    const [read, labels] = await Promise.allSettled([index.readIndex(file), readLabels()]);
    if (read.status === "rejected") throw read.reason;
    if (labels.status === "rejected") throw labels.reason;
    return { index, labels: labels.value };
  } finally {
    await handle.close();
  }
}

/** @throws Error when the exact copy does not hold one vector for each of the sentences' labels. */
function checkExact(exact: ReadExact, labels: Int32Array): void {
  if (exact.labels.length !== labels.length) throw new Error(`${EXACT_FILE} holds ${exact.labels.length} vectors for ${labels.length} sentences`);
  const wanted = new Set(labels);
  for (const label of exact.labels) if (!wanted.delete(label)) throw new Error(`${EXACT_FILE} holds a label that no sentence has`);
}

/**
 * Segments read at once. hnswlib reads in libuv's thread pool (4 threads by default), which every asynchronous
 * file operation shares: all ten segments of 10,000 briefings at once kept the seeds' listing waiting for
 * seconds behind them.
 */
const SEGMENT_READERS = 2;

/**
 * The saved graph's segments, by number, if the index has any: read SEGMENT_READERS at a time (hnswlib reads off
 * the main thread, in the thread pool).
 * @throws Error when one is unreadable or its dimensions are not the manifest's.
 */
async function readSegments(indexDir: string, dimensions: number): Promise<GraphSegment[] | undefined> {
  const ids = (await readdir(indexDir)).flatMap((name) => {
    const match = SEGMENT_FILE_NAME.exec(name);
    return match ? [Number(match[1])] : [];
  });
  if (ids.length === 0) return undefined;
  ids.sort((a, b) => a - b);
  const read = async (id: number): Promise<GraphSegment> => {
    const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
    await graph.readIndex(join(indexDir, segmentFile(id)));
    if (graph.getNumDimensions() !== dimensions) throw new Error(`${segmentFile(id)} holds points of ${graph.getNumDimensions()} dimensions, not ${dimensions}`);
    graph.setEf(DENSE_EF);
    return { id, graph };
  };
  const segments: GraphSegment[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < ids.length) {
      const at = next++;
      segments[at] = await read(ids[at] as number);
    }
  };
  await settleAll(Array.from({ length: Math.min(SEGMENT_READERS, ids.length) }, reader));
  return segments;
}

/** @throws Error when a label names a segment the index does not hold, or a segment holds fewer points than its labels. */
function checkSegments(segments: readonly GraphSegment[], labels: Int32Array): void {
  const live = new Map<number, number>();
  for (const label of labels) live.set(segmentOf(label), (live.get(segmentOf(label)) ?? 0) + 1);
  const byId = new Map(segments.map((s) => [s.id, s.graph]));
  for (const [id, count] of live) {
    const graph = byId.get(id);
    if (!graph) throw new Error(`${LABELS_FILE} names points of ${segmentFile(id)}, which the index does not hold`);
    if (graph.getCurrentCount() < count) throw new Error(`${segmentFile(id)} holds ${graph.getCurrentCount()} points for ${count} sentences`);
  }
}

/** Whether parsed JSON has the lexicon's shape: its maps as lists of entries, its known words as a list. */
function isSerializedLexicon(value: unknown): value is SerializedLexicon {
  if (typeof value !== "object" || value === null) return false;
  const l = value as Record<string, unknown>;
  return ["enWord", "enStem", "arToEn", "known", "related"].every((field) => Array.isArray(l[field]));
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
    (m["checksums"] === undefined || isChecksums(m["checksums"])) &&
    Array.isArray(m["seeds"]) &&
    (m["seeds"] as unknown[]).every((s) => typeof s === "object" && s !== null && typeof (s as SeedRecord).path === "string" && typeof (s as SeedRecord).sha256 === "string")
  );
}

/** Whether a manifest's `checksums` is a table of 32-bit unsigned numbers. */
function isChecksums(value: unknown): value is Readonly<Record<string, number>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((crc) => Number.isInteger(crc) && crc >= 0 && crc < 2 ** 32);
}

function corrupt(indexDir: string, cause?: unknown): never {
  throw new IndexError("corrupt", `the index in ${indexDir} is damaged`, { cause });
}
