/**
 * npm run index: rebuilds index/ from seeds/ (only the changed briefings are re-embedded). It takes the index
 * lock first, so a running bot reloading the same index and this command never write over each other: when
 * the bot is writing, this waits for it (one line on stderr).
 */
import { buildIndex, createEmbeddings, IndexError } from "../rag/index.js";
import { HashingEmbeddings } from "../rag/embeddings.js";
import { acquireIndexLock, LockError, type IndexLock } from "../rag/lock.js";
import { readSeeds } from "../rag/seeds.js";
import { loadIndex } from "../rag/store.js";
import { run, setup } from "./setup.js";

/** Longest wait for another writer before giving up. */
const LOCK_WAIT_MS = 30 * 60_000;
const USAGE = "usage: npm run index   (updates INDEX_DIR for the briefings in SEEDS_DIR, only the changed ones; see README, Configuration)";

run(async () => {
  // It takes no options: "--help" or a mistyped one must not rebuild the index.
  const args = process.argv.slice(2);
  if (args.length > 0) {
    const help = args.every((a) => a === "--help" || a === "-h");
    process[help ? "stdout" : "stderr"].write(`${help ? "" : `unknown argument: ${args.join(" ")}\n`}${USAGE}\n`);
    process.exit(help ? 0 : 2);
  }
  const { config, logger } = setup();
  // The same embedder that answering uses, so the next start finds the index fresh.
  const embeddings = (await createEmbeddings(config, logger)) ?? new HashingEmbeddings();
  const options = { root: config.root, seedsDir: config.seedsDir, indexDir: config.indexDir, embeddings, logger, mustSave: true };
  let lock: IndexLock;
  try {
    lock = await acquireIndexLock(config.indexDir, { logger });
  } catch (error) {
    if (!(error instanceof LockError) || error.code !== "busy") throw error;
    const who = error.owner ? `Another process (pid ${error.owner.pid})` : "Another process";
    process.stderr.write(`${who} is writing the index; waiting for it to finish.\n`);
    lock = await acquireIndexLock(config.indexDir, { logger, waitMs: LOCK_WAIT_MS });
  }
  try {
    // Read under the lock: what the other writer just saved is the previous index to reuse.
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
  } finally {
    await lock.release();
  }
});
