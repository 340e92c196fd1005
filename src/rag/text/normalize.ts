/**
 * Normalisation for matching only: quotes are always sliced from the untouched source, never from this.
 */

/** Diacritics but fathatan (U+064B), which the -an ending below is told by; then fathatan itself. */
const MARKS = /[\u0610-\u061A\u064C-\u065F\u0670\u06D6-\u06ED]/g;
const FATHATAN = /\u064B/g;
/**
 * The accusative ending -an written with its alif and fathatan ("سكانًا", "دوراً"): the alif is the seat of the
 * case ending, not part of the word. Without the mark it cannot be told from a word's own alif (أمريكا), and
 * a short word keeps it (عصًا, جدًّا), as its alif may be its own.
 */
const TANWEEN_ALIF = /(?<=[\u0621-\u064A]{3})(?:\u064B\u0627|\u0627\u064B)$/u;
const TATWEEL = /\u0640/g;
/** A Latin letter with an accent, precomposed or followed by its combining mark. */
const LATIN_ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]|[a-z][\u0300-\u036F]/u;
/** Invisible characters (soft hyphen, zero-width, bidi controls, BOM) as a character class's contents. */
export const INVISIBLE_CHARS = "\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF";
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, "g");

const LETTER_MAP: Readonly<Record<string, string>> = {
  "\u0622": "\u0627", // آ -> ا
  "\u0623": "\u0627", // أ -> ا
  "\u0625": "\u0627", // إ -> ا
  "\u0671": "\u0627", // ٱ -> ا
  "\u0672": "\u0627",
  "\u0673": "\u0627",
  "\u0624": "\u0648", // ؤ -> و
  "\u0626": "\u064A", // ئ -> ي
  "\u0649": "\u064A", // ى -> ي
  "\u0629": "\u0647", // ة -> ه
  "\u06A9": "\u0643", // ک -> ك
  "\u0686": "\u0643", // چ -> ك: the Iraqi and Gulf ch of كان، حكى، كم (چان، حچى، چم)
  "\u06AF": "\u0642", // گ -> ق: the Iraqi, Gulf and Maghrebi g of قال، قداش (گال، گداش)
  "\u06CC": "\u064A", // ی -> ي
  "\u06C1": "\u0647", // ہ -> ه
  // What Persian, Urdu and Kurdish keyboards type for ة or a final ه, folded as ة is: NFKC keeps each composed.
  "\u06C0": "\u0647", // ۀ (heh with yeh above, Persian) -> ه
  "\u06C2": "\u0647", // ۂ (heh goal with hamza above, Urdu) -> ه
  "\u06C3": "\u0647", // ۃ (teh marbuta goal, Urdu) -> ه
  "\u06D5": "\u0647", // ە (ae, Kurdish) -> ه
};

/** Folds Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits to ASCII. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/**
 * One token's matching form: lower case, NFKC (presentation forms), no diacritics, tatweel or invisible
 * characters, alef/hamza forms folded to bare letters, ى -> ي, ة (and ۀ ۂ ۃ ە) -> ه, ASCII digits, an Arabic letter
 * repeated three times or more written once.
 */
export function normalizeToken(token: string): string {
  const lower = token.normalize("NFKC").toLowerCase();
  // Latin letters without their accents ("Pérez" is "Perez", "İlham" "ilham", "Erdoğan" "erdogan"); Arabic
  // letters never meet this (their marks go below, their hamza seats are folded by LETTER_MAP).
  const latin = LATIN_ACCENTED.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC") : lower;
  const folded = foldDigits(latin)
    .replace(TATWEEL, "")
    .replace(INVISIBLE, "")
    .replace(MARKS, "")
    .replace(TANWEEN_ALIF, "")
    .replace(FATHATAN, "")
    // An Arabic letter drawn out in chat ("شوووو", "لييييش") is one: no word writes one three times. Before the
    // seats are folded, which make three of بيئي's ي.
    .replace(/([\u0621-\u064A])\1{2,}/g, "$1");
  let out = "";
  for (const ch of folded) out += LETTER_MAP[ch] ?? ch;
  return out
    .replace(/\u0621/g, "") // a lone hamza carries no meaning once the seats are folded
    .replace(/(?<=\d)[,\u066C](?=\d{3}(?!\d))/g, "") // thousands separators: "1,000" is 1000
    .replace(/(?<![\d.])\d{1,3}(?:\.\d{3}){2,}(?![\d.])/g, (n) => n.replaceAll(".", "")) // and points in two groups or more: "1.000.000"
    .replace(/(?<=\d)[,.\u066B](?=\d)/g, "."); // a decimal point or comma: "٣٫٥" and "3,5" are 3.5
}

/**
 * A token as written, its hamza seats kept: NFKC (presentation forms; a combining hamza joined to its alef),
 * without diacritics, tatweel or invisible characters. For what the matching form folds away (وأ against وا).
 */
export function writtenForm(token: string): string {
  return token.normalize("NFKC").replace(TATWEEL, "").replace(INVISIBLE, "").replace(MARKS, "").replace(FATHATAN, "");
}

/** The words of a white-space separated list, each in its matching form (see normalizeToken). */
export function normalizedSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(normalizeToken));
}

/**
 * A normalised Arabic word without a first و or ف, the conjunction a sentence may join to it, where two letters or more
 * are left (وقالت: قالت). The letter may be the word's own (وزير: زير): callers look the rest up in a list.
 */
export const withoutConjunction = (word: string): string => (/^[وف]../u.test(word) ? word.slice(1) : word);

/** Whether `words` holds a normalised word as written or without a joined و or ف (see withoutConjunction): "ووين". */
export const holdsWord = (words: ReadonlySet<string>, word: string): boolean => words.has(word) || words.has(withoutConjunction(word));
