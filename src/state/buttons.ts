/**
 * Button payloads: what the buttons under an answer need later (the question and its citations), stored
 * server-side under a short id with a TTL. Only the id travels in the button (Telegram allows 64 bytes of
 * callback data), as `p:<id>:<n>:<language>` ("show paragraph n") or `f:<id>:up:<language>` / `f:<id>:down:<language>`
 * (feedback). The answer's language rides along so that a button whose payload expired is still answered in it:
 * Discord has no Arabic client locale to go by. Buttons made before it was added have none and still work.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Language } from "../rag/index.js";
import { parseStored, type KeyValueStore } from "./kv.js";

/** A citation as a button needs it. */
export interface ButtonCitation {
  readonly n: number;
  readonly source: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /**
   * quoteDigest of the quote: after its briefing changed, the passage now at `start` may be another one
   * (absent in payloads stored before it was added).
   */
  readonly digest?: string;
}

/** A short fingerprint of a quote's text (SHA-256, 16 base64url characters). */
export const quoteDigest = (quote: string): string => createHash("sha256").update(quote).digest("base64url").slice(0, 16);

/** What one answer's buttons refer to. */
export interface AnswerPayload {
  readonly platform: string;
  readonly question: string;
  readonly language: Language;
  readonly citations: readonly ButtonCitation[];
}

/** A pressed button, parsed from its data. */
export type ButtonAction = (
  | { readonly kind: "paragraph"; readonly id: string; readonly n: number }
  | { readonly kind: "feedback"; readonly id: string; readonly vote: "up" | "down" }
) & {
  /** The language of the answer the button is under (absent in buttons made before it was recorded). */
  readonly language?: Language;
};

/** Button payloads by id, with a TTL (in Redis when configured). */
export interface ButtonStore {
  /** Stores `payload` for the TTL; returns its id (8 URL-safe characters). */
  put(payload: AnswerPayload): Promise<string>;
  /** The payload of `id`, or undefined when it expired or never existed. */
  get(id: string): Promise<AnswerPayload | undefined>;
  /** True the first time `user` votes on answer `id` (for as long as its buttons work), false after; keeps `vote`. */
  firstVote(id: string, user: string, vote: "up" | "down"): Promise<boolean>;
  /** Marks the vote of `user` on `id` (the one claimed: `vote`) as recorded in the feedback log. */
  voteSaved(id: string, user: string, vote: "up" | "down"): Promise<void>;
  /**
   * The vote `user` first gave on `id` when it is not known to be recorded (its record failed and its claim could
   * not be given back); undefined once recorded, or for a claim from before votes were kept.
   */
  unsavedVote(id: string, user: string): Promise<"up" | "down" | undefined>;
  /** Gives back the vote of `user` on `id` that could not be recorded, so that pressing again counts. */
  forgetVote(id: string, user: string): Promise<void>;
}

/** Where the vote of `user` on answer `id` is kept: its kind, then `:saved` once the feedback log holds it. */
const voteKey = (id: string, user: string): string => `vote:${id}:${user}`;

/** Button payloads over `store`, kept `ttlMs`. */
export function createButtonStore(store: KeyValueStore, ttlMs: number): ButtonStore {
  return {
    async put(payload) {
      const id = randomBytes(6).toString("base64url");
      await store.set(`button:${id}`, JSON.stringify(payload), ttlMs);
      return id;
    },
    async get(id) {
      const raw = await store.get(`button:${id}`);
      return raw === undefined ? undefined : parsePayload(raw);
    },
    firstVote: (id, user, vote) => store.claim(voteKey(id, user), vote, ttlMs),
    voteSaved: (id, user, vote) => store.set(voteKey(id, user), `${vote}:saved`, ttlMs),
    async unsavedVote(id, user) {
      const vote = await store.get(voteKey(id, user));
      return vote === "up" || vote === "down" ? vote : undefined;
    },
    forgetVote: (id, user) => store.delete(voteKey(id, user)),
  };
}

/** Data of the "show paragraph n" button under an answer in `language`. */
export const paragraphData = (id: string, n: number, language: Language): string => `p:${id}:${n}:${language}`;
/** Data of a feedback button under an answer in `language`. */
export const feedbackData = (id: string, vote: "up" | "down", language: Language): string => `f:${id}:${vote}:${language}`;

/** The action behind button data, or undefined for data this bot did not make. */
export function parseButtonData(data: string): ButtonAction | undefined {
  const [, kind, id, what, language] = /^([pf]):([A-Za-z0-9_-]{1,32}):(\d{1,3}|up|down)(?::(ar|en))?$/u.exec(data) ?? [];
  if (id === undefined || what === undefined) return undefined;
  const lang: { language?: Language } = language === "ar" || language === "en" ? { language } : {};
  if (kind === "p" && /^\d/u.test(what)) return { kind: "paragraph", id, n: Number(what), ...lang };
  if (kind === "f" && (what === "up" || what === "down")) return { kind: "feedback", id, vote: what, ...lang };
  return undefined;
}

/**
 * A stored citation read back, or undefined when `value` is not one (a damaged or hand-edited record, a payload
 * of another version): the payload store and the feedback log both read citations through this one check.
 */
export function parseCitation(value: unknown): ButtonCitation | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { n, source, label, start, end, digest } = value as Record<string, unknown>;
  if (typeof n !== "number" || typeof source !== "string" || typeof label !== "string" || typeof start !== "number" || typeof end !== "number") return undefined;
  if (digest !== undefined && typeof digest !== "string") return undefined;
  return digest === undefined ? { n, source, label, start, end } : { n, source, label, start, end, digest };
}

/** A stored payload read back, or undefined when it is not one: its buttons then answer as expired. */
function parsePayload(raw: string): AnswerPayload | undefined {
  const p = parseStored(raw);
  if (typeof p !== "object" || p === null) return undefined;
  const { platform, question, language, citations } = p as Record<string, unknown>;
  if (typeof question !== "string" || typeof platform !== "string" || !Array.isArray(citations)) return undefined;
  if (language !== "ar" && language !== "en") return undefined;
  // A damaged citation makes the whole payload damaged: a vote would record the answer short of a citation.
  const parsed = citations.map(parseCitation);
  if (!parsed.every((c): c is ButtonCitation => c !== undefined)) return undefined;
  return { platform, question, language, citations: parsed };
}
