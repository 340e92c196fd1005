/**
 * Hot reload: a running bot notices briefings added, changed or removed in the seeds folder and swaps in a new
 * index without a restart. The folder is watched (fs.watch, debounced) and rescanned on a timer as a fallback
 * (a cheap stat of every file; hashing only when something moved). The new index is built beside the one
 * answering, which keeps answering until the new core replaces it in one assignment: an answer in flight
 * finishes on the core it started with. Writing the index takes the index lock; when another process holds
 * it, the rescan is skipped (one log line) and tried again on the next tick.
 */
import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../logger.js";
import { IndexError } from "./errors.js";
import { acquireIndexLock, LockError } from "./lock.js";
import type { DeclineScope } from "./retrieve.js";
import { fileStamp, readSeeds, sameSeeds, seedFileNames, type Seed, type SeedCache } from "./seeds.js";
import type { LoadedIndex } from "./store.js";
import type { Answer, AnswerOptions, PassageView, Rag, RagInfo } from "./types.js";

/** The core over one loaded index. */
export interface Core extends Rag {
  readonly index: LoadedIndex;
  /** Which decline model decides (see retrieve.ts): it changes when briefings are added or removed. */
  readonly declineScope: DeclineScope;
}

/** When to look for changed briefings. */
export interface ReloadOptions {
  /** Rescan period in ms (the fallback when file events are missed); 0 turns reloading off, watching included. */
  readonly intervalMs: number;
  /** Quiet time after the last file event before rescanning. Default 300 ms. */
  readonly debounceMs?: number;
  /** Watch the folder for file events (default true); the periodic rescan runs either way. */
  readonly watch?: boolean;
}

/**
 * What one refresh did: nothing changed; a new index was swapped in; another process holds the index lock
 * (tried again later); or the seeds could not be used (the old index keeps answering).
 */
export type RefreshOutcome = "unchanged" | "reloaded" | "busy" | "failed";

/** The core's port over whichever index is current, and the controls of reloading it. */
export interface LiveRag extends Core {
  /** Rescans the seeds now and swaps in a new index when they changed; concurrent calls share one rescan. */
  refresh(): Promise<RefreshOutcome>;
  /**
   * Stops watching and rescanning (answering goes on from the current index); resolves once a rescan already
   * running has ended, its index lock released and its scratch folder removed.
   */
  close(): Promise<void>;
}

export interface LiveRagOptions {
  readonly root: string;
  readonly seedsDir: string;
  readonly indexDir: string;
  readonly logger: Logger;
  /** The core over a new index. */
  readonly makeCore: (index: LoadedIndex) => Promise<Core>;
  /** Builds (and saves) the index of `seeds`, reusing what it can of `previous`. */
  readonly update: (seeds: readonly Seed[], previous: LoadedIndex) => Promise<LoadedIndex>;
  readonly reload?: ReloadOptions;
  /**
   * The folder's signature taken before the seeds of `initial` were read: the first rescan then hashes nothing
   * unless a file moved since (without it, the first rescan reads and hashes every briefing once).
   */
  readonly initialSignature?: string;
  /** What the seeds were read into at start: rescans read again only the files that changed. */
  readonly seedCache?: SeedCache;
}

const DEFAULT_DEBOUNCE_MS = 300;

/** Whether `reload` turns reloading on: an interval of 0 turns it off, watching included. */
export const reloadsOn = (reload: ReloadOptions | undefined): reload is ReloadOptions => reload !== undefined && reload.intervalMs > 0;

/**
 * Every briefing file below `dir` with its stamp (fileStamp): it changes whenever a briefing is added, edited or
 * removed. Only the files readSeeds reads are looked at: a .git folder of thousands of objects costs nothing.
 */
export async function folderSignature(dir: string): Promise<string> {
  const names = await seedFileNames(dir);
  const parts: string[] = [];
  for (const name of names) {
    try {
      const info = await stat(join(dir, name), { bigint: true });
      if (info.isFile()) parts.push(`${name}\0${fileStamp(info)}`);
    } catch (error) {
      // Removed between the listing and the stat: it is simply not part of the folder any more. One that cannot be
      // read (a link in a loop, a folder that may be listed but not entered) is part of it as such: reading the
      // seeds skips it with a warning, and the others still reload (thrown, one such file stopped every rescan).
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") parts.push(`${name}\0unreadable:${code ?? String(error)}`);
    }
  }
  return parts.join("\n");
}

/** Wraps `initial` so that answering always goes to the current core, and reloads it as `options.reload` says. */
export function createLiveRag(initial: Core, options: LiveRagOptions): LiveRag {
  const { logger, seedsDir, indexDir } = options;
  let current = initial;
  // The folder as last handled; without a signature from the start, the first rescan reads and hashes it once.
  let handled: string | undefined = options.initialSignature;
  let running: Promise<RefreshOutcome> | undefined;
  /** The lock trouble last logged: a rescan logs it when its kind changes, not at every try. */
  let loggedLock: "busy" | "blocked" | undefined;
  /** The folder state whose rescan last failed (no usable briefing, an update failing), so that its retries are not logged again. */
  let failed: string | undefined;
  /** Why the seeds folder could not be listed at the last rescan (ENOENT: moved away), until it can be again. */
  let unlisted: string | undefined;
  /** A file event or tick that came while a rescan ran: another rescan follows it. */
  let pending = false;
  let closed = false;

  const refreshOnce = async (): Promise<RefreshOutcome> => {
    let signature: string;
    try {
      signature = await folderSignature(seedsDir);
    } catch (error) {
      // Said when the trouble starts or changes, not at every rescan while it lasts (17,000 lines a day at 5 s).
      const why = (error as NodeJS.ErrnoException).code ?? String(error);
      if (unlisted !== why) logger.warn({ err: error, seedsDir }, "cannot read the seeds folder; still answering from the current index");
      unlisted = why;
      return "failed";
    }
    if (unlisted !== undefined) {
      logger.info({ seedsDir }, "the seeds folder can be read again");
      unlisted = undefined;
    }
    if (signature === handled) return "unchanged";
    let seeds: Seed[];
    try {
      // Binary, oversized and unreadable files are skipped here, each with one warning.
      seeds = await readSeeds(options.root, seedsDir, logger, options.seedCache);
    } catch (error) {
      if (!(error instanceof IndexError)) throw error;
      handled = signature;
      // Once per folder state: an answer that meets a briefing gone meanwhile rescans it again (see answer).
      if (failed !== signature) logger.error({ err: error, seedsDir }, "no usable briefing left in the seeds folder; still answering from the current index");
      failed = signature;
      return "failed";
    }
    const before = current.index.manifest.seeds;
    if (sameSeeds(seeds, before)) {
      handled = signature;
      return "unchanged";
    }
    let lock;
    try {
      lock = await acquireIndexLock(indexDir, { logger });
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      if (error.code === "busy" || error.code === "blocked") {
        // Said when the trouble starts or changes kind, not at every rescan while it lasts.
        if (loggedLock !== error.code) {
          if (error.code === "busy") logger.info({ pid: error.owner?.pid }, "briefings changed, but another process is writing the index; trying again shortly");
          else logger.warn({ err: error }, "briefings changed, but the index lock is blocked; trying again shortly");
        }
        loggedLock = error.code;
        return "busy";
      }
      // The folder is read-only: the index is rebuilt in memory only (buildIndex logs that it cannot save it).
      logger.warn({ err: error }, "cannot take the index lock; updating the index without it");
    }
    loggedLock = undefined;
    const started = performance.now();
    let next: LoadedIndex;
    try {
      next = await options.update(seeds, current.index);
    } catch (error) {
      // A briefing taken by its stamp that no longer holds what was indexed: the next try reads every file.
      if (error instanceof IndexError && error.code === "changed") distrustStamps();
      // Tried again at the next tick (an embedding server may be back), but reported once per folder state.
      if (failed !== signature) logger.error({ err: error }, "updating the index failed; still answering from the current index; retrying at each rescan");
      failed = signature;
      return "failed";
    } finally {
      await lock?.release();
    }
    const core = await options.makeCore(next);
    if (core.declineScope !== current.declineScope) logger.info({ declineScope: core.declineScope }, "the decline model fitted for this kind of corpus decides from now on");
    current = core; // the swap: answers asked from now on use the new index
    handled = signature;
    const was = new Map(before.map((s) => [s.path, s.sha256]));
    const now = new Set(seeds.map((s) => s.path));
    logger.info(
      {
        added: seeds.filter((s) => !was.has(s.path)).map((s) => s.path),
        changed: seeds.filter((s) => was.has(s.path) && was.get(s.path) !== s.sha256).map((s) => s.path),
        removed: before.filter((s) => !now.has(s.path)).map((s) => s.path),
        briefings: seeds.length,
        ms: Math.round(performance.now() - started),
      },
      "briefings reloaded",
    );
    return "reloaded";
  };

  /**
   * The one recovery from a briefing that does not hold what was indexed although no stamp told (IndexError
   * "changed" met by an update, or by an answer that a rescan by stamps did not explain): its record in the
   * manifest was edited or damaged, or the file rewritten within its stamp. No stamp is trusted any more, the
   * cache's nor the manifest's: the next rescan reads and hashes every file, whatever the folder's signature,
   * and the update it makes records their true SHA-256 (so the next start trusts the right ones).
   */
  const distrustStamps = (): void => {
    options.seedCache?.clear();
    handled = undefined;
  };

  const refresh = (): Promise<RefreshOutcome> => {
    running ??= refreshOnce()
      .catch((error: unknown) => {
        logger.error({ err: error }, "reloading the briefings failed; still answering from the current index");
        return "failed" as const;
      })
      .finally(() => {
        running = undefined;
        if (pending && !closed) {
          pending = false;
          void refresh();
        }
      });
    return running;
  };
  /** A rescan for a file event or a tick: one more after the running one, so a change made during a build is not left for the next tick. */
  const schedule = (): void => {
    if (running) pending = true;
    else void refresh();
  };

  let timer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const reload = options.reload;
  const reloading = reloadsOn(reload);
  if (reloading) {
    // A change that arrives during a rescan is caught by the next event or tick: the signature differs.
    timer = setInterval(schedule, reload.intervalMs);
    timer.unref();
    if (reload.watch ?? true) {
      const debounceMs = reload.debounceMs ?? DEFAULT_DEBOUNCE_MS;
      const onEvent = (): void => {
        if (closed) return;
        clearTimeout(debounce);
        debounce = setTimeout(schedule, debounceMs);
        debounce.unref();
      };
      try {
        watcher = watch(seedsDir, { recursive: true, persistent: false }, onEvent);
        watcher.on("error", (error) => {
          logger.debug({ err: error, seedsDir }, "watching the seeds folder stopped; the periodic rescan goes on");
          watcher?.close();
          watcher = undefined;
        });
      } catch (error) {
        logger.debug({ err: error, seedsDir }, "cannot watch the seeds folder; relying on the periodic rescan");
      }
    }
  }

  return {
    get index(): LoadedIndex {
      return current.index;
    },
    get declineScope(): DeclineScope {
      return current.declineScope;
    },
    info: (): RagInfo => current.info(),
    passage: (source: string, start: number): PassageView | undefined => current.passage(source, start),
    async answer(question: string, answerOptions?: AnswerOptions): Promise<Answer> {
      const core = current;
      try {
        return await core.answer(question, answerOptions);
      } catch (error) {
        // The answer would quote a briefing whose file changed since the index was built, before a rescan saw it:
        // with reloading on, update the index now and answer from the new one.
        if (!(error instanceof IndexError && error.code === "changed") || !reloading || closed) throw error;
        // A rescan already running may have read the folder before the change: then one more, unless it failed
        // (an embedding server down would fail the second the same way, and the question would wait for both).
        const joined = running !== undefined;
        let outcome = await refresh();
        if (joined && outcome !== "failed" && current === core && !closed) outcome = await refresh();
        // Nothing moved by the stamps, yet a file does not hold what was indexed: a stamp vouched for the wrong
        // content (see distrustStamps), so every file is read and hashed now.
        if (outcome === "unchanged" && current === core && !closed) {
          while (running) await running; // a rescan begun before the stamps were forgotten would take them back
          distrustStamps();
          await refresh();
        }
        if (current === core) throw error;
        return current.answer(question, answerOptions);
      }
    },
    refresh,
    async close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(debounce);
      watcher?.close();
      await running;
    },
  };
}
