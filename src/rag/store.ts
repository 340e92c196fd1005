/**
 * The index on disk: the sentence vectors (hnswlib), the passage store and the manifest.
 *
 * index/
 *   manifest.json   format, chunker/analyzer/embedder versions, build time, each seed's SHA-256 and stamp, and the
 *                   CRC-32 of every other file (checked before it is read)
 *   passages.bin    passages with sentence offsets and the table of matching keys (see passage-file.ts)
 *   lexicon.json    the lexicon pruned to those keys
 *   terms.bin       each sentence's matching keys as numbers into that table (see terms-file.ts)
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
 * part (exact copy and graph segments: building, updating, writing, reading) is vectors.ts; the manifest's schema
 * and checks manifest.ts; terms.bin's layout terms-file.ts; what the folder may hold index-folder.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { crc32 } from "node:zlib";
import type { BruteforceSearch } from "hnswlib-node";
import { documentTerms } from "./analyze.js";
import type { IndexEmbeddings } from "./embedders/types.js";
import { IndexError } from "./errors.js";
import { ingest } from "./ingest.js";
import { decodePassages, encodePassages } from "./passage-file.js";
import { lockLost, scratchPrefix, scratchSuffix } from "./lock.js";
import { readSeeds, recordedSeed, sameSeeds, seedKey, seedTexts, sourceText, type Seed, type SeedCache } from "./seeds.js";
import type { PackedTerms } from "./lexical.js";
import { buildLexicon, primeWordLists, saveWordLists, type SerializedLexicon } from "./lexicon.js";
import { CHECKED_FILES, LABELS_FILE, LEXICON_FILE, MANIFEST_FILE, PASSAGES_FILE, TERMS_FILE, WORD_LISTS_FILE } from "./index-files.js";
import { checkIndexFolder, hasIndexManifest, indexEntries, refuseForeign } from "./index-folder.js";
import {
  analyzerId,
  checkVectorFiles,
  createManifest,
  expectChecksum,
  FORMAT,
  isCompatible,
  parseManifest,
  readManifest,
  sameChunker,
  sameChunkerAndEmbedder,
  type Manifest,
} from "./manifest.js";
import { decodeTerms, encodeTerms, mergeTerms } from "./terms-file.js";
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
 * needs it (checked against the recorded SHA-256 then): a start reads and hashes none of the unchanged briefings.
 * Empty when there is no readable manifest (loadIndex says why).
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
  /** The parts' passages, one after another. */
  readonly all: readonly Passage[];
  /** Per sentence, its position in `previous` (an unchanged briefing's), or -1 for a sentence that is new. */
  readonly reused: Int32Array;
  /** Whether any briefing's slice was taken from `previous`. */
  readonly reusedAny: boolean;
}

/** The passages of `seeds`: those of briefings unchanged since `previous` taken from it, the others ingested. */
function passagesOf(seeds: readonly Seed[], previous?: LoadedIndex): SeedPassages {
  const slices = previous && sameChunker(previous.manifest) ? slicesOf(previous) : new Map<string, SeedSlice>();
  const parts = seeds.map((seed) => {
    const slice = slices.get(seedKey(seed));
    return { seed, slice, passages: slice?.passages ?? ingest({ path: seed.path, text: seed.readText(), indexed: seed.indexedText() }) };
  });
  const reused: number[] = [];
  for (const { slice, passages } of parts) {
    let i = 0;
    for (const passage of passages) {
      for (let s = 0; s < passage.sentences.length; s += 1, i += 1) reused.push(slice ? slice.firstSentence + i : -1);
    }
  }
  return { parts, all: parts.flatMap((p) => p.passages), reused: Int32Array.from(reused), reusedAny: slices.size > 0 };
}

/**
 * The passage store of the seeds' passages: each sentence's matching keys, and the lexicon pruned to them. The
 * sentences of briefings unchanged since `previous` keep their keys (only a sentence naming the @handle of an
 * author who came or went is analysed again).
 */
function analysePassages({ parts, all, reusedAny }: SeedPassages, previous?: LoadedIndex): PassageStore {
  const authors = authorsOf(all);
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
          analysed.set(kept.length, documentTerms(text(), authors, byline(), passage.kind));
          kept.push(-1);
        }
        i += 1;
      }
    }
  }
  const packed = mergeTerms(Int32Array.from(kept), analysed, reusedAny ? previous?.store.packed : undefined);
  return { passages: all, lexicon: buildLexicon(new Set(packed.keys)), packed };
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
  type Analysed = ReturnType<typeof attempt<PassageStore>>;
  let analysed: Analysed | undefined;
  const analyse = (): Analysed => (analysed ??= attempt(() => analysePassages(build.passages, previous)));
  // Only the sentences to embed are sliced: an unchanged briefing's text may not even have been read.
  const texts = seedTexts(seeds);
  const located = build.passages.all.flatMap((passage) => passage.sentences.map((sentence) => ({ passage, sentence })));
  const sentenceText = (at: number): string => {
    const { passage, sentence } = located[at] as (typeof located)[number];
    return sourceText(texts, passage.source).slice(sentence.start, sentence.end);
  };
  // The previous vectors are kept only where they were made the same way: same embedder, same sentences.
  const usable = previous !== undefined && sameChunkerAndEmbedder(previous.manifest, embeddings);
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
  // Analysed by now if startVectors did it meanwhile (a graph built from scratch), else here.
  const keyed = analyse();
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
  const records = seeds.map(({ path, sha256, bytes, stamp }) => ({ path, sha256, bytes, ...(stamp !== undefined ? { stamp } : {}) }));
  const manifest = createManifest(embeddings, records, { passages: store.passages.length, sentences });
  const index: LoadedIndex = { manifest, seeds, store, ...vectors };
  // The segments the update did not touch are the previous index's own objects: their files are linked.
  const unchanged =
    saved && previous?.segments ? { dir: saved, segments: new Set(previous.segments), checksums: build.savedChecksums ?? {} } : undefined;
  try {
    await writeIndex(indexDir, index, { ...(exactFile ? { exactFile } : {}), ...(segmentFiles ? { segmentFiles } : {}), ...(unchanged ? { unchanged } : {}), ...(logger ? { logger } : {}) });
  } catch (error) {
    if (options.mustSave) throw error;
    logger?.warn({ err: error, indexDir }, "index built in memory but could not be saved; it will be rebuilt next start (make the index folder writable by this user, or set INDEX_DIR)");
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

/**
 * Writes `index` into a new folder beside `indexDir` and renames it into place. A file of the new folder may be
 * a hard link to one of the previous (see VectorFiles.unchanged): no index file is ever written in place, so
 * removing or restoring either folder (see tidyLeftovers) leaves the other whole.
 */
async function writeIndex(indexDir: string, index: LoadedIndex, files: VectorFiles = {}): Promise<void> {
  await checkIndexFolder(indexDir);
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
        await writeFile(join(tmp, PASSAGES_FILE), encodePassages(index.store.passages, index.store.packed.keys));
        const checked: Record<(typeof CHECKED_FILES)[number], Buffer> = {
          [LABELS_FILE]: Buffer.from(labels.buffer, labels.byteOffset, labels.byteLength),
          [LEXICON_FILE]: Buffer.from(JSON.stringify(index.store.lexicon)),
          [TERMS_FILE]: encodeTerms(index.store.packed),
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
  if (!(await hasIndexManifest(indexDir))) await checkIndexFolder(indexDir);
  let manifest: Manifest;
  try {
    manifest = await readManifest(indexDir);
  } catch (error) {
    return corrupt(indexDir, error);
  }
  if (!isCompatible(manifest, embeddings)) return { status: "incompatible" };
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
      expectChecksum(manifest, file, crc32(bytes));
      return bytes;
    };
    const lexicon: unknown = JSON.parse(checked(LEXICON_FILE).toString("utf8"));
    if (!isSerializedLexicon(lexicon)) throw new Error(`${LEXICON_FILE} does not have the lexicon's shape`);
    const packed = decodeTerms(checked(TERMS_FILE), keys);
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
  return ["enWord", "enStem", "arToEn", "known", "arabicWords", "related"].every((field) => Array.isArray(l[field]));
}

function corrupt(indexDir: string, cause?: unknown): never {
  throw new IndexError("corrupt", `the index in ${indexDir} is damaged`, { cause });
}
