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
  /** Removes `key` (a claim given back); absent keys are no error. */
  delete(key: string): Promise<void>;
}

/** Bounds of an in-process store. */
export interface MemoryStoreOptions {
  /** Approximate memory the entries may take (keys and values at 2 bytes a character, plus per-entry overhead). */
  readonly maxBytes?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** What one entry costs besides its key and value (the Map slot and the entry object), roughly. */
const ENTRY_OVERHEAD_BYTES = 120;

/**
 * An in-process store within `maxBytes` (4 MB by default) and `maxEntries`: the least recently written entries go
 * first, so memory stays flat however long the process runs (with Redis, nothing is kept here while it is up).
 */
export function createMemoryStore({ maxBytes = 4 * 1024 * 1024, maxEntries = 100_000, now = Date.now }: MemoryStoreOptions = {}): KeyValueStore {
  const entries = new Map<string, { value: string; expires: number; bytes: number }>();
  let bytes = 0;
  const drop = (key: string): void => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };
  const live = (key: string): string | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires > now()) return entry.value;
    drop(key);
    return undefined;
  };
  const put = (key: string, value: string, ttlMs: number): void => {
    drop(key);
    const size = 2 * (key.length + value.length) + ENTRY_OVERHEAD_BYTES;
    entries.set(key, { value, expires: now() + ttlMs, bytes: size });
    bytes += size;
    while (entries.size > maxEntries || bytes > maxBytes) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      drop(oldest.value);
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
    delete: async (key) => drop(key),
  };
}

/** A store in Redis; every call may throw {@link StateUnavailableError}. */
export function createRedisStore(redis: SharedRedis): KeyValueStore {
  const k = (key: string): string => KEY_PREFIX + key;
  return {
    get: async (key) => (await redis.run((c) => c.get(k(key)))) ?? undefined,
    set: async (key, value, ttlMs) => void (await redis.run((c) => c.set(k(key), value, "PX", Math.max(1, Math.round(ttlMs))))),
    claim: async (key, value, ttlMs) => (await redis.run((c) => c.set(k(key), value, "PX", Math.max(1, Math.round(ttlMs)), "NX"))) === "OK",
    delete: async (key) => void (await redis.run((c) => c.del(k(key)))),
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

/** Keys {@link createSharedStore} remembers Redis refusing, at most (about 3 MB). */
const MAX_REFUSED_KEYS = 20_000;

/**
 * Redis while it answers, else the in-process store: what every store of the bot uses. While Redis refuses writes
 * (out of memory, a read-only replica) but serves reads, a key it refused is read back from here, where its write
 * went (a conversation's later turns). The first write Redis takes again, of any key, ends that: Redis is then the
 * one truth for every replica, as it is after an outage.
 */
export function createSharedStore(redis: SharedRedis | undefined, local: KeyValueStore = createMemoryStore()): KeyValueStore {
  if (redis === undefined) return local;
  const remote = createRedisStore(redis);
  /**
   * Keys whose latest write Redis refused, oldest first. Marked and cleared as the answers arrive, with nothing
   * awaited between, so that they follow the order Redis answered in: `set`'s taken and refused paths take the same
   * steps from Redis's answer (through preferRedis, which awaits once more in its catch, a refusal would be marked
   * after a later write's clear; the ordering test in tests/state/state.test.ts catches that).
   */
  const refused = new Set<string>();
  const getRemote = async (key: string): Promise<string | undefined> => {
    if (!refused.has(key)) return remote.get(key);
    const here = await local.get(key);
    if (here === undefined) refused.delete(key); // expired or evicted here
    return here ?? remote.get(key);
  };
  return {
    get: (key) => preferRedis(redis, () => getRemote(key), () => local.get(key)),
    set: async (key, value, ttlMs) => {
      if (!redis.available) return local.set(key, value, ttlMs);
      try {
        await remote.set(key, value, ttlMs);
        refused.clear();
      } catch (error) {
        if (!(error instanceof StateUnavailableError)) throw error;
        if (error.refused) {
          refused.delete(key);
          refused.add(key);
          for (const oldest of refused) {
            if (refused.size <= MAX_REFUSED_KEYS) break;
            refused.delete(oldest);
          }
        }
        await local.set(key, value, ttlMs);
      }
    },
    claim: (key, value, ttlMs) =>
      preferRedis(
        redis,
        async () => {
          const claimed = await remote.claim(key, value, ttlMs);
          if (claimed) refused.clear();
          return claimed;
        },
        () => local.claim(key, value, ttlMs),
      ),
    // From both: a claim taken here while Redis was away, or one Redis holds.
    delete: async (key) => {
      await local.delete(key);
      await preferRedis(redis, () => remote.delete(key), async () => undefined);
    },
  };
}

/**
 * Stored JSON read back, or undefined when it is not JSON (a line cut short by a crash, a foreign value): the
 * stores treat such a value as absent. Any other error is rethrown.
 */
export function parseStored(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
