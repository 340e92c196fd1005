/**
 * Where an Arabic question names a person or a place the word lists do not know. Arabic writes no capitals: a
 * title or a place's noun (الرئيس, مدينة) is where a name follows, as a capital letter shows one in English.
 */
import { cliticReadings } from "./text/clitics.js";
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
/** How far after its noun a name's words are looked for (الرئيس عبد المجيد تبون: تبون is the third). */
const NAME_REACH = 3;

/**
 * Whether the Arabic word at `i` names someone or somewhere after a title or a place's noun (NAMING_NOUNS, with و
 * or ف, ب or ل before it: بمدينة, بالرئيس), within NAME_REACH words of it with no function word between, and
 * carries no article: the words after a title with it are mostly its adjectives, definite as it is (الرئيس المقبل,
 * الديمقراطي, and a name's المجيد). Not asked of the word lists, which a question would then parse: an indefinite
 * adjective after a place's noun is read as a name (مدينة صغيرة), found nowhere only where the text never says it.
 */
export function namedAfterNoun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token?.script !== "ar" || isStopword(token.text) || hasArticle(token.text)) return false;
  for (let back = 1; back <= NAME_REACH; back += 1) {
    const before = tokens[i - back];
    if (before?.script !== "ar" || isStopword(before.text)) return false;
    if ([before.text, ...cliticReadings(before.text, { prepositions: "بل" })].some((r) => NAMING_NOUNS.has(r))) return true;
  }
  return false;
}
