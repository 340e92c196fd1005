import type { Sentence } from "../types.js";

const segmenter = new Intl.Segmenter("ar", { granularity: "sentence" });
const HAS_WORD = /[\p{L}\p{N}]/u;
const SEMICOLON = /(?<=؛)\s+/gu;

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
  for (const { segment, index } of segmenter.segment(input)) {
    let offset = 0;
    for (const part of segment.split(SEMICOLON)) {
      const at = segment.indexOf(part, offset);
      offset = at + part.length;
      const lead = part.length - part.trimStart().length;
      const body = part.trim();
      if (!HAS_WORD.test(body)) continue;
      const s = start + index + at + lead;
      sentences.push({ start: s, end: s + body.length });
    }
  }
  return sentences;
}
