/**
 * English question words -> the corpus's Arabic keys, through the bilingual lexicon (see lexicon.ts): a word's own
 * translations, its stem's or a compound's halves', and those of its related words; and for an English word the
 * lists do not know, those of the word it stands for (a British spelling, a misspelling).
 */
import type { FuzzyVocabulary } from "./fuzzy.js";
import type { Lexicon } from "./lexicon.js";
import { inflectionBases, stemEnglish } from "./text/stem.js";

/**
 * Arabic keys of an English word (`stem`: its English stem): its own entries when it has some (so "gas" never
 * translates as "GA", which stems alike), else those of its stem, else of the halves of a compound
 * ("peacekeepers"). Beside its own, the translations of the base forms and derivations of every word of its stem
 * ("elected" also finds انتخاب through "election", a derivation of "elect"); these are gathered by stem, so a
 * stemmer's collision lends some strays ("organization" reaches عضو through "organ"), which measured worth it
 * (docs/quality.md, session 21). With no translation of its own, its related words stand in, synonyms too.
 * `own`: the word's own translations (translateWord), where the caller has them already.
 */
export function translate(word: string, stem: string, lexicon: Lexicon, own = translateWord(word, lexicon, stem)): readonly string[] {
  const related = own.length > 0 ? (lexicon.derived.get(`*${stem}`) ?? []).filter((w) => w !== word) : relatedWords(word, stem, lexicon);
  const singular = singularOf(word, lexicon);
  const others = singular === undefined ? related : [...related, singular];
  if (others.length === 0) return own;
  return [...new Set([...own, ...others.flatMap((w) => translateWord(w, lexicon))])];
}

/** The shortest singular a regular plural's is read for, and the shortest plural: "states" (state), not "news". */
const MIN_SINGULAR = 4;

/**
 * The singular of a regular English plural where the lists know it as a headword of its own ("states": state, whose
 * translations the plural's entries may lack: the lists give "states" only ولايات, "state" دولة too); not a word
 * ending in ss ("press").
 */
function singularOf(word: string, lexicon: Lexicon): string | undefined {
  if (!word.endsWith("s") || word.endsWith("ss")) return undefined;
  const candidates = word.endsWith("ies") ? [`${word.slice(0, -3)}y`] : [word.slice(0, -1), ...(word.endsWith("es") ? [word.slice(0, -2)] : [])];
  return candidates.find((w) => w.length >= MIN_SINGULAR && lexicon.known.has(w));
}

/**
 * WordNet's words related to `word` (its base forms, derivations, first-sense synonyms) that the lexicon kept; for a
 * word with none of its own, the word it is a regular inflection of and that one's ("allowed": allow, allowance;
 * "searching", "searches": search's), or else the derivations of its stem's words only: not another word's synonyms
 * ("take" is not "takings", the proceeds, whose "issue" found مسألة; "national" is not nation's "state").
 */
export function relatedWords(word: string, stem: string, lexicon: Lexicon): readonly string[] {
  const own = lexicon.related.get(word);
  if (own !== undefined) return own;
  for (const base of inflectionBases(word)) {
    const ofBase = lexicon.related.get(base);
    if (ofBase !== undefined || lexicon.enWord.has(base)) return [base, ...(ofBase ?? [])];
  }
  return (lexicon.derived.get(`*${stem}`) ?? []).filter((w) => w !== word);
}

/** The fewest letters of either half a compound is split into ("peacekeepers": peace + keepers); a shorter word is not split. */
const MIN_COMPOUND_HALF = 4;

/** The word's own translations' keys: the lists' entries for it (or its stem, or its halves), not its related words'. */
export function translateWord(word: string, lexicon: Lexicon, stem = stemEnglish(word)): readonly string[] {
  if (lexicon.known.has(word)) return lexicon.enWord.get(word) ?? [];
  const byStem = lexicon.enStem.get(stem);
  if (byStem || word.length < 2 * MIN_COMPOUND_HALF) return byStem ?? [];
  for (let cut = MIN_COMPOUND_HALF; cut <= word.length - MIN_COMPOUND_HALF; cut += 1) {
    const left = word.slice(0, cut);
    const right = word.slice(cut);
    const halves = [left, right].map((w) => (lexicon.known.has(w) ? lexicon.enWord.get(w) : lexicon.enStem.get(stemEnglish(w))));
    if (halves.every((h) => h !== undefined)) return halves.flatMap((h) => h ?? []);
  }
  return [];
}

/** A misspelt English word is taken for a word the lists know only this similar (letter trigrams, Dice). */
const MIN_ENGLISH_DICE = 0.6;
/** Shorter words are not corrected: a name is as near to a word ("attaf" ~ "attar"). */
const MIN_MISSPELT_LENGTH = 6;
/**
 * British spellings the word lists hold in their American form: prioritised, analysed, colour, centre. (Travelled
 * needs none: its stem is travel's.)
 */
const BRITISH: ReadonlyArray<readonly [RegExp, string]> = [
  [/is(e|ed|es|er|ers|ing|ation|ations|ational)$/, "iz$1"], [/ys(e|ed|es|ing)$/, "yz$1"], [/our(s?)$/, "or$1"], [/tre(s?)$/, "ter$1"],
];

/**
 * Chat shorthand for a word with one reading: "ppl", "govt", and the news's "asst", "amb", "intl" ("Asst SecState on
 * UNSC reform", blind set 63). (Not "rep", "dept" or "admin", measured: they moved answers to the wrong sentences;
 * docs/quality.md, session 42.)
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ["ppl", "people"],
  ["govt", "government"],
  ["asst", "assistant"],
  ["amb", "ambassador"],
  ["intl", "international"],
]);

/** Whether an English word is chat or news shorthand (see SHORTHAND): read so capitalised too ("the Asst SecState"). */
export const isShorthand = (word: string): boolean => SHORTHAND.has(word);

/** The word with each pair of neighbouring letters swapped, where they differ. */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i += 1) {
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/** What correcting an English word consults about the corpus (part of the query analysis's QueryContext). */
export interface SpellingContext {
  readonly lexicon: Lexicon;
  /** Whether the corpus indexes a key. */
  readonly has: (key: string) => boolean;
  /** The English words the word lists translate into the corpus, for a misspelt English question word. */
  readonly english: FuzzyVocabulary;
}

/** The keys of an English word the corpus holds: its translations, and its stem where the corpus writes it in English. */
export function heldEnglishKeys(word: string, context: Pick<SpellingContext, "lexicon" | "has">): string[] {
  const stem = stemEnglish(word);
  return [...translate(word, stem, context.lexicon), stem].filter(context.has);
}

/**
 * Adds the translations of the English word `word` stands for, among those the word lists translate into the
 * corpus: the word its chat shorthand is (SHORTHAND), its American spelling, itself with two neighbouring letters
 * swapped back, or else the nearest word (a slip keeps the length within one letter and the ending: "onboard" is no
 * "board", "apologised" no "apologist", "blinken" no "blinks"). Returns the similarity (1 for shorthand, a British
 * spelling or a swap, 0 when nothing is near enough).
 */
export function correctEnglish(word: string, keys: Set<string>, context: SpellingContext): number {
  // The word meant: its translations, and its stem where the corpus writes it in English (a tweet's "Rights").
  const add = (english: string): boolean => {
    const found = heldEnglishKeys(english, context);
    for (const k of found) keys.add(k);
    return found.length > 0;
  };
  const full = SHORTHAND.get(word);
  if (full !== undefined) return add(full) ? 1 : 0;
  for (const [british, american] of BRITISH) {
    const spelt = word.replace(british, american);
    if (spelt !== word && context.lexicon.known.has(spelt)) return add(spelt) ? 1 : 0;
  }
  if (word.length < MIN_MISSPELT_LENGTH) return 0;
  // Two letters swapped is the commonest slip, and the one letter trigrams see least ("secuirty" shares half of
  // "security"'s): a word the lists know so is the word, as a British spelling is.
  const swapped = transpositions(word).find((w) => context.lexicon.known.has(w));
  if (swapped !== undefined && add(swapped)) return 1;
  const nearest = context.english
    .similar(word, MIN_ENGLISH_DICE, Infinity)
    .find((w) => Math.abs(w.word.length - word.length) <= 1 && w.word.slice(-2) === word.slice(-2));
  return nearest && add(nearest.word) ? nearest.dice : 0;
}
