/**
 * The briefings on disk: which files of the seeds folder are briefings, reading them (skipping binary, oversized
 * and unreadable files with a warning), and their texts for the quotes. A file unchanged since a previous read
 * or since it was indexed is known by its stamp (size, mtime, ctime, inode, device) and not read again until its
 * text is needed.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, type BigIntStats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { IndexError } from "./errors.js";
import { indexedText } from "./ingest.js";
import type { Logger } from "../logger.js";

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

export interface SeedRecord {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  /**
   * The file's size, mtime, ctime (nanoseconds), inode and device when it was read, if its ctime was then
   * STAMP_SETTLE_MS old: a start takes a file with the same stamp as the one indexed without reading it (see
   * seedsOnRecord).
   */
  readonly stamp?: string;
}

/** A seed file read from disk, or known by its stamp and read when its text is first asked for (seedsOnRecord). */
export interface Seed extends SeedRecord {
  /**
   * The file's text: at hand for a file just read; for one known by its stamp, read (and kept) now.
   * @throws IndexError("changed") when that file is gone or no longer holds what was indexed.
   */
  readText(): string;
  /**
   * The text as it is indexed (see ingest.ts's indexedText: link targets and HTML tags blanked, every offset the
   * file's), made from readText once and kept.
   * @throws IndexError("changed") as readText.
   */
  indexedText(): string;
  /**
   * The text as the file holds it now, for a quote: the kept text while the file's stamp is the one it was
   * checked with, else the file read and checked again.
   * @throws IndexError("changed") when the file is gone or no longer holds what was indexed.
   */
  currentText(): string;
}

/** A briefing's identity in an index: its path and its content's SHA-256. */
export const seedKey = (s: Pick<SeedRecord, "path" | "sha256">): string => `${s.path}:${s.sha256}`;

/** Whether two lists name the same briefings with the same contents, in the same order (an index is fresh for them). */
export function sameSeeds(a: readonly Pick<SeedRecord, "path" | "sha256">[], b: readonly Pick<SeedRecord, "path" | "sha256">[]): boolean {
  return a.length === b.length && a.every((seed, i) => b[i] !== undefined && seedKey(seed) === seedKey(b[i]));
}

/** The briefings' texts by path (a Map, or {@link seedTexts}, which reads a text when first asked for it). */
export interface SourceTexts {
  get(path: string): string | undefined;
}

const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/**
 * A file changed less than this before it was read may change again within the same timestamps (file systems
 * keep them to a second or two): its stamp is not recorded, and the next start reads it (git's "racily clean").
 * Measured on the ctime, which every write and every change of the mtime (tar, rsync -t, cp -p) sets to now.
 */
const STAMP_SETTLE_MS = 3_000;
/** Whether a file's stamp, taken now, has settled: its last change is STAMP_SETTLE_MS old. */
const isSettled = (info: BigIntStats): boolean => info.ctimeNs < BigInt(Date.now() - STAMP_SETTLE_MS) * 1_000_000n;
/** A file's stamp: what changes whenever its content may have (see SeedRecord.stamp). */
export const fileStamp = (info: BigIntStats): string => `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}:${info.dev}`;

/**
 * What {@link readSeeds} remembers between calls (a running bot's rescans): per file, its stamp (fileStamp)
 * and the seed read from it (undefined for a file it skipped), so that unchanged files are neither read again
 * nor warned about twice.
 */
export type SeedCache = Map<string, { readonly stamp: string; readonly seed: Seed | undefined; readonly copyOf?: string }>;

/**
 * The warnings about folders below the seeds (a link not followed, a folder skipped) that {@link readSeeds} gave
 * at its last call with each cache: a running bot's reloads say each once while it stays so, as they do a skipped
 * file, not at every reload. Beside the cache rather than in it, whose entries are files.
 */
const folderWarnings = new WeakMap<SeedCache, Set<string>>();

/**
 * Files {@link readSeeds} reads between two turns of the event loop. A briefing is a few kilobytes, mostly in
 * the page cache: reading it synchronously costs a fraction of the thread-pool round trips of an asynchronous
 * stat, open, read and close (1,000 files: 0.1 s against 0.3 s alone, over 1 s while an index loads alongside),
 * and a batch blocks for a few milliseconds only.
 */
const READ_BATCH = 64;

/** One candidate file as {@link readSeeds} found it. */
type SeedRead =
  | { readonly kind: "not-a-file" }
  | { readonly kind: "unreadable"; readonly path: string; readonly error: unknown }
  | { readonly kind: "cached"; readonly path: string; readonly stamp: string; readonly seed: Seed | undefined }
  | { readonly kind: "too-big"; readonly path: string; readonly stamp: string; readonly bytes: number }
  | { readonly kind: "read"; readonly path: string; readonly stamp: string; readonly settled: boolean; readonly data: Buffer };

function readSeedFile(root: string, seedsDir: string, name: string, cache?: SeedCache): SeedRead {
  const file = join(seedsDir, name);
  const path = relative(root, file).split(sep).join("/");
  try {
    const info = statSync(file, { bigint: true });
    if (!info.isFile()) return { kind: "not-a-file" };
    const stamp = fileStamp(info);
    const known = cache?.get(path);
    if (known?.stamp === stamp) return { kind: "cached", path, stamp, seed: known.seed };
    if (info.size > MAX_SEED_BYTES) return { kind: "too-big", path, stamp, bytes: Number(info.size) };
    return { kind: "read", path, stamp, settled: isSettled(info), data: readFileSync(file) };
  } catch (error) {
    return { kind: "unreadable", path, error };
  }
}

/**
 * The briefing files below `seedsDir` (relative names, sorted): .txt and .md, not hidden nor in a hidden folder
 * (.git, an editor's .backup). A linked folder is followed once: a second link to the same folder adds nothing,
 * and a link to the seeds folder or a folder above it (a loop, or the whole project) is not followed. Errors
 * reading `seedsDir` itself are thrown as they come (ENOENT, ENOTDIR); a folder below it that cannot be read (gone
 * meanwhile, no permission, a name that is not UTF-8) is skipped, with a warning when `logger` is given.
 * @param said the warnings of the previous listing, not given again; replaced by this listing's.
 */
export async function seedFileNames(seedsDir: string, logger?: Logger, said?: Set<string>): Promise<string[]> {
  const names: string[] = [];
  const root = await realpath(seedsDir);
  const walked = new Set<string>();
  const saying = new Set<string>();
  const warn = (key: string, fields: object, message: string): void => {
    saying.add(key);
    if (!said?.has(key)) logger?.warn(fields, message);
  };
  const walk = async (dir: string, real: string, prefix: string): Promise<void> => {
    walked.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const name = prefix === "" ? entry.name : join(prefix, entry.name);
      const path = join(dir, entry.name);
      // A link is what it points to; a dangling one is listed as a file, and skipped with a warning when read.
      const folder = entry.isSymbolicLink() ? (await stat(path).catch(() => undefined))?.isDirectory() === true : entry.isDirectory();
      if (!folder) {
        if (SEED_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) names.push(name);
        continue;
      }
      try {
        const target = await realpath(path);
        const up = relative(target, root);
        if (up === "" || (!up.startsWith("..") && !isAbsolute(up))) {
          warn(`link\0${name}\0${target}`, { folder: name, target }, "a link in the seeds folder to the seeds folder or above it is not followed");
          continue;
        }
        if (walked.has(target)) continue;
        await walk(path, target, name);
      } catch (error) {
        const badName = notUtf8(name);
        const why = badName ? "a folder in the seeds skipped: its name is not UTF-8; rename it" : "a folder in the seeds cannot be read; skipped";
        warn(`folder\0${name}\0${(error as NodeJS.ErrnoException).code ?? String(error)}`, badName ? { folder: name } : { folder: name, err: error }, why);
      }
    }
  };
  await walk(seedsDir, root, "");
  if (said) {
    said.clear();
    for (const key of saying) said.add(key);
  }
  return names.sort();
}

/**
 * Whether a listed name was not UTF-8 on disk (a Windows zip's "r\xe9sum\xe9"): the listing decodes its bytes to
 * U+FFFD, and no file or folder has that name.
 */
const notUtf8 = (name: string): boolean => name.includes("\uFFFD");

/** The nearest of `path` and the folders above it that exists, if it is a file (what ENOTDIR stumbled on). */
function fileOnPath(path: string): string | undefined {
  for (let at = path; ; at = dirname(at)) {
    try {
      return statSync(at).isFile() ? at : undefined;
    } catch {
      // Not there (ENOENT, or ENOTDIR below the file): the folder above.
      if (dirname(at) === at) return undefined;
    }
  }
}

/**
 * Reads every .txt/.md briefing below `seedsDir`; skips (with a warning) binary and oversized files.
 * @param cache files whose stamp is unchanged since the last call are taken from it.
 */
export async function readSeeds(root: string, seedsDir: string, logger?: Logger, cache?: SeedCache): Promise<Seed[]> {
  // Below the project by its relative path, elsewhere by its own (not "../../etc/briefings").
  const shownPath = (path: string): string => {
    const inside = relative(root, path);
    return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? path : inside;
  };
  const shown = shownPath(seedsDir);
  const where = shown === seedsDir ? "it" : seedsDir;
  let said: Set<string> | undefined;
  if (cache) {
    said = folderWarnings.get(cache) ?? new Set();
    folderWarnings.set(cache, said);
  }
  let wanted: string[];
  try {
    wanted = await seedFileNames(seedsDir, logger, said);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Missing, or not a folder, the message says all there is; anything else, its cause says what (EACCES: …).
    if (code === "ENOENT") throw new IndexError("no-seeds", `the seeds folder ${shown} (SEEDS_DIR) does not exist; put .txt or .md briefings in ${where}`);
    if (code === "ENOTDIR") {
      const file = fileOnPath(seedsDir);
      const what = file === undefined || file === seedsDir ? "is not a folder" : `cannot be reached: ${shownPath(file)} is a file, not a folder`;
      throw new IndexError("no-seeds", `the seeds folder ${shown} (SEEDS_DIR) ${what}`);
    }
    throw new IndexError("no-seeds", `the seeds folder ${shown} (SEEDS_DIR) cannot be read`, { cause: error });
  }
  // The files are read a batch at a time (a start reads thousands), then handled in name order.
  const seeds: Seed[] = [];
  const seen = new Set<string>();
  for (let at = 0; at < wanted.length; at += READ_BATCH) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const read of wanted.slice(at, at + READ_BATCH).map((name) => readSeedFile(root, seedsDir, name, cache))) {
      if (read.kind === "not-a-file") continue;
      const { path } = read;
      seen.add(path);
      if (read.kind === "unreadable") {
        // A dangling link, a file without read permission, one deleted meanwhile: skip it, keep the others. Said
        // once while it stays so, not at every rescan.
        const mark = `unreadable:${(read.error as NodeJS.ErrnoException).code ?? "unknown"}`;
        // A name that is not UTF-8 names no file: the name is the trouble, not the file.
        const badName = notUtf8(path);
        const why = badName ? "seed skipped: its file name is not UTF-8; rename the file" : "seed skipped: unreadable";
        if (cache?.get(path)?.stamp !== mark) logger?.warn(badName ? { path } : { path, err: read.error }, why);
        cache?.set(path, { stamp: mark, seed: undefined });
        continue;
      }
      const { stamp } = read;
      if (read.kind === "cached") {
        if (read.seed) seeds.push(read.seed);
        continue;
      }
      if (read.kind === "too-big") {
        logger?.warn({ path, bytes: read.bytes, limit: MAX_SEED_BYTES }, "seed skipped: larger than the limit; split it into files under 5 MiB");
        cache?.set(path, { stamp, seed: undefined });
        continue;
      }
      const { data } = read;
      // A NUL first: no text holds one, so the file is binary (a PDF or an image renamed .txt, or UTF-16 text), which
      // said as "not UTF-8" would send the operator to convert an encoding.
      const nul = data.indexOf(0);
      if (nul >= 0) {
        logger?.warn({ path, nulByteAt: nul }, "seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)");
        cache?.set(path, { stamp, seed: undefined });
        continue;
      }
      const text = data.toString("utf8");
      const bad = replacementCount(text);
      if (bad > text.length * MAX_BAD_CHAR_SHARE) {
        logger?.warn({ path, badCharacters: bad }, "seed skipped: not UTF-8 text; save it as UTF-8");
        cache?.set(path, { stamp, seed: undefined });
        continue;
      }
      if (text.trim() === "") {
        logger?.warn({ path }, "seed skipped: empty");
        cache?.set(path, { stamp, seed: undefined });
        continue;
      }
      if (bad > 0) logger?.warn({ path, badCharacters: bad }, "seed indexed despite invalid characters (U+FFFD)");
      const digest = sha256(data);
      const seed: Seed = {
        path,
        sha256: digest,
        bytes: data.length,
        ...(read.settled ? { stamp } : {}),
        ...seedText(join(root, path), path, digest, { text, stamp, settled: read.settled }),
      };
      cache?.set(path, { stamp, seed });
      seeds.push(seed);
    }
  }
  if (cache) for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  const distinct = withoutCopies(seeds, logger, cache);
  if (distinct.length === 0) {
    throw new IndexError("no-seeds", `no .txt or .md briefing in ${shown} (SEEDS_DIR); put some in ${where}`);
  }
  return distinct;
}

/**
 * The seeds with each text once, the first by name kept: a copy ("brief (copy).txt") or a second link to a file
 * would quote every sentence twice and halve how much each copy seems to hold of a question.
 */
function withoutCopies(seeds: readonly Seed[], logger: Logger | undefined, cache: SeedCache | undefined): Seed[] {
  const first = new Map<string, string>();
  return seeds.filter((seed) => {
    const original = first.get(seed.sha256);
    if (original === undefined) {
      first.set(seed.sha256, seed.path);
      // No longer a copy (the original changed): should it become one again, that is said again.
      const entry = cache?.get(seed.path);
      if (entry?.copyOf !== undefined) cache?.set(seed.path, { stamp: entry.stamp, seed: entry.seed });
      return true;
    }
    // Said once while it stays a copy of the same file, not at every rescan.
    const entry = cache?.get(seed.path);
    if (entry?.copyOf !== original) logger?.warn({ path: seed.path, sameAs: original }, "seed skipped: the same text as another briefing");
    if (entry) cache?.set(seed.path, { ...entry, copyOf: original });
    return false;
  });
}

/** A seed known from its record; its text is read (and checked) when first asked for, then kept. */
export function recordedSeed(root: string, record: SeedRecord): Seed {
  const { path, sha256: recorded, bytes, stamp } = record;
  return { path, sha256: recorded, bytes, ...(stamp !== undefined ? { stamp } : {}), ...seedText(join(root, path), path, recorded) };
}

/** What a file's text was last checked against: its stamp then, and whether that stamp had settled. */
interface Checked {
  readonly text: string;
  readonly stamp: string;
  readonly settled: boolean;
}

/**
 * A seed's text readers over `file`, which was indexed with SHA-256 `recorded`: the text is kept once read, and
 * `currentText` compares the file's stamp with the one the text was checked against (one stat) before trusting
 * it. A stamp that had not settled (see STAMP_SETTLE_MS) may hide a later write, so that text is read and checked
 * again. A file removed since keeps its text: it is still the briefing as indexed, which a rescan drops (or, the
 * last one, keeps answering from).
 */
function seedText(file: string, path: string, recorded: string, initial?: Checked): Pick<Seed, "readText" | "indexedText" | "currentText"> {
  let checked = initial;
  // Of a text whose SHA-256 was checked: any later read that passes the check has the same text.
  let indexed: string | undefined;
  const gone = (error: unknown): IndexError => new IndexError("changed", `${path} is gone or unreadable since it was indexed`, { cause: error });
  const stat = (): BigIntStats => {
    try {
      return statSync(file, { bigint: true });
    } catch (error) {
      throw gone(error);
    }
  };
  /** Reads the file, whose stamp before the read is `info`: a write after it changes the stamp, so it is read again. */
  const read = (info: BigIntStats): Checked => {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (error) {
      throw gone(error);
    }
    if (sha256(data) !== recorded) throw new IndexError("changed", `${path} changed since it was indexed`);
    checked = { text: data.toString("utf8"), stamp: fileStamp(info), settled: isSettled(info) };
    return checked;
  };
  const readText = (): string => (checked ?? read(stat())).text;
  return {
    readText,
    indexedText: () => (indexed ??= indexedText(readText())),
    currentText(): string {
      let info: BigIntStats;
      try {
        info = stat();
      } catch (error) {
        if (checked) return checked.text;
        throw error;
      }
      return checked?.settled && fileStamp(info) === checked.stamp ? checked.text : read(info).text;
    },
  };
}

/**
 * The texts of `seeds` by path as they are indexed (Seed.indexedText), each read when first asked for (see
 * recordedSeed): for building an index and reading it, never for a quote (see currentTexts).
 */
export function seedTexts(seeds: readonly Seed[]): SourceTexts {
  const byPath = new Map(seeds.map((s) => [s.path, s]));
  return { get: (path) => byPath.get(path)?.indexedText() };
}

/**
 * The texts of `seeds` by path as their files hold them now (see Seed.currentText), for the quotes of one answer,
 * which must be slices of the file as it is even before a running bot's rescan has seen it change: each file is
 * checked once per answer (its first quote), and every quote of the answer comes from that one text.
 */
export function currentTexts(seeds: readonly Seed[]): () => SourceTexts {
  const byPath = new Map(seeds.map((s) => [s.path, s]));
  return () => {
    const checked = new Map<string, string | undefined>();
    return {
      get(path) {
        if (!checked.has(path)) checked.set(path, byPath.get(path)?.currentText());
        return checked.get(path);
      },
    };
  };
}

/**
 * The text of a briefing by path, or undefined when there is none or its file changed since it was indexed
 * (IndexError "changed", logged when a logger is given): for what may skip a briefing, unlike a quote.
 */
export function textIfUnchanged(texts: SourceTexts, path: string, logger?: Logger): string | undefined {
  try {
    return texts.get(path);
  } catch (error) {
    if (!(error instanceof IndexError) || error.code !== "changed") throw error;
    logger?.warn({ err: error }, "a briefing changed since it was indexed; not quoting it until the index is updated");
    return undefined;
  }
}

/** The text of a briefing by path; a passage pointing at an unknown file is a bug, never an empty quote. */
export function sourceText(texts: SourceTexts, path: string): string {
  const text = texts.get(path);
  if (text === undefined) throw new Error(`no source text for ${path}`);
  return text;
}
