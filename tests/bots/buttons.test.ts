/**
 * The answer buttons, the same on every platform: "show paragraph" opens the passage behind a quote, and only
 * while the passage at that place still holds the quote; presses past the press limit are told why.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { admitPress, pressButton } from "../../src/bots/buttons.js";
import { messages } from "../../src/bots/messages.js";
import { createPressLimiter, createRateLimiter, PRESS_LIMIT, PRESS_WINDOW_MS } from "../../src/bots/rate-limit.js";
import { createLogger, silentLogger } from "../../src/logger.js";
import { createRag } from "../../src/rag/index.js";
import { feedbackData, paragraphData } from "../../src/state/buttons.js";
import { createMemoryState, createState } from "../../src/state/index.js";
import { indexedProjects, SEED_NAME } from "../helpers/project.js";

const project = indexedProjects();

describe("show paragraph", () => {
  it("opens the quote's passage, and after its briefing was edited and indexed again says it is gone", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, reload: { intervalMs: 3_600_000, watch: false } });
    const state = createMemoryState(silentLogger);
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: silentLogger, state });
    const reply = await ask("Who is Michele Sison?", { user: "telegram:1", platform: "telegram" });
    if (reply.kind !== "answer" || reply.buttons === undefined || reply.answer.kind !== "answered") throw new Error("expected an answer with buttons");
    const quote = reply.answer.citations[0]?.quote ?? "";
    const press = () => pressButton(paragraphData(reply.buttons ?? "", 1, "en"), "telegram:2", "en", { rag, state, logger: silentLogger });

    const before = await press();
    expect(before.kind === "passage" && before.passage.text).toContain(quote);
    // Where the quote lies in it, for a message too short for the whole passage.
    if (before.kind === "passage") expect(before.passage.text.slice(before.focus.from, before.focus.to)).toBe(quote);

    // A paragraph added on top moves every offset: another passage now lies where the quote was.
    const file = join(p.seedsDir, SEED_NAME);
    writeFileSync(file, `A NEW FIRST PARAGRAPH, LONG ENOUGH TO MOVE THE REST.\n\n${readFileSync(file, "utf8")}`);
    expect(await rag.refresh()).toBe("reloaded");
    expect(await press()).toEqual({ kind: "message", text: messages("en").passageGone, language: "en" });
    rag.close();
  });
});

describe("feedback votes", () => {
  it("a vote that could not be recorded says so and is counted when pressed again, not taken as already given", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    // The state folder's place is taken by a file: the feedback log cannot be written until it is gone.
    const dir = join(p.root, "state");
    writeFileSync(dir, "not a folder");
    const state = createState({ logger: silentLogger, feedback: { dir, retentionDays: 30, salt: "test-salt-0123456789" } });
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: silentLogger, state });
    const reply = await ask("Who is Michele Sison?", { user: "telegram:1", platform: "telegram" });
    if (reply.kind !== "answer" || reply.buttons === undefined) throw new Error("expected an answer with buttons");
    const press = () => pressButton(feedbackData(reply.buttons ?? "", "up", "en"), "telegram:2", "en", { rag, state, logger: silentLogger });
    const en = messages("en");

    expect(await press()).toEqual({ kind: "message", text: en.voteFailed, language: "en" });
    rmSync(dir);
    mkdirSync(dir);
    expect(await press()).toEqual({ kind: "message", text: en.thanksUp, language: "en" });
    expect(await press()).toEqual({ kind: "message", text: en.alreadyVoted, language: "en" });
    expect((await state.feedback.list()).map((e) => e.kind)).toEqual(["up"]);
    rag.close();
  });

  it("a vote whose record and whose giving back both failed is recorded when pressed again, once, with its first kind", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const dir = join(p.root, "state");
    writeFileSync(dir, "not a folder");
    const base = createState({ logger: silentLogger, feedback: { dir, retentionDays: 30, salt: "test-salt-0123456789" } });
    // Redis away: the claim cannot be given back either.
    const state = { ...base, buttons: { ...base.buttons, forgetVote: () => Promise.reject(new Error("Redis is unavailable")) } };
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: silentLogger, state });
    const reply = await ask("Who is Michele Sison?", { user: "telegram:1", platform: "telegram" });
    if (reply.kind !== "answer" || reply.buttons === undefined) throw new Error("expected an answer with buttons");
    const press = (vote: "up" | "down") => pressButton(feedbackData(reply.buttons ?? "", vote, "en"), "telegram:2", "en", { rag, state, logger: silentLogger });
    const en = messages("en");

    expect(await press("down")).toEqual({ kind: "message", text: en.voteFailed, language: "en" });
    rmSync(dir);
    mkdirSync(dir);
    expect(await press("up")).toEqual({ kind: "message", text: en.alreadyVoted, language: "en" });
    expect(await press("up")).toEqual({ kind: "message", text: en.alreadyVoted, language: "en" });
    expect((await state.feedback.list()).map((e) => e.kind)).toEqual(["down"]);
    // Recorded once: pressing again and again writes nothing more (the log is bounded; copies would push others out).
    const lines = (): number => readFileSync(join(dir, "feedback.jsonl"), "utf8").split("\n").filter(Boolean).length;
    const before = lines();
    for (let i = 0; i < 5; i += 1) await press("down");
    expect(lines()).toBe(before);
    rag.close();
  });

  it("a vote under an answer from before feedback was switched off is thanked, not asked to be given again", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const state = createMemoryState(silentLogger); // FEEDBACK_LOG=off: the buttons kept, the log records nothing
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: silentLogger, state });
    const reply = await ask("Who is Michele Sison?", { user: "telegram:1", platform: "telegram" });
    if (reply.kind !== "answer" || reply.buttons === undefined) throw new Error("expected an answer with buttons");
    const press = () => pressButton(feedbackData(reply.buttons ?? "", "down", "ar"), "telegram:2", "en", { rag, state, logger: silentLogger });
    expect(await press()).toEqual({ kind: "message", text: messages("en").votingOff, language: "en" });
    expect(await press()).toEqual({ kind: "message", text: messages("en").votingOff, language: "en" });
    rag.close();
  });
});

describe("the press limit", () => {
  it("admits presses up to the limit; past it tells the presser why in the button's language, and logs the flood once", async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const options = { limiter: createPressLimiter(), logger: createLogger({ level: "info", secrets: [], destination }) };
    for (let i = 0; i < PRESS_LIMIT; i++) expect(await admitPress("telegram:7", "ar", options)).toBeUndefined();
    const refusal = await admitPress("telegram:7", "ar", options);
    expect(refusal).toEqual({ kind: "message", text: expect.stringMatching(/^ضغطاتك على الأزرار أسرع مما أستطيع مجاراته\. انتظر .+ ثم اضغط مجدداً\.$/u), language: "ar" });
    expect(await admitPress("telegram:7", "en", options)).toEqual({ kind: "message", text: expect.stringMatching(/^You're pressing buttons faster than I can keep up\. Please wait \d+ seconds? and press again\.$/u), language: "en" });
    // Another presser is not held up.
    expect(await admitPress("telegram:8", "en", options)).toBeUndefined();
    expect(lines.filter((l) => l.includes("button presses rate limited"))).toHaveLength(1);
  });

  it("says the wait in whole seconds, in words that fit a Telegram toast (200 characters) in both languages", () => {
    expect(messages("en").pressingTooFast(1)).toBe("You're pressing buttons faster than I can keep up. Please wait 1 second and press again.");
    expect(messages("ar").pressingTooFast(3)).toBe("ضغطاتك على الأزرار أسرع مما أستطيع مجاراته. انتظر 3 ثوانٍ ثم اضغط مجدداً.");
    for (let seconds = 1; seconds <= Math.ceil(PRESS_WINDOW_MS / 1000); seconds++) {
      for (const language of ["en", "ar"] as const) expect(messages(language).pressingTooFast(seconds).length).toBeLessThanOrEqual(200);
    }
  });
});
