/**
 * A local fake of the Telegram Bot API on 127.0.0.1, enough for a real telegraf client: long polling with
 * offset semantics, sendMessage with a strict HTML check and the 4096 limit, inline keyboards (callback data of at
 * most 64 bytes) and callback queries with answerCallbackQuery, webhooks, and scripted faults.
 * Errors use Telegram's format: `{ ok: false, error_code, description, parameters? }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update, User } from "telegraf/types";
import { listenLocal } from "../helpers/ports.js";

/** A scripted failure for the next call of a method. */
export type Fault =
  | { readonly kind: "error"; readonly code: number; readonly description: string; readonly retryAfter?: number }
  /** A bare HTTP status with an HTML body, as a proxy in front of Telegram sends (502, 504). */
  | { readonly kind: "status"; readonly status: number }
  /** The connection is destroyed before any response. */
  | { readonly kind: "drop" }
  /** The call is carried out, then the connection is destroyed: the caller cannot tell it from a call that failed. */
  | { readonly kind: "lost" }
  /** The call is held for `ms`, then served normally (a slow or congested Bot API). */
  | { readonly kind: "delay"; readonly ms: number }
  /**
   * The call is held until `until` settles, then served normally: the test releases it when it chooses, so that
   * the order of this call's outcome and the bot's other calls is the test's, not the machine's speed.
   */
  | { readonly kind: "hold"; readonly until: Promise<unknown> };

/** The faults tests script most, shaped as Telegram (or a proxy in front of it) sends them. */
export const faults = {
  tooManyRequests: (retryAfter: number): Fault => ({
    kind: "error",
    code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    retryAfter,
  }),
  badGateway: (): Fault => ({ kind: "status", status: 502 }),
  conflict: (): Fault => ({
    kind: "error",
    code: 409,
    description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  }),
  badRequest: (description: string): Fault => ({ kind: "error", code: 400, description: `Bad Request: ${description}` }),
  drop: (): Fault => ({ kind: "drop" }),
  delay: (ms: number): Fault => ({ kind: "delay", ms }),
  hold: (until: Promise<unknown>): Fault => ({ kind: "hold", until }),
} as const;

/** One request the bot made, successful or not. */
export interface ApiCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Date.now() when the request arrived. */
  readonly at: number;
  /** The fault served instead of a result, if any. */
  readonly fault?: Fault;
}

/** A message the bot sent, with the parameters it was sent with. */
export interface SentMessage {
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: Message.TextMessage;
  /** Date.now() when the fake accepted it. */
  readonly at: number;
}

/** An answerCallbackQuery the bot made. */
export interface CallbackAnswer {
  readonly callbackQueryId: string;
  readonly text: string | undefined;
  readonly showAlert: boolean;
}

/** Who sends an injected message; defaults to user 1001 "Alice" with language_code "en". */
export interface Sender {
  readonly id?: number;
  readonly name?: string;
  readonly languageCode?: string;
}

/** Options for {@link startFakeTelegram}. */
export interface FakeTelegramOptions {
  /** Must look like a real token (digits, colon, secret) so telegraf redacts it from URLs. */
  readonly token?: string;
  readonly username?: string;
}

/** A running fake: what the bot called and sent, ways to inject updates and faults, and `close()`. */
export interface FakeTelegram {
  /** The origin to pass as `apiRoot`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly me: User;
  readonly calls: readonly ApiCall[];
  readonly sent: readonly SentMessage[];
  /** The commands set for every language (setMyCommands without language_code). */
  readonly commands: readonly unknown[];
  /** The commands set for the clients in one language (setMyCommands with language_code), by that code. */
  readonly commandsByLanguage: ReadonlyMap<string, readonly unknown[]>;
  readonly webhook: { readonly url: string; readonly secretToken: string | undefined } | undefined;
  callsOf(method: string): ApiCall[];
  /** Serves `fault` for the next `times` calls of `method` (of those whose parameters pass `when`, when given). */
  fail(method: string, fault: Fault, times?: number, when?: (params: Record<string, unknown>) => boolean): void;
  /** Builds a private-chat text message update (entities filled in as Telegram would) without queueing it. */
  privateUpdate(text: string, from?: Sender): Update.MessageUpdate<Message.TextMessage>;
  /**
   * Builds a group text message update; `replyTo` makes it a reply to that message, `topic` a message in that
   * forum topic (message_thread_id, is_topic_message) of a forum supergroup.
   */
  /**
   * A group message. `senderChat`: sent by an anonymous admin (the group itself) or as a channel, which Telegram
   * marks with `sender_chat` and a placeholder `from` (GroupAnonymousBot, Channel_Bot) shared by everyone doing so.
   */
  groupUpdate(
    text: string,
    options?: { from?: Sender; chatId?: number; replyTo?: Message; topic?: number; senderChat?: { id: number; title: string } },
  ): Update.MessageUpdate<Message.TextMessage>;
  /** Builds a callback query update: `from` pressed the inline button with `data` under the bot's `message`. */
  callbackUpdate(message: Message, data: string, from?: Sender): Update.CallbackQueryUpdate;
  /** The callback data of the inline keyboard under a sent message, row by row (as last sent or edited). */
  buttonsOf(sent: SentMessage): string[][];
  /** The text of a sent message as last sent or edited (tags dropped). */
  textOf(sent: SentMessage): string;
  /** The sent messages not deleted since, in the order sent. */
  inChat(): SentMessage[];
  /** Every answerCallbackQuery, in order. */
  readonly callbackAnswers: readonly CallbackAnswer[];
  /** Builds a private non-text (sticker) message update. */
  stickerUpdate(from?: Sender): Update;
  /**
   * Builds a private service message update: Telegram's note of something done in the chat, `service` its field
   * (`{ pinned_message: … }`, `{ message_auto_delete_timer_changed: … }`).
   */
  serviceUpdate(service: Readonly<Record<string, unknown>>, from?: Sender): Update;
  /** Queues an update for getUpdates. */
  push<U extends Update>(update: U): U;
  /** How many getUpdates responses carried this update. */
  deliveries(updateId: number): number;
  /** Resolves with the first `count` sent messages once there are that many. */
  waitForSent(count: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Resolves with the first `count` calls of `method` (of those whose parameters pass `when`, when given) once there are that many. */
  waitForCalls(method: string, count: number, timeoutMs?: number, when?: (params: Readonly<Record<string, unknown>>) => boolean): Promise<ApiCall[]>;
  close(): Promise<void>;
}

const DEFAULT_TOKEN = "123456:TEST-fake-token_abcdefghijklmnop";
const GROUP_ID = -1001234;
const USER: Required<Sender> = { id: 1001, name: "Alice", languageCode: "en" };

/** Starts a fake Bot API server on an ephemeral loopback port. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? DEFAULT_TOKEN;
  const me: User = { id: Number(token.split(":")[0]), is_bot: true, first_name: "Briefing", username: options.username ?? "briefing_test_bot" };
  const calls: ApiCall[] = [];
  const sent: SentMessage[] = [];
  const commands: unknown[] = [];
  const commandsByLanguage = new Map<string, readonly unknown[]>();
  const queue: Update[] = [];
  const delivered = new Map<number, number>();
  const messages = new Map<string, Message>();
  const scripted = new Map<string, { fault: Fault; when?: (params: Record<string, unknown>) => boolean }[]>();
  const listeners = new Set<() => void>();
  const messageIds = new Map<number, number>();
  const chats = new Map<number, Message["chat"]>();
  const callbackQueries = new Map<string, { answered: boolean }>();
  const callbackAnswers: CallbackAnswer[] = [];
  let nextCallbackId = 9000;
  let nextUpdateId = 500;
  let webhook: FakeTelegram["webhook"];
  /** Settles on close(): a held call is let go then, not left pending for ever. */
  let closing = (): void => undefined;
  const closed = new Promise<void>((resolve) => (closing = resolve));

  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };
  /** Each bot message's text as sent or last edited, markup included: Telegram compares formatting too. */
  const sentAs = new Map<string, string>();
  const remember = (message: Message): void => {
    messages.set(`${message.chat.id}:${message.message_id}`, message);
    if (!chats.has(message.chat.id)) chats.set(message.chat.id, message.chat);
  };
  const nextMessageId = (chatId: number): number => {
    const id = (messageIds.get(chatId) ?? 0) + 1;
    messageIds.set(chatId, id);
    return id;
  };
  const user = (sender: Sender = {}): User => ({
    id: sender.id ?? USER.id,
    is_bot: false,
    first_name: sender.name ?? USER.name,
    language_code: sender.languageCode ?? USER.languageCode,
  });

  function textUpdate(
    text: string,
    chat: Message["chat"],
    from: User,
    replyTo?: Message,
    topic?: number,
    senderChat?: { id: number; title: string },
  ): Update.MessageUpdate<Message.TextMessage> {
    const entities = entitiesOf(text);
    const message: Message.TextMessage = {
      ...(topic === undefined ? {} : { message_thread_id: topic, is_topic_message: true }),
      // An anonymous admin posts as the group itself (a supergroup); anyone else as a channel.
      ...(senderChat === undefined ? {} : { sender_chat: { id: senderChat.id, title: senderChat.title, type: senderChat.id === chat.id ? ("supergroup" as const) : ("channel" as const) } }),
      message_id: nextMessageId(chat.id),
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(replyTo ? { reply_to_message: replyTo as Message.TextMessage & { reply_to_message: undefined } } : {}),
    };
    remember(message);
    return { update_id: nextUpdateId++, message } as Update.MessageUpdate<Message.TextMessage>;
  }

  /** A private message update from `from` whose other fields (its content, or a service message's) are `fields`. */
  function privateMessageUpdate(fields: Readonly<Record<string, unknown>>, from?: Sender): Update {
    const sender = user(from);
    const chat = { id: sender.id, type: "private" as const, first_name: sender.first_name };
    const message = { message_id: nextMessageId(chat.id), date: Math.floor(Date.now() / 1000), chat, from: sender, ...fields } as Message;
    remember(message);
    return { update_id: nextUpdateId++, message } as Update.MessageUpdate;
  }

  const api: Record<string, (params: Record<string, unknown>) => ApiResult> = {
    getMe: () => ok(me),
    getUpdates: () => ok([]), // answered in `handle`, which may wait
    deleteWebhook: (params) => {
      webhook = undefined;
      if (params.drop_pending_updates === true) queue.length = 0;
      return ok(true);
    },
    setWebhook: (params) => {
      if (typeof params.url !== "string") return error(400, "Bad Request: bad webhook: URL is required");
      webhook = { url: params.url, secretToken: typeof params.secret_token === "string" ? params.secret_token : undefined };
      return ok(true);
    },
    getWebhookInfo: () => ok({ url: webhook?.url ?? "", has_custom_certificate: false, pending_update_count: queue.length }),
    setMyCommands: (params) => {
      if (!Array.isArray(params.commands)) return error(400, "Bad Request: commands must be an array");
      const described = (params.commands as { description?: unknown }[]).every((c) => typeof c.description === "string" && c.description.length >= 1 && c.description.length <= 256);
      if (!described) return error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
      // A two-letter ISO 639-1 code, or none: the commands for every language without commands of its own.
      const language = params.language_code ?? "";
      if (typeof language !== "string" || (language !== "" && !/^[a-z]{2}$/u.test(language))) return error(400, "Bad Request: invalid language code specified");
      if (language === "") commands.splice(0, commands.length, ...params.commands);
      else commandsByLanguage.set(language, [...params.commands]);
      return ok(true);
    },
    sendChatAction: (params) => {
      if (params.chat_id === undefined) return error(400, "Bad Request: chat_id is empty");
      return params.action === "typing" ? ok(true) : error(400, "Bad Request: wrong parameter action in request");
    },
    sendMessage: (params) => {
      const chatId = Number(params.chat_id);
      if (!Number.isFinite(chatId)) return error(400, "Bad Request: chat not found");
      const checked = checkText(params);
      if (!checked.ok) return error(400, checked.error);
      const keyboard = checkKeyboard(params.reply_markup);
      if (!keyboard.ok) return error(400, keyboard.error);
      const reply = (params.reply_parameters ?? {}) as { message_id?: number; allow_sending_without_reply?: boolean };
      const replyId = reply.message_id ?? (params.reply_to_message_id as number | undefined);
      const replyTo = replyId === undefined ? undefined : messages.get(`${chatId}:${replyId}`);
      if (replyId !== undefined && !replyTo && reply.allow_sending_without_reply !== true) {
        return error(400, "Bad Request: message to be replied not found");
      }
      const message: Message.TextMessage = {
        message_id: nextMessageId(chatId),
        date: Math.floor(Date.now() / 1000),
        chat: chats.get(chatId) ?? { id: chatId, type: "private", first_name: "?" },
        from: me,
        text: checked.text,
        ...(replyTo ? { reply_to_message: replyTo as Message.TextMessage & { reply_to_message: undefined } } : {}),
        ...(keyboard.markup ? { reply_markup: keyboard.markup } : {}),
      };
      remember(message);
      sentAs.set(`${chatId}:${message.message_id}`, String(params.text));
      sent.push({ params, message, at: Date.now() });
      return ok(message);
    },
    editMessageText: (params) => {
      const stored = messages.get(`${String(params.chat_id)}:${String(params.message_id)}`);
      if (!stored || !("text" in stored) || stored.from?.id !== me.id) return error(400, "Bad Request: message to edit not found");
      const checked = checkText(params);
      if (!checked.ok) return error(400, checked.error);
      const keyboard = checkKeyboard(params.reply_markup);
      if (!keyboard.ok) return error(400, keyboard.error);
      // As Telegram: an edit without reply_markup removes the buttons, and one changing nothing is refused.
      const { reply_markup: before, ...rest } = stored;
      const key = `${String(params.chat_id)}:${String(params.message_id)}`;
      if (String(params.text) === sentAs.get(key) && JSON.stringify(before) === JSON.stringify(keyboard.markup)) return error(400, "Bad Request: message is not modified");
      const edited = { ...rest, text: checked.text, edit_date: Math.floor(Date.now() / 1000), ...(keyboard.markup ? { reply_markup: keyboard.markup } : {}) };
      remember(edited);
      sentAs.set(key, String(params.text));
      return ok(edited);
    },
    deleteMessage: (params) => {
      const key = `${String(params.chat_id)}:${String(params.message_id)}`;
      if (!messages.has(key)) return error(400, "Bad Request: message to delete not found");
      messages.delete(key);
      return ok(true);
    },
  };

  api["answerCallbackQuery"] = (params) => {
    const id = String(params.callback_query_id ?? "");
    const query = callbackQueries.get(id);
    if (!query) return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    if (query.answered) return error(400, "Bad Request: query is already answered");
    if (typeof params.text === "string" && params.text.length > 200) return error(400, "Bad Request: MESSAGE_TOO_LONG");
    query.answered = true;
    callbackAnswers.push({ callbackQueryId: id, text: typeof params.text === "string" ? params.text : undefined, showAlert: params.show_alert === true });
    return ok(true);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const params = { ...Object.fromEntries(url.searchParams), ...(await readJson(req)) };
    if (!match || match[1] !== token) return send(res, error(match ? 401 : 404, match ? "Unauthorized" : "Not Found"));
    const method = match[2] ?? "";
    const queue = scripted.get(method) ?? [];
    const at = queue.findIndex(({ when }) => when === undefined || when(params));
    let fault = at < 0 ? undefined : queue.splice(at, 1)[0]?.fault;
    calls.push(fault ? { method, params, at: Date.now(), fault } : { method, params, at: Date.now() });
    changed();
    if (fault?.kind === "delay") {
      const { ms } = fault;
      await new Promise((resolve) => setTimeout(resolve, ms));
      fault = undefined;
    }
    if (fault?.kind === "hold") {
      await Promise.race([fault.until, closed]);
      if (!server.listening) return void req.socket.destroy();
      fault = undefined;
    }
    if (fault?.kind === "drop") return void req.socket.destroy();
    if (fault?.kind === "lost") {
      api[method]?.(params);
      changed();
      return void req.socket.destroy();
    }
    if (fault?.kind === "status") return void res.writeHead(fault.status, { "content-type": "text/html" }).end("<html>Bad Gateway</html>");
    if (fault) {
      const parameters = fault.retryAfter === undefined ? {} : { parameters: { retry_after: fault.retryAfter } };
      return send(res, { status: fault.code, body: { ok: false, error_code: fault.code, description: fault.description, ...parameters } });
    }
    if (method === "getUpdates") return send(res, await getUpdates(params, res));
    const implementation = api[method];
    send(res, implementation ? implementation(params) : error(404, "Not Found: method not found"));
    changed(); // the call's effects (a sent message) are visible now
  }

  async function getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<ApiResult> {
    if (webhook) return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    if (offset > 0) while (queue[0] && queue[0].update_id < offset) queue.shift(); // confirmed
    const deadline = Date.now() + Number(params.timeout ?? 0) * 1000;
    while (queue.length === 0 && Date.now() < deadline && !res.destroyed && server.listening) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        res.once("close", done); // the client gave up (telegraf aborts its long poll on stop)
        listeners.add(done);
        function done(): void {
          clearTimeout(timer);
          listeners.delete(done);
          res.off("close", done);
          resolve();
        }
      });
      if (offset > 0) while (queue[0] && queue[0].update_id < offset) queue.shift();
    }
    const batch = queue.slice(0, limit);
    for (const update of batch) delivered.set(update.update_id, (delivered.get(update.update_id) ?? 0) + 1);
    return ok(batch);
  }

  function waitUntil<T>(ready: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const value = ready();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; calls so far: ${calls.map((c) => c.method).join(", ")}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await listenLocal(server);
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    me,
    calls,
    sent,
    commands,
    commandsByLanguage,
    get webhook() {
      return webhook;
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    fail(method, fault, times = 1, when) {
      scripted.set(method, [...(scripted.get(method) ?? []), ...Array.from({ length: times }, () => (when ? { fault, when } : { fault }))]);
    },
    privateUpdate: (text, from) => {
      const sender = user(from);
      return textUpdate(text, { id: sender.id, type: "private", first_name: sender.first_name }, sender);
    },
    groupUpdate: (text, { from, chatId = GROUP_ID, replyTo, topic, senderChat } = {}) =>
      textUpdate(text, { id: chatId, type: "supergroup", title: "Briefing readers", ...(topic === undefined ? {} : { is_forum: true as const }) }, user(from), replyTo, topic, senderChat),
    callbackUpdate: (message, data, from) => {
      const id = String(nextCallbackId++);
      callbackQueries.set(id, { answered: false });
      const current = messages.get(`${message.chat.id}:${message.message_id}`) ?? message;
      const query = { id, from: user(from), message: current, chat_instance: `instance-${message.chat.id}`, data } as CallbackQuery.DataQuery;
      return { update_id: nextUpdateId++, callback_query: query } as Update.CallbackQueryUpdate;
    },
    buttonsOf: (s) => {
      const current = messages.get(`${s.message.chat.id}:${s.message.message_id}`) ?? s.message;
      const markup = "reply_markup" in current ? (current.reply_markup as InlineKeyboardMarkup | undefined) : undefined;
      return (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ("callback_data" in b ? b.callback_data : "")));
    },
    inChat: () => sent.filter((s) => messages.has(`${s.message.chat.id}:${s.message.message_id}`)),
    textOf: (s) => {
      const current = messages.get(`${s.message.chat.id}:${s.message.message_id}`) ?? s.message;
      return "text" in current ? current.text : "";
    },
    callbackAnswers,
    stickerUpdate: (from) =>
      privateMessageUpdate({ sticker: { file_id: "s1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } }, from),
    serviceUpdate: privateMessageUpdate,
    push(update) {
      queue.push(update);
      changed();
      return update;
    },
    deliveries: (updateId) => delivered.get(updateId) ?? 0,
    waitForSent: (count, timeoutMs = 5000) =>
      waitUntil(() => (sent.length >= count ? sent.slice(0, count) : undefined), `${count} sent message(s)`, timeoutMs),
    waitForCalls: (method, count, timeoutMs = 5000, when) =>
      waitUntil(
        () => {
          const matching = calls.filter((c) => c.method === method && (when === undefined || when(c.params)));
          return matching.length >= count ? matching.slice(0, count) : undefined;
        },
        `${count} ${method} call(s)`,
        timeoutMs,
      ),
    close: async () => {
      closing();
      changed(); // releases long polls
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface ApiResult {
  readonly status: number;
  readonly body: unknown;
}

const ok = (result: unknown): ApiResult => ({ status: 200, body: { ok: true, result } });
const error = (code: number, description: string): ApiResult => ({ status: code, body: { ok: false, error_code: code, description } });

function send(res: ServerResponse, { status, body }: ApiResult): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  if (raw === "" || !String(req.headers["content-type"]).includes("json")) return {};
  return JSON.parse(raw) as Record<string, unknown>;
}

/** Bot commands at the start and @mentions, as Telegram's servers compute them. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{5,32})?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{5,32}/g)) entities.push({ type: "mention", offset: m.index, length: m[0].length });
  return entities;
}

/** An inline keyboard as the Bot API checks it: rows of buttons, callback data of 1-64 bytes. */
function checkKeyboard(markup: unknown): { ok: true; markup?: InlineKeyboardMarkup } | { ok: false; error: string } {
  if (markup === undefined) return { ok: true };
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as Partial<InlineKeyboardMarkup>;
  if (!Array.isArray(parsed.inline_keyboard)) return { ok: false, error: "Bad Request: can't parse reply keyboard markup JSON object" };
  for (const row of parsed.inline_keyboard as InlineKeyboardButton[][]) {
    for (const button of row) {
      if (typeof button.text !== "string" || button.text === "") return { ok: false, error: "Bad Request: text buttons are unallowed in the inline keyboard" };
      if ("callback_data" in button) {
        const bytes = Buffer.byteLength(button.callback_data);
        if (bytes < 1 || bytes > 64) return { ok: false, error: "Bad Request: BUTTON_DATA_INVALID" };
      }
    }
  }
  return { ok: true, markup: parsed as InlineKeyboardMarkup };
}

/** Validates `text` as the Bot API would for the given parse mode: parses, is not empty, fits 4096. */
function checkText(params: Record<string, unknown>): HtmlParse {
  if (typeof params.text !== "string") return { ok: false, error: "Bad Request: message text is empty" };
  if (params.parse_mode !== undefined && params.parse_mode !== "HTML") {
    return { ok: false, error: `Bad Request: unsupported parse_mode ${String(params.parse_mode)} in this fake` };
  }
  const parsed = params.parse_mode === "HTML" ? parseTelegramHtml(params.text) : { ok: true as const, text: params.text };
  if (!parsed.ok) return parsed;
  if (parsed.text.trim() === "") return { ok: false, error: "Bad Request: message text is empty" };
  if (parsed.text.length > 4096) return { ok: false, error: "Bad Request: message is too long" };
  return parsed;
}

/** The text after parsing (tags dropped, entities decoded), or why Telegram would refuse it. */
export type HtmlParse = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

const TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"]);
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/**
 * A strict reading of Telegram's HTML style (core.telegram.org/bots/api#html-style): only supported tags,
 * properly nested, no nested blockquotes, and every `<`, `>` and `&` outside a tag part of an entity.
 */
export function parseTelegramHtml(html: string): HtmlParse {
  const open: string[] = [];
  let text = "";
  let i = 0;
  const fail = (what: string): HtmlParse => ({
    ok: false,
    error: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, i))}`,
  });
  while (i < html.length) {
    const ch = html[i] ?? "";
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) return fail("Unclosed start tag");
      const inner = html.slice(i + 1, end);
      const closing = inner.startsWith("/");
      const name = (closing ? inner.slice(1) : inner).trim().split(/\s/)[0] ?? "";
      if (!TAGS.has(name)) return fail(`Unsupported ${closing ? "end" : "start"} tag "${name}"`);
      if (closing) {
        if (open.pop() !== name) return fail(`Unmatched end tag "${name}"`);
      } else {
        if (name === "span" && !/class\s*=\s*"tg-spoiler"/.test(inner)) return fail('Tag "span" must have class "tg-spoiler"');
        if (name === "a" && !/href\s*=/.test(inner)) return fail('Tag "a" must have attribute "href"');
        if (name === "blockquote" && open.includes("blockquote")) return fail('Nested "blockquote" tags');
        if (open.includes("code") || (open.includes("pre") && name !== "code")) return fail(`Tag "${name}" inside code`);
        open.push(name);
      }
      i = end + 1;
    } else if (ch === "&") {
      const match = /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      const name = match?.[1];
      if (match === null || name === undefined) return fail("Character entity expected");
      const decoded = name.startsWith("#x")
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith("#")
          ? String.fromCodePoint(parseInt(name.slice(1), 10))
          : NAMED[name];
      if (decoded === undefined) return fail(`Unsupported HTML entity "&${name};"`);
      text += decoded;
      i += match[0].length;
    } else if (ch === ">") {
      return fail('Unexpected ">"');
    } else {
      text += ch;
      i += 1;
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return fail(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return { ok: true, text };
}
