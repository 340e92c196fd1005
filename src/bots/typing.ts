/**
 * "typing…" while an answer is slow, the same on every platform: first shown `delayMs` after start() (a quick
 * answer shows none), sent again every `everyMs` (a platform drops it after a few seconds), until stop(). stop()
 * waits for a typing action still on its way (up to STOP_WAIT_MS: a slow one must not hold the answer), so that the
 * answer is not followed by "typing…". A typing action the platform refuses for good (the bot may not write in the
 * chat) ends it: none is sent again for that answer.
 */
import { setTimeout as sleep } from "node:timers/promises";

export interface TypingIndicator {
  readonly start: () => void;
  readonly stop: () => Promise<void>;
}

/** How long stop() waits for a typing action on its way, at most. */
const STOP_WAIT_MS = 1000;

/**
 * @param send one typing action; it reports its own failure (a missing "typing…" is never worth an error), and
 * resolves `false` when the platform refuses it for good: no typing action is sent again.
 */
export function typingIndicator(send: () => Promise<void | false>, { delayMs, everyMs }: { readonly delayMs: number; readonly everyMs: number }): TypingIndicator {
  /** The latest typing action, while it is on its way. */
  let pending: Promise<void> | undefined;
  let delay: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  /** No typing action from now on. */
  const halt = (): void => {
    stopped = true;
    clearTimeout(delay);
    clearInterval(timer);
  };
  const type = (): void => {
    const sent = send()
      .then((result) => {
        if (result === false) halt();
      })
      .finally(() => {
        if (pending === sent) pending = undefined;
      });
    pending = sent;
  };
  const begin = (): void => {
    if (stopped) return;
    type();
    timer = setInterval(type, everyMs);
  };
  return {
    start: () => {
      if (stopped || started) return;
      started = true;
      if (delayMs <= 0) begin();
      else delay = setTimeout(begin, delayMs);
    },
    stop: async () => {
      // Once: a second stop (a finally after an early one) does not wait again.
      if (stopped) return;
      halt();
      if (pending) await Promise.race([pending, sleep(STOP_WAIT_MS, undefined, { ref: false })]);
    },
  };
}
