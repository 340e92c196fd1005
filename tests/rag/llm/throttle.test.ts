import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottle } from "../../../src/rag/llm/throttle.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("partial text throttle", () => {
  it("passes the first text at once, then at most one per interval, always the latest", () => {
    const seen: [number, string][] = [];
    const throttle = createThrottle((text) => seen.push([Date.now(), text]), 1000);
    const t0 = Date.now();
    throttle.offer("a");
    throttle.offer("ab");
    vi.advanceTimersByTime(400);
    throttle.offer("abc");
    vi.advanceTimersByTime(600);
    throttle.offer("abcd");
    vi.advanceTimersByTime(999);
    throttle.offer("abcde");
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([
      [t0, "a"],
      [t0 + 1000, "abc"],
      [t0 + 2000, "abcde"],
    ]);
  });

  it("never repeats a text and calls nothing after cancel()", () => {
    const seen: string[] = [];
    const throttle = createThrottle((text) => seen.push(text), 1000);
    throttle.offer("a");
    throttle.offer("a");
    vi.advanceTimersByTime(2000);
    throttle.offer("ab");
    throttle.offer("abc");
    throttle.cancel();
    throttle.offer("abcd");
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(["a", "ab"]);
  });
});
