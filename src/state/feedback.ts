/**
 * The operator's feedback log: 👍/👎 on answers (with the question and its citations) and declined questions.
 * Kept in `STATE_DIR/feedback.jsonl` (bounded, with a retention period), or in Redis when it is configured and up;
 * user ids only as a salted hash. `npm run report` reads it back.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../logger.js";
import { parseCitation, type ButtonCitation } from "./buttons.js";
import { parseStored, preferRedis } from "./kv.js";
import { KEY_PREFIX, REDIS_NOW_MS, type SharedRedis } from "./redis.js";

/** What an event records: a 👍, a 👎, or a question the briefings did not answer. */
export type FeedbackKind = "up" | "down" | "declined";

/** One stored event. */
export interface FeedbackEvent {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly platform: string;
  readonly kind: FeedbackKind;
  /** The salted hash of the user id (16 hex characters). */
  readonly user: string;
  readonly question: string;
  /** What the answer cited (empty for a declined question). */
  readonly citations: readonly ButtonCitation[];
}

/** What a caller records; the log adds id, time and the user's hash. */
export interface FeedbackInput {
  readonly platform: string;
  readonly kind: FeedbackKind;
  /** The raw user key ("telegram:1001"); only its salted hash is stored. */
  readonly user: string;
  readonly question: string;
  readonly citations: readonly ButtonCitation[];
  /**
   * Names the event, so that recording it again is still one event (the log reads back one per name): a vote
   * given back after a write that failed, or seemed to (Redis timing out after it took the write), and pressed
   * again. Without it every record is an event of its own.
   */
  readonly once?: string;
}

/** Where feedback goes and how the report reads it back. */
/** Whether a listing read Redis's events: "unread" when Redis was unavailable or refused the read. */
export type RedisRead = "read" | "unread" | "not used";

export interface FeedbackLog {
  /** False with FEEDBACK_LOG=off: nothing is recorded and the 👍/👎 buttons are not shown. */
  readonly enabled: boolean;
  /**
   * Records an event; false when it was not kept (a failure, logged; or the log is off), so that a vote can be
   * taken again. Never throws.
   */
  record(input: FeedbackInput): Promise<boolean>;
  /** Every event within the retention period, oldest first (from Redis and the local file, merged). */
  list(): Promise<FeedbackEvent[]>;
  /** {@link list}'s events, and whether Redis's were among them: read, not read (unavailable or refusing), or not used. */
  listed(): Promise<{ readonly events: FeedbackEvent[]; readonly redis: RedisRead }>;
  /**
   * Deletes what is past the retention period (the file rewritten, Redis trimmed): a bot calls it at start and
   * daily, so a quiet or often restarted bot keeps no question longer than FEEDBACK_RETENTION_DAYS. Never throws.
   */
  prune(): Promise<void>;
}

/** Options of {@link createFeedbackLog}. */
export interface FeedbackOptions {
  /** The state folder (created when missing). */
  readonly dir: string;
  readonly retentionDays: number;
  /** Events kept at most; the oldest go first. Default 10,000. */
  readonly maxEvents?: number;
  /**
   * STATE_SALT; without it a random salt is generated once and kept in `dir/salt` (replicas sharing Redis should
   * share STATE_SALT: a warning says so when they do not).
   */
  readonly salt?: string | undefined;
  readonly redis?: SharedRedis | undefined;
  readonly logger: Logger;
  readonly now?: () => number;
  /**
   * Called between steps, for tests that act there as another process would: after a compaction moved the file
   * aside, after it appended the kept events to the file now in its place, and between an append's opening of
   * the file and its write; after a compaction found the guard stale, and after it moved a stale guard aside.
   */
  readonly hooks?: {
    readonly afterStaleSeen?: () => Promise<void>;
    readonly afterGuardMoved?: () => Promise<void>;
    readonly afterAside?: () => Promise<void>;
    readonly afterKept?: () => Promise<void>;
    readonly beforeWrite?: () => Promise<void>;
  };
}

/** The log's file name in the state folder: one JSON event per line. */
export const FEEDBACK_FILE = "feedback.jsonl";
const REDIS_KEY = `${KEY_PREFIX}feedback`;
/**
 * KEYS: the log. ARGV: retention in ms, most events kept, then optionally an event's time and JSON to add first.
 * Trims by Redis's clock, not the writer's: a replica whose clock is ahead would delete the others' recent events.
 */
const APPEND_AND_TRIM = `${REDIS_NOW_MS}
if ARGV[4] then redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', redis_now - tonumber(ARGV[1]))
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[2]) + 1))
return 1
`;
/** A file a compaction moved the log to while it rewrites it: `feedback.jsonl.<token>.aside`. */
const ASIDE = /^feedback\.jsonl\.[0-9a-f-]{36}\.aside$/u;
const NEWLINE = 0x0a;
const DAY_MS = 24 * 60 * 60_000;
/** How old a compaction guard must be to be taken for one a process that died mid-compaction left. */
const GUARD_STALE_MS = 60_000;
/** Times an event is written again when the file it went into keeps being replaced by compactions. */
const MAX_APPEND_TRIES = 5;
/** Times the log is read again when a compaction moved its files meanwhile. */
const MAX_READ_TRIES = 5;

/**
 * A log that records nothing (FEEDBACK_LOG=off) but still reads what an earlier run stored and, given the log
 * that stored it, deletes it as it expires: turning the log off keeps nothing longer than before.
 */
export function createDisabledFeedback(stored?: FeedbackLog): FeedbackLog {
  return {
    enabled: false,
    record: async () => false,
    list: stored?.list ?? (async () => []),
    listed: stored?.listed ?? (async () => ({ events: [], redis: "not used" })),
    prune: stored?.prune ?? (async () => {}),
  };
}

/** The feedback log in `dir` and, when `redis` is given, in Redis while it is up. */
export function createFeedbackLog(options: FeedbackOptions): FeedbackLog {
  const { dir, retentionDays, maxEvents = 10_000, redis, now = Date.now } = options;
  const logger = options.logger.child({ state: "feedback" });
  const file = join(dir, FEEDBACK_FILE);
  /** Stands while a process compacts the log: one compaction at a time among the processes sharing the folder. */
  const guardPath = `${file}.compacting`;
  /** Made by the one process taking over a stale guard (see takeGuard). */
  const takeoverPath = `${guardPath}.takeover`;
  const retentionMs = retentionDays * DAY_MS;
  let salt: string | undefined = options.salt;
  let appended = 0;
  /** When the file was last rewritten without its expired events (or the log was opened: a bot prunes at start). */
  let compactedAt = now();
  let dirReady = false;
  let chain: Promise<void> = Promise.resolve();

  // The salt is not shared through Redis: kept beside the hashes it salts, it would let whoever reads Redis try
  // every Telegram id against them; and a key lost to a restart would give the replicas running then another.
  if (redis !== undefined && salt === undefined) {
    logger.warn({}, "REDIS_URL is set without STATE_SALT: replicas sharing this Redis each hash a person differently (the report counts one person once per replica); give them one STATE_SALT");
  }
  const hash = (user: string): string => {
    salt ??= loadSalt(dir);
    return createHash("sha256").update(`${salt}\0${user}`).digest("hex").slice(0, 16);
  };

  /** The files a compaction moved aside (its own while it runs, or one a compaction that died left). */
  const asides = async (): Promise<string[]> => {
    const paths = ((await ifPresent(readdir(dir))) ?? []).filter((name) => ASIDE.test(name)).map((name) => join(dir, name));
    // Oldest first (a file moved aside keeps the time of its last write), so events keep the order they were written
    // in across them: their names are random.
    const written = await Promise.all(paths.map(async (path) => ({ path, at: (await ifPresent(stat(path)))?.mtimeMs ?? 0 })));
    return written.sort((a, b) => a.at - b.at || a.path.localeCompare(b.path)).map((w) => w.path);
  };

  /**
   * The events of the file and of any file moved aside from it (one per id), within the retention period. Read
   * again when a compaction moved the file or removed a moved one meanwhile (what was read may miss its events).
   */
  const readFileEvents = async (): Promise<FeedbackEvent[]> => {
    let texts: string[] = [];
    for (let attempt = 0; attempt < MAX_READ_TRIES; attempt += 1) {
      const before = await inodeOf(file);
      let vanished = false;
      const paths = await asides();
      // The files moved aside first: they hold the older events, which then come first among those of one millisecond.
      texts = await Promise.all(
        [...paths, file].map((path) =>
          readFile(path, "utf8").catch((error: unknown) => {
            if (!isMissing(error)) throw error;
            vanished ||= path !== file;
            return "";
          }),
        ),
      );
      if (!vanished && before === (await inodeOf(file)) && (await asides()).length === paths.length) break;
    }
    return parseEvents(texts.join("\n").split("\n"), now() - retentionMs);
  };

  /**
   * Rewrites the log without expired events and with at most `maxEvents`, unless another process sharing the
   * folder is doing so (its guard file stands). It never replaces a file another process may be appending to:
   * the file is moved aside (one rename, atomic), its events kept are appended to the file appends now create
   * anew, and what was appended to it after its reading (by a writer that opened it before the move) is carried
   * over before it goes; a writer whose line lands in it later writes it again (see appendLine). Reads take one
   * event per id, and the files left aside by a compaction that died count until the next one absorbs them.
   */
  const compact = async (): Promise<void> => {
    compactedAt = now();
    if (!existsSync(file) && (await asides()).length === 0) return;
    const token = await takeGuard();
    if (token === undefined) return;
    try {
      try {
        await rename(file, join(dir, `${FEEDBACK_FILE}.${token}.aside`));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      await options.hooks?.afterAside?.();
      const moved = await asides();
      const read = new Map<string, number>();
      const lines: string[] = [];
      for (const path of moved) {
        const bytes = await readFile(path);
        // Up to the last whole line: one being written as this reads is carried over with the rest below.
        const end = bytes.lastIndexOf(NEWLINE) + 1;
        read.set(path, end);
        lines.push(...bytes.subarray(0, end).toString("utf8").split("\n"));
      }
      const kept = parseEvents(lines, now() - retentionMs).slice(-maxEvents);
      // Appended even when none is kept: the file is there after a compaction, as before it.
      await appendWhole(file, kept.map((e) => `${JSON.stringify(e)}\n`).join(""));
      await options.hooks?.afterKept?.();
      for (const path of moved) {
        const bytes = await readFile(path);
        const tail = bytes.subarray(read.get(path) ?? 0, bytes.lastIndexOf(NEWLINE) + 1);
        if (tail.length > 0) await appendWhole(file, tail);
        await rm(path, { force: true });
      }
    } finally {
      await removeIfHeld(guardPath, token);
    }
  };

  /**
   * Takes the compaction guard, returning the token it holds; undefined when another process holds it. A guard
   * untouched for GUARD_STALE_MS (a process that died compacting) is taken over by one process at a time: the one
   * that makes the takeover marker, which looks again under it and moves the guard aside only while it is still
   * the stale one seen. (Moving it first and looking after, as before, could move aside the fresh guard of a
   * process that had just taken over, and a third made its own in the moment the path stood empty: two
   * compactions at once.)
   */
  const takeGuard = async (): Promise<string | undefined> => {
    const token = randomUUID();
    if (await createOnly(guardPath, token)) return token;
    // File times are the file system's clock, not the injectable one; one far ahead of it (the clock stepped
    // back since the guard was made) is as stale as one far behind, or it would hold every compaction off.
    const isStale = (seen: Stats): boolean => Math.abs(Date.now() - seen.mtimeMs) >= GUARD_STALE_MS;
    const seen = await ifPresent(stat(guardPath));
    /** Whether `file` is the stale guard seen, and not one made since. */
    const isSeen = (file: Stats | undefined): boolean => file !== undefined && file.ino === seen?.ino && file.mtimeMs === seen.mtimeMs;
    if (seen !== undefined) {
      if (!isStale(seen)) return undefined;
      await options.hooks?.afterStaleSeen?.();
      if (!(await createOnly(takeoverPath, token))) {
        // Another process is taking the guard over; or died doing so, which leaves the marker for the next try.
        const marker = await ifPresent(stat(takeoverPath));
        if (marker !== undefined && isStale(marker)) await rm(takeoverPath, { force: true });
        return undefined;
      }
      try {
        // Under the marker, the guard may since have been taken over (by the process that made the marker before).
        const again = await ifPresent(stat(guardPath));
        if (!isSeen(again)) return undefined;
        const moved = `${guardPath}.${token}.stale`;
        try {
          await rename(guardPath, moved);
        } catch (error) {
          if (isMissing(error)) return undefined; // released meanwhile: the next compaction takes it
          throw error;
        }
        await options.hooks?.afterGuardMoved?.();
        if (!isSeen(await stat(moved))) {
          // Not the stale guard: one made since the look (by the process that left it, back from a long stall, then
          // another), back where it was; a link fails rather than replace one made meanwhile.
          await link(moved, guardPath).catch((error: unknown) => logger.warn({ err: error }, "could not put back another process's compaction guard"));
          await rm(moved, { force: true });
          return undefined;
        }
        await rm(moved, { force: true });
        logger.warn({ guard: guardPath }, "took over a compaction guard left by a process that stopped compacting");
      } finally {
        await removeIfHeld(takeoverPath, token);
      }
    }
    return (await createOnly(guardPath, token)) ? token : undefined;
  };

  /**
   * Removes the guard or the takeover marker at `path` if it still holds `token` (not one another process made since:
   * a guard taken over after a long stall).
   */
  const removeIfHeld = async (path: string, token: string): Promise<void> => {
    if ((await ifPresent(readFile(path, "utf8"))) === token) await rm(path, { force: true });
  };

  /**
   * Appends one line. Another process's compaction may have moved the file aside between this append and its
   * reading of it: then the line is appended again to the file there now (the log reads one event per id).
   */
  const appendLine = async (line: string): Promise<void> => {
    for (let attempt = 0; attempt < MAX_APPEND_TRIES; attempt += 1) {
      const handle = await open(file, "a+", 0o600);
      try {
        await options.hooks?.beforeWrite?.();
        await writeWhole(handle, line);
        const written = (await handle.stat({ bigint: true })).ino;
        // Compared while the handle is open, so that the file's inode number cannot have been given to another.
        if ((await inodeOf(file)) === written) return;
      } finally {
        await handle.close();
      }
    }
    // Five compactions in a row during one append (each one at a time): the line may be in a file already gone,
    // so the event is not counted as kept (a vote can be given again; reads keep one event per id).
    throw new Error(`the feedback log was moved aside ${MAX_APPEND_TRIES} times while an event was written to it`);
  };

  /** `task` after the writes queued before it, never alongside one (a rewrite would lose an append). */
  const queued = (task: () => Promise<void>): Promise<void> => {
    const next = chain.then(task);
    // A failure is the caller's to report; the next write must still run after it.
    chain = next.catch((error: unknown) => logger.debug({ err: error }, "a feedback write failed"));
    return next;
  };

  // One write at a time in this process, so its lines never interleave and its compaction never races its own
  // append (another process's are met in compact and appendLine).
  const appendLocal = (event: FeedbackEvent): Promise<void> =>
    queued(async () => {
      try {
        if (!dirReady) await mkdir(dir, { recursive: true });
        await appendLine(`${JSON.stringify(event)}\n`);
        dirReady = true;
      } catch (error) {
        dirReady = false; // the folder may have gone: make it again next time
        throw error;
      }
      // Rewritten after as many writes as a tenth of the bound, and at least daily (expired events go).
      if (++appended < Math.max(10, Math.floor(maxEvents / 10)) && now() - compactedAt < DAY_MS) return;
      // The event is written: a failed rewrite costs only the trimming, tried again after as many writes more.
      appended = 0;
      await compact().catch((error: unknown) => logger.warn({ err: error }, "could not compact the feedback log; trying again later"));
    });

  const appendRedis = async (event: FeedbackEvent): Promise<void> => {
    if (!redis) throw new Error("no Redis");
    await redis.run((c) => c.eval(APPEND_AND_TRIM, 1, REDIS_KEY, retentionMs, maxEvents, event.at, JSON.stringify(event)));
  };

  const readRedis = async (): Promise<{ events: FeedbackEvent[]; redis: RedisRead }> => {
    if (!redis) return { events: [], redis: "not used" };
    return preferRedis<{ events: FeedbackEvent[]; redis: RedisRead }>(
      redis,
      async () => ({ events: parseEvents(await redis.run((c) => c.zrangebyscore(REDIS_KEY, now() - retentionMs, "+inf")), now() - retentionMs), redis: "read" }),
      async () => {
        logger.warn({}, "Redis is unavailable: the report shows only what this machine recorded");
        return { events: [], redis: "unread" };
      },
    );
  };
  const listed = async (): Promise<{ events: FeedbackEvent[]; redis: RedisRead }> => {
    const [local, shared] = await Promise.all([readFileEvents(), readRedis()]);
    const byId = new Map<string, FeedbackEvent>();
    for (const event of [...shared.events, ...local]) byId.set(event.id, event);
    return { events: [...byId.values()].sort((a, b) => a.at - b.at).slice(-maxEvents), redis: shared.redis };
  };

  return {
    enabled: true,
    async record(input) {
      try {
        // Hashing may create the salt file: inside the try, so an unwritable state folder costs the event only.
        const event: FeedbackEvent = {
          id: input.once === undefined ? randomUUID() : hash(`once\0${input.once}`),
          at: now(),
          platform: input.platform,
          kind: input.kind,
          user: hash(input.user),
          question: input.question,
          citations: input.citations.map(({ n, source, label, start, end }) => ({ n, source, label, start, end })),
        };
        await preferRedis(redis, () => appendRedis(event), () => appendLocal(event));
        return true;
      } catch (error) {
        // Feedback is never worth failing an answer or a button for: log and go on.
        logger.warn({ err: error }, "could not record feedback");
        return false;
      }
    },
    async prune() {
      const local = queued(compact).catch((error: unknown) => logger.warn({ err: error }, "could not delete expired feedback from the log file"));
      const shared = redis?.available
        ? redis.run((c) => c.eval(APPEND_AND_TRIM, 1, REDIS_KEY, retentionMs, maxEvents)).catch((error: unknown) => logger.warn({ err: error }, "could not delete expired feedback from Redis"))
        : undefined;
      await Promise.all([local, shared]);
    },
    list: async () => (await listed()).events,
    listed,
  };
}

/** The salt kept in `dir/salt`, created (random, readable only by the owner) on first use. */
export function loadSalt(dir: string): string {
  const path = join(dir, "salt");
  const read = (): string => (existsSync(path) ? readFileSync(path, "utf8").trim() : "");
  const kept = read();
  if (kept) return kept;
  mkdirSync(dir, { recursive: true });
  // Written whole under another name, then linked into place: of processes starting together on a new folder,
  // the first link wins and the others read its salt (never a half-written one), so one user has one hash.
  const salt = randomBytes(32).toString("hex");
  const mine = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(mine, `${salt}\n`, { mode: 0o600 });
  try {
    linkSync(mine, path);
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const theirs = read();
    // An empty salt file (an older version's, cut short by a crash) is replaced by this one.
    if (theirs) return theirs;
    renameSync(mine, path);
    return salt;
  } finally {
    rmSync(mine, { force: true });
  }
}

/** The latest time a Date holds (8.64e15 ms): an event stamped later could not be shown. */
const MAX_TIME = 8.64e15;

/**
 * Writes `text` (whole lines) at the end of the open file, after a newline when the file's last line was cut
 * short (a crash, a full disk): glued to it, the first line would not parse and its event would be lost.
 */
async function writeWhole(handle: FileHandle, text: string | Uint8Array): Promise<void> {
  const { size } = await handle.stat();
  let cut = false;
  if (size > 0) {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    cut = last[0] !== NEWLINE;
  }
  await handle.appendFile(cut ? Buffer.concat([Buffer.from("\n"), Buffer.from(text)]) : text);
}

/** {@link writeWhole} to the file at `path` (created when missing, readable by its owner only). */
async function appendWhole(path: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(path, "a+", 0o600);
  try {
    await writeWhole(handle, text);
  } finally {
    await handle.close();
  }
}

/** Writes `text` to a new file at `path`: false when one is there already. */
async function createOnly(path: string, text: string): Promise<boolean> {
  try {
    await writeFile(path, text, { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Whether a file system error says the file is not there. */
const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

/** What `work` gives, or undefined when its file is not there; any other error is rethrown. */
const ifPresent = <T>(work: Promise<T>): Promise<T | undefined> => work.catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));

/** The inode number of the file at `path` (as a bigint: on Windows it may exceed a double), or undefined when none is there. */
const inodeOf = async (path: string): Promise<bigint | undefined> => (await ifPresent(stat(path, { bigint: true })))?.ino;

/**
 * Events from JSON lines, skipping malformed lines (and citations) and those before `since`, oldest first, one
 * per id (the latest: an event recorded again under its name; the same one written again after a compaction, or
 * read both from the log and from a file a compaction moved aside).
 */
function parseEvents(lines: readonly string[], since: number): FeedbackEvent[] {
  const events = new Map<string, FeedbackEvent>();
  for (const line of lines) {
    if (!line.trim()) continue;
    // A line cut short by a crash mid-append reads as undefined and is skipped.
    const e = parseStored(line) as Partial<FeedbackEvent> | null | undefined;
    if (typeof e?.id !== "string" || typeof e.at !== "number" || typeof e.platform !== "string" || typeof e.question !== "string") continue;
    if (e.kind !== "up" && e.kind !== "down" && e.kind !== "declined") continue;
    if (!(e.at >= since && e.at <= MAX_TIME)) continue;
    const citations = Array.isArray(e.citations) ? e.citations.map(parseCitation).filter((c) => c !== undefined) : [];
    if ((events.get(e.id)?.at ?? -Infinity) > e.at) continue;
    events.set(e.id, { id: e.id, at: e.at, platform: e.platform, kind: e.kind, user: String(e.user ?? ""), question: e.question, citations });
  }
  return [...events.values()].sort((a, b) => a.at - b.at);
}
