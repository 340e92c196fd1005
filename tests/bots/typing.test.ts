import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { typingIndicator } from "../../src/bots/typing.js";

describe("typingIndicator", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows nothing for a quick answer, then types from the delay on, again and again, until stopped", async () => {
    let sent = 0;
    const typing = typingIndicator(async () => void (sent += 1), { delayMs: 1000, everyMs: 4000 });
    typing.start();
    typing.start(); // a second start does not double it
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toBe(1);
    await vi.advanceTimersByTimeAsync(8000);
    expect(sent).toBe(3);
    await typing.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toBe(3);
  });

  it("stopped before its delay, never types; stop() waits for a typing action on its way", async () => {
    let sent = 0;
    const quick = typingIndicator(async () => void (sent += 1), { delayMs: 1000, everyMs: 4000 });
    quick.start();
    await quick.stop();
    quick.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toBe(0);

    let finish = (): void => undefined;
    const slow = typingIndicator(() => new Promise<void>((resolve) => (finish = resolve)), { delayMs: 0, everyMs: 4000 });
    slow.start();
    let stopped = false;
    const stopping = slow.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it("ends at a typing action the platform refuses for good (send resolves false): none is sent again", async () => {
    let sent = 0;
    const typing = typingIndicator(async () => ((sent += 1), false), { delayMs: 0, everyMs: 4000 });
    typing.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toBe(1);
    typing.start(); // nor does a later start
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toBe(1);
    await typing.stop();
  });

  it("stop() waits for a repeated typing action on its way too, but not for one that hangs", async () => {
    const finishes: (() => void)[] = [];
    const typing = typingIndicator(() => new Promise<void>((resolve) => finishes.push(resolve)), { delayMs: 0, everyMs: 4000 });
    typing.start();
    finishes[0]?.();
    await vi.advanceTimersByTimeAsync(4000); // the second action is on its way
    expect(finishes).toHaveLength(2);
    let stopped = false;
    const stopping = typing.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(stopped).toBe(false);
    finishes[1]?.();
    await stopping;

    const hanging = typingIndicator(() => new Promise<void>(() => undefined), { delayMs: 0, everyMs: 4000 });
    hanging.start();
    const given = hanging.stop();
    await vi.advanceTimersByTimeAsync(1000);
    await given; // resolved by the cap, not by the action
  });
});
