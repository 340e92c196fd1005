/**
 * The shared ask flow over the real core: what a failure to answer becomes for the asker and in the log.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { messages } from "../../src/bots/messages.js";
import { createRateLimiter } from "../../src/bots/rate-limit.js";
import { renderReplyPlain } from "../../src/bots/render/plain.js";
import { createRag } from "../../src/rag/index.js";
import { capturingLogger, parsedLogs } from "../reliability/helpers.js";
import { indexedProjects } from "../helpers/project.js";

const project = indexedProjects();

describe("ask", () => {
  it("tells the asker a briefing changed under a bot that does not reload (not that something went wrong), and the operator to restart", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger });
    const file = join(p.seedsDir, "000_9ae3e538818b189d.txt");
    writeFileSync(file, `A LINE ADDED ON TOP.\n\n${readFileSync(file, "utf8")}`);
    const reply = await ask("Who is Michele Sison?", { user: "test" });
    expect(reply).toEqual({ kind: "notice", notice: { code: "stale", language: "en" } });
    expect(renderReplyPlain(reply)).toBe(messages("en").stale);
    const warning = parsedLogs(lines).find((l) => l.msg.includes("a restart"));
    expect(warning).toMatchObject({ level: 40 });
    expect(warning).not.toHaveProperty("err");
    rag.close();
  });
});

describe("ask in a conversation", () => {
  it("answers two questions sent at once in one chat one after the other: the second follows up on the first and both turns are kept", async () => {
    const p = project();
    const { logger } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger });
    const conversation = { chat: "telegram:chat:42" };
    const [first, second] = await Promise.all([
      ask("Who is Michele Sison?", { user: "u", conversation }),
      ask("What did she discuss in Algiers?", { user: "u", conversation }),
    ]);
    expect(first).toMatchObject({ kind: "answer", turns: [{ question: "Who is Michele Sison?" }] });
    expect(second).toMatchObject({ kind: "answer", turns: [{ question: "Who is Michele Sison?" }, { question: "What did she discuss in Algiers?" }] });
    const kept = await ask.state.conversations.recall(conversation);
    expect(kept.map((t) => t.question)).toEqual(["Who is Michele Sison?", "What did she discuss in Algiers?"]);
    // Another chat is not held up by this one, nor does it share its turns.
    const elsewhere = await ask("Who is Michele Sison?", { user: "u", conversation: { chat: "telegram:chat:43" } });
    expect(elsewhere).toMatchObject({ kind: "answer", turns: [{ question: "Who is Michele Sison?" }] });
    rag.close();
  });
});
