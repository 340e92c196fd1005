import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePassages, encodePassages } from "../../src/rag/passage-file.js";
import type { Passage } from "../../src/rag/types.js";

const span = fc.record({ start: fc.nat(1_000_000), length: fc.nat(5_000) }).map(({ start, length }) => ({ start, end: start + length }));
const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\0"));
const passage = fc
  .record({
    source: fc.constantFrom("seeds/000_9ae3e538818b189d.txt", "seeds/الجزائر.md", "seeds/b.txt"),
    ordinal: fc.nat(5_000),
    kind: fc.constantFrom("headline" as const, "paragraph" as const, "tweet" as const, "keywords" as const),
    label: text,
    author: fc.option(text, { nil: undefined }),
    byline: fc.option(span, { nil: undefined }),
    paragraph: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: undefined }),
    date: fc.option(text, { nil: undefined }),
    start: fc.nat(1_000_000),
    sentences: fc.array(span, { maxLength: 4 }),
  })
  .map(({ source, ordinal, author, byline, paragraph, date, ...rest }): Passage => ({
    id: `${source}#${ordinal}`,
    source,
    ...rest,
    end: rest.start + 10,
    ...(author !== undefined ? { author } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(paragraph !== undefined ? { paragraph } : {}),
    ...(date !== undefined ? { date } : {}),
  }));

describe("passages.bin", () => {
  it("gives back the passages and keys it was made of", () => {
    fc.assert(
      fc.property(fc.array(passage, { maxLength: 30 }), fc.array(text, { maxLength: 30 }), (passages, keys) => {
        expect(decodePassages(encodePassages(passages, keys))).toEqual({ passages, keys });
      }),
    );
  });

  it("refuses a passage id that is not <source>#<ordinal>, and a string holding the separator", () => {
    const p: Passage = { id: "elsewhere#1", source: "seeds/a.txt", kind: "paragraph", label: "paragraph 1", start: 0, end: 5, sentences: [{ start: 0, end: 5 }] };
    expect(() => encodePassages([p], [])).toThrow(/not <source>#<ordinal>/);
    expect(() => encodePassages([{ ...p, id: "seeds/a.txt#01" }], [])).toThrow(/not <source>#<ordinal>/);
    expect(() => encodePassages([{ ...p, id: "seeds/a.txt#" }], [])).toThrow(/not <source>#<ordinal>/);
    expect(() => encodePassages([{ ...p, id: "seeds/a.txt#1", kind: "poem" as never }], [])).toThrow(/unknown kind/);
    expect(() => encodePassages([{ ...p, id: "seeds/a.txt#1" }], ["a\0b"])).toThrow(/U\+0000/);
  });

  it("refuses bytes that are not such a file: truncated, padded, another layout", () => {
    const p: Passage = { id: "seeds/a.txt#0", source: "seeds/a.txt", kind: "tweet", label: "tweet", author: "State_IO", start: 0, end: 9, sentences: [{ start: 0, end: 9 }] };
    const bytes = encodePassages([p, { ...p, id: "seeds/a.txt#1" }], ["~mali", "algeria"]);
    expect(decodePassages(bytes).passages).toHaveLength(2);
    for (const damaged of [bytes.subarray(0, bytes.length - 4), Buffer.concat([bytes, Buffer.alloc(8)]), Buffer.alloc(bytes.length, 7), bytes.subarray(0, 12)]) {
      expect(() => decodePassages(damaged)).toThrow(/passages\.bin/);
    }
    // Any one bit flipped (an offset, a string number, a letter of the string table) is caught by the checksum.
    for (let bit = 0; bit < bytes.length * 8; bit += 1) {
      const flipped = Buffer.from(bytes);
      flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(() => decodePassages(flipped)).toThrow(/passages\.bin/);
    }
  });
});
