/**
 * Cutting text that is too long for one platform message: on sentence boundaries where possible, a sentence
 * longer than a message between words, a word longer than that between characters (never inside a letter with its
 * diacritics, a flag or an emoji, unless one alone is longer than a message).
 * The platforms differ only in how a piece is rendered and how long a message may be: `render` and `limit`.
 */
import { graphemes, type Language } from "../../rag/index.js";
import { MARK_CLOSE, MARK_OPEN } from "./marks.js";

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * `text` cut into sentences or words by Intl.Segmenter in `language`'s rules. A marked span (marks.ts) is one
 * segment from its opening mark to its closing one ("U.S.", which the segmenter cuts in two): a cut inside it
 * would leave it unmarked (renderMarks drops a mark without its pair).
 */
function segments(text: string, language: Language, granularity: "sentence" | "word"): string[] {
  const key = `${language}:${granularity}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity });
    segmenters.set(key, segmenter);
  }
  const out: string[] = [];
  /** A marked span being read: from its opening mark to its closing one, however the segmenter cuts inside. */
  let marked: string | undefined;
  for (const { segment } of segmenter.segment(text)) {
    if (marked !== undefined) {
      marked += segment;
      if (segment.includes(MARK_CLOSE)) {
        out.push(marked);
        marked = undefined;
      }
    } else if (segment.startsWith(MARK_OPEN) && !segment.includes(MARK_CLOSE)) marked = segment;
    else if (segment === MARK_CLOSE && out.length > 0) out[out.length - 1] += segment;
    else out.push(segment);
  }
  if (marked !== undefined) out.push(marked);
  return out;
}

/** Whether `text` holds something besides match marks and spaces (a piece of marks alone renders empty). */
const hasText = (text: string): boolean => text.replaceAll(MARK_OPEN, "").replaceAll(MARK_CLOSE, "").trim() !== "";

/**
 * `raw` cut into pieces whose rendering (`render(piece, first)`, `first` for the first piece: a quote's number
 * goes there) is at most `limit` long, each returned rendered. Rendering must only grow with the text.
 */
export function splitToFit(raw: string, render: (raw: string, first: boolean) => string, limit: number, language: Language): string[] {
  return cutToFit(raw, render, limit, language).map((piece, i) => render(piece, i === 0));
}

/**
 * The pieces of {@link splitToFit} before rendering, for a caller that renders them again with less markup (Telegram
 * drops the bold of matched words past a message's 100th entity): rendered with less, a piece still fits.
 */
export function cutToFit(raw: string, render: (raw: string, first: boolean) => string, limit: number, language: Language): string[] {
  const out: string[] = [];
  let current = "";
  const fits = (text: string): boolean => render(text, out.length === 0).length <= limit;
  const flush = (): void => {
    if (hasText(current)) out.push(current);
    current = "";
  };
  const addChars = (piece: string): void => {
    let rest = graphemes(piece);
    while (rest.length > 0) {
      // The longest prefix that still fits (rendering only grows with the text, so binary search is sound).
      let lo = 0;
      let hi = rest.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (fits(current + rest.slice(0, mid).join(""))) lo = mid;
        else hi = mid - 1;
      }
      if (lo === 0 && current) {
        flush();
        continue;
      }
      // One character longer than a message on its own (a letter under a thousand marks): cut between its code points.
      const points = lo === 0 ? Array.from(rest[0] ?? "") : [];
      if (points.length > 1) {
        rest = [...points, ...rest.slice(1)];
        continue;
      }
      const take = Math.max(lo, 1);
      current += rest.slice(0, take).join("");
      rest = rest.slice(take);
      if (rest.length > 0) flush();
    }
  };
  const add = (piece: string, level: "sentence" | "word"): void => {
    if (fits(current + piece)) {
      current += piece;
      return;
    }
    flush();
    if (fits(piece)) current = piece;
    else if (level === "sentence") for (const word of segments(piece, language, "word")) add(word, "word");
    else addChars(piece);
  };
  for (const sentence of segments(raw, language, "sentence")) add(sentence, "sentence");
  flush();
  return out;
}
