/**
 * One conversation's questions handled one after another, the reply sent included: the second of two questions
 * sent at once into a chat follows up on the first (its turn is remembered by then), and its reply comes after
 * the first's. A question waits for the one before it at most `maxWaitMs`, then goes ahead: a slow composed
 * answer must not hold a chat, or a shutdown, for minutes.
 */
export interface Turns {
  /** Runs `work` once the earlier work under `key` has ended or been waited for long enough; at once without a key. */
  run<T>(key: string | undefined, work: () => Promise<T>): Promise<T>;
}

/** How long a question waits for the one before it in its conversation, by default. */
export const TURN_WAIT_MS = 10_000;

export function createTurns(maxWaitMs = TURN_WAIT_MS): Turns {
  /** The last work under each key, settled when it ends (deleted then, unless later work queued behind it). */
  const last = new Map<string, Promise<void>>();
  return {
    async run(key, work) {
      if (key === undefined) return work();
      const before = last.get(key);
      let done: () => void = () => undefined;
      const mine = new Promise<void>((resolve) => (done = resolve));
      last.set(key, mine);
      try {
        if (before) await waitAtMost(before, maxWaitMs);
        return await work();
      } finally {
        done();
        if (last.get(key) === mine) last.delete(key);
      }
    },
  };
}

/** Resolves when `promise` settles or `ms` have passed, whichever is first. */
async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
