/**
 * The flow every adapter shares: rate limit, the conversation so far, then the core, then a typed reply the
 * adapter renders. This is the one error boundary around the core: a failure is logged with context and becomes
 * a notice. State (conversation memory, buttons, feedback) never fails an answer: a state error is logged.
 */
import { detectLanguage, IndexError, QuestionError, smallTalk, type Answer, type ConversationTurn, type Language, type QuestionErrorCode, type Rag, type SmallTalk } from "../rag/index.js";
import type { Logger } from "../logger.js";
import { createMemoryState, quoteDigest, type BotState, type ConversationPlace } from "../state/index.js";
import { nextTurns, turnOf } from "../state/conversations.js";
import type { RateLimiter } from "./rate-limit.js";

/** A short message instead of an answer: a refused question, the rate limit, a failure, or a reply to small talk. */
export type Notice =
  /** `example`: the example question the usage suggests (see RagInfo.examples), for an empty question. */
  | { readonly code: QuestionErrorCode; readonly language: Language; readonly limit?: number; readonly example?: string }
  | { readonly code: "rate-limited"; readonly language: Language; readonly retryAfterMs: number }
  | { readonly code: "failed"; readonly language: Language }
  /** A briefing changed since it was indexed and has not been read again yet (with hot reload off, until a restart). */
  | { readonly code: "stale"; readonly language: Language }
  /** Small talk said alone ("hi", "شكراً", "help", "ok"), answered without searching the briefings. */
  | { readonly code: SmallTalk; readonly language: Language; readonly example?: string };

/**
 * The reply to `question` when it is small talk said alone (see smallTalk): in its language, with the example
 * question where the briefings answer it; undefined for anything else. The console's `npm run ask` replies so too.
 */
export function smallTalkNotice(rag: Pick<Rag, "info">, question: string): Extract<Notice, { readonly code: SmallTalk }> | undefined {
  const code = smallTalk(question);
  if (code === undefined) return undefined;
  const language = detectLanguage(question);
  const example = rag.info().examples?.[language];
  return { code, language, ...(example === undefined ? {} : { example }) };
}

/** What an adapter should send back: an answer, a notice, or nothing (a flood after its one notice). */
export type Reply =
  | {
      readonly kind: "answer";
      readonly answer: Answer;
      /** The conversation including this answer (at most three turns): link the sent messages to it. */
      readonly turns?: readonly ConversationTurn[];
      /** Id of the stored button payload, for an answered question asked with `platform`. */
      readonly buttons?: string;
    }
  | { readonly kind: "notice"; readonly notice: Notice }
  | { readonly kind: "silent" };

/** Options of {@link createAsk}. */
export interface AskOptions {
  readonly rag: Rag;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Conversation memory, buttons and feedback; in this process (recording no feedback) when omitted. */
  readonly state?: BotState;
  /**
   * Aborted shortly before the process must exit: an answer a language model is still wording is sent with the
   * quotes found instead, in time to replace its streamed half (see AnswerOptions.wrapUp).
   */
  readonly wrapUp?: AbortSignal;
}

/** Who asked, where, and the adapter's hooks, for one question. */
export interface AskContext {
  /** Rate-limit key, e.g. "telegram:123". */
  readonly user: string;
  readonly signal?: AbortSignal;
  /** Called with the verified composed text so far, while an LLM answer streams (see AnswerOptions.onText). */
  readonly onText?: (text: string) => void;
  /**
   * Called once the question is accepted (within the rate limit), before the core works on it: the moment to
   * show a typing indicator, so that a flood of refused messages costs no platform calls.
   */
  readonly onStart?: () => void;
  /** Where it was asked, for follow-ups (see ConversationPlace); without it the question is answered alone. */
  readonly conversation?: ConversationPlace;
  /** The chat platform: answers then get buttons, and declined questions go to the feedback log. */
  readonly platform?: "discord" | "telegram";
}

/** The shared ask flow; `state` is the state it keeps conversations and buttons in, for the adapters. */
export type Ask = ((question: string, context: AskContext) => Promise<Reply>) & {
  readonly state: BotState;
  /**
   * Takes one request of `user` from the rate limit, for what an adapter answers without the core (/help, /about):
   * undefined within the limit, else the reply instead (the notice once, then silence).
   */
  readonly admit: (user: string, language: Language) => Promise<Reply | undefined>;
  /**
   * Links the messages an answer was sent as (by their platform keys, "telegram:<chat>:<id>") to its conversation,
   * so that a reply to any of them follows up on it. A state failure is logged: the answer stands.
   */
  readonly link: (reply: Reply, keys: readonly string[]) => Promise<void>;
};

/** The shared ask flow over `rag`: rate limit per user, then the core; failures become a logged notice. */
export function createAsk({ rag, limiter, logger, state = createMemoryState(logger), wrapUp }: AskOptions): Ask {
  /** Runs a state operation that must not fail the answer: an error is logged and `fallback` used. */
  const safely = async <T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      logger.warn({ err: error }, `${what} failed; answering without it`);
      return fallback;
    }
  };

  const admit = async (user: string, language: Language): Promise<Reply | undefined> => {
    const verdict = await safely("the rate limit", () => limiter.take(user), { ok: true } as const);
    if (verdict.ok) return undefined;
    // Logged with the one notice of the window, not for each message after it: a flood would write a line apiece.
    if (!verdict.notify) return { kind: "silent" };
    logger.info({ user }, "rate limited");
    return { kind: "notice", notice: { code: "rate-limited", language, retryAfterMs: verdict.retryAfterMs } };
  };

  const ask = async (question: string, { user, signal, onText, onStart, conversation, platform }: AskContext): Promise<Reply> => {
    const language = detectLanguage(question);
    const refused = await admit(user, language);
    if (refused) return refused;
    const talk = smallTalkNotice(rag, question);
    if (talk) {
      logger.info({ user, kind: talk.code }, "small talk");
      return { kind: "notice", notice: talk };
    }
    onStart?.();
    const earlier = conversation ? await safely("recalling the conversation", () => state.conversations.recall(conversation), []) : [];
    let answer: Answer;
    try {
      answer = await rag.answer(question, {
        ...(signal ? { signal } : {}),
        ...(wrapUp ? { wrapUp } : {}),
        ...(onText ? { onText } : {}),
        ...(earlier.length > 0 ? { context: { turns: earlier } } : {}),
      });
      logger.info({ user, kind: answer.kind, ms: Math.round(answer.timings.totalMs), turns: earlier.length }, "answered");
    } catch (error) {
      if (error instanceof QuestionError) {
        // The usage suggests the example question, where the briefings answer it.
        const example = error.code === "empty" ? rag.info().examples?.[language] : undefined;
        const notice = error.limit === undefined ? { code: error.code, language, ...(example === undefined ? {} : { example }) } : { code: error.code, language, limit: error.limit };
        return { kind: "notice", notice };
      }
      if (error instanceof IndexError && error.code === "changed") {
        // Expected, not a bug: said to the operator once per question, with its cause but without a stack.
        const cause = error.cause instanceof Error ? error.cause.message : undefined;
        logger.warn(
          { user, reason: error.message, ...(cause === undefined ? {} : { cause }) },
          "a briefing changed since it was indexed and is not quoted until it is indexed again: the next rescan does that, or with hot reload off (RELOAD_INTERVAL_MS=0) a restart, or `npm run index` where the index records it wrongly",
        );
        return { kind: "notice", notice: { code: "stale", language } };
      }
      logger.error({ err: error, user }, "answering failed");
      return { kind: "notice", notice: { code: "failed", language } };
    }
    const citations =
      answer.kind === "answered" ? answer.citations.map(({ n, source, label, start, end, quote }) => ({ n, source, label, start, end, digest: quoteDigest(quote) })) : [];
    // The question as the core read it (control and invisible characters gone, spaces collapsed) is what is kept:
    // a right-to-left override stored raw would reverse the operator's report line, a zero-width space split
    // one question into two groups there.
    const asked = answer.question;
    // The answer's own conversation (what a reply to it continues) is the one it followed. A reply takes the chat
    // onto the branch it replied to; any other question's turn is added to what the chat holds now, which a slow
    // answer or another replica may have added to meanwhile.
    const turns = nextTurns(earlier, asked, citations);
    if (conversation) {
      const keep = conversation.replyTo !== undefined ? () => state.conversations.remember(conversation, turns) : () => state.conversations.append(conversation, turnOf(asked, citations));
      await safely("remembering the conversation", keep, undefined);
    }
    if (platform === undefined) return { kind: "answer", answer, turns };
    if (answer.kind === "declined") {
      // What the briefings lack, for the report: not a request to go on after all on its topic was quoted.
      if (answer.reason === "not-covered") {
        await safely("recording a declined question", () => state.feedback.record({ platform, kind: "declined", user, question: asked, citations: [] }), undefined);
      }
      return { kind: "answer", answer, turns };
    }
    const buttons = await safely("storing the buttons", () => state.buttons.put({ platform, question: asked, language: answer.language, citations }), undefined);
    return { kind: "answer", answer, turns, ...(buttons === undefined ? {} : { buttons }) };
  };
  const link = async (reply: Reply, keys: readonly string[]): Promise<void> => {
    if (reply.kind !== "answer" || reply.turns === undefined || keys.length === 0) return;
    try {
      await state.conversations.link(keys, reply.turns);
    } catch (error) {
      logger.warn({ err: error }, "could not link the answer to its conversation; a reply to it will not follow up on it");
    }
  };
  return Object.assign(ask, { state, admit, link });
}
