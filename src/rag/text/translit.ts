/**
 * A consonant skeleton shared by Latin and Arabic spellings of one name (Mistura ~ ميستورا -> MSTR,
 * Lamamra ~ لعمامرة -> LMMR). It is matched only across scripts: within one script it makes false matches.
 */
import { cliticReadings } from "./clitics.js";
import { isStopword } from "./stopwords.js";
import type { PlacedToken, Token } from "./tokenize.js";

const LATIN_DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/sch|sh|ch/g, "S"],
  [/th|dh/g, "T"],
  [/kh/g, "H"],
  [/gh/g, "G"],
  [/ph/g, "F"],
  [/ck|qu/g, "K"],
  [/c(?=[eiy])/g, "S"],
  [/x/g, "KS"],
];

const LATIN: Readonly<Record<string, string>> = {
  b: "B", p: "B", t: "T", d: "T", j: "G", g: "G", h: "H", s: "S", c: "K", z: "Z",
  f: "F", v: "F", q: "K", k: "K", l: "L", m: "M", n: "N", r: "R",
};

const ARABIC: Readonly<Record<string, string>> = {
  "ب": "B", "ت": "T", "ط": "T", "ث": "T", "د": "T", "ض": "T", "ذ": "T", "ظ": "Z", "ج": "G", "غ": "G",
  "ح": "H", "ه": "H", "خ": "H", "س": "S", "ص": "S", "ش": "S", "ز": "Z", "ف": "F", "ق": "K", "ك": "K",
  "ل": "L", "م": "M", "ن": "N", "ر": "R",
};

/** Doubled letters are one consonant (ff, ss, mm); collapsed before vowels go, so Sison keeps both s. */
const collapse = (s: string): string => s.replace(/(.)\1+/g, "$1");

/** Skeleton of a normalised Latin word; vowels, w and y carry no consonant. */
export function latinSkeleton(word: string): string {
  let w = collapse(word.toLowerCase());
  for (const [pattern, symbol] of LATIN_DIGRAPHS) w = w.replace(pattern, symbol);
  let out = "";
  for (const ch of w) out += /[A-Z]/.test(ch) ? ch : (LATIN[ch] ?? "");
  return out;
}

/**
 * The article, alone or after و, ب or ل, where two letters follow it. Not after ك or ف, as the stemmer's list
 * has it: names begin so (كاليفورنيا California, فالنسيا Valencia), and a name's letters are what this reads.
 */
const ARTICLE = /^(وال|بال|لل|ال)(?=..)/;

const withoutArticle = (word: string): string => word.replace(ARTICLE, "");

/** Whether a normalised Arabic word carries the article (المسؤولة, بالجزائر). */
export const hasArticle = (word: string): boolean => ARTICLE.test(word);

/** Skeleton of a normalised Arabic word: the article and a final ة (normalised to ه) are dropped. */
export function arabicSkeleton(word: string): string {
  let w = withoutArticle(collapse(word));
  if (w.length > 2) w = w.replace(/ه$/, "");
  let out = "";
  for (const ch of w) out += ARABIC[ch] ?? "";
  return out;
}

/** Skeletons shorter than this match too much to be evidence of a name. */
export const MIN_SKELETON = 3;
/**
 * What is left of a word after what may be clitics reads as a name with four consonants, or three and two long
 * vowels (لباريس, وسيسون, وموسكو): the rest of an ordinary word is mostly shorter or writes fewer vowels, and
 * would meet names in the other script (فرنسا -> رنسا ~ "runs", لبنان -> بنان ~ "Benin", لذلك -> ذلك ~ "talk").
 */
const CLITIC_REST = { consonants: 4, orConsonants: 3, withVowelGroups: 2 } as const;
/**
 * A name may have a two-consonant skeleton ("Gaga" ~ غاغا, "Bowl" ~ بول): indexed for Arabic
 * words, looked up only for a word that reads as a name and only with its vowel groups as written.
 */
export const MIN_NAME_SKELETON = 2;

/**
 * Arabic script writes long vowels only, so an Arabic spelling of a name has at most as many vowel groups as
 * the Latin one ("سيسون" 2, "Sison" 2) and starts with a vowel letter exactly when the Latin one does. A
 * name key carries both: the consonant skeleton alone matches too many ordinary words ("أساسيين" is SSN too).
 */
const arabicVowelGroups = (word: string): number => word.match(/[اويع]+/g)?.length ?? 0;
const latinVowelGroups = (word: string): number => word.match(/[aeiouy]+/g)?.length ?? 0;

/** The skeleton, vowel groups and initial-vowel mark of a normalised Arabic word without its article. */
function arabicNameParts(stripped: string): { skeleton: string; groups: number; initial: string } {
  const initial = /^[اع]/.test(stripped) ? "v" : "";
  return { skeleton: arabicSkeleton(stripped), groups: arabicVowelGroups(stripped.replace(/^[اع]/, "")), initial };
}

/** The name key of a normalised Arabic word without its article, or undefined when its skeleton is shorter than `minimum`. */
function nameKeyOf(stripped: string, minimum: number): string | undefined {
  const { skeleton, groups, initial } = arabicNameParts(stripped);
  return skeleton.length < minimum ? undefined : `${skeleton}:${groups}${initial}`;
}

/** Whether the rest of a word after what may be clitics reads as a name (see CLITIC_REST) and is not a function word. */
function readsAsName(rest: string): boolean {
  if (isStopword(rest)) return false;
  const { skeleton, groups } = arabicNameParts(rest);
  return skeleton.length >= CLITIC_REST.consonants || (skeleton.length >= CLITIC_REST.orConsonants && groups >= CLITIC_REST.withVowelGroups);
}

/**
 * The word without its article, then what is left after each reading of its first letters as clitics (without an
 * article there too) where that reads as a name.
 */
function withoutClitics(word: string): [string, ...string[]] {
  const rests = cliticReadings(word).map(withoutArticle).filter(readsAsName);
  const own = withoutArticle(word);
  return [own, ...new Set(rests.filter((rest) => rest !== own))];
}

/**
 * The name keys of a normalised Arabic word: its own without the article (none when its skeleton is shorter
 * than `minimum`), and those of the rest after each reading of its first letters as clitics ("بكاليفورنيا" is
 * also California's) where the rest reads as a name (see CLITIC_REST). `conjunction`: the word as written begins
 * with a conjunction (و or ف before a hamza, وأمريكا), so only the rests are names: read whole, its و would be a
 * vowel and the hamza a consonant's place (وأمريكا ~ "Morocco").
 */
export function arabicNameKeys(word: string, minimum = MIN_NAME_SKELETON, { conjunction = false } = {}): string[] {
  const { own, rests } = arabicNameKeyParts(word, minimum, { conjunction });
  return [...new Set(own === undefined ? rests : [own, ...rests])];
}

/**
 * arabicNameKeys in its parts: the key of the word itself (without the article), unless a rest has it too, and the
 * keys of the rests after what may be clitics.
 */
export function arabicNameKeyParts(word: string, minimum = MIN_NAME_SKELETON, { conjunction = false } = {}): { own: string | undefined; rests: string[] } {
  const [whole, ...after] = withoutClitics(word);
  const rests = [...new Set(after.map((rest) => nameKeyOf(rest, MIN_SKELETON)).filter((k) => k !== undefined))];
  const own = conjunction ? undefined : nameKeyOf(whole, minimum);
  return { own: own !== undefined && rests.includes(own) ? undefined : own, rests };
}

/** The name key of a normalised Latin word (as indexed for English text), or undefined. */
export function latinNameKey(word: string): string | undefined {
  const skeleton = latinSkeleton(word);
  if (skeleton.length < MIN_SKELETON) return undefined;
  return `${skeleton}:${latinVowelGroups(word.replace(/^[aeiou]/, ""))}${/^[aeiou]/.test(word) ? "v" : ""}`;
}

/**
 * Every Arabic name key a Latin word may be spelled as; `name`: the word reads as a name, so a short skeleton
 * is tried too (with its vowel groups as written). A final single s is often sounded z and written ز
 * (Steelers ستيلرز, Jones جونز, Williams ويليامز), so its skeleton ending in Z is tried as well, and so is a
 * single s between vowels (Joseph جوزيف) (from three consonants; a two-consonant name's skeleton is taken as written).
 */
export function arabicKeysForLatin(word: string, name = false): string[] {
  const skeleton = latinSkeleton(word);
  if (skeleton.length < (name ? MIN_NAME_SKELETON : MIN_SKELETON)) return [];
  const initial = /^[aeiou]/.test(word) ? "v" : "";
  const groups = latinVowelGroups(word.replace(/^[aeiou]/, ""));
  if (skeleton.length < MIN_SKELETON) return [`${skeleton}:${groups}${initial}`];
  const spellings = new Set([word, word.replace(/(?<=[aeiouy])s(?=[aeiouy])/g, "z")]);
  const skeletons = new Set([...spellings].flatMap((w) => {
    const bones = latinSkeleton(w);
    return /[^s]s$/.test(w) ? [bones, bones.replace(/S$/, "Z")] : [bones];
  }));
  return [...skeletons].flatMap((bones) => Array.from({ length: groups + 1 }, (_, g) => `${bones}:${g}${initial}`));
}

/** Every Latin name key an Arabic word may be spelled as. */
export function latinKeysForArabic(word: string): string[] {
  return latinKeysOf(withoutClitics(word));
}

/**
 * The Latin name keys of readings of an Arabic word (its clitics read off): each skeleton with as many vowel groups
 * or up to three more.
 */
function latinKeysOf(stripped: readonly string[]): string[] {
  const keys = stripped.flatMap((rest) => {
    const { skeleton, groups, initial } = arabicNameParts(rest);
    if (skeleton.length < MIN_SKELETON) return [];
    return Array.from({ length: 4 }, (_, extra) => `${skeleton}:${groups + extra}${initial}`);
  });
  return [...new Set(keys)];
}

/**
 * The name keys of what is left after each reading of a word's first letters as clitics, however few vowels it
 * writes, which CLITIC_REST's bar leaves unread ("بمهدي", with Mehdi): for a word found nowhere as written, beside a
 * name (see unfoundWordKeys). Not the word without its article alone, which latinKeysForArabic reads (and leaves a
 * country's name unread: المغرب is not the tweets' "Maghreb").
 */
export function cliticRestLatinKeys(word: string): string[] {
  const own = withoutArticle(word);
  return latinKeysOf(cliticReadings(word).map(withoutArticle).filter((rest) => rest !== own && !isStopword(rest)));
}

/**
 * Latin letters by the Arabic spelling of their names (normalised), as Arabic writes an acronym letter by letter
 * (ABC أيه بي سي, NTL إن تي إل, CBS سي بي إس); a spelling read as several letters (اي: A, E or I; بي: B or P).
 */
const LETTER_NAMES: ReadonlyMap<string, string> = new Map([
  ["ايه", "a"], ["اي", "aei"], ["بي", "bp"], ["سي", "c"], ["دي", "d"], ["اف", "f"], ["ايف", "f"], ["جي", "gj"],
  ["اتش", "h"], ["ايتش", "h"], ["جيه", "j"], ["جاي", "j"], ["كيه", "k"], ["كاي", "k"], ["ال", "l"], ["ايل", "l"],
  ["ام", "m"], ["ايم", "m"], ["ان", "n"], ["اين", "n"], ["او", "o"], ["كيو", "q"], ["ار", "r"], ["اس", "s"],
  ["ايس", "s"], ["تي", "t"], ["يو", "u"], ["في", "v"], ["دبليو", "w"], ["اكس", "x"], ["ايكس", "x"], ["واي", "y"],
  ["زد", "z"],
]);
/**
 * Letter names that are also common words (في "in", أو "or", إن "that", أي "which", أين "where", وأي, أم "or",
 * the article): a run of only these spells nothing, and one at either end of a run may be a word of the sentence.
 */
const WORD_LIKE_LETTERS: ReadonlySet<string> = new Set(["في", "او", "ان", "اي", "اين", "واي", "ام", "ال"]);
/** Letters of a spelt acronym: a longer run of letter names is something else. */
const ACRONYM_LETTERS = { min: 2, max: 5 } as const;
/** Readings of one run at most (each ambiguous letter name multiplies them). */
const MAX_ACRONYM_READINGS = 8;
/** What a run's first word may carry before its letter name: "and", "for", "by", "so", "like" (وإن بي سي, لأيه بي سي). */
const CLITIC_BEFORE_LETTER = /^[وفلبك]/;

/** The letter name a token spells, with a clitic before it when it opens a run; undefined for any other word. */
function letterName(word: string, opensRun: boolean): string | undefined {
  if (LETTER_NAMES.has(word)) return word;
  const rest = word.slice(1);
  return opensRun && CLITIC_BEFORE_LETTER.test(word) && LETTER_NAMES.has(rest) ? rest : undefined;
}

/** Whether two letter names stand side by side in `tokens`, not both common words: where a spelt acronym may be. */
export function mayHoldAcronym(tokens: readonly Token[]): boolean {
  return tokens.some((token, at) => {
    const next = tokens[at + 1];
    const first = letterName(token.text, true);
    return first !== undefined && next !== undefined && LETTER_NAMES.has(next.text) && !(WORD_LIKE_LETTERS.has(first) && WORD_LIKE_LETTERS.has(next.text));
  });
}

/** A run of Arabic letter names spelling a Latin acronym: its first and last token (positions) and its readings. */
export interface SpeltAcronym {
  readonly first: number;
  readonly last: number;
  /** The acronym in lower-case Latin letters, each way its ambiguous letter names read ("abc", "apc"). */
  readonly readings: readonly string[];
}

/**
 * The Latin acronyms spelt letter by letter in `tokens` (of `text`), one list per run of letter names written with
 * nothing but spaces between them (its first may carry a clitic: وإن بي سي is "and NBC"): the whole run, then the
 * run without a common word at either end ("أيه بي سي إن" is ABC and "that"); each of two to five letters, not all
 * of them common words ("في أي" is "in which").
 */
export function speltAcronyms(tokens: readonly PlacedToken[], text: string): SpeltAcronym[][] {
  const out: SpeltAcronym[][] = [];
  let i = 0;
  while (i < tokens.length) {
    const names: string[] = [];
    for (let j = i, previous: PlacedToken | undefined; j < tokens.length; j += 1) {
      const token = tokens[j] as PlacedToken;
      const name = letterName(token.text, j === i);
      if (name === undefined || (previous && text.slice(previous.end, token.start).trim() !== "")) break;
      names.push(name);
      previous = token;
    }
    const n = names.length;
    const wordLike = (at: number): boolean => WORD_LIKE_LETTERS.has(names[at] as string);
    const spans: [number, number][] = [[0, n - 1]];
    if (n > 1 && wordLike(n - 1)) spans.push([0, n - 2]);
    if (n > 1 && wordLike(0)) spans.push([1, n - 1]);
    if (n > 2 && wordLike(0) && wordLike(n - 1)) spans.push([1, n - 2]);
    const variants: SpeltAcronym[] = [];
    for (const [from, to] of spans) {
      const run = names.slice(from, to + 1);
      if (run.length < ACRONYM_LETTERS.min || run.length > ACRONYM_LETTERS.max || run.every((name) => WORD_LIKE_LETTERS.has(name))) continue;
      let readings = [""];
      for (const name of run) readings = readings.flatMap((r) => [...(LETTER_NAMES.get(name) ?? "")].map((letter) => r + letter));
      if (readings.length <= MAX_ACRONYM_READINGS) variants.push({ first: i + from, last: i + to, readings });
    }
    if (variants.length > 0) out.push(variants);
    i += Math.max(n, 1);
  }
  return out;
}
