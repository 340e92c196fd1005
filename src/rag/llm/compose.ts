/**
 * Composes an answer in the asker's language from the retrieved passages, with the model, and keeps only what
 * the checks in verify.ts let through. The retriever stays the source of evidence: the model sees the top
 * sentences it ranked, and every citation shown is a slice of the source, never the model's text.
 */
import type { Logger } from "../../logger.js";
import { chooseCitations, toCitation, withMatches } from "../answer.js";
import type { Retrieval } from "../retrieve.js";
import type { SourceTexts } from "../seeds.js";
import type { Citation, Language } from "../types.js";
import { createChatClient, LlmError, type ChatClient, type LlmOptions } from "./client.js";
import { buildPrompt } from "./prompt.js";
import { createThrottle } from "./throttle.js";
import { AnswerVerifier } from "./verify.js";

/**
 * A further passage must score at least this share of the best one to be shown to the model. Scores are the
 * re-ranker's probabilities, which fall steeply after the best few: the model reads more than the user sees.
 */
const MIN_EVIDENCE_SCORE = 0.05;
const DEFAULT_MAX_PASSAGES = 8;
const DEFAULT_STREAM_INTERVAL_MS = 1000;

export interface ComposeRequest {
  readonly question: string;
  readonly language: Language;
  readonly retrieval: Retrieval;
  /** Source text by path, to slice the passages from. */
  readonly texts: SourceTexts;
  readonly signal?: AbortSignal | undefined;
  /** Called with the verified text so far, at most once per `streamIntervalMs`; never after compose settles. */
  readonly onText?: ((text: string) => void) | undefined;
}

/** What the model's answer came to. "failed" means: answer extractively instead. */
export type Composed =
  | { readonly kind: "composed"; readonly text: string; readonly citations: readonly Citation[] }
  | { readonly kind: "declined" }
  | { readonly kind: "failed"; readonly error: LlmError };

export interface Composer {
  compose(request: ComposeRequest): Promise<Composed>;
}

export interface ComposerOptions {
  readonly logger: Logger;
  /** The chat model; built from the options when absent (tests may pass their own). */
  readonly client?: ChatClient;
}

/** Creates the composer for an OpenAI-compatible server; nothing is sent until `compose`. */
export function createComposer(options: LlmOptions, { logger, client }: ComposerOptions): Composer {
  const chat = client ?? createChatClient(options, logger);
  const maxPassages = options.maxPassages ?? DEFAULT_MAX_PASSAGES;
  const interval = options.streamIntervalMs ?? DEFAULT_STREAM_INTERVAL_MS;

  return {
    async compose({ question, language, retrieval, texts, signal, onText }) {
      const evidence = selectEvidence(retrieval, texts, maxPassages);
      if (evidence.length === 0) return { kind: "failed", error: new LlmError("bad-response", "no passages to give the model") };
      const prompt = buildPrompt(question, language, evidence.map((c) => ({ source: c.source, label: c.label, text: c.quote })));
      const verifier = new AnswerVerifier(evidence.map((c) => c.quote));
      const throttle = onText
        ? createThrottle((text) => {
            try {
              onText(text);
            } catch (error) {
              logger.warn({ err: error }, "showing partial text failed");
            }
          }, interval)
        : undefined;
      const onDelta = throttle
        ? (delta: string): void => {
            if (verifier.push(delta)) throttle.offer(verifier.text);
          }
        : undefined;
      let raw: string;
      try {
        raw = await chat.generate(prompt.system, prompt.user, { signal, onDelta });
      } catch (error) {
        if (!(error instanceof LlmError)) throw error; // the asker's own abort, or a bug
        return { kind: "failed", error };
      } finally {
        throttle?.cancel();
      }
      if (!onDelta) verifier.push(raw);
      const verified = verifier.finish();
      for (const d of verified.dropped) {
        if (d.reason === "unverified-quote") logger.warn({ quote: d.quote, sentence: d.text }, "model quote not in the briefing; sentence removed");
        else logger.info({ sentence: d.text }, "model sentence cites no passage; removed");
      }
      if (verified.declined) return { kind: "declined" };
      if (verified.cited.length === 0) {
        return { kind: "failed", error: new LlmError("bad-response", `no cited, verified sentence in the model's answer (${verified.dropped.length} removed)`) };
      }
      const citations = verified.cited.map((n, i): Citation => {
        const c = evidence[n - 1];
        if (!c) throw new Error(`verified citation ${n} outside the passages`);
        // Marked as a quote of the extractive answer is (selectEvidence): the words that matched, and what found them.
        return { ...c, n: i + 1 };
      });
      return { kind: "composed", text: verified.text, citations };
    },
  };
}

/**
 * The top ranked sentences as citations (numbered as given to the model), best first, quoted as the answer quotes
 * them (no quote overlapping a better one's: see chooseCitations) and without repeats (the same text in two
 * briefings).
 */
export function selectEvidence(retrieval: Retrieval, texts: SourceTexts, max: number): Citation[] {
  const chosen = chooseCitations(retrieval.ranked, { max, minRelativeScore: MIN_EVIDENCE_SCORE, texts });
  return chosen.map(({ ranked, span }, i) => withMatches(toCitation(ranked, texts, i + 1, span), ranked, texts, retrieval));
}
