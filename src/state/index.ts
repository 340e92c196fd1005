/**
 * The bot's state as one object: conversation memory, button payloads, the feedback log and update
 * de-duplication. In this process by default; shared through Redis (with this process as the fallback while
 * Redis is away) when REDIS_URL is set. Rate limits live in src/bots/rate-limit.ts on the same connection.
 */
import type { StateConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { createButtonStore, type ButtonStore } from "./buttons.js";
import { createConversationMemory, type ConversationMemory } from "./conversations.js";
import { createDisabledFeedback, createFeedbackLog, type FeedbackLog } from "./feedback.js";
import { createMemoryStore, createSharedStore, type KeyValueStore } from "./kv.js";
import { connectRedis, type SharedRedis } from "./redis.js";

export { connectRedis, StateUnavailableError, type SharedRedis } from "./redis.js";
export type { ConversationMemory, ConversationPlace } from "./conversations.js";
export { quoteDigest, type AnswerPayload, type ButtonAction, type ButtonCitation, type ButtonStore } from "./buttons.js";
export type { FeedbackEvent, FeedbackKind, FeedbackLog } from "./feedback.js";

/** Seen updates are remembered this long (Telegram redelivers an unconfirmed update within minutes). */
export const UPDATE_MEMORY_MS = 60 * 60_000;

/** Remembers platform updates already handled (Telegram update ids), so each is handled once. */
export interface UpdateDedup {
  /** True the first time `key` is seen (across replicas with Redis), false after. */
  first(key: string): Promise<boolean>;
}

/** Everything the bots keep between messages besides the rate limit. */
export interface BotState {
  readonly conversations: ConversationMemory;
  readonly buttons: ButtonStore;
  readonly feedback: FeedbackLog;
  readonly updates: UpdateDedup;
  /** The shared connection, when REDIS_URL is set. */
  readonly redis: SharedRedis | undefined;
}

/** Options of {@link createState}. */
export interface StateOptions {
  readonly logger: Logger;
  readonly redis?: SharedRedis | undefined;
  /** How long a private chat or thread conversation lasts after its last answer. Default 10 minutes. */
  readonly conversationTtlMs?: number;
  /** How long answer buttons work. Default 24 hours. */
  readonly buttonTtlMs?: number;
  /**
   * Where feedback is kept, or undefined to keep none (tests, tools). With `off` (FEEDBACK_LOG=off) nothing is
   * recorded, but what an earlier run recorded there is still deleted as it expires.
   */
  readonly feedback?:
    | { readonly dir: string; readonly retentionDays: number; readonly salt?: string | undefined; readonly maxEvents?: number; readonly off?: boolean }
    | undefined;
}

/** The state over Redis (when given) with in-process fallbacks. */
export function createState(options: StateOptions): BotState {
  const { logger, redis, conversationTtlMs = 10 * 60_000, buttonTtlMs = 24 * 60 * 60_000 } = options;
  // One bounded in-process store per kind, so a flood of one (updates seen) never evicts another (buttons).
  const store = (maxBytes: number): KeyValueStore => createSharedStore(redis, createMemoryStore({ maxBytes }));
  const seen = store(1024 * 1024);
  return {
    conversations: createConversationMemory(store(2 * 1024 * 1024), conversationTtlMs),
    buttons: createButtonStore(store(2 * 1024 * 1024), buttonTtlMs),
    feedback: feedbackOf(options.feedback, redis, logger),
    updates: { first: (key) => seen.claim(`seen:${key}`, "1", UPDATE_MEMORY_MS) },
    redis,
  };
}

function feedbackOf(options: StateOptions["feedback"], redis: SharedRedis | undefined, logger: Logger): FeedbackLog {
  if (!options) return createDisabledFeedback();
  const log = createFeedbackLog({ ...options, redis, logger });
  return options.off ? createDisabledFeedback(log) : log;
}

/** State in this process only, recording no feedback: the default for tests and tools. */
export function createMemoryState(logger: Logger): BotState {
  return createState({ logger });
}

/**
 * The state as configured: Redis when REDIS_URL is set (connected, or still connecting in the background after
 * a short wait), the feedback log in STATE_DIR unless FEEDBACK_LOG=off (`feedback: false` for tools that only
 * need conversations). Close `redis` at the end.
 */
export async function openState(config: StateConfig, logger: Logger, { feedback = true }: { readonly feedback?: boolean } = {}): Promise<BotState> {
  const redis = config.redisUrl === undefined ? undefined : await connectRedis(config.redisUrl, { logger });
  return createState({
    logger,
    redis,
    conversationTtlMs: config.conversationTtlMs,
    buttonTtlMs: config.buttonTtlMs,
    feedback: feedback ? { dir: config.dir, retentionDays: config.feedbackRetentionDays, salt: config.salt, off: !config.feedbackLog } : undefined,
  });
}
