/** The verdict for one question: go ahead, or wait (with whether this is the first refusal in the window). */
export type RateVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterMs: number; readonly notify: boolean };

export interface RateLimiter {
  take(key: string, now?: number): RateVerdict;
}

/**
 * A sliding-window limit per user: at most `limit` questions in any `windowMs`. A user over the limit is told
 * once per window (`notify`), then ignored until the window frees a slot, so a flood gets one notice.
 */
export function createRateLimiter(limit: number, windowMs = 60_000): RateLimiter {
  const hits = new Map<string, number[]>();
  const notified = new Map<string, number>();
  return {
    take(key, now = Date.now()) {
      if (hits.size > 10_000) prune(hits, notified, now, windowMs);
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

function prune(hits: Map<string, number[]>, notified: Map<string, number>, now: number, windowMs: number): void {
  for (const [key, times] of hits) {
    if (times.every((t) => now - t >= windowMs)) {
      hits.delete(key);
      notified.delete(key);
    }
  }
}
