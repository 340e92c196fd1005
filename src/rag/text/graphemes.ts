/**
 * Where text may be cut without splitting what a reader sees as one character: a letter and its diacritics
 * (بِّ), a flag (two regional indicators), an emoji with its modifiers. A cut between code points is valid UTF-16
 * but shows a stray mark or half a flag.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** How far either side of an offset its cluster is looked for first (a whole file segmented per cut is quadratic). */
const REACH = 256;
/**
 * How far it is looked for at most. A cluster reaching further (a letter under thousands of marks: no script writes
 * one), or inside a longer run of flags (which pair from the run's start), is cut between code points: its ends were
 * looked for in the whole file at every cut (a letter under 400 000 marks: 15 s). What follows such a run is still
 * cut exactly.
 */
const MAX_REACH = 4_096;

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
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
/**
 * What never starts a cluster after a letter, by UAX #29 as ICU has it: Extend (Grapheme_Extend: marks, joiners,
 * variation selectors, emoji tags, the halfwidth kana voicing marks ﾞ ﾟ; and the skin tones), ZWJ, and SpacingMark
 * (spacing marks and Thai and Lao SARA AM, but for the Myanmar, Tai Tham and Ahom signs UAX #29 lists, which start a
 * cluster). Marks (\p{M}) alone missed ﾞ ﾟ (a window opening on one cut the emoji after a joiner from what it joins)
 * and took those signs for continuing. The test checks this against ICU on every code point.
 */
const CONTINUES =
  /^(?![\u102B\u102C\u1038\u1062-\u1064\u1067-\u106D\u1083\u1087-\u108C\u108F\u109A-\u109C\u1A61\u1A63\u1A64\uAA7B\uAA7D\u{11720}\u{11721}])[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\u200D\u0E33\u0EB3]/u;
const isRegionalIndicator = (code: number | undefined): boolean => code !== undefined && code >= 0x1f1e6 && code <= 0x1f1ff;

/**
 * The cluster holding offset `at` (0 < at < text.length), segmenting only the text around it: a wider stretch when the
 * cluster reaches an edge of the first; the code point at `at` when the cluster, or the run of flags it is in, reaches
 * further than MAX_REACH.
 */
function clusterAt(text: string, at: number): { start: number; end: number } {
  for (let reach = REACH; reach <= MAX_REACH; reach *= 4) {
    const cluster = clusterWithin(text, at, reach);
    if (cluster !== undefined) return cluster;
  }
  const start = isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
  return { start, end: start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1) };
}

/** The cluster holding offset `at` if it lies inside the text within `reach` of it, undefined if it may go on. */
function clusterWithin(text: string, at: number, reach: number): { start: number; end: number } | undefined {
  let from = Math.max(0, at - reach);
  // Not between the halves of a surrogate pair. Nor on what only continues a cluster (a joiner, a mark, a skin tone,
  // a variation selector, an emoji tag), which ICU would take for the start of one: back to what it continues (else
  // an emoji after a joiner, or a consonant after a virama, would be cut from what it joins). And regional
  // indicators pair from the start of their run, so a window opening inside a run would pair them wrongly.
  // Either is followed back at most `reach` further. At the widest reach, a run going on further is skipped instead
  // when `at` lies past it (at a narrower one, what follows may join a run that a wider window holds whole).
  // A window opening right after a prepended mark (an Arabic number sign) needs nothing: the mark joins only the
  // cluster starting at `from`, which clusterFrom takes only at a cut.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  while (from > 0 && CONTINUES.test(text.slice(from, from + 2))) {
    if (at - from >= 2 * reach) return reach < MAX_REACH ? undefined : clusterAfterRun(text, from, at, reach);
    from -= from >= 2 && isLowSurrogate(text.charCodeAt(from - 1)) ? 2 : 1;
  }
  while (from >= 2 && isRegionalIndicator(text.codePointAt(from - 2))) {
    if (at - from >= 2 * reach) return reach < MAX_REACH ? undefined : clusterAfterRun(text, from - 2, at, reach);
    from -= 2;
  }
  return clusterFrom(text, from, from === 0, at, reach);
}

/**
 * The cluster holding offset `at`, looked for from the end of the run of flags and of what continues a cluster that
 * `inRun` is in; undefined if `at` is inside that run. A cluster is cut where the run ends, unless what follows joins
 * it (a letter after a virama, an emoji after a joiner): then it is longer than the widest window and may be cut
 * between code points anyway.
 */
function clusterAfterRun(
  text: string,
  inRun: number,
  at: number,
  reach: number,
): { start: number; end: number } | undefined {
  let end = inRun;
  while (end <= at && isRegionalIndicator(text.codePointAt(end))) end += 2;
  while (end <= at && CONTINUES.test(text.slice(end, end + 2))) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return end <= at ? clusterFrom(text, end, true, at, reach) : undefined;
}

/** The cluster holding offset `at`, segmenting from `from` (a cut if `onCut`) to `reach` past `at`. */
function clusterFrom(
  text: string,
  from: number,
  onCut: boolean,
  at: number,
  reach: number,
): { start: number; end: number } | undefined {
  let to = Math.min(text.length, at + reach);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;
  const cluster = segmenter.segment(text.slice(from, to)).containing(at - from);
  if (cluster === undefined) return undefined;
  const start = from + cluster.index;
  const end = start + cluster.segment.length;
  // A cluster touching a cut edge of the window may go on past it (a letter under hundreds of marks).
  return (start > from || onCut) && (end < to || to === text.length) ? { start, end } : undefined;
}
