/**
 * Reading an answer in tests: its quotes, its first citation, and what the reader is shown as matched in a quote.
 */
import type { Answer, Citation } from "../../src/rag/index.js";

/** Every quote of the answer, joined by spaces; false when it declined, so that no assertion on its text holds. */
export const quotedText = (answer: Answer): string | false => answer.kind === "answered" && answer.citations.map((c) => c.quote).join(" ");

/** The answer's first citation, undefined when it declined. */
export const firstCitation = (answer: Answer): Citation | undefined => (answer.kind === "answered" ? answer.citations[0] : undefined);

/** A citation's matched words as [the slice of its quote, the question word that found it]. */
export const matchedPairs = (citation: Citation | undefined): [string, string][] =>
  citation?.matches?.map((m): [string, string] => [citation.quote.slice(m.start, m.end), m.word]) ?? [];
