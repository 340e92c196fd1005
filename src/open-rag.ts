/**
 * The core as the configuration asks for it: the embedding model and the language model when set.
 * Shared by `npm start` and the command-line tools, so they always open the same index the same way.
 */
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createEmbeddings, createRag } from "./rag/index.js";

/** How the caller uses the core: a long-running bot reloads briefings changed under it, a one-shot tool does not. */
export interface OpenRagOptions {
  /** Watch the seeds and swap in a new index when they change (every `config.reloadIntervalMs`; 0 is off). */
  readonly reload?: boolean;
}

/** Creates the configured embedder (if any) and the core over it; errors are the caller's to report. */
export async function openRag(config: Config, logger: Logger, options: OpenRagOptions = {}): ReturnType<typeof createRag> {
  const embeddings = await createEmbeddings(config, logger);
  return createRag({
    root: config.root,
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    logger,
    maxQuestionChars: config.maxQuestionChars,
    examples: config.examples,
    ...(embeddings ? { embeddings } : {}),
    ...(config.llm ? { llm: config.llm } : {}),
    ...(options.reload ? { reload: { intervalMs: config.reloadIntervalMs } } : {}),
  });
}
