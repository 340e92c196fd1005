/**
 * The part of a passage a platform message shows when the whole passage does not fit ("Show paragraph" on a long
 * paragraph): a window around the quote it was opened from, as wide as the message allows, cut at spaces and
 * marked "…" where it cuts. The window's text is sliced from the passage, never retyped.
 */
import { graphemeEnd, graphemeStart } from "../../rag/index.js";

/** Where the quote lies in the passage's text: [from, to). */
export interface Focus {
  readonly from: number;
  readonly to: number;
}

/** How a passage is shown: around the quote it was opened from, within the platform's message limit. */
export interface PassageOptions {
  readonly focus?: Focus | undefined;
  readonly limit?: number;
}

const ELLIPSIS = "…";
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

/**
 * The whole of `text` (trimmed) when it fits, else the widest window around `focus` that `fits`, its cut ends
 * marked; a quote longer than a message is shown from its start. Without a focus, the window opens the passage.
 */
export function passageWindow(text: string, focus: Focus | undefined, fits: (shown: string) => boolean): string {
  const whole = text.trim();
  if (fits(whole)) return whole;
  const length = text.length;
  const from = Math.min(Math.max(0, focus?.from ?? 0), length);
  const to = Math.min(Math.max(from, focus?.to ?? 0), length);
  /**
   * A start moved on to the next word (not past the quote's start); with no space before the quote, to the next
   * character as a reader sees one (a letter with its diacritics, a flag).
   */
  const snapStart = (at: number): number => {
    if (at <= 0) return 0;
    if (isSpace(text[at - 1])) return at;
    for (let i = at; i < from; i += 1) if (isSpace(text[i])) return i + 1;
    return Math.min(graphemeEnd(text, at), Math.max(at, from));
  };
  /** An end moved back to the word before (not before the quote's end), or else to the character before. */
  const snapEnd = (at: number, floor: number): number => {
    if (at >= length) return length;
    if (isSpace(text[at])) return at;
    for (let i = at - 1; i >= floor; i -= 1) if (isSpace(text[i])) return i;
    return Math.max(graphemeStart(text, at), floor);
  };
  const shown = (start: number, end: number): string =>
    `${start > 0 ? `${ELLIPSIS} ` : ""}${text.slice(start, end).trim()}${end < length ? ` ${ELLIPSIS}` : ""}`;
  /** The largest n in [0, max] for which ok(n) holds, ok being true at 0 and turning false once. */
  const largest = (max: number, ok: (n: number) => boolean): number => {
    let lo = 0;
    let hi = max;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ok(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Widened by `extra` characters in all, shared between the two sides while both have text left.
  const window = (extra: number): [number, number] => {
    const before = Math.min(from, Math.ceil(extra / 2));
    const after = Math.min(length - to, extra - before);
    const first = snapStart(from - Math.min(from, extra - after));
    return [first, snapEnd(to + after, to)];
  };
  // Every window tried is measured as it would be sent (the quote with its ends snapped as a window's are).
  if (fits(shown(...window(0)))) {
    const extra = largest(length - (to - from), (n) => n === 0 || fits(shown(...window(n))));
    return shown(...window(extra));
  }
  // The quote alone is longer than a message: as much of it from its start as fits.
  const start = snapStart(from);
  const end = largest(length - start, (n) => n === 0 || fits(shown(start, snapEnd(start + n, start))));
  return shown(start, snapEnd(start + end, start));
}

/**
 * The passage `text` as one message that `render` makes (its heading saying whether the passage is whole), at most
 * `limit` long: whole where it fits under the whole heading, else the widest window around `focus` that fits under
 * the other (never the whole text under a heading that says it is a part).
 */
export function fitPassage(text: string, focus: Focus | undefined, render: (shown: string, whole: boolean) => string, limit: number): string {
  const whole = text.trim();
  if (render(whole, true).length <= limit) return render(whole, true);
  return render(passageWindow(text, focus, (shown) => shown !== whole && render(shown, false).length <= limit), false);
}
