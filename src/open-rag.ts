/**
 * The core as the configuration asks for it: the embedding model and the language model when set.
 * Shared by `npm start` and the command-line tools, so they always open the same index the same way.
 */
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createEmbeddings, createRag } from "./rag/index.js";

/** Creates the configured embedder (if any) and the core over it; errors are the caller's to report. */
export async function openRag(config: Config, logger: Logger): ReturnType<typeof createRag> {
  const embeddings = await createEmbeddings(config, logger);
  return createRag({
    root: config.root,
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    logger,
    maxQuestionChars: config.maxQuestionChars,
    ...(embeddings ? { embeddings } : {}),
    ...(config.llm ? { llm: config.llm } : {}),
  });
}
