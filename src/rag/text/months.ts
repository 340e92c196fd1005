/**
 * The months' names, English and Arabic, in every naming the Arab world uses (Egypt's, the Levant's, the
 * Maghreb's). One list for the two readers of a month: ingest.ts finds one in a post's time stamp
 * (MONTH_PATTERNS), question-type.ts in a sentence (MONTH_WORDS, AMBIGUOUS_MONTH_WORDS).
 */

interface Month {
  /** As ISO 8601 writes it: "01" … "12". */
  readonly number: string;
  /** English's name, lower case. */
  readonly english: string;
  /** English's three-letter abbreviation ("Jan 23, 2023"), lower case. */
  readonly abbreviation: string;
  /** Arabic names as written (their hamza kept: آب is August, أب a father). */
  readonly arabic: readonly string[];
}

const MONTHS: readonly Month[] = [
  { number: "01", english: "january", abbreviation: "jan", arabic: ["يناير", "كانون الثاني", "جانفي"] },
  { number: "02", english: "february", abbreviation: "feb", arabic: ["فبراير", "شباط", "فيفري"] },
  { number: "03", english: "march", abbreviation: "mar", arabic: ["مارس", "آذار"] },
  { number: "04", english: "april", abbreviation: "apr", arabic: ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"] },
  { number: "05", english: "may", abbreviation: "may", arabic: ["مايو", "أيار", "ماي"] },
  { number: "06", english: "june", abbreviation: "jun", arabic: ["يونيو", "حزيران", "جوان"] },
  { number: "07", english: "july", abbreviation: "jul", arabic: ["يوليو", "تموز", "جويلية"] },
  { number: "08", english: "august", abbreviation: "aug", arabic: ["أغسطس", "اغسطس", "آب", "أوت", "اوت"] },
  { number: "09", english: "september", abbreviation: "sep", arabic: ["سبتمبر", "أيلول"] },
  { number: "10", english: "october", abbreviation: "oct", arabic: ["أكتوبر", "اكتوبر", "تشرين الأول"] },
  { number: "11", english: "november", abbreviation: "nov", arabic: ["نوفمبر", "تشرين الثاني"] },
  { number: "12", english: "december", abbreviation: "dec", arabic: ["ديسمبر", "كانون الأول"] },
];

/** Names that are also other words (مارس "practised", ماي "my", March and May): dates only by a number or a cue word. */
const AMBIGUOUS = ["march", "may", "مارس", "ماي", "آب"];

/** Arabic names read in a time stamp only as whole words: اوت is in التفاوت. */
const WHOLE_WORD_ONLY = new Set(["أوت", "اوت"]);

/** A month's names as one case-insensitive pattern for a time stamp line. */
function stampPattern({ english, abbreviation, arabic }: Month): RegExp {
  const arabicNames = arabic.map((name) => (WHOLE_WORD_ONLY.has(name) ? `(?<![\\u0621-\\u064A])${name}(?![\\u0621-\\u064A])` : name));
  // The abbreviation as a whole word; May's name is its abbreviation, so "may" is whole-word only (not "mayor").
  const englishNames = [...(english === abbreviation ? [] : [english]), `\\b${abbreviation}\\b`];
  return new RegExp([...arabicNames, ...englishNames].join("|"), "i");
}

/** Each month's pattern in a time stamp line, with its number ("01" … "12"), January first. */
export const MONTH_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = MONTHS.map((month) => [stampPattern(month), month.number]);

/**
 * The months' names as a sentence's words, those that name a month alone: English's and Arabic's names, a
 * two-word one by its first word (كانون, تشرين: الثاني and الأول alone are "second" and "first"); not the
 * abbreviations, nor AMBIGUOUS_MONTH_WORDS.
 */
export const MONTH_WORDS: ReadonlySet<string> = new Set(
  MONTHS.flatMap(({ english, arabic }) => [english, ...arabic.map((name) => name.split(" ")[0] ?? name)]).filter(
    (word) => !AMBIGUOUS.includes(word),
  ),
);

/** Month names that are also other words: a month only by a number or a cue word beside it ("in May", في مارس). */
export const AMBIGUOUS_MONTH_WORDS: ReadonlySet<string> = new Set(AMBIGUOUS);
