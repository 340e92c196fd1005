/**
 * Retrieval metrics over an evaluation set: a citation hits when its quote contains one of the row's evidence
 * strings, both compared after normalisation.
 */
import { tokenize } from "../rag/text/tokenize.js";

export interface EvalRow {
  readonly id: string;
  readonly lang: string;
  readonly question: string;
  readonly evidence: readonly string[];
  readonly answerable: boolean;
}

/** Text reduced to its normalised tokens, space separated. */
export const normalizeForMatch = (text: string): string => ` ${tokenize(text).map((t) => t.text).join(" ")} `;

/** 1-based rank of the first citation that contains evidence, or undefined. */
export function firstHit(quotes: readonly string[], evidence: readonly string[]): number | undefined {
  const wanted = evidence.map(normalizeForMatch);
  const at = quotes.findIndex((q) => {
    const quote = normalizeForMatch(q);
    return wanted.some((e) => quote.includes(e));
  });
  return at < 0 ? undefined : at + 1;
}

/** The p-th percentile (nearest rank) of `values`; 0 when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface Totals {
  questions: number;
  hit1: number;
  hit3: number;
  mrr5: number;
}

/** hit@1, hit@3 and MRR@5 as fractions over answerable rows. */
export function summarize(ranks: readonly (number | undefined)[]): Totals {
  const n = ranks.length || 1;
  return {
    questions: ranks.length,
    hit1: ranks.filter((r) => r === 1).length / n,
    hit3: ranks.filter((r) => r !== undefined && r <= 3).length / n,
    mrr5: ranks.reduce<number>((sum, r) => sum + (r !== undefined && r <= 5 ? 1 / r : 0), 0) / n,
  };
}

/** What an engine said to one question: declined, or these quotes, best first. */
export interface EngineReply {
  readonly declined: boolean;
  readonly quotes: readonly string[];
}

export interface QualityScores extends Totals {
  readonly byLanguage: Readonly<Record<string, Totals>>;
  /** Right answer-or-decline decisions over all questions. */
  readonly declineAccuracy: number;
  readonly answerableAnswered: number;
  readonly unanswerableDeclined: number;
  /** Mean characters the user reads per answered question. */
  readonly answerChars: number;
}

/** hit@1, hit@3, MRR@5 (overall and per language) and decline accuracy of replies to `rows`, in order. */
export function scoreReplies(rows: readonly EvalRow[], replies: readonly EngineReply[]): QualityScores {
  const ranks = new Map<string, (number | undefined)[]>();
  let answerable = 0;
  let answered = 0;
  let unanswerable = 0;
  let declined = 0;
  let chars = 0;
  let replied = 0;
  rows.forEach((row, i) => {
    const reply = replies[i] ?? { declined: true, quotes: [] };
    if (!reply.declined) {
      replied += 1;
      chars += reply.quotes.reduce((n, q) => n + q.length, 0);
    }
    if (row.answerable) {
      answerable += 1;
      if (!reply.declined) answered += 1;
      const rank = reply.declined ? undefined : firstHit(reply.quotes, row.evidence);
      for (const key of [row.lang, "all"]) ranks.set(key, [...(ranks.get(key) ?? []), rank]);
    } else {
      unanswerable += 1;
      if (reply.declined) declined += 1;
    }
  });
  const byLanguage = Object.fromEntries([...ranks].filter(([k]) => k !== "all").map(([k, r]) => [k, summarize(r)]));
  return {
    ...summarize(ranks.get("all") ?? []),
    byLanguage,
    declineAccuracy: rows.length ? (answered + declined) / rows.length : 1,
    answerableAnswered: answerable ? answered / answerable : 1,
    unanswerableDeclined: unanswerable ? declined / unanswerable : 1,
    answerChars: replied ? chars / replied : 0,
  };
}
