/**
 * A local fake of Discord for driving the real discord.js Client: REST v10 on node:http and Gateway v10 on ws,
 * both on 127.0.0.1 with an ephemeral port. It records what the bot sent, validates what Discord validates
 * (2000-character content, bot token on authenticated routes, the 3 s window to acknowledge an interaction),
 * and can inject failures (429 with retry-after, 5xx, a response lost after the request was carried out) and
 * gateway disconnects. A message create with `nonce` and `enforce_nonce` made again in its channel returns the
 * message already created, as on Discord. Users can reply to the bot's
 * messages, write in a thread, and press the buttons (message components) under its messages.
 *
 * Point the bot at it with `apiBase` ("http://127.0.0.1:PORT/api"); discord.js builds `${api}/v10${route}`
 * and reads the gateway address from `GET /gateway/bot`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeGateway, type FakeGateway, type GatewayStats, type Payload } from "./discord-gateway.js";
import { listenLocal } from "../helpers/ports.js";

export const FAKE_TOKEN = "fake.discord.bot-token-0123456789";
export const IDS = {
  bot: "100000000000000001",
  guild: "200000000000000001",
  channel: "300000000000000001",
  otherGuild: "200000000000000002",
  otherChannel: "300000000000000002",
  dmChannel: "400000000000000001",
  /** A public thread in IDS.channel. */
  thread: "300000000000000003",
  user: "500000000000000001",
  /** The bot's managed integration role in IDS.guild (tags.bot_id = IDS.bot), as Discord creates on invite. */
  botRole: "700000000000000001",
  /** Its managed role in IDS.otherGuild. */
  otherBotRole: "700000000000000002",
  /** A role the bot holds in IDS.guild that is not its managed role. */
  moderators: "700000000000000003",
  /** A role in IDS.guild that the bot does not hold. */
  readers: "700000000000000004",
} as const;
const MAX_CONTENT = 2000;
const INTERACTION_WINDOW_MS = 3000;

/** A user who writes to the bot. */
export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly bot?: boolean;
}

/** One REST request the bot made. `route` has no /api/v10 prefix and no query. */
export interface RestCall {
  readonly method: string;
  readonly route: string;
  readonly query: URLSearchParams;
  readonly body: Payload | undefined;
  readonly authorization: string | undefined;
  status: number;
}

/** A message as it appears on Discord, however the bot created or edited it. */
export interface SentMessage {
  readonly id: string;
  readonly channelId: string;
  content: string;
  allowedMentions: unknown;
  readonly messageReference: Payload | undefined;
  /** Message components (action rows of buttons), as last created or edited. */
  components: Payload[];
  /** Message flags; 64 is ephemeral (seen only by the user of the interaction). */
  readonly flags: number;
  readonly via: "channel" | "interaction-reply" | "interaction-edit" | "followup";
  /** The interaction this message answers, for interaction replies, edits and follow-ups. */
  readonly interactionId?: string;
  /** Date.now() when it was created, and when it was last created or edited. */
  readonly at: number;
  updatedAt: number;
}

/** A failure to return instead of the real response, for the next `times` requests that match. */
export interface InjectedFailure {
  readonly method: string;
  readonly route: RegExp;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: Payload;
  /** Only requests whose JSON body passes this (the edit that carries the buttons, say). */
  readonly when?: (body: Payload | undefined) => boolean;
  /**
   * The request is carried out as usual, and this failure is returned in place of its response: a response lost on
   * its way back (a proxy's 502 after Discord acted), which discord.js then retries.
   */
  readonly responseLost?: boolean;
  times?: number;
}

/** A delay before the next `times` requests that match are handled (a slow or congested Discord). */
export interface InjectedDelay {
  readonly method: string;
  readonly route: RegExp;
  /** How long each is held; or `until`: held until that settles (a request the test releases). */
  readonly ms?: number;
  readonly until?: Promise<unknown>;
  times?: number;
}

interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  readonly createdAt: number;
  acknowledged: boolean;
  /** The flags of a deferred response (64: ephemeral), which the edited original message keeps, as on Discord. */
  deferredFlags?: number;
  /**
   * Deferred and not yet resolved (no edit, no delete): as on Discord, the first follow-up then resolves it,
   * becoming the original response with the deferral's visibility whatever flags it asks for.
   */
  loading?: boolean;
  original: SentMessage | undefined;
}

export interface FakeDiscordOptions {
  readonly token?: string;
  /** Heartbeat interval sent in HELLO; short values exercise heartbeats in tests. */
  readonly heartbeatIntervalMs?: number;
}

export interface FakeDiscord {
  /** What to pass as DiscordConfig.apiBase. */
  readonly apiBase: string;
  readonly token: string;
  readonly calls: readonly RestCall[];
  /** Messages that exist on the fake Discord (created, then possibly edited), in creation order. */
  readonly messages: readonly SentMessage[];
  /** Interaction callbacks: the response type (4 message, 5 deferred) per interaction id. */
  readonly callbacks: ReadonlyMap<string, { readonly type: number; readonly status: number }>;
  readonly gateway: GatewayStats;
  /** Registered commands per scope: "global" or a guild id. */
  readonly commands: ReadonlyMap<string, readonly Payload[]>;
  failNext(failure: InjectedFailure): void;
  /** Holds the next matching request(s) for `ms`, or until `until` settles, before handling them normally. */
  delayNext(delay: InjectedDelay): void;
  /**
   * From now on refuses replies in `channelId` as Discord does where the bot lacks Read Message History (403,
   * code 160002); plain messages there are still accepted.
   */
  refuseReplies(channelId: string): void;
  /**
   * A message in a guild text channel; mentions are parsed from the content: `<@id>` into `mentions`, `<@&id>` of the
   * guild's roles into `mention_roles`. Returns its id.
   */
  guildMessage(content: string, options?: { author?: FakeUser; guildId?: string; channelId?: string; replyTo?: string }): string;
  /** A direct message to the bot (in `channelId`, IDS.dmChannel by default: each user has one on Discord). Returns its id. */
  directMessage(content: string, options?: { author?: FakeUser; channelId?: string; replyTo?: string }): string;
  /**
   * A slash command invocation; `guildId: null` for one in the bot's DMs. `ageMs` backdates it, as when the
   * gateway delivers it late: past 3000 the bot can no longer acknowledge it. Returns the interaction id.
   */
  command(name: string, options?: { values?: Record<string, string>; user?: FakeUser; guildId?: string | null; ageMs?: number }): string;
  /**
   * Presses the button with `customId` under the bot's message `messageId` (INTERACTION_CREATE type 3), as `user`
   * with the client `locale` (default "en-US"). Returns the interaction id; its reply has `interactionId` set.
   */
  click(messageId: string, customId: string, options?: { user?: FakeUser; locale?: string }): string;
  /** The custom ids of the buttons under a message, row by row. */
  buttonsOf(message: SentMessage): string[][];
  /** Closes the gateway connection with `code`; the client should resume. */
  disconnect(code: number): void;
  /** Refuses the next IDENTIFY on the gateway with close `code` instead of READY. */
  refuseIdentify(code: number): void;
  /** Resolves with the first value `probe` returns that is not undefined, polling until `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined, timeoutMs?: number, what?: string): Promise<T>;
  close(): Promise<void>;
}

const botUser = { id: IDS.bot, username: "briefing-bot", discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0 };
export const ASKER: FakeUser = { id: IDS.user, username: "asker" };

let snowflake = 900_000_000_000_000_000n;
const nextId = (): string => String(++snowflake);

function userObject(user: FakeUser): Payload {
  return { id: user.id, username: user.username, discriminator: "0", global_name: null, avatar: null, bot: user.bot ?? false };
}

function roleObject(id: string, name: string, position: number, extra: Payload = {}): Payload {
  return { id, name, permissions: "1024", position, color: 0, hoist: false, managed: false, mentionable: true, flags: 0, ...extra };
}

/**
 * A guild as GUILD_CREATE sends it: its roles, among them the bot's managed role (named as the bot, `managed`, with
 * `tags.bot_id`), and in `members` the bot's own member, holding that role (and @Moderators in IDS.guild).
 */
function guildObject(id: string, channelId: string, name: string, botRoleId: string): Payload {
  const main = id === IDS.guild;
  return {
    id,
    name,
    icon: null,
    owner_id: IDS.user,
    roles: [
      roleObject(id, "@everyone", 0, { mentionable: false }),
      roleObject(botRoleId, botUser.username, 1, { managed: true, tags: { bot_id: IDS.bot } }),
      ...(main ? [roleObject(IDS.moderators, "Moderators", 2), roleObject(IDS.readers, "Readers", 3)] : []),
    ],
    emojis: [],
    stickers: [],
    features: [],
    member_count: 2,
    members: [{ user: botUser, roles: main ? [botRoleId, IDS.moderators] : [botRoleId], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: [{ id: channelId, type: 0, guild_id: id, name: "general", position: 0, permission_overwrites: [], nsfw: false }],
    threads:
      id === IDS.guild
        ? [
            {
              id: IDS.thread,
              type: 11,
              guild_id: id,
              parent_id: channelId,
              name: "follow-ups",
              owner_id: IDS.user,
              message_count: 0,
              member_count: 2,
              thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date(0).toISOString(), locked: false },
            },
          ]
        : [],
    presences: [],
    voice_states: [],
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    preferred_locale: "en-US",
  };
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? FAKE_TOKEN;
  const calls: RestCall[] = [];
  const messages: SentMessage[] = [];
  const failures: InjectedFailure[] = [];
  /** Channels where replies are refused (no Read Message History). */
  const noHistory = new Set<string>();
  const delays: InjectedDelay[] = [];
  const callbacks = new Map<string, { type: number; status: number }>();
  const commands = new Map<string, Payload[]>();
  const interactions = new Map<string, InteractionState>();
  /** Messages created with an enforced nonce, by channel and nonce (Discord keeps them a few minutes). */
  const nonces = new Map<string, SentMessage>();
  const guilds = [guildObject(IDS.guild, IDS.channel, "Newsroom", IDS.botRole), guildObject(IDS.otherGuild, IDS.otherChannel, "Elsewhere", IDS.otherBotRole)];
  const channelGuild = new Map<string, string>([
    [IDS.channel, IDS.guild],
    [IDS.thread, IDS.guild],
    [IDS.otherChannel, IDS.otherGuild],
  ]);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => reply(res, 500, { message: `fake discord: ${String(error)}`, code: 0 }));
  });
  await listenLocal(server);
  const { port } = server.address() as AddressInfo;
  const gateway: FakeGateway = createFakeGateway({
    server,
    token,
    botUser,
    applicationId: IDS.bot,
    guilds: () => guilds,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
  });

  function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  }

  function messageObject(m: SentMessage): Payload {
    const guildId = channelGuild.get(m.channelId);
    return {
      id: m.id,
      channel_id: m.channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      author: botUser,
      content: m.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: m.messageReference ? 19 : m.interactionId ? 20 : 0,
      flags: m.flags,
      components: m.components,
      ...(m.messageReference ? { message_reference: m.messageReference } : {}),
      ...(m.interactionId ? { webhook_id: IDS.bot, application_id: IDS.bot } : {}),
    };
  }

  /** Validates a message body as Discord does; returns an error response body or undefined. */
  function invalidContent(body: Payload | undefined): Payload | undefined {
    const content = body?.["content"];
    if (typeof content === "string" && content.length > MAX_CONTENT) {
      return { code: 50035, message: "Invalid Form Body", errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] } } };
    }
    if ((typeof content !== "string" || content.length === 0) && !body?.["embeds"]) return { code: 50006, message: "Cannot send an empty message" };
    return undefined;
  }

  function create(body: Payload, channelId: string, via: SentMessage["via"], interactionId?: string): SentMessage {
    const message: SentMessage = {
      id: nextId(),
      channelId,
      content: String(body["content"] ?? ""),
      allowedMentions: body["allowed_mentions"],
      messageReference: body["message_reference"] as Payload | undefined,
      components: Array.isArray(body["components"]) ? (body["components"] as Payload[]) : [],
      flags: Number(body["flags"] ?? 0),
      via,
      ...(interactionId ? { interactionId } : {}),
      at: Date.now(),
      updatedAt: Date.now(),
    };
    messages.push(message);
    return message;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const route = decodeURIComponent(url.pathname).replace(/^\/api\/v10/u, "");
    const method = req.method ?? "GET";
    const call: RestCall = {
      method,
      route,
      query: url.searchParams,
      body: text ? (JSON.parse(text) as Payload) : undefined,
      authorization: req.headers.authorization,
      status: 0,
    };
    calls.push(call);
    /** A failure injected after the request is carried out (see InjectedFailure.responseLost). */
    let lost: InjectedFailure | undefined;
    const send = (status: number, body?: unknown, headers?: Record<string, string>): void => {
      if (lost) {
        call.status = lost.status;
        return reply(res, lost.status, lost.body ?? { message: "injected failure", code: 0 }, lost.headers);
      }
      call.status = status;
      reply(res, status, body, headers);
    };

    if (!url.pathname.startsWith("/api/v10/")) return send(404, { message: "404: Not Found", code: 0 });
    const delay = delays.find((d) => d.method === method && d.route.test(route));
    if (delay) {
      delay.times = (delay.times ?? 1) - 1;
      if (delay.times <= 0) delays.splice(delays.indexOf(delay), 1);
      await (delay.until ?? new Promise((resolve) => setTimeout(resolve, delay.ms ?? 0)));
    }
    const failure = failures.find((f) => f.method === method && f.route.test(route) && (f.when?.(call.body) ?? true));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      if (failure.responseLost) lost = failure;
      else return send(failure.status, failure.body ?? { message: "injected failure", code: 0 }, failure.headers);
    }
    const webhook = /^\/(interactions|webhooks)\//u.test(route);
    if (!webhook && req.headers.authorization !== `Bot ${token}`) return send(401, { message: "401: Unauthorized", code: 0 });

    let m: RegExpMatchArray | null;
    if (method === "GET" && route === "/gateway/bot") {
      return send(200, {
        url: `ws://127.0.0.1:${port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === "GET" && route === "/users/@me") return send(200, botUser);
    if ((m = route.match(/^\/channels\/(\d+)\/typing$/u)) && method === "POST") return send(204);
    if ((m = route.match(/^\/channels\/(\d+)\/messages$/u)) && method === "POST") {
      if (call.body?.["message_reference"] && noHistory.has(m[1] ?? "")) {
        return send(403, { message: "Cannot reply without permission to read message history", code: 160002 });
      }
      const invalid = invalidContent(call.body);
      if (invalid) return send(400, invalid);
      // As on Discord: a create with an enforced nonce already used in the channel returns that message (deleted
      // since: Unknown Message) instead of posting it again, so that a retried create posts once.
      const nonce = call.body?.["enforce_nonce"] === true && call.body["nonce"] !== undefined ? `${m[1] ?? ""}:${String(call.body["nonce"])}` : undefined;
      const earlier = nonce === undefined ? undefined : nonces.get(nonce);
      if (earlier) return messages.includes(earlier) ? send(200, messageObject(earlier)) : send(404, { message: "Unknown Message", code: 10008 });
      const created = create(call.body ?? {}, m[1] ?? "", "channel");
      if (nonce !== undefined) nonces.set(nonce, created);
      return send(200, messageObject(created));
    }
    if ((m = route.match(/^\/channels\/(\d+)\/messages\/(\d+)$/u)) && method === "DELETE") {
      const message = messages.find((x) => x.id === m?.[2] && x.channelId === m?.[1]);
      if (!message) return send(404, { message: "Unknown Message", code: 10008 });
      messages.splice(messages.indexOf(message), 1);
      return send(204);
    }
    if ((m = route.match(/^\/channels\/(\d+)\/messages\/(\d+)$/u)) && method === "PATCH") {
      const message = messages.find((x) => x.id === m?.[2] && x.channelId === m?.[1]);
      if (!message) return send(404, { message: "Unknown Message", code: 10008 });
      const invalid = invalidContent(call.body);
      if (invalid) return send(400, invalid);
      message.content = String(call.body?.["content"] ?? message.content);
      message.allowedMentions = call.body?.["allowed_mentions"] ?? message.allowedMentions;
      if (Array.isArray(call.body?.["components"])) message.components = call.body["components"] as Payload[];
      message.updatedAt = Date.now();
      return send(200, messageObject(message));
    }
    if ((m = route.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/u)) && method === "PUT") {
      const list = (Array.isArray(call.body) ? call.body : []) as Payload[];
      const registered = list.map((c) => ({ ...c, id: nextId(), application_id: m?.[1], version: nextId(), type: c["type"] ?? 1, ...(m?.[2] ? { guild_id: m[2] } : {}) }));
      commands.set(m[2] ?? "global", registered);
      return send(200, registered);
    }
    if ((m = route.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/u)) && method === "POST") {
      const interaction = interactions.get(m[1] ?? "");
      if (!interaction || interaction.token !== m[2]) return send(404, { message: "Unknown interaction", code: 10062 });
      if (Date.now() - interaction.createdAt > INTERACTION_WINDOW_MS) return send(404, { message: "Unknown interaction", code: 10062 });
      if (interaction.acknowledged) return send(400, { message: "Interaction has already been acknowledged.", code: 40060 });
      const type = Number(call.body?.["type"]);
      const data = (call.body?.["data"] ?? {}) as Payload;
      if (type === 4) {
        const invalid = invalidContent(data);
        if (invalid) return send(400, invalid);
        interaction.original = create(data, interaction.channelId, "interaction-reply", interaction.id);
      }
      if (type === 5) {
        interaction.deferredFlags = Number(data["flags"] ?? 0);
        interaction.loading = true;
      }
      interaction.acknowledged = true;
      callbacks.set(interaction.id, { type, status: 204 });
      return send(204);
    }
    if ((m = route.match(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/u))) {
      const interaction = [...interactions.values()].find((i) => i.token === m?.[2]);
      if (!interaction || m[1] !== IDS.bot || !interaction.acknowledged) return send(404, { message: "Unknown Webhook", code: 10015 });
      if (m[3] && method === "GET") return interaction.original ? send(200, messageObject(interaction.original)) : send(404, { message: "Unknown Message", code: 10008 });
      if (m[3] && method === "DELETE") {
        if (interaction.original) messages.splice(messages.indexOf(interaction.original), 1);
        interaction.original = undefined;
        interaction.loading = false;
        return send(204);
      }
      const invalid = invalidContent(call.body);
      if (invalid) return send(400, invalid);
      if (m[3] && method === "PATCH") {
        if (!interaction.original) interaction.original = create({ ...call.body, flags: interaction.deferredFlags ?? 0 }, interaction.channelId, "interaction-edit", interaction.id);
        interaction.original.content = String(call.body?.["content"] ?? interaction.original.content);
        interaction.original.allowedMentions = call.body?.["allowed_mentions"];
        if (Array.isArray(call.body?.["components"])) interaction.original.components = call.body["components"] as Payload[];
        interaction.original.updatedAt = Date.now();
        interaction.loading = false;
        return send(200, messageObject(interaction.original));
      }
      if (!m[3] && method === "POST" && interaction.loading) {
        interaction.loading = false;
        interaction.original = create({ ...call.body, flags: interaction.deferredFlags ?? 0 }, interaction.channelId, "interaction-edit", interaction.id);
        return send(200, messageObject(interaction.original));
      }
      if (!m[3] && method === "POST") return send(200, messageObject(create(call.body ?? {}, interaction.channelId, "followup", interaction.id)));
    }
    return send(404, { message: `fake discord: no route ${method} ${route}`, code: 0 });
  }

  /** What a reply to `replyTo` carries: the reference and the referenced message (when it is the bot's). */
  function replyFields(replyTo: string | undefined, channelId: string, guildId?: string): Payload {
    if (replyTo === undefined) return {};
    const referenced = messages.find((m) => m.id === replyTo);
    return {
      type: 19,
      message_reference: { type: 0, message_id: replyTo, channel_id: channelId, ...(guildId ? { guild_id: guildId } : {}) },
      referenced_message: referenced ? messageObject(referenced) : null,
    };
  }

  function guildMessage(content: string, opts: { author?: FakeUser; guildId?: string; channelId?: string; replyTo?: string } = {}): string {
    const author = opts.author ?? ASKER;
    const guildId = opts.guildId ?? IDS.guild;
    const channelId = opts.channelId ?? (guildId === IDS.guild ? IDS.channel : IDS.otherChannel);
    // A reply pings the author of the replied message by default, which counts as a mention of the bot.
    const repliesToBot = opts.replyTo !== undefined && messages.some((m) => m.id === opts.replyTo);
    const roles = guildRoles(guildId);
    // `<@&id>` of a role of the guild goes into mention_roles, whoever holds it.
    const mentionRoles = [...new Set([...content.matchAll(/<@&(\d+)>/gu)].map((x) => x[1] ?? ""))].filter((role) => roles.some((r) => r["id"] === role));
    // The bot's managed role mentioned (picked in the autocomplete for the bot) is taken to count as a mention of
    // the bot for the content it is sent (Discord's docs say only "messages in which it is mentioned"); a role that
    // merely includes the bot is not.
    const botRoleMentioned = roles.some((r) => (r["tags"] as Payload | undefined)?.["bot_id"] === IDS.bot && mentionRoles.includes(String(r["id"])));
    const mentioned = repliesToBot || [...content.matchAll(/<@!?(\d+)>/gu)].some((x) => x[1] === IDS.bot);
    const id = nextId();
    gateway.dispatch("MESSAGE_CREATE", {
      ...baseMessage(id, channelId, author),
      ...replyFields(opts.replyTo, channelId, guildId),
      guild_id: guildId,
      member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
      // As on Discord: without the Message Content intent, only messages that mention the bot carry content.
      content: mentioned || botRoleMentioned || gateway.hasMessageContentIntent ? content : "",
      mentions: mentioned ? [botUser] : [],
      mention_roles: mentionRoles,
    });
    return id;
  }

  function guildRoles(guildId: string): Payload[] {
    return (guilds.find((g) => g["id"] === guildId)?.["roles"] ?? []) as Payload[];
  }

  function directMessage(content: string, opts: { author?: FakeUser; channelId?: string; replyTo?: string } = {}): string {
    const id = nextId();
    const channelId = opts.channelId ?? IDS.dmChannel;
    gateway.dispatch("MESSAGE_CREATE", { ...baseMessage(id, channelId, opts.author ?? ASKER), ...replyFields(opts.replyTo, channelId), channel_type: 1, content, mentions: [] });
    return id;
  }

  function click(messageId: string, customId: string, opts: { user?: FakeUser; locale?: string } = {}): string {
    const message = messages.find((m) => m.id === messageId);
    if (!message) throw new Error(`fake discord: no message ${messageId} to click on`);
    if (!buttonsOf(message).flat().includes(customId)) throw new Error(`fake discord: message ${messageId} has no button ${customId}`);
    const user = opts.user ?? ASKER;
    const guildId = channelGuild.get(message.channelId) ?? null;
    const state: InteractionState = { id: nextId(), token: `interaction-token-${nextId()}`, channelId: message.channelId, createdAt: Date.now(), acknowledged: false, original: undefined };
    interactions.set(state.id, state);
    gateway.dispatch("INTERACTION_CREATE", {
      id: state.id,
      application_id: IDS.bot,
      type: 3,
      token: state.token,
      version: 1,
      data: { custom_id: customId, component_type: 2 },
      message: messageObject(message),
      channel_id: message.channelId,
      ...interactionContext(user, guildId, message.channelId, opts.locale ?? "en-US"),
    });
    return state.id;
  }

  /** The fields an interaction carries about where it happened and who made it: a DM, or a guild member. */
  function interactionContext(user: FakeUser, guildId: string | null, channelId: string, locale: string): Payload {
    return {
      channel: guildId === null ? { id: channelId, type: 1, recipients: [userObject(user)] } : { id: channelId, type: 0, guild_id: guildId, name: "general" },
      app_permissions: "2048",
      locale,
      entitlements: [],
      authorizing_integration_owners: { "0": guildId ?? IDS.user },
      context: guildId === null ? 1 : 0,
      ...(guildId === null
        ? { user: userObject(user) }
        : {
            guild_id: guildId,
            guild_locale: "en-US",
            member: { user: userObject(user), roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: "2048" },
          }),
    };
  }

  function buttonsOf(message: SentMessage): string[][] {
    return message.components.map((row) => ((row["components"] ?? []) as Payload[]).map((button) => String(button["custom_id"])));
  }

  function baseMessage(id: string, channelId: string, author: FakeUser): Payload {
    return {
      id,
      channel_id: channelId,
      author: userObject(author),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
    };
  }

  function command(name: string, opts: { values?: Record<string, string>; user?: FakeUser; guildId?: string | null; ageMs?: number } = {}): string {
    const user = opts.user ?? ASKER;
    const guildId = opts.guildId === undefined ? IDS.guild : opts.guildId;
    const channelId = guildId === null ? IDS.dmChannel : guildId === IDS.guild ? IDS.channel : IDS.otherChannel;
    const state: InteractionState = { id: nextId(), token: `interaction-token-${nextId()}`, channelId, createdAt: Date.now() - (opts.ageMs ?? 0), acknowledged: false, original: undefined };
    interactions.set(state.id, state);
    const options = Object.entries(opts.values ?? {}).map(([key, value]) => ({ name: key, type: 3, value }));
    gateway.dispatch("INTERACTION_CREATE", {
      id: state.id,
      application_id: IDS.bot,
      type: 2,
      token: state.token,
      version: 1,
      data: { id: nextId(), name, type: 1, options },
      channel_id: channelId,
      ...interactionContext(user, guildId, channelId, "en-US"),
    });
    return state.id;
  }

  async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    apiBase: `http://127.0.0.1:${port}/api`,
    token,
    calls,
    messages,
    callbacks,
    commands,
    gateway: gateway.stats,
    failNext: (failure) => void failures.push({ ...failure }),
    delayNext: (delay) => void delays.push({ ...delay }),
    refuseReplies: (channelId) => void noHistory.add(channelId),
    guildMessage,
    directMessage,
    command,
    click,
    buttonsOf,
    disconnect: (code) => gateway.disconnect(code),
    refuseIdentify: (code) => gateway.refuseIdentify(code),
    waitFor,
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
