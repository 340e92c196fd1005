/**
 * Where text may be cut without splitting what a reader sees as one character: a letter and its diacritics
 * (بِّ), a flag (two regional indicators), an emoji with its modifiers. A cut between code points is valid UTF-16
 * but shows a stray mark or half a flag.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `text` as grapheme clusters. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), ({ segment }) => segment);
}

/** The start of the grapheme cluster holding offset `at`: the nearest cut at or before it. */
export function graphemeStart(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  return segmenter.segment(text).containing(at)?.index ?? at;
}

/** The nearest cut at or after offset `at`. */
export function graphemeEnd(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const cluster = segmenter.segment(text).containing(at);
  return cluster === undefined || cluster.index === at ? at : cluster.index + cluster.segment.length;
}
