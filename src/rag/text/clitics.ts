/**
 * The clitics Arabic writes onto a word: و or ف (and), then ب, ل or ك (in, to, like), then the article (ل before
 * the article is written لل). A word's first letters may be such clitics or its own ("بكاليفورنيا" is California
 * with ب; "بايدن" is Biden), so each reading is offered and the caller judges it.
 */

const CONJUNCTIONS = ["", "و", "ف"] as const;
const ARTICLES = ["", "ال"] as const;

export interface CliticOptions {
  /** The prepositions read as clitics (default ب, ل and ك). */
  readonly prepositions?: string;
  /** The letters a rest needs (default 3). */
  readonly minRest?: number;
}

/** What is left of a normalised Arabic word after each reading of its first letters as clitics (never the word itself). */
export function cliticReadings(word: string, { prepositions = "بلك", minRest = 3 }: CliticOptions = {}): string[] {
  const rests = new Set<string>();
  for (const and of CONJUNCTIONS) {
    for (const to of ["", ...prepositions]) {
      for (const the of ARTICLES) {
        const clitic = to === "ل" && the ? `${and}لل` : and + to + the;
        if (clitic && word.startsWith(clitic) && word.length - clitic.length >= minRest) rests.add(word.slice(clitic.length));
      }
    }
  }
  return [...rests];
}

/**
 * A normalised Arabic word as written and as read after و or ف, ب or ل and the article (not ك, which begins too
 * many words): the forms in which a word list's entry (a place's name, a glossary word, a title) is looked for.
 */
export const writtenReadings = (word: string): string[] => [word, ...cliticReadings(word, { prepositions: "بل" })];

/** A normalised Arabic word without the article (المغرب: مغرب), where three letters are left. */
export const bareOfArticle = (word: string): string => word.replace(/^ال(?=...)/u, "");
