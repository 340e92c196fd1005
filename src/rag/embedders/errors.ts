export type EmbeddingsErrorCode = "missing-package" | "missing-model" | "bad-model" | "unavailable";

/** A configured embedding model that cannot be used; startup stops with this message. */
export class EmbeddingsError extends Error {
  override readonly name = "EmbeddingsError";
  constructor(
    readonly code: EmbeddingsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
