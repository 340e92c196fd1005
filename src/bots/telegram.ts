/**
 * The Telegram adapter (telegraf 4): long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set.
 * Private chats: any text is a question. Groups (privacy mode on): /ask, @mentions and replies to the bot.
 */
import { createServer, type Server } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { Telegraf, TelegramError, type Context } from "telegraf";
import { message } from "telegraf/filters";
import type { BotCommand, InlineKeyboardMarkup, Message, Update, UserFromGetMe } from "telegraf/types";
import type { TelegramConfig, TelegramWebhook } from "../config.js";
import { detectLanguage, type Language } from "../rag/index.js";
import type { ConversationPlace } from "../state/index.js";
import type { AskContext, Reply } from "./ask.js";
import { admitPress, buttonLanguage, pressButton } from "./buttons.js";
import { deliver } from "./deliver.js";
import { createLiveMessage } from "./live.js";
import { createTurns } from "./turns.js";
import { messages, waitSeconds } from "./messages.js";
import { createPressLimiter } from "./rate-limit.js";
import {
  escapeHtml,
  renderAboutHtml,
  renderHelpHtml,
  renderKeyboardTelegram,
  renderPartialHtml,
  renderPassageHtml,
  renderReplyHtml,
  renderUsageHtml,
} from "./render/telegram.js";
import { TokenRefusedError, type BotDeps, type BotHandle } from "./types.js";
import { typingIndicator } from "./typing.js";

/** Tuning for tests and operators; the defaults suit production. */
export interface TelegramBotOptions {
  /** First wait before polling again after a 409 Conflict (another instance polling); doubles up to a minute. */
  readonly conflictRetryMs?: number;
  /** Retries of a sendMessage refused with 429, each after the `retry_after` Telegram asks for. */
  readonly maxSendRetries?: number;
  /**
   * Show "typing…" only when an answer is not ready after this many ms (default 400): an offline answer takes a
   * millisecond, and a chat action per answer would double the requests the bot makes.
   */
  readonly typingDelayMs?: number;
  /**
   * A "Show paragraph" press is answered (the button stops spinning) once its passage is sent, or after this many
   * ms if the send is still waiting (default 3000): Telegram refuses an answer to a query some seconds old, and a
   * send may wait out a 429 for up to a minute. A send that fails sooner is told to the presser as a toast.
   */
  readonly acknowledgeWithinMs?: number;
  /** The webhook's refused requests are logged at most this often, with their count since the last line (default 60 s). */
  readonly refusalLogIntervalMs?: number;
}

/**
 * A webhook is set for this bot, so this process may not poll: polling would delete it (telegraf's launch() calls
 * deleteWebhook) and take the updates from the replicas it points to. Thrown by start() when a webhook is set, and
 * given to onFatal when Telegram ends polling because one was set since.
 */
export class WebhookSetError extends Error {
  override readonly name = "WebhookSetError";
  /**
   * Where the webhook points: its URL's origin (scheme, host and port; undefined when it could not be read). Not
   * its path, which some deployments keep secret (telegraf's secretPathComponent, a path holding the token).
   */
  readonly origin: string | undefined;
  /** @param url the webhook's URL, as getWebhookInfo gives it; undefined when it could not be read. */
  constructor(url: string | undefined, options?: ErrorOptions) {
    const origin = url === undefined ? undefined : URL.canParse(url) ? new URL(url).origin : "a URL Telegram gave unreadable";
    super(
      `Telegram has a webhook set for this bot${origin === undefined ? "" : ` (at ${origin})`}, so this process does not poll (polling would delete it): ` +
        "set TELEGRAM_WEBHOOK_URL to run this process as a webhook replica too, or delete the webhook (Bot API deleteWebhook) to switch to polling",
      options,
    );
    this.origin = origin;
  }
}

/** The Telegram adapter's handle. */
export interface TelegramBotHandle extends BotHandle {
  /** The port the webhook server listens on (the one taken for port 0) while it runs; undefined when polling or stopped. */
  readonly webhookPort: number | undefined;
}

/** The commands in the client's menu, described in `language`. */
const commandsIn = (language: Language): BotCommand[] => {
  const { commands } = messages(language);
  return [
    { command: "ask", description: commands.ask },
    { command: "help", description: commands.help },
    { command: "about", description: commands.about },
  ];
};
const UPDATES = ["message" as const, "callback_query" as const];
/**
 * What a person sends besides text; any other message is one of Telegram's service messages (a pin, a timer set, a
 * member joined, …). The content is named rather than the service messages, which Telegram adds to more often; kinds
 * newer than telegraf's types (paid media, checklists) by their keys. A forward is always a person's doing.
 */
const CONTENT = new Set([
  "animation", "audio", "checklist", "contact", "dice", "document", "game", "giveaway", "giveaway_winners", "invoice", "location",
  "paid_media", "photo", "poll", "sticker", "story", "venue", "video", "video_note", "voice",
]);
const sentByPerson = (update: Update): update is Update.MessageUpdate =>
  "message" in update && ("forward_origin" in update.message || Object.keys(update.message).some((key) => CONTENT.has(key)));
const FORMAT = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
/** Options that send a message as a reply to message `messageId` (sent anyway if that one is gone). */
const replyTo = (messageId: number) => ({ reply_parameters: { message_id: messageId, allow_sending_without_reply: true } });
/** The wait Telegram asks for with a 429, in seconds; undefined for any other error. */
const retryAfterOf = (error: unknown): number | undefined =>
  error instanceof TelegramError && error.code === 429 ? error.parameters?.retry_after : undefined;
const TYPING_EVERY_MS = 4500;
/** How long stop() lets the webhook requests being received finish (never longer than its grace) before cutting them off. */
const WEBHOOK_CLOSE_MS = 1000;
const MAX_RETRY_AFTER_S = 60;
/** How long the webhook that ended polling is looked up, to name it, before it is reported unnamed. */
const WEBHOOK_INFO_MS = 5000;
/**
 * Telegram's 409 when a webhook ended polling ("terminated by setWebhook request") or is there to begin with ("can't
 * use getUpdates method while webhook is active"): polling again would delete that webhook.
 */
const webhookConflict = (error: unknown): boolean =>
  error instanceof TelegramError && error.code === 409 && /setWebhook|webhook is active/iu.test(error.description);

/**
 * Who sent a message, for the rate limit: the chat an anonymous admin or a channel posts as (Telegram then puts
 * one placeholder account, shared by all of them, in `from`), else the person. (placeOf reads the message alike.)
 */
function senderOf(ctx: Context): string {
  const chat = ctx.senderChat;
  return chat ? `telegram:chat:${chat.id}` : `telegram:${ctx.from?.id ?? ctx.chat?.id}`;
}

/** A sent message's key, by which a reply to it finds the conversation of the answer it was part of. */
const messageKey = (chatId: number, messageId: number): string => `telegram:${chatId}:${messageId}`;

/** Creates the Telegram bot; nothing touches the network until `start()`. */
export function createTelegramBot(config: TelegramConfig, deps: BotDeps, options: TelegramBotOptions = {}): TelegramBotHandle {
  const { ask, inflight } = deps;
  const logger = deps.logger.child({ bot: "telegram" });
  const { conflictRetryMs = 5000, maxSendRetries = 2, typingDelayMs = 400, acknowledgeWithinMs = 3000, refusalLogIntervalMs = 60_000 } = options;
  const bot = new Telegraf(config.token, { telegram: { webhookReply: false, ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}) } });
  const state = ask.state;
  let stopped = false;
  let polling: Promise<void> | undefined;
  let pollingDone = true;
  let webhook: Server | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let conflictWait = conflictRetryMs;
  // The webhook's refused requests are logged once per refusalLogIntervalMs at most, with how many since the last
  // line (the first at once, the rest when the interval is over or the bot stops): a scanner on the public port
  // would flood the log.
  let refused = 0;
  let refusalsLoggedAt = -Infinity;
  let refusalTimer: NodeJS.Timeout | undefined;
  const logRefusals = (): void => {
    clearTimeout(refusalTimer);
    refusalTimer = undefined;
    if (refused === 0) return;
    logger.warn({ refused }, "webhook requests refused: wrong path or secret token");
    refusalsLoggedAt = Date.now();
    refused = 0;
  };
  const noteRefusal = (): void => {
    refused += 1;
    const wait = refusalsLoggedAt + refusalLogIntervalMs - Date.now();
    if (wait <= 0) logRefusals();
    else refusalTimer ??= setTimeout(logRefusals, wait).unref();
  };
  /** Until when each chat's streamed partial texts are held back, after Telegram asked it to slow down. */
  const partialHolds = new Map<number, number>();
  const turns = createTurns();
  /** Answer-button presses per user (see createPressLimiter). */
  const presses = createPressLimiter();

  const onError = async (error: unknown, ctx: Context): Promise<void> => {
    if (cannotWrite(error)) {
      // The apology would be refused alike, and the operator can do nothing about a user who blocked the bot.
      logger.warn({ err: error, update: ctx.update.update_id, chat: ctx.chat?.id }, "Telegram refused the reply: the bot may not write in this chat (blocked, removed, or not allowed to send); no apology sent");
      return;
    }
    logger.error({ err: error, update: ctx.update.update_id, chat: ctx.chat?.id }, "handling a Telegram update failed");
    if (!ctx.chat) return;
    await ctx.reply(escapeHtml(messages(userLanguage(ctx)).failed), { parse_mode: "HTML" }).then(
      () => undefined,
      (err: unknown) => logger.warn({ err, chat: ctx.chat?.id }, "could not send the apology"),
    );
  };
  bot.catch(onError);

  /** Answers a press with `text` as a toast, in the background (as every reply: telegraf polls again only once a batch is handled). */
  const toast = (ctx: Context, text: string): void =>
    void inflight.run(() => ctx.answerCbQuery(text)).catch((err: unknown) => logger.warn({ err }, "could not answer the callback query"));
  bot.use(async (ctx, next) => {
    // An update came: this process polls, no other holds the token now.
    conflictWait = conflictRetryMs;
    const chat = ctx.chat?.id;
    const query = ctx.callbackQuery;
    const pressLanguage = query && buttonLanguage("data" in query ? query.data : "", userLanguage(ctx));
    // A press over the limit is answered before the claim below: the limit is there to spare the shared state
    // (Redis) a flood, and the claim is a Redis write. A press delivered twice is then counted twice, harmlessly.
    if (query && pressLanguage) {
      const refusal = await admitPress(`telegram:${query.from.id}`, pressLanguage, { limiter: presses, logger });
      if (refusal) return toast(ctx, refusal.text);
    }
    // A chat not allowed is ignored before anything is claimed (ignoring is the same however often it is done). A
    // button pressed there (under an answer left in a chat since taken off the list, or forwarded) is told so
    // rather than left spinning.
    if (config.allowedChats.length > 0 && !config.allowedChats.includes(String(chat))) {
      if (pressLanguage) toast(ctx, messages(pressLanguage).notAllowed);
      return logger.debug({ chat }, "chat not in TELEGRAM_ALLOWED_CHATS; ignored");
    }
    // One update is handled once, even when redelivered or posted to two replicas (shared through Redis).
    if (!(await state.updates.first(`telegram:${bot.botInfo?.id ?? 0}:${ctx.update.update_id}`))) {
      return logger.debug({ update: ctx.update.update_id }, "duplicate update skipped");
    }
    return next();
  });
  /** Sends what a command shows, counted against its sender's rate limit like a question (over it: the notice once). */
  const sendLimited = async (ctx: Context, html: () => string, question?: Message): Promise<void> => {
    const refused = await ask.admit(senderOf(ctx), userLanguage(ctx));
    await send(ctx, refused ? renderReplyHtml(refused) : [html()], question);
  };
  /**
   * A command's reply, sent in the background as an answer is: telegraf polls again only once every update of a
   * batch is handled, so a reply waiting out a 429 would hold up every chat. In a group it replies to the command,
   * so that everyone sees whose it is (a rate-limit notice most of all).
   */
  const command = (ctx: Context, html: () => string): void => {
    const to = ctx.chat?.type === "private" ? undefined : ctx.message;
    void inflight.run(() => sendLimited(ctx, html, to)).catch((error: unknown) => onError(error, ctx));
  };
  // In any case: a phone's keyboard capitalises the first letter ("/Ask who is Sison?"), and telegraf's string
  // triggers match exactly.
  /** The example question the briefings answer, in the user's language (see RagInfo.examples). */
  const exampleFor = (language: Language): string | undefined => deps.rag.info().examples?.[language];
  const help = (ctx: Context): string => {
    const language = userLanguage(ctx);
    return renderHelpHtml(language, exampleFor(language));
  };
  bot.command([/^start$/i, /^help$/i], (ctx) => command(ctx, () => help(ctx)));
  bot.command(/^about$/i, (ctx) => command(ctx, () => renderAboutHtml(deps.rag.info(), userLanguage(ctx))));
  // "/ask @thisbot question", as a group's mention picker writes it, asks "question" (as a plain mention does).
  bot.command(/^ask$/i, (ctx) => answer(ctx, ctx.message, withoutOwnMentions(ctx.message, ctx.botInfo, ctx.message.text.length - ctx.payload.length).text.trim()));
  bot.on(message("text"), (ctx) => {
    const question = questionIn(ctx.message, ctx.botInfo);
    if (question !== undefined) answer(ctx, ctx.message, question);
    // A command this bot does not have (/foo, or /foo@thisbot in a group) gets the commands it does have.
    else if (unknownCommand(ctx.message, ctx.botInfo)) command(ctx, () => help(ctx));
  });
  // A group made a supergroup goes on under a new chat id, told only by this service message in the old chat: with
  // TELEGRAM_ALLOWED_CHATS set, the new id is ignored until it is added there.
  bot.on(message("migrate_to_chat_id"), (ctx) => {
    const [from, to] = [ctx.chat.id, ctx.message.migrate_to_chat_id];
    const listed = config.allowedChats.length === 0 || config.allowedChats.includes(String(to));
    logger.warn(
      { chat: from, newChat: to },
      listed
        ? `the group ${from} became a supergroup with the new chat id ${to}`
        : `the group ${from} became a supergroup with the new chat id ${to}, which is not in TELEGRAM_ALLOWED_CHATS: add ${to} there, or the bot ignores the group from now on`,
    );
  });
  // Only what a person sent (a sticker, a photo, a voice note, …) is told that the bot reads text: Telegram's service
  // messages (a pin, an auto-delete timer set, a new chat background, …) are notes of something done in the chat, and
  // answering one would puzzle the user and spend their rate limit.
  bot.on(sentByPerson, (ctx) => {
    if (ctx.chat.type === "private") command(ctx, () => escapeHtml(messages(userLanguage(ctx)).notText));
  });
  bot.on("callback_query", (ctx) => {
    const data = "data" in ctx.callbackQuery ? ctx.callbackQuery.data : "";
    const answered = ctx.callbackQuery.message;
    const language = buttonLanguage(data, userLanguage(ctx));
    const pressedAt = Date.now();
    /**
     * Answers the callback query, with a toast when `text` is given: once, as Telegram takes one answer (a failure
     * after the press was acknowledged can only be logged); a later call waits for that first answer.
     */
    let acknowledged: Promise<void> | undefined;
    const acknowledge = (text?: string): Promise<void> =>
      (acknowledged ??= ctx.answerCbQuery(text).then(() => undefined, (err: unknown) => logger.warn({ err }, "could not answer the callback query")));
    const task = async (): Promise<void> => {
      const presser = `telegram:${ctx.from.id}`;
      const outcome = await pressButton(data, presser, language, { rag: deps.rag, state, logger });
      if (outcome.kind === "message") return acknowledge(outcome.text);
      // A paragraph is posted to the whole chat: counted against the presser's limit as a question is (over it,
      // the notice goes to the presser alone), or pressing again and again would flood a group.
      const refused = await ask.admit(presser, language);
      if (refused) {
        // The notice as a toast that says to press again, not to ask again; after it, silence (an empty answer).
        const waitMs = refused.kind === "notice" && refused.notice.code === "rate-limited" ? refused.notice.retryAfterMs : undefined;
        return acknowledge(waitMs === undefined ? undefined : messages(language).rateLimitedPress(waitSeconds(waitMs)));
      }
      const html = renderPassageHtml(outcome.passage, outcome.n, outcome.language, { focus: outcome.focus });
      // The deadline is counted from the press: the payload and the rate limit may have waited on Redis already.
      const posted = sendPart(ctx, html, answered?.message_id);
      await acknowledgeBy(pressedAt + acknowledgeWithinMs, posted, acknowledge);
      if (answered && ctx.chat) await followsTheAnswer(ctx.chat.id, answered.message_id, await posted);
    };
    // A failed press is told to the presser alone (a toast), not to the whole chat, and stops the button spinning;
    // after the query was answered, only the log can tell.
    void inflight.run(task).catch(async (error: unknown) => {
      // A paragraph the chat refuses (the bot may not write there) is no bug of the bot's, and pressing again would
      // fail alike: the presser is told why, not to try again.
      const refused = cannotWrite(error);
      (refused ? logger.warn.bind(logger) : logger.error.bind(logger))({ err: error, update: ctx.update.update_id }, "handling a button press failed");
      await acknowledge(refused ? messages(language).cannotPostHere : messages(language).failed);
    });
  });

  /**
   * Answers in the background (tracked for shutdown), so one slow answer never holds up other updates. A composed
   * answer streams: the reply is sent with the first verified text and edited as more arrives; the final edit
   * carries the whole answer and its sources.
   */
  function answer(ctx: Context, question: Message, text: string): void {
    const place = placeOf(question, ctx.botInfo);
    const task = async (): Promise<void> => {
      const language = userLanguage(ctx);
      // A bare /ask or mention gets the usage, counted against the limit as a command is.
      if (text.trim() === "") return void (await sendLimited(ctx, () => renderUsageHtml(language, exampleFor(language)), question));
      // Where the bot may not write (blocked, removed, no right to send), the first refusal of its typing or of the
      // streamed message ends both: every further call would be refused alike.
      const typing = typingIndicator(
        () =>
          ctx.sendChatAction("typing").then(
            () => undefined,
            (err: unknown) => {
              if (!cannotWrite(err)) return void logger.debug({ err }, "typing action failed");
              void live.close();
              return false;
            },
          ),
        { delayMs: typingDelayMs, everyMs: TYPING_EVERY_MS },
      );
      let messageId: number | undefined;
      const chatId = question.chat.id;
      // The partial texts are never retried: a wait Telegram asks for (up to a minute, in a group at about one
      // edit a second) would hold the final answer behind it. A refused one is dropped, and every partial in that
      // chat is held back until the wait is over (the limit is the chat's, whichever answer met it); the final
      // edit or send waits as it must (see withRetry).
      const partial = async (call: () => Promise<void>): Promise<boolean> => {
        const until = partialHolds.get(chatId);
        if (until !== undefined && Date.now() < until) return false;
        partialHolds.delete(chatId);
        try {
          await call();
          return true;
        } catch (error) {
          const wait = retryAfterOf(error);
          if (wait !== undefined) {
            // Holds of chats not heard from since go here, so the map keeps only the waits still running.
            for (const [chat, end] of partialHolds) if (end <= Date.now()) partialHolds.delete(chat);
            partialHolds.set(chatId, Date.now() + wait * 1000);
          }
          throw error;
        }
      };
      const live = createLiveMessage(
        {
          create: (html) =>
            partial(async () => {
              messageId = (await ctx.reply(html, { ...FORMAT, ...replyTo(question.message_id) })).message_id;
            }),
          edit: (html) =>
            partial(async () => {
              if (messageId !== undefined) await ctx.telegram.editMessageText(chatId, messageId, undefined, html, FORMAT);
            }),
        },
        logger,
        { refusedBy: cannotWrite },
      );
      const context: AskContext = {
        user: senderOf(ctx),
        onStart: typing.start,
        onText: (partial) => live.update(renderPartialHtml(partial)),
        conversation: place,
        platform: "telegram",
      };
      let reply: Reply;
      try {
        reply = await ask(text, context);
      } finally {
        await typing.stop();
        await live.close();
      }
      // The streamed message was refused: the answer would be too (the error boundary logs it once).
      const refusal = live.refusal();
      if (refusal !== undefined) throw refusal;
      const keyboard = renderKeyboardTelegram(reply, { feedback: state.feedback.enabled });
      const ids = await deliver(renderReplyHtml(reply), {
        streamed: messageId,
        edit: (streamed, html, last) => finalEdit(chatId, streamed, html, last ? keyboard : undefined),
        send: (html, after, last) => sendPart(ctx, html, after ?? question.message_id, last ? keyboard : undefined),
        remove: (streamed) =>
          ctx.telegram.deleteMessage(chatId, streamed).then(() => undefined, (error: unknown) => logger.warn({ err: error, chat: chatId }, "could not remove the streamed reply")),
      });
      await ask.link(reply, ids.map((id) => messageKey(chatId, id)));
    };
    // After the questions before it in its conversation, its reply included (see turns.ts).
    void inflight.run(() => turns.run(place.chat, task)).catch((error: unknown) => onError(error, ctx));
  }

  /** Sends the parts of a command's reply, the first as a reply to `question` (when given), each other to the one before. */
  async function send(ctx: Context, parts: readonly string[], question?: Message): Promise<void> {
    let previous = question?.message_id;
    for (const part of parts) previous = await sendPart(ctx, part, previous);
  }

  /** Sends `html` as a reply to message `after` (when given), with `keyboard` under it; returns its message id. */
  async function sendPart(ctx: Context, html: string, after?: number, keyboard?: InlineKeyboardMarkup): Promise<number> {
    const sent = await withRetry(() => ctx.reply(html, { ...FORMAT, ...(after === undefined ? {} : replyTo(after)), ...(keyboard ? { reply_markup: keyboard } : {}) }));
    return sent.message_id;
  }

  /**
   * Links a paragraph posted under an answer to that answer's conversation, so that a reply to the paragraph (in a
   * group, the only way to follow up) continues it as a reply to the answer would. Never fails the press.
   */
  async function followsTheAnswer(chatId: number, answerId: number, passageId: number): Promise<void> {
    try {
      const turns = await state.conversations.recall({ replyTo: messageKey(chatId, answerId) });
      if (turns.length > 0) await state.conversations.link([messageKey(chatId, passageId)], turns);
    } catch (error) {
      logger.warn({ err: error }, "could not link the paragraph to its answer's conversation; a reply to it will not follow up on it");
    }
  }

  /** A private chat or one's part of a forum topic is a conversation for a while; a reply to an answer continues that answer's. */
  function placeOf(question: Message, me: UserFromGetMe): ConversationPlace {
    const chatId = question.chat.id;
    const replied = "reply_to_message" in question ? question.reply_to_message : undefined;
    const followsUp = replied?.from?.id === me.id ? { replyTo: messageKey(chatId, replied.message_id) } : {};
    if (question.chat.type === "private") return { ...followsUp, chat: `telegram:chat:${chatId}` };
    const topic = "is_topic_message" in question && question.is_topic_message === true ? question.message_thread_id : undefined;
    // Each person's part of a forum topic is their own conversation: others asking there are not followed up on.
    const sender = question.sender_chat ? `chat:${question.sender_chat.id}` : (question.from?.id ?? "unknown");
    return topic === undefined ? followsUp : { ...followsUp, chat: `telegram:topic:${chatId}:${topic}:${sender}` };
  }

  /**
   * Edits the streamed reply into the answer; false (logged) when that fails, so the answer is sent anew. An edit
   * whose outcome is unknown (no answer from Telegram) is made once more: refused as changing nothing, it was
   * carried out, and the answer is not sent a second time.
   */
  async function finalEdit(chatId: number, messageId: number, html: string, keyboard?: InlineKeyboardMarkup): Promise<boolean> {
    const edit = (): Promise<unknown> => bot.telegram.editMessageText(chatId, messageId, undefined, html, { ...FORMAT, ...(keyboard ? { reply_markup: keyboard } : {}) });
    for (let attempt = 1; ; attempt++) {
      try {
        await withRetry(edit);
        return true;
      } catch (error) {
        if (notModified(error)) return true;
        if (attempt === 1 && outcomeUnknown(error)) {
          logger.warn({ err: error, chat: chatId }, "no answer to the edit of the streamed reply; editing again");
          continue;
        }
        logger.warn({ err: error, chat: chatId }, "could not edit the streamed reply; sending the answer instead");
        return false;
      }
    }
  }

  /** Honours 429 `retry_after` a bounded number of times; a refused message was not delivered, so a retry never duplicates. */
  async function withRetry<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const wait = retryAfterOf(error);
        if (wait === undefined || wait > MAX_RETRY_AFTER_S || attempt >= maxSendRetries) throw error;
        logger.warn({ retryAfter: wait, attempt: attempt + 1 }, "Telegram asked to slow down; retrying the message");
        await delay(wait * 1000);
      }
    }
  }

  function poll(): void {
    pollingDone = false;
    polling = bot.launch({ allowedUpdates: UPDATES }).then(
      () => {
        pollingDone = true;
        logger.info("Telegram polling stopped");
      },
      (error: unknown) => {
        pollingDone = true;
        if (stopped) return;
        if (webhookConflict(error)) return void stopForWebhook(error);
        if (error instanceof TelegramError && error.code === 409) {
          const log = conflictWait === conflictRetryMs ? logger.error.bind(logger) : logger.debug.bind(logger);
          log({ retryInMs: conflictWait }, "another instance is polling Telegram with this bot token (409 Conflict); stop it or this one will keep waiting");
          retryTimer = setTimeout(pollAgain, conflictWait);
          conflictWait = Math.min(conflictWait * 2, 60_000);
          return;
        }
        logger.error({ err: error }, "Telegram polling stopped on an error; no further updates will be received");
        deps.onFatal?.(error);
      },
    );
  }

  /**
   * Polls again after another poller's conflict, unless a webhook was set meanwhile (a replica started in webhook
   * mode): launching would delete it, as at start (see start()).
   */
  function pollAgain(): void {
    void bot.telegram.getWebhookInfo().then(
      ({ url }) => {
        if (stopped) return;
        if (url === "") poll();
        else stopForWebhook(undefined, url);
      },
      (err: unknown) => {
        if (stopped) return;
        logger.debug({ err }, "could not read whether a webhook is set; polling again");
        poll();
      },
    );
  }

  /**
   * Polling ended because a webhook was set (another replica started in webhook mode): not polled again, which would
   * delete that webhook, but told through onFatal with the webhook's URL (`url`, or read in the background: stop()
   * does not wait for it, and for a few seconds at most, telegraf's own limit being minutes).
   */
  function stopForWebhook(cause: unknown, knownUrl?: string): void {
    const named =
      knownUrl !== undefined
        ? Promise.resolve(knownUrl)
        : bot.telegram.getWebhookInfo().then(
            (info) => info.url || undefined,
            (err: unknown) => void logger.debug({ err }, "could not read the webhook that ended polling"),
          );
    void Promise.race([named, delay(WEBHOOK_INFO_MS, undefined, { ref: false })]).then((url) => {
      if (stopped) return;
      const error = new WebhookSetError(url, cause === undefined ? undefined : { cause });
      logger.error({ err: error }, "Telegram polling stopped: a webhook was set for this bot; no further updates will be received here");
      deps.onFatal?.(error);
    });
  }

  /**
   * Stops polling, again and again until the launch settles: while launch() is between deleteWebhook and polling,
   * telegraf's stop() throws (no polling yet) or, after a restart on 409, stops the previous run's polling, which
   * is over already; the new one starts after, and only a later stop() ends it.
   */
  async function stopPolling(): Promise<void> {
    while (polling && !pollingDone) {
      try {
        bot.stop("shutdown");
      } catch (error) {
        logger.debug({ err: error }, "polling not started yet; stopping again shortly");
      }
      await Promise.race([polling, delay(20)]);
    }
    await polling;
  }

  async function listen({ url, secret, port }: TelegramWebhook): Promise<void> {
    const path = new URL(url).pathname;
    bot.webhookFilter = function (req) {
      const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
      const expected = Buffer.from(secret);
      const ok = req.method === "POST" && new URL(req.url ?? "/", "http://localhost").pathname === path && given.length === expected.length && timingSafeEqual(given, expected);
      if (!ok) noteRefusal();
      return ok;
    };
    const callback = bot.webhookCallback(path, { secretToken: secret });
    const server = createServer((req, res) => {
      // telegraf reads the body as String(chunk) per chunk: decoded here instead, a character split between two
      // chunks (Arabic, an emoji) is put together rather than turned into two U+FFFD.
      req.setEncoding("utf8");
      callback(req, res).catch((err: unknown) => logger.error({ err }, "webhook request failed"));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject).listen(port, () => resolve());
    });
    server.on("error", (err) => logger.error({ err }, "webhook server error"));
    webhook = server;
    await bot.telegram.setWebhook(url, { secret_token: secret, allowed_updates: UPDATES });
  }

  return {
    name: "telegram",
    get webhookPort() {
      const address = webhook?.address();
      return typeof address === "object" && address !== null ? address.port : undefined;
    },
    async start() {
      bot.botInfo = await bot.telegram.getMe().catch((error: unknown) => {
        // A 401 is Telegram saying the token is no bot's (mistyped, or revoked with /revoke): said with the variable
        // to fix, as the Discord bot says a refused DISCORD_TOKEN, not as telegraf's bare "401: Unauthorized".
        if (error instanceof TelegramError && error.code === 401) {
          throw new TokenRefusedError("TELEGRAM_BOT_TOKEN", "Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): it is wrong or was revoked; copy it again from @BotFather", { cause: error });
        }
        throw error;
      });
      // The English descriptions for every client, the Arabic ones for clients in Arabic.
      await bot.telegram.setMyCommands(commandsIn("en")).catch((err: unknown) => logger.warn({ err }, "setMyCommands failed"));
      await bot.telegram.setMyCommands(commandsIn("ar"), { language_code: "ar" }).catch((err: unknown) => logger.warn({ err, language: "ar" }, "setMyCommands failed"));
      if (config.webhook === undefined) {
        // A webhook set by other replicas would be deleted by polling (and their updates taken): refused instead.
        const { url } = await bot.telegram.getWebhookInfo();
        if (url !== "") throw new WebhookSetError(url);
        poll();
      } else await listen(config.webhook);
      logger.info({ username: bot.botInfo.username, mode: webhook ? "webhook" : "polling" }, "Telegram bot started");
    },
    async stop(graceMs = WEBHOOK_CLOSE_MS) {
      stopped = true;
      clearTimeout(retryTimer);
      logRefusals();
      if (webhook) {
        const server = webhook;
        webhook = undefined;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // close() waits for every connection, and a closing server no longer times out a request: one client that
        // never finishes its request would hold stop() for ever. The requests still coming in get a moment (handing
        // an update over takes little; its answer runs in the background), then are cut off: Telegram sends again an
        // update it got no answer to.
        const cutOff = setTimeout(() => server.closeAllConnections(), Math.min(graceMs, WEBHOOK_CLOSE_MS));
        await closed;
        clearTimeout(cutOff);
      }
      await stopPolling();
    },
  };
}

/**
 * Awaits `work`, calling `acknowledge` once it is done or at `deadline` (a Date.now() time) if it still runs then,
 * whichever comes first (see acknowledgeWithinMs); `acknowledge` answers only its first call. A failure of `work` is
 * thrown, unacknowledged when it came before the deadline, so that it can still be told.
 */
async function acknowledgeBy(deadline: number, work: Promise<unknown>, acknowledge: () => Promise<void>): Promise<void> {
  const timer = setTimeout(() => void acknowledge(), Math.max(0, deadline - Date.now()));
  try {
    await work;
  } finally {
    clearTimeout(timer);
  }
  await acknowledge();
}

/** Whether Telegram may have carried out a call that failed: no answer came (the connection failed) or a server error. */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof TelegramError) || error.code >= 500;
}

/**
 * Whether Telegram refused a message because the bot may not write in that chat: blocked by the user, removed from
 * the group, the user's account deleted (403), or not allowed to send there (400 "not enough rights"). An apology
 * sent there would be refused alike.
 */
function cannotWrite(error: unknown): boolean {
  if (!(error instanceof TelegramError)) return false;
  return error.code === 403 || (error.code === 400 && /not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/iu.test(error.description));
}

/** Telegram's refusal of an edit that changes nothing: the message already shows that text and those buttons. */
function notModified(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && error.description.includes("message is not modified");
}

/** The question in a text message, or undefined when it is not addressed to the bot. */
function questionIn(msg: Message.TextMessage, me: UserFromGetMe): string | undefined {
  if (msg.entities?.[0]?.type === "bot_command" && msg.entities[0].offset === 0) return undefined; // someone else's command
  const { text, mentioned } = withoutOwnMentions(msg, me);
  const toBot = msg.chat.type === "private" || mentioned || msg.reply_to_message?.from?.id === me.id;
  return toBot ? text.trim() : undefined;
}

/**
 * The text of `msg` from offset `start` on, with this bot's @mentions (its username in any case) taken out, and
 * whether it had one; other people's mentions stay.
 */
function withoutOwnMentions(msg: Message.TextMessage, me: UserFromGetMe, start = 0): { readonly text: string; readonly mentioned: boolean } {
  const own = (msg.entities ?? [])
    .filter((e) => e.type === "mention" && e.offset >= start && msg.text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me.username.toLowerCase())
    .sort((a, b) => a.offset - b.offset);
  let text = "";
  let at = start;
  for (const mention of own) {
    text += msg.text.slice(at, mention.offset);
    at = mention.offset + mention.length;
  }
  return { text: text + msg.text.slice(at), mentioned: own.length > 0 };
}

/** Whether `msg` opens with a command meant for this bot (in a private chat, or named /cmd@thisbot) that it lacks. */
function unknownCommand(msg: Message.TextMessage, me: UserFromGetMe): boolean {
  const command = msg.entities?.[0];
  if (command?.type !== "bot_command" || command.offset !== 0) return false;
  const addressee = msg.text.slice(0, command.length).split("@")[1];
  return addressee === undefined ? msg.chat.type === "private" : addressee.toLowerCase() === me.username.toLowerCase();
}

/**
 * The language to speak to whoever sent the update: an Arabic message's, else their client's (language_code). Only a
 * message's own text is read: for a button press telegraf's ctx.text is the text of the message the button is under,
 * the bot's answer.
 */
function userLanguage(ctx: Context): Language {
  const text = "message" in ctx.update ? ctx.text : undefined;
  if (text && detectLanguage(text) === "ar") return "ar";
  return ctx.from?.language_code?.startsWith("ar") ? "ar" : "en";
}
