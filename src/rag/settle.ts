/**
 * Outcomes as values, for work that must all finish before a failure is reported (writing or building the index).
 */

/** The value `run` returns, or the error it throws, as a value. */
export function attempt<T>(run: () => T): { readonly value: T } | { readonly error: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

/**
 * Waits for every one of `tasks`, then throws the failure (an AggregateError when several failed): no task is
 * left writing into a folder that its caller is about to remove.
 */
export async function settleAll(tasks: readonly Promise<unknown>[]): Promise<void> {
  const failures = (await Promise.allSettled(tasks)).flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, "writing the index failed");
}
