/**
 * The live message of a streamed answer: created once, then edited; one platform call at a time; only the newest
 * text; nothing after close(). The platform is a recorder whose calls settle when the test says, so the order of
 * events is the test's, not a clock's.
 */
import { setImmediate as tick } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createLiveMessage, type LiveMessageOps } from "../../src/bots/live.js";
import { warningLogger } from "../helpers/logger.js";

type Outcome = boolean | void | Error;

/** A platform call waiting for the test to settle it. */
interface Call {
  readonly what: string;
  settle(outcome?: Outcome): void;
}

/**
 * Ops that record each call as "create a" / "edit b" and leave it pending until `settle` (true: done; false: held
 * back; an Error: failed). `inFlight` counts calls started and not settled.
 */
function recorder() {
  const calls: Call[] = [];
  let inFlight = 0;
  let most = 0;
  const call = (what: string) =>
    new Promise<boolean | void>((resolve, reject) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      calls.push({
        what,
        settle(outcome) {
          inFlight -= 1;
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        },
      });
    });
  const ops: LiveMessageOps = { create: (content) => call(`create ${content}`), edit: (content) => call(`edit ${content}`) };
  return {
    ops,
    calls,
    /** The calls made so far, in order. */
    made: () => calls.map((c) => c.what),
    /** The most calls that were ever in flight at once. */
    most: () => most,
    /** Settles the last call made, then lets the live message take its next step. */
    async settleLast(outcome?: Outcome): Promise<void> {
      calls.at(-1)?.settle(outcome);
      await tick();
    },
  };
}

/** Gives the live message `text`, then settles the call it makes with `outcome`. */
async function step(live: ReturnType<typeof createLiveMessage>, platform: ReturnType<typeof recorder>, text: string, outcome?: Outcome): Promise<void> {
  live.update(text);
  await tick();
  await platform.settleLast(outcome);
}

describe("createLiveMessage", () => {
  it("creates the message with the first text and edits it with the next", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    await step(live, platform, "a", true);
    await step(live, platform, "ab", true);
    await live.close();
    expect(platform.made()).toEqual(["create a", "edit ab"]);
  });

  it("shows only the newest of the texts given while a call is in flight, one call at a time", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    live.update("a");
    await tick();
    // "create a" is in flight: "ab" is overtaken by "abc" before it could be shown.
    live.update("ab");
    live.update("abc");
    await tick();
    expect(platform.made()).toEqual(["create a"]);
    await platform.settleLast(true);
    await platform.settleLast(true);
    await live.close();
    expect(platform.made()).toEqual(["create a", "edit abc"]);
    expect(platform.most()).toBe(1);
  });

  it("sends texts given together as the last of them", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    live.update("a");
    await step(live, platform, "ab", true);
    await live.close();
    expect(platform.made()).toEqual(["create ab"]);
  });

  it("makes no call for the text already shown", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    await step(live, platform, "a");
    live.update("a");
    await live.close();
    // A call that settles with nothing (void) has shown its text, as true does.
    expect(platform.made()).toEqual(["create a"]);
  });

  it("creates again, rather than edit, after a create that held back", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    await step(live, platform, "a", false);
    // Not shown: the same text is tried again.
    await step(live, platform, "a", true);
    await step(live, platform, "ab", true);
    await live.close();
    expect(platform.made()).toEqual(["create a", "create a", "edit ab"]);
  });

  it("logs a failed call and goes on: a failed create is tried again as a create, a failed edit as an edit", async () => {
    const platform = recorder();
    const { logger, warnings } = warningLogger();
    const live = createLiveMessage(platform.ops, logger);
    live.update("a");
    await tick();
    await platform.settleLast(new Error("429"));
    await step(live, platform, "a", true);
    live.update("ab");
    await tick();
    await platform.settleLast(new Error("message too old"));
    // "ab" was not shown: the same text is edited in again.
    await step(live, platform, "ab", true);
    await live.close();
    expect(platform.made()).toEqual(["create a", "create a", "edit ab", "edit ab"]);
    expect(warnings).toEqual(["could not show the answer so far", "could not show the answer so far"]);
  });

  it("stops for good at a refusal (the bot may not write there): no further call, nothing logged, the error kept for the adapter", async () => {
    const platform = recorder();
    const { logger, warnings } = warningLogger();
    const refused = new Error("Missing Permissions");
    const live = createLiveMessage(platform.ops, logger, { refusedBy: (error) => error === refused });
    expect(live.refusal()).toBeUndefined();
    live.update("a");
    await tick();
    live.update("ab");
    await platform.settleLast(refused);
    await tick();
    live.update("abc");
    await tick();
    await live.close();
    // "ab", waiting when the create was refused, and "abc" after it: neither tried.
    expect(platform.made()).toEqual(["create a"]);
    expect(warnings).toEqual([]);
    expect(live.refusal()).toBe(refused);
  });

  it("waits in close() for the call in flight, and makes no call after it", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    live.update("a");
    await tick();
    live.update("ab");
    let closed = false;
    const closing = live.close().then(() => {
      closed = true;
    });
    await tick();
    expect(closed).toBe(false);
    await platform.settleLast(true);
    await closing;
    expect(closed).toBe(true);
    live.update("abc");
    await tick();
    // "ab" was waiting when close() came, "abc" came after it: neither is shown.
    expect(platform.made()).toEqual(["create a"]);
  });

  it("closes at once when nothing was ever shown", async () => {
    const platform = recorder();
    const live = createLiveMessage(platform.ops, warningLogger().logger);
    await live.close();
    live.update("a");
    await tick();
    expect(platform.made()).toEqual([]);
  });
});
