/**
 * The Telegram adapter driven by the real telegraf client against the local fake Bot API.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { Writable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { createInflight, type Inflight } from "../../src/bots/inflight.js";
import { messages } from "../../src/bots/messages.js";
import { createRateLimiter, PRESS_LIMIT } from "../../src/bots/rate-limit.js";
import { renderAnswerHtml } from "../../src/bots/render/telegram.js";
import { createTelegramBot, WebhookSetError, type TelegramBotHandle, type TelegramBotOptions } from "../../src/bots/telegram.js";
import { TokenRefusedError } from "../../src/bots/types.js";
import type { TelegramConfig } from "../../src/config.js";
import { createLogger, silentLogger } from "../../src/logger.js";
import { createRag } from "../../src/rag/index.js";
import { connectRedis, createState, type BotState, type SharedRedis } from "../../src/state/index.js";
import { createFakeRag, FAKE_QUOTES, type FakeRag, type FakeRagOptions } from "../fakes/fake-rag.js";
import { startFakeOpenAI, threeSentences } from "../fakes/openai-server.js";
import { faults, parseTelegramHtml, startFakeTelegram, type FakeTelegram, type SentMessage } from "../fakes/telegram-server.js";
import { tempProject } from "../helpers/project.js";
import { startRedis } from "../state/redis-server.js";

const en = messages("en");
/** What /start and /help say in English. */
const HELP = `${en.help}\n\n${en.usage}\n${en.howToAskIn.telegram}`;

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  readonly tg: FakeTelegram;
  readonly rag: FakeRag;
  readonly bot: TelegramBotHandle;
  readonly inflight: Inflight;
  readonly state: BotState;
  /** Every log line so far, as parsed JSON. */
  logs(): { level: number; msg: string; [key: string]: unknown }[];
  readonly rawLogs: string[];
}

interface SetupOptions {
  readonly config?: Partial<TelegramConfig>;
  readonly rag?: FakeRagOptions;
  readonly perMinute?: number;
  readonly bot?: TelegramBotOptions;
  /** Leave the token out of the logger's redaction list, to prove the adapter never logs it itself. */
  readonly noRedaction?: boolean;
  readonly tg?: FakeTelegram;
  readonly state?: Omit<Parameters<typeof createState>[0], "logger">;
  readonly onFatal?: (error: unknown) => void;
}

async function setup(options: SetupOptions = {}): Promise<Setup> {
  const tg = options.tg ?? (await startFakeTelegram());
  if (!options.tg) cleanups.push(() => tg.close());
  const rag = createFakeRag(options.rag);
  const rawLogs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      rawLogs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: "debug", secrets: options.noRedaction ? [] : [tg.token], destination });
  const state = createState({ logger, ...options.state });
  const ask = createAsk({ rag, limiter: createRateLimiter(options.perMinute ?? 100), logger, state });
  const inflight = createInflight();
  const config: TelegramConfig = {
    token: tg.token,
    allowedChats: [],
    apiRoot: tg.apiRoot,
    ...options.config,
  };
  const bot = createTelegramBot(config, { ask, rag, logger, inflight, ...(options.onFatal ? { onFatal: options.onFatal } : {}) }, { typingDelayMs: 0, ...options.bot });
  cleanups.push(async () => {
    await bot.stop();
    await inflight.drain(2000);
  });
  await bot.start();
  const logs = (): ReturnType<Setup["logs"]> => rawLogs.map((line) => JSON.parse(line) as ReturnType<Setup["logs"]>[number]);
  return { tg, rag, bot, inflight, state, logs, rawLogs };
}

/**
 * A real Redis on a free port, connected, with every call the bot makes to it counted: the shared state (payloads,
 * votes, de-duplication) goes through it. Stopped when the test ends.
 */
async function countedRedis(): Promise<{ redis: SharedRedis; calls: () => number }> {
  const server = await startRedis();
  cleanups.push(() => server.stop());
  const connection = await connectRedis(server.url, { logger: silentLogger });
  cleanups.push(() => connection.close());
  let calls = 0;
  const redis: SharedRedis = {
    get available() {
      return connection.available;
    },
    run: (call) => {
      calls += 1;
      return connection.run(call);
    },
    close: () => connection.close(),
  };
  return { redis, calls: () => calls };
}

/** A promise the test settles when it chooses: what the fakes hold a request or a piece of a stream on (faults.hold). */
function gate(): { readonly opened: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
}

/** The text a user sees: the HTML parsed as Telegram would, failing the test if it would not parse. */
function shown(sent: SentMessage | undefined): string {
  const text = sent?.params.text;
  if (typeof text !== "string") throw new Error("no text sent");
  const parsed = parseTelegramHtml(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.text;
}

describe("Telegram bot, long polling", () => {
  it("registers its commands at start", async () => {
    const { tg } = await setup();
    expect(tg.commands).toEqual([
      { command: "ask", description: expect.any(String) },
      { command: "help", description: expect.any(String) },
      { command: "about", description: expect.any(String) },
    ]);
    await tg.waitForCalls("deleteWebhook", 1); // then polling starts in the background
    await tg.waitForCalls("getUpdates", 1);
  });

  it("registers its commands described in Arabic for clients in Arabic, and in English for every other", async () => {
    const { tg } = await setup();
    const ar = messages("ar").commands;
    expect(tg.commandsByLanguage.get("ar")).toEqual([
      { command: "ask", description: ar.ask },
      { command: "help", description: ar.help },
      { command: "about", description: ar.about },
    ]);
    expect(tg.commands).toEqual([
      { command: "ask", description: en.commands.ask },
      { command: "help", description: en.commands.help },
      { command: "about", description: en.commands.about },
    ]);
  });

  it("answers a private question with verbatim quotes, replying to it, after a typing action", async () => {
    const { tg, rag } = await setup();
    const update = tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [sent] = await tg.waitForSent(1);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
    expect(sent?.params).toMatchObject({
      chat_id: update.message.chat.id,
      parse_mode: "HTML",
      reply_parameters: { message_id: update.message.message_id },
    });
    const text = shown(sent);
    expect(text).toContain(`[1] ${FAKE_QUOTES[0]}`);
    expect(text).toContain(`[2] ${FAKE_QUOTES[1]}`);
    expect(text).toContain(en.sources);
    expect(sent?.params.text).toContain("<blockquote>[1] ");
    const methods = tg.calls.map((c) => c.method);
    expect(methods.indexOf("sendChatAction")).toBeGreaterThan(-1);
    expect(methods.indexOf("sendChatAction")).toBeLessThan(methods.indexOf("sendMessage"));
    expect(tg.callsOf("sendChatAction")[0]?.params).toMatchObject({ chat_id: update.message.chat.id, action: "typing" });
  });

  it("in groups answers mentions, replies to its messages and /ask@bot, and ignores other messages", async () => {
    const { tg, rag } = await setup();
    tg.push(tg.groupUpdate("Who is Michele Sison? nobody asked the bot"));
    tg.push(tg.groupUpdate("/ask@someone_else_bot what?"));
    const mention = tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} Who is Michele Sison?`));
    const [first] = await tg.waitForSent(1);
    expect(first?.params).toMatchObject({ chat_id: mention.message.chat.id, reply_parameters: { message_id: mention.message.message_id } });
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);

    if (!first) throw new Error("no answer");
    tg.push(tg.groupUpdate("And her role?", { replyTo: first.message }));
    tg.push(tg.groupUpdate(`/ask@${tg.me.username ?? ""} What did the envoy say?`));
    await tg.waitForSent(3);
    expect(rag.questions).toHaveLength(3);
    expect(rag.questions).toEqual(expect.arrayContaining(["And her role?", "What did the envoy say?"]));
  });

  it("takes its own @mention out of a group's /ask, in any case, and leaves other people's", async () => {
    const { tg, rag } = await setup();
    const me = tg.me.username ?? "";
    tg.push(tg.groupUpdate(`/ask @${me} Who is Michele Sison?`));
    await tg.waitForSent(1);
    tg.push(tg.groupUpdate(`/ask@${me} @${me.toUpperCase()} What did @someone_else say?`));
    await tg.waitForSent(2);
    expect(rag.questions).toEqual(["Who is Michele Sison?", "What did @someone_else say?"]);
  });

  it("answers /start and /help with the help text, and /ask without a question with the usage", async () => {
    const { tg, rag } = await setup();
    tg.push(tg.privateUpdate("/start"));
    await tg.waitForSent(1);
    tg.push(tg.privateUpdate("/help"));
    await tg.waitForSent(2);
    tg.push(tg.privateUpdate("/ask"));
    tg.push(tg.groupUpdate(`/ask@${tg.me.username ?? ""}   `));
    const sent = await tg.waitForSent(4);
    expect(shown(sent[0])).toBe(HELP);
    expect(shown(sent[1])).toBe(HELP);
    expect(shown(sent[2])).toBe(en.usage);
    expect(shown(sent[3])).toBe(en.usage);
    expect(rag.questions).toEqual([]);
  });

  it("reads its commands in any case, as a phone capitalises them: /Ask is asked, /Help helps", async () => {
    const { tg, rag } = await setup();
    tg.push(tg.privateUpdate("/Ask Who is Michele Sison?"));
    await tg.waitForSent(1);
    tg.push(tg.privateUpdate("/HELP"));
    const sent = await tg.waitForSent(2);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
    expect(shown(sent[1])).toBe(HELP);
  });

  it("answers a command it lacks with the help text: in a private chat, or named for it in a group; not another bot's", async () => {
    const { tg, rag, inflight } = await setup();
    tg.push(tg.privateUpdate("/settings"));
    await tg.waitForSent(1);
    tg.push(tg.groupUpdate("/settings@SomeOtherBot"));
    tg.push(tg.groupUpdate("/settings"));
    tg.push(tg.groupUpdate(`/settings@${tg.me.username ?? ""}`));
    await tg.waitForSent(2);
    // A last private /help: once its reply is out, the group's three commands have been handled (telegraf takes the
    // next batch only once one is), and any reply they started is in flight; drained, it would have been sent.
    tg.push(tg.privateUpdate("/help"));
    const sent = await tg.waitForSent(3);
    expect(await inflight.drain(5000)).toBe(true);
    expect(tg.sent.map(shown)).toEqual(Array(3).fill(HELP));
    expect(sent.filter((m) => m.params.chat_id !== sent[0]?.params.chat_id)).toHaveLength(1);
    // In the group it replies to the command, so that everyone sees whose it is; in a private chat it need not.
    const [inPrivate, inGroup] = sent;
    expect(inPrivate?.params.reply_parameters).toBeUndefined();
    expect(inGroup?.params.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
    expect(rag.questions).toEqual([]);
  });

  it("answers /about with the briefings, the index size and when it was built, as valid HTML, in the user's language", async () => {
    const { tg, rag } = await setup();
    tg.push(tg.privateUpdate("/about"));
    const [sent] = await tg.waitForSent(1);
    const info = rag.info();
    const built = `${info.builtAt.slice(0, 16).replace("T", " ")} UTC`;
    expect(shown(sent)).toBe(
      [`Briefings (${info.briefings.length}):`, ...info.briefings.map((b) => `• ${b}`), `Passages: ${info.passages} (${info.sentences} sentences)`, `Index built: ${built}`, `Embedder: ${info.embedder}`].join("\n"),
    );
    tg.push(tg.privateUpdate("/about", { languageCode: "ar" }));
    const [, arabic] = await tg.waitForSent(2);
    expect(shown(arabic)).toBe(
      [`نصوص الأخبار (${info.briefings.length}):`, ...info.briefings.map((b) => `• ${b}`), `المقاطع: ${info.passages}، الجمل: ${info.sentences}`, `تاريخ بناء الفهرس: ${built}`, `نموذج التضمين: ${info.embedder}`].join("\n"),
    );
    expect(rag.questions).toEqual([]);
  });

  it("speaks Arabic to an Arabic question and to a user whose Telegram is in Arabic", async () => {
    const { tg } = await setup();
    tg.push(tg.privateUpdate("/help", { languageCode: "ar" }));
    await tg.waitForSent(1);
    tg.push(tg.privateUpdate("ما هي عاصمة دولة فرنسا الجميلة؟ capital of France"));
    const sent = await tg.waitForSent(2);
    expect(shown(sent[0])).toContain(messages("ar").help);
    expect(shown(sent[1])).toBe(messages("ar").declined);
  });

  it("splits a long answer into parts of at most 4096 characters, each valid HTML, each a reply to the one before", async () => {
    const { tg } = await setup();
    const expected = renderAnswerHtml(await createFakeRag().answer("the long story"));
    expect(expected.length).toBeGreaterThan(1);
    const question = tg.push(tg.privateUpdate("the long story"));
    const sent = await tg.waitForSent(expected.length);
    expect(sent.map((s) => s.params.text)).toEqual(expected);
    for (const part of sent) {
      expect(String(part.params.text).length).toBeLessThanOrEqual(4096);
      expect(parseTelegramHtml(String(part.params.text)).ok).toBe(true);
    }
    // The first replies to the question, each other to the part before it: two long answers at once never interleave
    // into one.
    const repliedTo = sent.map((s) => (s.params.reply_parameters as { message_id: number } | undefined)?.message_id);
    expect(repliedTo[0]).toBe(question.message.message_id);
    expect(repliedTo.slice(1)).toEqual(sent.slice(0, -1).map((s) => s.message.message_id));
  });

  it("keeps a question and quotes full of <, &, *, _ and @everyone from breaking the HTML", async () => {
    const { tg, rag } = await setup();
    const question = "What about <b>&amp; *bold* _it_ @everyone </blockquote> & <script>?";
    tg.push(tg.privateUpdate(question));
    const [sent] = await tg.waitForSent(1);
    expect(rag.questions).toEqual([question]);
    expect(shown(sent)).toContain(FAKE_QUOTES[1]);
    expect(sent?.params.text).toContain("&lt;progress&gt; &amp; &quot;cooperation&quot; were *essential* to the_talks");
  });

  it("answers a question the briefing does not cover with the decline text and no citations", async () => {
    const { tg } = await setup();
    tg.push(tg.privateUpdate("What is the capital of France?"));
    const [sent] = await tg.waitForSent(1);
    expect(shown(sent)).toBe(en.declined);
    expect(sent?.params.text).not.toContain("blockquote");
  });

  it("tells a user who sends a sticker that it reads text, and a too-long question about the limit", async () => {
    const { tg } = await setup({ rag: { maxQuestionChars: 30 } });
    tg.push(tg.stickerUpdate());
    await tg.waitForSent(1);
    tg.push(tg.privateUpdate("x".repeat(31)));
    const sent = await tg.waitForSent(2);
    expect(shown(sent[0])).toBe(en.notText);
    expect(shown(sent[1])).toBe(en.tooLong(30));
  });

  it("tells a user who sends what telegraf's types do not know yet, or forwards something, that it reads text", async () => {
    const { tg } = await setup();
    const origin = { type: "channel", chat: { id: -100123, type: "channel", title: "News" }, message_id: 7, date: 1_700_000_000 };
    tg.push(tg.serviceUpdate({ paid_media: { star_count: 5, paid_media: [] } }));
    tg.push(tg.serviceUpdate({ checklist: { title: "Trip", tasks: [] } }));
    tg.push(tg.serviceUpdate({ forward_origin: origin, giveaway: { chats: [], winners_selection_date: 1_700_000_000, winner_count: 1 } }));
    const sent = await tg.waitForSent(3);
    expect(sent.map(shown)).toEqual([en.notText, en.notText, en.notText]);
  });

  it("does not answer Telegram's service messages in a private chat (a pin, an auto-delete timer set), nor count them against the limit", async () => {
    const { tg, inflight } = await setup({ perMinute: 2 });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    tg.push(tg.serviceUpdate({ pinned_message: answer.message })); // the user pins the answer
    tg.push(tg.serviceUpdate({ message_auto_delete_timer_changed: { message_auto_delete_time: 86_400 } }));
    // A last question, within the limit of two only if the service messages were not counted.
    tg.push(tg.privateUpdate("And what did she say?"));
    const sent = await tg.waitForSent(2);
    expect(await inflight.drain(2000)).toBe(true);
    expect(tg.sent).toHaveLength(2);
    expect(shown(sent[1])).toContain(FAKE_QUOTES[0]);
  });

  it("rate-limits a flooding user: the allowed answers, one polite notice, then silence", async () => {
    const { tg, rag, inflight } = await setup({ perMinute: 2 });
    for (let i = 0; i < 6; i++) tg.push(tg.privateUpdate(`Who is Michele Sison? #${i}`));
    await tg.waitForSent(3);
    await inflight.drain(2000);
    expect(tg.sent).toHaveLength(3);
    expect(rag.questions).toHaveLength(2);
    expect(tg.calls.filter((c) => c.method === "sendChatAction")).toHaveLength(2); // typing only for the answers
    const notices = tg.sent.map(shown).filter((text) => text.includes("faster than I can keep up"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/Please wait \d+ seconds? and ask again/);
  });

  it("counts /help, /about, /start and a bare /ask against the same limit: a flood of commands gets one notice, then silence", async () => {
    const { tg, inflight } = await setup({ perMinute: 2 });
    for (const text of ["/help", "/about", "/ask", "/about", "/start", "/ask"]) tg.push(tg.privateUpdate(text));
    await tg.waitForSent(3);
    // A last update from another user: once it is answered, the flood has been handled (telegraf takes the next batch
    // only once one is), and any reply it started is in flight; drained, it would have been sent.
    tg.push(tg.privateUpdate("/help", { id: 4242, name: "Other" }));
    await tg.waitForSent(4);
    expect(await inflight.drain(5000)).toBe(true);
    expect(tg.sent).toHaveLength(4);
    expect(tg.sent.map(shown).filter((text) => text.includes("faster than I can keep up"))).toHaveLength(1);
  });

  it("limits anonymous admins and channels by the chat they post as, not as Telegram's one placeholder account", async () => {
    const { tg, rag } = await setup({ perMinute: 2 });
    const placeholder = { id: 1087968824, name: "Group" }; // GroupAnonymousBot, in `from` for every anonymous admin
    for (let i = 0; i < 3; i++) tg.push(tg.groupUpdate(`@${tg.me.username} Who is Michele Sison? ${i}`, { from: placeholder, chatId: -100111, senderChat: { id: -100111, title: "A" } }));
    await tg.waitForSent(3);
    tg.push(tg.groupUpdate(`@${tg.me.username} Who is Michele Sison? other group`, { from: placeholder, chatId: -100222, senderChat: { id: -100222, title: "B" } }));
    const sent = await tg.waitForSent(4);
    expect(rag.questions).toHaveLength(3);
    expect(sent[3]?.params["chat_id"]).toBe(-100222);
    expect(shown(sent[3])).toContain(FAKE_QUOTES[0]);
  });

  it("sends a command's reply in the background: one waiting out a 429 does not hold up another chat's answer", async () => {
    const { tg, inflight } = await setup();
    // /help's reply is told to wait, and the fake holds its retry until the other chat's answer is out: a reply sent
    // in the foreground would keep telegraf from polling again, and the question would never be taken.
    const toHelpless = (params: Readonly<Record<string, unknown>>): boolean => params.chat_id === 7;
    const retry = gate();
    tg.fail("sendMessage", faults.tooManyRequests(1), 1, toHelpless);
    tg.fail("sendMessage", faults.hold(retry.opened), 1, toHelpless);
    tg.push(tg.privateUpdate("/help", { id: 7, name: "Helpless" }));
    await tg.waitForCalls("sendMessage", 1);
    tg.push(tg.privateUpdate("Who is Michele Sison?", { id: 8, name: "Asker" }));
    const [first] = await tg.waitForSent(1, 15_000);
    expect(first?.params["chat_id"]).toBe(8);
    retry.open();
    await tg.waitForSent(2, 15_000);
    expect(await inflight.drain(5000)).toBe(true);
    expect(tg.sent.map((m) => m.params["chat_id"])).toEqual([8, 7]);
    // The reply did wait out the 429: refused once, then sent by its retry.
    expect(tg.callsOf("sendMessage").filter((c) => toHelpless(c.params)).map((c) => c.fault?.kind)).toEqual(["error", "hold"]);
  });

  it("answers an exception in the core with an apology and keeps answering", async () => {
    const { tg, logs } = await setup();
    tg.push(tg.privateUpdate("Please explode"));
    await tg.waitForSent(1);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const sent = await tg.waitForSent(2);
    expect(shown(sent[0])).toBe(en.failed);
    expect(shown(sent[1])).toContain(FAKE_QUOTES[0]);
    expect(logs().some((l) => l.msg === "answering failed" && l.level === 50)).toBe(true);
  });

  it("logs a failed send, apologises and keeps running", async () => {
    const { tg, logs } = await setup();
    tg.fail("sendMessage", faults.badRequest("chat not found"));
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [apology] = await tg.waitForSent(1);
    expect(shown(apology)).toBe(en.failed);
    expect(logs().some((l) => l.msg === "handling a Telegram update failed")).toBe(true);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const sent = await tg.waitForSent(2);
    expect(shown(sent[1])).toContain(FAKE_QUOTES[0]);
  });

  it("sends no apology where Telegram refuses the bot's messages (blocked, removed, no right to send), logging one warning each", async () => {
    const { tg, inflight, logs } = await setup();
    const refusals = [
      { chat: 7001, fault: { kind: "error", code: 403, description: "Forbidden: bot was blocked by the user" } },
      { chat: -1007002, fault: { kind: "error", code: 403, description: "Forbidden: bot was kicked from the supergroup chat" } },
      { chat: -1007003, fault: { kind: "error", code: 400, description: "Bad Request: not enough rights to send text messages to the chat" } },
    ] as const;
    // Each chat refuses every message, an apology as the answer: as Telegram does.
    for (const { chat, fault } of refusals) tg.fail("sendMessage", fault, 5, (params) => params.chat_id === chat);
    tg.push(tg.privateUpdate("Who is Michele Sison?", { id: 7001 }));
    tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} Who is Michele Sison?`, { chatId: -1007002 }));
    tg.push(tg.groupUpdate("/help", { chatId: -1007003 }));
    await tg.waitForCalls("sendMessage", 3);
    await inflight.drain(2000);
    expect(tg.callsOf("sendMessage").map((c) => c.params.chat_id).sort()).toEqual(refusals.map((r) => r.chat).sort());
    const refused = logs().filter((l) => l.msg.startsWith("Telegram refused the reply"));
    expect(refused.map((l) => [l.level, l.chat]).sort()).toEqual(refusals.map((r) => [40, r.chat]).sort());
    expect(logs().filter((l) => l.level >= 50)).toEqual([]);
    // And the bot goes on answering where it may write.
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    expect(shown(answer)).toContain(FAKE_QUOTES[0]);
  });

  it("honours 429 retry_after on sendMessage and delivers the answer exactly once", async () => {
    const { tg, inflight } = await setup();
    tg.fail("sendMessage", faults.tooManyRequests(1));
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1, 5000);
    await inflight.drain(2000);
    const attempts = tg.callsOf("sendMessage");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.fault).toEqual(faults.tooManyRequests(1));
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(tg.sent).toHaveLength(1);
    expect(shown(tg.sent[0])).toContain(FAKE_QUOTES[0]);
  });

  it("serves only the allowed chats", async () => {
    const { tg, rag } = await setup({ config: { allowedChats: ["-1001234"] } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} What did the envoy say?`));
    const [sent] = await tg.waitForSent(1);
    expect(sent?.params.chat_id).toBe(-1001234);
    expect(rag.questions).toEqual(["What did the envoy say?"]);
  });

  it("resumes polling after a 502 without repeating or skipping an update", { timeout: 15_000 }, async () => {
    const { tg, rag } = await setup();
    const a = tg.push(tg.privateUpdate("Who is Michele Sison? A"));
    await tg.waitForSent(1);
    tg.fail("getUpdates", faults.badGateway());
    const b = tg.push(tg.privateUpdate("Who is Michele Sison? B")); // wakes the pending long poll; the next one fails
    await tg.waitForCalls("getUpdates", tg.callsOf("getUpdates").length + 1);
    const c = tg.push(tg.privateUpdate("Who is Michele Sison? C"));
    await tg.waitForSent(3, 10_000); // telegraf waits 5 s after a 5xx
    expect(rag.questions).toEqual(["Who is Michele Sison? A", "Who is Michele Sison? B", "Who is Michele Sison? C"]);
    expect(tg.callsOf("getUpdates").filter((call) => call.fault)).toHaveLength(1);
    for (const u of [a, b, c]) expect(tg.deliveries(u.update_id)).toBe(1);
  });

  it("survives a dropped connection while polling and sending, never logging the token", { timeout: 15_000 }, async () => {
    const { tg, rag, rawLogs } = await setup({ noRedaction: true });
    tg.fail("getUpdates", faults.drop());
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    tg.fail("sendMessage", faults.drop());
    const [apology] = await tg.waitForSent(1, 10_000);
    expect(shown(apology)).toBe(en.failed);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
    const secret = tg.token.split(":")[1] ?? "?";
    expect(rawLogs.join("")).toContain("handling a Telegram update failed");
    expect(rawLogs.join("")).not.toContain(secret);
  });

  it("on 409 logs one clear line, backs off instead of spinning, and resumes without answering twice", async () => {
    const { tg, rag, logs, inflight } = await setup({ bot: { conflictRetryMs: 100 } });
    const a = tg.push(tg.privateUpdate("Who is Michele Sison? A"));
    await tg.waitForSent(1);
    tg.fail("getUpdates", faults.conflict(), 3);
    const b = tg.push(tg.privateUpdate("Who is Michele Sison? B")); // delivered, then its offset is never confirmed
    await tg.waitForSent(2);
    await tg.waitForCalls("getUpdates", tg.callsOf("getUpdates").length + 4, 5000); // 3 conflicts, then a good poll
    const c = tg.push(tg.privateUpdate("Who is Michele Sison? C"));
    await tg.waitForCalls("getUpdates", tg.callsOf("getUpdates").length + 1); // C was taken
    await inflight.drain(2000);
    expect(tg.deliveries(b.update_id)).toBe(2); // the fake re-sent it after the restart; the bot skipped it
    expect(rag.questions).toEqual(["Who is Michele Sison? A", "Who is Michele Sison? B", "Who is Michele Sison? C"]);
    const repliedTo = tg.sent.map((s) => (s.params.reply_parameters as { message_id: number }).message_id);
    expect(repliedTo).toEqual([a, b, c].map((u) => u.message.message_id));
    const conflictLines = logs().filter((l) => l.msg.includes("another instance is polling"));
    expect(conflictLines.filter((l) => l.level >= 50)).toHaveLength(1);
    expect(tg.callsOf("getUpdates").length).toBeLessThan(15);
  });

  it("stop() while polling restarts after a 409 still stops it, rather than waiting on the new polling forever", async () => {
    const { tg, bot } = await setup({ bot: { conflictRetryMs: 50 } });
    await tg.waitForCalls("getUpdates", 1);
    // The next poll meets a 409; the restart's deleteWebhook is slow, and stop() comes meanwhile.
    tg.fail("getUpdates", faults.conflict(), 1);
    tg.fail("deleteWebhook", faults.delay(500), 1);
    tg.push(tg.privateUpdate("Who is Michele Sison?")); // wakes the pending long poll, which meets the 409
    await tg.waitForCalls("deleteWebhook", 2, 5000);
    const outcome = await Promise.race([bot.stop().then(() => "stopped"), new Promise((resolve) => setTimeout(() => resolve("still polling"), 5000))]);
    expect(outcome).toBe("stopped");
    const polls = tg.callsOf("getUpdates").length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tg.callsOf("getUpdates")).toHaveLength(polls);
  });

  it("does not poll, and so does not delete it, when a webhook is set: start() fails saying what to do", async () => {
    const tg = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const url = "https://replicas.example.test:8443/hook/s3cret-path";
    await new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } }).telegram.setWebhook(url); // another replica's
    const error = await setup({ tg }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookSetError);
    // Named by its origin: a webhook's path may be a secret (found by a review).
    expect((error as Error).message).toContain("at https://replicas.example.test:8443)");
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain("s3cret-path");
    expect((error as Error).message).toContain("set TELEGRAM_WEBHOOK_URL to run this process as a webhook replica too, or delete the webhook (Bot API deleteWebhook)");
    expect(tg.callsOf("getWebhookInfo")).toHaveLength(1);
    expect(tg.callsOf("deleteWebhook")).toEqual([]);
    expect(tg.callsOf("getUpdates")).toEqual([]);
    expect(tg.webhook?.url).toBe(url);
  });

  it("stops for good, through onFatal and without polling again, when a webhook set elsewhere ends its polling (409)", async () => {
    const fatal: unknown[] = [];
    const { tg, logs } = await setup({ bot: { conflictRetryMs: 10 }, onFatal: (e) => fatal.push(e) });
    await tg.waitForCalls("getUpdates", 1);
    const url = "https://replicas.example.test/telegram/hook";
    // Telegram ends the long poll, then the webhook is there.
    tg.fail("getUpdates", { kind: "error", code: 409, description: "Conflict: terminated by setWebhook request" });
    await new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } }).telegram.setWebhook(url);
    tg.push(tg.privateUpdate("Who is Michele Sison?")); // wakes the pending long poll; the next one meets the 409
    await vi.waitFor(() => expect(fatal).toHaveLength(1), { timeout: 5000, interval: 20 });
    expect(fatal[0]).toBeInstanceOf(WebhookSetError);
    expect((fatal[0] as Error).message).toContain("at https://replicas.example.test)");
    expect((fatal[0] as Error).cause).toMatchObject({ code: 409 });
    expect(logs().filter((l) => l.level >= 50 && l.msg.includes("a webhook was set"))).toHaveLength(1);
    // A relaunch (after conflictRetryMs) would delete the other replicas' webhook first.
    const polls = tg.callsOf("getUpdates").length;
    await delay(200);
    expect(tg.callsOf("deleteWebhook")).toHaveLength(1);
    expect(tg.callsOf("getUpdates")).toHaveLength(polls);
    expect(tg.webhook?.url).toBe(url);
  });

  it("waiting out another poller's conflict, does not poll again over a webhook set meanwhile (found by a review)", async () => {
    const fatal: unknown[] = [];
    const { tg } = await setup({ bot: { conflictRetryMs: 10 }, onFatal: (e) => fatal.push(e) });
    await tg.waitForCalls("getUpdates", 1);
    // Another process polls (the next long poll meets its 409), and a replica has set its webhook by the time this
    // one tries again.
    tg.fail("getUpdates", { kind: "error", code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" });
    await new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } }).telegram.setWebhook("https://replicas.example.test/telegram/hook");
    tg.push(tg.privateUpdate("Who is Michele Sison?")); // wakes the pending long poll; the next one meets the 409
    await vi.waitFor(() => expect(fatal).toHaveLength(1), { timeout: 5000, interval: 20 });
    expect(fatal[0]).toBeInstanceOf(WebhookSetError);
    // Only the launch at start deleted a webhook (there was none then); the webhook set since is kept.
    expect(tg.callsOf("deleteWebhook")).toHaveLength(1);
    expect(tg.webhook?.url).toBe("https://replicas.example.test/telegram/hook");
  });

  it("warns once, naming both ids, when an allowed group became a supergroup, and says to allow the new id", async () => {
    const migration = (tg: FakeTelegram, from: number, to: number): Update => {
      const { update_id, message } = tg.groupUpdate("unused", { chatId: from });
      const { text: _text, entities: _entities, ...rest } = message;
      return { update_id, message: { ...rest, chat: { id: from, type: "group", title: "Briefing readers" }, migrate_to_chat_id: to } } as Update;
    };
    const warnings = (logs: Setup["logs"]): ReturnType<Setup["logs"]> => logs().filter((l) => l.level === 40 && l.msg.includes("became a supergroup"));
    const listed = await setup({ config: { allowedChats: ["-4242"] } });
    listed.tg.push(migration(listed.tg, -4242, -1009876));
    await vi.waitFor(() => expect(warnings(listed.logs)).toHaveLength(1), { timeout: 5000, interval: 20 });
    const [warning] = warnings(listed.logs);
    expect(warning).toMatchObject({ chat: -4242, newChat: -1009876 });
    expect(warning?.msg).toContain("-4242");
    expect(warning?.msg).toContain("add -1009876 there");
    expect(warning?.msg).toContain("TELEGRAM_ALLOWED_CHATS");

    // Without an allowlist every chat is served: the change is told, with nothing to do.
    const open = await setup();
    open.tg.push(migration(open.tg, -4343, -1008765));
    await vi.waitFor(() => expect(warnings(open.logs)).toHaveLength(1), { timeout: 5000, interval: 20 });
    expect(warnings(open.logs)[0]).toMatchObject({ chat: -4343, newChat: -1008765 });
    expect(warnings(open.logs)[0]?.msg).not.toContain("TELEGRAM_ALLOWED_CHATS");
    expect([...listed.tg.sent, ...open.tg.sent]).toEqual([]);
  });

  it("stop() resolves, stops polling and confirms the offset so the next run starts after it", async () => {
    const tg = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const first = await setup({ tg });
    tg.push(tg.privateUpdate("Who is Michele Sison? 1"));
    await tg.waitForSent(1);
    await first.bot.stop();
    await first.bot.stop(); // idempotent
    const second = await setup({ tg });
    tg.push(tg.privateUpdate("Who is Michele Sison? 2"));
    await tg.waitForSent(2);
    expect(first.rag.questions).toEqual(["Who is Michele Sison? 1"]);
    expect(second.rag.questions).toEqual(["Who is Michele Sison? 2"]);
  });
});

describe("Telegram bot, webhook", () => {
  const secret = "s3cret-Token_42";
  /**
   * A webhook on port 0: the system gives a free port as it binds, where a port found free and bound later may be
   * taken meanwhile by another test file running in parallel.
   */
  const hook = (url: string): Partial<TelegramConfig> => ({ webhook: { url, secret, port: 0 } });
  /** The port the bot's webhook server took. */
  const portOf = (bot: TelegramBotHandle): number => {
    const port = bot.webhookPort;
    if (port === undefined) throw new Error("the webhook server is not listening");
    return port;
  };
  /**
   * The server's side of each connection the webhook on `port` accepts (Node's diagnostics channel), as it is
   * accepted: the test sees what the server has read.
   */
  const acceptedSockets = (port: number): Socket[] => {
    const accepted: Socket[] = [];
    const onSocket = (message: unknown): void => {
      const { socket } = message as { socket: Socket };
      if (socket.localPort === port) accepted.push(socket);
    };
    subscribe("net.server.socket", onSocket);
    cleanups.push(async () => void unsubscribe("net.server.socket", onSocket));
    return accepted;
  };
  const refusalsIn = (logs: Setup["logs"]): unknown[] => logs().filter((l) => String(l.msg).startsWith("webhook requests refused")).map((l) => l["refused"]);

  async function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  it("sets the webhook with its secret, refuses wrong or missing secrets, and answers a genuine update", async () => {
    const { tg, rag, bot } = await setup({ config: hook("https://bot.example.test/telegram/hook") });
    const port = portOf(bot);
    expect(tg.webhook).toEqual({ url: "https://bot.example.test/telegram/hook", secretToken: secret });
    const update = tg.privateUpdate("Who is Michele Sison?");
    expect(await post(port, "/telegram/hook", update)).toBe(403);
    expect(await post(port, "/telegram/hook", update, { "x-telegram-bot-api-secret-token": "wrong" })).toBe(403);
    expect(await post(port, "/other", update, { "x-telegram-bot-api-secret-token": secret })).toBe(403);
    expect(rag.questions).toEqual([]);
    expect(await post(port, "/telegram/hook", update, { "x-telegram-bot-api-secret-token": secret })).toBe(200);
    const [sent] = await tg.waitForSent(1);
    expect(shown(sent)).toContain(FAKE_QUOTES[0]);
    expect(rag.questions).toEqual(["Who is Michele Sison?"]);
    expect(tg.callsOf("getUpdates")).toEqual([]);
  });

  it("reads an update whose body comes in two chunks split inside a character (Arabic, an emoji) intact", async () => {
    const { tg, rag, bot } = await setup({ config: hook("https://bot.example.test/telegram/hook") });
    const port = portOf(bot);
    const accepted = acceptedSockets(port);
    const question = "من هي ميشيل سيسون؟ 🇱🇾";
    const body = Buffer.from(JSON.stringify(tg.privateUpdate(question)));
    const split = body.indexOf(Buffer.from("ميشيل")) + 1; // inside the first letter's two bytes
    const headers = { "content-type": "application/json", "content-length": body.length, "x-telegram-bot-api-secret-token": secret };
    const req = request({ host: "127.0.0.1", port, path: "/telegram/hook", method: "POST", headers });
    const status = new Promise<number>((resolve, reject) => {
      req.on("error", reject).on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
    });
    await new Promise<void>((resolve, reject) => req.write(body.subarray(0, split), (err) => (err ? reject(err) : resolve())));
    // The rest only once the server has read the first piece: it then reads them as two chunks.
    const written = req.socket?.bytesWritten ?? Number.NaN;
    await vi.waitFor(() => expect(accepted[0]?.bytesRead).toBe(written), { timeout: 5000, interval: 5 });
    req.end(body.subarray(split));
    expect(await status).toBe(200);
    await tg.waitForSent(1);
    expect(rag.questions).toEqual([question]);
  });

  it("logs a flood of refused webhook requests at once and then with their count, not once each", async () => {
    // An interval no run of this test outlasts: the whole flood comes within it, however slow the machine.
    const { bot, logs } = await setup({ config: hook("https://bot.example.test/telegram/hook"), bot: { refusalLogIntervalMs: 60_000 } });
    const port = portOf(bot);
    for (let i = 0; i < 30; i++) expect(await post(port, `/scan/${i}`, {})).toBe(403);
    expect(refusalsIn(logs)).toEqual([1]);
    // The rest of the flood in one line, when the interval is over or, as here, when the bot stops.
    await bot.stop();
    expect(refusalsIn(logs)).toEqual([1, 29]);
  });

  it("logs the refused webhook requests counted in an interval once it is over, without waiting for stop()", async () => {
    const { bot, logs } = await setup({ config: hook("https://bot.example.test/telegram/hook"), bot: { refusalLogIntervalMs: 200 } });
    const port = portOf(bot);
    for (let i = 0; i < 3; i++) expect(await post(port, `/scan/${i}`, {})).toBe(403);
    // The first at once; each other logged at once too if the interval was over when it came, else counted and
    // logged when it is: however the three fell, every one of them is told without the bot stopping.
    await vi.waitFor(() => expect(refusalsIn(logs).reduce((sum: number, n) => sum + Number(n), 0)).toBe(3), { timeout: 10_000, interval: 50 });
    expect(refusalsIn(logs)[0]).toBe(1);
  });

  it("stop() is not held up by a client that began a request and never finished it", { timeout: 10_000 }, async () => {
    const { bot } = await setup({ config: hook("https://bot.example.test/hook") });
    const port = portOf(bot);
    const accepted = acceptedSockets(port);
    const client = connect(port, "127.0.0.1");
    cleanups.push(async () => void client.destroy());
    const clientClosed = new Promise((resolve) => client.once("close", resolve));
    client.on("error", (err) => expect(err).toMatchObject({ code: "ECONNRESET" })); // the server may cut it off so
    await new Promise((resolve) => client.once("connect", resolve));
    const head = "POST /hook HTTP/1.1\r\nHost: bot.example.test\r\n"; // the headers never end
    client.write(head);
    // Until the server has read the half-sent request, its connection is idle, and stop() would close it at once
    // (closeIdleConnections) without the cut-off ever being tried: wait until it has read every byte.
    const deadline = Date.now() + 5000;
    while (!(accepted.length === 1 && accepted[0]?.bytesRead === Buffer.byteLength(head))) {
      if (Date.now() > deadline) throw new Error(`the server did not read the half-sent request (${accepted.length} connections)`);
      await delay(5);
    }
    const serverSide = accepted[0];

    // stop() closes the idle connections before its first await: had the half-sent request's connection been taken
    // for idle, it would be destroyed now, and the cut-off never tried.
    const stopping = bot.stop(500);
    expect(serverSide?.destroyed, "closed as idle").toBe(false);
    // Before the cut-off, stop() waited for that request for ever (the test's timeout would end it).
    await stopping;
    // Cut off by the server: its side destroyed, and the client's connection ended though the client never closed it.
    expect(serverSide?.destroyed).toBe(true);
    await clientClosed;
  });

  it("stop() closes the webhook server", async () => {
    const { bot } = await setup({ config: hook("https://bot.example.test/hook") });
    const port = portOf(bot);
    await bot.stop();
    expect(bot.webhookPort).toBeUndefined();
    await expect(post(port, "/hook", {}, { "x-telegram-bot-api-secret-token": secret })).rejects.toThrow();
  });
});

describe("fake Telegram server", () => {
  it("checks HTML as strictly as Telegram documents it", () => {
    expect(parseTelegramHtml("<b>a &amp; <i>b</i></b> &lt;&gt;&quot; &#65;&#x42;")).toEqual({ ok: true, text: 'a & b <>" AB' });
    for (const bad of ["<b>x", "x</b>", "a < b", "a > b", "&nbsp;", "a & b", "<div>x</div>", "<blockquote><blockquote>x</blockquote></blockquote>", "<b><i>x</b></i>"]) {
      expect(parseTelegramHtml(bad).ok, bad).toBe(false);
    }
  });

  it("refuses bad HTML and over-long text, and edits sent messages, through the real client", async () => {
    const tg = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const { telegram } = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
    await expect(telegram.sendMessage(1, "a < b", { parse_mode: "HTML" })).rejects.toThrow(/can't parse entities/);
    await expect(telegram.sendMessage(1, "x".repeat(4097))).rejects.toThrow(/message is too long/);
    const sent = await telegram.sendMessage(1, "<b>draft</b>", { parse_mode: "HTML" });
    const edited = await telegram.editMessageText(1, sent.message_id, undefined, "<b>final</b> &amp; done", { parse_mode: "HTML" });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "final & done" });
    await expect(telegram.editMessageText(1, 999, undefined, "x")).rejects.toThrow(/message to edit not found/);
    tg.fail("sendMessage", faults.tooManyRequests(7));
    await expect(telegram.sendMessage(1, "x")).rejects.toMatchObject({ code: 429, parameters: { retry_after: 7 } });
  });
});

describe("Telegram bot, composed answers streaming from a language model", () => {
  /** The final edit of a streamed answer: the one that puts the buttons under it. */
  const withButtons = (params: Record<string, unknown>): boolean => params.reply_markup !== undefined;
  /**
   * A bot over the real core, its answers composed by a fake model that streams three sentences. `logged` tells
   * whether a warning (or worse) with that message has been logged.
   */
  async function streaming(
    chat: typeof threeSentences = threeSentences,
  ): Promise<{ tg: FakeTelegram; inflight: ReturnType<typeof createInflight>; logged: (msg: string) => boolean }> {
    const llm = await startFakeOpenAI({ chat });
    cleanups.push(() => llm.close());
    const project = tempProject();
    cleanups.push(async () => project.remove());
    const tg = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: "warn", secrets: [], destination });
    const logged = (msg: string): boolean => lines.some((line) => (JSON.parse(line) as { msg?: unknown }).msg === msg);
    const rag = await createRag({
      root: project.root,
      seedsDir: project.seedsDir,
      indexDir: project.indexDir,
      logger,
      llm: { baseUrl: llm.baseUrl, model: "fake", timeoutMs: 15_000, streamIntervalMs: 0 },
    });
    const inflight = createInflight();
    const config: TelegramConfig = { token: tg.token, allowedChats: [], apiRoot: tg.apiRoot };
    const bot = createTelegramBot(config, { ask: createAsk({ rag, limiter: createRateLimiter(100), logger }), rag, logger, inflight });
    cleanups.push(async () => {
      await bot.stop();
      await inflight.drain(2000);
    });
    await bot.start();
    return { tg, inflight, logged };
  }

  it("sends the first verified sentence as a reply, edits it as more arrives, and ends with the answer and its sources", { timeout: 20_000 }, async () => {
    const { tg, inflight } = await streaming();
    const update = tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1, 10_000);
    await inflight.drain(10_000);
    expect(tg.sent).toHaveLength(1); // one message, edited in place
    const [first] = tg.sent;
    expect(first?.params.reply_parameters).toMatchObject({ message_id: update.message.message_id });
    expect(shown(first)).toBe("Michele Sison is a US assistant secretary of state [1]. …");
    const edits = tg.callsOf("editMessageText").map((c) => String(c.params.text));
    expect(edits.length).toBeGreaterThanOrEqual(2);
    for (const edit of edits) expect(parseTelegramHtml(edit).ok).toBe(true);
    const last = parseTelegramHtml(edits.at(-1) ?? "");
    if (!last.ok) throw new Error(last.error);
    expect(last.text).toMatch(/^Michele Sison is a US assistant secretary of state \[1\]\. She spoke in Algiers \[2\]\. She said “.+” \[1\]\.\n\n/u);
    expect(last.text).toContain(`${en.quotes}\n[1] `);
    expect(last.text).toContain(`${en.sources}\n[1] seeds/000_9ae3e538818b189d.txt, `);
    // Partial texts only ever grew, and each was a prefix of the final answer.
    const partials = [String(first?.params.text), ...edits.slice(0, -1)].map((t) => t.replace(/ …$/u, ""));
    for (const p of partials) expect(edits.at(-1)?.startsWith(p)).toBe(true);
  });

  it("stops a streamed answer at the first refusal where the bot may not write (blocked): one refused send, one warning", { timeout: 20_000 }, async () => {
    // Found by a review: each partial text tried its refused send again, each logged, and then the answer.
    const { tg, inflight, logged } = await streaming();
    tg.fail("sendMessage", { kind: "error", code: 403, description: "Forbidden: bot was blocked by the user" }, 10);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForCalls("sendMessage", 1);
    expect(await inflight.drain(10_000)).toBe(true);
    expect(tg.callsOf("sendMessage")).toHaveLength(1);
    expect(tg.callsOf("editMessageText")).toEqual([]);
    expect(logged("Telegram refused the reply: the bot may not write in this chat (blocked, removed, or not allowed to send); no apology sent")).toBe(true);
    expect(logged("could not show the answer so far")).toBe(false);
  });

  it("drops the partial edits Telegram asks to slow down, instead of holding the final answer behind their waits", { timeout: 20_000 }, async () => {
    const { tg, inflight } = await streaming();
    // The first partial edit is told to wait 20 s: no other partial is tried in that time, and the final edit is
    // not held behind the wait.
    tg.fail("editMessageText", faults.tooManyRequests(20), 1);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1, 10_000);
    expect(await inflight.drain(8000)).toBe(true);
    const edits = tg.callsOf("editMessageText");
    expect(edits.map((e) => e.fault)).toEqual([faults.tooManyRequests(20), undefined]);
    expect(String(edits.at(-1)?.params.text)).toContain(en.sources);
  });

  it("after a first partial held back by a 429, streams again once the wait is over", { timeout: 30_000 }, async () => {
    // Four sentences, each let through by the test. The first partial's send is told to wait; the second sentence
    // comes once the bot has begun that wait (and is held back), the third once it is over (and creates the
    // message), the last once it is being created; then the answer is edited in.
    const retryAfter = 2;
    const [second, third, fourth] = [gate(), gate(), gate()];
    const { tg, inflight, logged } = await streaming((request) => {
      const base = threeSentences(request);
      if (base.kind !== "text") return base;
      const again = /She spoke in Algiers \[\d+\]\./u.exec(base.text)?.[0] ?? "";
      // Each part ends with the first letter of the next sentence: a sentence is verified, and shown, once the next
      // one begins (a citation could still follow its full stop).
      const parts = `${base.text} ${again}`.split(/(?<=\]\. \S)/u);
      if (parts.length !== 4) throw new Error(`expected four sentences, got ${JSON.stringify(parts)}`);
      const [s1 = "", s2 = "", s3 = "", s4 = ""] = parts;
      return { kind: "parts", parts: [{ text: s1 }, { text: s2, after: second.opened }, { text: s3, after: third.opened }, { text: s4, after: fourth.opened }] };
    });
    tg.fail("sendMessage", faults.tooManyRequests(retryAfter), 1);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    // The first partial was refused, and the bot holds partials back from now on.
    await vi.waitFor(() => expect(logged("could not show the answer so far")).toBe(true), { timeout: 15_000, interval: 20 });
    second.open();
    // The bot logged the refusal after it began the wait, so the wait is over once this sleep is, however slow the
    // machine (a slow one only makes the sleep end later).
    await delay(retryAfter * 1000);
    third.open();
    await tg.waitForCalls("sendMessage", 2, 15_000);
    fourth.open();
    expect(await inflight.drain(15_000)).toBe(true);
    // A later partial created the message, and the final answer was edited into it.
    expect(tg.callsOf("sendMessage").map((c) => c.fault)).toEqual([faults.tooManyRequests(retryAfter), undefined]);
    expect(tg.sent).toHaveLength(1);
    expect(String(tg.callsOf("editMessageText").at(-1)?.params.text)).toContain(en.sources);
  });
  it("an answer edited in whose reply was lost is checked by editing again, not sent a second time", { timeout: 20_000 }, async () => {
    // Telegram carries out the final edit (the one with the buttons) but its answer is lost; the edit made again
    // is refused as changing nothing, which says it is in place.
    const { tg, inflight } = await streaming();
    tg.fail("editMessageText", { kind: "lost" }, 1, withButtons);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1, 10_000);
    expect(await inflight.drain(10_000)).toBe(true);
    expect(tg.sent).toHaveLength(1);
    const finals = tg.callsOf("editMessageText").filter((c) => withButtons(c.params));
    expect(finals.map((e) => e.fault)).toEqual([{ kind: "lost" }, undefined]);
    expect(tg.sent.map((m) => tg.textOf(m))).toEqual([expect.stringContaining(en.sources)]);
  });

  it("an answer whose edit Telegram did not carry out is edited in by the second try", { timeout: 20_000 }, async () => {
    const { tg, inflight } = await streaming();
    tg.fail("editMessageText", { kind: "drop" }, 1, withButtons);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1, 10_000);
    expect(await inflight.drain(10_000)).toBe(true);
    expect(tg.sent).toHaveLength(1);
    expect(tg.callsOf("editMessageText").filter((c) => withButtons(c.params))).toHaveLength(2);
    expect(tg.sent.map((m) => tg.textOf(m))).toEqual([expect.stringContaining(en.sources)]);
  });

  it("an answer whose edit is refused is sent anew and the streamed half removed", { timeout: 20_000 }, async () => {
    const { tg, inflight } = await streaming();
    tg.fail("editMessageText", { kind: "error", code: 400, description: "Bad Request: can't parse entities" }, 1, withButtons);
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(2, 10_000);
    expect(await inflight.drain(10_000)).toBe(true);
    expect(tg.sent).toHaveLength(2);
    expect(tg.inChat()).toEqual([tg.sent[1]]);
    expect(tg.inChat().map((m) => tg.textOf(m))).toEqual([expect.stringContaining(en.sources)]);
  });
});

describe("Telegram bot, follow-up questions", () => {
  const first = { question: "Who is Michele Sison?", citations: [{ source: "seeds/fake-briefing.md", start: 0, end: FAKE_QUOTES[0]?.length }, { source: "seeds/fake-briefing.md", start: 1000, end: 1000 + (FAKE_QUOTES[1]?.length ?? 0) }] };

  it("a private question soon after an answer is asked with the earlier turn as context", async () => {
    const { tg, rag } = await setup();
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1);
    tg.push(tg.privateUpdate("And what did she say?"));
    await tg.waitForSent(2);
    expect(rag.contexts).toEqual([undefined, { turns: [first] }]);
  });

  it("two questions sent at once in a private chat: the second follows up on the first, and its reply comes after all of the first's", async () => {
    const { tg, rag, inflight } = await setup();
    const first = tg.push(tg.privateUpdate("Tell me the long story"));
    const second = tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(2);
    expect(await inflight.drain(5000)).toBe(true);
    expect(rag.questions).toEqual(["Tell me the long story", "Who is Michele Sison?"]);
    expect(rag.contexts[1]?.turns.map((t) => t.question)).toEqual(["Tell me the long story"]);
    const repliesTo = tg.sent.map((m) => (m.params.reply_parameters as { message_id?: number } | undefined)?.message_id);
    const toSecond = repliesTo.indexOf(second.message.message_id);
    expect(repliesTo[0]).toBe(first.message.message_id);
    expect(toSecond).toBe(tg.sent.length - 1); // the first answer's parts all came before it
    expect(tg.sent.length).toBeGreaterThan(2);
  });

  it("one person's questions in a forum topic follow up on each other; another person's or topic's do not", async () => {
    const { tg, rag } = await setup();
    const mention = `@${tg.me.username ?? ""}`;
    tg.push(tg.groupUpdate(`${mention} Who is Michele Sison?`, { topic: 7 }));
    await tg.waitForSent(1);
    tg.push(tg.groupUpdate(`${mention} And what did she say?`, { topic: 7 }));
    await tg.waitForSent(2);
    tg.push(tg.groupUpdate(`${mention} And what did she say?`, { topic: 7, from: { id: 1002 } }));
    await tg.waitForSent(3);
    tg.push(tg.groupUpdate(`${mention} And what did she say?`, { topic: 8 }));
    await tg.waitForSent(4);
    expect(rag.contexts).toEqual([undefined, { turns: [first] }, undefined, undefined]);
  });

  it("in a group a reply to the answer follows up, a new mention does not", async () => {
    const { tg, rag } = await setup();
    tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} Who is Michele Sison?`));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} What about Mali?`, { from: { id: 1002 } }));
    await tg.waitForSent(2);
    tg.push(tg.groupUpdate("And what did she say?", { replyTo: answer.message, from: { id: 1003 } }));
    await tg.waitForSent(3);
    expect(rag.contexts).toEqual([undefined, undefined, { turns: [first] }]);
  });

  it("in a group a reply to a paragraph posted under an answer follows up on that answer", async () => {
    // Found by a review: the paragraph was linked to nothing, so a reply to it was asked alone.
    const { tg, rag } = await setup();
    tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} Who is Michele Sison?`));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    tg.push(tg.callbackUpdate(answer.message, tg.buttonsOf(answer)[0]?.[0] ?? ""));
    const [, passage] = await tg.waitForSent(2);
    if (!passage) throw new Error("no paragraph");
    await tg.waitForCalls("answerCallbackQuery", 1);
    tg.push(tg.groupUpdate("And what did she say?", { replyTo: passage.message, from: { id: 1003 } }));
    await tg.waitForSent(3);
    expect(rag.contexts).toEqual([undefined, { turns: [first] }]);
  });
});

describe("Telegram bot, answer buttons and feedback", () => {
  const withFeedback = (dir: string): SetupOptions => ({ state: { feedback: { dir, retentionDays: 30, salt: "test-salt-0123456789" } } });

  it("puts 'Show paragraph [n]' and 👍/👎 under the answer with short callback data; a paragraph comes as a reply", async () => {
    const project = tempProject(false);
    try {
      const { tg } = await setup(withFeedback(project.root));
      tg.push(tg.privateUpdate("Who is Michele Sison?"));
      const [answer] = await tg.waitForSent(1);
      if (!answer) throw new Error("no answer");
      const rows = tg.buttonsOf(answer);
      expect(rows).toEqual([
        [expect.stringMatching(/^p:[\w-]{8}:1:en$/u), expect.stringMatching(/^p:[\w-]{8}:2:en$/u)],
        [expect.stringMatching(/^f:[\w-]{8}:up:en$/u), expect.stringMatching(/^f:[\w-]{8}:down:en$/u)],
      ]);
      const keyboard = (answer.params["reply_markup"] as { inline_keyboard: { text: string }[][] }).inline_keyboard;
      expect(keyboard.flat().map((b) => b.text)).toEqual(["Show paragraph [1]", "Show tweet [2]", "👍", "👎"]);

      tg.push(tg.callbackUpdate(answer.message, rows[0]?.[1] ?? ""));
      const [, passage] = await tg.waitForSent(2);
      expect(passage?.params).toMatchObject({ parse_mode: "HTML", reply_parameters: { message_id: answer.message.message_id } });
      expect(shown(passage)).toBe(`[2] The whole passage (seeds/fake-briefing.md, tweet by @State_IO, 23 Jan 2023):\n${FAKE_QUOTES[1]}`);
      await tg.waitForCalls("answerCallbackQuery", 1);
      expect(tg.callbackAnswers[0]?.text).toBeUndefined();
    } finally {
      project.remove();
    }
  });

  it("records 👍/👎 once per user with the question and citations, and thanks with a toast", async () => {
    const project = tempProject(false);
    try {
      const { tg, state } = await setup(withFeedback(project.root));
      tg.push(tg.privateUpdate("Who is Michele Sison?"));
      const [answer] = await tg.waitForSent(1);
      if (!answer) throw new Error("no answer");
      const [, votes] = tg.buttonsOf(answer);
      tg.push(tg.callbackUpdate(answer.message, votes?.[0] ?? ""));
      await tg.waitForCalls("answerCallbackQuery", 1);
      tg.push(tg.callbackUpdate(answer.message, votes?.[1] ?? ""));
      await tg.waitForCalls("answerCallbackQuery", 2);
      expect(tg.callbackAnswers.map((a) => a.text)).toEqual([en.thanksUp, en.alreadyVoted]);
      const events = await state.feedback.list();
      expect(events).toMatchObject([{ kind: "up", platform: "telegram", question: "Who is Michele Sison?", citations: [{ n: 1 }, { n: 2 }] }]);
      expect(JSON.stringify(events)).not.toContain("1001");
      expect(tg.sent).toHaveLength(1); // a vote sends no message
    } finally {
      project.remove();
    }
  });

  it("an expired button gets a friendly toast in its answer's language, an unknown one in the user's, never an error", async () => {
    const { tg, logs } = await setup({ state: { buttonTtlMs: 1 } });
    tg.push(tg.privateUpdate("من هي ميشال سيسون؟"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    const rows = tg.buttonsOf(answer);
    expect(rows).toHaveLength(1); // no feedback log: no 👍/👎
    await delay(5);
    tg.push(tg.callbackUpdate(answer.message, rows[0]?.[0] ?? "", { languageCode: "en" }));
    tg.push(tg.callbackUpdate(answer.message, "something-else", { languageCode: "en" }));
    await tg.waitForCalls("answerCallbackQuery", 2);
    expect(tg.callbackAnswers.map((a) => a.text).sort()).toEqual([messages("ar").buttonExpired, en.buttonExpired].sort());
    expect(logs().filter((l) => l.level >= 50)).toEqual([]);
  });

  it("tells only the presser, with a toast in the answer's language, when a paragraph cannot be sent; nothing goes to the chat", async () => {
    const { tg, logs } = await setup();
    tg.push(tg.privateUpdate("من هي ميشال سيسون؟"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    tg.fail("sendMessage", { kind: "error", code: 400, description: "Bad Request: message is too long" }, 3);
    tg.push(tg.callbackUpdate(answer.message, tg.buttonsOf(answer)[0]?.[0] ?? "", { languageCode: "en" }));
    await tg.waitForCalls("answerCallbackQuery", 1);
    expect(tg.callbackAnswers.map((a) => a.text)).toEqual([messages("ar").failed]);
    expect(tg.sent).toHaveLength(1); // no apology in the chat
    expect(logs().map((l) => l.msg)).toContain("handling a button press failed");
  });

  it("stops the button spinning while a paragraph waits out a 429, and posts it once after", async () => {
    const { tg, inflight } = await setup({ bot: { acknowledgeWithinMs: 200 } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    // The paragraph is told to wait, and the fake holds its retry until the press has been answered: an answer that
    // waited for the send would never come.
    const retry = gate();
    tg.fail("sendMessage", faults.tooManyRequests(1));
    tg.fail("sendMessage", faults.hold(retry.opened));
    tg.push(tg.callbackUpdate(answer.message, tg.buttonsOf(answer)[0]?.[0] ?? ""));
    await tg.waitForCalls("answerCallbackQuery", 1, 15_000);
    // Answered while the send still waits: the passage is not out yet.
    expect(tg.sent).toHaveLength(1);
    retry.open();
    await tg.waitForSent(2, 15_000);
    expect(await inflight.drain(5000)).toBe(true);
    expect(tg.callsOf("sendMessage").slice(1).map((c) => c.fault?.kind)).toEqual(["error", "hold"]);
    expect(tg.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(tg.callbackAnswers.map((a) => a.text)).toEqual([undefined]);
  });

  it("still posts the paragraph, and logs no failure of the press, when its late acknowledgement is refused", async () => {
    const { tg, inflight, logs } = await setup({ bot: { acknowledgeWithinMs: 200 } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    tg.fail("sendMessage", faults.tooManyRequests(1));
    tg.fail("answerCallbackQuery", faults.badRequest("query is too old and response timeout expired"), 1);
    tg.push(tg.callbackUpdate(answer.message, tg.buttonsOf(answer)[0]?.[0] ?? ""));
    await tg.waitForSent(2, 5000);
    await inflight.drain(2000);
    expect(logs().map((l) => l.msg)).not.toContain("handling a button press failed");
    expect(logs().map((l) => l.msg)).toContain("could not answer the callback query");
  });

  it("counts a 'Show paragraph' press against the presser's limit: past it the presser gets the notice as a toast, the chat nothing", async () => {
    const { tg, inflight } = await setup({ perMinute: 2 });
    tg.push(tg.groupUpdate(`@${tg.me.username} Who is Michele Sison?`, { from: { id: 42 } }));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    const button = tg.buttonsOf(answer)[0]?.[0] ?? "";
    for (let i = 0; i < 5; i++) tg.push(tg.callbackUpdate(answer.message, button, { id: 42 }));
    await tg.waitForCalls("answerCallbackQuery", 5);
    await inflight.drain(2000);
    // The question and one paragraph were allowed; the second press got the notice, the rest a silent toast.
    expect(tg.sent).toHaveLength(2);
    const toasts = tg.callbackAnswers.map((a) => a.text ?? "");
    expect(toasts.filter((t) => t === "")).toHaveLength(4);
    expect(toasts.filter((t) => t.includes("faster than I can keep up"))).toHaveLength(1);
  });

  it("limits a flood of presses: the allowed ones answered, the rest a short toast; a refused press touches no state (no Redis, no vote)", async () => {
    const { redis: counted, calls: redisCalls } = await countedRedis();
    const project = tempProject(false);
    cleanups.push(async () => project.remove());
    const { tg, state, inflight } = await setup({ state: { redis: counted, feedback: { dir: project.root, retentionDays: 30, salt: "test-salt-0123456789" } } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    const [[paragraph = ""] = [], [up = ""] = []] = tg.buttonsOf(answer);
    const tooFast = (text: string | undefined): boolean => /^You're pressing buttons faster than I can keep up\. Please wait \d+ seconds? and press again\.$/u.test(text ?? "");

    // A script presses "Show paragraph" again and again: as many presses as the limit allows are answered.
    const flood = PRESS_LIMIT + 5;
    for (let i = 0; i < flood; i++) tg.push(tg.callbackUpdate(answer.message, paragraph));
    await tg.waitForCalls("answerCallbackQuery", flood);
    await inflight.drain(2000);
    expect(tg.sent).toHaveLength(1 + PRESS_LIMIT);
    expect(tg.callbackAnswers.filter((a) => tooFast(a.text))).toHaveLength(5);

    // Still within the window, a 👍 and two more paragraphs: each told why, and nothing else done.
    const before = redisCalls();
    tg.push(tg.callbackUpdate(answer.message, up));
    tg.push(tg.callbackUpdate(answer.message, paragraph));
    tg.push(tg.callbackUpdate(answer.message, up));
    await tg.waitForCalls("answerCallbackQuery", flood + 3);
    await inflight.drain(2000);
    expect(tg.callbackAnswers.slice(flood).map((a) => tooFast(a.text))).toEqual([true, true, true]);
    expect(redisCalls()).toBe(before);
    expect(tg.sent).toHaveLength(1 + PRESS_LIMIT);
    expect(await state.feedback.list()).toEqual([]);

    // Another reader's vote is taken as ever.
    tg.push(tg.callbackUpdate(answer.message, up, { id: 2002 }));
    await tg.waitForCalls("answerCallbackQuery", flood + 4);
    expect(tg.callbackAnswers.at(-1)?.text).toBe(en.thanksUp);
    expect((await state.feedback.list()).map((e) => e.kind)).toEqual(["up"]);
    expect(redisCalls()).toBeGreaterThan(before);
  });

  it("tells a press in a chat not allowed that the bot is not enabled there, and claims nothing for it", async () => {
    const { redis, calls } = await countedRedis();
    const { tg, inflight } = await setup({ config: { allowedChats: ["-1001234"] }, state: { redis } });
    tg.push(tg.groupUpdate(`@${tg.me.username ?? ""} Who is Michele Sison?`));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    const [[paragraph = ""] = []] = tg.buttonsOf(answer);
    // The answer's buttons pressed in a chat off the list (the answer forwarded there, or the group taken off it).
    const elsewhere = { ...answer.message, chat: { id: 777, type: "private" as const, first_name: "Reader" } };
    await inflight.drain(2000);
    const before = calls();
    for (let i = 0; i < 3; i++) tg.push(tg.callbackUpdate(elsewhere, paragraph));
    await tg.waitForCalls("answerCallbackQuery", 3);
    await inflight.drain(2000);
    expect(tg.callbackAnswers.map((a) => a.text)).toEqual([en.notAllowed, en.notAllowed, en.notAllowed]);
    expect(calls()).toBe(before);
    expect(tg.sent).toHaveLength(1);
  });

  it("answers a press in the presser's language, not that of the message the button is under", async () => {
    const { tg, inflight } = await setup();
    // An Arabic message of the bot's (its help, to a client in Arabic), and an English reader pressing a button
    // under it that records no language: the press is answered in the reader's language.
    tg.push(tg.privateUpdate("/help", { languageCode: "ar" }));
    const [help] = await tg.waitForSent(1);
    if (!help) throw new Error("no help");
    expect(shown(help)).toContain(messages("ar").help);
    tg.push(tg.callbackUpdate(help.message, "something-else", { languageCode: "en" }));
    await tg.waitForCalls("answerCallbackQuery", 1);
    await inflight.drain(2000);
    expect(tg.callbackAnswers.map((a) => a.text)).toEqual([en.buttonExpired]);
  });

  it("words the rate-limit toast of a 'Show paragraph' press for a press, in the button's language: press again in N seconds", async () => {
    const { tg, inflight } = await setup({ perMinute: 2 });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    tg.push(tg.privateUpdate("من هي ميشال سيسون؟", { id: 1002 }));
    const sent = await tg.waitForSent(2);
    const english = sent.find((s) => s.params.chat_id === 1001);
    const arabic = sent.find((s) => s.params.chat_id === 1002);
    if (!english || !arabic) throw new Error("no answers");
    // Each asker has one question left: the first press is posted, the second is over the limit.
    for (let i = 0; i < 2; i++) tg.push(tg.callbackUpdate(english.message, tg.buttonsOf(english)[0]?.[0] ?? ""));
    for (let i = 0; i < 2; i++) tg.push(tg.callbackUpdate(arabic.message, tg.buttonsOf(arabic)[0]?.[0] ?? "", { id: 1002 }));
    await tg.waitForCalls("answerCallbackQuery", 4);
    await inflight.drain(2000);
    const toasts = tg.callbackAnswers.map((a) => a.text).filter((t) => t !== undefined);
    expect(toasts).toHaveLength(2);
    expect(toasts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^You're asking faster than I can keep up\. Please press again in \d+ seconds\.$/u),
        expect.stringMatching(/^طلباتك أسرع مما أستطيع مجاراته\. اضغط مجدداً بعد .+\.$/u),
      ]),
    );
  });

  it("tells a presser whose chat refuses the passage that the bot may not post there, not to try again (from a review)", async () => {
    const { tg, inflight, logs } = await setup();
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    // The chat refuses the bot's messages from now on (it was restricted after the answer).
    tg.fail("sendMessage", { kind: "error", code: 400, description: "Bad Request: not enough rights to send text messages to the chat" }, 5);
    tg.push(tg.callbackUpdate(answer.message, tg.buttonsOf(answer)[0]?.[0] ?? ""));
    await tg.waitForCalls("answerCallbackQuery", 1);
    await inflight.drain(2000);
    expect(tg.callbackAnswers.map((a) => a.text)).toEqual([messages("en").cannotPostHere]);
    expect(logs().filter((l) => l.level >= 50)).toEqual([]);
  });

  it("answers a press once, even when the answer with its toast fails: no second answer with an apology", async () => {
    const { tg, inflight, logs } = await setup();
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    // The answer to an unknown button's press ("expired") is lost on the way.
    tg.fail("answerCallbackQuery", faults.drop(), 1);
    tg.push(tg.callbackUpdate(answer.message, "something-else"));
    await tg.waitForCalls("answerCallbackQuery", 1);
    await inflight.drain(2000);
    expect(tg.callsOf("answerCallbackQuery").map((c) => c.params.text)).toEqual([en.buttonExpired]);
    expect(logs().map((l) => l.msg)).toContain("could not answer the callback query");
    expect(logs().map((l) => l.msg)).not.toContain("handling a button press failed");
  });

  it("handles a callback query delivered twice once", async () => {
    const { tg, inflight } = await setup({ bot: { conflictRetryMs: 50 } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    const [answer] = await tg.waitForSent(1);
    if (!answer) throw new Error("no answer");
    const click = tg.callbackUpdate(answer.message, tg.buttonsOf(answer)[0]?.[0] ?? "");
    // The poll that would confirm the click meets a 409: polling anew, the bot is sent the click again, as Telegram
    // sends again an update whose offset was never confirmed.
    const confirming = (params: Readonly<Record<string, unknown>>): boolean => Number(params.offset) > click.update_id;
    tg.fail("getUpdates", faults.conflict(), 1, confirming);
    tg.push(click);
    // The second poll confirming it comes once the batch that carried the click again has been handled.
    await tg.waitForCalls("getUpdates", 2, 5000, confirming);
    expect(await inflight.drain(2000)).toBe(true);
    expect(tg.deliveries(click.update_id)).toBe(2);
    expect(tg.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(tg.sent).toHaveLength(2); // the answer and one paragraph
  });
});

describe("Telegram bot: typing only for slow answers", () => {
  it("sends no typing action for an answer ready before the delay", async () => {
    // A delay no answer path outlasts, however slow the machine. That the delay's timer is cleared with the answer
    // (no typing after it either) is typingIndicator's, proven on a fake clock in typing.test.ts.
    const { tg, rag, inflight } = await setup({ bot: { typingDelayMs: 60_000 } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1);
    expect(await inflight.drain(5000)).toBe(true);
    expect(rag.questions).toHaveLength(1);
    expect(tg.callsOf("sendChatAction")).toHaveLength(0);
  });

  it("shows typing for an answer still being worked on after the delay, before the answer", async () => {
    const { tg } = await setup({ bot: { typingDelayMs: 20 }, rag: { delayMs: 1500 } });
    tg.push(tg.privateUpdate("Who is Michele Sison?"));
    await tg.waitForSent(1);
    const methods = tg.calls.map((c) => c.method);
    expect(methods.indexOf("sendChatAction")).toBeGreaterThan(-1);
    expect(methods.indexOf("sendChatAction")).toBeLessThan(methods.indexOf("sendMessage"));
  });
});

describe("Telegram bot: a token Telegram refuses", () => {
  it("start() rejects a 401 from getMe saying Telegram refused TELEGRAM_BOT_TOKEN, without the token", async () => {
    const tg = await startFakeTelegram();
    cleanups.push(() => tg.close());
    const wrong = "999999:WRONG-token_abcdefghijklmnopqrs";
    const rag = createFakeRag();
    const ask = createAsk({ rag, limiter: createRateLimiter(100), logger: silentLogger, state: createState({ logger: silentLogger }) });
    const bot = createTelegramBot({ token: wrong, allowedChats: [], apiRoot: tg.apiRoot }, { ask, rag, logger: silentLogger, inflight: createInflight() });
    cleanups.push(() => bot.stop());
    const error = await bot.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    // Typed, so that it is not tried again (src/bots/restart.ts).
    expect(error).toBeInstanceOf(TokenRefusedError);
    expect((error as Error).message).toMatch(/^Telegram refused TELEGRAM_BOT_TOKEN \(401 Unauthorized\)/u);
    expect((error as Error).cause).toMatchObject({ code: 401 });
    expect(`${String(error)} ${(error as Error).stack ?? ""}`).not.toContain("WRONG-token");
    expect(tg.callsOf("getUpdates")).toHaveLength(0);
  });
});
