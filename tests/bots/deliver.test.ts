import { describe, expect, it } from "vitest";
import { deliver, type DeliverOps } from "../../src/bots/deliver.js";

/** A platform that records its calls; sent messages are numbered from 100, the question being `undefined`. */
function platform(streamed: number | undefined, { editFails = false, failSend = -1 } = {}) {
  const calls: string[] = [];
  let next = 100;
  const ops: DeliverOps<number> = {
    streamed,
    edit: async (id, part, last) => {
      calls.push(`edit ${id} ${part}${last ? " +buttons" : ""}`);
      return !editFails;
    },
    send: async (part, after, last) => {
      if (calls.filter((c) => c.startsWith("send")).length === failSend) throw new Error("send refused");
      const id = next++;
      calls.push(`send ${id} ${part} after ${after ?? "question"}${last ? " +buttons" : ""}`);
      return id;
    },
    remove: async (id) => void calls.push(`remove ${id}`),
  };
  return { ops, calls };
}

describe("deliver", () => {
  it("edits the first part into the streamed message and sends the others as replies, each to the one before", async () => {
    const { ops, calls } = platform(7);
    expect(await deliver(["a", "b", "c"], ops)).toEqual([7, 100, 101]);
    expect(calls).toEqual(["edit 7 a", "send 100 b after 7", "send 101 c after 100 +buttons"]);
  });

  it("puts the buttons on the edit when the answer is one part", async () => {
    const { ops, calls } = platform(7);
    expect(await deliver(["a"], ops)).toEqual([7]);
    expect(calls).toEqual(["edit 7 a +buttons"]);
  });

  it("sends the answer anew, replying to the question, when the edit fails, and then removes the streamed half", async () => {
    const { ops, calls } = platform(7, { editFails: true });
    expect(await deliver(["a", "b"], ops)).toEqual([100, 101]);
    expect(calls).toEqual(["edit 7 a", "send 100 a after question", "send 101 b after 100 +buttons", "remove 7"]);
  });

  it("sends every part, replying to the question, when nothing was streamed", async () => {
    const { ops, calls } = platform(undefined);
    expect(await deliver(["a", "b"], ops)).toEqual([100, 101]);
    expect(calls).toEqual(["send 100 a after question", "send 101 b after 100 +buttons"]);
  });

  it("removes the streamed half of an answer that has no parts", async () => {
    const { ops, calls } = platform(7);
    expect(await deliver([], ops)).toEqual([]);
    expect(calls).toEqual(["remove 7"]);
  });

  it("stops at a failed send and throws, leaving what was sent and the streamed half", async () => {
    const { ops, calls } = platform(7, { editFails: true, failSend: 1 });
    await expect(deliver(["a", "b", "c"], ops)).rejects.toThrow("send refused");
    expect(calls).toEqual(["edit 7 a", "send 100 a after question"]);
  });

  it("after a successful edit, a failed send also throws, and the edited message stays", async () => {
    const { ops, calls } = platform(7, { failSend: 1 });
    await expect(deliver(["a", "b", "c"], ops)).rejects.toThrow("send refused");
    expect(calls).toEqual(["edit 7 a", "send 100 b after 7"]);
  });
});
