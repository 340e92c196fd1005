/**
 * Button payloads read back: a stored payload that is not one (damaged, edited, or written by another version)
 * reads as expired, never as a crash.
 */
import { describe, expect, it } from "vitest";
import { createButtonStore, parseCitation } from "../../src/state/buttons.js";
import { createMemoryStore } from "../../src/state/kv.js";

const citation = { n: 1, source: "seeds/a.txt", label: "paragraph 1", start: 1, end: 9 };
const payload = { platform: "telegram", question: "Who?", language: "en" as const, citations: [citation] };

/** A button store over a memory store in which `raw` is stored as the payload of id "stored1". */
async function storedAs(raw: string) {
  const kv = createMemoryStore();
  await kv.set("button:stored1", raw, 60_000);
  return createButtonStore(kv, 60_000);
}

describe("button payloads", () => {
  it("read back what was stored, with or without a quote's digest", async () => {
    const buttons = createButtonStore(createMemoryStore(), 60_000);
    const withDigest = { ...payload, citations: [{ ...citation, digest: "AbCdEfGhIjKlMnOp" }, { ...citation, n: 2 }] };
    expect(await buttons.get(await buttons.put(payload))).toEqual(payload);
    expect(await buttons.get(await buttons.put(withDigest))).toEqual(withDigest);
  });

  it.each([
    ["a null citation", { ...payload, citations: [null] }],
    ["a number for a citation", { ...payload, citations: [1] }],
    ["a citation whose n is not a number", { ...payload, citations: [{ ...citation, n: "x" }] }],
    ["a citation without its label", { ...payload, citations: [{ n: 1, source: "seeds/a.txt", start: 1, end: 9 }] }],
    ["a citation whose digest is not text", { ...payload, citations: [{ ...citation, digest: 7 }] }],
    ["a damaged citation after a good one", { ...payload, citations: [citation, null] }],
    ["no question", { platform: "telegram", language: "en", citations: [] }],
    ["no citations", { platform: "telegram", question: "Who?", language: "en" }],
    ["an unknown language", { ...payload, language: "fr" }],
    ["null", null],
    ["a number", 5],
    ["an array", [payload]],
  ])("reads a stored payload with %s as expired, without throwing", async (_what, stored) => {
    const buttons = await storedAs(JSON.stringify(stored));
    await expect(buttons.get("stored1")).resolves.toBeUndefined();
  });

  it("reads a stored value that is not JSON as expired", async () => {
    await expect((await storedAs('{"platform":"telegram","question":')).get("stored1")).resolves.toBeUndefined();
  });
});

describe("parseCitation", () => {
  it("keeps a citation as stored, its digest only when it has one", () => {
    expect(parseCitation(citation)).toEqual(citation);
    expect(parseCitation({ ...citation, digest: "d" })).toEqual({ ...citation, digest: "d" });
    // Fields it does not know (a later version's) are not carried along.
    expect(parseCitation({ ...citation, quote: "text" })).toEqual(citation);
  });

  it("reads anything else as no citation", () => {
    for (const value of [null, undefined, 1, "x", [], [citation], { ...citation, n: "1" }, { ...citation, start: null }, { ...citation, digest: 1 }]) {
      expect(parseCitation(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});
