/**
 * The JSON contract of `npm run ask -- --json` (and of the held-out evaluation).
 */
import { renderNotice, renderAnswerPlain } from "../bots/render/plain.js";
import { detectLanguage, normalizeQuestion, QuestionError, type Answer, type Citation, type DeclineReason } from "../rag/index.js";

export interface AnswerJson {
  /** The batch line's id, as it gave it (a string or a number). */
  readonly id?: LineId;
  readonly question: string;
  readonly answered: boolean;
  /** The reply as shown to a person. */
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly timings: { readonly totalMs: number };
  /** Why a question was declined: the briefings do not answer it, or a request to go on found nothing more. */
  readonly reason?: DeclineReason;
  /** Set when the question was refused before retrieval ("empty", "too-long", "not-text") or answering it failed ("failed"). */
  readonly error?: string;
}

/** A batch line's id: a string or a number, echoed as given so that a caller matches answers by equality. */
export type LineId = string | number;

/** An Answer as the JSON contract's object; `text` is the reply as shown. */
export function answerJson(answer: Answer, id?: LineId): AnswerJson {
  return {
    ...(id === undefined ? {} : { id }),
    question: answer.question,
    answered: answer.kind === "answered",
    text: renderAnswerPlain(answer),
    citations: answer.kind === "answered" ? answer.citations : [],
    timings: { totalMs: Math.round(answer.timings.totalMs * 1000) / 1000 },
    ...(answer.kind === "declined" ? { reason: answer.reason } : {}),
  };
}

/**
 * A question not answered as the JSON contract's object: not answered, the notice as `text`, its code as
 * `error`. `error` is the QuestionError that refused it, or undefined when answering it failed ("failed").
 */
export function noticeJson(question: unknown, error: QuestionError | undefined, id?: LineId): AnswerJson {
  // As the core would have echoed it: without half surrogate pairs (which strict JSON readers refuse), controls
  // and bidi overrides, its white space collapsed. Raw, a refused line echoed what an answered one does not.
  const text = typeof question === "string" ? normalizeQuestion(question) : "";
  const language = detectLanguage(text);
  const notice =
    error === undefined ? { code: "failed" as const, language } : { code: error.code, language, ...(error.limit === undefined ? {} : { limit: error.limit }) };
  return {
    ...(id === undefined ? {} : { id }),
    question: text,
    answered: false,
    text: renderNotice(notice),
    citations: [],
    timings: { totalMs: 0 },
    error: notice.code,
  };
}
