/**
 * Composition root: config -> logger -> rag -> enabled bots (or the console chat) -> shutdown.
 */
import "dotenv/config";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger, describeError } from "./logger.js";
import { EmbeddingsError, IndexError, LockError } from "./rag/index.js";
import { openRag } from "./open-rag.js";
import { createAsk } from "./bots/ask.js";
import { createConsoleChat } from "./bots/console.js";
import { createDiscordBot } from "./bots/discord.js";
import { createInflight } from "./bots/inflight.js";
import { createRateLimiter, createRedisRateLimiter, unlimited } from "./bots/rate-limit.js";
import { createRestarts } from "./bots/restart.js";
import { createTelegramBot, WebhookSetError } from "./bots/telegram.js";
import type { BotDeps, BotHandle } from "./bots/types.js";
import { openState } from "./state/index.js";

/** How often a running bot deletes feedback past its retention period (besides at start). */
const PRUNE_EVERY_MS = 24 * 60 * 60_000;
/**
 * At most this long before the shutdown deadline, answers a language model is still wording are sent with their
 * quotes instead (half the grace when it is shorter): time for the adapter to replace a streamed half message.
 */
const WRAP_UP_BEFORE_MS = 2000;
/**
 * Kept back from the grace a bot's stop() is given: the time to close its connection once the answers it waits
 * for are done (Discord's gateway), within the shutdown deadline.
 */
const CLOSE_MARGIN_MS = 500;

/** The secrets to redact from a fatal error, once the configuration is read. */
let secrets: readonly string[] = [];

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.line}\n`);
    process.exit(1);
  }
  secrets = config.secrets;
  const platforms = Boolean(config.discord || config.telegram);
  // The console chat shares the terminal with the logs: keep them quiet unless LOG_LEVEL asks otherwise.
  const logger = createLogger({ level: platforms ? config.logLevel : config.consoleLogLevel, secrets: config.secrets });
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection (kept running)"));

  // A running bot picks up briefings added, changed or removed in the seeds folder (RELOAD_INTERVAL_MS).
  const rag = await openRag(config, logger, { reload: true }).catch((error: unknown) => {
    // Said once on stderr, in words: the log gets the reason without a stack (nothing here is a bug), and on the
    // console, where that line is all the user reads, nothing.
    const logReason = (msg: string, code: string): void => {
      if (platforms) logger.error({ reason: describeError(error, config.secrets), code }, msg);
    };
    if (error instanceof EmbeddingsError) {
      logReason("cannot use the configured embedding model", error.code);
      process.stderr.write(`Cannot start: ${describeError(error, config.secrets)}.\n`);
      process.exit(1);
    }
    if (!(error instanceof IndexError) && !(error instanceof LockError)) throw error;
    logReason("cannot load the briefings", error.code);
    process.stderr.write(`Cannot start: ${describeError(error, config.secrets)}.\n`);
    process.exit(1);
  });

  const inflight = createInflight();
  // Rate limits, conversations, buttons, feedback and de-duplication: shared through Redis when REDIS_URL is set.
  const state = await openState(config.state, logger, { feedback: platforms });
  // Feedback past its retention period is deleted at start and daily, however quiet the bot or often restarted.
  void state.feedback.prune();
  const pruning = setInterval(() => void state.feedback.prune(), PRUNE_EVERY_MS).unref();
  const limiter = state.redis ? createRedisRateLimiter(state.redis, config.rateLimitPerMinute) : createRateLimiter(config.rateLimitPerMinute);
  const wrapUp = new AbortController();
  const deps: BotDeps = { ask: createAsk({ rag, limiter, logger, state, wrapUp: wrapUp.signal }), rag, logger, inflight, onFatal: (e) => fatal(e) };
  // Each platform's bot is made anew for each attempt to start it (see createRestarts): a failed start leaves a
  // client half set up.
  const makers: (() => BotHandle)[] = [];
  const { discord, telegram } = config;
  // Discord's client itself stops a question longer than the core takes (the /ask option's max length).
  if (discord) makers.push(() => createDiscordBot(discord, deps, { maxQuestionChars: config.maxQuestionChars }));
  if (telegram) makers.push(() => createTelegramBot(telegram, deps));
  const bots: BotHandle[] = makers.map((make) => make());
  const restarts = createRestarts(bots, logger);

  let shuttingDown: Promise<void> | undefined;
  const shutdown = (reason: string, code = 0): Promise<void> =>
    (shuttingDown ??= (async () => {
      logger.info({ reason, inflight: inflight.size }, "shutting down");
      clearInterval(pruning);
      restarts.close();
      // A rescan writing the index is let finish within the grace, so that it releases the lock and tidies up.
      const reloadDone = rag.close();
      const deadline = Date.now() + config.shutdownGraceMs;
      const wrappingUp = setTimeout(() => wrapUp.abort(), config.shutdownGraceMs - Math.min(WRAP_UP_BEFORE_MS, config.shutdownGraceMs / 2)).unref();
      // Within the grace: a platform that does not answer (a webhook client that never finishes its request, a Bot
      // API that does not reply to the last offset sync) must not hold the process past it.
      const stopped = Promise.allSettled(bots.map((b) => b.stop(Math.max(0, deadline - Date.now() - CLOSE_MARGIN_MS))));
      if (!(await settledWithin(stopped, Math.max(0, deadline - Date.now())))) logger.warn({}, "a bot was still stopping at the shutdown deadline");
      const drained = await inflight.drain(Math.max(0, deadline - Date.now()));
      if (!drained) logger.warn({ left: inflight.size }, "answers still in flight at the shutdown deadline");
      if (!(await settledWithin(reloadDone, Math.max(0, deadline - Date.now())))) logger.warn({}, "an index update was still running at the shutdown deadline");
      clearTimeout(wrappingUp);
      await state.redis?.close();
      // Written to a pipe, output is sent asynchronously: answers still queued for a slow reader would be lost
      // by exiting at once (the console's piped questions, one answer each). Within what is left of the grace: a
      // reader that never reads does not hold the process past it.
      await flushed([process.stdout, process.stderr], Math.max(0, deadline - Date.now()));
      process.exit(code);
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C while answers drain means "now".
    if (shuttingDown) process.exit(1);
    void shutdown(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // A platform connection that cannot recover (a revoked token, say) ends the process so a supervisor restarts it.
  // But a webhook set for the Telegram bot elsewhere ends only its polling: beside another platform's bot it is
  // tried again as a start that failed (it polls again once the webhook is deleted), and the other bot goes on.
  const fatal = (error: unknown): void => {
    const slot = error instanceof WebhookSetError && bots.length > 1 ? bots.findIndex((b) => b.name === "telegram") : -1;
    const make = makers[slot];
    if (make) return restarts.retry(slot, make, error);
    logger.error({ err: error }, "a bot stopped for good; shutting down");
    void shutdown("fatal bot error", 1);
  };

  if (!platforms) {
    // One person at a terminal, or a file piped in: no rate limit, one answer per line.
    const consoleAsk = createAsk({ rag, limiter: unlimited, logger, state, wrapUp: wrapUp.signal });
    bots.push(createConsoleChat({ ...deps, ask: consoleAsk }, { onClose: () => void shutdown("end of input") }));
  }
  const started = await Promise.allSettled(bots.map((b) => b.start()));
  if (!started.some((r) => r.status === "fulfilled")) {
    started.forEach((result, i) => {
      if (result.status === "rejected") logger.error({ err: result.reason, bot: bots[i]?.name }, "bot failed to start");
    });
    process.stderr.write("No bot could start; see the log above.\n");
    process.exit(1);
  }

  // Only the platforms' bots are tried again: the console chat runs alone, and its failing ended the process above.
  started.forEach((result, i) => {
    const make = makers[i];
    if (result.status === "rejected" && make) restarts.retry(i, make, result.reason);
  });
  const running = bots.filter((_, i) => started[i]?.status === "fulfilled").map((b) => b.name);
  logger.info({ bots: running, briefings: rag.info().briefings.length, state: state.redis ? (state.redis.available ? "redis" : "in-process until Redis is reachable") : "in-process" }, "ready");
}

/** Resolves once everything written to `streams` so far has been handed to the system, or after `timeoutMs`. */
async function flushed(streams: readonly NodeJS.WriteStream[], timeoutMs: number): Promise<void> {
  const written = Promise.all(streams.map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
  await settledWithin(written, timeoutMs);
}

/** Whether `work` settled within `timeoutMs` (its outcome is its own to report). */
async function settledWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const settled = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`Fatal: ${describeError(error, secrets)}\n`);
  process.exit(1);
});

