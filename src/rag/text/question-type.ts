/**
 * What kind of answer a question asks for, from its question words alone (English and Arabic, formal and
 * dialect): a quantity, a time, a person or a place. Sentences holding that kind of thing are favoured.
 */
import { cliticReadings } from "./clitics.js";
import { normalizeToken, normalizedSet } from "./normalize.js";
import { tokenize } from "./tokenize.js";

export interface QuestionType {
  /** how many / how much / what percentage; كم، ما عدد، ما نسبة */
  readonly quantity: boolean;
  /** when / what year / which century; متى، في أي عام */
  readonly time: boolean;
  /** who / whom / whose; من هو، من كان */
  readonly person: boolean;
  /** where / in which country; أين، وين، فين */
  readonly place: boolean;
}

const EN_QUANTITY = /\bhow (many|much|long|old|far|large|big|tall|high|often)\b|\bwhat (percentage|percent|proportion|number|amount|share|fraction)\b/i;
const EN_TIME = /\bwhen\b|\b(what|which|in what|in which) (year|years|century|decade|date|month|day|time|period|era)\b/i;
const EN_PERSON = /\bwho(m|se)?\b/i;
const EN_PLACE = /\bwhere\b|\b(what|which|in what|in which) (country|city|town|state|region|place|continent|area)\b/i;

// Arabic patterns run on normalised text (hamza seats folded, ة -> ه, no diacritics).
const AR_QUANTITY = /(^| )(كم|قديش|قداش|ما عدد|ما نسبه|ما مقدار|ما حجم|ما كميه|كم عدد)( |$)/;
const AR_TIME = /(^| )(متي|امتي|ايمتي|وقتاش|في اي (عام|سنه|قرن|عقد|تاريخ|شهر|يوم|فتره)|اي (عام|سنه|قرن)|ما تاريخ)( |$)/;
const AR_PERSON = /(^| )(من|مين|منو|شكون)( |$)(?!(اين|اي|بين|خلال|قبل|بعد|الذي|التي))/;
const AR_PLACE = /(^| )(اين|وين|فين|فاين|في اي (بلد|دوله|مدينه|منطقه|مكان))( |$)/;

/** The question's type flags; several may hold ("when and where"), or none ("what is …"). */
export function questionType(question: string): QuestionType {
  const arabic = question.split(/\s+/).map(normalizeToken).join(" ").replace(/[؟?،,.!]/g, " ").replace(/\s+/g, " ").trim();
  const leading = arabic.split(" ").slice(0, 3).join(" ");
  return {
    quantity: EN_QUANTITY.test(question) || AR_QUANTITY.test(arabic),
    time: EN_TIME.test(question) || AR_TIME.test(arabic),
    person: EN_PERSON.test(question) || AR_PERSON.test(leading),
    place: EN_PLACE.test(question) || AR_PLACE.test(arabic),
  };
}

const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const YEAR = /(^|[^0-9\u0660-\u0669])([12][0-9]{3}|[\u0661\u0662][\u0660-\u0669]{3})(?![0-9\u0660-\u0669])/;
const MONTH =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|century)\b|(يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|القرن)/i;

/**
 * Numbers written as words, English and Arabic (normalised: أربعة -> اربعه), which a count is as often written
 * in as in digits ("nine countries", "تسع دول"). Not مئتين, whose normal form is also ميتين (dead).
 */
const NUMBER_WORDS = normalizedSet(`
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
  millions billion billions trillion dozen dozens half quarter twice thrice
  اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر
  عشرة عشرات عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون
  تسعين مئة مائة مئات مئتان مائتي مائتين ألف آلاف ألفين مليون ملايين مليار مليارات نصف ربع ثلث مرتين`);
/** "الاثنين" is also Monday. */
const MONDAY = normalizeToken("الاثنين");

/**
 * Whether a token is a number word, alone or after و/ف, ب/ل or the article ("وأربعة", "وست", "بألف", "الثلاثين");
 * not after ك (كمية is not ك + مئة), nor after ب/ل or the article leaving fewer than three letters (لست is not
 * ل + ست, nor الست "the lady").
 */
const isNumberWord = (word: string): boolean => {
  const readings = [word, word.replace(/^[وف]/, ""), ...cliticReadings(word, { prepositions: "بل" })];
  return !readings.includes(MONDAY) && readings.some((r) => NUMBER_WORDS.has(r));
};

const holdsNumberWord = (text: string): boolean => tokenize(text).some((t) => t.script !== "digit" && isNumberWord(t.text));

/** What a sentence holds that answers typed questions: any number (in digits or words), and a year or date. */
export function sentenceHolds(text: string): { readonly number: boolean; readonly date: boolean } {
  return { number: DIGIT.test(text) || holdsNumberWord(text), date: YEAR.test(text) || MONTH.test(text) };
}
