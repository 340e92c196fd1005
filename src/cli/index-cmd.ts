/**
 * npm run index: updates index/ for seeds/ (only the changed briefings are re-embedded), and leaves it untouched
 * when it is up to date (the same briefings, by content, built by this version and embedder: what a start loads
 * without rebuilding); `--force` rebuilds it from scratch. It takes the index lock first, so a running bot
 * reloading the same index and this command never write over each other: when the bot is writing, this waits for
 * it (one line on stderr).
 */
import { buildIndex, createEmbeddings, IndexError } from "../rag/index.js";
import { HashingEmbeddings } from "../rag/embeddings.js";
import { acquireIndexLock, LockError, type IndexLock } from "../rag/lock.js";
import { readSeeds } from "../rag/seeds.js";
import { checkIndexFolder } from "../rag/index-folder.js";
import { loadIndex } from "../rag/store.js";
import { readOptions, saidUsage } from "./args.js";
import { run, setup } from "./setup.js";

/** Longest wait for another writer before giving up. */
const LOCK_WAIT_MS = 30 * 60_000;
const USAGE = [
  "usage: npm run index [-- --force]",
  "  updates INDEX_DIR for the briefings in SEEDS_DIR, only the changed ones, and leaves it untouched when it is up to date",
  "  --force   rebuild it from scratch, every briefing read and embedded again",
  "  (see README, Configuration)",
].join("\n");

const OPTIONS = { force: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

run(async () => {
  // "--help" or a mistyped option must not rebuild the index.
  const read = readOptions(process.argv.slice(2), OPTIONS, { refusePositionals: "npm run index takes only --force" });
  if (saidUsage("error" in read ? read : { help: read.values.help === true }, USAGE) || "error" in read) return;
  const force = read.values.force ?? false;
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
    // Every briefing is read and hashed (none taken on the manifest's word): up to date means by content.
    const seeds = await readSeeds(config.root, config.seedsDir, logger);
    // Loading checks every file against the manifest's checksums: a damaged index is rebuilt, never called up to date.
    const existing = force
      ? undefined
      : await loadIndex(config.indexDir, seeds, embeddings).catch((error: unknown) => {
          if (!(error instanceof IndexError) || error.code !== "corrupt") throw error;
          logger.warn({ err: error }, "the index is damaged; rebuilding it from scratch");
          return undefined;
        });
    if (existing?.status === "fresh") {
      // Nothing to write, so /about's build time stays; an operator's file in the folder is still named (exit 1).
      await checkIndexFolder(config.indexDir);
      const { manifest } = existing.index;
      process.stdout.write(`index is up to date: ${manifest.seeds.length} briefing(s), built ${manifest.builtAt} -> ${config.indexDir}\n`);
      return;
    }
    // Why everything is read and embedded again, when the operator did not ask for it (--force) and nothing is
    // damaged (warned above): a first build, or an index another version or embedder wrote (store.ts tells no more).
    if (existing?.status === "missing") process.stderr.write(`No index in ${config.indexDir} yet; building it.\n`);
    if (existing?.status === "incompatible") {
      process.stderr.write(
        `The index in ${config.indexDir} was built by another version of this program or with another embedder (now ${embeddings.id}, ${embeddings.dimensions} dimensions); rebuilding it from scratch.\n`,
      );
    }
    const previous = existing?.status === "stale" ? existing.previous : undefined;
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
