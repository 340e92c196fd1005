/**
 * Phrases a question quotes from the text ("What did she mean by “listening tour”?", "شو قصدها بـ"جولة استماع"؟"):
 * the sentence that holds one word for word is the one asked about, whatever else the question's words find.
 */
import { isStopword } from "./stopwords.js";
import { tokenize } from "./tokenize.js";

/**
 * A phrase between quotation marks: double ones of any script, or single ones standing apart from letters (not an
 * apostrophe: "Sison's", "l'article"). Short ones too, so that the marks pair ("US" and "UN" are no phrase "and").
 */
const QUOTED = /["“”«»„]([^"“”«»„\n]{1,120})["“”«»„]|(?<!\p{L})['‘]([^'‘’\n]{1,120})['’](?!\p{L})/gu;
/** A quoted phrase needs this many words to say which sentence it is from: one word is a term like any other. */
const MIN_PHRASE_WORDS = 2;

/** The question's quoted phrases of two words or more, each as its tokens' normal forms. */
export function quotedPhrases(question: string): string[][] {
  const phrases: string[][] = [];
  for (const match of question.matchAll(QUOTED)) {
    const words = tokenize(match[1] ?? match[2] ?? "").map((t) => t.text);
    // Of function words alone ("in the") a phrase says nothing of which sentence.
    if (words.length >= MIN_PHRASE_WORDS && words.some((w) => !isStopword(w))) phrases.push(words);
  }
  return phrases;
}

/** Whether `text` holds `phrase` (normal forms, see quotedPhrases) word for word, its words in a row. */
export function holdsPhrase(text: string, phrase: readonly string[]): boolean {
  const words = tokenize(text).map((t) => t.text);
  for (let i = 0; i + phrase.length <= words.length; i += 1) if (phrase.every((w, j) => words[i + j] === w)) return true;
  return false;
}
