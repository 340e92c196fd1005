/**
 * The chat client alone, the real ChatOpenAI against the local fake OpenAI-compatible server: what it sends, what
 * it retries (and how many times), and which LlmError code each failure becomes. compose.test.ts covers the core's
 * fallbacks on top of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatClient, LlmError, type LlmOptions } from "../../../src/rag/llm/client.js";
import { startFakeOpenAI, type ChatBehaviour, type FakeOpenAI } from "../../fakes/openai-server.js";
import { warningLogger } from "../../helpers/logger.js";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

/** A client of the fake server with two retries 1 ms apart (no test waits on a real backoff), and its warnings. */
function client(options: Partial<LlmOptions> = {}) {
  const { logger, warnings } = warningLogger();
  const chat = createChatClient({ baseUrl: fake.baseUrl, model: "fake-model", timeoutMs: 10_000, retries: 2, backoffMs: 1, ...options }, logger);
  return { chat, warnings };
}

/** Scripts `behaviours`; returns how many chat requests the server had got before them. */
function script(...behaviours: ChatBehaviour[]): number {
  fake.script(...behaviours);
  return fake.chatRequests.length;
}

/** The LlmError that `promise` rejects with; fails the test when it resolves or rejects with something else. */
async function llmError(promise: Promise<unknown>): Promise<LlmError> {
  const error: unknown = await promise.then(
    (value) => {
      throw new Error(`expected an LlmError, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof LlmError)) throw error;
  return error;
}

describe("createChatClient", () => {
  it("sends the system and the user message to the model and returns its text", async () => {
    const { chat } = client({ apiKey: "sk-test-key" });
    const before = script({ kind: "text", text: "Sison spoke in Algiers [1]." });
    expect(await chat.generate("the rules", "the passages")).toBe("Sison spoke in Algiers [1].");
    const requests = fake.chatRequests.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ model: "fake-model", stream: false, system: "the rules", user: "the passages", authorization: "Bearer sk-test-key" });
  });

  it("sends a placeholder key to a server that needs none", async () => {
    const { chat } = client();
    const before = script({ kind: "text", text: "Yes [1]." });
    await chat.generate("s", "u");
    expect(fake.chatRequests[before]?.authorization).toBe("Bearer not-needed");
  });

  it("streams: each piece goes to onDelta as it arrives, and the pieces make the text returned", async () => {
    const { chat } = client();
    const text = "Michele Sison is a US assistant secretary of state [1].";
    const before = script({ kind: "text", text, chunkChars: 10 });
    const deltas: string[] = [];
    expect(await chat.generate("s", "u", { onDelta: (d) => deltas.push(d) })).toBe(text);
    expect(fake.chatRequests[before]?.stream).toBe(true);
    expect(deltas.join("")).toBe(text);
    // 55 characters in pieces of 10: six pieces, the last of 5.
    expect(deltas.length).toBe(6);
  });

  it("retries a 500 and a dropped connection, logging each retry, then returns the text", async () => {
    const { chat, warnings } = client();
    const before = script({ kind: "status", status: 500 }, { kind: "drop" }, { kind: "text", text: "Third time [1]." });
    expect(await chat.generate("s", "u")).toBe("Third time [1].");
    expect(fake.chatRequests.length - before).toBe(3);
    expect(warnings).toEqual(["model call failed; retrying", "model call failed; retrying"]);
  });

  it("gives up after its retries: 1 + 2 requests, then `rate-limited` for 429 and `unavailable` for 503", async () => {
    const { chat } = client();
    let before = script(...Array.from({ length: 3 }, (): ChatBehaviour => ({ kind: "status", status: 429, retryAfterS: 0 })));
    expect((await llmError(chat.generate("s", "u"))).code).toBe("rate-limited");
    expect(fake.chatRequests.length - before).toBe(3);
    before = script(...Array.from({ length: 3 }, (): ChatBehaviour => ({ kind: "status", status: 503 })));
    const unavailable = await llmError(chat.generate("s", "u"));
    expect(unavailable).toMatchObject({ code: "unavailable", message: "the model server failed with 503" });
    expect(fake.chatRequests.length - before).toBe(3);
  });

  it("does not wait out a Retry-After that ends past its deadline: `rate-limited` at once, not a timeout (found by a review)", async () => {
    // Asked to wait 30 s (waited 10 s at most) with 3 s left: it had waited the 3 s, then failed as a timeout.
    const { chat, warnings } = client({ timeoutMs: 3_000 });
    const before = script({ kind: "status", status: 429, retryAfterS: 30 });
    expect((await llmError(chat.generate("s", "u"))).code).toBe("rate-limited");
    expect(fake.chatRequests.length - before).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("does not retry a refusal (4xx other than 429), and names neither the key nor more than the status", async () => {
    const { chat, warnings } = client({ apiKey: "sk-very-secret" });
    const before = script({ kind: "status", status: 401 });
    const error = await llmError(chat.generate("s", "u"));
    expect(error).toMatchObject({ code: "refused", message: "the model server refused the request with 401" });
    expect(fake.chatRequests.length - before).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("does not retry a reply with no text, nor a body that is not JSON: both are `bad-response`", async () => {
    const { chat } = client();
    let before = script({ kind: "text", text: "  \n " });
    expect((await llmError(chat.generate("s", "u"))).code).toBe("bad-response");
    expect(fake.chatRequests.length - before).toBe(1);
    before = script({ kind: "malformed" });
    expect((await llmError(chat.generate("s", "u"))).code).toBe("bad-response");
    expect(fake.chatRequests.length - before).toBe(1);
  });

  it("gives up at its deadline with `timeout`", async () => {
    const { chat } = client({ timeoutMs: 300 });
    script({ kind: "slow", delayMs: 30_000 });
    const error = await llmError(chat.generate("s", "u"));
    expect(error).toMatchObject({ code: "timeout", message: "no complete answer from the model within 300 ms" });
  });

  it("rejects with the caller's reason when the caller aborts, without retrying", async () => {
    const { chat } = client();
    const controller = new AbortController();
    const gone = new Error("the asker has gone");
    const before = fake.chatRequests.length;
    // Aborted once the request has reached the server, so the abort meets a call under way.
    fake.script(() => {
      controller.abort(gone);
      return { kind: "slow", delayMs: 30_000 };
    });
    await expect(chat.generate("s", "u", { signal: controller.signal })).rejects.toBe(gone);
    expect(fake.chatRequests.length - before).toBe(1);
    // Already aborted: nothing is sent.
    await expect(chat.generate("s", "u", { signal: AbortSignal.abort(gone) })).rejects.toBe(gone);
    expect(fake.chatRequests.length - before).toBe(1);
  });
});
