/**
 * The words of a quote that matched the question, for the renderers: marked in the plain quote with two
 * private-use characters before it is cut into messages and escaped (neither step touches them), then turned
 * into the platform's bold. A line under a quote names the words that matched across scripts.
 */
import type { Citation, Language } from "../../rag/index.js";
import { messages } from "../messages.js";

export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";
const MARKS = /[\uE000\uE001]/gu;
/** Pairs named in the "matched" line at most. */
const MAX_PAIRS = 6;

/** `quote` with each matched word between MARK_OPEN and MARK_CLOSE (marks already in the source removed). */
export function markMatches({ quote, matches = [] }: Pick<Citation, "quote" | "matches">): string {
  let out = "";
  let at = 0;
  for (const { start, end } of [...matches].sort((a, b) => a.start - b.start)) {
    if (start < at || end > quote.length) continue;
    const gap = quote.slice(at, start).replace(MARKS, "");
    const word = quote.slice(start, end).replace(MARKS, "");
    // A match touching the previous one (run-on words the tokenizer split) extends its span: Discord mis-parses
    // the "****" of two bold runs that touch.
    if (gap === "" && out.endsWith(MARK_CLOSE)) out = out.slice(0, -MARK_CLOSE.length) + word + MARK_CLOSE;
    else out += gap + MARK_OPEN + word + MARK_CLOSE;
    at = end;
  }
  return out + quote.slice(at).replace(MARKS, "");
}

/** `text` without the marks' characters: for any text but a quote the core marked (a model's, a user's, a file name). */
export function withoutMarks(text: string): string {
  return text.replace(MARKS, "");
}

/** A stretch of a message piece, in or out of a matched-word mark. */
interface Run {
  text: string;
  readonly marked: boolean;
}

/**
 * What may sit between two matched words that become one bold run: spaces and punctuation on one line (Telegram
 * applies 100 entities a message and ignores the rest; "**a**, **b**" reads no better than "**a, b**"). Not a line
 * break: Discord's block quote starts each line anew.
 */
const JOINS = /^[\p{P}\p{Zs}\t]*$/u;

/**
 * The piece cut into runs at its marks. A mark whose partner went to another piece (a word cut between messages)
 * is dropped, so every piece stays well-formed on its own; marked runs with only a {@link JOINS} gap between them
 * are one.
 */
function runsOf(piece: string): Run[] {
  const runs: Run[] = [];
  const push = (text: string, marked: boolean): void => {
    if (text === "") return;
    const last = runs.at(-1);
    const beforeLast = runs.at(-2);
    if (last?.marked === marked) last.text += text;
    else if (marked && last && beforeLast?.marked && JOINS.test(last.text)) {
      runs.pop();
      beforeLast.text += last.text + text;
    } else runs.push({ text, marked });
  };
  let inside = false;
  let pending = "";
  for (const ch of piece) {
    if (ch === MARK_OPEN) {
      if (inside) push(pending, false);
      inside = true;
      pending = "";
    } else if (ch === MARK_CLOSE) {
      if (inside) push(pending, true);
      inside = false;
      pending = "";
    } else if (inside) pending += ch;
    else push(ch, false);
  }
  push(pending, false);
  return runs;
}

/**
 * Turns the marks of one message piece into `open`/`close` tags, the first `max` bold runs only (the rest stay
 * plain text, where a platform limits a message's formatting). See runsOf for marks left unpaired and runs joined.
 */
export function renderMarks(piece: string, open: string, close: string, max = Number.POSITIVE_INFINITY): string {
  let shown = 0;
  return runsOf(piece)
    .map(({ text, marked }) => (marked && shown++ < max ? `${open}${text}${close}` : text))
    .join("");
}

/** How many bold runs {@link renderMarks} makes of `piece`. */
export function countMarks(piece: string): number {
  return runsOf(piece).filter((run) => run.marked).length;
}

/**
 * The script a word's letters are written in, as far as the "matched" line cares: Arabic, Latin, or neither (digits
 * of either kind, signs: ٢٠٢٣ matching 2023 needs no explaining).
 */
type Script = "arabic" | "latin" | "other";

function scriptOf(text: string): Script {
  if (/(?=\p{L})\p{Script=Arabic}/u.test(text)) return "arabic";
  return /(?=\p{L})\p{Script=Latin}/u.test(text) ? "latin" : "other";
}

/**
 * "matched: Sahel → الساحل, Algeria → الجزائر" under a quote, naming each question word that matched a word written
 * in another script, so a reader sees why that bold word was cited. Decided per word, not by the quote's language:
 * an English tweet is matched by "January" in its Arabic timestamp, an Arabic paragraph by "HRC" (حقوق), while
 * "Algeria" matching "Algerian" needs no explaining whatever the quote's language. Undefined when no pair crosses.
 */
export function matchedLine(citation: Pick<Citation, "quote" | "matches">, language: Language): string | undefined {
  const m = messages(language);
  const pairs = new Map<string, string>();
  for (const { start, end, word } of citation.matches ?? []) {
    const found = citation.quote.slice(start, end);
    if (scriptOf(found) === scriptOf(word) || pairs.has(word.toLowerCase()) || pairs.size >= MAX_PAIRS) continue;
    pairs.set(word.toLowerCase(), `${word} ${m.matchedArrow} ${found}`);
  }
  return pairs.size > 0 ? `${m.matched} ${[...pairs.values()].join(m.listSeparator)}` : undefined;
}
