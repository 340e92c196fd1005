/**
 * Reading an answer in tests: its first citation, and what the reader is shown as matched in a quote.
 */
import type { Answer, Citation } from "../../src/rag/index.js";

/** The answer's first citation, undefined when it declined. */
export const firstCitation = (answer: Answer): Citation | undefined => (answer.kind === "answered" ? answer.citations[0] : undefined);

/** A citation's matched words as [the slice of its quote, the question word that found it]. */
export const matchedPairs = (citation: Citation | undefined): [string, string][] =>
  citation?.matches?.map((m): [string, string] => [citation.quote.slice(m.start, m.end), m.word]) ?? [];
