/**
 * The one Redis connection a process shares between its stores (ioredis). Every command fails fast instead of
 * hanging: no offline queue, no retries per request, and a short timeout on each call. When Redis goes away the
 * stores fall back to this process (preferRedis in kv.ts), with one warning; the client keeps reconnecting in the
 * background, and once it is back the stores use Redis again.
 */
import { Redis, ReplyError } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * A Redis call that could not be made (down, reconnecting, or too slow) or that Redis refused (`refused`: out of
 * memory, a read-only replica); the caller falls back in-process.
 */
export class StateUnavailableError extends Error {
  override readonly name = "StateUnavailableError";
  readonly refused: boolean;
  constructor(message: string, options?: { cause?: unknown; refused?: boolean }) {
    super(message, options);
    this.refused = options?.refused ?? false;
  }
}

/**
 * A reply the caller could not read (a proxy or a Redis-like server answering in another shape), thrown inside
 * `run`: Redis answered, so it is logged as a refusal is (now and then), not as Redis gone and back on every call.
 */
export class UnreadableReplyError extends Error {
  override readonly name = "UnreadableReplyError";
}

/** The shared connection as the stores see it. */
export interface SharedRedis {
  /** True while the connection is ready; stores skip Redis (and its timeout) while it is not. */
  readonly available: boolean;
  /**
   * Runs one call against Redis, bounded by the call timeout. Throws {@link StateUnavailableError} when Redis is
   * not ready, refuses or is too slow; the first failure of an outage logs the one warning (a refusal, its own
   * warning at most every ten minutes: Redis is up, so no "back" follows it).
   */
  run<T>(call: (client: Redis) => Promise<T>): Promise<T>;
  /** Closes the connection (pending calls fail); later calls throw StateUnavailableError. */
  close(): Promise<void>;
}

/** Options of {@link connectRedis}. */
export interface ConnectRedisOptions {
  readonly logger: Logger;
  /** Longest wait for one call, in ms. Default 500. */
  readonly callTimeoutMs?: number;
  /** How long the start waits for the first connection before going on in-process. Default 2000. */
  readonly connectWaitMs?: number;
}

/** A refusal with the same message is logged at most this often (two refusals taking turns: each as often). */
const REFUSAL_LOG_INTERVAL_MS = 10 * 60_000;
/** Distinct refusal messages remembered for that. */
const MAX_REFUSALS_REMEMBERED = 100;

/** Key prefix of everything this bot stores, so a shared Redis can hold other things too. */
export const KEY_PREFIX = "briefing-bot:";

/**
 * Connects to `url` (redis:// or rediss://). Resolves once connected, or after `connectWaitMs` without a
 * connection (then with the one warning logged; the client keeps trying in the background).
 */
export async function connectRedis(url: string, options: ConnectRedisOptions): Promise<SharedRedis> {
  const { callTimeoutMs = 500, connectWaitMs = 2000 } = options;
  const logger = options.logger.child({ state: "redis" });
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: Math.max(1000, callTimeoutMs * 2),
    commandTimeout: callTimeoutMs,
    // Reconnect for ever, at most every 2 s, so a restarted Redis is picked up quickly.
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  let closed = false;
  let down = false;
  let everReady = false;
  // What the last connection attempt failed with (ECONNREFUSED, ENOTFOUND, WRONGPASS): ioredis emits it as an
  // "error" event, then fails connect() and closes with only "Connection is closed.", which says neither where nor why.
  let connectionError: unknown;
  const where = address(url);

  const wentDown = (error: unknown): void => {
    if (down || closed) return;
    down = true;
    logger.warn(
      { redis: where, err: describe(client.status !== "ready" && connectionError !== undefined ? connectionError : error) },
      everReady
        ? "Redis is unavailable: answering goes on with state kept in this process until it is back"
        : "Redis is not reachable: starting with state kept in this process; it will be used once it answers",
    );
  };
  // Redis answering with an error (OOM under maxmemory, READONLY on a replica) is up but refusing: it is not
  // marked away, or a Redis that serves reads and refuses writes would log "away" and "back" around every call.
  const refusals = new Map<string, number>();
  const refused = (error: Error): void => {
    const now = Date.now();
    if (now - (refusals.get(error.message) ?? -Infinity) < REFUSAL_LOG_INTERVAL_MS) return;
    // Messages naming a command's arguments vary without end: the map is bounded, at the cost of a repeated line.
    if (refusals.size >= MAX_REFUSALS_REMEMBERED) refusals.clear();
    refusals.set(error.message, now);
    logger.warn({ err: describe(error) }, "Redis refused a command: what it refuses is kept in this process");
  };
  const cameBack = (): void => {
    if (down) logger.warn({}, "Redis is back: state is shared through it again");
    down = false;
  };
  client.on("ready", () => {
    everReady = true;
    connectionError = undefined;
    cameBack();
  });
  client.on("close", () => {
    if (everReady) wentDown(new Error("connection closed"));
  });
  // Every reconnect attempt fails with an error event while Redis is away: the warning above says it once.
  client.on("error", (error: Error) => {
    connectionError = error;
    logger.debug({ err: describe(error) }, "Redis connection error");
  });

  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, connectWaitMs);
  });
  await Promise.race([
    client.connect().then(
      () => undefined,
      (error: unknown) => wentDown(error),
    ),
    waited,
  ]);
  clearTimeout(timer);
  if (client.status !== "ready") wentDown(new Error(`not connected after ${connectWaitMs} ms`));

  return {
    get available() {
      return !closed && client.status === "ready";
    },
    async run(call) {
      if (closed) throw new StateUnavailableError("the Redis connection is closed");
      if (client.status !== "ready") {
        const error = new StateUnavailableError(`Redis is not connected (${client.status})`);
        wentDown(error);
        throw error;
      }
      let timeout: NodeJS.Timeout | undefined;
      try {
        const result = await Promise.race([
          call(client),
          new Promise<never>((_, reject) => {
            // A second bound over ioredis's own commandTimeout, for calls made of several commands.
            timeout = setTimeout(() => reject(new Error(`no answer within ${callTimeoutMs * 2} ms`)), callTimeoutMs * 2);
          }),
        ]);
        // Redis was slow but the connection stayed up (no new "ready"): it is back once a call succeeds.
        cameBack();
        return result;
      } catch (error) {
        if (error instanceof ReplyError || error instanceof UnreadableReplyError) refused(error as Error);
        else wentDown(error);
        throw new StateUnavailableError("a Redis call failed", { cause: error, refused: error instanceof ReplyError || error instanceof UnreadableReplyError });
      } finally {
        clearTimeout(timeout);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      if (client.status === "ready") {
        await client.quit().then(
          () => undefined,
          (error: unknown) => {
            logger.debug({ err: describe(error) }, "Redis quit failed; disconnecting");
            client.disconnect();
          },
        );
      } else client.disconnect();
    },
  };
}

/** Where `url` points, as host:port: what a warning may say of it (never the user name or password). */
function address(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || "6379"}`;
}

/** What of a Redis error is worth logging: never the options, which hold the URL and its password. */
function describe(error: unknown): { name: string; message: string; code?: unknown } {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  return { name: error.name, message: error.message, ...("code" in error ? { code: error.code } : {}) };
}
