/**
 * Checks a model's answer against the passages it was given, sentence by sentence, as the text streams in.
 *
 * - A quote ("…", “…”, «…», „…“) must occur in one of the passages, exactly after white space is collapsed
 *   (edge punctuation aside; an ellipsis inside a quote marks an omission, so each part must occur, in order,
 *   in the same passage). A sentence with a quote that is not in the passages is dropped whole: its claim
 *   rested on words the briefing does not contain.
 * - Every sentence must cite a passage as [n] (or carry a verified quote, which cites its passage). A sentence
 *   that cites nothing is dropped: the uncited-sentence policy is "drop", never "show with a flag", because
 *   a flagged claim still reads as the bot's answer. Markers naming no passage are removed first.
 * - The passages kept are renumbered 1, 2, … in the order the answer first cites them.
 * - The decline token, anywhere in the output, marks a decline unless some cited sentence survives.
 *
 * Pure: no I/O, no clock. The caller logs what was dropped.
 */
import { foldDigits } from "../text/normalize.js";

/** What the model is told to answer, alone, when the passages do not answer the question. */
export const DECLINE_TOKEN = "NOT_IN_BRIEFING";

export type DropReason = "unverified-quote" | "uncited";

export interface DroppedSentence {
  readonly text: string;
  readonly reason: DropReason;
  /** The quote not found in the passages, for "unverified-quote". */
  readonly quote?: string;
}

export interface VerifiedAnswer {
  /** The kept sentences, markers renumbered; empty when nothing survived. */
  readonly text: string;
  /** Passage numbers as given to the model (1-based), in the order of their new numbers. */
  readonly cited: readonly number[];
  /** The model declined (and no cited sentence survived). */
  readonly declined: boolean;
  readonly dropped: readonly DroppedSentence[];
}

/**
 * The quotation marks a model may quote in, each opener with its closer, in either direction where languages differ
 * (»…« in German, ”…“ in some Arabic text): text in any of them is checked against the passages. Not the straight
 * single quote, an apostrophe as often. Found by a review: »…«, ‘…’ and 「…」 went unchecked.
 */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { "“": "”", "”": "“", "«": "»", "»": "«", "„": "“", '"': '"', "‘": "’", "‹": "›", "›": "‹", "「": "」", "『": "』" };
const DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
const MARKER = new RegExp(`\\[\\s*(?:passage\\s*|source\\s*)?(${DIGIT}+(?:\\s*[,،]\\s*${DIGIT}+)*)\\s*\\]`, "giu");
const MARKER_AT = new RegExp(`^\\s*\\[\\s*(?:passage\\s*|source\\s*)?${DIGIT}+(?:\\s*[,،]\\s*${DIGIT}+)*\\s*\\]`, "iu");
/**
 * A marker that may still be arriving: "[", "[1", "[1, ". Each number but the last is followed by its comma, and a
 * number has four digits at most: a repeat whose parts could split one run of digits many ways backtracked
 * exponentially on "[" and thirty digits then a letter (a model's reply froze the process; found by a review).
 */
const PARTIAL_MARKER = new RegExp(`^\\s*\\[\\s*(?:[a-z]*\\s*)?(?:${DIGIT}{1,4}\\s*[,،]\\s*)*${DIGIT}{0,4}\\s*$`, "iu");
/** A sentence's end mark, and what may close it after that mark (a quote's closer, a parenthesis). */
const TERMINAL_CLASS = "[.!?؟…]";
const CLOSER_CLASS = `["”“»«’›‹」』')]`;
const TERMINAL = new RegExp(TERMINAL_CLASS, "u");
const CLOSERS = new RegExp(CLOSER_CLASS, "u");
/** A text and its end: the end mark and the closers after it, if any. */
const ENDING = new RegExp(`^(.*?)(${TERMINAL_CLASS}${CLOSER_CLASS}*)?$`, "su");
const HAS_WORD = /[\p{L}\p{N}]/u;
const EDGE_PUNCTUATION = /^[\s.,،;؛:!?؟…\-–—]+|[\s.,،;؛:!?؟…\-–—]+$/gu;
/** The decline token as a sentence of its own, however spelt ("NOT_IN_BRIEFING", "`Not in the briefing.`"). */
const DECLINE = /^NOT[\s_-]*IN[\s_-]*(?:THE[\s_-]*)?BRIEFING$/iu;
/** Emphasis and quote marks a model may wrap the decline token in. */
const WRAPPERS = /[*_`"“”'«»]/gu;
/** Words whose full stop does not end a sentence: initials ("U.S.", "J."), and common titles. */
const INITIALS = /(?:^|[\s(“"«])(?:\p{L}\.)*\p{L}$/u;
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "vs", "etc", "no", "prof", "amb", "sec"]);

const collapse = (text: string): string => text.replace(/\s+/gu, " ").trim();

/**
 * What a model's text may not carry to the reader: control characters (but tab and the line breaks), the bidi
 * overrides and isolates, which reorder the rest of a line (U+202A-U+202E, U+2066-U+2069), and the private-use
 * characters (\p{Co}: U+E000-U+F8FF and planes 15 and 16), which mean nothing outside one program and which a
 * renderer may use as its own marks (the bots mark matched words so). Dropped from the text shown, not from what the
 * quotes are checked against; the controls that separate (vertical tab, form feed, the information separators, NEL)
 * become a space, as in a question (see rag.ts), so that words they part stay apart. One code point for one, so a
 * growing text's earlier part stays a prefix of what follows.
 */
const MODEL_SEPARATOR = /[\u000B\u000C\u001C-\u001F\u0085]/gu;
const MODEL_UNSAFE = /[\u0000-\u0008\u000E-\u001B\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069\p{Co}]/gu;

/** Streams a model's output through the checks; `text` only ever grows, so it can be shown as it arrives. */
export class AnswerVerifier {
  private raw = "";
  /** Characters of `raw` already cut into sentences. */
  private consumed = 0;
  private readonly passages: readonly string[];
  private readonly kept: { text: string; separator: string }[] = [];
  private readonly order: number[] = [];
  private readonly droppedList: DroppedSentence[] = [];
  private sawDecline = false;

  /** @param passages the passages' texts, in the order they were numbered for the model (1-based). */
  constructor(passages: readonly string[]) {
    this.passages = passages.map(collapse);
  }

  /** Adds streamed text; returns true when the verified text grew. */
  push(delta: string): boolean {
    this.raw += delta;
    return this.drain(false);
  }

  /** The stream ended: the rest is the last sentence. */
  finish(): VerifiedAnswer {
    this.drain(true);
    const declined = this.sawDecline && this.kept.length === 0;
    return { text: this.text, cited: [...this.order], declined, dropped: [...this.droppedList] };
  }

  /** The verified text so far. */
  get text(): string {
    return this.kept
      .map((s, i) => (i === 0 ? "" : (this.kept[i - 1]?.separator ?? " ")) + s.text)
      .join("")
      .replace(MODEL_SEPARATOR, " ")
      .replace(MODEL_UNSAFE, "")
      .trim();
  }

  get dropped(): readonly DroppedSentence[] {
    return this.droppedList;
  }

  private drain(final: boolean): boolean {
    const before = this.kept.length;
    const visible = withoutThinking(this.raw, final);
    for (;;) {
      const cut = nextBoundary(visible, this.consumed, final);
      if (cut === undefined) break;
      const sentence = visible.slice(this.consumed, cut.end);
      this.consumed = cut.next;
      this.accept(sentence, cut.separator);
      if (this.consumed >= visible.length) break;
    }
    return this.kept.length > before;
  }

  private accept(raw: string, separator: string): void {
    const sentence = raw.trim();
    if (!sentence) return this.skip(separator);
    // Only the token alone: "Her age is not in the briefing, but she spoke in Algiers [1]." answers.
    if (DECLINE.test(sentence.replace(WRAPPERS, " ").replace(EDGE_PUNCTUATION, ""))) {
      this.sawDecline = true;
      return this.skip(separator);
    }
    const cited = new Set<number>();
    const text = sentence.replace(MARKER, (_match, list: string) => {
      for (const n of foldDigits(list).split(/\s*[,،]\s*/u).map(Number)) {
        if (Number.isInteger(n) && n >= 1 && n <= this.passages.length) cited.add(n);
      }
      return "\u0000";
    });
    if (!HAS_WORD.test(text.replace(/\u0000/gu, ""))) return this.skip(separator); // a stray marker, a rule, an empty heading
    for (const quote of quotesIn(text)) {
      const found = this.locate(quote);
      if (found === undefined) {
        this.droppedList.push({ text: sentence, reason: "unverified-quote", quote });
        return this.skip(separator);
      }
      cited.add(found);
    }
    if (cited.size === 0) {
      this.droppedList.push({ text: sentence, reason: "uncited" });
      return this.skip(separator);
    }
    // Renumber: one marker per sentence, where the model put its first one (or at the end).
    const numbers = [...cited].map((n) => this.renumber(n)).sort((a, b) => a - b);
    const marker = `[${numbers.join(", ")}]`;
    let placed = false;
    const rewritten = text
      .replace(/\s*\u0000(\s*\u0000)*/gu, (match) => {
        if (placed) return "";
        placed = true;
        return `${/^\s/u.test(match) ? " " : ""}${marker}`;
      })
      .replace(/\s+([.,،;؛:!?؟])/gu, "$1");
    const final = placed ? rewritten : appendMarker(rewritten, marker);
    this.kept.push({ text: final, separator });
  }

  /** A sentence left out: a paragraph break after it still separates what comes next. */
  private skip(separator: string): void {
    const previous = this.kept.at(-1);
    if (previous && separator.length > previous.separator.length && separator.trim() === "") previous.separator = separator;
  }

  private renumber(n: number): number {
    let at = this.order.indexOf(n);
    if (at === -1) at = this.order.push(n) - 1;
    return at + 1;
  }

  /** The passage (1-based) holding the quote, or undefined. */
  private locate(quote: string): number | undefined {
    const parts = quote
      .split(/\s*(?:…|\.\.\.)\s*/u)
      .map((p) => collapse(p).replace(EDGE_PUNCTUATION, ""))
      .filter((p) => HAS_WORD.test(p));
    if (parts.length === 0) return undefined;
    for (const [i, passage] of this.passages.entries()) {
      let from = 0;
      let ok = true;
      for (const part of parts) {
        const at = passage.indexOf(part, from);
        if (at === -1) {
          ok = false;
          break;
        }
        from = at + part.length;
      }
      if (ok) return i + 1;
    }
    return undefined;
  }
}

/** The text inside each pair of quotation marks (an unclosed one runs to the end). Only quotes with words count. */
export function quotesIn(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const close = QUOTE_PAIRS[ch];
    if (close === undefined) {
      i += 1;
      continue;
    }
    const end = text.indexOf(close, i + 1);
    const inner = text.slice(i + 1, end === -1 ? text.length : end).replace(/\u0000/gu, "");
    if (HAS_WORD.test(inner)) out.push(inner);
    i = end === -1 ? text.length : end + 1;
  }
  return out;
}

function appendMarker(text: string, marker: string): string {
  const m = text.match(ENDING);
  return m?.[2] ? `${m[1] ?? ""} ${marker}${m[2]}` : `${text} ${marker}`;
}

/** Drops <think>…</think> blocks (reasoning models); an unclosed one hides the rest until it closes. */
function withoutThinking(raw: string, final: boolean): string {
  let text = raw.replace(/<think>[\s\S]*?<\/think>/gu, "");
  const open = text.indexOf("<think>");
  if (open !== -1) text = text.slice(0, open);
  else if (!final) {
    // "<thi" at the very end may be the start of a tag: hold it back.
    const tail = text.match(/<[a-z/]{0,6}$/u);
    if (tail) text = text.slice(0, tail.index);
  }
  return text;
}

interface Cut {
  /** End of the sentence (exclusive). */
  readonly end: number;
  /** Where the next sentence starts. */
  readonly next: number;
  /** What joins this sentence to the next in the output: a space, a line break or a blank line. */
  readonly separator: string;
}

/**
 * The end of the sentence starting at `from`, or undefined when it may still be growing. A sentence ends at
 * a line break, or after an end mark (with closing quotes and citation markers) followed by space and a
 * character that does not continue it (not lower case: "U.S. officials"). Quotation marks are respected:
 * an end mark inside a quote does not end the sentence.
 */
export function nextBoundary(text: string, from: number, final: boolean): Cut | undefined {
  let quoteClose: string | undefined;
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i] ?? "";
    if (quoteClose !== undefined) {
      if (ch === quoteClose) quoteClose = undefined;
      else if (ch === "\n" && text[i + 1] === "\n") quoteClose = undefined; // a paragraph never hides inside a quote
      continue;
    }
    if (ch === "\n") return cutAt(text, i, i, final);
    const close = QUOTE_PAIRS[ch];
    if (close !== undefined) {
      quoteClose = close;
      continue;
    }
    if (!TERMINAL.test(ch)) continue;
    if (ch === "." && isAbbreviation(text.slice(from, i))) continue;
    let j = i + 1;
    while (j < text.length && (TERMINAL.test(text[j] ?? "") || CLOSERS.test(text[j] ?? ""))) j += 1;
    // Citation markers may follow the end mark: "… support. [1] Next".
    for (;;) {
      const rest = text.slice(j);
      const marker = rest.match(MARKER_AT);
      if (marker) {
        j += marker[0].length;
        continue;
      }
      if (!final && PARTIAL_MARKER.test(rest)) return undefined;
      break;
    }
    if (j >= text.length) return final ? { end: j, next: j, separator: " " } : undefined;
    const after = text[j] ?? "";
    if (!/\s/u.test(after)) continue;
    let k = j;
    while (k < text.length && /[ \t]/u.test(text[k] ?? "")) k += 1;
    if (k >= text.length) {
      if (!final) return undefined;
      return { end: j, next: k, separator: " " };
    }
    const next = text[k] ?? "";
    if (next === "\n") return cutAt(text, j, k, final);
    if (/\p{Ll}/u.test(next)) continue;
    return { end: j, next: k, separator: " " };
  }
  if (final && from < text.length) return { end: text.length, next: text.length, separator: " " };
  return undefined;
}

function isAbbreviation(before: string): boolean {
  const word = before.match(/\S+$/u)?.[0] ?? "";
  return INITIALS.test(before) || ABBREVIATIONS.has(word.replace(/^\W+/u, "").toLowerCase());
}

/** A cut at a line break at `newline`; the separator keeps a blank line as a blank line. */
function cutAt(text: string, end: number, newline: number, final: boolean): Cut | undefined {
  let k = newline;
  let breaks = 0;
  while (k < text.length && /\s/u.test(text[k] ?? "")) {
    if (text[k] === "\n") breaks += 1;
    k += 1;
  }
  if (k >= text.length && !final) return undefined; // more line breaks may follow
  return { end, next: k, separator: breaks >= 2 ? "\n\n" : "\n" };
}
