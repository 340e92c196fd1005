/**
 * One writer of the index at a time: a lock file beside the index folder, created with O_EXCL and holding the
 * writer's pid, host and start (see LockOwner), touched every few seconds while held. A running bot and
 * `npm run index` in another terminal take it before building, so they never write over each other. A lock whose
 * writer is gone (a crash, a kill -9) is stale and taken over (by one writer: see removeStale): known gone by its
 * pid on this host and pid namespace, or, out of sight (another host, another container), once it stopped being
 * touched.
 *
 * The file sits beside the folder (`.index.lock` next to `index/`), not in it: a build swaps the whole folder
 * by renaming it, which would carry a lock inside it away.
 *
 * A writer's scratch folders sit beside it too (`index.tmp-*`, `index.work-*`, and `index.old-*` while the new
 * folder replaces the old). One that crashed leaves them there; the next writer, holding the lock, tidies them
 * (see tidyLeftovers): only those named and filled as a writer makes them, never an operator's `index.old-backup`.
 */
import { constants, existsSync, statSync } from "node:fs";
import { copyFile, link, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, utimes } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isIndexFile, MANIFEST_FILE } from "./index-files.js";
import { ADDED_EXACT_FILE, isVectorFile, PREVIOUS_EXACT_FILE } from "./vectors.js";
import type { Logger } from "../logger.js";

/** What a lock file holds. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601 time the lock was taken. */
  readonly at: string;
  /**
   * On Linux, who the writer is beyond its pid, none of it read from the clock: its pid namespace (containers
   * sharing a host name have their own pids), the boot it ran in, and its start in clock ticks since that boot.
   */
  readonly ns?: string;
  readonly boot?: string;
  readonly start?: number;
  /** The holder touches the file every HEARTBEAT_MS while it holds the lock (this version's locks do). */
  readonly beats?: boolean;
}

/** A lock held by this process; `release()` removes its file (once; later calls do nothing). */
export interface IndexLock {
  readonly path: string;
  release(): Promise<void>;
}

export type LockErrorCode = "busy" | "blocked" | "io";

/**
 * The lock could not be taken: another writer holds it (`busy`), something stands in its place that will not go
 * away by itself (`blocked`: debris, a stale lock this process cannot remove; the message says what to remove),
 * or the file system refused to create it (`io`: a read-only folder).
 */
export class LockError extends Error {
  override readonly name = "LockError";
  constructor(
    readonly code: LockErrorCode,
    message: string,
    readonly owner?: LockOwner,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface AcquireLockOptions {
  /** How long to wait for another writer; 0 tries once. Default: 0. */
  readonly waitMs?: number;
  /** Pause between tries while waiting. Default: 200 ms. */
  readonly pollMs?: number;
  readonly logger?: Logger;
  /**
   * Why the lock is wanted, for the log line written while waiting: a warning for a "start" (a bot, the console
   * chat, `npm run ask`, held up to minutes with nothing else said), else information.
   */
  readonly purpose?: string;
  /**
   * How long a lock out of sight (another host or pid namespace) must be seen untouched, by this process's own
   * clock, before it is taken for its holder's. Default: SILENT_STALE_MS (tests shorten it).
   */
  readonly silentMs?: number;
  /** How often the holder touches the lock file while it holds it. Default: HEARTBEAT_MS (tests shorten it). */
  readonly heartbeatMs?: number;
}

/**
 * Whether this process took the lock of `indexDir` and lost it since: the file now names another writer (taken
 * over while this one's event loop stalled past the silence a writer out of sight waits for). False when this
 * process holds no such lock (a read-only folder, a tool writing without it).
 * @throws the file system's error when the lock file cannot be read (not "lost": the cause is named as it is).
 */
export async function lockLost(indexDir: string): Promise<boolean> {
  const path = lockPath(indexDir);
  const at = heldHere.get(path);
  return at !== undefined && !(await namesThisWriter(path, at));
}

/** Whether the lock file at `path` is the one this process took at `at` (not one that replaced it after a takeover). */
async function namesThisWriter(path: string, at: string): Promise<boolean> {
  const owner = await readOwner(path);
  return owner?.pid === process.pid && owner.at === at;
}

/** The lock file that guards `indexDir`. */
export function lockPath(indexDir: string): string {
  return join(dirname(indexDir), `.${basename(indexDir)}.lock`);
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What `work` gives, or `absent` when its file is not there (ENOENT); any other error is rethrown. */
async function unlessMissing<T, A>(work: Promise<T>, absent: A): Promise<T | A> {
  try {
    return await work;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return absent;
    throw error;
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  const raw = await unlessMissing(readFile(path, "utf8"), undefined);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && typeof parsed.at === "string") {
      const { ns, boot, start } = parsed;
      return {
        pid: parsed.pid,
        host: String(parsed.host ?? ""),
        at: parsed.at,
        ...(typeof ns === "string" ? { ns } : {}),
        ...(typeof boot === "string" ? { boot } : {}),
        ...(typeof start === "number" ? { start } : {}),
        ...(parsed.beats === true ? { beats: true } : {}),
      };
    }
  } catch (error) {
    // A writer between open() and write(), or a damaged file: treated as held until it is old (below).
    if (!(error instanceof SyntaxError)) throw error;
  }
  return { pid: -1, host: "", at: "" };
}

/** A writer's scratch folders beside the index: the new index being written, the old one moved aside, an update's work. */
export type ScratchKind = "tmp" | "old" | "work";

/** The path prefix of `indexDir`'s scratch folders of one kind (a suffix makes each unique): `index.tmp-`. */
export const scratchPrefix = (indexDir: string, kind: ScratchKind): string => `${indexDir}.${kind}-`;

/** The suffix of a new index's folder and of the old one moved aside (writeIndex): the writer's pid and the time. */
export const scratchSuffix = (): string => `${process.pid}-${Date.now().toString(36)}`;

/**
 * The suffixes a writer puts after the prefix: scratchSuffix's (8 base-36 digits of time until 2059) for a new index
 * and the old one moved aside, mkdtemp's six letters and digits for an update's work folder.
 */
const SCRATCH_SUFFIX: Readonly<Record<ScratchKind, RegExp>> = {
  tmp: /^[1-9]\d{0,9}-[0-9a-z]{8,9}$/,
  old: /^[1-9]\d{0,9}-[0-9a-z]{8,9}$/,
  work: /^[A-Za-z0-9]{6}$/,
};

/** What a writer puts in a scratch folder of each kind: an index's files, or (work) the vectors' files of an update. */
const writes = (kind: ScratchKind, file: string): boolean =>
  kind === "work" ? isVectorFile(file) || file === PREVIOUS_EXACT_FILE || file === ADDED_EXACT_FILE : isIndexFile(file);

/**
 * The kind of the scratch folder `entry` (a name beside the index `name`), when a writer made it: named with a
 * writer's suffix, and a folder (not a link to one) holding nothing but files a writer of its kind puts there.
 * "foreign" for one named like it that holds anything else, which is not a writer's to remove (an operator's copy
 * `index.old-20261201-nightly`); undefined for any other name (`index.old-2026-12-01`, `index.tmp-notes`).
 */
async function scratchKind(parent: string, name: string, entry: string): Promise<ScratchKind | "foreign" | undefined> {
  const kind = (["tmp", "old", "work"] as const).find((k) => entry.startsWith(scratchPrefix(name, k)));
  if (kind === undefined || !SCRATCH_SUFFIX[kind].test(entry.slice(scratchPrefix(name, kind).length))) return undefined;
  const folder = join(parent, entry);
  const info = await unlessMissing(lstat(folder), undefined);
  if (!info?.isDirectory()) return info === undefined ? undefined : "foreign";
  const files = await unlessMissing(readdir(folder, { withFileTypes: true }), undefined);
  if (files === undefined) return undefined; // removed meanwhile
  return files.every((f) => f.isFile() && writes(kind, f.name)) ? kind : "foreign";
}

/**
 * Tidies what writers that are gone left beside the index (only the lock's holder may call this). When the
 * index itself is missing, a writer died between moving the old one aside and moving the new one in: the new
 * one (a `.tmp-` folder with its manifest, written last) or else the old one is put back. The rest is removed.
 * Only folders a writer made are touched (see scratchKind): one named like them that holds other things is left,
 * with a warning.
 */
export async function tidyLeftovers(indexDir: string, logger?: Logger): Promise<void> {
  const parent = dirname(indexDir);
  const name = basename(indexDir);
  const entries = await unlessMissing(readdir(parent), [] as string[]);
  const found: Record<ScratchKind | "foreign", string[]> = { tmp: [], old: [], work: [], foreign: [] };
  for (const entry of entries) {
    const kind = await scratchKind(parent, name, entry);
    if (kind !== undefined) found[kind].push(entry);
  }
  if (found.foreign.length > 0) {
    logger?.warn({ left: found.foreign }, "left folders beside the index that are named like an index write's but hold other things; they are not the index's to remove");
  }
  const newest = (folders: string[]): string | undefined =>
    folders.map((e) => ({ e, at: statSync(join(parent, e)).mtimeMs })).sort((a, b) => b.at - a.at)[0]?.e;
  const complete = found.tmp.filter((e) => existsSync(join(parent, e, MANIFEST_FILE)));
  const restore = existsSync(indexDir) ? undefined : (newest(complete) ?? newest(found.old));
  if (restore) {
    await rename(join(parent, restore), indexDir);
    logger?.warn({ from: restore }, "put back the index an interrupted write had moved aside");
  }
  const removed = [...found.tmp, ...found.work, ...found.old].filter((e) => e !== restore);
  for (const entry of removed) await rm(join(parent, entry), { recursive: true, force: true });
  if (removed.length > 0) logger?.warn({ removed }, "removed folders an interrupted index write left beside the index");
  // A takeover guard a crash left with no stale lock beside it would otherwise stay for ever; so would one a crash
  // left moved aside (old by then: it keeps the old guard's time).
  const guard = guardPath(lockPath(indexDir));
  await removeOldGuard(guard);
  const asidePrefix = `${basename(guard)}${ASIDE}`;
  for (const entry of entries.filter((e) => e.startsWith(asidePrefix))) {
    const info = await unlessMissing(lstat(join(parent, entry)), undefined);
    if (info && guardIsOld(info.mtimeMs)) await rm(join(parent, entry), { force: true });
  }
}

/**
 * For a message: ": <path> is a file, not a folder" naming the first folder on the way to `path` that is not one
 * (ENOTDIR names none; INDEX_DIR=/srv/data/index with /srv/data a file), or "" when there is none or it cannot be
 * told (the error being reported is the cause either way).
 */
async function fileOnTheWay(path: string): Promise<string> {
  const folders: string[] = [];
  for (let dir = dirname(path); folders[0] !== dir; dir = dirname(dir)) folders.unshift(dir);
  for (const folder of folders) {
    const info = await stat(folder).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) return "";
    if (!info.isDirectory()) return `: ${folder} is a file, not a folder`;
  }
  return "";
}

/** A lock file this long without a readable owner is debris from a crash between creating and writing it. */
const UNREADABLE_STALE_MS = 10_000;

/** Locks this process holds, by path, with the time each was taken (its `at`). */
const heldHere = new Map<string, string>();

/**
 * Whether the lock described by `owner` (read from `path`) belongs to nobody any more: its process is gone, or
 * its pid now names another process (this one, after a container restarted with the same pid, or one started
 * later), as far as this process can tell. A writer on another host, or in another pid namespace (a container
 * beside this one, or this container's run before a restart), cannot be checked by its pid: its lock is honoured
 * until this process has seen it untouched for `silentMs` (an earlier version's, never touched, see FOREIGN_LOCK_MS).
 */
async function stale(owner: LockOwner, path: string, silentMs: number): Promise<boolean> {
  // Being written, or damaged: gone once this process has seen it unchanged a while (by its own clock; the
  // file's time may come from another's).
  if (owner.pid === -1) return (await untouchedFor(path)) > Math.min(silentMs, UNREADABLE_STALE_MS);
  const here = await identity();
  // Out of sight, its pid says nothing here: gone once its holder stopped touching it.
  if (sightOf(owner, here) !== "here") return owner.beats === true && (await untouchedFor(path)) > silentMs;
  if (owner.pid === process.pid) return heldHere.get(path) !== owner.at || (owner.start !== undefined && owner.start !== here.start);
  if (!alive(owner.pid)) return true;
  if (owner.start !== undefined) {
    const started = await startTicks(owner.pid);
    return started !== undefined && started !== owner.start;
  }
  // No start tick (no /proc: macOS, Windows): a touched lock is judged by its silence, as one out of sight.
  if (owner.beats === true) return (await untouchedFor(path)) > silentMs;
  // A lock of an earlier version (no start tick): its pid reused by a process that started after it was taken.
  const started = await startTime(owner.pid);
  const taken = Date.parse(owner.at);
  return started !== undefined && Number.isFinite(taken) && started > taken + START_SLACK_MS;
}

/**
 * How often a holder touches its lock file, and how long an out-of-sight holder's lock must be seen untouched to
 * be taken for gone: long beside the longest synchronous stretch of a build (the matching keys of 10,000
 * briefings: about 45 s, which a holder's event loop cannot beat through), so that a slow writer is not taken for
 * a dead one.
 */
const HEARTBEAT_MS = 5_000;
export const SILENT_STALE_MS = 10 * 60_000;

/** Each out-of-sight lock's modification time as last seen, and when (this process's monotonic clock) it was first seen so. */
const observed = new Map<string, { readonly mtimeMs: number; readonly since: number }>();

/**
 * How long this process has seen the lock file at `path` untouched, by its own monotonic clock: the holder's
 * clock, which set the time, may be minutes off this one's (another host). 0 at the first look, or when gone.
 */
async function untouchedFor(path: string): Promise<number> {
  const info = await unlessMissing(stat(path), undefined);
  const now = performance.now();
  const seen = observed.get(path);
  if (info === undefined || seen?.mtimeMs !== info.mtimeMs) {
    if (info === undefined) observed.delete(path);
    else observed.set(path, { mtimeMs: info.mtimeMs, since: now });
    return 0;
  }
  return now - seen.since;
}

/** Rounding of the kernel's process start time (clock ticks, boot time in whole seconds), allowed for. */
const START_SLACK_MS = 2000;

/** When process `pid` started (ms since the epoch: boot time plus start ticks at 100 a second); undefined when unknown. */
async function startTime(pid: number): Promise<number | undefined> {
  const [ticks, system] = await Promise.all([startTicks(pid), readFile("/proc/stat", "utf8").catch(() => undefined)]);
  const boot = Number(/^btime (\d+)$/mu.exec(system ?? "")?.[1]);
  return ticks !== undefined && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
}

/**
 * Where the writer of `owner` is, seen from this process (`here`): in sight (its pid can be checked), or out of
 * sight on another host; in another pid namespace (a neighbour container, or this container before a restart); in
 * another boot (this machine before a reboot, or another machine of the same host name: the init namespace's
 * name is the same everywhere).
 */
function sightOf(owner: LockOwner, here: Identity): "here" | "host" | "namespace" | "boot" {
  if (owner.host !== "" && owner.host !== hostname()) return "host";
  if (owner.ns !== undefined && owner.ns !== here.ns) return "namespace";
  if (owner.boot !== undefined && here.boot !== undefined && owner.boot !== here.boot) return "boot";
  return "here";
}

/**
 * Where the writer of `owner` is, for a message ("" when in sight), with when its lock is taken for gone: this
 * version's once untouched for `silentMs`, an earlier version's (never touched) once reported after an hour.
 */
async function whereOf(owner: LockOwner, silentMs: number): Promise<string> {
  const sight = sightOf(owner, await identity());
  if (sight === "here") return "";
  const host = owner.host || hostname();
  const where =
    sight === "host"
      ? `on host ${host}`
      : sight === "namespace"
        ? `in another pid namespace (another container) on host ${host}`
        : `in an earlier boot of host ${host} (or on another machine of that name)`;
  const silence = silentMs >= 60_000 && silentMs % 60_000 === 0 ? `${silentMs / 60_000} min` : `${Math.round(silentMs / 100) / 10} s`;
  return owner.beats === true ? ` ${where}; its lock is taken for gone once untouched for ${silence}` : ` ${where}`;
}

/** This process as a lock records it on Linux (see LockOwner); empty elsewhere. */
interface Identity {
  readonly ns?: string;
  readonly boot?: string;
  readonly start?: number;
}

let identityRead: Promise<Identity> | undefined;
const identity = (): Promise<Identity> =>
  (identityRead ??= (async () => {
    const [ns, boot, start] = await Promise.all([
      readlink("/proc/self/ns/pid").catch(() => undefined),
      readFile("/proc/sys/kernel/random/boot_id", "utf8").then(
        (id) => id.trim(),
        () => undefined,
      ),
      startTicks(process.pid),
    ]);
    return { ...(ns ? { ns } : {}), ...(boot ? { boot } : {}), ...(start !== undefined ? { start } : {}) };
  })());

/** When process `pid` started, in clock ticks since boot (/proc/<pid>/stat, field 22); undefined when unknown. */
async function startTicks(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  if (stat === undefined) return undefined;
  // Counted after the command name in parentheses, which may hold spaces.
  const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/**
 * A lock taken this long ago on another machine (a folder shared between hosts) is reported instead of waited
 * for: no build takes that long, and its writer cannot be checked from here.
 */
const FOREIGN_LOCK_MS = 60 * 60_000;

/** How long a takeover guard may stand before it is taken for debris of a crash inside the takeover. */
const TAKEOVER_STALE_MS = 10_000;
/** Pause while another writer holds the takeover guard (it holds it for a read and a remove). */
const TAKEOVER_POLL_MS = 10;

/** Whether a takeover guard of this modification time is old: TAKEOVER_STALE_MS away, either way (a clock set back). */
const guardIsOld = (mtimeMs: number): boolean => Math.abs(Date.now() - mtimeMs) > TAKEOVER_STALE_MS;

/** The guard held while a stale lock is removed (see removeStale). */
const guardPath = (lock: string): string => `${lock}.takeover`;
/** An old guard is moved aside under its name plus this and a random id before it is removed (see removeOldGuard). */
const ASIDE = ".aside-";

/**
 * Removes a takeover guard left by a crash: one whose time is TAKEOVER_STALE_MS away (either way: a clock set
 * back). Returns whether it did.
 * @throws LockError("blocked") when a folder stands there: no writer makes one, and it never goes away by itself.
 */
async function removeOldGuard(guard: string): Promise<boolean> {
  // lstat: a dangling symbolic link there blocks open("wx") as a file would, and is removed as one.
  const info = await unlessMissing(lstat(guard), undefined);
  if (info?.isDirectory()) {
    throw new LockError("blocked", `${guard} stands where the index lock's takeover guard goes and is a folder; remove it if no process is writing the index`);
  }
  if (!info || !guardIsOld(info.mtimeMs)) return false;
  // Moved aside under a name of its own, then removed only if what was moved is old too: removed by path, it
  // could be a guard another writer took in the gap (having removed the old one first), and two would take over.
  // (Not told apart by inode: a file system gives a removed file's number to the next file at once.)
  const aside = `${guard}${ASIDE}${randomUUID()}`;
  if ((await unlessMissing(rename(guard, aside), "gone")) === "gone") return true;
  // Gone meanwhile: removed as debris by the lock's holder tidying (an old guard's file keeps its time).
  const moved = await unlessMissing(lstat(aside), undefined);
  if (moved === undefined || guardIsOld(moved.mtimeMs)) {
    await rm(aside, { force: true });
    return true;
  }
  // Another writer's guard: put back, unless yet another writer took the place meanwhile (EEXIST); where the file
  // system has no hard links, by a copy that also refuses to replace one (its content, the token, is what counts).
  await link(aside, guard).catch(async (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EISDIR", "EXDEV"].includes(code ?? "")) throw error;
    const copied = await copyFile(aside, guard, constants.COPYFILE_EXCL).then(
      () => true,
      (copyError: unknown) => {
        if ((copyError as NodeJS.ErrnoException).code !== "EEXIST") throw copyError;
        return false;
      },
    );
    // With the guard's own time: a fresh one would hold every writer off another TAKEOVER_STALE_MS.
    if (copied) await utimes(guard, moved.atime, moved.mtime);
  });
  await rm(aside, { force: true });
  return false;
}

/**
 * Removes the stale lock `owner` left at `path`, holding a guard file (`.index.lock.takeover`, O_EXCL) meanwhile:
 * two writers finding the same stale lock at once would otherwise both remove it, the second removing the lock
 * the first had just created, and both would write. Under the guard the lock is read again and removed only if it
 * is still that stale one; the guard is removed only while it is still this call's (its token inside). Returns
 * false when another writer holds the guard (nothing was done).
 */
async function removeStale(path: string, owner: LockOwner, silentMs: number, logger?: Logger): Promise<boolean> {
  const guard = guardPath(path);
  const token = `${process.pid} ${randomUUID()}`;
  try {
    const handle = await open(guard, "wx");
    try {
      await handle.writeFile(token);
    } catch (error) {
      // A guard without its token (a full disk) would block every writer until it is old: not left behind.
      await handle.close();
      await rm(guard, { force: true });
      throw error;
    }
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new LockError("io", `cannot create ${guard}`, undefined, { cause: error });
    const removed = await removeOldGuard(guard).catch((cause: unknown) => {
      if (cause instanceof LockError) throw cause;
      throw new LockError("blocked", `the old takeover guard ${guard} cannot be removed; remove it by hand`, undefined, { cause });
    });
    return removed ? removeStale(path, owner, silentMs, logger) : false;
  }
  try {
    const again = await readOwner(path);
    if (again && again.pid === owner.pid && again.at === owner.at && (await stale(again, path, silentMs))) {
      logger?.warn({ lock: path, pid: owner.pid, host: owner.host, since: owner.at }, "index lock left by a writer that is gone (or silent for long); taking it over");
      await rm(path, { force: true });
    }
  } finally {
    const held = await readFile(guard, "utf8").catch(() => undefined);
    if (held === token) await rm(guard, { force: true });
  }
  return true;
}

/** What stands at the lock's path, which open("wx") found taken. */
type FoundLock =
  | { readonly kind: "gone" }
  | { readonly kind: "lock"; readonly owner: LockOwner; readonly stale: boolean }
  /** A lock this process may not read (another user's, mode 600): held by someone, as far as it can tell. */
  | { readonly kind: "unreadable"; readonly cause: unknown }
  /** No lock a writer made (a folder, a dangling symbolic link): it never goes away by itself. */
  | { readonly kind: "debris"; readonly cause: unknown };

async function inspectLock(path: string, silentMs: number): Promise<FoundLock> {
  try {
    const owner = await readOwner(path);
    if (owner !== undefined) return { kind: "lock", owner, stale: await stale(owner, path, silentMs) };
    // Released meanwhile, or a dangling symbolic link, which open("wx") finds taken and reads as missing.
    const link = await unlessMissing(lstat(path), undefined);
    return link?.isSymbolicLink() ? { kind: "debris", cause: new Error("a symbolic link to nothing") } : { kind: "gone" };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? { kind: "unreadable", cause } : { kind: "debris", cause };
  }
}

/**
 * Takes the index lock, waiting up to `waitMs` for another writer (one log line when it starts waiting).
 * @throws LockError("busy") when another live writer still holds it after `waitMs` (or a lock this process may not
 * read); LockError("blocked") at once when something that is no lock stands in its place or in its takeover
 * guard's (a folder, say), or a stale lock or an old guard cannot be removed; LockError("io") when the lock file
 * (or the takeover guard) cannot be created: a read-only folder.
 */
export async function acquireIndexLock(indexDir: string, options: AcquireLockOptions = {}): Promise<IndexLock> {
  const path = lockPath(indexDir);
  const deadline = Date.now() + (options.waitMs ?? 0);
  const pollMs = options.pollMs ?? 200;
  const silentMs = options.silentMs ?? SILENT_STALE_MS;
  let logged = false;
  let madeParent = false;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      const owner: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString(), ...(await identity()), beats: true };
      try {
        await handle.writeFile(JSON.stringify(owner));
      } catch (error) {
        // Just created, so still this writer's: an empty lock would hold every other writer off a while.
        await handle.close().catch((cause: unknown) => options.logger?.debug({ err: cause, lock: path }, "closing the index lock file failed"));
        await rm(path, { force: true }).catch((cause: unknown) =>
          options.logger?.warn({ err: cause, lock: path }, "cannot remove the empty index lock a failed write left; it is taken for debris in 10 s"),
        );
        throw new LockError("io", `cannot write the index lock ${path}`, undefined, { cause: error });
      }
      let released = false;
      heldHere.set(path, owner.at);
      // The heartbeat that tells a writer out of sight (another namespace or host) that this holder lives. Through
      // the open file, so it touches this lock only: once taken over (after a stall), the file at the path is
      // another's, which this one must not keep alive.
      let failing = false;
      const heartbeat = setInterval(() => {
        const now = new Date();
        handle.utimes(now, now).then(
          () => {
            if (failing) options.logger?.info({ lock: path }, "touching the index lock works again");
            failing = false;
          },
          (error: unknown) => {
            if (!failing) options.logger?.warn({ err: error, lock: path }, "cannot touch the index lock: a writer on another host or in another container may take it for gone");
            failing = true;
          },
        );
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref();
      const lock: IndexLock = {
        path,
        async release() {
          if (released) return;
          released = true;
          clearInterval(heartbeat);
          await handle.close().catch((error: unknown) => options.logger?.debug({ err: error, lock: path }, "closing the index lock file failed"));
          if (heldHere.get(path) === owner.at) heldHere.delete(path);
          try {
            // Only our own file: a lock taken over as stale after a long pause belongs to someone else now.
            if (await namesThisWriter(path, owner.at)) await rm(path, { force: true });
          } catch (error) {
            // Whatever stands there now (another user's lock, a folder) is not this writer's to remove, and the
            // work done under the lock stands.
            options.logger?.warn({ err: error, lock: path }, "could not check the index lock on release; leaving it");
          }
        },
      };
      // Outside the try below: a leftover that cannot be removed must not turn a held lock into an io error.
      await tidyLeftovers(indexDir, options.logger).catch((error: unknown) =>
        options.logger?.warn({ err: error, indexDir }, "could not tidy what an interrupted index write left beside the index"),
      );
      return lock;
    } catch (error) {
      if (error instanceof LockError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      // The index's folder is made below a parent that may not exist yet (INDEX_DIR=/srv/bot/data/index): made
      // here, so the lock is taken before anything is written, as with any other folder.
      if (code === "ENOENT" && !madeParent) {
        madeParent = true;
        try {
          await mkdir(dirname(path), { recursive: true });
        } catch (cause) {
          throw new LockError("io", `cannot create the folder of the index lock ${path}${await fileOnTheWay(path)}`, undefined, { cause });
        }
        continue;
      }
      if (code !== "EEXIST") {
        throw new LockError("io", `cannot create the index lock ${path}${code === "ENOTDIR" ? await fileOnTheWay(path) : ""}`, undefined, { cause: error });
      }
    }
    const found = await inspectLock(path, silentMs);
    if (found.kind === "gone") continue; // released meanwhile: try again at once
    if (found.kind === "debris") {
      throw new LockError("blocked", `${path} stands where the index lock goes and is no lock; remove it if no process is writing the index`, undefined, {
        cause: found.cause,
      });
    }
    if (found.kind === "lock" && found.stale) {
      const { owner } = found;
      const taken = await removeStale(path, owner, silentMs, options.logger).catch((cause: unknown) => {
        if (cause instanceof LockError) throw cause;
        throw new LockError("blocked", `the stale index lock ${path} cannot be removed; remove it by hand`, undefined, { cause });
      });
      if (!taken) {
        // Another writer is taking it over: its lock is there in a moment, unless the wait is up.
        if (Date.now() >= deadline) throw new LockError("busy", `another process is taking over the stale index lock ${path}`);
        await sleep(Math.min(pollMs, TAKEOVER_POLL_MS));
      }
      continue;
    }
    // An earlier version's lock from out of sight is never touched: reported once old rather than waited for.
    if (
      found.kind === "lock" &&
      found.owner.beats !== true &&
      sightOf(found.owner, await identity()) !== "here" &&
      Date.now() - Date.parse(found.owner.at) > FOREIGN_LOCK_MS
    ) {
      const { owner } = found;
      throw new LockError(
        "blocked",
        `the index lock ${path} was taken by process ${owner.pid}${await whereOf(owner, silentMs)} at ${owner.at}, over an hour ago; if no process there is writing the index, remove the lock`,
        owner,
      );
    }
    if (Date.now() >= deadline) {
      if (found.kind === "unreadable") {
        throw new LockError("busy", `the index lock ${path} cannot be read; another process may be writing the index`, undefined, { cause: found.cause });
      }
      const { owner } = found;
      // pid -1: a lock being written this instant, or damaged (it is taken for stale once old).
      if (owner.pid === -1) throw new LockError("busy", `the index lock ${path} is being written or is damaged`);
      throw new LockError("busy", `the index is being written by process ${owner.pid}${await whereOf(owner, silentMs)} (lock ${path})`, owner);
    }
    if (!logged) {
      logged = true;
      const owner = found.kind === "lock" && found.owner.pid !== -1 ? { pid: found.owner.pid, since: found.owner.at } : {};
      const level = options.purpose === "start" ? "warn" : "info";
      options.logger?.[level]({ lock: path, ...owner, purpose: options.purpose }, "another process is writing the index; waiting for it");
    }
    await sleep(pollMs);
  }
}
