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
import { createState } from "../../src/state/index.js";
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

  it("suggests the example question the briefings answer after the greeting, the help and the usage, in the asker's language", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, examples: { en: "Who is Michele Sison?", ar: "ما هو سعر النفط اليوم؟" } });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: capturingLogger().logger });
    const [en, ar] = [messages("en"), messages("ar")];
    const replies = [];
    for (const said of ["hello!", "help", "ok", " "]) replies.push(renderReplyPlain(await ask(said, { user: "test" })));
    const suggested = `${en.usage} ${en.forExample("Who is Michele Sison?")}`;
    expect(replies).toEqual([`${en.greeting} ${en.forExample("Who is Michele Sison?")}`, `${en.help}\n\n${suggested}`, suggested, suggested]);
    // The Arabic example is about something the briefing does not say: none is offered.
    expect(renderReplyPlain(await ask("مرحبا", { user: "test" }))).toBe(ar.greeting);
    rag.close();
  });

  it("answers a greeting, thanks or help said alone in the asker's language without searching the briefings, and remembers no turn", async () => {
    const p = project();
    const core = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const asked: string[] = [];
    const rag: typeof core = Object.assign(Object.create(core) as typeof core, {
      answer: (question: string, options?: Parameters<typeof core.answer>[1]) => {
        asked.push(question);
        return core.answer(question, options);
      },
    });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: capturingLogger().logger });
    const place = { chat: "console" };
    const [en, ar] = [messages("en"), messages("ar")];
    const replies = [];
    for (const said of ["hello!", "مرحبا", "help", "مساعدة", "thanks", "شكراً جزيلاً", "ok", "تمام"]) replies.push(renderReplyPlain(await ask(said, { user: "test", conversation: place })));
    expect(replies).toEqual([en.greeting, ar.greeting, `${en.help}\n\n${en.usage}`, `${ar.help}\n\n${ar.usage}`, en.welcome, ar.welcome, en.usage, ar.usage]);
    expect(asked).toEqual([]); // the core was not asked
    expect(await ask.state.conversations.recall(place)).toEqual([]);
    // A question with a greeting in it is still a question.
    const answered = await ask("hi, who is Michele Sison?", { user: "test" });
    expect(answered.kind === "answer" && answered.answer.kind).toBe("answered");
    expect(asked).toEqual(["hi, who is Michele Sison?"]);
    core.close();
  });

  it("keeps the question as the core read it: no control or invisible character reaches the log, the buttons or the conversation", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const logger = capturingLogger().logger;
    const state = createState({ logger, feedback: { dir: join(p.root, "state"), retentionDays: 30, salt: "a-salt-of-sixteen-chars" } });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger, state });
    const place = { chat: "telegram:chat:1" };
    // A right-to-left override, a zero-width space and a bell, as a pasted or hostile question may hold.
    const declined = await ask("What is the capital of \u202eFrance\u200b?\u0007", { user: "u1", platform: "telegram", conversation: place });
    expect(declined.kind === "answer" && declined.answer.kind).toBe("declined");
    expect((await state.feedback.list()).map((e) => e.question)).toEqual(["What is the capital of France?"]);
    const answered = await ask("Who is Michele\u200b Sison?\u202e", { user: "u1", platform: "telegram", conversation: place });
    expect(answered.kind === "answer" && answered.answer.kind).toBe("answered");
    const id = answered.kind === "answer" ? answered.buttons : undefined;
    expect((await state.buttons.get(id ?? ""))?.question).toBe("Who is Michele Sison?");
    expect((await state.conversations.recall(place)).map((t) => t.question)).toEqual(["What is the capital of France?", "Who is Michele Sison?"]);
    rag.close();
  });

  it("records a declined question for the report, but not a request to go on that found nothing more", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const state = createState({ logger: capturingLogger().logger, feedback: { dir: join(p.root, "state"), retentionDays: 30, salt: "a-salt-of-sixteen-chars" } });
    const exhausted: typeof rag = Object.assign(Object.create(rag) as typeof rag, {
      answer: async (question: string) => ({ kind: "declined" as const, question, language: "en" as const, reason: "nothing-more" as const, timings: { totalMs: 1 } }),
    });
    const more = await createAsk({ rag: exhausted, limiter: createRateLimiter(100), logger: capturingLogger().logger, state })("tell me more", { user: "u1", platform: "telegram" });
    expect(more.kind === "answer" && more.answer.kind).toBe("declined");
    expect(await state.feedback.list()).toEqual([]);
    await createAsk({ rag, limiter: createRateLimiter(100), logger: capturingLogger().logger, state })("What is the capital of France?", { user: "u1", platform: "telegram" });
    expect((await state.feedback.list()).map((e) => e.question)).toEqual(["What is the capital of France?"]);
    rag.close();
  });

  it("keeps both turns of two questions answered at once in one chat, the slow first one's too", async () => {
    // Found by a review: the chat's turns were written back as recalled before answering, so the question asked
    // while a slow answer was being written lost its turn (or the slow one lost the other's).
    const p = project();
    const core = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rag: typeof core = Object.assign(Object.create(core) as typeof core, {
      answer: async (question: string, options?: Parameters<typeof core.answer>[1]) => {
        if (question.startsWith("Who")) await held;
        return core.answer(question, options);
      },
    });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: capturingLogger().logger });
    const place = { chat: "telegram:chat:5" };
    const slow = ask("Who is Michele Sison?", { user: "u", conversation: place });
    await ask("What did Sison say about Mali?", { user: "u", conversation: place });
    release();
    await slow;
    expect((await ask.state.conversations.recall(place)).map((t) => t.question)).toEqual(["What did Sison say about Mali?", "Who is Michele Sison?"]);
    core.close();
  });

  it("a reply to an earlier answer takes the chat onto that answer's branch, not onto the turns asked since", async () => {
    // Found by a review: with each turn added to the chat's latest turns, a question after the reply leaned on turns
    // of another thread.
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: capturingLogger().logger });
    const chat = "telegram:chat:9";
    const first = await ask("Who is Michele Sison?", { user: "u", conversation: { chat } });
    await ask.link(first, ["telegram:9:1"]);
    await ask("What did Lamamra say about Security Council reform?", { user: "u", conversation: { chat } });
    await ask("And what did she say about Mali?", { user: "u", conversation: { chat, replyTo: "telegram:9:1" } });
    expect((await ask.state.conversations.recall({ chat })).map((t) => t.question)).toEqual(["Who is Michele Sison?", "And what did she say about Mali?"]);
    rag.close();
  });

  it("logs a flood over the rate limit once, with its one notice, not a line per message", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const { logger, lines } = capturingLogger("info");
    const ask = createAsk({ rag, limiter: createRateLimiter(6), logger });
    const kinds: string[] = [];
    for (let i = 0; i < 100; i++) kinds.push((await ask("hi", { user: "telegram:1" })).kind);
    expect(kinds.filter((k) => k === "silent")).toHaveLength(93);
    expect(parsedLogs(lines).filter((l) => l.msg === "rate limited")).toHaveLength(1);
    rag.close();
  });

  it("counts the letters of the too-long notice in Arabic as the number needs: 500 حرف, 50 حرفاً, 5 أحرف", () => {
    const ar = messages("ar");
    expect(ar.tooLong(500)).toContain("لا تتجاوز 500 حرف.");
    expect(ar.tooLong(50)).toContain("لا تتجاوز 50 حرفاً.");
    expect(ar.tooLong(5)).toContain("لا تتجاوز 5 أحرف.");
  });
});
