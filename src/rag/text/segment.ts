import type { Sentence } from "../types.js";
import { graphemeStart } from "./graphemes.js";

const segmenter = new Intl.Segmenter("ar", { granularity: "sentence" });
/** A letter or a digit: a sentence holding none is no sentence (kept out of segmentSentences's output). */
export const HAS_WORD = /[\p{L}\p{N}]/u;
const SEMICOLON = /(?<=؛)\s+/gu;
/**
 * A "sentence" longer than this (a page without stops, a list run together) is cut between words into pieces of
 * at most this many characters, so that no quote is longer. The longest real sentence of the briefing and the 20
 * xquad-dev articles has 493.
 */
export const MAX_SENTENCE_CHARS = 800;

/**
 * Sentences of `text.slice(start, end)` as offsets into `text`, trimmed of surrounding white space.
 * ICU's sentence rules handle Latin and Arabic end marks (. ! ? ؟, quotes closing after the stop, "U.S.");
 * the Arabic semicolon ؛ also ends a sentence. With `acrossLines`, a line break does not end a sentence
 * (a paragraph the page broke in two).
 */
export function segmentSentences(text: string, start: number, end: number, acrossLines = false): Sentence[] {
  const slice = text.slice(start, end);
  const input = acrossLines ? slice.replace(/[\r\n]/g, " ") : slice;
  const sentences: Sentence[] = [];
  for (const { segment, index } of withInitials(sentenceSegments(input), slice)) {
    let offset = 0;
    for (const part of segment.split(SEMICOLON)) {
      const at = segment.indexOf(part, offset);
      offset = at + part.length;
      const lead = part.length - part.trimStart().length;
      const body = part.trim();
      if (!HAS_WORD.test(body)) continue;
      const s = start + index + at + lead;
      sentences.push(...pieces(text, s, s + body.length));
    }
  }
  return sentences;
}

/**
 * Characters handed to ICU at once. On Node 20 each step to the next sentence costs more the longer the string it
 * steps through: a long paragraph on one line took minutes whole (1 MB of short sentences: over two), a tenth of a
 * second in windows of this size; windows of 8 192 were already ten times slower on very short sentences.
 */
const WINDOW = 2_048;

/**
 * ICU's sentences of `text`, the same as `segmenter.segment(text)` gives, found a window at a time (`window` is for
 * the tests, which cross many window edges with a small one). ICU starts afresh at each break, so from a break on it
 * segments the rest as the whole; but it decides a break by reading on past it, up to the next letter or stop (after
 * "U.S. " a lower-case word means no break; spaces and digits are read past), and a window's end may stand where that
 * text would have been. So a window's break is taken only when another one follows it inside the window: the sentence
 * between them ends in a stop or a line break, where that reading ends. The next window opens at the last break
 * taken. A window with no such break (a sentence longer than the window) is doubled until it has one.
 */
export function* sentenceSegments(text: string, window = WINDOW): Generator<{ segment: string; index: number }> {
  let from = 0;
  let size = window;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    // Not between the halves of a surrogate pair.
    if (isLowSurrogate(text.charCodeAt(to))) to -= 1;
    const grown = size > window;
    const segments: Intl.SegmentData[] = [];
    let read = true;
    for (const segment of segmenter.segment(text.slice(from, to))) {
      segments.push(segment);
      // Three segments are enough to go on from; stepping through all of a doubled window would cost what the
      // whole text did.
      if (grown && segments.length === 3) {
        read = false;
        break;
      }
    }
    const taken = to === text.length && read ? segments.length : segments.length - 2;
    if (taken < 1) {
      size *= 2;
      continue;
    }
    for (const { segment, index } of segments.slice(0, taken)) yield { segment, index: from + index };
    from += segments[taken]?.index ?? to - from;
    size = window;
  }
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * A segment ending in an initial or a title, then a space on the same line: ICU ends a sentence at any full stop
 * before a capital or a letter without case ("John F. Kennedy", "Dr. Smith", "راجيندرا ك. باتشوري"), and the
 * engine has no list of abbreviations to suppress that with. Not a letter after a number, the era of a year
 * that ends many a sentence ("عام 1950 م."); nor St., Jr. or Sr., which end sentences as often ("on Main St.").
 * A letter that ends a sentence ("vitamin C. The doctor …") is joined to the next: a longer quote, no cut name.
 */
const INITIAL = /(?:^|[\s(])(\p{L}|Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt)\.$/u;
const ENDS_IN_NUMBER = /\p{N}$/u;

/**
 * Whether `segment` ends as described above: the initial or title, its full stop, then white space without a line
 * break. The number before it is looked for by hand, back over the white space once: a regex lookbehind `\p{N}\s*`
 * scanned the run again at each of its spaces, so a long run took minutes.
 */
function endsInInitial(segment: string): boolean {
  const body = segment.trimEnd();
  const space = segment.slice(body.length);
  if (space === "" || /[\r\n]/.test(space)) return false;
  const initial = INITIAL.exec(body)?.[1];
  if (initial === undefined) return false;
  // Its last character, even one outside the BMP, is in its last two code units.
  const before = body.slice(0, body.length - initial.length - 1).trimEnd();
  return !ENDS_IN_NUMBER.test(before.slice(-2));
}

/**
 * ICU's segments of `text` with each one that ends in an initial or a title joined to the segment after it.
 * Each segment's own end is tested, in `text` as written (its line breaks), so joining stays linear.
 */
function withInitials(segments: Iterable<{ readonly segment: string; readonly index: number }>, text: string): { segment: string; index: number }[] {
  const out: { segment: string; index: number }[] = [];
  let open: { segment: string; index: number } | undefined;
  for (const { segment, index } of segments) {
    const joined = open ? { segment: open.segment + segment, index: open.index } : { segment, index };
    open = endsInInitial(text.slice(index, index + segment.length)) ? joined : undefined;
    if (!open) out.push(joined);
  }
  if (open) out.push(open);
  return out;
}

/** White space a line may break at: not the no-break spaces that hold "10 000" or "Mr. X" together. */
const BREAK = /[^\S\u00A0\u2007\u202F]/u;

/**
 * The sentence [start, end) of `text` as pieces of at most MAX_SENTENCE_CHARS, each cut after the last word that
 * fits and trimmed; a piece with no letter or digit (a stop left alone) is dropped.
 */
function pieces(text: string, start: number, end: number): Sentence[] {
  const out: Sentence[] = [];
  const isBreak = (at: number): boolean => BREAK.test(text[at] ?? "");
  const isSpace = (at: number): boolean => /\s/u.test(text[at] ?? "");
  const push = (from: number, to: number): void => {
    if (HAS_WORD.test(text.slice(from, to))) out.push({ start: from, end: to });
  };
  let from = start;
  while (end - from > MAX_SENTENCE_CHARS) {
    let cut = from + MAX_SENTENCE_CHARS;
    while (cut > from && !isBreak(cut)) cut -= 1;
    // No space at all: cut before the character (as a reader sees one) at the limit; inside it only when it alone
    // is longer than a piece, and then never between the two halves of a surrogate pair.
    if (cut === from) {
      const limit = from + MAX_SENTENCE_CHARS;
      const before = graphemeStart(text, limit);
      cut = before > from ? before : limit - (/[\uDC00-\uDFFF]/u.test(text[limit] ?? "") ? 1 : 0);
    }
    let last = cut;
    while (last > from && isSpace(last - 1)) last -= 1;
    push(from, last);
    from = cut;
    while (from < end && isSpace(from)) from += 1;
  }
  if (from < end) push(from, end);
  return out;
}
