/**
 * The flow every adapter shares: rate limit, then the core, then a typed reply the adapter renders.
 * This is the one error boundary around the core: a failure is logged with context and becomes a notice.
 */
import { detectLanguage, QuestionError, type Answer, type Language, type QuestionErrorCode, type Rag } from "../rag/index.js";
import type { Logger } from "../logger.js";
import type { RateLimiter } from "./rate-limit.js";

export type Notice =
  | { readonly code: QuestionErrorCode; readonly language: Language; readonly limit?: number }
  | { readonly code: "rate-limited"; readonly language: Language; readonly retryAfterMs: number }
  | { readonly code: "failed"; readonly language: Language };

/** What an adapter should send back: an answer, a notice, or nothing (a flood after its one notice). */
export type Reply =
  | { readonly kind: "answer"; readonly answer: Answer }
  | { readonly kind: "notice"; readonly notice: Notice }
  | { readonly kind: "silent" };

export interface AskOptions {
  readonly rag: Rag;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
}

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
}

export type Ask = (question: string, context: AskContext) => Promise<Reply>;

/** The shared ask flow over `rag`: rate limit per user, then the core; failures become a logged notice. */
export function createAsk({ rag, limiter, logger }: AskOptions): Ask {
  return async (question, { user, signal, onText, onStart }) => {
    const language = detectLanguage(question);
    const verdict = limiter.take(user);
    if (!verdict.ok) {
      logger.info({ user }, "rate limited");
      return verdict.notify
        ? { kind: "notice", notice: { code: "rate-limited", language, retryAfterMs: verdict.retryAfterMs } }
        : { kind: "silent" };
    }
    onStart?.();
    try {
      const answer = await rag.answer(question, { ...(signal ? { signal } : {}), ...(onText ? { onText } : {}) });
      logger.info({ user, kind: answer.kind, ms: Math.round(answer.timings.totalMs) }, "answered");
      return { kind: "answer", answer };
    } catch (error) {
      if (error instanceof QuestionError) {
        const notice = error.limit === undefined ? { code: error.code, language } : { code: error.code, language, limit: error.limit };
        return { kind: "notice", notice };
      }
      logger.error({ err: error, user }, "answering failed");
      return { kind: "notice", notice: { code: "failed", language } };
    }
  };
}
