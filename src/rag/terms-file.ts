/**
 * terms.bin: each sentence's matching keys as 32-bit numbers into the key table of passages.bin (passage-file.ts),
 * in the layout of {@link PackedTerms} (lexical.ts); and an update's keys merged into that layout.
 */
import { PASSAGES_FILE, TERMS_FILE } from "./index-files.js";
import type { PackedTerms } from "./lexical.js";

/** The bytes of terms.bin for `packed` (its numbers as they are in memory). */
export function encodeTerms({ words }: PackedTerms): Buffer {
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}

/**
 * The 32-bit numbers of terms.bin (the platform's byte order: an index folder carried to a machine of the other
 * order fails these checks, or passages.bin's magic number, and is rebuilt; layout: {@link PackedTerms}),
 * checked against `keys` without building the strings.
 * @throws Error when the bytes do not hold such a packing.
 */
export function decodeTerms(bytes: Buffer, keys: readonly string[]): PackedTerms {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength === 0) throw new Error(`${TERMS_FILE} is ${bytes.byteLength} bytes, not whole 32-bit numbers`);
  // A view needs 4-byte alignment; a Buffer from a pool may not have it.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(Uint8Array.from(bytes).buffer);
  const next = (at: number): number => {
    const value = words[at];
    if (value === undefined) throw new Error(`${TERMS_FILE} ends too early`);
    return value;
  };
  let at = 0;
  const count = next(at++);
  if (count > words.length) throw new Error(`${TERMS_FILE} claims ${count} sentences in ${words.length} numbers`);
  for (let s = 0; s < count; s += 1) {
    const tokens = next(at++);
    for (let t = 0; t < tokens; t += 1) {
      const n = next(at++);
      for (let k = 0; k < n; k += 1) {
        if (next(at++) >= keys.length) throw new Error(`${TERMS_FILE} names a key that ${PASSAGES_FILE} does not hold`);
      }
    }
  }
  if (at !== words.length) throw new Error(`${TERMS_FILE} holds ${words.length - at} numbers more than its sentences`);
  return { words, keys };
}

/**
 * The packed keys of the sentences: sentence i's copied from `previous` (its sentence `kept[i]`), or packed from
 * `analysed` when `kept[i]` is -1; numbered by first occurrence, as packing them all from scratch would. No key
 * string is looked up for a kept sentence.
 */
export function mergeTerms(
  kept: Int32Array,
  analysed: ReadonlyMap<number, readonly (readonly string[])[]>,
  previous?: PackedTerms,
): PackedTerms {
  const oldKeys = previous?.keys ?? [];
  const oldWords = previous?.words ?? Uint32Array.of(0);
  // Where each previous sentence's record starts in its words.
  const starts = new Uint32Array((oldWords[0] ?? 0) + 1);
  let at = 1;
  for (let s = 0; s < starts.length - 1; s += 1) {
    starts[s] = at;
    const tokens = oldWords[at++] as number;
    for (let t = 0; t < tokens; t += 1) at += 1 + (oldWords[at] as number);
  }
  starts[starts.length - 1] = at;
  // New keys are numbered after the previous ones for now.
  const ids = analysed.size > 0 ? new Map(oldKeys.map((key, id) => [key, id])) : new Map<string, number>();
  const added: string[] = [];
  const fresh = new Map<number, Uint32Array>();
  for (const [position, tokens] of analysed) {
    const words: number[] = [tokens.length];
    for (const keys of tokens) {
      words.push(keys.length);
      for (const key of keys) {
        let id = ids.get(key);
        if (id === undefined) {
          id = oldKeys.length + added.length;
          added.push(key);
          ids.set(key, id);
        }
        words.push(id);
      }
    }
    fresh.set(position, Uint32Array.from(words));
  }
  let length = 1;
  kept.forEach((old, position) => (length += old >= 0 ? (starts[old + 1] as number) - (starts[old] as number) : (fresh.get(position)?.length ?? 0)));
  const words = new Uint32Array(length);
  words[0] = kept.length;
  at = 1;
  kept.forEach((old, position) => {
    const record = old >= 0 ? oldWords.subarray(starts[old], starts[old + 1]) : (fresh.get(position) as Uint32Array);
    words.set(record, at);
    at += record.length;
  });
  // Renumbered by first occurrence; keys no sentence holds any more are dropped.
  const renumber = new Int32Array(oldKeys.length + added.length).fill(-1);
  const keys: string[] = [];
  at = 1;
  for (let s = 0; s < kept.length; s += 1) {
    const tokens = words[at++] as number;
    for (let t = 0; t < tokens; t += 1) {
      const n = words[at++] as number;
      for (let k = 0; k < n; k += 1, at += 1) {
        const id = words[at] as number;
        let next = renumber[id] as number;
        if (next < 0) {
          next = keys.length;
          renumber[id] = next;
          keys.push(id < oldKeys.length ? (oldKeys[id] as string) : (added[id - oldKeys.length] as string));
        }
        words[at] = next;
      }
    }
  }
  return { words, keys };
}
