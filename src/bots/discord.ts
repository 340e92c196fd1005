/**
 * The Discord adapter: `/ask`, `/help`, `/about`, mentions in guild channels (of the bot or its managed role) and
 * direct messages.
 * The privileged Message Content intent is not needed: Discord sends the content of mentions and DMs anyway.
 * Rendering lives in render/discord.ts; rate limit, core and its error handling in ask.ts.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  Client,
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  MessageFlags,
  Options,
  Partials,
  RESTEvents,
  RESTJSONErrorCodes,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type MessageMentionOptions,
  type MessageReplyOptions,
  type RepliableInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { DiscordConfig } from "../config.js";
import { detectLanguage, type Language } from "../rag/index.js";
import type { ConversationPlace } from "../state/index.js";
import type { AskContext, Reply } from "./ask.js";
import { admitPress, buttonLanguage, pressButton } from "./buttons.js";
import { deliver } from "./deliver.js";
import { createLiveMessage } from "./live.js";
import { createTurns } from "./turns.js";
import { messages } from "./messages.js";
import { createPressLimiter } from "./rate-limit.js";
import {
  escapeDiscord,
  renderAboutDiscord,
  renderButtonsDiscord,
  renderHelpDiscord,
  renderPartialDiscord,
  renderPassageDiscord,
  renderReplyDiscord,
} from "./render/discord.js";
import { TokenRefusedError, type BotDeps, type BotHandle } from "./types.js";
import { typingIndicator } from "./typing.js";

/** Tuning for tests and operators; the defaults suit production. */
export interface DiscordBotOptions {
  /**
   * Show "typing…" only when an answer is not ready after this many ms (default 400): an offline answer takes a
   * millisecond, and a typing request per answer would spend half of Discord's request budget on nothing.
   */
  readonly typingDelayMs?: number;
  /**
   * About how many users, members per guild and DM channels discord.js keeps cached (default 1,000): it caches them
   * for each person who writes to the bot, for good unless bounded, and the bot never reads them back.
   */
  readonly cacheLimit?: number;
  /**
   * The longest question the core accepts (MAX_QUESTION_CHARS): /ask's option then says so, and Discord itself stops a
   * longer question in the client, before it is sent. Unset, /ask has no limit of its own and the core's notice says it.
   */
  readonly maxQuestionChars?: number;
  /**
   * How long start() waits for the slash commands to be registered (default 5,000 ms): past that it resolves and the
   * registration goes on in the background, so that a long 429 on it holds up neither the bot's "ready" nor the
   * process's (src/main.ts tries a platform that failed to start again only once every start has settled).
   */
  readonly commandsWaitMs?: number;
  /**
   * Every how many invalid requests (401, 403, 429) in Discord's 10-minute window a warning is logged (default
   * 1,000): at 10,000 Discord bans the bot's IP address for about an hour.
   */
  readonly invalidRequestWarningEvery?: number;
}

/** Nobody is ever pinged by the bot: not @everyone, not roles, not users, not the asker it replies to. */
const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };
/**
 * Links in the bot's messages (a question echoed, a quote) are not unfurled into previews, as on Telegram. Sent on
 * every create and edit: the deferred "thinking…" message of /ask cannot carry it, so its edits set it.
 */
const NO_EMBEDS: MessageFlags.SuppressEmbeds = MessageFlags.SuppressEmbeds;
const EPHEMERAL = [MessageFlags.Ephemeral, NO_EMBEDS] as const;
/**
 * `content` as the bot sends every message, create or edit: pinging nobody, unfurling no link. Spread it and set
 * `flags: EPHEMERAL` for what only the user of an interaction sees.
 */
const body = (content: string): { readonly content: string; readonly allowedMentions: MessageMentionOptions; readonly flags: MessageFlags.SuppressEmbeds } => ({
  content,
  allowedMentions: NO_PINGS,
  flags: NO_EMBEDS,
});
/**
 * Discord's refusals of a message because the bot may not write there: it cannot see the channel (50001 Missing
 * Access), lacks Send Messages in it (50013 Missing Permissions), or the user takes no DMs from it (50007). An
 * apology sent the same way would be refused alike.
 */
const CANNOT_WRITE: ReadonlySet<unknown> = new Set([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);
const cannotWrite = (error: unknown): error is DiscordAPIError => error instanceof DiscordAPIError && CANNOT_WRITE.has(error.code);
/**
 * 40060: Discord already has a response to the interaction. To this process's own deferral, it means the deferral
 * did reach Discord (its response was lost, and discord.js sent it again) or another process logged in with the
 * token acknowledged it first; to a reply, that the reply was delivered.
 */
const alreadyAcknowledged = (error: unknown): boolean =>
  error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
/**
 * The language of what the bot says outside an answer, from the user's client locale: never Arabic today (Discord
 * has no Arabic locale), so under an answer its buttons say which (see buttonLanguage).
 */
const languageOf = (interaction: { readonly locale: string }): Language => (interaction.locale.startsWith("ar") ? "ar" : "en");
/** What to do about the gateway close codes after which discord.js stops reconnecting, by code. */
const CLOSE_HINTS: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, "DISCORD_TOKEN is wrong or was reset"],
  [GatewayCloseCodes.ShardingRequired, "the bot is in too many servers for one connection"],
  [GatewayCloseCodes.InvalidAPIVersion, "discord.js needs an update"],
  [GatewayCloseCodes.DisallowedIntents, "a privileged intent the bot asks for is not enabled for it in the Discord Developer Portal"],
]);

/** Discord closed the gateway connection with a code after which discord.js does not reconnect. */
export class DiscordClosedError extends Error {
  override readonly name = "DiscordClosedError";
  constructor(readonly code: number) {
    const hint = CLOSE_HINTS.get(code);
    super(`Discord closed the gateway with ${code} (${GatewayCloseCodes[code] ?? "unknown"})${hint ? `: ${hint}` : ""}`);
  }
}
/**
 * A failed start's error, a refused token told as such (TokenRefusedError: not tried again): the gateway's 4004, the
 * API's 401 (discord.js asks for the gateway's address with the token first), or discord.js's TokenInvalid for that.
 */
function startError(error: unknown): unknown {
  const refused =
    (error instanceof DiscordClosedError && error.code === GatewayCloseCodes.AuthenticationFailed) ||
    (error instanceof DiscordAPIError && error.status === 401) ||
    (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid);
  return refused ? new TokenRefusedError("DISCORD_TOKEN", `Discord refused DISCORD_TOKEN: ${error.message}`, { cause: error }) : error;
}

/** How long a channel that refused a reply (no Read Message History) gets plain messages before a reply is tried again. */
const NO_HISTORY_MS = 60 * 60 * 1000;
/**
 * How long a channel that refused the bot's messages or typing (CANNOT_WRITE) gets neither typing nor a streamed
 * answer: each question there is answered with one message, tried once (a permission fixed shows at once).
 */
const REFUSED_MS = 10 * 60 * 1000;
/** Channels remembered so at most; past that the memory starts again (an operator's permissions are few to fix). */
const MAX_CHANNELS_REMEMBERED = 10_000;

/** Channels remembered for `forMs` each (see NO_HISTORY_MS, REFUSED_MS), at most MAX_CHANNELS_REMEMBERED. */
function channelMemory(forMs: number): { has(id: string): boolean; add(id: string): void; delete(id: string): void } {
  const until = new Map<string, number>();
  return {
    has: (id) => (until.get(id) ?? -Infinity) > Date.now(),
    add(id) {
      if (until.size >= MAX_CHANNELS_REMEMBERED) until.clear();
      until.set(id, Date.now() + forMs);
    },
    delete: (id) => void until.delete(id),
  };
}
/** Users, members per guild and DM channels kept cached, by default (about 0.6 KB a user). */
const CACHE_LIMIT = 1_000;
/** Discord shows "typing…" for about 10 s per request. */
const TYPING_REFRESH_MS = 8_000;
/** How long stop() lets answers already being written reach Discord before it disconnects, by default. */
const STOP_WAIT_MS = 8_000;
/** How long start() waits for the slash commands to be registered, by default (see DiscordBotOptions.commandsWaitMs). */
const COMMANDS_WAIT_MS = 5_000;
/** Invalid requests between two warnings, by default: a tenth of the 10,000 in 10 minutes at which Discord bans. */
const INVALID_REQUEST_WARNING_EVERY = 1_000;

/**
 * The slash commands, registered at start (in config.guildId only when set, else globally); `maxQuestionChars`, when
 * given, is the longest question /ask takes (see DiscordBotOptions.maxQuestionChars).
 */
export function discordCommands(maxQuestionChars?: number): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    new SlashCommandBuilder()
      .setName("ask")
      .setDescription("Ask a question about the news briefing")
      .addStringOption((o) => {
        const option = o.setName("question").setDescription("Your question, in English or Arabic").setRequired(true);
        return maxQuestionChars === undefined ? option : option.setMaxLength(maxQuestionChars);
      }),
    new SlashCommandBuilder().setName("help").setDescription("How to ask me questions"),
    new SlashCommandBuilder().setName("about").setDescription("Which briefings I know and when they were indexed"),
  ].map((command) => command.toJSON());
}

/**
 * A message or an interaction, by its id: handled once each, in ways that differ by kind (see handle). `dmChannel`:
 * the DM channel a message's answer goes to, kept cached until it is handled (see sweepDmChannels).
 */
type DiscordEvent = { readonly kind: "message" | "interaction"; readonly id: string; readonly dmChannel?: string | undefined };

/** A sent message's key, by which a reply to it finds the conversation of the answer it was part of. */
const messageKey = (messageId: string): string => `discord:${messageId}`;

/** Creates the Discord bot; nothing connects until `start()`. */
export function createDiscordBot(config: DiscordConfig, deps: BotDeps, options: DiscordBotOptions = {}): BotHandle {
  const logger = deps.logger.child({ bot: "discord" });
  const {
    typingDelayMs = 400,
    cacheLimit = CACHE_LIMIT,
    maxQuestionChars,
    commandsWaitMs = COMMANDS_WAIT_MS,
    invalidRequestWarningEvery = INVALID_REQUEST_WARNING_EVERY,
  } = options;
  const state = deps.ask.state;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    // The bot never reads past messages; discord.js would keep 200 per channel and DM (a leak in a busy bot). Nor
    // does it look users or members up (each event carries its own), which discord.js would keep for good. The
    // bot's own user and members stay cached: discord.js reads them (client.user, guild.members.me).
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: cacheLimit, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: cacheLimit, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    // A reply to a message deleted meanwhile is sent as a plain message instead of failing.
    failIfNotExists: false,
    // Each message create carries a nonce Discord enforces: a create discord.js sends again (its response lost to a
    // 5xx or a reset connection) returns the message already posted instead of posting it twice.
    enforceNonce: true,
    rest: { invalidRequestWarningInterval: invalidRequestWarningEvery, ...(config.apiBase ? { api: config.apiBase } : {}) },
  });
  /** Channels where replies are refused for lack of Read Message History, until when (see replyTo). */
  const plainChannels = channelMemory(NO_HISTORY_MS);
  /** Channels that refused the bot's messages or typing (CANNOT_WRITE), until when (see answerMessageInTurn). */
  const refusedChannels = channelMemory(REFUSED_MS);
  const turns = createTurns();
  /** Answer-button presses per user (see createPressLimiter). */
  const presses = createPressLimiter();
  /**
   * DM channels with messages being handled, and how many: Message#channel reads the cache, and their replies, edits
   * and typing go through it.
   */
  const dmAnswering = new Map<string, number>();
  /** Events since the last sweepDmChannels. */
  let eventsSinceSweep = 0;
  /** Set halfway through stop()'s grace: no event is taken on after that (see stop). */
  let closing = false;
  /** Set once start() has connected; before that a refused connection is start()'s rejection, not a fatal error. */
  let started = false;

  const allowed = (guildId: string | null): boolean =>
    guildId === null || config.allowedGuilds.length === 0 || config.allowedGuilds.includes(guildId);

  /**
   * The error boundary: one failure is logged and apologised for; the bot keeps running. Each message and
   * interaction is handled once, even when two processes with the same token receive it. A message is claimed
   * through the shared state (Redis) first. An interaction is acknowledged first (within Discord's 3 s), then
   * claimed the same way: /ask and a button press after their deferral (see deferAndClaim), /help and /about before
   * their reply, which they count against the rate limit (see answerCommand).
   */
  /** Whether this process is the first of those sharing the state to handle `event` ("message:ID", "interaction:ID"). */
  async function firstToHandle(event: string): Promise<boolean> {
    if (await state.updates.first(`discord:${event}`)) return true;
    logger.debug({ event }, "event already handled by another process; skipped");
    return false;
  }

  function handle({ kind, id, dmChannel }: DiscordEvent, context: Record<string, string | null>, work: () => Promise<void>, apologise: () => Promise<unknown>): void {
    const event = `${kind}:${id}`;
    if (dmChannel !== undefined) dmAnswering.set(dmChannel, (dmAnswering.get(dmChannel) ?? 0) + 1);
    sweepDmChannels();
    void deps.inflight.run(async () => {
      try {
        if (kind === "message" && !(await firstToHandle(event))) return;
        await work();
      } catch (error) {
        // A reply refused so: it was delivered (its response lost and sent again) or another process's was.
        if (kind === "interaction" && alreadyAcknowledged(error)) {
          logger.debug({ event }, "interaction acknowledged already (this reply, or another process's); skipped");
          return;
        }
        // A message's apology goes where its answer was refused: it would be refused too, and the operator can do
        // nothing about a user who takes no DMs. An interaction's goes through its webhook, which needs no permission.
        if (kind === "message" && cannotWrite(error)) {
          logger.warn({ err: safeError(error), ...context }, "Discord refused the answer: the bot may not write here (no access, no Send Messages, or the user takes no DMs from it); no apology sent");
          return;
        }
        logger.error({ err: safeError(error), ...context }, "answering failed");
        await apologise().catch((sendError: unknown) => logger.error({ err: safeError(sendError), ...context }, "apology failed"));
      } finally {
        if (dmChannel !== undefined) {
          const left = (dmAnswering.get(dmChannel) ?? 1) - 1;
          if (left > 0) dmAnswering.set(dmChannel, left);
          else dmAnswering.delete(dmChannel);
        }
      }
    });
  }

  /**
   * Every `cacheLimit` events handled, drops the DM channels no message is being answered in from the cache.
   * discord.js caches one per user who ever wrote to the bot (and again for the echo of the bot's own reply), and
   * offers no way to bound them: ChannelManager's cache must not be customised (the makeCache docs), and Sweepers
   * have no key for channels other than threads. A user who writes again gets a new one from the event, without a
   * request; interactions answer through their webhook, not it.
   */
  function sweepDmChannels(): void {
    if (++eventsSinceSweep < cacheLimit) return;
    eventsSinceSweep = 0;
    client.channels.cache.sweep((channel, id) => channel.isDMBased() && !dmAnswering.has(id));
  }

  client.on(Events.MessageCreate, (message) => {
    const me = client.user;
    // Also in the first half of stop()'s grace: Discord never delivers an event again, and answering needs only
    // REST, which stays up until the connection closes (stop() waits for the answers in flight).
    if (closing || !me || message.author.bot || message.system) return;
    // Picking the bot in the mention autocomplete may pick its managed integration role (same name) instead:
    // `<@&roleId>` in mention_roles. Only that role counts, not any role the bot holds (`mentions.has(me)` would
    // count them all): with an @Moderators role, say, the bot would answer every moderator ping.
    const botRole = message.inGuild() ? message.mentions.roles.find((role) => role.tags?.botId === me.id) : undefined;
    if (message.inGuild() && ((!message.mentions.users.has(me.id) && !botRole) || !allowed(message.guildId))) return;
    // The bot's own mention (or role) goes with every other Discord tag (see questionText).
    const question = questionText(message.content);
    const failed = messages(detectLanguage(question)).failed;
    handle(
      { kind: "message", id: message.id, dmChannel: message.inGuild() ? undefined : message.channelId },
      { messageId: message.id, channelId: message.channelId, guildId: message.guildId },
      () => answerMessage(message, question),
      () => replyTo(message, body(failed)),
    );
  });

  client.on(Events.InteractionCreate, (interaction) => {
    if (closing) return;
    if (interaction.isButton()) {
      const language = buttonLanguage(interaction.customId, languageOf(interaction));
      handle(
        { kind: "interaction", id: interaction.id },
        { interactionId: interaction.id, button: interaction.customId, guildId: interaction.guildId },
        () => answerButton(interaction, language),
        () => apologiseFor(interaction, messages(language).failed),
      );
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    handle(
      { kind: "interaction", id: interaction.id },
      { interactionId: interaction.id, command: interaction.commandName, guildId: interaction.guildId },
      () => answerCommand(interaction),
      // After a command's public reply (an /ask answer streamed in part), the apology is public too: the half answer
      // stays in the channel, and its readers are told it broke off.
      () => apologiseFor(interaction, messages(detectLanguage(interaction.options.getString("question") ?? "")).failed, "public"),
    );
  });

  /**
   * The apology for an interaction: in place of its "thinking…" when it was deferred and nothing replaced that yet
   * (else the placeholder stayed until its token expired, the apology under it), after a reply already sent, or as
   * the reply (ephemeral). A follow-up is ephemeral unless `followUp` says otherwise.
   */
  async function apologiseFor(interaction: RepliableInteraction, content: string, followUp: "public" | "ephemeral" = "ephemeral"): Promise<unknown> {
    if (interaction.deferred && !interaction.replied) {
      try {
        return await interaction.editReply({ ...body(content), components: [] });
      } catch (error) {
        logger.debug({ err: safeError(error), interactionId: interaction.id }, "cannot edit the apology into the deferred reply; following up");
      }
    }
    return interaction.deferred || interaction.replied
      ? interaction.followUp({ ...body(content), flags: followUp === "public" ? NO_EMBEDS : EPHEMERAL })
      : interaction.reply({ ...body(content), flags: EPHEMERAL });
  }

  /**
   * Defers `interaction` (Discord shows "thinking…" until the reply is edited in), `ephemeral` or not. Refused with
   * 40060, the deferral is there already (see alreadyAcknowledged): the interaction is taken as deferred, as
   * discord.js would have, so that the reply can be edited (any process holding its token can edit it).
   */
  async function defer(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
    try {
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    } catch (error) {
      if (!alreadyAcknowledged(error)) throw error;
      logger.debug({ interactionId: interaction.id }, "the deferral was acknowledged already (its response lost, or another process's deferral)");
      interaction.deferred = true;
      interaction.ephemeral = ephemeral;
    }
  }

  /**
   * Defers `interaction`, then claims it through the shared state as a message is: true when this process is to
   * answer it. Two processes logged in with the token both get it; Discord takes one deferral and refuses the other
   * with 40060, as it refuses this process's own deferral sent again after its response was lost. The refusal does
   * not tell which; the claim does, and its winner edits the deferred reply, whichever process's deferral it was.
   */
  async function deferAndClaim(interaction: RepliableInteraction, ephemeral: boolean): Promise<boolean> {
    await defer(interaction, ephemeral);
    return firstToHandle(`interaction:${interaction.id}`);
  }

  /**
   * Removes an interaction's deferred "thinking…" (a flood's, or a public one making way for a notice to the asker
   * alone); false when that failed. A failure is logged, not apologised for: a silenced user must not be told that
   * something went wrong.
   */
  async function withdraw(interaction: RepliableInteraction): Promise<boolean> {
    try {
      await interaction.deleteReply();
      return true;
    } catch (error) {
      logger.warn({ err: safeError(error), interactionId: interaction.id }, "could not remove the deferred reply");
      return false;
    }
  }

  client.on(Events.Error, (error) => logger.error({ err: safeError(error) }, "discord client error"));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, "discord client warning"));
  // Refused requests (401, 403, 429) count toward Discord's limit of 10,000 in 10 minutes, past which it bans the
  // bot's IP address for about an hour; discord.js tells every `invalidRequestWarningEvery` of them.
  client.rest.on(RESTEvents.InvalidRequestWarning, ({ count, remainingTime }) =>
    logger.warn(
      { count, windowEndsInSeconds: Math.round(remainingTime / 1000) },
      "Discord refused many requests from this bot lately (401, 403, 429); at 10,000 in 10 minutes it bans the bot's IP address for about an hour",
    ),
  );
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, "gateway session resumed"));
  // discord.js reports a closed connection only when it will not reconnect (4004, 4010-4014): rather than live on
  // deaf, the process ends (onFatal) for a supervisor to restart it once the cause is fixed. Before start() has
  // connected, the refusal is start()'s rejection.
  let refusal: DiscordClosedError | undefined;
  let refuseStart: ((error: Error) => void) | undefined;
  client.on(Events.ShardDisconnect, ({ code }, shard) => {
    const error = new DiscordClosedError(code);
    if (!started) {
      refusal = error;
      return refuseStart?.(error);
    }
    logger.error({ err: error, shard }, "Discord closed the gateway for good; no further events will be received");
    deps.onFatal?.(error);
  });

  /**
   * `body` as a reply to `message`; as a plain message in its channel where Discord refuses the reply because the
   * bot may not read the channel's history (160002: the invite left out Read Message History), rather than
   * failing the answer and its apology alike. Such a channel is remembered for a while (NO_HISTORY_MS), so each
   * answer there does not first make a refused request (403s count toward Discord's invalid-request limit).
   */
  async function replyTo(message: Message, options: MessageReplyOptions): Promise<Message> {
    const channel = message.channel;
    if (plainChannels.has(message.channelId) && channel.isSendable()) return channel.send(options);
    try {
      return await message.reply(options);
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotReplyWithoutPermissionToReadMessageHistory)) throw error;
      if (!channel.isSendable()) throw error;
      plainChannels.add(message.channelId);
      logger.warn({ channelId: message.channelId }, "cannot reply without Read Message History here; sending answers as plain messages");
      return channel.send(options);
    }
  }

  /** Links the messages an answer was sent as to its conversation (see Ask.link), by their keys. */
  const linkSent = (reply: Reply, ids: readonly string[]): Promise<void> => deps.ask.link(reply, ids.map(messageKey));

  /** Answers a message's question after the questions before it in its conversation (see turns.ts). */
  async function answerMessage(message: Message, question: string): Promise<void> {
    const reference = message.reference?.messageId;
    const place: ConversationPlace = {
      ...(reference ? { replyTo: messageKey(reference) } : {}),
      ...chatOf(message.inGuild() ? null : message.channelId, message.channel.isThread() ? message.channelId : undefined, message.author.id),
    };
    await turns.run(place.chat, () => answerMessageInTurn(message, question, place));
  }

  /**
   * A message's answer. Where Discord refuses the bot's messages or typing (CANNOT_WRITE), the first refusal ends the
   * typing and the streamed message of the answer (each further request would be refused too, and counted toward
   * Discord's invalid-request limit): a refused streamed message ends the answer, its refusal the one warning (see
   * handle); a refused typing leaves the answer tried once. The channel is then remembered for REFUSED_MS, and its
   * questions get no typing and no streaming meanwhile: one request each, the answer.
   */
  async function answerMessageInTurn(message: Message, question: string, place: ConversationPlace): Promise<void> {
    const { channel, channelId } = message;
    const refusedLately = refusedChannels.has(channelId);
    const typing = typingIndicator(
      async () => {
        if (!channel.isSendable()) return;
        try {
          await channel.sendTyping();
        } catch (error) {
          if (!cannotWrite(error)) return void logger.warn({ err: safeError(error) }, "typing indicator failed");
          refusedChannels.add(channelId);
          void live.close();
          logger.debug({ err: safeError(error), channelId }, "typing refused: the bot may not write here; no typing or streaming for this answer");
          return false;
        }
      },
      { delayMs: typingDelayMs, everyMs: TYPING_REFRESH_MS },
    );
    /** A failed send or edit's `error`, thrown on; a refusal to write here first remembered, and the typing ended. */
    const failed = (error: unknown): never => {
      if (cannotWrite(error)) {
        refusedChannels.add(channelId);
        void typing.stop();
      }
      throw error;
    };
    let sent: Message | undefined;
    const language = detectLanguage(question);
    const live = createLiveMessage(
      {
        create: async (content) => {
          sent = await replyTo(message, body(content)).catch(failed);
        },
        edit: async (content) => void (await sent?.edit(body(content)).catch(failed)),
      },
      logger,
      { refusedBy: cannotWrite },
    );
    const context: AskContext = {
      user: `discord:${message.author.id}`,
      ...(refusedLately ? {} : { onStart: typing.start, onText: (partial: string) => live.update(renderPartialDiscord(partial, language)) }),
      conversation: place,
      platform: "discord",
    };
    let reply: Reply;
    try {
      reply = await deps.ask(question, context);
    } finally {
      await typing.stop();
      await live.close();
    }
    // The streamed message was refused: the answer would be too.
    const refusal = live.refusal();
    if (refusal !== undefined) throw refusal;
    const components = renderButtonsDiscord(reply, { feedback: state.feedback.enabled });
    // The buttons go under the last message of the answer.
    const withButtons = (content: string, last: boolean) => ({ ...body(content), ...(last && components.length > 0 ? { components } : {}) });
    const delivered = await deliver(renderReplyDiscord(reply), {
      streamed: sent,
      edit: (streamed, content, last) =>
        streamed.edit(withButtons(content, last)).then(
          () => true,
          (error: unknown) => {
            logger.warn({ err: safeError(error), messageId: streamed.id }, "could not edit the streamed reply; sending the answer instead");
            return false;
          },
        ),
      send: (content, after, last) => replyTo(after ?? message, withButtons(content, last)).catch(failed),
      remove: (streamed) =>
        streamed.delete().then(() => undefined, (error: unknown) => logger.warn({ err: safeError(error), messageId: streamed.id }, "could not remove the streamed reply")),
    });
    // Delivered: the channel takes the bot's messages (again), with typing and streaming.
    refusedChannels.delete(channelId);
    await linkSent(reply, delivered.map(({ id }) => id));
  }

  /**
   * A private chat is a conversation, and so is each person's part of a thread (others asking there are not
   * followed up on): questions within the TTL follow up on each other.
   */
  function chatOf(dmChannel: string | null, thread: string | undefined, user: string): ConversationPlace {
    if (dmChannel !== null) return { chat: `discord:dm:${dmChannel}` };
    // A thread started from a message has that message's id: started from one of the bot's answers, it goes on
    // from that answer's conversation until the person's own part of the thread has one (see recall).
    return thread === undefined ? {} : { chat: `discord:thread:${thread}:${user}`, startedFrom: messageKey(thread) };
  }

  /** "Show paragraph" and 👍/👎, in the button's `language`: the answer is ephemeral, seen only by who pressed. */
  async function answerButton(interaction: ButtonInteraction, language: Language): Promise<void> {
    // A button under an answer given before its guild was taken off DISCORD_ALLOWED_GUILDS: refused as a command is.
    if (!allowed(interaction.guildId)) {
      await interaction.reply({ ...body(messages(language).notAllowed), flags: EPHEMERAL });
      return;
    }
    const presser = `discord:${interaction.user.id}`;
    // Over the press limit, the reason is the reply, at once: no deferral, and nothing asked of the state.
    const refusal = await admitPress(presser, language, { limiter: presses, logger });
    if (refusal !== undefined) {
      await interaction.reply({ ...body(escapeDiscord(refusal.text)), flags: EPHEMERAL });
      return;
    }
    // Acknowledge within Discord's 3 s first: the press may wait on a slow Redis for the claim, the payload and the vote.
    if (!(await deferAndClaim(interaction, true))) return;
    const outcome = await pressButton(interaction.customId, presser, language, { rag: deps.rag, state, logger });
    const content = outcome.kind === "passage" ? renderPassageDiscord(outcome.passage, outcome.n, outcome.language, { focus: outcome.focus }) : escapeDiscord(outcome.text);
    await interaction.editReply(body(content));
  }

  async function answerCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!allowed(interaction.guildId)) {
      const question = interaction.options.getString("question");
      const language = question === null ? languageOf(interaction) : detectLanguage(question);
      await interaction.reply({ ...body(messages(language).notAllowed), flags: EPHEMERAL });
      return;
    }
    switch (interaction.commandName) {
      case "help":
      case "about": {
        // Two processes logged in with one token both get the command, and both would count it before replying
        // (Discord refuses only the second reply): it is claimed first, as a message is, so that one counts it.
        // One call of the shared state before the acknowledgement, bounded by its timeout, as the count is.
        if (!(await firstToHandle(`interaction:${interaction.id}`))) return;
        // Counted against the sender's rate limit like a question: over it, the notice once (seen only by the
        // sender), then each command is acknowledged and its reply removed (Discord needs a response in 3 s).
        const refused = await deps.ask.admit(`discord:${interaction.user.id}`, languageOf(interaction));
        const [notice] = refused ? renderReplyDiscord(refused) : [];
        if (notice !== undefined) {
          await interaction.reply({ ...body(notice), flags: EPHEMERAL });
        } else if (refused) {
          await defer(interaction, true);
          await withdraw(interaction);
        } else {
          const content = interaction.commandName === "help" ? renderHelpDiscord(deps.rag.info().examples) : renderAboutDiscord(deps.rag.info());
          await interaction.reply(body(content));
        }
        return;
      }
      case "ask": {
        // Acknowledged within Discord's 3 s, before any wait for an earlier question, then claimed; its place in the
        // conversation is taken now, in the order the commands came (acknowledgements return in any order). The
        // answer then replaces the "thinking…" message.
        const claimed = deferAndClaim(interaction, false);
        claimed.catch(() => undefined); // awaited in turn below, where a failure is thrown
        const conversation = chatOf(interaction.guildId === null ? interaction.channelId : null, interaction.channel?.isThread() ? interaction.channelId : undefined, interaction.user.id);
        await turns.run(conversation.chat, async () => {
          if (await claimed) await answerAsk(interaction, conversation);
        });
        return;
      }
      default:
        // A stale command left registered by an older version: point to the ones that exist.
        logger.warn({ command: interaction.commandName }, "unknown command");
        await interaction.reply({ ...body(renderHelpDiscord(deps.rag.info().examples)), flags: EPHEMERAL });
    }
  }

  /** /ask's question, answered into its deferred reply after the questions before it in its conversation. */
  async function answerAsk(interaction: ChatInputCommandInteraction, conversation: ConversationPlace): Promise<void> {
    const question = questionText(interaction.options.getString("question", true));
    const language = detectLanguage(question);
    // A composed answer streams into the deferred reply, edited as it arrives; the last edit is the answer.
    const live = createLiveMessage(
      {
        create: async (content) => void (await interaction.editReply(body(content))),
        edit: async (content) => void (await interaction.editReply(body(content))),
      },
      logger,
    );
    const context: AskContext & { readonly onText: (partial: string) => void } = {
      user: `discord:${interaction.user.id}`,
      onText: (partial) => live.update(renderPartialDiscord(partial, language, { echoQuestion: true, question })),
      conversation,
      platform: "discord",
    };
    let reply: Reply;
    try {
      reply = await deps.ask(question, context);
    } finally {
      await live.close();
    }
    const parts = renderReplyDiscord(reply, { echoQuestion: true });
    if (parts.length === 0) {
      await withdraw(interaction);
      return;
    }
    // A notice is for the asker alone (over the rate limit, an empty or too long question), as it is for /help:
    // the public "thinking…" goes, and the notice comes ephemeral.
    // When the "thinking…" cannot be removed, the notice takes its place, public as it is: a follow-up would do
    // the same (Discord takes the first follow-up of an unresolved deferral as its reply, ignoring EPHEMERAL).
    if (reply.kind === "notice") {
      const removed = await withdraw(interaction);
      for (const [i, content] of parts.entries()) {
        await (i === 0 && !removed ? interaction.editReply(body(content)) : interaction.followUp({ ...body(content), flags: EPHEMERAL }));
      }
      return;
    }
    const components = renderButtonsDiscord(reply, { feedback: state.feedback.enabled });
    const ids: string[] = [];
    for (const [i, content] of parts.entries()) {
      const part = { ...body(content), ...(i === parts.length - 1 && components.length > 0 ? { components } : {}) };
      ids.push((i === 0 ? await interaction.editReply(part) : await interaction.followUp(part)).id);
    }
    await linkSent(reply, ids);
  }

  return {
    name: "discord",
    async start() {
      const ready = new Promise<void>((resolve, reject) => {
        client.once(Events.ClientReady, () => resolve());
        refuseStart = reject;
      });
      // Handled when awaited below; a refusal may come before login() settles.
      ready.catch(() => undefined);
      // login() itself fails when the gateway refuses the identify: its error then says less than ours.
      await client.login(config.token).catch((error: unknown) => {
        throw startError(refusal ?? error);
      });
      await ready.catch((error: unknown) => {
        throw startError(error);
      });
      started = true;
      const commands = client.application?.commands;
      if (!commands) throw new Error("Discord did not send the application with READY");
      // Without the applications.commands scope the slash commands are refused, but mentions and DMs still work.
      const registered = discordCommands(maxQuestionChars);
      let waited = false;
      const registering = (config.guildId ? commands.set(registered, config.guildId) : commands.set(registered)).then(
        () => void (waited && logger.info({ commandsIn: config.guildId ?? "global" }, "slash commands registered")),
        (error: unknown) =>
          logger.warn({ err: safeError(error) }, "slash commands could not be registered (if Discord refused them, invite the bot with the applications.commands scope); mentions and DMs still work"),
      );
      // Waited for a while only: held up by a long 429, the registration goes on in the background (its outcome
      // logged), and start() returns, so that the process's other platform is not kept waiting on it.
      if ((await Promise.race([registering.then(() => true), sleep(commandsWaitMs, false, { ref: false })])) === false) {
        waited = true;
        logger.info({ waitedMs: commandsWaitMs }, "slash commands are still being registered (Discord is slow or rate limits it); the bot answers meanwhile");
      }
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commandsIn: config.guildId ?? "global" }, "discord bot ready");
    },
    async stop(graceMs = STOP_WAIT_MS) {
      // Answers in flight, and those asked in the first half of the grace, still need the connection: let them
      // finish (bounded) before disconnecting. Events after that are left unclaimed, for another process logged in
      // with the token to answer: begun this late, an answer would be cut off by the disconnection.
      const closingTimer = setTimeout(() => (closing = true), graceMs / 2);
      try {
        await deps.inflight.drain(graceMs);
      } finally {
        clearTimeout(closingTimer);
        closing = true;
      }
      await client.destroy();
      logger.info({}, "discord bot stopped");
    },
  };
}

/**
 * What of an error is safe to log: discord.js REST errors also carry the request URL and body, and interaction
 * tokens are part of webhook URLs, so only name, message, code, status and stack are kept, with tokens scrubbed.
 */
function safeError(error: unknown): Record<string, unknown> {
  const scrub = (text: string | undefined): string | undefined =>
    text?.replace(/\b(webhooks|interactions)\/(\d+)\/[^/\s]+/gu, "$1/$2/[token]");
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const code = "code" in error ? error.code : undefined;
  const status = "status" in error ? error.status : undefined;
  return { name: error.name, message: scrub(error.message), code, status, stack: scrub(error.stack) };
}

/**
 * Discord's tags for a user, a role, a channel, a custom emoji or a time (<@123>, <@&123>, <#123>, <:pepe:123>,
 * <t:1700000000:R>): no words of a question, whose ids the core read as numbers (they found tweets' times).
 */
const DISCORD_TAG = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+)>/gu;
/** A time tag (<t:1674432000:D>): the reader sees a date, which the question means; read as the date it shows. */
const TIME_TAG = /<t:(-?\d{1,12})(?::[a-zA-Z])?>/gu;
/** "/ask" typed at the start of a message, where the slash command is not offered (not yet registered, or a DM). */
const TYPED_ASK = /^\s*\/ask(?:\s+|$)/iu;

/** The question of a message (the bot's own mention taken out) or of /ask's option, as its author meant it. */
export function questionText(content: string): string {
  return content
    .replace(DISCORD_TAG, " ")
    .replace(TIME_TAG, (_tag, seconds: string) => {
      const date = new Date(Number(seconds) * 1000);
      return Number.isNaN(date.getTime()) ? " " : date.toISOString().slice(0, 10);
    })
    .replace(TYPED_ASK, "")
    .trim();
}

