import { describe, expect, it } from "vitest";
import { FuzzyVocabulary, withinOneSlip } from "../../src/rag/fuzzy.js";

const WORDS = ["انتقاد", "انتقدوا", "interior", "interieur", "interview", "river"];

describe("FuzzyVocabulary", () => {
  it("given a function, reads the vocabulary once, at the first look-up, and answers as one given the words", () => {
    let reads = 0;
    const lazy = new FuzzyVocabulary(() => {
      reads += 1;
      return WORDS;
    });
    expect(reads).toBe(0);
    const eager = new FuzzyVocabulary(WORDS);
    for (const word of ["interieur", "انتقدوا", "rivers"]) expect(lazy.similar(word, 0.3, 5)).toEqual(eager.similar(word, 0.3, 5));
    expect(reads).toBe(1);
    expect(lazy.similar("interior", 0.5, 3).map((s) => s.word)).toContain("interieur");
  });

  it("prepared in slices, reads the vocabulary once and answers as one given the words", async () => {
    let reads = 0;
    const lazy = new FuzzyVocabulary(() => {
      reads += 1;
      return WORDS;
    });
    await lazy.prepare(2);
    const eager = new FuzzyVocabulary(WORDS);
    for (const word of ["interieur", "انتقدوا", "rivers"]) expect(lazy.similar(word, 0.3, 5)).toEqual(eager.similar(word, 0.3, 5));
    expect(reads).toBe(1);
  });

  it("finds the words that start with a prefix, and only those, also before it is prepared", () => {
    const lazy = new FuzzyVocabulary(() => [...WORDS, "candidacy", "candid", "scandal"]);
    expect(lazy.startingWith("candid").sort()).toEqual(["candid", "candidacy"]);
    expect(lazy.startingWith("inter").sort()).toEqual(["interieur", "interior", "interview"]);
    expect(lazy.startingWith("انتق").sort()).toEqual(["انتقاد", "انتقدوا"]);
    expect(lazy.startingWith("zebra")).toEqual([]);
    // A prefix of one letter finds nothing: every word of that letter is no evidence of a derivation.
    expect(lazy.startingWith("c")).toEqual([]);
  });

  it("asked while being prepared, finishes the indexing at once", async () => {
    const lazy = new FuzzyVocabulary(() => WORDS);
    const prepared = lazy.prepare(1);
    expect(lazy.similar("interior", 0.5, 3).map((s) => s.word)).toEqual(new FuzzyVocabulary(WORDS).similar("interior", 0.5, 3).map((s) => s.word));
    await prepared;
  });
});

describe("one slip of the keyboard", () => {
  it("is a letter added, dropped, changed, or two neighbours swapped; no more", () => {
    expect(withinOneSlip("منيورسو", "مينورسو")).toBe(true);
    expect(withinOneSlip("مسهم", "مساهم")).toBe(true);
    expect(withinOneSlip("قلقن", "قلقين")).toBe(true);
    expect(withinOneSlip("mali", "mail")).toBe(true);
    expect(withinOneSlip("مينورسو", "مينوسما")).toBe(false);
    expect(withinOneSlip("abcd", "badc")).toBe(false);
  });

  it("finds the words one slip away that trigrams find too few in common with (blind set 56: المنيورسو)", () => {
    const vocabulary = new FuzzyVocabulary(["مينورسو", "مينوسما", "مساهم"]);
    expect(vocabulary.similar("منيورسو", 0.5, 3)).toEqual([]);
    expect(vocabulary.oneSlipFrom("منيورسو", 3).map((s) => s.word)).toEqual(["مينورسو"]);
  });
});
