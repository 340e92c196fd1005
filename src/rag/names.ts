/**
 * Where an Arabic question names a person or a place the word lists do not know. Arabic writes no capitals: a
 * title or a place's noun (الرئيس, مدينة) is where a name follows, as a capital letter shows one in English.
 */
import { arabicWords } from "./lexicon.js";
import { cliticReadings } from "./text/clitics.js";
import { normalizedSet } from "./text/normalize.js";
import { tokenKeys } from "./text/stem.js";
import { isStopword } from "./text/stopwords.js";
import type { Token } from "./text/tokenize.js";

/**
 * Nouns a proper name follows, normalised: a kind of place (مدينة نيوكاسل, جزيرة كريت) or a person's title with
 * the article (الرئيس عبد المجيد تبون, السيدة سيسون). Not the nouns as often other words (ولاية, a term of office;
 * مقاطعة, a boycott; محافظة, keeping; جزر, carrots; ملك, property), nor a title without the article, which heads a
 * phrase (رئيس المجلس الوطني, the council's head).
 */
const NAMING_NOUNS = normalizedSet(`مدينة بلدة قرية جزيرة نهر جبل إقليم بحيرة عاصمة شارع
الرئيس الرئيسة الملك الملكة الأمير الأميرة السيد السيدة الشيخ الدكتور الجنرال الإمام البابا`);
/** How far after its noun a name's words are looked for (الرئيس عبد المجيد تبون: تبون is the third). */
const NAME_REACH = 3;

/**
 * Whether the Arabic word at `i` names someone or somewhere after a title or a place's noun (NAMING_NOUNS, with و
 * or ف, ب or ل before it: بمدينة, بالرئيس), within NAME_REACH words of it with no function word between, and is
 * no word the word lists know: those after a title are mostly its adjectives (الرئيس المقبل, الديمقراطي) or a
 * name's common words (عبد المجيد), and the lists hold many names as well (نيوكاسل), which this leaves unread.
 */
export function namedAfterNoun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token?.script !== "ar" || isStopword(token.text) || isKnownWord(token)) return false;
  for (let back = 1; back <= NAME_REACH; back += 1) {
    const before = tokens[i - back];
    if (before?.script !== "ar" || isStopword(before.text)) return false;
    if ([before.text, ...cliticReadings(before.text, { prepositions: "بل" })].some((r) => NAMING_NOUNS.has(r))) return true;
  }
  return false;
}

/** Whether the word lists know the word, as written or after what may be clitics (لمجلس: مجلس), by its light stem. */
function isKnownWord(token: Token): boolean {
  const words = arabicWords();
  return [token.text, ...cliticReadings(token.text, { prepositions: "بل" })].some((text) => words.has(tokenKeys({ ...token, text })[0] ?? ""));
}
