/**
 * npm run index: rebuilds index/ from seeds/ (only the changed briefings are re-embedded).
 */
import { buildIndex, createEmbeddings, IndexError } from "../rag/index.js";
import { HashingEmbeddings } from "../rag/embeddings.js";
import { loadIndex, readSeeds } from "../rag/store.js";
import { run, setup } from "./setup.js";

run(async () => {
  const { config, logger } = setup();
  // The same embedder that answering uses, so the next start finds the index fresh.
  const embeddings = (await createEmbeddings(config, logger)) ?? new HashingEmbeddings();
  const options = { root: config.root, seedsDir: config.seedsDir, indexDir: config.indexDir, embeddings, logger };
  const seeds = await readSeeds(config.root, config.seedsDir, logger);
  const existing = await loadIndex(config.indexDir, seeds, embeddings).catch((error: unknown) => {
    if (!(error instanceof IndexError) || error.code !== "corrupt") throw error;
    logger.warn({ err: error }, "the index is damaged; rebuilding it from scratch");
    return undefined;
  });
  const previous = existing?.status === "fresh" ? existing.index : existing?.status === "stale" ? existing.previous : undefined;
  const started = performance.now();
  const index = await buildIndex(options, seeds, previous);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `indexed ${index.manifest.seeds.length} briefing(s): ${index.manifest.passages} passages, ${index.manifest.sentences} sentences in ${ms} ms -> ${config.indexDir}\n`,
  );
});
