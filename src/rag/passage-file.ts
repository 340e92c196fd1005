/**
 * passages.bin: the passages of the passage store and its table of matching keys, in 32-bit numbers and one
 * string table, read back without a JSON parse (a tenth of the time of passages.json at 10,000 briefings).
 *
 * Layout (32-bit numbers in the platform's byte order; the magic number tells a file of the other order):
 *   MAGIC, CRC-32 of everything after it, passages P, sentences S, passage strings N, keys K, string bytes B
 *   P records: source, kind, label, author + 1 (0: none) (string numbers), ordinal, start, end, sentences,
 *              byline start + 1 (0: none), byline end, paragraph number (0: none), date + 1 (string number; 0: none)
 *   S records: start, end
 *   B bytes of UTF-8: the N passage strings (sources, labels, authors, dates), then the K keys, each ended by U+0000
 *   (a briefing holding U+0000 is not text and never indexed), padded to a multiple of four
 */
import { crc32 } from "node:zlib";
import { Interner } from "./intern.js";
import type { Passage, PassageKind, Sentence } from "./types.js";

const MAGIC = 0x34475350; // "PSG4"
const HEADER = 7;
/** Where the checksummed bytes start: after the magic number and the checksum. */
const CHECKED_FROM = 8;
const ORDINAL = /^(?:0|[1-9]\d*)$/;
const PASSAGE_WORDS = 12;
const KINDS: readonly PassageKind[] = ["headline", "paragraph", "tweet", "keywords"];

/** The bytes of passages.bin for `passages` and `keys`. */
export function encodePassages(passages: readonly Passage[], keys: readonly string[]): Buffer {
  const strings = new Interner();
  const sentences = passages.reduce((n, p) => n + p.sentences.length, 0);
  const head = new Uint32Array(HEADER + passages.length * PASSAGE_WORDS + sentences * 2);
  let at = HEADER;
  for (const p of passages) {
    const prefix = `${p.source}#`;
    const ordinal = p.id.slice(prefix.length);
    if (!p.id.startsWith(prefix) || !ORDINAL.test(ordinal)) throw new Error(`passage id ${p.id} is not <source>#<ordinal>`);
    const kind = KINDS.indexOf(p.kind);
    if (kind < 0) throw new Error(`passage ${p.id} is of an unknown kind, ${p.kind}`);
    const optional = (s: string | undefined): number => (s === undefined ? 0 : strings.id(s) + 1);
    const { byline } = p;
    head.set([strings.id(p.source), kind, strings.id(p.label), optional(p.author), Number(ordinal), p.start, p.end, p.sentences.length, byline ? byline.start + 1 : 0, byline?.end ?? 0, p.paragraph ?? 0, optional(p.date)], at);
    at += PASSAGE_WORDS;
  }
  for (const p of passages) {
    for (const s of p.sentences) {
      head[at++] = s.start;
      head[at++] = s.end;
    }
  }
  const table = [...strings.strings, ...keys];
  if (table.some((s) => s.includes("\0"))) throw new Error("a passage string or key holds U+0000, the string table's separator");
  const text = Buffer.from(table.map((s) => `${s}\0`).join(""), "utf8");
  head.set([MAGIC, 0, passages.length, sentences, strings.strings.length, keys.length, text.length]);
  const padding = (4 - (text.length % 4)) % 4;
  const bytes = Buffer.concat([Buffer.from(head.buffer, head.byteOffset, head.byteLength), text, Buffer.alloc(padding)]);
  bytes.writeUInt32LE(crc32(bytes.subarray(CHECKED_FROM)), 4);
  return bytes;
}

/** Offsets read back: a span never ends before it starts. */
function span(start: number, end: number): Sentence {
  if (end < start) throw new Error(`passages.bin holds a span from ${start} to ${end}`);
  return { start, end };
}

/**
 * The passages and keys of passages.bin.
 * @throws Error when the bytes do not hold such a file (damaged, truncated, another format).
 */
export function decodePassages(bytes: Buffer): { passages: Passage[]; keys: string[] } {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < HEADER * 4) throw new Error(`passages.bin is ${bytes.byteLength} bytes, not a passage file`);
  // A view needs 4-byte alignment; a Buffer from a pool may not have it.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(Uint8Array.from(bytes).buffer);
  const [magic, , count, sentenceCount, stringCount, keyCount, textBytes] = words as unknown as number[] as [number, number, number, number, number, number, number];
  if (magic !== MAGIC) throw new Error("passages.bin does not have the passage file's layout");
  if (bytes.readUInt32LE(4) !== crc32(bytes.subarray(CHECKED_FROM))) throw new Error("passages.bin does not match its checksum");
  const textStart = (HEADER + count * PASSAGE_WORDS + sentenceCount * 2) * 4;
  if (textStart + textBytes > bytes.byteLength || bytes.byteLength - textStart - textBytes >= 4) throw new Error("passages.bin does not have the passage file's layout");
  const strings = bytes.toString("utf8", textStart, textStart + textBytes).split("\0");
  if (strings.length !== stringCount + keyCount + 1 || strings[strings.length - 1] !== "") throw new Error(`passages.bin holds ${strings.length - 1} strings, not ${stringCount + keyCount}`);
  const stringAt = (id: number): string => {
    if (id >= stringCount) throw new Error(`passages.bin names string ${id} of ${stringCount}`);
    return strings[id] as string;
  };
  const passages: Passage[] = new Array<Passage>(count);
  let sentenceAt = HEADER + count * PASSAGE_WORDS;
  const sentenceEnd = sentenceAt + sentenceCount * 2;
  for (let i = 0, at = HEADER; i < count; i += 1, at += PASSAGE_WORDS) {
    const source = stringAt(words[at] as number);
    const kind = KINDS[words[at + 1] as number];
    if (kind === undefined) throw new Error(`passages.bin names passage kind ${words[at + 1]}`);
    const author = words[at + 3] as number;
    const n = words[at + 7] as number;
    if (sentenceAt + n * 2 > sentenceEnd) throw new Error("passages.bin holds fewer sentences than its passages name");
    const sentences: Sentence[] = new Array<Sentence>(n);
    for (let s = 0; s < n; s += 1, sentenceAt += 2) sentences[s] = span(words[sentenceAt] as number, words[sentenceAt + 1] as number);
    const id = `${source}#${words[at + 4] as number}`;
    const label = stringAt(words[at + 2] as number);
    const { start, end } = span(words[at + 5] as number, words[at + 6] as number);
    const bylineStart = words[at + 8] as number;
    const paragraph = words[at + 10] as number;
    const date = words[at + 11] as number;
    // The shape ingest gives a passage (a paragraph's number after its label; a tweet's author, byline and date last).
    const passage: Passage = { id, source, kind, label, ...(paragraph > 0 ? { paragraph } : {}), start, end, sentences };
    passages[i] =
      author === 0 && bylineStart === 0 && date === 0
        ? passage
        : {
            ...passage,
            ...(author > 0 ? { author: stringAt(author - 1) } : {}),
            ...(bylineStart > 0 ? { byline: span(bylineStart - 1, words[at + 9] as number) } : {}),
            ...(date > 0 ? { date: stringAt(date - 1) } : {}),
          };
  }
  if (sentenceAt !== sentenceEnd) throw new Error("passages.bin holds more sentences than its passages name");
  strings.pop();
  return { passages, keys: strings.slice(stringCount) };
}
