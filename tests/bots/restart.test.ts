/**
 * createRestarts (src/bots/restart.ts), on bots of our own BotHandle interface whose starts the test settles, on
 * vitest's fake clock (so that "nothing more happened" is checked after any wait, not after a guess at one): the
 * process-level behaviour (a Discord that refuses its first connection) is in tests/main.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/logger.js";
import { createRestarts, type Restarts } from "../../src/bots/restart.js";
import { TokenRefusedError, type BotHandle } from "../../src/bots/types.js";

type Level = "debug" | "info" | "warn" | "error";

/** A logger keeping every line: its level, message and fields. */
function recordingLogger(): { logger: Logger; lines: { level: Level; msg: string; fields: Record<string, unknown> }[] } {
  const lines: { level: Level; msg: string; fields: Record<string, unknown> }[] = [];
  const at =
    (level: Level) =>
    (fields: object | string, msg?: string): void =>
      void lines.push(typeof fields === "string" ? { level, msg: fields, fields: {} } : { level, msg: msg ?? "", fields: fields as Record<string, unknown> });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), child: () => logger };
  return { logger, lines };
}

/** A bot of our own BotHandle interface whose start settles when the test says. */
interface TestBot extends BotHandle {
  readonly started: boolean;
  readonly stops: number;
  /** Settles the start under way: started, or failed with `error`. */
  settle(error?: Error): void;
  /** Whether start() was called. */
  readonly starting: boolean;
}

function testBot(): TestBot {
  let settle: (error?: Error) => void = () => undefined;
  const state = { started: false, stops: 0, starting: false };
  return {
    name: "discord",
    get started() {
      return state.started;
    },
    get stops() {
      return state.stops;
    },
    get starting() {
      return state.starting;
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        state.starting = true;
        settle = (error) => {
          if (error) return reject(error);
          state.started = true;
          resolve();
        };
      }),
    stop: async () => {
      state.stops += 1;
    },
    settle: (error) => settle(error),
  };
}

describe("createRestarts", () => {
  let restarts: Restarts | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    restarts?.close();
    vi.useRealTimers();
  });

  it("stops the failed bot at once, starts a new one after the first wait, twice as long after each failure, until one starts", async () => {
    const { logger, lines } = recordingLogger();
    const first = testBot();
    const bots: BotHandle[] = [first];
    const made: TestBot[] = [];
    const make = (): BotHandle => {
      const bot = testBot();
      made.push(bot);
      return bot;
    };
    restarts = createRestarts(bots, logger, { firstMs: 20, maxMs: 60 });
    restarts.retry(0, make, new Error("4014: disallowed intents"));
    expect(first.stops).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: "error", msg: "bot failed to start", fields: { retryInSeconds: 0.02 } });

    // Each try comes after its wait, not a moment before.
    for (const [i, waitMs] of [20, 40, 60, 60].entries()) {
      await vi.advanceTimersByTimeAsync(waitMs - 1);
      expect(made).toHaveLength(i);
      await vi.advanceTimersByTimeAsync(1);
      expect(made[i]?.starting).toBe(true);
      expect(bots[0]).toBe(made[i]);
      if (i > 0) expect(made[i - 1]?.stops).toBe(1); // the one before was stopped once it failed
      if (i < 3) made[i]?.settle(new Error("still refused"));
    }
    // Doubling up to the longest wait.
    expect(lines.filter((l) => l.msg === "bot failed to start").map((l) => l.fields["retryInSeconds"])).toEqual([0.02, 0.04, 0.06, 0.06]);
    made[3]?.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: "bot started", fields: { attempts: 5 } });
    expect(bots[0]).toBe(made[3]);
    // Started: nothing is left to try, however long the process runs.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(made).toHaveLength(4);
  });

  it("after close(), tries nothing more, and a start failing then (its bot being stopped) is no error", async () => {
    const { logger, lines } = recordingLogger();
    const bots: BotHandle[] = [testBot()];
    const made: TestBot[] = [];
    restarts = createRestarts(bots, logger, { firstMs: 10, maxMs: 10 });
    restarts.retry(0, () => {
      const bot = testBot();
      made.push(bot);
      return bot;
    }, new Error("unreachable"));
    await vi.advanceTimersByTimeAsync(10);
    expect(made[0]?.starting).toBe(true);
    // The shutdown: no more tries, and the start under way fails as its bot is stopped.
    restarts.close();
    made[0]?.settle(new Error("the client was destroyed"));
    await vi.advanceTimersByTimeAsync(0);
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: "a bot was still starting at shutdown; not started" });
    expect(lines.filter((l) => l.level === "error")).toHaveLength(1); // the first failure, before the shutdown
    expect(made[0]?.stops).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(made).toHaveLength(1);
  });

  it("does not try again a bot whose token the platform refused: this process would start it with the same token", async () => {
    const { logger, lines } = recordingLogger();
    const first = testBot();
    let makes = 0;
    restarts = createRestarts([first], logger, { firstMs: 10, maxMs: 10 });
    restarts.retry(0, () => ((makes += 1), testBot()), new TokenRefusedError("TELEGRAM_BOT_TOKEN", "Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized)"));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(makes).toBe(0);
    expect(first.stops).toBe(1);
    expect(lines).toMatchObject([{ level: "error", msg: "bot failed to start: its token was refused; not tried again until TELEGRAM_BOT_TOKEN is fixed and the bot restarted" }]);
  });

  it("close() cancels a try that is only waiting", async () => {
    const { logger } = recordingLogger();
    let makes = 0;
    restarts = createRestarts([testBot()], logger, { firstMs: 20, maxMs: 20 });
    restarts.retry(0, () => ((makes += 1), testBot()), new Error("unreachable"));
    expect(vi.getTimerCount()).toBe(1);
    restarts.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(makes).toBe(0);
  });
});
