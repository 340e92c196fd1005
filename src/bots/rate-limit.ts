/**
 * Questions per user per window: in this process, or in Redis so that replicas share one limit (with this
 * process as the fallback while Redis is away). Answer-button presses have a bucket of their own, in this process.
 */
import { preferRedis } from "../state/kv.js";
import { KEY_PREFIX, REDIS_NOW_MS, UnreadableReplyError, type SharedRedis } from "../state/redis.js";

/** The verdict for one question: go ahead, or wait (with whether this is the first refusal in the window). */
export type RateVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterMs: number; readonly notify: boolean };

/**
 * A per-user question limit; `take` counts one question and says whether it may be answered. `now` is this
 * process's clock (default Date.now()), which the in-process window counts by; the Redis limiter counts by Redis's.
 */
export interface RateLimiter {
  take(key: string, now?: number): Promise<RateVerdict>;
}

/** No limit: the console chat, one person at a terminal. */
export const unlimited: RateLimiter = { take: async () => ({ ok: true }) };

/**
 * A sliding-window limit per user: at most `limit` questions in any `windowMs`. A user over the limit is told
 * once per window (`notify`), then ignored until the window frees a slot, so a flood gets one notice.
 */
export function createRateLimiter(limit: number, windowMs = 60_000): RateLimiter {
  const hits = new Map<string, number[]>();
  const notified = new Map<string, number>();
  // Pruned when the users seen pass this, then again only once their number has doubled: a scan per call would
  // cost every question the whole map while more than 10,000 users are active within a window.
  let pruneAt = MIN_PRUNE_AT;
  return {
    async take(key, now = Date.now()) {
      if (hits.size > pruneAt) {
        prune(hits, notified, now, windowMs);
        pruneAt = Math.max(MIN_PRUNE_AT, 2 * hits.size);
      }
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length < limit) {
        recent.push(now);
        hits.set(key, recent);
        notified.delete(key);
        return { ok: true };
      }
      hits.set(key, recent);
      const oldest = recent[0] ?? now;
      const retryAfterMs = windowMs - (now - oldest);
      const last = notified.get(key);
      const notify = last === undefined || now - last >= windowMs;
      if (notify) notified.set(key, now);
      return { ok: false, retryAfterMs, notify };
    },
  };
}

/** Answer-button presses a user may make in any {@link PRESS_WINDOW_MS}: see {@link createPressLimiter}. */
export const PRESS_LIMIT = 20;
export const PRESS_WINDOW_MS = 10_000;

/**
 * The limit on answer-button presses (👍/👎, "show paragraph"), per user: {@link PRESS_LIMIT} in any
 * {@link PRESS_WINDOW_MS}: a flood is held to two presses a second.
 *
 * A bucket of its own, not the questions': a question sets the core to work, a press costs a few state lookups, and
 * a person reading an answer opens its paragraphs and votes in a quick run (presses again a button slow to answer),
 * which RATE_LIMIT_PER_MINUTE (6 by default) would refuse, and spend the questions they came to ask. A short window
 * forgives such a run at once; no person keeps up two presses a second for ten seconds.
 *
 * In this process even with REDIS_URL: the limit is there to spare Redis the round trips of a flood, and a Redis
 * limiter would spend one on every press, the refused ones too. A user's presses reach the one process receiving
 * that bot's updates (Telegram's poller or webhook, the Discord gateway connection), which counts them all; replicas
 * sharing a webhook would allow a flood at most their number of times the limit, still bounded.
 */
export function createPressLimiter(): RateLimiter {
  return createRateLimiter(PRESS_LIMIT, PRESS_WINDOW_MS);
}

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /**
   * The time the script counts by, in ms, instead of Redis's own (tests that step through a window). Unset in the
   * bot: replicas' clocks differ, and each counting by its own would let a user past the limit (a replica behind
   * keeps the entries of one ahead) and tell waits longer than the window.
   */
  readonly clock?: () => number;
}

/**
 * The same sliding window in Redis (a sorted set of question times per user, trimmed and counted atomically
 * by one script, on Redis's clock), so every replica counts the same questions. While Redis is away, `local` decides
 * by this process's clock (`now`).
 */
export function createRedisRateLimiter(
  redis: SharedRedis,
  limit: number,
  windowMs = 60_000,
  local = createRateLimiter(limit, windowMs),
  { clock }: RedisRateLimiterOptions = {},
): RateLimiter {
  let sequence = 0;
  return {
    take: (key, now = Date.now()) =>
      preferRedis(
        redis,
        async () => {
          const member = `${now}:${process.pid}:${++sequence}:${Math.random().toString(36).slice(2, 8)}`;
          // Read inside the call, so that a reply of the wrong shape fails it as a refused command does: logged now
          // and then by the connection, and this question counted in-process.
          return redis.run(async (c) =>
            windowVerdict(
              await c.eval(SLIDING_WINDOW, 2, `${KEY_PREFIX}rate:${key}`, `${KEY_PREFIX}rate-notified:${key}`, clock === undefined ? "" : clock(), windowMs, limit, member),
            ),
          );
        },
        () => local.take(key, now),
      ),
  };
}

/**
 * KEYS: the times set, the notified flag. ARGV: now ('' for Redis's clock), window, limit, a unique member.
 * Returns {ok, retryAfterMs, notify}; the wait is at most the window, even when the set holds times ahead of the
 * clock (written by an older version on a replica's clock, or before Redis's clock stepped back).
 */
const SLIDING_WINDOW = `${REDIS_NOW_MS}
local now = tonumber(ARGV[1]) or redis_now
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  redis.call('DEL', KEYS[2])
  return {1, 0, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local retry = math.min(window, window - (now - tonumber(oldest[2])))
local notify = redis.call('SET', KEYS[2], '1', 'PX', window, 'NX')
if notify then return {0, retry, 1} end
return {0, retry, 0}
`;

/**
 * The verdict in the sliding-window script's reply `{ok, retryAfterMs, notify}`. Throws UnreadableReplyError when
 * the reply is not three finite numbers (a proxy or a Redis-like server that answers otherwise): a limiter that
 * cannot read Redis's count falls back to its own, like one that cannot reach Redis.
 */
export function windowVerdict(reply: unknown): RateVerdict {
  const [ok, retryAfterMs, notify]: readonly unknown[] = Array.isArray(reply) ? reply : [];
  if (!Array.isArray(reply) || reply.length !== 3 || !isFiniteNumber(ok) || !isFiniteNumber(retryAfterMs) || !isFiniteNumber(notify)) {
    throw new UnreadableReplyError(`the rate-limit script answered ${describeReply(reply)}, not three numbers`);
  }
  return ok === 1 ? { ok: true } : { ok: false, retryAfterMs, notify: notify === 1 };
}

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** A reply's shape for an error message (never its values: they could hold a user key). */
function describeReply(reply: unknown): string {
  if (Array.isArray(reply)) return `an array of ${reply.length} (${reply.slice(0, 4).map((x) => (x === null ? "null" : typeof x)).join(", ")}${reply.length > 4 ? ", …" : ""})`;
  return reply === null ? "null" : typeof reply;
}

/** Users remembered before the in-process limiter first prunes those whose window is over. */
const MIN_PRUNE_AT = 10_000;

function prune(hits: Map<string, number[]>, notified: Map<string, number>, now: number, windowMs: number): void {
  for (const [key, times] of hits) {
    if (times.every((t) => now - t >= windowMs)) {
      hits.delete(key);
      notified.delete(key);
    }
  }
}
