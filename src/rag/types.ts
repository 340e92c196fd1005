/** The languages the core recognises in a question; answers and declines are worded in it. */
export type Language = "ar" | "en";

/**
 * What kind of text a passage is: it decides the citation label. A keyword list ("كلمات مفتاحية" and the words under
 * it) is a page's part, quoted only where asked for.
 */
export type PassageKind = "headline" | "paragraph" | "tweet" | "keywords";

/** A passage: a span of one source file, never a copy of it that could drift. */
export interface Passage {
  /** Stable id, unique across the corpus: `${source}#${ordinal}`. */
  readonly id: string;
  /** Path of the briefing relative to the project root, with forward slashes. */
  readonly source: string;
  readonly kind: PassageKind;
  /** Human label for citations, in English: "paragraph 7", "tweet by @State_IO, 23 Jan 2023" (Place words it per reader). */
  readonly label: string;
  /** A paragraph's number among its briefing's paragraphs, from 1. */
  readonly paragraph?: number;
  /** A tweet's author handle, without the @. */
  readonly author?: string;
  /** A tweet's date from its time stamp, ISO 8601: "2023-01-23", or "2023-01" where the stamp gives no day. */
  readonly date?: string;
  /**
   * A tweet's author name line ("Ambassador Michele Sison"), offsets into the same source file: its words are
   * matching keys of the tweet's sentences (see documentTerms); quoted only with the post, where a question asks
   * whose it is (see withByline in answer.ts).
   */
  readonly byline?: Sentence;
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

/**
 * Where a quote stands in its briefing, for an adapter to word in the reader's language ("paragraph 7", "الفقرة 7";
 * "tweet by @State_IO, 23 Jan 2023"): the fields of its passage that `label` words in English.
 */
export interface Place {
  readonly kind: PassageKind;
  readonly paragraph?: number;
  readonly author?: string;
  readonly date?: string;
}

/** One verbatim quote shown to the user: `readFileSync(source).slice(start, end) === quote`. */
export interface Citation {
  /** 1-based number, as shown in the text as [n]. */
  readonly n: number;
  readonly source: string;
  readonly label: string;
  readonly place: Place;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  /** Retrieval score, higher is better; comparable only within one answer. */
  readonly score: number;
  /** The quote's words that matched the question: offsets into `quote`, and the question word that found each. */
  readonly matches?: readonly WordMatch[];
}

/** A word of a quote that matched a word of the question. */
export interface WordMatch {
  /** Offsets into the citation's `quote`. */
  readonly start: number;
  readonly end: number;
  /** The question word, as the question wrote it, that matched it. */
  readonly word: string;
}

export interface Timings {
  readonly totalMs: number;
}

/**
 * Why the core declined: nothing in the briefings covers enough of the question ("not-covered"), or a request to
 * go on ("tell me more") found nothing the conversation's answers have not quoted on its topic ("nothing-more").
 */
export type DeclineReason = "not-covered" | "nothing-more";

/** The core's reply to a question. Adapters render it; the core never produces markup. */
export type Answer =
  | {
      readonly kind: "answered";
      readonly question: string;
      readonly language: Language;
      /** Best first; never empty. With `composed`, the passages its [n] markers cite, in that order. */
      readonly citations: readonly Citation[];
      /**
       * An answer the language model wrote in the question's language, when one is configured and its answer
       * passed the checks: every sentence cites `citations` as [n], and every quote in it is in the source.
       */
      readonly composed?: ComposedText;
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
  /**
   * The example questions (EXAMPLE_QUESTION_EN, _AR) that the briefings answer, by language, for /help and the
   * greeting; one they do not answer (the briefings are on something else) is left out.
   */
  readonly examples?: Partial<Readonly<Record<Language, string>>>;
}

/** Text composed by the language model; its [n] markers are the answer's citation numbers. */
export interface ComposedText {
  readonly text: string;
}

/** A span of a briefing an earlier answer cited. */
export interface CitedSpan {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** One earlier turn of a conversation, oldest first in `ConversationContext.turns`. */
export interface ConversationTurn {
  readonly question: string;
  /** What that turn's answer cited (empty when it declined). */
  readonly citations: readonly CitedSpan[];
}

/**
 * The earlier turns a question may follow up on. The core decides how much they weigh: a question that stands
 * on its own is answered as if asked alone; one that reads as a follow-up ("and about Mali?") borrows their
 * words and favours the briefings and passages they cited.
 */
export interface ConversationContext {
  readonly turns: readonly ConversationTurn[];
}

/** The whole passage a citation comes from, for "show paragraph". */
export interface PassageView {
  readonly source: string;
  readonly label: string;
  readonly place: Place;
  readonly start: number;
  readonly end: number;
  /** `source` text sliced at [start, end): never retyped. */
  readonly text: string;
}

export interface AnswerOptions {
  /** Aborts the answer: it rejects with the signal's reason (the asker has gone). */
  readonly signal?: AbortSignal;
  /**
   * Aborted when the answer is wanted now (the bot is shutting down): a language model still wording it is let go,
   * and the quotes already found answer instead (no `composed` text). Before the model is asked it changes nothing.
   */
  readonly wrapUp?: AbortSignal;
  /** Earlier turns of the same conversation; see ConversationContext. */
  readonly context?: ConversationContext;
  /**
   * For adapters that stream: called with the verified composed text so far (each call a longer text), at most
   * about once a second, and never after `answer()` settles. Only called when a language model is configured;
   * the resolved Answer is final and may differ (an extractive fallback, or a decline).
   */
  readonly onText?: (partialText: string) => void;
}

/** The one port the bots use. */
export interface Rag {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  info(): RagInfo;
  /** The passage of `source` that holds offset `start` (a citation's), or undefined when there is none. */
  passage(source: string, start: number): PassageView | undefined;
}
