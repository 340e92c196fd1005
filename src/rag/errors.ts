/** Why a question was refused before retrieval. Adapters choose the words the user sees. */
export type QuestionErrorCode = "empty" | "too-long" | "not-text";

/** A question the core will not try to answer; `code` tells the adapter which message to show. */
export class QuestionError extends Error {
  override readonly name = "QuestionError";
  constructor(
    readonly code: QuestionErrorCode,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

/** "changed": a briefing's file no longer holds what was indexed (a running bot's next rescan updates the index). */
export type IndexErrorCode = "no-seeds" | "corrupt" | "unwritable" | "changed";

/** A problem with the seeds or the index on disk. */
export class IndexError extends Error {
  override readonly name = "IndexError";
  constructor(
    readonly code: IndexErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
