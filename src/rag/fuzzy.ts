/**
 * Nearest spellings in a vocabulary by the Dice overlap of character trigrams (with word boundaries). It
 * catches what stemming misses: "انتقدوا" ~ "انتقاد", "interior" ~ "interieur".
 */

const trigrams = (word: string): string[] => {
  const padded = `<${word}>`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  return [...out];
};

export interface Similar {
  readonly word: string;
  readonly dice: number;
}

export class FuzzyVocabulary {
  private readonly byTrigram = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  /** The words of a vocabulary given as a function, not indexed yet. */
  private pending: (() => Iterable<string>) | Iterator<string> | undefined;

  /**
   * @param words the vocabulary, or a function giving it: then it is indexed by {@link prepare} in the
   * background, or at the first {@link similar} (whichever comes first finishes it).
   */
  constructor(words: Iterable<string> | (() => Iterable<string>)) {
    if (typeof words === "function") this.pending = words;
    else this.index(words[Symbol.iterator]());
  }

  /** Indexes a vocabulary given as a function a slice at a time, letting other work run between slices. */
  async prepare(sliceSize = 1000): Promise<void> {
    while (this.pending) {
      this.index(this.words(), sliceSize);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The words still to index (the function is called once). */
  private words(): Iterator<string> {
    if (typeof this.pending === "function") this.pending = this.pending()[Symbol.iterator]();
    return this.pending ?? [][Symbol.iterator]();
  }

  /** Indexes up to `limit` words of `words` (all by default); the vocabulary is complete when they run out. */
  private index(words: Iterator<string>, limit = Infinity): void {
    for (let n = 0; n < limit; n += 1) {
      const next = words.next();
      if (next.done) {
        this.pending = undefined;
        return;
      }
      const word = next.value;
      if (this.sizes.has(word)) continue;
      const grams = trigrams(word);
      this.sizes.set(word, grams.length);
      for (const g of grams) {
        const list = this.byTrigram.get(g);
        if (list) list.push(word);
        else this.byTrigram.set(g, [word]);
      }
    }
  }

  /** The words that start with `prefix` (of two letters or more), found through the trigram of its first two. */
  startingWith(prefix: string): string[] {
    if (this.pending) this.index(this.words());
    return (this.byTrigram.get(`<${prefix.slice(0, 2)}`) ?? []).filter((w) => w.startsWith(prefix));
  }

  /** Words at least `minDice` similar to `word`, most similar first, at most `limit`. */
  similar(word: string, minDice: number, limit: number): Similar[] {
    if (this.pending) this.index(this.words());
    const grams = trigrams(word);
    const shared = new Map<string, number>();
    for (const g of grams) for (const w of this.byTrigram.get(g) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
    const out: Similar[] = [];
    for (const [w, n] of shared) {
      const dice = (2 * n) / (grams.length + (this.sizes.get(w) ?? 0));
      if (dice >= minDice && w !== word) out.push({ word: w, dice });
    }
    return out.sort((a, b) => b.dice - a.dice || (a.word < b.word ? -1 : 1)).slice(0, limit);
  }
}
