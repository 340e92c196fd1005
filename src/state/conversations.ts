/**
 * Conversation memory: the last turns of a conversation, kept under where it happens (a private chat or a
 * thread, for a while) and under each answer message the bot sent (so a reply to an answer continues it).
 */
import type { CitedSpan, ConversationTurn } from "../rag/index.js";
import { parseStored, type KeyValueStore } from "./kv.js";

/** Turns passed to the core as context: the last three. */
export const MAX_TURNS = 3;
/** How long a reply to an answer still continues its conversation. */
export const ANSWER_MEMORY_MS = 24 * 60 * 60_000;

/**
 * Where a question was asked, for follow-ups. `chat` is a private chat or thread ("telegram:chat:42"): a question
 * there within the TTL continues the conversation. `replyTo` is the answer message it replies to
 * ("telegram:42:7"): that answer's conversation is continued whatever the time.
 */
export interface ConversationPlace {
  readonly chat?: string;
  readonly replyTo?: string;
  /**
   * The message a thread was started from ("discord:<id>": a Discord thread has its starter's id): when that is one
   * of the bot's answers, a first question in the thread continues its conversation, as a reply to it would.
   */
  readonly startedFrom?: string;
}

/** The turns of conversations, by chat (for the TTL) and by answer message (for replies). */
export interface ConversationMemory {
  /** The earlier turns a question at `place` continues (oldest first, at most {@link MAX_TURNS}); [] when none. */
  recall(place: ConversationPlace): Promise<ConversationTurn[]>;
  /** Keeps `turns` as the conversation of `place.chat` (no-op without one) for the TTL. */
  remember(place: ConversationPlace, turns: readonly ConversationTurn[]): Promise<void>;
  /**
   * Adds `turn` to the conversation of `place.chat` (no-op without one) as it is now, not as it was when the
   * question was asked: an answer that took long, or another replica's, may have added a turn meanwhile, which
   * writing back the turns recalled then would drop.
   */
  append(place: ConversationPlace, turn: ConversationTurn): Promise<void>;
  /** Links sent answer messages to `turns`, so a reply to any of them continues the conversation. */
  link(messages: readonly string[], turns: readonly ConversationTurn[]): Promise<void>;
}

/** Conversation memory over `store`; a chat's conversation lapses `ttlMs` after its last answer. */
export function createConversationMemory(store: KeyValueStore, ttlMs: number): ConversationMemory {
  const read = async (key: string): Promise<ConversationTurn[] | undefined> => {
    const raw = await store.get(key);
    return raw === undefined ? undefined : parseTurns(raw);
  };
  const write = (key: string, turns: readonly ConversationTurn[], ms: number): Promise<void> =>
    store.set(key, JSON.stringify(keptTurns(turns)), ms);
  /** The chat's turns as they are now; until it has some, those of the answer its thread was started from. */
  const chatTurns = async ({ chat, startedFrom }: ConversationPlace): Promise<ConversationTurn[]> => {
    const own = chat === undefined ? undefined : await read(`chat:${chat}`);
    if (own !== undefined || startedFrom === undefined) return own ?? [];
    return (await read(`answer:${startedFrom}`)) ?? [];
  };
  return {
    async recall(place) {
      if (place.replyTo !== undefined) {
        const replied = await read(`answer:${place.replyTo}`);
        if (replied !== undefined) return replied;
      }
      return chatTurns(place);
    },
    async remember({ chat }, turns) {
      if (chat !== undefined) await write(`chat:${chat}`, turns, ttlMs);
    },
    async append(place, turn) {
      if (place.chat !== undefined) await write(`chat:${place.chat}`, [...(await chatTurns(place)), turn], ttlMs);
    },
    async link(messages, turns) {
      await Promise.all(messages.map((message) => write(`answer:${message}`, turns, ANSWER_MEMORY_MS)));
    },
  };
}

/** The turn of `question`, answered with `cited` (none when declined). */
export function turnOf(question: string, cited: readonly CitedSpan[]): ConversationTurn {
  return { question, citations: cited.map(({ source, start, end }) => ({ source, start, end })) };
}

/** The conversation after `question` was answered with `cited` (see {@link keptTurns}). */
export function nextTurns(earlier: readonly ConversationTurn[], question: string, cited: readonly CitedSpan[]): ConversationTurn[] {
  return keptTurns([...earlier, turnOf(question, cited)]);
}

/**
 * The turns a conversation keeps: the last {@link MAX_TURNS}, but never without the last one answered while an
 * earlier one was. A follow-up leans on the last answered question (conversation.ts walks back over declined
 * ones), so three declined questions in a row ("How many died there?", "Was there a war?", "Who won the match?")
 * would otherwise leave "and why?" nothing to follow.
 */
export function keptTurns(turns: readonly ConversationTurn[]): ConversationTurn[] {
  const last = turns.slice(-MAX_TURNS);
  if (last.some((t) => t.citations.length > 0)) return last;
  const answered = turns.findLast((t) => t.citations.length > 0);
  return answered === undefined ? last : [answered, ...last.slice(1 - MAX_TURNS)];
}

/** Turns from stored JSON; anything malformed (an older version, a foreign key) reads as no conversation. */
export function parseTurns(raw: string): ConversationTurn[] | undefined {
  const value = parseStored(raw);
  if (!Array.isArray(value)) return undefined;
  const turns: ConversationTurn[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== "object" || item === null) return undefined;
    const { question, citations } = item as { question?: unknown; citations?: unknown };
    if (typeof question !== "string" || !Array.isArray(citations)) return undefined;
    const spans: CitedSpan[] = [];
    for (const c of citations as unknown[]) {
      const span = c as { source?: unknown; start?: unknown; end?: unknown } | null;
      if (typeof span?.source !== "string" || typeof span.start !== "number" || typeof span.end !== "number") return undefined;
      spans.push({ source: span.source, start: span.start, end: span.end });
    }
    turns.push({ question, citations: spans });
  }
  return keptTurns(turns);
}
