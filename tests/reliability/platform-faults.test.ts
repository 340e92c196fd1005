/**
 * Platform faults and abuse the per-adapter tests (tests/bots/*.test.ts) do not cover: a 100-message flood from one
 * user and from a chat or guild that is not allowed, an interaction delivered too late to acknowledge, errors that
 * must not carry the token, and the text of questions kept out of the logs at the default level. Real telegraf and
 * discord.js against the local fakes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { createDiscordBot } from "../../src/bots/discord.js";
import { createInflight, type Inflight } from "../../src/bots/inflight.js";
import { messages } from "../../src/bots/messages.js";
import { createRateLimiter } from "../../src/bots/rate-limit.js";
import { createTelegramBot } from "../../src/bots/telegram.js";
import type { BotHandle } from "../../src/bots/types.js";
import type { DiscordConfig, LogLevel, TelegramConfig } from "../../src/config.js";
import { createFakeRag, FAKE_QUOTES, type FakeRag, type FakeRagOptions } from "../fakes/fake-rag.js";
import { IDS, startFakeDiscord, type FakeDiscord, type FakeUser } from "../fakes/discord-server.js";
import { faults, parseTelegramHtml, startFakeTelegram, type FakeTelegram } from "../fakes/telegram-server.js";
import { capturingLogger, parsedLogs } from "./helpers.js";

const en = messages("en");
const PER_MINUTE = 6;
const FLOOD = 100;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Running<F> {
  readonly fake: F;
  readonly rag: FakeRag;
  readonly inflight: Inflight;
  readonly bot: BotHandle;
  readonly lines: string[];
}

interface RunOptions {
  readonly level?: LogLevel;
  readonly rag?: FakeRagOptions;
}

async function telegram(config: Partial<TelegramConfig> = {}, options: RunOptions = {}): Promise<Running<FakeTelegram>> {
  const fake = await startFakeTelegram();
  const { logger, lines } = capturingLogger(options.level ?? "debug");
  const rag = createFakeRag(options.rag);
  const inflight = createInflight();
  const ask = createAsk({ rag, limiter: createRateLimiter(PER_MINUTE), logger });
  const bot = createTelegramBot(
    { token: fake.token, allowedChats: [], apiRoot: fake.apiRoot, ...config },
    { ask, rag, logger, inflight },
    // Typing at once, so that which chats see it can be checked.
    { typingDelayMs: 0 },
  );
  cleanups.push(async () => {
    await bot.stop();
    await inflight.drain(2000);
    await fake.close();
  });
  await bot.start();
  return { fake, rag, inflight, bot, lines };
}

async function discord(config: Partial<DiscordConfig> = {}, options: RunOptions = {}): Promise<Running<FakeDiscord>> {
  const fake = await startFakeDiscord();
  const { logger, lines } = capturingLogger(options.level ?? "debug");
  const rag = createFakeRag(options.rag);
  const inflight = createInflight();
  const ask = createAsk({ rag, limiter: createRateLimiter(PER_MINUTE), logger });
  const bot = createDiscordBot({ token: fake.token, guildId: IDS.guild, allowedGuilds: [], apiBase: fake.apiBase, ...config }, { ask, rag, logger, inflight });
  cleanups.push(async () => {
    await bot.stop();
    await fake.close();
  });
  await bot.start();
  return { fake, rag, inflight, bot, lines };
}

const shown = (text: unknown): string => {
  const parsed = parseTelegramHtml(String(text));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.text;
};

const idle = (fake: FakeDiscord, inflight: Inflight): Promise<true> =>
  fake.waitFor(() => (inflight.size === 0 ? true : undefined), 10_000, "nothing in flight");

const user = (n: number): FakeUser => ({ id: String(520000000000000000n + BigInt(n)), username: `user${n}` });

describe("a flood of 100 messages", () => {
  it("Telegram: one user gets the allowed answers and one notice; another user is still answered", async () => {
    const { fake, rag, inflight } = await telegram();
    for (let i = 0; i < FLOOD; i++) fake.push(fake.privateUpdate(`Who is Michele Sison? #${i}`, { id: 3001 }));
    const other = fake.push(fake.privateUpdate("Who is Michele Sison?", { id: 3002 }));
    await fake.waitForSent(PER_MINUTE + 2, 10_000);
    await inflight.drain(5000);
    const flooder = fake.sent.filter((s) => s.params.chat_id === 3001).map((s) => shown(s.params.text));
    expect(flooder.filter((t) => t.includes(FAKE_QUOTES[0] ?? "?"))).toHaveLength(PER_MINUTE);
    expect(flooder.filter((t) => t.includes("faster than I can keep up"))).toHaveLength(1);
    expect(flooder).toHaveLength(PER_MINUTE + 1);
    expect(rag.questions.filter((q) => q.startsWith("Who is Michele Sison? #"))).toHaveLength(PER_MINUTE);
    expect(fake.sent.filter((s) => s.params.chat_id === other.message.chat.id)).toHaveLength(1);
  });

  // Once missed: the typing action started before the rate limit was checked, one platform call per flooded message.
  it("Telegram: sends no typing action for the messages it will not answer", async () => {
    const { fake, inflight } = await telegram();
    for (let i = 0; i < FLOOD; i++) fake.push(fake.privateUpdate(`Who is Michele Sison? #${i}`, { id: 3001 }));
    await fake.waitForSent(PER_MINUTE + 1, 10_000);
    await inflight.drain(5000);
    expect(fake.callsOf("sendChatAction").length).toBeLessThanOrEqual(PER_MINUTE + 1);
  });

  it("Telegram: a chat that is not allowed gets nothing and never reaches the core", async () => {
    const { fake, rag, inflight } = await telegram({ allowedChats: ["3002"] });
    for (let i = 0; i < FLOOD; i++) fake.push(fake.privateUpdate(`Who is Michele Sison? #${i}`, { id: 3001 }));
    fake.push(fake.privateUpdate("Who is Michele Sison?", { id: 3002 }));
    await fake.waitForSent(1);
    await inflight.drain(2000);
    expect(fake.sent.map((s) => s.params.chat_id)).toEqual([3002]);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
    expect(fake.callsOf("sendChatAction").map((c) => c.params.chat_id)).toEqual([3002]);
  });

  it("Discord: one user gets the allowed answers and one notice; another user is still answered", async () => {
    const { fake, rag, inflight } = await discord();
    const flood = Array.from({ length: FLOOD }, (_, i) => fake.guildMessage(`<@${IDS.bot}> Who is Michele Sison? #${i}`, { author: user(1) }));
    const other = fake.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: user(2) });
    await fake.waitFor(() => fake.messages.find((m) => m.messageReference?.["message_id"] === other), 10_000, "the other user's answer");
    await idle(fake, inflight);
    const replies = fake.messages.filter((m) => flood.includes(String(m.messageReference?.["message_id"])));
    expect(replies.filter((m) => m.content.includes(FAKE_QUOTES[0] ?? "?"))).toHaveLength(PER_MINUTE);
    expect(replies.filter((m) => m.content === en.rateLimited(60))).toHaveLength(1);
    expect(replies).toHaveLength(PER_MINUTE + 1);
    expect(rag.questions.filter((q) => q.includes("#"))).toHaveLength(PER_MINUTE);
  });

  it("Discord: sends no typing indicator for the messages it will not answer", async () => {
    const { fake, inflight } = await discord();
    for (let i = 0; i < FLOOD; i++) fake.guildMessage(`<@${IDS.bot}> Who is Michele Sison? #${i}`, { author: user(1) });
    await fake.waitFor(() => (fake.messages.length >= PER_MINUTE + 1 ? true : undefined), 10_000, "the replies");
    await idle(fake, inflight);
    // Typing requests are fire-and-forget and discord.js sends one per channel at a time: wait until they stop.
    for (let seen = -1, i = 0; seen !== fake.calls.length && i < 40; i++) {
      seen = fake.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const typing = fake.calls.filter((c) => c.route.endsWith("/typing")).length;
    expect(typing).toBeLessThanOrEqual(PER_MINUTE + 1);
  });

  it("Discord: a guild that is not allowed gets nothing and never reaches the core", async () => {
    const { fake, rag, inflight } = await discord({ allowedGuilds: [IDS.guild] });
    for (let i = 0; i < FLOOD; i++) fake.guildMessage(`<@${IDS.bot}> Who is Michele Sison? #${i}`, { author: user(1), guildId: IDS.otherGuild });
    const allowed = fake.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: user(2) });
    await fake.waitFor(() => fake.messages.find((m) => m.messageReference?.["message_id"] === allowed), 10_000, "the allowed answer");
    await idle(fake, inflight);
    expect(fake.messages).toHaveLength(1);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
  });
});

describe("Discord: an interaction delivered too late to acknowledge", () => {
  it("is logged (without its token) and the bot keeps answering", async () => {
    const { fake, inflight, lines } = await discord();
    const late = fake.command("ask", { values: { question: "Who is Michele Sison?" }, ageMs: 3500 });
    await fake.waitFor(() => (fake.calls.filter((c) => c.route.startsWith(`/interactions/${late}/`)).length >= 2 ? true : undefined), 10_000, "the deferral and the apology");
    await idle(fake, inflight);
    const attempts = fake.calls.filter((c) => c.route.startsWith(`/interactions/${late}/`));
    expect(attempts.map((c) => c.status)).toEqual([404, 404]); // Discord: "Unknown interaction" for both
    expect(fake.messages.filter((m) => m.interactionId === late)).toEqual([]);
    const logs = parsedLogs(lines);
    expect(logs.some((l) => l.msg === "answering failed" && JSON.stringify(l).includes("Unknown interaction"))).toBe(true);
    expect(lines.join("")).not.toContain(attempts[0]?.route.split("/")[3] ?? "?");

    const next = fake.command("ask", { values: { question: "Who is Michele Sison?" } });
    const answer = await fake.waitFor(() => fake.messages.find((m) => m.interactionId === next), 10_000, "the next answer");
    expect(answer.content).toContain(FAKE_QUOTES[0]);
  });
});

describe("secrets in errors", () => {
  it("Telegram: start() with a wrong token, or an unreachable API, fails with errors that do not contain the token", async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const { logger, lines } = capturingLogger("debug");
    const rag = createFakeRag();
    const deps = { ask: createAsk({ rag, limiter: createRateLimiter(PER_MINUTE), logger }), rag, logger, inflight: createInflight() };
    const base: TelegramConfig = { token: "", allowedChats: [], apiRoot: fake.apiRoot };
    const wrong = "999999:WRONG-token_abcdefghijklmnopqrst";
    const closed = await startFakeTelegram();
    await closed.close();
    for (const config of [{ ...base, token: wrong }, { ...base, token: wrong, apiRoot: closed.apiRoot }]) {
      const bot = createTelegramBot(config, deps);
      const error = await bot.start().then(
        () => undefined,
        (e: unknown) => e,
      );
      await bot.stop();
      expect(error).toBeInstanceOf(Error);
      const everything = `${String(error)}\n${(error as Error).stack ?? ""}\n${JSON.stringify(error)}\n${String((error as Error).cause)}`;
      expect(everything).not.toContain("WRONG-token");
    }
    expect(lines.join("")).not.toContain("WRONG-token");
  });
});

describe("questions are not logged at the default level (info)", () => {
  const SECRET_QUESTION = "Who is Michele Sison? zebra-marker-4711";
  const failing = "explode zebra-marker-4711";

  it("Telegram: answered, failed, refused by Telegram, rate-limited", async () => {
    const { fake, inflight, lines } = await telegram({}, { level: "info" });
    fake.push(fake.privateUpdate(SECRET_QUESTION));
    fake.push(fake.privateUpdate(failing));
    await fake.waitForSent(2);
    fake.fail("sendMessage", faults.badRequest("chat not found"));
    fake.push(fake.privateUpdate(SECRET_QUESTION));
    await fake.waitForSent(3);
    for (let i = 0; i < PER_MINUTE; i++) fake.push(fake.privateUpdate(SECRET_QUESTION));
    await fake.waitForSent(5);
    await inflight.drain(2000);
    const logs = parsedLogs(lines);
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["answered", "answering failed", "handling a Telegram update failed", "rate limited"]));
    expect(lines.join("")).not.toContain("zebra-marker");
  });

  it("Discord: answered, failed, refused by Discord, rate-limited, as mentions and /ask", async () => {
    const { fake, inflight, lines } = await discord({}, { level: "info" });
    fake.guildMessage(`<@${IDS.bot}> ${SECRET_QUESTION}`);
    fake.command("ask", { values: { question: failing } });
    fake.failNext({ method: "POST", route: /^\/channels\/\d+\/messages$/u, status: 403, body: { message: "Missing Permissions", code: 50013 } });
    fake.directMessage(SECRET_QUESTION);
    for (let i = 0; i < PER_MINUTE; i++) fake.command("ask", { values: { question: SECRET_QUESTION } });
    await fake.waitFor(() => (fake.messages.some((m) => m.content === en.rateLimited(60)) ? true : undefined), 10_000, "the rate-limit notice");
    await idle(fake, inflight);
    const logs = parsedLogs(lines);
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["answered", "answering failed", "rate limited"]));
    expect(lines.join("")).not.toContain("zebra-marker");
  });
});

describe("a platform that refuses the bot for good", () => {
  it("Telegram: polling refused with a 4xx ends in onFatal, so main can exit for a supervisor to restart it", async () => {
    const fake = await startFakeTelegram();
    const { logger } = capturingLogger("debug");
    const rag = createFakeRag();
    const inflight = createInflight();
    const fatal: unknown[] = [];
    fake.fail("getUpdates", faults.badRequest("bot was blocked"), 50);
    const bot = createTelegramBot(
      { token: fake.token, allowedChats: [], apiRoot: fake.apiRoot },
      { ask: createAsk({ rag, limiter: createRateLimiter(PER_MINUTE), logger }), rag, logger, inflight, onFatal: (e) => fatal.push(e) },
    );
    cleanups.push(async () => {
      await bot.stop();
      await fake.close();
    });
    await bot.start();
    await fake.waitForCalls("getUpdates", 1, 5000);
    for (let i = 0; i < 100 && fatal.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fatal).toHaveLength(1);
  });

  it("Discord: slash commands refused (no applications.commands scope) is a warning; mentions are still answered", async () => {
    const fake = await startFakeDiscord();
    fake.failNext({ method: "PUT", route: /\/commands$/u, status: 403, body: { message: "Missing Access", code: 50001 } });
    const { logger, lines } = capturingLogger("debug");
    const rag = createFakeRag();
    const inflight = createInflight();
    const bot = createDiscordBot(
      { token: fake.token, guildId: IDS.guild, allowedGuilds: [], apiBase: fake.apiBase },
      { ask: createAsk({ rag, limiter: createRateLimiter(PER_MINUTE), logger }), rag, logger, inflight },
    );
    cleanups.push(async () => {
      await bot.stop();
      await fake.close();
    });
    await bot.start();
    expect(parsedLogs(lines).some((l) => l.level === 40 && String(l.msg).startsWith("slash commands could not be registered"))).toBe(true);
    const question = fake.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    const reply = await fake.waitFor(() => fake.messages.find((m) => m.messageReference?.["message_id"] === question), 10_000, "the reply");
    expect(reply.content).toContain(FAKE_QUOTES[0] ?? "?");
  });
});
