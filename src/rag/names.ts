/**
 * Where an Arabic question names a person or a place. Arabic writes no capitals: a title or a place's noun
 * (الرئيس, مدينة) is where a name follows, as a capital letter shows one in English.
 */
import { writtenReadings } from "./text/clitics.js";
import { normalizedSet } from "./text/normalize.js";
import { isStopword } from "./text/stopwords.js";
import type { Token } from "./text/tokenize.js";
import { hasArticle } from "./text/translit.js";

/**
 * Nouns a proper name follows, normalised: a kind of place (مدينة نيوكاسل, جزيرة كريت) or a person's title with
 * the article (الرئيس عبد المجيد تبون, السيدة سيسون). Not the nouns as often other words (ولاية, a term of office;
 * مقاطعة, a boycott; محافظة, keeping; جزر, carrots; ملك, property), nor a title without the article, which heads a
 * phrase (رئيس المجلس الوطني, the council's head).
 */
const NAMING_NOUNS = normalizedSet(`مدينة بلدة قرية جزيرة نهر جبل إقليم بحيرة عاصمة شارع
الرئيس الرئيسة الملك الملكة الأمير الأميرة السيد السيدة الشيخ الدكتور الجنرال الإمام البابا`);
/**
 * عبد before a word with the article begins a name of two words (عبد المجيد تبون, عبد الله): what follows is a name's,
 * wherever a title before it stands ("بالرئيس الجزائري عبد المجيد تبون"). Not before a word without it, which a text
 * may write joined (عبد ربه, the text's عبدربه: a review).
 */
const SERVANT = "عبد";
const namesFrom = (tokens: readonly Token[], at: number): boolean => {
  const word = tokens[at] as Token;
  if (word.text === SERVANT) return hasArticle(tokens[at + 1]?.text ?? "");
  return writtenReadings(word.text).some((r) => NAMING_NOUNS.has(r));
};
/** How far after its noun a name's words are looked for (الرئيس عبد المجيد تبون: تبون is the third). */
const NAME_REACH = 3;

/**
 * Whether the Arabic word at `i` names someone or somewhere after a title or a place's noun (NAMING_NOUNS, with و
 * or ف, ب or ل before it: بمدينة, بالرئيس): the name runs on from the noun, so every word between is, like this
 * one, no function word and `found` in none of the briefings (الرئيس عبد المجيد تبون; not علنا in "هل دعم الرئيس
 * بايدن الجزائر علنا؟", where the briefings name Biden). A word with the article is no name: after a title with it
 * the words are mostly its adjectives, definite as it is (الرئيس المقبل, الديمقراطي), though a name may carry it
 * too (الغزواني). The word lists are not asked: a serving process would parse them for the first such question.
 */
export function namedAfterNoun(tokens: readonly Token[], i: number, found: (token: Token) => boolean): boolean {
  const token = tokens[i];
  if (token?.script !== "ar" || isStopword(token.text) || hasArticle(token.text)) return false;
  for (let back = 1; back <= NAME_REACH; back += 1) {
    const before = tokens[i - back];
    if (before?.script !== "ar" || isStopword(before.text)) return false;
    if (namesFrom(tokens, i - back)) return true;
    if (found(before)) return false;
  }
  return false;
}
