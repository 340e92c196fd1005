/**
 * What a pressed answer button does, the same on every platform: "show paragraph" finds the passage behind a
 * quote, 👍/👎 records feedback once per user and answer. An expired or unknown button gets a friendly message.
 * Presses are limited per user ({@link admitPress}) before any of that.
 */
import type { Language, PassageView, Rag } from "../rag/index.js";
import type { Logger } from "../logger.js";
import type { BotState } from "../state/index.js";
import { parseButtonData, quoteDigest, type AnswerPayload, type ButtonCitation } from "../state/buttons.js";
import { messages, waitSeconds } from "./messages.js";
import type { RateLimiter } from "./rate-limit.js";
import type { Focus } from "./render/window.js";

/** What to show the user who pressed: the passage, or a short message (a toast on Telegram, ephemeral on Discord). */
export type ButtonOutcome =
  /** `focus`: where the quote lies in the passage, which a message too short for all of it shows. */
  | { readonly kind: "passage"; readonly passage: PassageView; readonly n: number; readonly language: Language; readonly focus: Focus }
  | { readonly kind: "message"; readonly text: string; readonly language: Language };
/** A short message for the presser alone (see {@link ButtonOutcome}). */
export type ButtonMessage = Extract<ButtonOutcome, { readonly kind: "message" }>;

/** What {@link pressButton} needs: the core (for passages), the state and a logger. */
export interface PressOptions {
  readonly rag: Rag;
  readonly state: BotState;
  readonly logger: Logger;
}

/** What {@link admitPress} needs: the press limit (createPressLimiter) and a logger. */
export interface AdmitPressOptions {
  readonly limiter: RateLimiter;
  readonly logger: Logger;
}

/**
 * Takes one press of `user` from the press limit, before anything else is done for it: undefined within the limit,
 * else the message to answer the press with instead (in `language`, its {@link buttonLanguage}), and nothing more is
 * done for it: no state read or written, no vote recorded. Each refused press is told, not only the first in the
 * window as a question is: the platform needs an answer to every press anyway (Telegram's button spins until it
 * gets one, Discord says the interaction failed), so the words cost nothing more.
 */
export async function admitPress(user: string, language: Language, { limiter, logger }: AdmitPressOptions): Promise<ButtonMessage | undefined> {
  const verdict = await limiter.take(user);
  if (verdict.ok) return undefined;
  // Logged once per window: a script's flood of presses would otherwise flood the log as well.
  if (verdict.notify) logger.info({ user }, "button presses rate limited");
  return { kind: "message", text: messages(language).pressingTooFast(waitSeconds(verdict.retryAfterMs)), language };
}

/**
 * The language to speak to whoever pressed the button with `data`: its answer's, which the data records (Discord
 * has no Arabic client locale), else `interfaceLanguage`, the language of the user's client.
 */
export const buttonLanguage = (data: string, interfaceLanguage: Language): Language => parseButtonData(data)?.language ?? interfaceLanguage;

/**
 * Handles the button with `data`, pressed by `user` ("telegram:1001"); `language` is its {@link buttonLanguage},
 * which an expired or unknown button is answered in.
 */
export async function pressButton(data: string, user: string, language: Language, { rag, state, logger }: PressOptions): Promise<ButtonOutcome> {
  const expired = { kind: "message", text: messages(language).buttonExpired, language } as const;
  const action = parseButtonData(data);
  if (action === undefined) return expired;
  let payload: AnswerPayload | undefined;
  try {
    payload = await state.buttons.get(action.id);
  } catch (error) {
    logger.warn({ err: error }, "could not read a button payload");
  }
  if (payload === undefined) return expired;
  const m = messages(payload.language);
  // A 👍/👎 under an answer from before FEEDBACK_LOG=off: nothing to record, and nothing for the presser to retry.
  if (action.kind === "feedback" && !state.feedback.enabled) return { kind: "message", text: m.votingOff, language: payload.language };
  if (action.kind === "paragraph") {
    const citation = payload.citations.find((c) => c.n === action.n);
    const passage = citation && rag.passage(citation.source, citation.start);
    if (!passage || !holdsQuote(passage, citation)) return { kind: "message", text: m.passageGone, language: payload.language };
    const focus = { from: citation.start - passage.start, to: citation.end - passage.start };
    return { kind: "passage", passage, n: action.n, language: payload.language, focus };
  }
  const first = await state.buttons.firstVote(action.id, user, action.vote).catch((error: unknown) => {
    logger.warn({ err: error }, "could not check for an earlier vote");
    return true;
  });
  // One vote per user and answer, however often it is recorded (see FeedbackInput.once).
  const once = `vote:${action.id}:${user}`;
  const vote = (kind: "up" | "down"): Promise<boolean> =>
    state.feedback.record({ platform: payload.platform, kind, user, question: payload.question, citations: payload.citations, once });
  // Marked once recorded, so that "already rated" records a vote again only while it is not (below).
  const saved = async (kind: "up" | "down"): Promise<void> =>
    state.buttons.voteSaved(action.id, user, kind).catch((error: unknown) => logger.warn({ err: error }, "could not mark the vote as recorded"));
  if (!first) {
    // A first vote not known to be recorded (its record failed and its claim could not be given back: Redis away
    // for both) is recorded now, counting once; it would otherwise be lost behind "already rated".
    const unsaved = await state.buttons.unsavedVote(action.id, user).catch((error: unknown) => {
      logger.warn({ err: error }, "could not read the earlier vote");
      return undefined;
    });
    if (unsaved !== undefined && (await vote(unsaved))) await saved(unsaved);
    return { kind: "message", text: m.alreadyVoted, language: payload.language };
  }
  if (!(await vote(action.vote))) {
    // Not kept (logged by the log): the claim is given back, so pressing again is counted rather than "already rated".
    await state.buttons.forgetVote(action.id, user).catch((error: unknown) => logger.warn({ err: error }, "could not give back a vote that was not recorded"));
    return { kind: "message", text: m.voteFailed, language: payload.language };
  }
  await saved(action.vote);
  logger.info({ platform: payload.platform, vote: action.vote }, "feedback");
  return { kind: "message", text: action.vote === "up" ? m.thanksUp : m.thanksDown, language: payload.language };
}

/**
 * Whether `passage` still holds the quote `citation` was made of: after its briefing changed and was indexed
 * again, the passage now at the quote's offset may be another one.
 */
function holdsQuote(passage: PassageView, { start, end, digest }: ButtonCitation): boolean {
  if (digest === undefined) return true;
  return start >= passage.start && end <= passage.end && quoteDigest(passage.text.slice(start - passage.start, end - passage.start)) === digest;
}
