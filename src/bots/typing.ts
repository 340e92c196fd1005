/**
 * "typing…" while an answer is slow, the same on every platform: first shown `delayMs` after start() (a quick
 * answer shows none), sent again every `everyMs` (a platform drops it after a few seconds), until stop(). stop()
 * waits for a typing action already on its way, so that the answer is never followed by "typing…".
 */
export interface TypingIndicator {
  readonly start: () => void;
  readonly stop: () => Promise<void>;
}

/** @param send one typing action; it reports its own failure (a missing "typing…" is never worth an error). */
export function typingIndicator(send: () => Promise<void>, { delayMs, everyMs }: { readonly delayMs: number; readonly everyMs: number }): TypingIndicator {
  let first: Promise<void> | undefined;
  let delay: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const begin = (): void => {
    if (stopped || first) return;
    first = send();
    timer = setInterval(() => void send(), everyMs);
  };
  return {
    start: () => {
      if (stopped) return;
      if (delayMs <= 0) begin();
      else delay ??= setTimeout(begin, delayMs);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(delay);
      clearInterval(timer);
      await first;
    },
  };
}
