/**
 * The operator's feedback log: 👍/👎 on answers (with the question and its citations) and declined questions.
 * Kept in `STATE_DIR/feedback.jsonl` (bounded, with a retention period), or in Redis when it is configured and up;
 * user ids only as a salted hash. `npm run report` reads it back.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { appendFile, mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../logger.js";
import type { ButtonCitation } from "./buttons.js";
import { parseStored, preferRedis } from "./kv.js";
import { KEY_PREFIX, type SharedRedis } from "./redis.js";

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
  /** STATE_SALT; without it a random salt is generated once and kept in `dir/salt`. */
  readonly salt?: string | undefined;
  readonly redis?: SharedRedis | undefined;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** The log's file name in the state folder: one JSON event per line. */
export const FEEDBACK_FILE = "feedback.jsonl";
const REDIS_KEY = `${KEY_PREFIX}feedback`;
const DAY_MS = 24 * 60 * 60_000;
/** How old a compaction guard must be to be taken for one a process that died mid-compaction left. */
const GUARD_STALE_MS = 60_000;
/** Times an event is written again when the file it went into keeps being replaced by compactions. */
const MAX_APPEND_TRIES = 5;

/**
 * A log that records nothing (FEEDBACK_LOG=off) but still reads what an earlier run stored and, given the log
 * that stored it, deletes it as it expires: turning the log off keeps nothing longer than before.
 */
export function createDisabledFeedback(stored?: FeedbackLog): FeedbackLog {
  return { enabled: false, record: async () => false, list: stored?.list ?? (async () => []), prune: stored?.prune ?? (async () => {}) };
}

/** The feedback log in `dir` and, when `redis` is given, in Redis while it is up. */
export function createFeedbackLog(options: FeedbackOptions): FeedbackLog {
  const { dir, retentionDays, maxEvents = 10_000, redis, now = Date.now } = options;
  const logger = options.logger.child({ state: "feedback" });
  const file = join(dir, FEEDBACK_FILE);
  /** Stands while a process rewrites the file: one compaction at a time among the processes sharing the folder. */
  const guardPath = `${file}.compacting`;
  const retentionMs = retentionDays * DAY_MS;
  let salt: string | undefined = options.salt;
  let appended = 0;
  /** When the file was last rewritten without its expired events (or the log was opened: a bot prunes at start). */
  let compactedAt = now();
  let dirReady = false;
  let chain: Promise<void> = Promise.resolve();

  const hash = (user: string): string => {
    salt ??= loadSalt(dir);
    return createHash("sha256").update(`${salt}\0${user}`).digest("hex").slice(0, 16);
  };

  const readFileEvents = async (): Promise<FeedbackEvent[]> => {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    return parseEvents(text.split("\n"), now() - retentionMs);
  };

  /**
   * Rewrites the file without expired events and with at most `maxEvents` (atomically: temp file, rename), unless
   * another process sharing the folder is doing so (its guard file stands). Another process may append meanwhile:
   * what it appended to the old file after it was read is carried over to the new one, and an append that
   * landed in the old file after that is written again by its writer (see appendLine).
   */
  const compact = async (): Promise<void> => {
    compactedAt = now();
    if (!existsSync(file) || !(await takeGuard())) return;
    try {
      let old;
      try {
        old = await open(file, "r");
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      try {
        const bytes = await old.readFile();
        const kept = parseEvents(bytes.toString("utf8").split("\n"), now() - retentionMs).slice(-maxEvents);
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, kept.map((e) => `${JSON.stringify(e)}\n`).join(""), { mode: 0o600 });
        await rename(tmp, file);
        const { size } = await old.stat();
        if (size > bytes.length) {
          const tail = Buffer.alloc(size - bytes.length);
          await old.read(tail, 0, tail.length, bytes.length);
          await appendFile(file, tail, { mode: 0o600 });
        }
      } finally {
        await old.close();
      }
    } finally {
      await rm(guardPath, { force: true });
    }
  };

  /** Takes the compaction guard; false when another process holds it (a guard older than GUARD_STALE_MS is taken over). */
  const takeGuard = async (): Promise<boolean> => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await (await open(guardPath, "wx", 0o600)).close();
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      // File times are the system clock's, not the injectable one.
      const age = await stat(guardPath).then((s) => Date.now() - s.mtimeMs, (error: unknown) => (isMissing(error) ? Infinity : Promise.reject(error)));
      if (age < GUARD_STALE_MS) return false;
      await rm(guardPath, { force: true });
    }
    return false;
  };

  /**
   * Appends one line. Another process's compaction may have replaced the file between this append and its reading
   * of it: then the line is appended again to the file that replaced it (the log reads one event per id).
   */
  const appendLine = async (line: string): Promise<void> => {
    for (let attempt = 0; attempt < MAX_APPEND_TRIES; attempt += 1) {
      const handle = await open(file, "a", 0o600);
      let written: number;
      try {
        await handle.appendFile(line);
        written = (await handle.stat()).ino;
      } finally {
        await handle.close();
      }
      const current = await stat(file).then((s) => s.ino, (error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
      if (current === written) return;
    }
    throw new Error(`${file} was replaced ${MAX_APPEND_TRIES} times while an event was written to it`);
  };

  /** `task` after the writes queued before it, never alongside one (a rewrite would lose an append). */
  const queued = (task: () => Promise<void>): Promise<void> => {
    const next = chain.then(task);
    // A failure is the caller's to report; the next write must still run after it.
    chain = next.catch((error: unknown) => logger.debug({ err: error }, "a feedback write failed"));
    return next;
  };

  // One write at a time, so lines never interleave and compaction never races an append.
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
    await redis.run(async (c) => {
      await c
        .multi()
        .zadd(REDIS_KEY, event.at, JSON.stringify(event))
        .zremrangebyscore(REDIS_KEY, "-inf", event.at - retentionMs)
        .zremrangebyrank(REDIS_KEY, 0, -(maxEvents + 1))
        .exec();
    });
  };

  const readRedis = async (): Promise<FeedbackEvent[]> => {
    if (!redis) return [];
    return preferRedis(
      redis,
      async () => parseEvents(await redis.run((c) => c.zrangebyscore(REDIS_KEY, now() - retentionMs, "+inf")), now() - retentionMs),
      async () => {
        logger.warn({}, "Redis is unavailable: the report shows only what this machine recorded");
        return [];
      },
    );
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
        ? redis.run((c) => c.zremrangebyscore(REDIS_KEY, "-inf", now() - retentionMs)).catch((error: unknown) => logger.warn({ err: error }, "could not delete expired feedback from Redis"))
        : undefined;
      await Promise.all([local, shared]);
    },
    async list() {
      const [local, shared] = await Promise.all([readFileEvents(), readRedis()]);
      const byId = new Map<string, FeedbackEvent>();
      for (const event of [...shared, ...local]) byId.set(event.id, event);
      return [...byId.values()].sort((a, b) => a.at - b.at).slice(-maxEvents);
    },
  };
}

/** The salt kept in `dir/salt`, created (random, readable only by the owner) on first use. */
export function loadSalt(dir: string): string {
  const path = join(dir, "salt");
  if (existsSync(path)) {
    const salt = readFileSync(path, "utf8").trim();
    if (salt) return salt;
  }
  mkdirSync(dir, { recursive: true });
  const salt = randomBytes(32).toString("hex");
  writeFileSync(path, `${salt}\n`, { mode: 0o600 });
  return salt;
}

/** The latest time a Date holds (8.64e15 ms): an event stamped later could not be shown. */
const MAX_TIME = 8.64e15;

/** A stored citation as the report reads it, or undefined when it is not one (an edited or damaged line). */
function parseCitation(value: unknown): ButtonCitation | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { n, source, label, start, end } = value as Record<string, unknown>;
  if (typeof n !== "number" || typeof source !== "string" || typeof label !== "string" || typeof start !== "number" || typeof end !== "number") return undefined;
  return { n, source, label, start, end };
}

/** Whether a file system error says the file is not there. */
const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

/**
 * Events from JSON lines, skipping malformed lines (and citations) and those before `since`, oldest first, one
 * per id (the last written: an event recorded again under its name, or written again after a compaction).
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
    events.set(e.id, { id: e.id, at: e.at, platform: e.platform, kind: e.kind, user: String(e.user ?? ""), question: e.question, citations });
  }
  return [...events.values()].sort((a, b) => a.at - b.at);
}
