/**
 * Small values with a time to live, the building block of conversation memory, button payloads and update
 * de-duplication: in this process (bounded), in Redis, or in Redis with this process as the fallback.
 */
import { KEY_PREFIX, StateUnavailableError, type SharedRedis } from "./redis.js";

/** A string store with expiry. */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets `key` only when it is absent; true when this call set it (the first claim wins, across replicas with Redis). */
  claim(key: string, value: string, ttlMs: number): Promise<boolean>;
}

/** Entries kept by the in-process store before the oldest are dropped. */
export const MEMORY_MAX_ENTRIES = 20_000;

/** An in-process store holding at most `maxEntries` entries (the least recently written go first). */
export function createMemoryStore(maxEntries = MEMORY_MAX_ENTRIES, now: () => number = Date.now): KeyValueStore {
  const entries = new Map<string, { value: string; expires: number }>();
  const live = (key: string): string | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires > now()) return entry.value;
    entries.delete(key);
    return undefined;
  };
  const put = (key: string, value: string, ttlMs: number): void => {
    entries.delete(key);
    entries.set(key, { value, expires: now() + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };
  return {
    get: async (key) => live(key),
    set: async (key, value, ttlMs) => put(key, value, ttlMs),
    claim: async (key, value, ttlMs) => {
      if (live(key) !== undefined) return false;
      put(key, value, ttlMs);
      return true;
    },
  };
}

/** A store in Redis; every call may throw {@link StateUnavailableError}. */
export function createRedisStore(redis: SharedRedis): KeyValueStore {
  const k = (key: string): string => KEY_PREFIX + key;
  return {
    get: async (key) => (await redis.run((c) => c.get(k(key)))) ?? undefined,
    set: async (key, value, ttlMs) => void (await redis.run((c) => c.set(k(key), value, "PX", Math.max(1, Math.round(ttlMs))))),
    claim: async (key, value, ttlMs) => (await redis.run((c) => c.set(k(key), value, "PX", Math.max(1, Math.round(ttlMs)), "NX"))) === "OK",
  };
}

/**
 * Runs `remote` while Redis is available and `local` otherwise, or when a Redis call fails (the connection logs
 * that once). Without Redis (`redis` undefined) it is always `local`.
 */
export async function preferRedis<T>(redis: SharedRedis | undefined, remote: () => Promise<T>, local: () => Promise<T>): Promise<T> {
  if (redis === undefined || !redis.available) return local();
  try {
    return await remote();
  } catch (error) {
    if (!(error instanceof StateUnavailableError)) throw error;
    return local();
  }
}

/** Redis while it answers, else the in-process store: what every store of the bot uses. */
export function createSharedStore(redis: SharedRedis | undefined, local: KeyValueStore = createMemoryStore()): KeyValueStore {
  if (redis === undefined) return local;
  const remote = createRedisStore(redis);
  return {
    get: (key) => preferRedis(redis, () => remote.get(key), () => local.get(key)),
    set: (key, value, ttlMs) => preferRedis(redis, () => remote.set(key, value, ttlMs), () => local.set(key, value, ttlMs)),
    claim: (key, value, ttlMs) => preferRedis(redis, () => remote.claim(key, value, ttlMs), () => local.claim(key, value, ttlMs)),
  };
}
