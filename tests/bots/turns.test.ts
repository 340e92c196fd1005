/**
 * A conversation's questions one after another (src/bots/turns.ts): in order under one key, at once under
 * another, and never waiting longer than the bound for the one before.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createTurns } from "../../src/bots/turns.js";

describe("turns", () => {
  it("runs work under one key one after another, work under another key or none at once", async () => {
    const turns = createTurns();
    const events: string[] = [];
    const step = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await sleep(ms);
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      turns.run("chat:1", step("a1", 60)),
      turns.run("chat:1", step("a2", 1)),
      turns.run("chat:1", step("a3", 1)),
      turns.run("chat:2", step("b1", 10)),
      turns.run(undefined, step("c1", 10)),
    ]);
    expect(results).toEqual(["a1", "a2", "a3", "b1", "c1"]);
    const a = events.filter((e) => e.startsWith("a"));
    expect(a).toEqual(["a1 start", "a1 end", "a2 start", "a2 end", "a3 start", "a3 end"]);
    // The other chat and the keyless work did not wait for chat 1.
    expect(events.indexOf("b1 end")).toBeLessThan(events.indexOf("a1 end"));
    expect(events.indexOf("c1 end")).toBeLessThan(events.indexOf("a1 end"));
  });

  it("goes on after work that failed, and after waiting the bound for work that hangs", async () => {
    const turns = createTurns(50);
    await expect(turns.run("chat:1", async () => Promise.reject(new Error("broke")))).rejects.toThrow("broke");
    expect(await turns.run("chat:1", async () => "after a failure")).toBe("after a failure");
    void turns.run("chat:1", () => new Promise<never>(() => undefined)); // never settles
    expect(await turns.run("chat:1", async () => "after the bound")).toBe("after the bound");
  });
});
