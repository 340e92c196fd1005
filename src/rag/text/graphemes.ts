/**
 * Where text may be cut without splitting what a reader sees as one character: a letter and its diacritics
 * (بِّ), a flag (two regional indicators), an emoji with its modifiers. A cut between code points is valid UTF-16
 * but shows a stray mark or half a flag.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** How far either side of an offset its cluster is looked for (a whole file segmented per cut is quadratic). */
const REACH = 256;

/** `text` as grapheme clusters. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), ({ segment }) => segment);
}

/** The start of the grapheme cluster holding offset `at`: the nearest cut at or before it. */
export function graphemeStart(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  return clusterAt(text, at).start;
}

/** The nearest cut at or after offset `at`. */
export function graphemeEnd(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const { start, end } = clusterAt(text, at);
  return start === at ? at : end;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const CONTINUES = /^[\p{M}\u200C\u200D\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
const isRegionalIndicator = (code: number | undefined): boolean => code !== undefined && code >= 0x1f1e6 && code <= 0x1f1ff;

/** The cluster holding offset `at` (0 < at < text.length), segmenting only the text around it. */
function clusterAt(text: string, at: number): { start: number; end: number } {
  let from = Math.max(0, at - REACH);
  // Not between the halves of a surrogate pair; and regional indicators pair from the start of their run, so a
  // window opening inside a run would pair them wrongly.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  while (from >= 2 && isRegionalIndicator(text.codePointAt(from - 2))) from -= 2;
  let to = Math.min(text.length, at + REACH);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;
  // A window opening on what only continues a cluster (a joiner, a mark, a skin tone, a variation selector, an
  // emoji tag) opens inside one: its first cluster there is no cluster.
  const opensInside = from > 0 && CONTINUES.test(text.slice(from, from + 2));
  const cluster = opensInside ? undefined : segmenter.segment(text.slice(from, to)).containing(at - from);
  if (cluster !== undefined) {
    const start = from + cluster.index;
    const end = start + cluster.segment.length;
    // A cluster touching a cut edge of the window may go on past it (a letter under hundreds of marks).
    if ((start > from || from === 0) && (end < to || to === text.length)) return { start, end };
  }
  const whole = segmenter.segment(text).containing(at);
  return whole === undefined ? { start: at, end: at } : { start: whole.index, end: whole.index + whole.segment.length };
}
