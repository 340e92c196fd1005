/**
 * Tracks answers in flight so shutdown can let them finish, within a bound.
 */
export interface Inflight {
  /** Runs `task`, counting it as in flight until it settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves when nothing is in flight or `timeoutMs` has passed; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** An empty in-flight tracker. */
export function createInflight(): Inflight {
  const pending = new Set<Promise<unknown>>();
  return {
    async run(task) {
      const promise = task();
      pending.add(promise);
      try {
        return await promise;
      } finally {
        pending.delete(promise);
      }
    },
    get size() {
      return pending.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const settled = (async () => {
        while (pending.size > 0) await Promise.allSettled([...pending]);
        return true as const;
      })();
      try {
        return await Promise.race([settled, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
