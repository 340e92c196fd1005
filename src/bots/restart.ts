/**
 * Starting again, later, a platform's bot that could not start while another runs: a network or a platform not
 * reachable at boot (an intent not yet enabled, say) must not leave it off for the life of the process.
 */
import type { Logger } from "../logger.js";
import { TokenRefusedError, type BotHandle } from "./types.js";

/** The first wait before a bot is tried again, and the longest: twice as long after each failure, up to the longest. */
export interface RestartTiming {
  readonly firstMs: number;
  readonly maxMs: number;
}

/** The bots' timing: 5 s, then 10, 20, … up to 5 minutes between tries. */
export const RESTART_TIMING: RestartTiming = { firstMs: 5000, maxMs: 5 * 60_000 };

/** The bots being tried again, for the composition root (src/main.ts): see {@link createRestarts}. */
export interface Restarts {
  /**
   * Tries again the bot in `bots[slot]`, whose start failed with `error`: stopped at once (a start that failed half
   * way may still listen, as a webhook's server does, or be connected), then made anew with `make` and started
   * after a while, and again later if that fails too, until it starts or {@link close} is called (or its token is
   * refused: TokenRefusedError, which a later start would meet again). Each new handle takes the slot, so that
   * whoever stops `bots` stops the current one.
   */
  retry(slot: number, make: () => BotHandle, error: unknown): void;
  /**
   * Tries nothing more (the process is shutting down). A start under way then may fail because its bot is being
   * stopped: that is said at info, not as an error.
   */
  close(): void;
}

/**
 * Tries again the bots of `bots` whose start failed, each in its slot of that array (which it updates), at
 * `timing`; failures are logged as errors with the wait before the next try.
 */
export function createRestarts(bots: BotHandle[], logger: Logger, timing: RestartTiming = RESTART_TIMING): Restarts {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const retry = (slot: number, make: () => BotHandle, error: unknown, attempt = 1): void => {
    const failed = bots[slot];
    void failed?.stop(0).catch((e: unknown) => logger.debug({ err: e, bot: failed.name }, "the bot that failed to start did not stop cleanly"));
    if (closed) return void logger.info({ err: error, bot: failed?.name }, "a bot was still starting at shutdown; not started");
    // The token is read once: a start with the token the platform refused would be refused again.
    if (error instanceof TokenRefusedError) {
      return void logger.error({ err: error, bot: failed?.name }, `bot failed to start: its token was refused; not tried again until ${error.variable} is fixed and the bot restarted`);
    }
    const retryInMs = Math.min(timing.maxMs, timing.firstMs * 2 ** (attempt - 1));
    logger.error({ err: error, bot: failed?.name, retryInSeconds: retryInMs / 1000 }, "bot failed to start");
    const timer = setTimeout(() => {
      timers.delete(timer);
      void (async () => {
        const next = make();
        bots[slot] = next;
        try {
          await next.start();
          logger.info({ bot: next.name, attempts: attempt + 1 }, "bot started");
        } catch (e) {
          retry(slot, make, e, attempt + 1);
        }
      })();
    }, retryInMs);
    timers.add(timer);
  };

  return {
    retry: (slot, make, error) => retry(slot, make, error),
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
