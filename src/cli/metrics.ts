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

/** A conjunction or preposition written onto the word evidence may begin after ("تحقيق نظام" in "وتحقيق نظام"). */
const CLITICS = ["و", "ف", "ب", "ل", "ك"] as const;

/** 1-based rank of the first citation that contains evidence, or undefined. */
export function firstHit(quotes: readonly string[], evidence: readonly string[]): number | undefined {
  const wanted = evidence.map(normalizeForMatch);
  // Its first word may be the quote's after one of CLITICS (normalised text keeps a leading space to anchor on).
  const afterClitic = wanted.flatMap((e) => (/^ \p{Script=Arabic}/u.test(e) ? CLITICS.map((c) => ` ${c}${e.slice(1)}`) : []));
  const at = quotes.findIndex((q) => {
    const quote = normalizeForMatch(q);
    return wanted.some((e) => quote.includes(e)) || afterClitic.some((e) => quote.includes(e));
  });
  return at < 0 ? undefined : at + 1;
}

/** The p-th percentile (nearest rank) of `values`; 0 when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  // The nearest rank, at least the first: p = 0 is the smallest value, not one before it.
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
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

/** A question in the span format of xquad-dev: the answer is `[start, end)` of `source`, in paragraph `[pstart, pend)`. */
export interface SpanRow {
  readonly id: string;
  readonly lang: string;
  readonly question: string;
  readonly answerable: boolean;
  readonly source?: string;
  readonly start?: number;
  readonly end?: number;
  readonly pstart?: number;
  readonly pend?: number;
}

export interface CitedSpan {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

export interface SpanScores {
  readonly answerable: number;
  readonly span1: number;
  readonly span3: number;
  readonly para3: number;
  /** Answerable questions declined, as a share of them. */
  readonly falseDecline: number;
  readonly unanswerable: number;
  /** Unanswerable questions declined, as a share of them. */
  readonly declined: number;
}

/**
 * Span-hit@1/@3, paragraph-hit@3 and declines per language and over "all", as score-xquad.mjs counts them: a
 * citation hits when it overlaps the gold span (or paragraph) in the same source; `undefined` is a decline.
 */
export function scoreSpans(rows: readonly SpanRow[], replies: readonly (readonly CitedSpan[] | undefined)[]): Record<string, SpanScores> {
  const counts = new Map<string, { pos: number; span1: number; span3: number; para3: number; fd: number; neg: number; declined: number }>();
  rows.forEach((row, i) => {
    const cites = replies[i];
    for (const key of [row.lang, "all"]) {
      const c = counts.get(key) ?? { pos: 0, span1: 0, span3: 0, para3: 0, fd: 0, neg: 0, declined: 0 };
      counts.set(key, c);
      if (!row.answerable) {
        c.neg += 1;
        if (!cites) c.declined += 1;
        continue;
      }
      c.pos += 1;
      if (!cites) {
        c.fd += 1;
        continue;
      }
      const overlaps = (x: CitedSpan, start = 0, end = 0): boolean => x.source === row.source && x.start < end && x.end > start;
      const span = cites.findIndex((x) => overlaps(x, row.start, row.end));
      if (span === 0) c.span1 += 1;
      if (span >= 0 && span < 3) c.span3 += 1;
      if (cites.slice(0, 3).some((x) => overlaps(x, row.pstart, row.pend))) c.para3 += 1;
    }
  });
  const share = (a: number, b: number): number => (b ? a / b : 0);
  return Object.fromEntries(
    [...counts].map(([k, c]) => [
      k,
      { answerable: c.pos, span1: share(c.span1, c.pos), span3: share(c.span3, c.pos), para3: share(c.para3, c.pos), falseDecline: share(c.fd, c.pos), unanswerable: c.neg, declined: share(c.declined, c.neg) },
    ]),
  );
}
