/**
 * The index on disk: the sentence vectors (hnswlib), the passage store and the manifest.
 *
 * index/
 *   manifest.json   format, chunker/analyzer/embedder versions, build time, each seed's SHA-256 and stamp, and the
 *                   CRC-32 of every other file (checked before it is read)
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
 * once published: in memory by the old index and the new one, on disk hard-linked from the old folder. The vectors'
 * part (exact copy and graph segments: building, updating, writing, reading) is vectors.ts.
 */
import { existsSync, readFileSync, type Dirent } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { crc32 } from "node:zlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { BruteforceSearch } from "hnswlib-node";
import { documentTerms } from "./analyze.js";
import { IndexError } from "./errors.js";
import { ingest } from "./ingest.js";
import { decodePassages, encodePassages } from "./passage-file.js";
import { lockLost, scratchPrefix, scratchSuffix } from "./lock.js";
import { readSeeds, recordedSeed, sameSeeds, seedKey, seedTexts, sourceText, type Seed, type SeedCache, type SeedRecord } from "./seeds.js";
import type { PackedTerms } from "./lexical.js";
import { buildLexicon, lexiconFingerprint, primeWordLists, saveWordLists, type SerializedLexicon } from "./lexicon.js";
import { modelsFingerprint } from "./model.js";
import { CHECKED_FILES, EARLIER_FOLDER, isIndexFile, LABELS_FILE, LEXICON_FILE, MANIFEST_FILE, PASSAGES_FILE, TERMS_FILE, WORD_LISTS_FILE } from "./index-files.js";
import type { Passage } from "./types.js";
import { attempt, settleAll } from "./settle.js";
import {
  checkedVectors,
  EXACT_FILE,
  EXACT_MAX_VECTORS,
  fileCrc32,
  GRAPH_SEGMENT_SIZE,
  readVectors,
  segmentFile,
  startVectors,
  vectorFiles,
  writeVectors,
  type GraphSegment,
  type VectorFiles,
} from "./vectors.js";
import type { Logger } from "../logger.js";

/**
 * Bump when the on-disk layout changes (an added file that older indexes lack is read when present). Format 3:
 * labels.bin and exact.index or graph.index instead of LangChain's hnswlib/ folder. Format 4: the lexicon's maps
 * as lists of entries in passages.json (parsed in half the time of objects with as many keys). Format 5: the
 * graph in segments (graph-000.index, ...) instead of one graph.index. Format 6: passages.bin and lexicon.json
 * instead of passages.json (read in 0.4 s instead of 1.3 s at 10,000 briefings). Format 7: the manifest holds the
 * CRC-32 of terms.bin, labels.bin and lexicon.json (passages.bin holds its own). Format 8: and of the vector files
 * (exact.index, graph-NNN.index): a flipped bit in a graph's links crashed the process at its first search.
 */
const FORMAT = 8;
/** Bump when ingestion (passages, sentences, labels) or the matching keys change. */
export const CHUNKER_VERSION = "ingest-v18";
export const ANALYZER_VERSION = "keys-v69";
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
   * CRC-32 of each file in CHECKED_FILES and each vector file as written (on disk; a manifest built in memory has
   * none): a bit flipped in a key's number or a label would otherwise read as another valid one, and one in a graph
   * segment's links crashes hnswlib at the first search.
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
   * Worker threads that build the graph's segments of WORKER_MIN_POINTS (vectors.ts) points or more; 0 builds them on the
   * main thread. Default: one per core (os.availableParallelism()).
   */
  readonly graphWorkers?: number;
  /**
   * Whether an index that cannot be written fails the build (`npm run index`, whose whole point is the folder)
   * instead of being kept in memory with a warning (a bot, which answers from memory meanwhile). Default: false.
   */
  readonly mustSave?: boolean;
}

/**
 * The seeds the index at `indexDir` records with a stamp, as a cache for {@link readSeeds}: a file whose stamp
 * (size, mtime, ctime, inode, device) is still the one it had when indexed is taken as it was, and its text read only when a quote
 * needs it (checked against the recorded SHA-256 then). A start at 10,000 briefings reads and hashes none of
 * them (1.4 s and 170 MB of strings before). Empty when there is no readable manifest (loadIndex says why).
 */
export function seedsOnRecord(root: string, indexDir: string): SeedCache {
  const cache: SeedCache = new Map();
  let manifest: Manifest;
  try {
    manifest = parseManifest(readFileSync(join(indexDir, MANIFEST_FILE), "utf8"));
  } catch {
    return cache; // none, or damaged: every briefing is read (and loadIndex says what is wrong)
  }
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
  const parts = seeds.map((seed) => ({ seed, slice: slices.get(seedKey(seed)), passages: slices.get(seedKey(seed))?.passages ?? ingest({ path: seed.path, text: seed.readText(), indexed: seed.indexedText() }) }));
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
      const byline = (): string | undefined => passage.byline && seed.indexedText().slice(passage.byline.start, passage.byline.end);
      for (const sentence of passage.sentences) {
        // An unchanged briefing's text is not even read when no author came or went.
        const text = (): string => seed.indexedText().slice(sentence.start, sentence.end);
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
  const savedChecksums = previous ? await checksumsIfSaved(indexDir, previous, logger) : undefined;
  const saved = savedChecksums ? indexDir : undefined;
  // Scratch room for an update's vectors, and for the segments of a graph built in worker threads.
  const graphed = sentences > (options.exactMaxVectors ?? EXACT_MAX_VECTORS);
  const workDir = previous?.exact || previous?.segments || graphed ? await makeWorkDir(indexDir, logger) : undefined;
  try {
    return await finishIndex(options, { seeds, passages, started, previous, saved, savedChecksums, workDir });
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
  /** The checksums its manifest records, which its files matched (see checksumsIfSaved). */
  readonly savedChecksums: Readonly<Record<string, number>> | undefined;
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
  const { seeds, started, previous, saved, workDir } = build;
  const { reused } = build.passages;
  const sentences = reused.length;
  let analysed: ReturnType<typeof attempt<PassageStore>> | undefined;
  const analyse = (): void => void (analysed ??= attempt(() => keysOf(build.passages, previous)));
  // Only the sentences to embed are sliced: an unchanged briefing's text may not even have been read.
  const texts = seedTexts(seeds);
  const located = build.passages.passages.flatMap((passage) => passage.sentences.map((sentence) => ({ passage, sentence })));
  const sentenceText = (at: number): string => {
    const { passage, sentence } = located[at] as (typeof located)[number];
    return sourceText(texts, passage.source).slice(sentence.start, sentence.end);
  };
  // The previous vectors are kept only where they were made the same way: same embedder, same sentences.
  const usable =
    previous !== undefined &&
    previous.manifest.embedder.id === embeddings.id &&
    previous.manifest.embedder.dimensions === embeddings.dimensions &&
    previous.manifest.chunker === CHUNKER_VERSION;
  const pending = await startVectors(
    {
      embeddings,
      logger,
      exactMaxVectors: options.exactMaxVectors ?? EXACT_MAX_VECTORS,
      segmentSize: options.graphSegmentSize ?? GRAPH_SEGMENT_SIZE,
      workers: options.graphWorkers ?? availableParallelism(),
      reused,
      sentenceText,
      previous: usable ? previous : undefined,
      saved,
      workDir,
    },
    analyse,
  );
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
  const unchanged =
    saved && previous?.segments ? { dir: saved, segments: new Set(previous.segments), checksums: build.savedChecksums ?? {} } : undefined;
  try {
    await writeIndex(indexDir, index, { ...(exactFile ? { exactFile } : {}), ...(segmentFiles ? { segmentFiles } : {}), ...(unchanged ? { unchanged } : {}), ...(logger ? { logger } : {}) });
  } catch (error) {
    if (options.mustSave) throw error;
    logger?.warn({ err: error, indexDir }, "index built in memory but could not be saved; it will be rebuilt next start");
  }
  logger?.info({ seeds: seeds.length, passages: manifest.passages, sentences: manifest.sentences, ms: Math.round(performance.now() - started) }, "index built");
  return index;
}

/**
 * The checksums of `indexDir`'s vector files when it holds `index` as it is in memory (its manifest has the same
 * build time and counts, and its files match it), else undefined: then an update reads the previous vectors from
 * their files instead of writing them out of memory first, and a linked file keeps its recorded checksum.
 */
async function checksumsIfSaved(indexDir: string, index: LoadedIndex, logger?: Logger): Promise<Readonly<Record<string, number>> | undefined> {
  let manifest: Manifest;
  try {
    manifest = await readManifest(indexDir);
  } catch (error) {
    // No readable index there (never written, removed, damaged): the vectors are copied out of memory instead.
    logger?.debug({ err: error, indexDir }, "the previous index is not on disk as it is in memory; copying its vectors from memory");
    return undefined;
  }
  const files = index.segments ? index.segments.map((s) => segmentFile(s.id)) : [EXACT_FILE];
  const same =
    files.every((file) => existsSync(join(indexDir, file))) &&
    manifest.format === FORMAT &&
    manifest.builtAt === index.manifest.builtAt &&
    manifest.sentences === index.manifest.sentences &&
    manifest.embedder.id === index.manifest.embedder.id;
  if (!same) return undefined;
  // Its files are copied from and linked into the new index: one damaged on disk since the start would be
  // carried into it under a new, matching checksum.
  try {
    await checkVectorFiles(indexDir, manifest);
    return manifest.checksums ?? {};
  } catch (error) {
    logger?.warn({ err: error, indexDir }, "a vector file of the index on disk is damaged or unreadable; copying the vectors from memory");
    return undefined;
  }
}

/** The entries of the index folder, [] when it does not exist; a path that is not a folder is named as INDEX_DIR's. */
async function indexEntries(indexDir: string): Promise<Dirent[]> {
  try {
    return await readdir(indexDir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file on the way to it (a read-only mount, say) leaves no index there: it is built in memory (see rag.ts).
    if (code === "ENOENT" || (code === "ENOTDIR" && !existsSync(indexDir))) return [];
    if (code === "ENOTDIR") throw new IndexError("unwritable", `the index folder ${indexDir} (INDEX_DIR) is a file; give the index a folder of its own`, { cause: error });
    throw error;
  }
}


/**
 * Whether `indexDir`'s manifest.json is one an index wrote, of any format (a web app's manifest.json is not):
 * otherwise the folder is checked for things an index does not hold before it is taken for a damaged index.
 */
async function hasIndexManifest(indexDir: string): Promise<boolean> {
  const raw = await readFile(join(indexDir, MANIFEST_FILE), "utf8").catch(() => undefined);
  if (raw === undefined) return false;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return false;
  }
  return typeof value === "object" && value !== null && typeof (value as { format?: unknown }).format === "number";
}

/**
 * Refuses an index folder that holds anything an index does not (a subfolder, a briefing, a note): a rebuild
 * replaces the folder whole, and neither INDEX_DIR set to the wrong place nor an operator's note beside a real
 * index may be deleted by it. Loading reads only the index's files, so it refuses only a folder with no index's
 * manifest, which would be taken for a damaged index and rebuilt.
 */
function refuseForeign(indexDir: string, entries: readonly Dirent[]): void {
  const foreign = entries.filter((e) => (e.isDirectory() ? e.name !== EARLIER_FOLDER : !e.isFile() || !isIndexFile(e.name))).map((e) => e.name).sort();
  if (foreign.length === 0) return;
  const named = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", …" : "");
  throw new IndexError("unwritable", `the index folder ${indexDir} (INDEX_DIR) holds other things (${named}); a rebuild would replace it, so give the index a folder of its own`);
}

/**
 * Refuses, as a write would (see refuseForeign), an index folder that holds anything an index does not: for a
 * writer with nothing to write (`npm run index` over an up-to-date index), so an operator's file there is named
 * now rather than at the next update.
 * @throws IndexError("unwritable") naming those things.
 */
export async function checkIndexFolder(indexDir: string): Promise<void> {
  refuseForeign(indexDir, await indexEntries(indexDir));
}

/**
 * Writes `index` into a new folder beside `indexDir` and renames it into place. A file of the new folder may be
 * a hard link to one of the previous (see VectorFiles.unchanged): no index file is ever written in place, so
 * removing or restoring either folder (see tidyLeftovers) leaves the other whole.
 */
async function writeIndex(indexDir: string, index: LoadedIndex, files: VectorFiles = {}): Promise<void> {
  refuseForeign(indexDir, await indexEntries(indexDir));
  await mkdir(dirname(indexDir), { recursive: true });
  const suffix = scratchSuffix();
  const tmp = `${scratchPrefix(indexDir, "tmp")}${suffix}`;
  const old = `${scratchPrefix(indexDir, "old")}${suffix}`;
  try {
    await mkdir(tmp, { recursive: true });
    const { labels } = index;
    const checksums: Record<string, number> = {};
    // The vectors are written (by hnswlib, off the main thread) while the passage store is serialised.
    let linked: ReadonlySet<string> = new Set();
    await settleAll([
      writeVectors(tmp, index, files).then((names) => void (linked = names)),
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
    // A segment linked from the previous index keeps the checksum recorded with it there (its file was checked
    // against it before the update used it, see checksumsIfSaved): a file damaged on disk since stays caught. The
    // others are read back as written (a worker's file, an exact copy filtered from the saved one).
    const before = files.unchanged?.checksums ?? {};
    await settleAll(
      (await vectorFiles(tmp)).map(async (name) => void (checksums[name] = (linked.has(name) ? before[name] : undefined) ?? (await fileCrc32(join(tmp, name))))),
    );
    // The manifest goes last: a folder without one is never taken for an index.
    await writeFile(join(tmp, MANIFEST_FILE), JSON.stringify({ ...index.manifest, checksums }, null, 2));
    // Another writer that took the lock over is writing its own: this one's stays in memory.
    if (await lockLost(indexDir)) throw new Error("the index lock was taken over by another writer while this one wrote; leaving the index on disk to it");
    if (existsSync(indexDir)) await rename(indexDir, old);
    await rename(tmp, indexDir);
  } catch (error) {
    // Put the previous index back if it was moved aside and the new one did not take its place. Neither that nor
    // removing the new one may replace the error that says why the write failed: theirs go beside it.
    const cleanup: unknown[] = [];
    if (existsSync(old) && !existsSync(indexDir)) await rename(old, indexDir).catch((e: unknown) => cleanup.push(new Error("restoring the previous index failed", { cause: e })));
    await rm(tmp, { recursive: true, force: true }).catch((e: unknown) => cleanup.push(new Error(`removing ${tmp} failed; the next writer removes it`, { cause: e })));
    const cause = cleanup.length === 0 ? error : new AggregateError([error, ...cleanup], "writing the index failed, and so did cleaning up after it");
    // The folder is swapped whole by renaming, which a mount point (a Docker volume, a Kubernetes volume) refuses.
    const busy = (error as NodeJS.ErrnoException).code === "EBUSY";
    const advice = busy ? "; it may be a mount point, which cannot be replaced: mount its parent instead and point INDEX_DIR at a folder inside it" : "";
    throw new IndexError("unwritable", `cannot write the index to ${indexDir}${advice}`, { cause });
  }
  // The new index is in place: the previous one is litter now, which the next writer tidies if it stays
  // (tidyLeftovers). Reported as a failure, the write was said to be lost and `npm run index` exited 1.
  await rm(old, { recursive: true, force: true }).catch((error: unknown) =>
    files.logger?.warn({ err: error, folder: old }, "could not remove the previous index; the next rebuild removes it"),
  );
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
  if (!existsSync(join(indexDir, MANIFEST_FILE))) {
    const entries = await indexEntries(indexDir);
    if (entries.length === 0) return { status: "missing" };
    refuseForeign(indexDir, entries);
    return corrupt(indexDir, new Error(`no ${MANIFEST_FILE}`));
  }
  if (!(await hasIndexManifest(indexDir))) refuseForeign(indexDir, await indexEntries(indexDir));
  let manifest: Manifest;
  try {
    manifest = await readManifest(indexDir);
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
    // Each file is checked against its checksum before hnswlib reads it: damaged links crash at the first search.
    const vectorsRead = checkVectorFiles(indexDir, manifest).then(async () => readVectors(indexDir, dimensions)).then(
      (vectors) => ({ vectors }),
      (error: unknown) => ({ error }),
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
    const read = await vectorsRead;
    if ("error" in read) throw read.error;
    loaded = { manifest, store, labels, ...checkedVectors(read.vectors, labels) };
  } catch (error) {
    return corrupt(indexDir, error);
  }
  const seedList = await seeds;
  const index: LoadedIndex = { ...loaded, seeds: seedList };
  return isFresh(manifest, seedList) ? { status: "fresh", index } : { status: "stale", previous: index };
}

/** Whether `manifest` records exactly `seeds` (paths and contents); false when they could not be read. */
function isFresh(manifest: Manifest, seeds: readonly Seed[] | undefined): boolean {
  return seeds !== undefined && sameSeeds(seeds, manifest.seeds);
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
    typeof m["passages"] === "number" &&
    (m["checksums"] === undefined || isChecksums(m["checksums"])) &&
    Array.isArray(m["seeds"]) &&
    (m["seeds"] as unknown[]).every((s) => typeof s === "object" && s !== null && typeof (s as SeedRecord).path === "string" && typeof (s as SeedRecord).sha256 === "string")
  );
}

/**
 * The manifest of `text`.
 * @throws SyntaxError when it is not JSON; Error when it lacks a manifest's fields (an older or damaged build's).
 */
function parseManifest(text: string): Manifest {
  const value: unknown = JSON.parse(text);
  if (!isManifest(value)) throw new Error(`${MANIFEST_FILE} does not have the manifest's shape`);
  return value;
}

/** The manifest in `indexDir`. @throws as parseManifest does, or the file system's error (ENOENT: none). */
async function readManifest(indexDir: string): Promise<Manifest> {
  return parseManifest(await readFile(join(indexDir, MANIFEST_FILE), "utf8"));
}

/** @throws Error when a vector file of `indexDir` has no checksum in `manifest`, or another one. */
async function checkVectorFiles(indexDir: string, manifest: Manifest): Promise<void> {
  await settleAll(
    (await vectorFiles(indexDir)).map(async (name) => {
      const expected = manifest.checksums?.[name];
      if (expected === undefined) throw new Error(`the manifest records no checksum of ${name}`);
      if ((await fileCrc32(join(indexDir, name))) !== expected) throw new Error(`${name} does not match the manifest's checksum`);
    }),
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
