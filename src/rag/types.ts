/** The languages the core recognises in a question; answers and declines are worded in it. */
export type Language = "ar" | "en";

/** What kind of text a passage is: it decides the citation label. */
export type PassageKind = "headline" | "paragraph" | "tweet";

/** A passage: a span of one source file, never a copy of it that could drift. */
export interface Passage {
  /** Stable id, unique across the corpus: `${source}#${ordinal}`. */
  readonly id: string;
  /** Path of the briefing relative to the project root, with forward slashes. */
  readonly source: string;
  readonly kind: PassageKind;
  /** Human label for citations: "paragraph 7", "tweet by @State_IO, 23 Jan 2023". */
  readonly label: string;
  /** A tweet's author handle, without the @. */
  readonly author?: string;
  /** JavaScript string offsets into the source file's text. */
  readonly start: number;
  readonly end: number;
  readonly sentences: readonly Sentence[];
}

/** A sentence inside a passage, with offsets into the same source file. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
}

/** One verbatim quote shown to the user: `readFileSync(source).slice(start, end) === quote`. */
export interface Citation {
  /** 1-based number, as shown in the text as [n]. */
  readonly n: number;
  readonly source: string;
  readonly label: string;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  /** Retrieval score, higher is better; comparable only within one answer. */
  readonly score: number;
}

export interface Timings {
  readonly totalMs: number;
}

/** Why the core declined: nothing in the briefings covers enough of the question. */
export type DeclineReason = "not-covered";

/** The core's reply to a question. Adapters render it; the core never produces markup. */
export type Answer =
  | {
      readonly kind: "answered";
      readonly question: string;
      readonly language: Language;
      /** Best first; never empty. */
      readonly citations: readonly Citation[];
      readonly timings: Timings;
    }
  | {
      readonly kind: "declined";
      readonly question: string;
      readonly language: Language;
      readonly reason: DeclineReason;
      readonly timings: Timings;
    };

/** What the core can say about itself, for `/about`. */
export interface RagInfo {
  readonly briefings: readonly string[];
  readonly passages: number;
  readonly sentences: number;
  /** ISO 8601 time the index was built. */
  readonly builtAt: string;
  readonly embedder: string;
}

export interface AnswerOptions {
  readonly signal?: AbortSignal;
}

/** The one port the bots use. */
export interface Rag {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  info(): RagInfo;
}
