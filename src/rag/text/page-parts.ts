/**
 * The parts of a scraped news page that a question may ask about, beside its text, and the questions that do:
 * - a report's dateline, which names the outlet that ran it ("الجزائر- “القدس العربي”:", "ALGIERS (Reuters) -"),
 *   asked for by "Which newspaper ran this report?", "أي صحيفة نشرت هذا التقرير؟". "newspaper" and صحيفة are function
 *   words elsewhere ("How did the newspaper describe her visit?"): only a question asking which one looks for it;
 * - an embedded post's reply counter ("٣٨٩ رد ⚬ نسخ الرابط"), kept with its post by ingest, asked for by "How many
 *   replies did her tweet get?", "كم عدد الردود على تغريدتها؟".
 */
import { normalizedSet } from "./normalize.js";
import type { Token } from "./tokenize.js";

/**
 * A place of one to four words, a dash, and the outlet in quotation marks ("الجزائر- “القدس العربي”:"), or a
 * place and the outlet in brackets before a dash or a colon ("ALGIERS (Reuters) -", "بيروت (أ ف ب) -"), at the
 * start of a sentence.
 */
const DATELINE = /^\s*\p{L}[\p{L}\p{M}.' ]{0,40}?(?:\s*[-–—]\s*[“"«„]\s*\p{L}[^”"»“\n]{0,40}[”"»“]\s*[:：-]?|\s*\([^()\d\n]{1,30}\)\s*[-–—:])/u;

/** Whether `sentence` opens with a dateline naming its outlet. */
export const opensWithDateline = (sentence: string): boolean => DATELINE.test(sentence);

/** Words for a news outlet, in both languages (normal forms; a written ال or clitic is read off by normalisation). */
const OUTLET_WORDS = normalizedSet("newspaper newspapers outlet publication publisher صحيفة الصحيفة جريدة الجريدة");

/** The words that ask which one: "which newspaper", "what outlet", "أي صحيفة", "ما اسم الجريدة", "شو اسم الجريدة". */
const WHICH = normalizedSet("which what whats name اي ما ماهي شو ايش اسم انهي واش شنو وش شنهي");

/** How far before the outlet word its question word may be ("which news outlet", "ما هو اسم الصحيفة"). */
const WHICH_WINDOW = 3;

/** The outlet word of a question that asks which outlet ran the report, or undefined. */
export function askedOutlet(tokens: readonly Token[]): Token | undefined {
  return tokens.find((token, i) => OUTLET_WORDS.has(token.text) && tokens.slice(Math.max(0, i - WHICH_WINDOW), i).some((t) => WHICH.has(t.text)));
}

/**
 * What else a question asking for the outlet says of the report itself, which the dateline answers or which
 * is no word of it: "ran this report", "published the story", "ما اسم الجريدة التي نشرت الخبر؟" (نشرت also asks
 * for a tweet's account), "from which city" (the dateline's place).
 */
const REPORT_WORDS = normalizedSet(`ran run runs published publish publishes carried carries printed report story piece name
city نشرت نشر تنشر نشرته نشرها التقرير تقرير الخبر خبر القصة اسم مدينة`);

/**
 * Whether `token`, in a question asking for the outlet, is looked for in the dateline alone: the outlet word
 * itself, or a word on the report (see REPORT_WORDS).
 */
export const asksOfTheDateline = (token: Token): boolean => OUTLET_WORDS.has(token.text) || REPORT_WORDS.has(token.text);

/**
 * A post's reply counter at the start of a line or sentence, as the page writes it ("٣٨٩ رد ⚬ نسخ الرابط", "١٩٦ رد
 * [نسخ الرابط](#)", "389 replies"): the count and its word.
 */
export const REPLY_COUNTER = /^[\d٠-٩۰-۹]+ (?:ردود|ردًا|ردا|رد|replies|reply)(?!\p{L})/iu;

/** Words for a post's replies (normal forms): with a count asked for, they look for its reply counter. */
const REPLY_WORDS = normalizedSet("reply replies responses comments رد ردود الردود ردا تعليق تعليقات التعليقات");

/** Whether `token` names a post's replies (see REPLY_WORDS). */
export const namesReplies = (token: Token): boolean => REPLY_WORDS.has(token.text);
