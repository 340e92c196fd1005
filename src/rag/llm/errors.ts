/**
 * The LLM path's error, in a module of its own so that importing the core does not load the chat client.
 */
export type LlmErrorCode = "timeout" | "rate-limited" | "unavailable" | "refused" | "bad-response";

/** Why the model gave no usable text; the core falls back to the extractive answer. Never carries the API key. */
export class LlmError extends Error {
  override readonly name = "LlmError";
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

