/**
 * The one Redis connection a process shares between its stores (ioredis). Every command fails fast instead of
 * hanging: no offline queue, no retries per request, and a short timeout on each call. When Redis goes away (or is
 * too slow to answer) the stores fall back to this process (preferRedis in kv.ts), with one warning; the client keeps
 * reconnecting in the background, and once it is back the stores use Redis again.
 */
import { Redis, ReplyError } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * A Redis call that could not be made (down, reconnecting, too slow, or resting after a slow call) or that Redis
 * refused (`refused`: out of memory, a read-only replica); the caller falls back in-process.
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
  /**
   * True while the connection is ready and Redis is not resting after a slow call; stores skip Redis (and its
   * timeout) while it is not.
   */
  readonly available: boolean;
  /**
   * Runs one call against Redis, bounded by the call timeout. Throws {@link StateUnavailableError} when Redis is
   * not ready, refuses or is too slow; the first failure of an outage logs the one warning (a refusal, its own
   * warning at most every ten minutes: Redis is up, so no "back" follows it). A call Redis does not answer in time
   * makes it rest for {@link SLOW_REDIS_REST_MS}: calls meanwhile throw at once, without trying it.
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
  /** The clock of the rest after a slow call and of the refusal warnings' spacing (tests set their own). */
  readonly now?: () => number;
  /** How long to wait before trying again credentials Redis refused, in ms. Default {@link REFUSED_CREDENTIALS_RETRY_MS}. */
  readonly refusedRetryMs?: number;
}

/**
 * How long Redis is left alone after a call it did not answer in time, before a call tries it again. A slow Redis
 * stays connected ("ready"), so without a rest every call would wait out its timeout (a question makes about five:
 * some 2.5 s each, for as long as Redis stays slow), and a latency hovering about the bound would log "away" and
 * "back" around every call. Five seconds: a slow spell then costs one timeout, and at most one "away" and one "back",
 * per five seconds, and shared state resumes within five seconds of Redis answering in time again.
 */
export const SLOW_REDIS_REST_MS = 5_000;

/**
 * How long the client waits before trying again the credentials Redis refused (any other failure is tried again
 * within 2 s). Only the operator mends a refused password; each attempt is a failed login in Redis's ACL LOG, which
 * its own operator may watch for guessing. Thirty seconds: a password fixed on the Redis side is picked up within
 * that, without a knock every two seconds for as long as the bot runs.
 */
export const REFUSED_CREDENTIALS_RETRY_MS = 30_000;

/** A refusal with the same message is logged at most this often (two refusals taking turns: each as often). */
const REFUSAL_LOG_INTERVAL_MS = 10 * 60_000;
/** Distinct refusal messages remembered for that. */
const MAX_REFUSALS_REMEMBERED = 100;

/** Key prefix of everything this bot stores, so a shared Redis can hold other things too. */
export const KEY_PREFIX = "briefing-bot:";

/**
 * Lua that sets `redis_now` to Redis's clock in ms (TIME: seconds and microseconds), for the scripts that count
 * time: by Redis's one clock, not by the replicas' own, which differ. Redis 3.2–4 replicate a script as its text and
 * refuse a write after TIME unless told to replicate the script's writes instead; from Redis 5 that is the default,
 * and from 7 the only way (the call is then a no-op).
 */
export const REDIS_NOW_MS = `
redis.replicate_commands()
local time = redis.call('TIME')
local redis_now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

/**
 * Connects to `url` (redis:// or rediss://). Resolves once connected, or after `connectWaitMs` without a
 * connection (then with the one warning logged; the client keeps trying in the background).
 */
export async function connectRedis(url: string, options: ConnectRedisOptions): Promise<SharedRedis> {
  const { callTimeoutMs = 500, connectWaitMs = 2000, now = Date.now, refusedRetryMs = REFUSED_CREDENTIALS_RETRY_MS } = options;
  const logger = options.logger.child({ state: "redis" });
  // Set when Redis refused REDIS_URL's credentials (WRONGPASS, or NOAUTH when it asks for some and none were
  // given): only the operator mends that, and "not reachable" would send them to the network.
  let authRefused: Error | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: Math.max(1000, callTimeoutMs * 2),
    commandTimeout: callTimeoutMs,
    // Reconnect for ever, at most every 2 s, so a restarted Redis is picked up quickly; refused credentials less
    // often (see REFUSED_CREDENTIALS_RETRY_MS). Read when the connection closed, after its error event.
    retryStrategy: (times) => (authRefused !== undefined ? refusedRetryMs : Math.min(100 * times, 2000)),
  });
  let closed = false;
  let down = false;
  let everReady = false;
  // What the last connection attempt failed with (ECONNREFUSED, ENOTFOUND, WRONGPASS): ioredis emits it as an
  // "error" event, then fails connect() and closes with only "Connection is closed.", which says neither where nor why.
  let connectionError: unknown;
  // Set when the server answered something that is not the Redis protocol (an HTTP server on REDIS_URL's port):
  // the errors after it ("Stream isn't writeable …") say nothing of that, so it stands until a connection is ready.
  let notRedis: Error | undefined;
  // Set when Redis refused the SELECT of REDIS_URL's database (redis://host/99 on a Redis with 16): ioredis then
  // goes on as ready in database 0, which another application may own. The connection is not used while it stands;
  // every connection selects again, so a Redis restarted with the database is used once it is back.
  let databaseRefused: (Error & { readonly database: string }) | undefined;
  // Until when Redis rests after a call it did not answer in time (see SLOW_REDIS_REST_MS).
  let restingUntil = -Infinity;
  const where = address(url);
  const resting = (): boolean => now() < restingUntil;

  /** Said once per refusal, at a start or when credentials change under a running bot (then after "unavailable"). */
  const saidRefusedCredentials = (error: Error): void => {
    logger.warn({ redis: where, err: describe(error) }, `Redis at ${where} refused the user or password REDIS_URL gives: fix them there; state is kept in this process`);
  };
  const wentDown = (error: unknown): void => {
    if (down || closed) return;
    down = true;
    if (notRedis !== undefined) {
      logger.warn({ redis: where, err: describe(notRedis) }, `the server at ${where} does not speak the Redis protocol (check REDIS_URL): state is kept in this process`);
      return;
    }
    if (authRefused !== undefined) return saidRefusedCredentials(authRefused);
    if (databaseRefused !== undefined) {
      logger.warn(
        { redis: where, database: databaseRefused.database, err: describe(databaseRefused) },
        `Redis at ${where} refused database ${databaseRefused.database}, which REDIS_URL names: state is kept in this process`,
      );
      return;
    }
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
    const at = now();
    const said = describe(error);
    if (at - (refusals.get(said.message) ?? -Infinity) < REFUSAL_LOG_INTERVAL_MS) return;
    // Messages naming a command's arguments vary without end: the map is bounded, at the cost of a repeated line.
    if (refusals.size >= MAX_REFUSALS_REMEMBERED) refusals.clear();
    refusals.set(said.message, at);
    logger.warn({ err: said }, "Redis refused a command: what it refuses is kept in this process");
  };
  const cameBack = (): void => {
    if (down) logger.warn({}, "Redis is back: state is shared through it again");
    down = false;
  };
  // A new connection selects the database again: whether Redis still refuses it is for this one to say.
  client.on("connect", () => {
    databaseRefused = undefined;
  });
  client.on("ready", () => {
    // The SELECT's refusal arrives before "ready" (ioredis sends it first, and the ready check after it).
    if (databaseRefused !== undefined) {
      wentDown(databaseRefused);
      return;
    }
    everReady = true;
    connectionError = undefined;
    notRedis = undefined;
    authRefused = undefined;
    // A new connection answered the ready check: a rest begun on the old one is over.
    restingUntil = -Infinity;
    cameBack();
  });
  client.on("close", () => {
    if (everReady) wentDown(new Error("connection closed"));
  });
  // Every reconnect attempt fails with an error event while Redis is away: the warning above says it once.
  client.on("error", (error: Error) => {
    connectionError = error;
    // ioredis's own error classes are not exported: ParserError (from redis-parser) is known by its name.
    if (error.name === "ParserError") notRedis = error;
    // Redis 6 and later say WRONGPASS or NOAUTH; Redis 5 "ERR invalid password".
    if (/^(?:WRONGPASS|NOAUTH)\b|^ERR invalid password/u.test(error.message)) {
      // Refused after a running connection closed (a password changed): "unavailable" was said, this is why.
      if (authRefused === undefined && down) saidRefusedCredentials(error);
      authRefused = error;
    }
    const command = (error as { command?: { name?: unknown; args?: unknown } }).command;
    if (error instanceof ReplyError && command?.name === "select") {
      const database = Array.isArray(command.args) ? String(command.args[0]) : "?";
      databaseRefused = Object.assign(new Error(`SELECT ${database} refused: ${error.message}`, { cause: error }), { database });
    }
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
      return !closed && client.status === "ready" && databaseRefused === undefined && !resting();
    },
    async run(call) {
      if (closed) throw new StateUnavailableError("the Redis connection is closed");
      if (client.status !== "ready" || databaseRefused !== undefined) {
        const error = new StateUnavailableError(`Redis is not connected (${databaseRefused === undefined ? client.status : databaseRefused.message})`);
        wentDown(error);
        throw error;
      }
      // Already said "away" when the rest began: nothing to log.
      if (resting()) throw new StateUnavailableError("Redis did not answer in time a moment ago; it is tried again shortly");
      let timeout: NodeJS.Timeout | undefined;
      try {
        const result = await Promise.race([
          call(client),
          new Promise<never>((_, reject) => {
            // A second bound over ioredis's own commandTimeout, for calls made of several commands.
            timeout = setTimeout(() => reject(new Error(`no answer within ${callTimeoutMs * 2} ms`)), callTimeoutMs * 2);
          }),
        ]);
        // Redis was slow but the connection stayed up (no new "ready"): it is back once a call made after the rest
        // succeeds. One begun before the rest and answered during it says nothing of now, and would log "back"
        // between two "away"s.
        if (!resting()) cameBack();
        return result;
      } catch (error) {
        // Redis answered, with a refusal or something unreadable: up, not away.
        const answered = error instanceof ReplyError || error instanceof UnreadableReplyError ? (error as Error) : undefined;
        if (answered !== undefined) refused(answered);
        else {
          // Too slow (or the connection dropped under the call): leave Redis alone for a while.
          restingUntil = now() + SLOW_REDIS_REST_MS;
          wentDown(error);
        }
        throw new StateUnavailableError("a Redis call failed", { cause: error, refused: answered !== undefined });
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

/**
 * What of a Redis error is worth logging: never the options, which hold the URL and its password. A transaction
 * Redis discarded (EXECABORT) names the refusals that made it do so (an OOM under maxmemory), which ioredis keeps in
 * `previousErrors`; a parser error loses ioredis's "Please report this.", meant for a parser bug, not for a server
 * that is not Redis.
 */
function describe(error: unknown): { name: string; message: string; code?: unknown } {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const previous = (error as { previousErrors?: unknown }).previousErrors;
  const causes = Array.isArray(previous) ? previous.map((e) => (e instanceof Error ? e.message : String(e))) : [];
  const message = error.name === "ParserError" ? error.message.replace(/\s*Please report this\.$/u, "") : error.message;
  return {
    name: error.name,
    message: causes.length > 0 ? `${message} (${causes.join("; ")})` : message,
    ...("code" in error ? { code: error.code } : {}),
  };
}
