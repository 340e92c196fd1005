/**
 * The Discord adapter driven by the real discord.js Client against the local fake Discord (REST + Gateway).
 */
import { Writable } from "node:stream";
import { Client } from "discord.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { createDiscordBot, DiscordClosedError, questionText, type DiscordBotOptions } from "../../src/bots/discord.js";
import { createInflight, type Inflight } from "../../src/bots/inflight.js";
import { messages } from "../../src/bots/messages.js";
import { createRateLimiter, PRESS_LIMIT } from "../../src/bots/rate-limit.js";
import { TokenRefusedError, type BotHandle } from "../../src/bots/types.js";
import type { DiscordConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createRag, type ConversationTurn } from "../../src/rag/index.js";
import { createState, type BotState } from "../../src/state/index.js";
import { createFakeRag, FAKE_QUOTES, type FakeRag, type FakeRagOptions } from "../fakes/fake-rag.js";
import { startFakeOpenAI, threeSentences } from "../fakes/openai-server.js";
import { tempProject } from "../helpers/project.js";
import { IDS, startFakeDiscord, type FakeDiscord, type FakeUser, type SentMessage } from "../fakes/discord-server.js";

const en = messages("en");
const NO_PINGS = { parse: [], replied_user: false };
const MESSAGE_CONTENT_INTENT = 1 << 15;
/** MessageFlags.SuppressEmbeds: links in the message get no preview. */
const SUPPRESS_EMBEDS = 1 << 2;

interface Harness {
  readonly discord: FakeDiscord;
  readonly rag: FakeRag;
  readonly bot: BotHandle;
  readonly inflight: Inflight;
  readonly state: BotState;
  /** Every log line the adapter and the ask flow wrote (unredacted: the logger is given no secrets). */
  readonly logs: string[];
}

const running: Harness[] = [];

/** A logger at `level` whose lines (JSON, one a string) are collected in `logs`. */
function collectingLogger(level: "debug" | "info"): { logger: ReturnType<typeof createLogger>; logs: string[] } {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level, secrets: [], destination }), logs };
}

async function setup(
  options: {
    config?: Partial<DiscordConfig>;
    rag?: FakeRagOptions;
    perMinute?: number;
    heartbeatIntervalMs?: number;
    bot?: DiscordBotOptions;
    state?: Omit<Parameters<typeof createState>[0], "logger">;
    onFatal?: (error: unknown) => void;
    /** Close code with which the gateway refuses the bot's first IDENTIFY. */
    refuseIdentify?: number;
    /** Readies the fake before the bot starts (a fault injected into the start, say). */
    prepare?: (discord: FakeDiscord) => void;
  } = {},
): Promise<Harness> {
  const discord = await startFakeDiscord(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {});
  if (options.refuseIdentify !== undefined) discord.refuseIdentify(options.refuseIdentify);
  options.prepare?.(discord);
  const { logger, logs } = collectingLogger("debug");
  const rag = createFakeRag(options.rag);
  const inflight = createInflight();
  const state = createState({ logger, ...options.state });
  const ask = createAsk({ rag, limiter: createRateLimiter(options.perMinute ?? 100), logger, state });
  const config: DiscordConfig = { token: discord.token, guildId: IDS.guild, allowedGuilds: [], apiBase: discord.apiBase, ...options.config };
  // Typing at once by default, so tests see it whatever the machine's speed; the delay has tests of its own.
  const bot = createDiscordBot(config, { ask, rag, logger, inflight, ...(options.onFatal ? { onFatal: options.onFatal } : {}) }, { typingDelayMs: 0, ...options.bot });
  const harness = { discord, rag, bot, inflight, state, logs };
  running.push(harness);
  await bot.start();
  return harness;
}

afterEach(async () => {
  for (const { bot, discord, logs } of running.splice(0)) {
    await bot.stop();
    await discord.close();
    // Whatever happened in the test, the bot token never reached a log line.
    expect(logs.join("")).not.toContain(discord.token);
  }
});

const repliesTo = (discord: FakeDiscord, id: string): SentMessage[] =>
  discord.messages.filter((m) => m.messageReference?.["message_id"] === id);

const replyTo = (discord: FakeDiscord, id: string): Promise<SentMessage> =>
  discord.waitFor(() => repliesTo(discord, id)[0], 10_000, `a reply to message ${id}`);

const byInteraction = (discord: FakeDiscord, id: string): SentMessage[] => discord.messages.filter((m) => m.interactionId === id);

/** Waits until nothing is in flight, so "no reply" can be asserted after the fact. */
const settled = (h: Harness): Promise<true> => h.discord.waitFor(() => (h.inflight.size === 0 ? true : undefined), 10_000, "idle");

const user = (n: number): FakeUser => ({ id: `50000000000000010${n}`, username: `user${n}` });

/** Counts every call made from now on to `state`'s stores (button payloads and votes, feedback, conversations, de-duplication). */
function stateCalls(state: BotState): () => number {
  const stores = [state.buttons, state.feedback, state.conversations, state.updates] as unknown as Record<string, (...args: unknown[]) => unknown>[];
  const spies = stores.flatMap((store) => Object.keys(store).filter((key) => typeof store[key] === "function").map((key) => vi.spyOn(store, key)));
  return () => spies.reduce((calls, spy) => calls + spy.mock.calls.length, 0);
}

describe("Discord bot: start", () => {
  it("registers /ask, /help and /about in the configured guild", async () => {
    const { discord } = await setup();
    expect(discord.commands.get(IDS.guild)?.map((c) => c["name"])).toEqual(["ask", "help", "about"]);
    expect(discord.commands.has("global")).toBe(false);
    const ask = discord.commands.get(IDS.guild)?.[0];
    expect(ask?.["options"]).toMatchObject([{ name: "question", type: 3, required: true }]);
    expect(discord.calls.some((c) => c.method === "PUT" && c.route === `/applications/${IDS.bot}/guilds/${IDS.guild}/commands`)).toBe(true);
  });

  it("limits /ask's question to the core's length (maxQuestionChars), so that Discord stops a longer one before it is sent", async () => {
    const { discord } = await setup({ bot: { maxQuestionChars: 300 } });
    const [ask] = discord.commands.get(IDS.guild) ?? [];
    expect(ask?.["options"]).toMatchObject([{ name: "question", type: 3, required: true, max_length: 300 }]);
  });

  it("registers the commands globally when no guild is configured", async () => {
    const { discord } = await setup({ config: { guildId: undefined } });
    expect(discord.commands.get("global")?.map((c) => c["name"])).toEqual(["ask", "help", "about"]);
  });

  it("start() does not wait past commandsWaitMs for the slash commands (a long 429): they are registered in the background meanwhile", async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = await setup({ bot: { commandsWaitMs: 50 }, prepare: (discord) => discord.delayNext({ method: "PUT", route: /\/commands$/u, until: held }) });
    // start() has returned while Discord still holds the registration, unanswered.
    const put = await h.discord.waitFor(() => h.discord.calls.find((c) => c.method === "PUT"), 5000, "the registration");
    expect(put.status).toBe(0);
    expect(h.discord.commands.size).toBe(0);
    expect((await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`))).content).toContain(FAKE_QUOTES[0]);
    release();
    await h.discord.waitFor(() => h.discord.commands.get(IDS.guild), 5000, "the commands registered");
    await h.discord.waitFor(() => (h.logs.some((l) => l.includes('"msg":"slash commands registered"')) ? true : undefined), 5000, "the registration logged");
    expect(put.status).toBe(200);
  });

  it("connects with plain JSON, without the privileged Message Content intent, and heartbeats", async () => {
    const { discord } = await setup({ heartbeatIntervalMs: 50 });
    expect(discord.gateway.connections).toEqual(["/?v=10&encoding=json"]);
    expect(discord.gateway.identifies).toBe(1);
    expect(discord.gateway.intents & MESSAGE_CONTENT_INTENT).toBe(0);
    await discord.waitFor(() => (discord.gateway.heartbeats >= 3 ? true : undefined), 5000, "three heartbeats");
    // Every heartbeat was acknowledged, so the client never took the connection for a zombie and reconnected.
    expect(discord.gateway.connections).toHaveLength(1);
  });

  it("start() rejects a gateway refusal (4014) with a DiscordClosedError naming the code, and nothing is fatal yet", async () => {
    const fatal: unknown[] = [];
    const error = await setup({ refuseIdentify: 4014, onFatal: (e) => fatal.push(e) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiscordClosedError);
    expect(error).toMatchObject({ code: 4014 });
    expect(String(error)).toContain("4014 (DisallowedIntents)");
    expect(fatal).toEqual([]);
  });

  it("start() rejects a wrong token with an error that does not contain it", async () => {
    const wrong = "wrong.discord.token-abcdefghij";
    const error = await setup({ config: { token: wrong } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // A refused token, typed so that it is not tried again (src/bots/restart.ts).
    expect(error).toBeInstanceOf(TokenRefusedError);
    expect(error).toMatchObject({ variable: "DISCORD_TOKEN" });
    expect(String(error)).not.toContain(wrong);
    expect((error as Error).stack).not.toContain(wrong);
  });

  it("start() rejects the gateway's 4004 (the token reset) as a refused token, naming the variable", async () => {
    const error = await setup({ refuseIdentify: 4004 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenRefusedError);
    expect(String(error)).toContain("Discord refused DISCORD_TOKEN: Discord closed the gateway with 4004 (AuthenticationFailed)");
    expect((error as Error).cause).toBeInstanceOf(DiscordClosedError);
  });

  it("a gateway closed for good (4004: the token was reset) ends in onFatal; a close it resumes from does not", async () => {
    const fatal: unknown[] = [];
    const { discord, logs } = await setup({ onFatal: (e) => fatal.push(e) });
    discord.disconnect(4000);
    await discord.waitFor(() => (discord.gateway.resumes === 1 ? true : undefined), 5000, "the session to resume");
    expect((await replyTo(discord, discord.directMessage("Who is Michele Sison?"))).content).toContain(FAKE_QUOTES[0]);
    expect(fatal).toEqual([]);

    discord.disconnect(4004);
    const [error] = await discord.waitFor(() => (fatal.length > 0 ? fatal : undefined), 5000, "onFatal");
    expect(error).toBeInstanceOf(DiscordClosedError);
    expect(error).toMatchObject({ code: 4004 });
    expect(String(error)).toContain("4004 (AuthenticationFailed): DISCORD_TOKEN is wrong or was reset");
    expect(fatal).toHaveLength(1);
    expect(logs.join("")).toContain("Discord closed the gateway for good");
  });

  it("stop() lets an answer in flight reach Discord, then closes the gateway connection", async () => {
    const h = await setup({ rag: { delayMs: 300 } });
    running.splice(running.indexOf(h), 1);
    const id = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await h.discord.waitFor(() => (h.rag.questions.length === 1 ? true : undefined), 5000, "the core to be asked");
    await expect(h.bot.stop()).resolves.toBeUndefined();
    expect(repliesTo(h.discord, id)[0]?.content).toContain(FAKE_QUOTES[0]);
    await h.discord.waitFor(() => (h.discord.gateway.open === 0 ? true : undefined), 5000, "the connection to close");
    await h.discord.close();
  });

  it("under steady traffic, stop() takes on questions only in the first half of its grace and answers every one it took", async () => {
    const h = await setup({ rag: { delayMs: 300 } });
    running.splice(running.indexOf(h), 1);
    const asked: string[] = [];
    const traffic = setInterval(() => asked.push(h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`)), 50);
    try {
      await h.discord.waitFor(() => (h.rag.questions.length > 0 ? true : undefined), 5000, "the first question");
      await h.bot.stop(1000);
    } finally {
      clearInterval(traffic);
    }
    const answered = asked.filter((id) => repliesTo(h.discord, id).length > 0);
    // Every question taken on was answered before the connection closed: none failed or was apologised for.
    expect(answered).toHaveLength(h.rag.questions.length);
    expect(h.logs.join("")).not.toContain("answering failed");
    expect(answered.length).toBeLessThan(asked.length);
    await h.discord.close();
  });

  it("answers a question asked during stop()'s grace: Discord would never deliver it again", async () => {
    const h = await setup({ rag: { delayMs: 300 } });
    running.splice(running.indexOf(h), 1);
    const first = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await h.discord.waitFor(() => (h.rag.questions.length === 1 ? true : undefined), 5000, "the core to be asked");
    const stopped = h.bot.stop();
    const during = h.discord.guildMessage(`<@${IDS.bot}> What did the envoy say?`);
    await stopped;
    expect(repliesTo(h.discord, first)[0]?.content).toContain(FAKE_QUOTES[0]);
    expect(repliesTo(h.discord, during)[0]?.content).toContain(FAKE_QUOTES[0]);
    await h.discord.close();
  });
});

describe("Discord bot: mentions and direct messages", () => {
  it("answers a mention as a reply with verbatim quotes, their citations, typing, and no pings", async () => {
    const { discord, rag } = await setup({ rag: { delayMs: 200 } });
    const id = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    const reply = await replyTo(discord, id);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
    expect(reply.channelId).toBe(IDS.channel);
    expect(reply.content).toContain(`> [1] ${FAKE_QUOTES[0]}`);
    expect(reply.content).toContain("[1] seeds/fake-briefing.md, paragraph 1");
    expect(reply.content).toContain("[2] seeds/fake-briefing.md, tweet by @State\\_IO, 23 Jan 2023");
    expect(reply.allowedMentions).toEqual(NO_PINGS);
    expect(discord.calls.some((c) => c.method === "POST" && c.route === `/channels/${IDS.channel}/typing`)).toBe(true);
  });

  it("answers a direct message as a reply", async () => {
    const { discord } = await setup();
    const id = discord.directMessage("Who is Michele Sison?");
    const reply = await replyTo(discord, id);
    expect(reply.channelId).toBe(IDS.dmChannel);
    expect(reply.content).toContain(FAKE_QUOTES[0]);
    expect(reply.allowedMentions).toEqual(NO_PINGS);
  });

  it("answers an Arabic question in Arabic", async () => {
    const { discord } = await setup();
    const reply = await replyTo(discord, discord.directMessage("من هي ميشال سيسون؟"));
    expect(reply.content.split("\n")[0]).toBe(messages("ar").intro);
    expect(reply.content).toContain(messages("ar").sources);
  });

  it("ignores messages from bots, including its own, and guild messages that do not mention it", async () => {
    const h = await setup();
    const otherBot: FakeUser = { id: "600000000000000001", username: "other-bot", bot: true };
    const self: FakeUser = { id: IDS.bot, username: "briefing-bot", bot: true };
    const ignored = [
      h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: otherBot }),
      h.discord.directMessage("Who is Michele Sison?", { author: otherBot }),
      h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: self }),
      h.discord.guildMessage("Who is Michele Sison?"),
    ];
    await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> and now?`));
    await settled(h);
    for (const id of ignored) expect(repliesTo(h.discord, id)).toEqual([]);
    expect(h.rag.questions).toEqual(["and now?"]);
  });

  it("answers a mention of its managed role (the bot's name picked as a role in the autocomplete), the role tag not in the question", async () => {
    const { discord, rag } = await setup();
    const reply = await replyTo(discord, discord.guildMessage(`<@&${IDS.botRole}> Who is Michele Sison?`));
    expect(reply.content).toContain(FAKE_QUOTES[0]);
    expect(reply.allowedMentions).toEqual(NO_PINGS);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
  });

  it("strips both the bot's and its managed role's tags from a question that mentions both", async () => {
    const { discord, rag } = await setup();
    await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> <@&${IDS.botRole}> Who is Michele Sison?`));
    await replyTo(discord, discord.guildMessage(`<@!${IDS.bot}> What did the envoy say? <@&${IDS.botRole}>`, { author: user(2) }));
    expect(rag.questions).toEqual(["Who is Michele Sison?", "What did the envoy say?"]);
  });

  it("ignores mentions of other roles, even one it holds (@Moderators), and its managed role of another guild", async () => {
    const h = await setup();
    const ignored = [
      h.discord.guildMessage(`<@&${IDS.moderators}> Who is Michele Sison?`),
      h.discord.guildMessage(`<@&${IDS.readers}> Who is Michele Sison?`),
      // Not a role of this guild: Discord leaves it out of mention_roles.
      h.discord.guildMessage(`<@&${IDS.otherBotRole}> Who is Michele Sison?`),
    ];
    await replyTo(h.discord, h.discord.guildMessage(`<@&${IDS.botRole}> and now?`));
    await settled(h);
    for (const id of ignored) expect(repliesTo(h.discord, id)).toEqual([]);
    expect(h.rag.questions).toEqual(["and now?"]);
  });

  it("answers a mention with nothing else in it with the usage text", async () => {
    const { discord } = await setup();
    const reply = await replyTo(discord, discord.guildMessage(`<@!${IDS.bot}>`));
    expect(reply.content).toBe(en.usage);
  });

  it("declines a question the briefing does not cover", async () => {
    const { discord } = await setup();
    const reply = await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> What is the capital of France?`));
    expect(reply.content).toBe(en.declined);
  });

  it("tells the asker when a question is too long", async () => {
    const { discord } = await setup({ rag: { maxQuestionChars: 50 } });
    const reply = await replyTo(discord, discord.directMessage("why ".repeat(30)));
    expect(reply.content).toBe(en.tooLong(50));
  });

  it("splits a long answer into replies of at most 2000 characters, each part a reply to the one before", async () => {
    const { discord } = await setup();
    const id = discord.guildMessage(`<@${IDS.bot}> tell me the long story`);
    await discord.waitFor(() => discord.messages.find((m) => m.content.includes("[3] seeds/fake-briefing.md")), 10_000, "the last part");
    const parts = discord.messages.filter((m) => m.channelId === IDS.channel);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.map((p) => p.messageReference?.["message_id"])).toEqual([id, ...parts.slice(0, -1).map((p) => p.id)]);
    for (const part of parts) {
      expect(part.content.length).toBeLessThanOrEqual(2000);
      expect(part.allowedMentions).toEqual(NO_PINGS);
    }
  });

  it("tells a user over the rate limit once, then stays silent, while others are still answered", async () => {
    const h = await setup({ perMinute: 1 });
    const first = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    const second = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    const third = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await replyTo(h.discord, h.discord.directMessage("Who is Michele Sison?", { author: user(1) }));
    await settled(h);
    expect(repliesTo(h.discord, first)[0]?.content).toContain(FAKE_QUOTES[0]);
    expect(repliesTo(h.discord, second).map((m) => m.content)).toEqual([en.rateLimited(60)]);
    expect(repliesTo(h.discord, third)).toEqual([]);
  });

  it("apologises when the core throws, and answers the next question", async () => {
    const { discord } = await setup();
    const apology = await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> please explode`));
    expect(apology.content).toBe(en.failed);
    const next = await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    expect(next.content).toContain(FAKE_QUOTES[0]);
  });

  it("sends answers as plain messages where it may not reply (no Read Message History), trying a reply once", async () => {
    const h = await setup();
    h.discord.refuseReplies(IDS.channel);
    h.discord.guildMessage(`<@${IDS.bot}> tell me the long story`);
    await h.discord.waitFor(() => h.discord.messages.find((m) => m.content.includes("[3] seeds/fake-briefing.md")), 10_000, "the last part");
    h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await h.discord.waitFor(() => h.discord.messages.find((m) => m.content.includes(FAKE_QUOTES[0] ?? "?")), 10_000, "the second answer");
    await settled(h);
    const parts = h.discord.messages.filter((m) => m.channelId === IDS.channel);
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.every((m) => m.messageReference === undefined)).toBe(true);
    // One refused reply for the channel, then plain messages only: 403s count toward Discord's invalid-request limit.
    expect(h.discord.calls.filter((c) => c.status === 403)).toHaveLength(1);
    expect(h.logs.join("").match(/cannot reply without Read Message History/gu)).toHaveLength(1);
    expect(h.logs.join("")).not.toContain("answering failed");
  });

  it("apologises when Discord rejects the answer, logs it without tokens, and keeps running", async () => {
    const h = await setup();
    h.discord.failNext({ method: "POST", route: /^\/channels\/\d+\/messages$/u, status: 400, body: { message: "Invalid Form Body", code: 50035 } });
    const id = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    const apology = await replyTo(h.discord, id);
    expect(apology.content).toBe(en.failed);
    expect(h.logs.join("")).toContain("Invalid Form Body");
    const next = await replyTo(h.discord, h.discord.directMessage("Who is Michele Sison?"));
    expect(next.content).toContain(FAKE_QUOTES[0]);
  });

  it("sends no apology where Discord refuses the bot's messages (50013, 50001, 50007), logging one warning each, and keeps running", async () => {
    const h = await setup();
    const refusals = [
      { channel: IDS.channel, status: 403, body: { message: "Missing Permissions", code: 50013 } },
      { channel: IDS.otherChannel, status: 403, body: { message: "Missing Access", code: 50001 } },
      { channel: IDS.dmChannel, status: 403, body: { message: "Cannot send messages to this user", code: 50007 } },
    ];
    // Each channel refuses every message, an apology as the answer: as Discord does.
    for (const { channel, status, body } of refusals) h.discord.failNext({ method: "POST", route: new RegExp(`^/channels/${channel}/messages$`, "u"), status, body, times: 5 });
    h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { guildId: IDS.otherGuild });
    h.discord.directMessage("Who is Michele Sison?");
    await h.discord.waitFor(() => (h.discord.calls.filter((c) => c.status === 403).length >= 3 ? true : undefined), 10_000, "three refused answers");
    await settled(h);
    const posts = h.discord.calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/u.test(c.route));
    expect(posts.map((c) => c.route).sort()).toEqual(refusals.map((r) => `/channels/${r.channel}/messages`).sort());
    const lines = h.logs.map((line) => JSON.parse(line) as { level: number; msg: string; channelId?: string });
    const refused = lines.filter((l) => l.msg.startsWith("Discord refused the answer"));
    expect(refused.map((l) => [l.level, l.channelId]).sort()).toEqual(refusals.map((r) => [40, r.channel]).sort());
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    const next = await replyTo(h.discord, h.discord.directMessage("Who is Michele Sison?", { author: user(3), channelId: "400000000000000009" }));
    expect(next.content).toContain(FAKE_QUOTES[0]);
  });

  it("asks the core the question without Discord's tags for people, channels and emoji, a time tag as its date, without a typed /ask", async () => {
    // Found by a review: "<@5000…> <#3000…>" went to the core, whose numbers found unrelated tweets.
    const h = await setup();
    h.discord.guildMessage(`<@${IDS.bot}> <@500000000000000001> <#300000000000000001> who is Michele Sison? <:pepe:123456789012345678>`);
    h.discord.directMessage("/ask What did Sison say about Mali?");
    const id = h.discord.command("ask", { values: { question: "<@&400000000000000001> and about Algeria?" } });
    await h.discord.waitFor(() => (h.rag.questions.length === 3 ? true : undefined), 5000, "the three questions");
    expect([...h.rag.questions].sort()).toEqual(["What did Sison say about Mali?", "and about Algeria?", "who is Michele Sison?"]);
    expect(questionText("/ask")).toBe(""); // the command's name alone: the usage, not a search for "ask"
    expect(questionText("What happened on <t:1674432000:D>?")).toBe("What happened on 2023-01-23?"); // the date the reader sees
    await settled(h);
    expect(byInteraction(h.discord, id)[0]?.content).toMatch(/^❓ and about Algeria\?/u);
  });

  it("waits out a 429 with retry-after on message create and delivers the answer once", async () => {
    const h = await setup();
    const { discord } = h;
    discord.failNext({
      method: "POST",
      route: /^\/channels\/\d+\/messages$/u,
      status: 429,
      headers: { "retry-after": "0.3", "x-ratelimit-scope": "user" },
      body: { message: "You are being rate limited.", retry_after: 0.3, global: false },
    });
    const id = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await replyTo(discord, id);
    // Its handling done (an apology or a second send included), the bot sends nothing more for this message.
    await settled(h);
    expect(repliesTo(discord, id)).toHaveLength(1);
    const attempts = discord.calls.filter((c) => c.method === "POST" && c.route === `/channels/${IDS.channel}/messages`);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  });

  it("posts an answer once though Discord's response to its create was lost (502): the create sent again carries the same enforced nonce", async () => {
    const h = await setup();
    // Discord posts the answer, but the response is lost on its way back: discord.js sends the create again.
    h.discord.failNext({ method: "POST", route: /^\/channels\/\d+\/messages$/u, status: 502, responseLost: true });
    const id = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    expect((await replyTo(h.discord, id)).content).toContain(FAKE_QUOTES[0]);
    await settled(h);
    expect(repliesTo(h.discord, id)).toHaveLength(1);
    const creates = h.discord.calls.filter((c) => c.method === "POST" && c.route === `/channels/${IDS.channel}/messages`);
    expect(creates.map((c) => c.status)).toEqual([502, 200]);
    expect(creates.map((c) => c.body?.["enforce_nonce"])).toEqual([true, true]);
    expect(creates[1]?.body?.["nonce"]).toBe(creates[0]?.body?.["nonce"]);
    expect(h.logs.join("")).not.toContain("answering failed");
  });

  it("logs discord.js's warning about many refused requests (Discord bans an IP address past 10,000 in 10 minutes)", async () => {
    // Every third refused request: three in a row cross the count once, whatever earlier tests counted.
    const h = await setup({ bot: { invalidRequestWarningEvery: 3 } });
    h.discord.failNext({ method: "POST", route: /^\/channels\/\d+\/messages$/u, status: 403, body: { message: "Missing Permissions", code: 50013 }, times: 3 });
    for (let i = 0; i < 3; i++) {
      h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: user(i) });
      await h.discord.waitFor(() => (h.discord.calls.filter((c) => c.status === 403).length > i ? true : undefined), 10_000, "a refused answer");
    }
    await settled(h);
    const lines = h.logs.map((line) => JSON.parse(line) as { level: number; msg: string; count?: number });
    const warned = lines.filter((l) => l.msg.startsWith("Discord refused many requests from this bot lately"));
    expect(warned).toHaveLength(1);
    expect(warned[0]?.level).toBe(40);
    expect((warned[0]?.count ?? 0) % 3).toBe(0);
  });

  it("resumes the gateway session closed mid-answer, delivers that answer and answers what was asked meanwhile", async () => {
    const { discord, rag } = await setup({ rag: { delayMs: 300 } });
    const before = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await discord.waitFor(() => (rag.questions.length === 1 ? true : undefined), 5000, "the core to be asked");
    discord.disconnect(4000);
    const during = discord.guildMessage(`<@${IDS.bot}> and the envoy?`);
    expect((await replyTo(discord, before)).content).toContain(FAKE_QUOTES[0]);
    expect((await replyTo(discord, during)).content).toContain(FAKE_QUOTES[0]);
    expect(discord.gateway.resumes).toBe(1);
    expect(discord.gateway.identifies).toBe(1);
    expect(discord.gateway.connections[1]).toMatch(/^\/resume\?v=10/u);
    expect((await replyTo(discord, discord.directMessage("and after?"))).content).toContain(FAKE_QUOTES[0]);
  });
});

describe("Discord bot: link previews", () => {
  /** What kind of send each request that creates or edits a message's content is, with the flags it sets. */
  const contentCalls = (discord: FakeDiscord): { kind: string; flags: number }[] =>
    discord.calls.flatMap((c) => {
      // An interaction reply nests the message in `data`.
      const data = (c.route.endsWith("/callback") ? c.body?.["data"] : c.body) as Record<string, unknown> | undefined;
      if ((c.method !== "POST" && c.method !== "PATCH") || typeof data?.["content"] !== "string") return [];
      const kind = c.route.startsWith("/channels/")
        ? `channel ${c.method}`
        : c.route.endsWith("/callback")
          ? "interaction reply"
          : c.route.endsWith("/@original")
            ? "interaction edit"
            : "follow-up";
      return [{ kind, flags: Number(data["flags"] ?? 0) }];
    });

  it("are suppressed on every reply, edit, follow-up and interaction reply, so links in questions and quotes stay text", async () => {
    const h = await setup();
    const { discord } = h;
    const link = "Is https://evil.example/shock.gif in the briefing? discord.gg/abcdef";
    const answer = await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> ${link}`));
    discord.guildMessage(`<@${IDS.bot}> tell me the long story`);
    const ask = discord.command("ask", { values: { question: link } });
    discord.command("ask", { values: { question: "the long story, please" } });
    discord.command("help");
    const click = discord.click(answer.id, discord.buttonsOf(answer)[0]?.[0] ?? "");
    await discord.waitFor(() => byInteraction(discord, click)[0], 10_000, "the passage");
    await discord.waitFor(() => (byInteraction(discord, ask)[0]?.content.includes("evil.example") ? true : undefined), 10_000, "the /ask answer");
    await settled(h);
    const calls = contentCalls(discord);
    // Replies and the rest of a long answer, /help's reply, the /ask edits (one the passage's), the /ask follow-ups.
    expect(new Set(calls.map((c) => c.kind))).toEqual(new Set(["channel POST", "interaction reply", "interaction edit", "follow-up"]));
    for (const call of calls) expect(call.flags & SUPPRESS_EMBEDS, call.kind).toBe(SUPPRESS_EMBEDS);
  });
});

describe("Discord bot: link previews in an apology", () => {
  it("are suppressed on the apology edited into a deferred reply, as on every other edit", async () => {
    const h = await setup();
    const answer = await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    h.rag.passage = () => {
      throw new Error("the passage store failed");
    };
    const click = h.discord.click(answer.id, h.discord.buttonsOf(answer)[0]?.[0] ?? "");
    await h.discord.waitFor(() => byInteraction(h.discord, click)[0], 10_000, "the apology");
    await settled(h);
    const edits = h.discord.calls.filter((c) => c.method === "PATCH" && c.route.endsWith("/messages/@original"));
    expect(edits.map((c) => c.body?.["content"])).toEqual([en.failed]);
    expect(Number(edits[0]?.body?.["flags"] ?? 0) & SUPPRESS_EMBEDS).toBe(SUPPRESS_EMBEDS);
  });
});

describe("Discord bot: slash commands", () => {
  it("/ask is deferred at once, then the thinking message is edited into the answer", async () => {
    const { discord } = await setup();
    const id = discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    const edit = await discord.waitFor(() => byInteraction(discord, id).find((m) => m.content.includes(FAKE_QUOTES[0] ?? "")));
    expect(discord.callbacks.get(id)).toEqual({ type: 5, status: 204 });
    expect(edit.via).toBe("interaction-edit");
    expect(edit.content.split("\n")[0]).toBe("❓ Who is Michele Sison?");
    expect(edit.allowedMentions).toEqual(NO_PINGS);
    expect(discord.calls.filter((c) => c.route.endsWith("/messages/@original")).map((c) => `${c.method} ${c.status}`)).toEqual(["PATCH 200"]);
  });

  it("/ask is acknowledged before any call to the shared state: a slow Redis cannot make it miss Discord's 3 s", async () => {
    const h = await setup();
    const claim = h.state.updates.first;
    // A claim that takes 2.5 s, as a slow but live Redis may (each call is bounded at 1 s, two calls before).
    (h.state.updates as { first: typeof claim }).first = async (key) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      return claim(key);
    };
    // Delivered 1 s late by the gateway: 2 s are left to acknowledge it.
    const id = h.discord.command("ask", { values: { question: "Who is Michele Sison?" }, ageMs: 1000 });
    await h.discord.waitFor(() => byInteraction(h.discord, id).find((m) => m.content.includes(FAKE_QUOTES[0] ?? "")), 10_000, "the answer");
    expect(h.discord.callbacks.get(id)).toEqual({ type: 5, status: 204 });
  });

  it("/ask whose deferral reached Discord but whose response was lost (502, then 40060 on the retry) is still answered, by editing the deferral", async () => {
    const h = await setup();
    h.discord.failNext({ method: "POST", route: /\/callback$/u, status: 502, responseLost: true });
    const id = h.discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    const answer = await h.discord.waitFor(() => byInteraction(h.discord, id).find((m) => m.content.includes(FAKE_QUOTES[0] ?? "?")), 10_000, "the answer");
    await settled(h);
    expect(h.discord.calls.filter((c) => c.route.endsWith("/callback")).map((c) => c.status)).toEqual([502, 400]);
    expect(answer.via).toBe("interaction-edit");
    expect(byInteraction(h.discord, id)).toHaveLength(1);
    expect(h.rag.questions).toEqual(["Who is Michele Sison?"]);
    expect(h.logs.join("")).not.toContain("answering failed");
  });

  it("two processes with one token and one shared state answer an /ask and a press once: Discord refuses one deferral, the claim decides", async () => {
    const h = await setup();
    // A second process: logged in with the same token (the gateway sends it every event), sharing the state as
    // replicas share Redis.
    const logger = createLogger({ level: "silent", secrets: [] });
    const rag = createFakeRag();
    const inflight = createInflight();
    const config: DiscordConfig = { token: h.discord.token, guildId: IDS.guild, allowedGuilds: [], apiBase: h.discord.apiBase };
    const other = createDiscordBot(config, { ask: createAsk({ rag, limiter: createRateLimiter(100), logger, state: h.state }), rag, logger, inflight });
    await other.start();
    try {
      const answer = await replyTo(h.discord, h.discord.directMessage("Who is Michele Sison?"));
      const id = h.discord.command("ask", { values: { question: "Who is Michele Sison?" } });
      const click = h.discord.click(answer.id, h.discord.buttonsOf(answer)[0]?.[0] ?? "");
      await h.discord.waitFor(() => byInteraction(h.discord, id).find((m) => m.content.includes(FAKE_QUOTES[0] ?? "?")), 10_000, "the /ask answer");
      await h.discord.waitFor(() => byInteraction(h.discord, click)[0], 10_000, "the passage");
      await h.discord.waitFor(() => (h.inflight.size === 0 && inflight.size === 0 ? true : undefined), 10_000, "both idle");
      for (const interaction of [id, click]) {
        const callbacks = h.discord.calls.filter((c) => c.route.startsWith(`/interactions/${interaction}/`));
        expect(callbacks.map((c) => c.status).sort()).toEqual([204, 400]);
        // One edit of the deferred reply, by whichever process claimed it.
        const token = callbacks[0]?.route.split("/")[3] ?? "?";
        expect(h.discord.calls.filter((c) => c.route.startsWith("/webhooks/") && c.route.includes(token)).map((c) => c.method)).toEqual(["PATCH"]);
        expect(byInteraction(h.discord, interaction)).toHaveLength(1);
      }
      // The question was asked of one core, once (the DM's and the /ask's).
      expect([...h.rag.questions, ...rag.questions]).toEqual(["Who is Michele Sison?", "Who is Michele Sison?"]);
    } finally {
      await other.stop();
    }
  });

  it("/ask still answers when the core takes longer than Discord's 3 s to acknowledge", async () => {
    const { discord } = await setup({ rag: { delayMs: 3200 } });
    const id = discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    const edit = await discord.waitFor(() => byInteraction(discord, id).find((m) => m.content.includes(FAKE_QUOTES[0] ?? "")));
    expect(discord.callbacks.get(id)).toEqual({ type: 5, status: 204 });
    expect(edit.via).toBe("interaction-edit");
  });

  it("/ask in a direct message is answered", async () => {
    const { discord } = await setup();
    const id = discord.command("ask", { values: { question: "Who is Michele Sison?" }, guildId: null });
    const edit = await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(edit.content).toContain(FAKE_QUOTES[0]);
  });

  it("/ask escapes Markdown and mentions in the question and pings nobody", async () => {
    const { discord } = await setup();
    // Discord's own tags (<@&1>, <@42>) are taken out before the core reads the question; what only looks like one stays.
    const question = "<@&1> <@42> **bold** _it_ & @everyone @here <b> <@x>?";
    const id = discord.command("ask", { values: { question } });
    const edit = await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(edit.content.split("\n")[0]).toBe("❓ \\*\\*bold\\*\\* \\_it\\_ & @\u200beveryone @\u200bhere \\<b> \\<@x>?");
    expect(edit.content).toContain("\\<progress> & \"cooperation\" were \\*essential\\* to the\\_talks.");
    expect(edit.allowedMentions).toEqual(NO_PINGS);
  });

  it("/ask splits a long answer into the edited original and follow-ups, each at most 2000 characters", async () => {
    const { discord } = await setup();
    const id = discord.command("ask", { values: { question: "the long story, please" } });
    await discord.waitFor(() => byInteraction(discord, id).find((m) => m.content.includes("[3] seeds/fake-briefing.md")));
    const parts = byInteraction(discord, id);
    expect(parts[0]?.via).toBe("interaction-edit");
    expect(parts.slice(1).every((m) => m.via === "followup")).toBe(true);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.content.length).toBeLessThanOrEqual(2000);
  });

  it("/ask over the rate limit: the notice for the asker alone, then silence; the public 'thinking…' removed", async () => {
    const h = await setup({ perMinute: 1 });
    const ids = ["first", "second", "third"].map((q) => h.discord.command("ask", { values: { question: q } }));
    await h.discord.waitFor(() => (h.discord.calls.filter((c) => c.method === "DELETE").length === 2 ? true : undefined));
    await settled(h);
    const [first, second, third] = ids.map((id) => byInteraction(h.discord, id));
    expect(first?.[0]?.content).toContain(FAKE_QUOTES[0]);
    expect(second?.map((m) => [m.content, m.via, m.flags & 64])).toEqual([[en.rateLimited(60), "followup", 64]]);
    expect(third).toEqual([]);
  });

  it("/ask over the rate limit whose 'thinking…' cannot be removed: the notice takes its place, once", async () => {
    const h = await setup({ perMinute: 1 });
    h.discord.failNext({ method: "DELETE", route: /\/messages\/@original$/u, status: 500, times: 10 });
    const ids = ["first", "second"].map((q) => h.discord.command("ask", { values: { question: q } }));
    await h.discord.waitFor(() => (h.discord.calls.some((c) => c.method === "DELETE") ? true : undefined));
    await settled(h);
    const second = byInteraction(h.discord, ids[1] ?? "");
    expect(second.map((m) => [m.content, m.via])).toEqual([[en.rateLimited(60), "interaction-edit"]]);
  });

  it("/ask retries a 5xx on the edit and answers once", async () => {
    const { discord } = await setup();
    discord.failNext({ method: "PATCH", route: /\/messages\/@original$/u, status: 502 });
    const id = discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(discord.calls.filter((c) => c.method === "PATCH").map((c) => c.status)).toEqual([502, 200]);
    expect(byInteraction(discord, id)).toHaveLength(1);
  });

  it("/ask apologises in a follow-up when every edit fails, and logs no interaction token", async () => {
    const h = await setup();
    h.discord.failNext({ method: "PATCH", route: /\/messages\/@original$/u, status: 503, times: 10 });
    const id = h.discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    // The follow-up resolves the "thinking…" it could not edit (as Discord takes a first follow-up), in its place.
    const apology = await h.discord.waitFor(() => byInteraction(h.discord, id).find((m) => m.content === en.failed));
    expect(byInteraction(h.discord, id)).toHaveLength(1);
    // Public, as the command's reply is: whoever saw the question sees that its answer broke off.
    expect(apology.flags & 64).toBe(0);
    await settled(h);
    const token = h.discord.calls.find((c) => c.route.startsWith("/interactions/"))?.route.split("/")[3];
    expect(token).toMatch(/^interaction-token-/u);
    expect(h.logs.join("")).toContain("answering failed");
    expect(h.logs.join("")).not.toContain(token);
  });

  it("/ask with a core failure edits in the apology", async () => {
    const { discord } = await setup();
    const id = discord.command("ask", { values: { question: "explode" } });
    const edit = await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(edit.content).toBe(en.failed);
  });

  it("/help replies with the help text", async () => {
    const { discord } = await setup();
    const id = discord.command("help");
    const reply = await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(discord.callbacks.get(id)?.type).toBe(4);
    expect(reply.content).toContain(en.help);
    expect(reply.allowedMentions).toEqual(NO_PINGS);
  });

  it("/about lists the briefings, the number of passages and when the index was built", async () => {
    const { discord } = await setup();
    const id = discord.command("about");
    const reply = await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(reply.content).toContain("seeds/fake-briefing.md");
    expect(reply.content).toContain("Passages: 3");
    expect(reply.content).toContain("<t:1704067200:F>");
  });
});

describe("Discord bot: commands over the rate limit", () => {
  it("/help and /about count against the sender's limit: the notice once, only to the sender, then nothing", async () => {
    const { discord } = await setup({ perMinute: 1 });
    const ids = ["help", "about", "help"].map((name) => discord.command(name));
    await discord.waitFor(() => (discord.calls.some((c) => c.method === "DELETE") ? true : undefined));
    const [first, second, third] = ids.map((id) => byInteraction(discord, id));
    expect(first?.[0]?.content).toContain(en.help);
    expect(second?.map((m) => m.content)).toEqual([en.rateLimited(60)]);
    const callback = (id: string | undefined) => discord.calls.find((c) => c.route.startsWith(`/interactions/${id}/`))?.body;
    expect(callback(ids[1])).toMatchObject({ type: 4, data: { flags: 64 | SUPPRESS_EMBEDS } });
    expect(third).toEqual([]);
    expect(callback(ids[2])).toMatchObject({ type: 5, data: { flags: 64 } });
    // The deferred reply removed is the third command's own.
    const token = discord.calls.find((c) => c.route.startsWith(`/interactions/${ids[2]}/`))?.route.split("/")[3];
    expect(discord.calls.filter((c) => c.method === "DELETE").map((c) => c.route)).toEqual([expect.stringContaining(`/${token}/messages/@original`)]);
  });

  it("a silenced command whose placeholder cannot be removed stays silent: no apology is edited in", async () => {
    const h = await setup({ perMinute: 1 });
    h.discord.failNext({ method: "DELETE", route: /\/messages\/@original$/u, status: 500, times: 10 });
    const ids = ["help", "help", "help"].map((name) => h.discord.command(name));
    await h.discord.waitFor(() => (h.discord.calls.filter((c) => c.method === "DELETE").length >= 1 ? true : undefined));
    await settled(h);
    const [, second, third] = ids.map((id) => byInteraction(h.discord, id));
    expect(second?.map((m) => m.content)).toEqual([en.rateLimited(60)]);
    expect(third).toEqual([]);
    expect(h.discord.calls.filter((c) => c.method === "PATCH" || c.route.includes("/webhooks/")).filter((c) => c.method !== "DELETE")).toEqual([]);
  });
});

describe("Discord bot: stale commands", () => {
  it("answers a command it no longer has with the help text, visible only to the user", async () => {
    const { discord } = await setup();
    const id = discord.command("summarise");
    const reply = await discord.waitFor(() => byInteraction(discord, id)[0]);
    expect(reply.content).toContain(en.help);
    // No pings (the client's default), as every reply: the help may carry the operator's example question.
    expect(discord.calls.find((c) => c.route.startsWith(`/interactions/${id}/`))?.body).toMatchObject({ type: 4, data: { flags: 64 | SUPPRESS_EMBEDS, allowed_mentions: { parse: [] } } });
  });
});

describe("Discord bot: guild allowlist", () => {
  it("serves only allowed guilds, refuses commands elsewhere, and always serves direct messages", async () => {
    const h = await setup({ config: { allowedGuilds: [IDS.guild] } });
    const elsewhere = h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { guildId: IDS.otherGuild });
    const command = h.discord.command("ask", { values: { question: "Who is Michele Sison?" }, guildId: IDS.otherGuild });
    const refusal = await h.discord.waitFor(() => byInteraction(h.discord, command)[0]);
    expect(refusal.content).toBe(en.notAllowed);
    // Refused in the question's language (Discord has no Arabic client locale to go by).
    const arabic = h.discord.command("ask", { values: { question: "من هي ميشال سيسون؟" }, guildId: IDS.otherGuild });
    expect((await h.discord.waitFor(() => byInteraction(h.discord, arabic)[0])).content).toBe(messages("ar").notAllowed);
    expect(h.discord.calls.find((c) => c.route.startsWith(`/interactions/${command}/`))?.body).toMatchObject({ type: 4, data: { flags: 64 | SUPPRESS_EMBEDS } });
    await replyTo(h.discord, h.discord.directMessage("Who is Michele Sison?"));
    await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    await settled(h);
    expect(repliesTo(h.discord, elsewhere)).toEqual([]);
    expect(h.rag.questions).toHaveLength(2);
  });
});

describe("Discord bot: composed answers streaming from a language model", () => {
  /**
   * A Discord bot over the real core composing with the fake LLM; `run` gets the fake Discord, the tracker and the
   * log lines (info and above).
   */
  async function withStreamingBot(run: (discord: FakeDiscord, inflight: Inflight, logs: string[]) => Promise<void>, options: DiscordBotOptions = {}): Promise<void> {
    const llm = await startFakeOpenAI({ chat: threeSentences });
    const project = tempProject();
    const discord = await startFakeDiscord();
    const { logger, logs } = collectingLogger("info");
    const inflight = createInflight();
    try {
      const rag = await createRag({
        root: project.root,
        seedsDir: project.seedsDir,
        indexDir: project.indexDir,
        logger,
        llm: { baseUrl: llm.baseUrl, model: "fake", timeoutMs: 5000, streamIntervalMs: 0 },
      });
      const config: DiscordConfig = { token: discord.token, guildId: IDS.guild, allowedGuilds: [], apiBase: discord.apiBase };
      const bot = createDiscordBot(config, { ask: createAsk({ rag, limiter: createRateLimiter(100), logger }), rag, logger, inflight }, options);
      await bot.start();
      try {
        await run(discord, inflight, logs);
      } finally {
        await bot.stop();
      }
    } finally {
      await discord.close();
      await llm.close();
      project.remove();
    }
  }

  const idle = (discord: FakeDiscord, inflight: Inflight) => discord.waitFor(() => (inflight.size === 0 ? true : undefined), 10_000, "idle");

  it("/ask edits the deferred reply as verified text arrives; the last edit is the answer with its sources", async () => {
    await withStreamingBot(async (discord, inflight) => {
      const id = discord.command("ask", { values: { question: "Who is Michele Sison?" } });
      const final = await discord.waitFor(() => byInteraction(discord, id).find((m) => m.content.includes(en.sources)), 10_000, "the final edit");
      await idle(discord, inflight);
      const patches = discord.calls.filter((c) => c.method === "PATCH" && c.route.endsWith("/messages/@original"));
      expect(patches.length).toBeGreaterThanOrEqual(3); // partial texts, then the answer
      const contents = patches.map((c) => String(c.body?.["content"]));
      expect(contents[0]).toBe("❓ Who is Michele Sison?\nMichele Sison is a US assistant secretary of state [1]. …");
      expect(final.content).toBe(contents.at(-1));
      expect(final.content).toMatch(/^❓ Who is Michele Sison\?\nMichele Sison is a US assistant secretary of state \[1\]\. She spoke in Algiers \[2\]\. She said “.+” \[1\]\.\n\nIn the briefing's words:\n> \[1\] /u);
      expect(patches.every((c) => c.status === 200)).toBe(true);
      expect(patches.every((c) => c.body?.["flags"] === SUPPRESS_EMBEDS)).toBe(true);
      expect(byInteraction(discord, id)).toHaveLength(1);
    });
  });

  it("a mention gets one reply, edited as verified text arrives; the last edit is the answer with its sources", async () => {
    await withStreamingBot(async (discord, inflight) => {
      const question = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
      const reply = await discord.waitFor(() => repliesTo(discord, question).find((m) => m.content.includes(en.sources)), 10_000, "the final edit");
      await idle(discord, inflight);
      const edits = discord.calls.filter((c) => c.method === "PATCH" && c.route === `/channels/${IDS.channel}/messages/${reply.id}`);
      expect(edits.length).toBeGreaterThanOrEqual(2); // partial texts, then the answer
      expect(edits.every((c) => c.body?.["flags"] === SUPPRESS_EMBEDS)).toBe(true);
      expect(repliesTo(discord, question)).toHaveLength(1);
      expect(reply.content).toMatch(/^Michele Sison is a US assistant secretary of state \[1\]\. She spoke in Algiers \[2\]\./u);
      expect(reply.allowedMentions).toMatchObject({ parse: [] });
    });
  });

  it("where Discord refuses the bot's messages (50013), a streamed answer stops at the first refusal: one refused create and one warning per question, no typing after it", async () => {
    await withStreamingBot(
      async (discord, inflight, logs) => {
        const refused = { status: 403, body: { message: "Missing Permissions", code: 50013 }, times: 100 };
        discord.failNext({ method: "POST", route: new RegExp(`^/channels/${IDS.channel}/messages$`, "u"), ...refused });
        const creates = (channel: string) => discord.calls.filter((c) => c.method === "POST" && c.route === `/channels/${channel}/messages`);
        const typings = (channel: string) => discord.calls.filter((c) => c.route === `/channels/${channel}/typing`);
        const warnings = () => logs.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level >= 40);
        const refusal = "Discord refused the answer: the bot may not write here (no access, no Send Messages, or the user takes no DMs from it); no apology sent";

        // The first partial text's create is refused: nothing more for that answer, neither edits nor its final text.
        discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
        await discord.waitFor(() => creates(IDS.channel)[0], 10_000, "the refused create");
        await idle(discord, inflight);
        expect(creates(IDS.channel).map((c) => c.status)).toEqual([403]);
        expect(warnings().map((l) => [l.level, l.msg])).toEqual([[40, refusal]]);
        const typed = typings(IDS.channel).length;

        // The channel remembered: the next question there gets no typing and no streaming, only its answer, tried once.
        discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: user(2) });
        await discord.waitFor(() => creates(IDS.channel)[1], 10_000, "the second refused create");
        await idle(discord, inflight);
        expect(creates(IDS.channel).map((c) => c.status)).toEqual([403, 403]);
        expect(typings(IDS.channel)).toHaveLength(typed);
        expect(warnings().map((l) => l.msg)).toEqual([refusal, refusal]);

        // A DM whose user takes none from the bot refuses its typing too (50007): typing is not sent again, nor is
        // the answer streamed; the answer is tried once.
        const dm = { ...refused, body: { message: "Cannot send messages to this user", code: 50007 } };
        discord.failNext({ method: "POST", route: new RegExp(`^/channels/${IDS.dmChannel}/(messages|typing)$`, "u"), ...dm });
        discord.directMessage("Who is Michele Sison?");
        await discord.waitFor(() => creates(IDS.dmChannel)[0], 10_000, "the refused DM");
        await idle(discord, inflight);
        expect(typings(IDS.dmChannel).map((c) => c.status)).toEqual([403]);
        expect(creates(IDS.dmChannel).map((c) => c.status)).toEqual([403]);
        expect(warnings().map((l) => l.msg)).toEqual([refusal, refusal, refusal]);
      },
      { typingDelayMs: 0 },
    );
  });

  it("a mention's answer whose final edit is refused is sent anew and the streamed half removed", async () => {
    await withStreamingBot(async (discord, inflight) => {
      // The final edit is the one that puts the buttons under the answer.
      discord.failNext({ method: "PATCH", route: /^\/channels\/\d+\/messages\/\d+$/u, status: 400, body: { message: "Invalid Form Body", code: 50035 }, when: (body) => Array.isArray(body?.["components"]) });
      const question = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
      await discord.waitFor(() => discord.calls.find((c) => c.method === "DELETE"), 10_000, "the streamed half removed");
      await idle(discord, inflight);
      const replies = repliesTo(discord, question);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.content).toContain(en.sources);
    });
  });
});

describe("Discord bot: typing only for slow answers", () => {
  it("sends no typing request for an answer ready before the delay", async () => {
    const { discord, rag } = await setup({ bot: { typingDelayMs: 60_000 } });
    const id = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await replyTo(discord, id);
    expect(rag.questions).toHaveLength(1);
    expect(discord.calls.filter((c) => c.route.endsWith("/typing"))).toHaveLength(0);
  });

  it("shows typing for an answer still being worked on after the delay", async () => {
    const { discord } = await setup({ bot: { typingDelayMs: 20 }, rag: { delayMs: 1500 } });
    const id = discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`);
    await discord.waitFor(() => discord.calls.find((c) => c.route === `/channels/${IDS.channel}/typing`), 10_000, "typing");
    await replyTo(discord, id);
  });
});

describe("Discord bot: follow-up questions", () => {
  const first = { question: "Who is Michele Sison?", citations: [{ source: "seeds/fake-briefing.md", start: 0, end: FAKE_QUOTES[0]?.length }, { source: "seeds/fake-briefing.md", start: 1000, end: 1000 + (FAKE_QUOTES[1]?.length ?? 0) }] };

  it("a direct message soon after an answer is asked with the earlier turn as context", async () => {
    const { discord, rag } = await setup();
    await replyTo(discord, discord.directMessage("Who is Michele Sison?"));
    await replyTo(discord, discord.directMessage("And what did she say?"));
    expect(rag.contexts[0]).toBeUndefined();
    expect(rag.contexts[1]).toEqual({ turns: [first] });
  });

  it("two /ask sent at once in a DM are answered in the order sent, though the first's acknowledgement returns last", async () => {
    const h = await setup();
    // The first acknowledgement to reach Discord is held 300 ms: the second command's returns first.
    h.discord.delayNext({ method: "POST", route: /^\/interactions\/\d+\/[^/]+\/callback$/u, ms: 300, times: 1 });
    const ids = [h.discord.command("ask", { values: { question: "Who is Michele Sison?" }, guildId: null })];
    // The first's acknowledgement has reached Discord, which holds it, before the second is sent.
    await h.discord.waitFor(() => h.discord.calls.find((c) => c.route.startsWith(`/interactions/${ids[0]}/`)), 10_000, "the first acknowledgement");
    ids.push(h.discord.command("ask", { values: { question: "And what did she say?" }, guildId: null }));
    await h.discord.waitFor(() => (ids.every((id) => byInteraction(h.discord, id).length > 0) ? true : undefined));
    await settled(h);
    expect(h.rag.questions).toEqual(["Who is Michele Sison?", "And what did she say?"]);
    expect(h.rag.contexts[1]?.turns.map((t) => t.question)).toEqual(["Who is Michele Sison?"]);
  });

  it("keeps at most the last three turns", async () => {
    const { discord, rag } = await setup();
    for (const q of ["Who is Michele Sison?", "one?", "two?", "three?", "four?"]) await replyTo(discord, discord.directMessage(q));
    expect(rag.contexts[4]?.turns.map((t) => t.question)).toEqual(["one?", "two?", "three?"]);
  });

  it("does not carry a conversation past CONVERSATION_TTL_MS", async () => {
    const { discord, rag } = await setup({ state: { conversationTtlMs: 0 } });
    await replyTo(discord, discord.directMessage("Who is Michele Sison?"));
    await replyTo(discord, discord.directMessage("And what did she say?"));
    expect(rag.contexts).toEqual([undefined, undefined]);
  });

  it("in a guild channel only a reply to the answer follows up; a new mention is asked alone", async () => {
    const { discord, rag } = await setup();
    const answer = await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> What about Mali?`));
    // A reply pings the bot by default, which is how it sees the message without the Message Content intent.
    await replyTo(discord, discord.guildMessage("And what did she say?", { replyTo: answer.id, author: user(2) }));
    expect(rag.contexts[1]).toBeUndefined();
    expect(rag.contexts[2]).toEqual({ turns: [first] });
  });

  it("one person's questions in a thread follow up on each other; another person's do not", async () => {
    const { discord, rag } = await setup();
    const other: FakeUser = { id: "900000000000000077", username: "someone-else" };
    await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { channelId: IDS.thread }));
    await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> And what did she say?`, { channelId: IDS.thread }));
    await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> And what did she say?`, { channelId: IDS.thread, author: other }));
    expect(rag.contexts.slice(1)).toEqual([{ turns: [first] }, undefined]);
  });

  it("a thread started from one of the bot's answers (the answer's id) begins from that answer's conversation", async () => {
    // Found by a review: its first message has no reply reference, so it was asked with no context. The fake cannot
    // start a thread from a message: the answer is linked under the thread's id, as Discord would name it.
    const { discord, rag, state } = await setup();
    await state.conversations.link([`discord:${IDS.thread}`], [first as ConversationTurn]);
    await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> And what did she say?`, { channelId: IDS.thread }));
    expect(rag.contexts).toEqual([{ turns: [first] }]);
  });

  it("/ask in a direct message follows up on the conversation there", async () => {
    const { discord, rag } = await setup();
    await replyTo(discord, discord.directMessage("Who is Michele Sison?"));
    const id = discord.command("ask", { values: { question: "And what did she say?" }, guildId: null });
    await discord.waitFor(() => byInteraction(discord, id).find((m) => m.content.includes(en.sources)), 10_000, "the answer");
    expect(rag.contexts[1]).toEqual({ turns: [first] });
  });
});

describe("Discord bot: answer buttons and feedback", () => {
  const withFeedback = (dir: string) => ({ state: { feedback: { dir, retentionDays: 30, salt: "test-salt-0123456789" } } });

  it("shows 'Show paragraph [n]' per citation and 👍/👎 under the answer; a paragraph opens ephemerally", async () => {
    const project = tempProject(false);
    try {
      const { discord } = await setup(withFeedback(project.root));
      const answer = await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
      const rows = discord.buttonsOf(answer);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toEqual([expect.stringMatching(/^p:[\w-]{8}:1:en$/u), expect.stringMatching(/^p:[\w-]{8}:2:en$/u)]);
      expect(rows[1]).toEqual([expect.stringMatching(/^f:[\w-]{8}:up:en$/u), expect.stringMatching(/^f:[\w-]{8}:down:en$/u)]);
      const labels = (answer.components[0]?.["components"] as { label: string }[]).map((b) => b.label);
      expect(labels).toEqual(["Show paragraph [1]", "Show tweet [2]"]);

      const click = discord.click(answer.id, rows[0]?.[1] ?? "");
      const shown = await discord.waitFor(() => byInteraction(discord, click)[0], 10_000, "the passage");
      expect(shown.flags & 64).toBe(64);
      expect(shown.content).toBe(`[2] The whole passage (seeds/fake-briefing.md, tweet by @State\\_IO, 23 Jan 2023):\n> The envoy said \\<progress> & "cooperation" were \\*essential\\* to the\\_talks.`);
    } finally {
      project.remove();
    }
  });

  it("refuses a button under an answer in a guild no longer allowed, as a command there is refused", async () => {
    const h = await setup();
    const answer = await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    const [passages] = h.discord.buttonsOf(answer);
    const config = { token: h.discord.token, guildId: IDS.guild, allowedGuilds: ["123456789012345678"], apiBase: h.discord.apiBase };
    // The same answer's button pressed at a bot whose allow-list no longer holds this guild.
    await h.bot.stop();
    const logger = createLogger({ level: "silent", secrets: [] });
    const ask = createAsk({ rag: h.rag, limiter: createRateLimiter(100), logger, state: h.state });
    const restricted = createDiscordBot(config, { ask, rag: h.rag, logger, inflight: h.inflight }, { typingDelayMs: 0 });
    await restricted.start();
    try {
      const click = h.discord.click(answer.id, passages?.[0] ?? "");
      const refusal = await h.discord.waitFor(() => byInteraction(h.discord, click)[0], 10_000, "the refusal");
      expect(refusal.content).toBe(en.notAllowed);
      expect(refusal.flags & 64).toBe(64);
    } finally {
      await restricted.stop();
    }
  });

  it("a press that fails after its deferral turns the 'thinking…' into the apology, not a second message under it", async () => {
    const h = await setup();
    const answer = await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    const [passages] = h.discord.buttonsOf(answer);
    h.rag.passage = () => {
      throw new Error("the passage store failed");
    };
    const click = h.discord.click(answer.id, passages?.[0] ?? "");
    const apology = await h.discord.waitFor(() => byInteraction(h.discord, click)[0], 10_000, "the apology");
    await settled(h);
    expect(apology).toMatchObject({ via: "interaction-edit", content: en.failed });
    expect(byInteraction(h.discord, click)).toHaveLength(1);
    expect(h.logs.join("")).toContain("the passage store failed");
  });

  it("a press whose deferral reached Discord but whose response was lost (502, then 40060 on the retry) still opens its paragraph", async () => {
    const h = await setup();
    const answer = await replyTo(h.discord, h.discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`));
    h.discord.failNext({ method: "POST", route: /\/callback$/u, status: 502, responseLost: true });
    const click = h.discord.click(answer.id, h.discord.buttonsOf(answer)[0]?.[0] ?? "");
    const shown = await h.discord.waitFor(() => byInteraction(h.discord, click)[0], 10_000, "the passage");
    await settled(h);
    expect(h.discord.calls.filter((c) => c.route.endsWith("/callback")).map((c) => c.status)).toEqual([502, 400]);
    expect(shown.content).toContain(`> ${FAKE_QUOTES[0]}`);
    expect(shown.flags & 64).toBe(64);
    expect(byInteraction(h.discord, click)).toHaveLength(1);
  });

  it("records 👍 and 👎 once per user with the question and citations; a second vote is thanked, not counted", async () => {
    const project = tempProject(false);
    try {
      const { discord, state } = await setup(withFeedback(project.root));
      const answer = await replyTo(discord, discord.directMessage("Who is Michele Sison?"));
      const [, votes] = discord.buttonsOf(answer);
      const down = discord.click(answer.id, votes?.[1] ?? "");
      expect((await discord.waitFor(() => byInteraction(discord, down)[0], 10_000, "thanks")).content).toBe(en.thanksDown);
      const again = discord.click(answer.id, votes?.[0] ?? "");
      expect((await discord.waitFor(() => byInteraction(discord, again)[0], 10_000, "already")).content).toContain("You already rated this answer");
      const other = discord.click(answer.id, votes?.[0] ?? "", { user: user(3) });
      await discord.waitFor(() => byInteraction(discord, other)[0], 10_000, "thanks");
      const events = await state.feedback.list();
      expect(events.map((e) => e.kind)).toEqual(["down", "up"]);
      expect(events[0]).toMatchObject({ platform: "discord", question: "Who is Michele Sison?", citations: [{ n: 1, source: "seeds/fake-briefing.md", label: "paragraph 1" }, { n: 2 }] });
      expect(events[0]?.user).toMatch(/^[0-9a-f]{16}$/u);
      expect(JSON.stringify(events)).not.toContain(IDS.user);
    } finally {
      project.remove();
    }
  });

  it("limits a flood of presses: the allowed ones answered, the rest told why at once, ephemerally; a refused press touches no state, records no vote", async () => {
    const project = tempProject(false);
    try {
      const h = await setup(withFeedback(project.root));
      const answer = await replyTo(h.discord, h.discord.directMessage("Who is Michele Sison?"));
      const [[paragraph = ""] = [], [up = ""] = []] = h.discord.buttonsOf(answer);
      const tooFast = /^You're pressing buttons faster than I can keep up\. Please wait \d+ seconds? and press again\.$/u;
      const shown = (click: string): Promise<SentMessage> => h.discord.waitFor(() => byInteraction(h.discord, click)[0], 10_000, "the reply to a press");

      // A script presses "Show paragraph" again and again: as many presses as the limit allows open it.
      const flood = Array.from({ length: PRESS_LIMIT + 5 }, () => h.discord.click(answer.id, paragraph));
      const replies = await Promise.all(flood.map(shown));
      expect(replies.filter((r) => r.content.includes(FAKE_QUOTES[0] ?? "?"))).toHaveLength(PRESS_LIMIT);
      const refusals = replies.filter((r) => tooFast.test(r.content));
      expect(refusals).toHaveLength(5);
      // The reason is the press's reply, seen by the presser alone: no "thinking…" deferred first.
      expect(refusals.map((r) => [r.via, r.flags & 64])).toEqual(Array(5).fill(["interaction-reply", 64]));

      // Still within the window, a 👍: told why, and nothing else done.
      await settled(h);
      const calls = stateCalls(h.state);
      const vote = h.discord.click(answer.id, up);
      expect((await shown(vote)).content).toMatch(tooFast);
      await settled(h);
      expect(calls()).toBe(0);
      expect(await h.state.feedback.list()).toEqual([]);

      // Another reader's vote is taken as ever.
      const other = h.discord.click(answer.id, up, { user: user(3) });
      expect((await shown(other)).content).toBe(en.thanksUp);
      expect((await h.state.feedback.list()).map((e) => e.kind)).toEqual(["up"]);
      expect(calls()).toBeGreaterThan(0);
    } finally {
      project.remove();
    }
  });

  it("records a declined question, and puts no buttons under a decline", async () => {
    const project = tempProject(false);
    try {
      const { discord, state } = await setup(withFeedback(project.root));
      const answer = await replyTo(discord, discord.directMessage("What is the capital of France?"));
      expect(answer.components).toEqual([]);
      expect(await state.feedback.list()).toMatchObject([{ kind: "declined", platform: "discord", question: "What is the capital of France?" }]);
    } finally {
      project.remove();
    }
  });

  it("an expired button gets a friendly message in its answer's language, not an error", async () => {
    const { discord, logs } = await setup({ state: { buttonTtlMs: 1 } });
    // Discord has no Arabic client locale: an Arabic speaker's is English, and the answer's language decides.
    for (const [question, language] of [["من هي ميشال سيسون؟", "ar"], ["Who is Michele Sison?", "en"]] as const) {
      const answer = await replyTo(discord, discord.directMessage(question));
      // Without a feedback log there are no 👍/👎 buttons: only the paragraphs.
      expect(discord.buttonsOf(answer)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const click = discord.click(answer.id, discord.buttonsOf(answer)[0]?.[0] ?? "", { locale: "en-US" });
      const shown = await discord.waitFor(() => byInteraction(discord, click)[0], 10_000, "the expiry notice");
      expect(shown.content).toBe(messages(language).buttonExpired);
      expect(shown.flags & 64).toBe(64);
    }
    expect(logs.join("")).not.toContain('"level":50');
  });
});

describe("Discord bot: buttons under /ask", () => {
  it("puts the buttons under the edited /ask answer, and a paragraph opens from there", async () => {
    const { discord } = await setup();
    const id = discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    const answer = await discord.waitFor(() => byInteraction(discord, id).find((m) => m.content.includes(en.sources)), 10_000, "the answer");
    const [paragraphs] = discord.buttonsOf(answer);
    expect(paragraphs).toHaveLength(2);
    const click = discord.click(answer.id, paragraphs?.[0] ?? "");
    const shown = await discord.waitFor(() => byInteraction(discord, click)[0], 10_000, "the passage");
    expect(shown.content).toContain(`> ${FAKE_QUOTES[0]}`);
    expect(shown.flags & 64).toBe(64);
  });
});

describe("Discord bot: bounded caches", () => {
  it("keeps at most cacheLimit users, members and DM channels cached however many people write, and answers them all", async () => {
    // The Client is internal to the adapter: its caches are read through the one that logged in.
    const login = vi.spyOn(Client.prototype, "login");
    try {
      // Three: sweeps then also fall on DM events, whose own channel must stay cached for the answer.
      const limit = 3;
      const { discord, rag } = await setup({ bot: { cacheLimit: limit } });
      const client = login.mock.contexts[0] as Client;
      const people = Array.from({ length: 12 }, (_, n) => user(n + 10));
      const dmOf = (n: number): string => `4000000000000001${n + 10}`;
      const dmChannels = () => client.channels.cache.filter((channel) => channel.isDMBased());
      const members = () => client.guilds.cache.get(IDS.guild)?.members.cache;
      const answers: SentMessage[] = [];
      for (const [n, person] of people.entries()) {
        answers.push(await replyTo(discord, discord.directMessage("Who is Michele Sison?", { author: person, channelId: dmOf(n) })));
        await replyTo(discord, discord.guildMessage(`<@${IDS.bot}> Who is Michele Sison?`, { author: person }));
        expect(client.users.cache.size).toBeLessThanOrEqual(limit);
        expect(members()?.size).toBeLessThanOrEqual(limit);
        expect(dmChannels().size).toBeLessThanOrEqual(limit);
      }
      // The bot's own user and member were never dropped (else each answer sent would cache a plain copy of the user).
      expect(client.users.cache.get(IDS.bot)).toBe(client.user);
      expect(client.guilds.cache.get(IDS.guild)?.members.me?.id).toBe(IDS.bot);

      // The first person's DM channel left the cache long ago: a reply to the earlier answer still follows up on it,
      // with typing, and the answer's buttons still open their paragraph.
      expect(client.channels.cache.has(dmOf(0))).toBe(false);
      const followUp = await replyTo(discord, discord.directMessage("And what did she say?", { author: user(10), channelId: dmOf(0), replyTo: answers[0]?.id ?? "" }));
      expect(followUp.channelId).toBe(dmOf(0));
      expect(rag.contexts.at(-1)?.turns.map((t) => t.question)).toEqual(["Who is Michele Sison?"]);
      expect(discord.calls.filter((c) => c.route === `/channels/${dmOf(0)}/typing`)).toHaveLength(2);
      const click = discord.click(followUp.id, discord.buttonsOf(followUp)[0]?.[0] ?? "", { user: user(10) });
      const shown = await discord.waitFor(() => byInteraction(discord, click)[0], 10_000, "the passage");
      expect(shown.content).toContain(FAKE_QUOTES[0]);
    } finally {
      login.mockRestore();
    }
  });
});
