/**
 * A deterministic stand-in for the core, for adapter tests: no index, no model, fixed quotes.
 *
 * - blank question: QuestionError("empty"); longer than `maxQuestionChars`: QuestionError("too-long")
 * - contains "explode": a plain Error, as from a bug in the core
 * - contains "capital of France": declined
 * - contains "long": answered with three citations, each quote alone longer than one 4096-character message
 * - anything else: answered with 1-3 citations (`citations`, default 2) quoting FAKE_QUOTES in order
 */
import { QuestionError } from "../../src/rag/errors.js";
import { detectLanguage } from "../../src/rag/text/language.js";
import type { Answer, AnswerOptions, Citation, ConversationContext, PassageView, Place, Rag, RagInfo } from "../../src/rag/types.js";

export interface FakeRagOptions {
  /** Default 500, like MAX_QUESTION_CHARS. */
  readonly maxQuestionChars?: number;
  /** Wait this long before answering (abortable through the signal). Default 0. */
  readonly delayMs?: number;
  /** Citations in an ordinary answer, 1-3. Default 2. */
  readonly citations?: 1 | 2 | 3;
}

/** A fake core that also records the questions it was asked, and the conversation context each came with. */
export interface FakeRag extends Rag {
  readonly questions: readonly string[];
  /** `options.context` of each question, in order (undefined when it was asked alone). */
  readonly contexts: readonly (ConversationContext | undefined)[];
}

export const FAKE_SOURCE = "seeds/fake-briefing.md";

/** The fixed quotes, with characters that need escaping in HTML and Markdown. */
export const FAKE_QUOTES: readonly string[] = [
  "Michele Sison is the US Assistant Secretary of State for International Organization Affairs.",
  "The envoy said <progress> & \"cooperation\" were *essential* to the_talks.",
  "وقالت سيسون إن الولايات المتحدة تدعم جهود الأمم المتحدة.",
];

const LABELS = ["paragraph 1", "tweet by @State_IO, 23 Jan 2023", "paragraph 3"];
/** What each label words, as the core gives it beside the label. */
const PLACES: readonly Place[] = [{ kind: "paragraph", paragraph: 1 }, { kind: "tweet", author: "State_IO", date: "2023-01-23" }, { kind: "paragraph", paragraph: 3 }];
const placeAt = (i: number): Place => PLACES[i] ?? { kind: "paragraph", paragraph: i + 1 };

/** Sentences repeated into a quote of about 4,700 characters (6,300 escaped): longer than one message. */
const LONG_QUOTE = Array.from({ length: 100 }, (_, i) => `Sentence ${i + 1} says A&B <met> at the "summit".`).join(" ");

export function createFakeRag(options: FakeRagOptions = {}): FakeRag {
  const { maxQuestionChars = 500, delayMs = 0, citations = 2 } = options;
  const questions: string[] = [];
  const contexts: (ConversationContext | undefined)[] = [];
  return {
    questions,
    contexts,
    async answer(question: string, { signal, context }: AnswerOptions = {}): Promise<Answer> {
      questions.push(question);
      contexts.push(context);
      const started = performance.now();
      const text = question.trim();
      if (text === "") throw new QuestionError("empty", "the question is empty");
      if (text.length > maxQuestionChars) {
        throw new QuestionError("too-long", `the question is longer than ${maxQuestionChars} characters`, maxQuestionChars);
      }
      if (delayMs > 0) await delay(delayMs, signal);
      if (/explode/i.test(text)) throw new Error("fake core exploded");
      const language = detectLanguage(text);
      const timings = { totalMs: performance.now() - started };
      if (/capital of france/i.test(text)) return { kind: "declined", question, language, reason: "not-covered", timings };
      const quotes = /long/i.test(text) ? [LONG_QUOTE, LONG_QUOTE.toUpperCase(), LONG_QUOTE] : FAKE_QUOTES.slice(0, citations);
      return { kind: "answered", question, language, citations: quotes.map(citation), timings };
    },
    info(): RagInfo {
      return { briefings: [FAKE_SOURCE], passages: 3, sentences: 3, builtAt: "2024-01-01T00:00:00.000Z", embedder: "fake" };
    },
    passage(source: string, start: number): PassageView | undefined {
      const i = start / 1000;
      const quote = FAKE_QUOTES[i];
      if (source !== FAKE_SOURCE || quote === undefined) return undefined;
      return { source, label: LABELS[i] ?? `paragraph ${i + 1}`, place: placeAt(i), start, end: start + quote.length, text: quote };
    },
  };
}

function citation(quote: string, i: number): Citation {
  return { n: i + 1, source: FAKE_SOURCE, label: LABELS[i] ?? `paragraph ${i + 1}`, place: placeAt(i), quote, start: i * 1000, end: i * 1000 + quote.length, score: 1 - i / 10 };
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
