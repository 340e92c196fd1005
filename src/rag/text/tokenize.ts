/**
 * Splits text into matching tokens. Everything that is not an Arabic or Latin letter or a digit separates
 * tokens, so stray characters (the CJK "肯" inside "بلين肯", emoji, markup) never glue words together.
 */
import { foldDigits, INVISIBLE_CHARS, normalizeToken } from "./normalize.js";

export type Script = "ar" | "latin" | "digit";

export interface Token {
  /** Normalised form (see normalizeToken). */
  readonly text: string;
  readonly script: Script;
  /** The token as written, for telling a capitalised name from a common word. */
  readonly raw: string;
  /**
   * Written where a capital says nothing of names (a question in title case or in capitals, see withCaseOfNames in
   * analyze.ts): never capitalised for {@link isCapitalised}.
   */
  readonly caseless?: boolean;
}

// Arabic letters and marks (diacritics, tatweel, hamza seats), Latin letters (Vietnamese's precomposed ones too),
// their combining accents (a decomposed "résumé"), digits, the letters and digits NFKC folds to ASCII (full-width
// "ＡＬＧＥＲＩＡ", a tweet's bold "𝗕𝗿𝗲𝗮𝗸𝗶𝗻𝗴", a PDF's ligatures "ﬁ" and "ﬄ"), invisible characters (zero-width,
// bidi controls, soft hyphen) that normalisation removes, so they cannot split a word.
const LETTERS =
  "\\u0621-\\u065F\\u0670-\\u06D3\\u06D5-\\u06ED\\u06F0-\\u06F9\\u0660-\\u0669\\uFB50-\\uFDFF\\uFE70-\\uFEFCA-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F0-9\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFB00-\\uFB06\\u{1D400}-\\u{1D7FF}'’\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF";
/** Digits, ASCII, Arabic-Indic and Extended Arabic-Indic, as a character class's contents. */
const DIGITS = "0-9\\u0660-\\u0669\\u06F0-\\u06F9";
/** A thousands separator or decimal point, Latin or Arabic, as a character class's contents. */
const SEPARATORS = ",.\\u066B\\u066C";
/** A separator between two digits. */
const DIGIT_SEPARATOR = new RegExp(`(?<=[${DIGITS}])[${SEPARATORS}](?=[${DIGITS}])`, "gu");
/**
 * A run of word characters, a separator between digits included: kept where the digits make one number (NUMBER:
 * "1,000", "3.5"), cut otherwise (a date "12.03.2023", a list "2022,2023"; see numberPieces).
 */
const WORD = new RegExp(`(?:[${LETTERS}]|${DIGIT_SEPARATOR.source})+`, "gu");
/** Digits with separators between them: the part of a run ("بـ1.5", "و1,000", "1,500km") that may be one number. */
const DIGIT_SPAN = new RegExp(`[${DIGITS}](?:[${SEPARATORS}]?[${DIGITS}])*`, "gu");
/**
 * One number written with separators (digits folded): thousands in groups of three, with a decimal part or
 * without ("1,000", "1,160,000.5", "٣٬٥٠٠"), or in two groups or more after points ("1.000.000", as European
 * text writes it: a decimal has one point), a decimal point ("3.5", "٣٫٥"; not after a leading zero, "03.2023"
 * is a month and a year), or a decimal comma after at most three digits ("2,5").
 */
const NUMBER = /^(?:\d{1,3}(?:[,\u066C]\d{3})+(?:[.\u066B]\d+)?|\d{1,3}(?:\.\d{3}){2,}|(?!0\d)\d+[.\u066B]\d+|\d{1,3},\d{1,2})$/u;

/**
 * A matched run cut at the separators of each span of digits in it that makes no one number (a date, a list of
 * years); a span that is one number, with letters written onto it or not ("و1,000"), stays whole: [piece, offset].
 */
function numberPieces(run: string, at: number): [string, number][] {
  const cuts: number[] = [];
  for (const span of run.matchAll(DIGIT_SPAN)) {
    if (NUMBER.test(foldDigits(span[0]))) continue;
    for (const separator of span[0].matchAll(DIGIT_SEPARATOR)) cuts.push(span.index + separator.index);
  }
  if (cuts.length === 0) return [[run, at]];
  const pieces: [string, number][] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push([run.slice(from, cut), at + from]);
    from = cut + 1;
  }
  pieces.push([run.slice(from), at + from]);
  return pieces;
}

/** French's elided article or preposition before a vowel ("l'article", "d'Algérie"): the word is what follows. */
const ELIDED = /^(?:l|d|qu)['’](?=[aeiouyhàâéèêëîïôûœ])/;
/** "she'd", "they'll", "we're", "I'm": a pronoun and an auxiliary, read as the pronoun (not "shed", "hell"). */
const CONTRACTION = /^(i|you|he|she|it|we|they|who|what|that|there|where|how)['’](?:d|ll|re|ve|m)$/;

/** Apostrophes and invisible characters (zero-width, bidi controls, soft hyphen): no part of a word at its edges. */
const EDGE = new RegExp(`^['’${INVISIBLE_CHARS}]$`, "u");

/**
 * The word in `piece` without what stands at its edges (EDGE), and where it starts in `piece`. By a loop from each
 * end: a pattern anchored at the end is tried at every position of a run of them (40,000 zero-width spaces: 3 s).
 */
function trimEdges(piece: string): { lead: number; raw: string } {
  let start = 0;
  let end = piece.length;
  while (start < end && EDGE.test(piece[start] as string)) start += 1;
  while (end > start && EDGE.test(piece[end - 1] as string)) end -= 1;
  return { lead: start, raw: piece.slice(start, end) };
}

// The page runs words together after a final form ("السفيرةليندا", "السفيرةُليندا"): ة and ى, with their
// diacritics, only ever end a word. (The look back is bounded, here and below: unbounded, it went over a long run
// of marks or invisible characters again at each of its positions.)
const RUN_ON = /(?<=[\u0629\u0649][\u064B-\u065F\u0670]{0,8})(?=[\u0621-\u064A])/u;
/** Arabic letters with their marks and tatweel, presentation forms included, as a character class's contents. */
const ARABIC = "\\u0621-\\u065F\\u0670-\\u06D3\\u06D5-\\u06ED\\uFB50-\\uFDFF\\uFE70-\\uFEFC";
/** Latin letters with their accents (full-width, styled and ligatures too; no digits), as a character class's contents. */
const LATIN = "A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFB00-\\uFB06\\u{1D400}-\\u{1D7CB}";
/** What a word may hold between its letters without being one script or the other. */
const NEITHER = `'’${INVISIBLE_CHARS}`;
// Latin and Arabic letters written together ("Algeriaالجزائر") are two words, whose keys match nothing as one.
// Digits glued to either stay with it ("2023م", "COVID19", "ال1").
const SCRIPT_CHANGE = `(?<=[${LATIN}][${NEITHER}]{0,8})(?=[${ARABIC}])|(?<=[${ARABIC}][${NEITHER}]{0,8})(?=[${LATIN}])`;
/** Where a matched run holds two words: after a final form (RUN_ON), or where the script changes. */
const WORD_BREAK = new RegExp(`${RUN_ON.source}|${SCRIPT_CHANGE}`, "u");
/** A Latin word's first character. */
const LATIN_START = new RegExp(`^[${NEITHER}]*[${LATIN}]`, "u");
/** Clitics alone (normalised): و or ف, ب ل or ك, the article; written onto a Latin word they are not a word ("والـUN"). */
const CLITICS_ONLY = /^[\u0648\u0641]?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644|[\u0628\u0644\u0643])?$/u;

function scriptOf(text: string): Script {
  if (/[\u0621-\u064A]/.test(text)) return "ar";
  if (/[a-z\u00E0-\u024F\u1E00-\u1EFF]/.test(text)) return "latin";
  return "digit";
}

// "US" and "U.S." are the country, not the pronoun: read them as the word the dictionary knows. So are "usa", "u.s.",
// and "us" after "the" ("what does the us think"), as people type them: the pronoun never stands there.
const COUNTRY_EN = /\b[Uu]\.[Ss]\.(?:[Aa]\.?)?(?![A-Za-z])|\bUSA?\b|\busa\b|(?<=\b[Tt]he\s+)us\b|\b[Uu]nited\s+[Ss]tates(?:\s+of\s+[Aa]merica)?\b(?!\s+of\b)/g;
/** Arabic marks (diacritics, tatweel), which may stand between a word's letters, as a character class. */
const MARK_CLASS = "[\\u064B-\\u065F\\u0670\\u0640]";
const MARKS = new RegExp(MARK_CLASS, "u");
/** An Arabic word as written: any of its letters may carry marks. */
const marked = (word: string): string => [...word].map((c) => `${c}${MARK_CLASS}*`).join("");
// And its two words, الولايات المتحدة, each one word of a name the briefings write أمريكا, read as that: alone,
// "الولايات" is a word for states and "المتحدة" the United Nations' word. With a conjunction or a preposition
// joined ("والولايات", "بالولايات", "للولايات"), which the one word stands without. Not Mexico's official name,
// الولايات المتحدة المكسيكية, nor "the United States of Indonesia".
const COUNTRY_AR = new RegExp(
  `(?<![\\u0621-\\u064A])(?:[وف][\\u064B-\\u065F]*)?(?:${["ال", "بال", "لل", "كال"].map(marked).join("|")})${marked("ولايات")}\\s+${marked("المتحد")}[ةه][\\u064B-\\u065F]*(?![\\u0621-\\u064A])(?!\\s+${marked("المكسيكي")})`,
  "gu",
);
/** A cheap test for the name's first word, before COUNTRY_AR is run. */
const STATES_AR = new RegExp(marked("ولاي"), "u");
const AMERICA = { latin: normalizeToken("America"), ar: normalizeToken("أمريكا") } as const;

/** Whether the word is written with a capital, whatever Token.caseless says of it. */
export const isWrittenCapitalised = (token: { readonly raw: string }): boolean => /^\p{Lu}/u.test(token.raw);

/** Whether the text wrote the word with a capital (a name, inside an English sentence). */
export const isCapitalised = (token: Token | undefined): boolean => token !== undefined && !token.caseless && isWrittenCapitalised(token);

/** A token with its offsets in the text it was read from. */
export interface PlacedToken extends Token {
  readonly start: number;
  readonly end: number;
}

/** Matching tokens of `text`, in order. */
export function tokenize(text: string): Token[] {
  return tokenizePlaced(text).map(({ text: t, script, raw }) => ({ text: t, script, raw }));
}

/**
 * Matching tokens of `text` with their offsets in it. "US", "USA" and "U.S." are one token each, the word the
 * dictionary knows ("america"), placed and written (`raw`) as the text has them: a reader is shown "US" matched,
 * and a tweet's "U.S." is a word to highlight.
 */
export function tokenizePlaced(text: string): PlacedToken[] {
  const words = wordTokens(text);
  const latin = /U|us|u\.|nited/.test(text);
  // Written without marks, the name's first word holds لاي; the pattern reads it with them.
  const arabic = text.includes("لاي") || (MARKS.test(text) && STATES_AR.test(text));
  if (!latin && !arabic) return words;
  const found = (pattern: RegExp, script: "latin" | "ar") =>
    [...text.matchAll(pattern)].map((m) => ({ text: AMERICA[script], script, start: m.index, end: m.index + m[0].length, raw: m[0] }));
  const countries: PlacedToken[] = [...(latin ? found(COUNTRY_EN, "latin") : []), ...(arabic ? found(COUNTRY_AR, "ar") : [])];
  if (countries.length === 0) return words;
  const inCountry = (t: PlacedToken): boolean => countries.some((c) => t.start < c.end && c.start < t.end);
  return [...words.filter((t) => !inCountry(t)), ...countries].sort((a, b) => a.start - b.start);
}

function wordTokens(text: string): PlacedToken[] {
  const tokens: PlacedToken[] = [];
  for (const match of text.matchAll(WORD)) {
    for (const [run, runAt] of numberPieces(match[0], match.index)) wordTokensOf(run, runAt, tokens);
  }
  return tokens;
}

/** The tokens of one matched run at offset `at`, appended to `tokens`: words the page ran together split. */
function wordTokensOf(run: string, start: number, tokens: PlacedToken[]): void {
  let at = start;
  const pieces = run.split(WORD_BREAK);
  pieces.forEach((piece, i) => {
    // Quotes and invisible characters at a word's edges are not the word: not shown as matched, not its raw.
    const { lead, raw } = trimEdges(piece);
    const normal = normalizeToken(raw).replace(CONTRACTION, "$1").replace(ELIDED, "").replace(/['’]s$/, "").replace(/['’]/g, "");
    const prefix = CLITICS_ONLY.test(normal) && LATIN_START.test(pieces[i + 1] ?? "");
    if (normal && !prefix && !(normal.length === 1 && /[a-z]/.test(normal))) {
      tokens.push({ text: normal, script: scriptOf(normal), raw, start: at + lead, end: at + lead + raw.length });
    }
    at += piece.length;
  });
}
