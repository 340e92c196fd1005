/**
 * Partial text for streaming adapters: at most one call per interval, always the latest text, never the
 * same text twice, and nothing after `cancel()` (the final answer replaces whatever was shown).
 */
export interface Throttle {
  /** Offers the latest text; it is passed on now or at the end of the interval, unless newer text comes first. */
  offer(text: string): void;
  /** Drops a pending call; later offers are ignored. */
  cancel(): void;
}

/** @param now the clock, for tests. */
export function createThrottle(emit: (text: string) => void, intervalMs: number, now: () => number = Date.now): Throttle {
  let last = -Infinity;
  let shown: string | undefined;
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;

  const flush = (): void => {
    timer = undefined;
    if (cancelled || pending === undefined || pending === shown) return;
    shown = pending;
    pending = undefined;
    last = now();
    emit(shown);
  };

  return {
    offer(text) {
      if (cancelled) return;
      pending = text;
      if (timer !== undefined) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
