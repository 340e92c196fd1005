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

  /**
   * Words one slip of the keyboard from `word` (one letter added, dropped, changed, or two side by side swapped)
   * among those sharing a trigram with it, most similar first, at most `limit`: "منيورسو" ~ "مينورسو", "مسهمات" ~
   * "مساهمات", whose trigrams a slip in a short word leaves too few in common for {@link similar}. A swap in the middle
   * of four letters leaves none in common ("حوقق"): it is not found.
   */
  oneSlipFrom(word: string, limit: number): Similar[] {
    return this.similar(word, 0, Infinity)
      .filter((s) => Math.abs(s.word.length - word.length) <= 1 && withinOneSlip(word, s.word))
      .slice(0, limit);
  }
}

/**
 * Whether `a` and `b` differ by at most one insertion, deletion, substitution or swap of neighbours (optimal string
 * alignment).
 */
export function withinOneSlip(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const rest = (x: number, y: number): boolean => a.slice(x) === b.slice(y);
  // A swap of the two letters at i, a change of one, an added or a dropped one.
  const swapped = a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2);
  return swapped || rest(i + 1, i + 1) || rest(i, i + 1) || rest(i + 1, i);
}
