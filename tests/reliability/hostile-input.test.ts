/**
 * The hostile-question corpus (tests/fixtures/hostile-questions.json) through the real core, the renderers, and
 * both adapters driven by their real client libraries against the local fakes. Every question gets exactly one
 * polite reply: the answer or a decline, the usage text, or the too-long notice. Nothing crashes, nothing pings,
 * Telegram's strict HTML parser accepts every message, no markup the user typed renders, and no secret shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAsk, type Ask, type Reply } from "../../src/bots/ask.js";
import { createDiscordBot } from "../../src/bots/discord.js";
import { createInflight, type Inflight } from "../../src/bots/inflight.js";
import { messages } from "../../src/bots/messages.js";
import { createRateLimiter } from "../../src/bots/rate-limit.js";
import { renderReplyDiscord } from "../../src/bots/render/discord.js";
import { renderReplyPlain } from "../../src/bots/render/plain.js";
import { renderReplyHtml } from "../../src/bots/render/telegram.js";
import { createTelegramBot } from "../../src/bots/telegram.js";
import type { BotHandle } from "../../src/bots/types.js";
import { createRag, type Rag } from "../../src/rag/index.js";
import { IDS, startFakeDiscord, type FakeDiscord, type FakeUser, type SentMessage as DiscordMessage } from "../fakes/discord-server.js";
import { parseTelegramHtml, startFakeTelegram, type FakeTelegram } from "../fakes/telegram-server.js";
import { tempProject, type TempProject } from "../helpers/project.js";
import { capturingLogger, discordProblem, hostileQuestions, telegramProblem, type HostileQuestion } from "./helpers.js";

const corpus = hostileQuestions();
const en = messages("en");
const ar = messages("ar");
const LIMIT = 500;
const NO_PINGS = { parse: [], replied_user: false };
/** Characters the core must have removed from the question it echoes back. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

let project: TempProject;
let rag: Rag & { readonly index: { readonly seeds: readonly { path: string; readText(): string }[] } };

beforeAll(async () => {
  project = tempProject();
  rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, maxQuestionChars: LIMIT });
});
afterAll(() => project.remove());

/** The text a reply must show for a question with this expectation (apart from an answer). */
function expectedNotice(q: HostileQuestion): string | undefined {
  if (q.expect === "usage") return en.usage;
  if (q.expect === "too-long") return en.tooLong(LIMIT);
  return undefined;
}

/** Checks a reply of the shared ask flow against the question's expectation. */
function checkReply(q: HostileQuestion, reply: Reply): void {
  if (q.expect === "usage") expect(reply).toMatchObject({ kind: "notice", notice: { code: "empty", language: "en" } });
  if (q.expect === "too-long") expect(reply).toMatchObject({ kind: "notice", notice: { code: "too-long", language: "en", limit: LIMIT } });
  if (q.expect !== "answer" && q.expect !== "decline") return;
  if (reply.kind !== "answer") throw new Error(`expected an answer or decline, got ${JSON.stringify(reply)}`);
  const { answer } = reply;
  expect(q.expect === "decline" ? ["declined"] : ["answered", "declined"]).toContain(answer.kind);
  expect(answer.question).not.toMatch(UNSAFE);
  expect(answer.question.length).toBeLessThanOrEqual(LIMIT);
  if (answer.kind === "answered") {
    const texts = new Map(rag.index.seeds.map((s) => [s.path, s.readText()]));
    for (const c of answer.citations) expect(texts.get(c.source)?.slice(c.start, c.end)).toBe(c.quote);
  }
}

describe("hostile questions through the real core and the renderers", () => {
  let ask: Ask;
  beforeAll(() => {
    ask = createAsk({ rag, limiter: createRateLimiter(1000), logger: capturingLogger().logger });
  });

  it.each(corpus.map((q) => [q.id, q] as const))("%s: a polite reply, rendered inert for every platform", async (_id, q) => {
    const reply = await ask(q.text, { user: `core:${q.id}` });
    checkReply(q, reply);

    const html = renderReplyHtml(reply);
    expect(html.length).toBeGreaterThan(0);
    for (const part of html) expect(telegramProblem(part), part).toBeUndefined();
    const notice = expectedNotice(q);
    if (notice !== undefined) expect(html.map((p) => (parseTelegramHtml(p) as { text: string }).text)).toEqual([notice]);

    for (const echoQuestion of [false, true]) {
      const parts = renderReplyDiscord(reply, { echoQuestion });
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(2000);
        expect(discordProblem(part), part).toBeUndefined();
      }
      if (notice !== undefined) expect(parts).toEqual([notice]);
    }
    expect(renderReplyPlain(reply)).toBeTruthy();
  });

});

describe("hostile questions over Telegram (real telegraf, fake Bot API, real core)", () => {
  let tg: FakeTelegram;
  let bot: BotHandle;
  let inflight: Inflight;
  const logs = capturingLogger("debug");

  beforeAll(async () => {
    tg = await startFakeTelegram();
    inflight = createInflight();
    const ask = createAsk({ rag, limiter: createRateLimiter(1000), logger: logs.logger });
    bot = createTelegramBot(
      { token: tg.token, allowedChats: [], apiRoot: tg.apiRoot },
      { ask, rag, logger: logs.logger, inflight },
    );
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await inflight.drain(2000);
    await tg.close();
  });

  it("answers every question exactly once with HTML Telegram accepts, no apology, no secret", { timeout: 30_000 }, async () => {
    const updates = corpus.map((q, i) => ({ q, update: tg.push(tg.privateUpdate(q.text, { id: 7000 + i, name: `user${i}` })) }));
    await tg.waitForSent(corpus.length, 20_000);
    await inflight.drain(5000);
    expect(tg.sent).toHaveLength(corpus.length);
    for (const { q, update } of updates) {
      const replies = tg.sent.filter((s) => s.params.chat_id === update.message.chat.id);
      expect(replies, q.id).toHaveLength(1);
      const html = String(replies[0]?.params.text);
      expect(telegramProblem(html), `${q.id}: ${html}`).toBeUndefined();
      const shown = (parseTelegramHtml(html) as { text: string }).text;
      expect(shown, q.id).not.toBe(en.failed);
      const notice = expectedNotice(q);
      if (notice !== undefined) expect(shown, q.id).toBe(notice);
      else expect(shown.startsWith(en.intro) || shown.startsWith(ar.intro) || [en.declined, ar.declined].includes(shown), `${q.id}: ${shown}`).toBe(true);
      expect(html).not.toContain(tg.token);
    }
    const all = logs.lines.join("");
    expect(all).not.toContain("handling a Telegram update failed");
    expect(all).not.toContain(tg.token.split(":")[1]);
  });
});

describe("hostile questions over Discord (real discord.js, fake REST and gateway, real core)", () => {
  let discord: FakeDiscord;
  let bot: BotHandle;
  let inflight: Inflight;
  const logs = capturingLogger("debug");
  const asker = (i: number): FakeUser => ({ id: String(510000000000000000n + BigInt(i)), username: `hostile${i}` });

  beforeAll(async () => {
    discord = await startFakeDiscord();
    inflight = createInflight();
    const ask = createAsk({ rag, limiter: createRateLimiter(1000), logger: logs.logger });
    bot = createDiscordBot({ token: discord.token, guildId: IDS.guild, allowedGuilds: [], apiBase: discord.apiBase }, { ask, rag, logger: logs.logger, inflight });
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await discord.close();
  });

  function checkMessages(q: HostileQuestion, sent: readonly DiscordMessage[], path: string): void {
    expect(sent, `${path} ${q.id}`).toHaveLength(1);
    const message = sent[0];
    if (!message) return;
    expect(message.allowedMentions, `${path} ${q.id}`).toEqual(NO_PINGS);
    expect(discordProblem(message.content), `${path} ${q.id}: ${message.content}`).toBeUndefined();
    expect(message.content).not.toBe(en.failed);
    expect(message.content).not.toContain(discord.token);
    const notice = expectedNotice(q);
    if (notice !== undefined) expect(message.content, `${path} ${q.id}`).toBe(notice);
  }

  it("answers every question once as a DM, a mention and /ask, pinging nobody and rendering nothing", { timeout: 30_000 }, async () => {
    const asked = corpus.map((q, i) => ({
      q,
      dm: discord.directMessage(q.text, { author: asker(i), channelId: String(410000000000000000n + BigInt(i)) }),
      mention: discord.guildMessage(`<@${IDS.bot}> ${q.text}`, { author: asker(i) }),
      command: discord.command("ask", { values: { question: q.text }, user: asker(i) }),
    }));
    const repliesTo = (id: string): DiscordMessage[] => discord.messages.filter((m) => m.messageReference?.["message_id"] === id);
    const byInteraction = (id: string): DiscordMessage[] => discord.messages.filter((m) => m.interactionId === id);
    await discord.waitFor(
      () => (asked.every((a) => repliesTo(a.dm).length && repliesTo(a.mention).length && byInteraction(a.command).length) ? true : undefined),
      20_000,
      "a reply to every hostile question",
    );
    await discord.waitFor(() => (inflight.size === 0 ? true : undefined), 5000, "idle");
    for (const { q, dm, mention, command } of asked) {
      checkMessages(q, repliesTo(dm), "DM");
      checkMessages(q, repliesTo(mention), "mention");
      const edits = byInteraction(command);
      checkMessages(q, edits, "/ask");
      if (q.expect === "answer" || q.expect === "decline") expect(edits[0]?.content.startsWith("❓ "), q.id).toBe(true);
    }
    const all = logs.lines.join("");
    expect(all).not.toContain("answering failed");
    expect(all).not.toContain(discord.token);
  });
});

describe("the corpus", () => {
  it("covers what the issue lists", () => {
    const ids = corpus.map((q) => q.id);
    for (const id of ["empty", "whitespace", "too-long-100k", "nul-and-controls", "rtl-override", "zero-width-in-words", "emoji-only", "mixed-scripts", "html-injection", "markdown-injection", "discord-mentions", "everyone-here", "urls", "prompt-injection"]) {
      expect(ids).toContain(id);
    }
    expect(corpus.find((q) => q.id === "too-long-100k")?.text).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
