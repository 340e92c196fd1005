/**
 * What kind of answer a question asks for, from its question words alone (English and Arabic, formal and
 * dialect): a quantity (in a unit of time, perhaps) or a time (a date, perhaps). Sentences holding a number or a
 * date are favoured for them (the re-ranker's quantityNumber and timeDate features); an answer none of whose quotes
 * could say one is declined (mayAnswerQuantity, mayAnswerDate). Or a person's name, which an answer whose best quote
 * may name no one does not give (see composeAnswer); or someone's response, which no quote without a word of
 * responding gives (mayAnswerResponse).
 */
import { cliticReadings, writtenReadings } from "./clitics.js";
import { withoutDemonstrative } from "./dialect.js";
import { AMBIGUOUS_MONTH_WORDS, MONTH_WORDS } from "./months.js";
import { foldDigits, holdsWord, normalizeToken, normalizedSet, withoutConjunction, writtenForm } from "./normalize.js";
import { isQuestionWord, isStopword, WHAT_AR, WHEN_FIRST, WHO_AR, YES_NO_OPENING } from "./stopwords.js";
import { namesArabicPlace, namesCountryWord } from "../capitals.js";
import { isCapitalised, tokenize, tokenizePlaced, type PlacedToken, type Token } from "./tokenize.js";

export interface QuestionType {
  /** how many / how much / what percentage; كم، ما عدد، ما نسبة */
  readonly quantity: boolean;
  /** when / what year / which century; متى، في أي عام */
  readonly time: boolean;
  /** The unit of time a quantity is asked in ("how many days", كم يوم): its answer counts that unit. */
  readonly unit?: TimeUnit;
  /**
   * A count of things asked ("how many troops", "كم عدد الجنود", "شحال من جندي"), not a duration, an age or an
   * amount ("how long", "كم عمره"): a number counting a unit of time ("three-year term") does not answer it.
   */
  readonly things?: boolean;
  /**
   * A duration asked ("How long did the meeting last?", "وشكد طولت القعدة؟", "مدتها قد إيه؟"): its answer counts a
   * unit of time ("three-year term", "ساعتين"), gives a span of years, or says since when.
   */
  readonly duration?: boolean;
  /**
   * A duration someone has held a post or been somewhere ("How long has she held that post?", "how long has he been
   * in office?"): its answer says since when or gives a span of years; a term's length ("three-year term") is none.
   */
  readonly tenure?: boolean;
  /** A time asked as a date, a year or a century ("what date", "in which year", في أي عام): its answer says one. */
  readonly dated: boolean;
  /**
   * Someone's response asked ("How did Morocco react …?", "What did he reply?", "شو كان رد المغرب؟", "واش جاوبها؟"):
   * its answer says one was given (see mayAnswerResponse), not only what was said that it would answer.
   */
  readonly response?: boolean;
  /**
   * Who heads something asked ("Who heads it?", "And who chairs that council?", "ورئيس المجلس ده اسمو شنو؟"): its
   * answer names a head (see mayAnswerHead), not only the body.
   */
  readonly head?: boolean;
  /**
   * A person's name asked for ("what's the envoy's name?", "ما اسم المبعوث؟"), with the question's nouns of the
   * person (as written; none for "ومين كان اسمه؟"): its answer gives one.
   */
  readonly name?: {
    readonly persons: readonly string[];
    /**
     * Where the person is posted, as written ("the US ambassador to Algeria", "السفيرة الأمريكية لدى الجزائر"): a
     * quote naming one posted elsewhere (to the UN) answers no name asked so.
     */
    readonly postedTo?: readonly Posting[];
  };
}

/**
 * Units of time a count may be asked in, each with its words (English, chat's shorthand too: "how many yrs?", not the
 * shorthand that is also an acronym: HR, human rights; MIN, a ministry; Arabic normalised, duals too).
 */
const TIME_UNIT_WORDS = {
  minute: normalizedSet("minute minutes mins دقيقة دقائق دقيقتين دقيقتان"),
  hour: normalizedSet("hour hours hrs ساعة ساعات ساعتين ساعتان"),
  day: normalizedSet("day days يوم أيام يوما أياما يومين يومان"),
  week: normalizedSet("week weeks wk wks fortnight أسبوع أسابيع أسبوعا أسبوعين أسبوعان"),
  month: normalizedSet("month months mos شهر أشهر شهور شهرا شهرين شهران"),
  year: normalizedSet("year years yr yrs decade decades عام أعوام عاما سنة سنوات سنين عامين عامان سنتين سنتان عقد عقود عقدين عقدان"),
} as const;
export type TimeUnit = keyof typeof TIME_UNIT_WORDS;
const TIME_UNITS_ASKED = Object.keys(TIME_UNIT_WORDS) as TimeUnit[];
const unitOf = (word: string): TimeUnit | undefined => TIME_UNITS_ASKED.find((unit) => isOneOf(TIME_UNIT_WORDS[unit], word));
/** How many, formal and dialect (normalised), with ل or ب before it (لكام, to how many; بشحال, بقداش). */
const AR_HOW_MANY = "كم|كام|لكام|بكام|جم|قديش|قداش|قديه|قداه|اديش|شحال|اشحال|بشحال|بقداش|شقد|اشكد|شكد";
/** When, formal and dialect (normalised: متى is متي). */
const AR_WHEN = "متي|امتي|ايمتي|وقتاش|وقتيش|فوقاش|فوقتاش";
/**
 * The Iraqi when (شوكت, اشوكت: stopwords.ts's WHEN_FIRST), read so only opening the question ("وشوكت صار هذا؟"):
 * elsewhere it is also the name Shawkat (آصف شوكت). withoutOpener reads it off there too.
 */
const AR_WHEN_FIRST = [...WHEN_FIRST].join("|");
/** Which, formal and the Sudanese (ياتو, ياتا, ياتي). */
const AR_WHICH = "(اي|ياتو|ياتا|ياتي)";
/** In which, formal and the dialects' (normalised: بأي is باي; the Iraqi بيا; the Sudanese في ياتو), و or ف before it. */
const AR_IN_WHICH = `[وف]?(في ${AR_WHICH}|باي|بيا)`;
/** "how many days", كم يوم، قديش من يوم: the quantity word, then (in Arabic) an optional من, then the unit. */
const EN_QUANTITY_IN_UNIT = /\bhow many (\w+)/i;
const AR_QUANTITY_WORD = new RegExp(`^[وف]?(${AR_HOW_MANY})$`);

const EN_QUANTITY = /\bhow (many|meny|mnay|manny|much|long|old|far|large|big|tall|high|often)\b|\bwhat (percentage|percent|proportion|number|amount|share|fraction)\b/i;
/** "the date of …", or a terse "tweet date?" closing on the word; not "to date", "up to date" (found by a review). */
const DATE_ASKED = String.raw`(?<!\bto )\bdate of\b|(?<!\bto )\bdate\W*$`;
/**
 * A kind of date asked for ("what's the actual start date for them?", "which exact date …"); not a yes/no question
 * ("Did she give a specific date …?", which "no, very soon" answers) nor a why ("Why didn't she give a specific date
 * …?", a review): what or which asks it, with at most four words between.
 */
const KIND_OF_DATE = /\b(?:what|which)(?:'s|’s)?(?:\s+[\w'’]+){0,4}?\s+(?:start|starting|end|ending|exact|actual|precise|specific)\s+date\b/i;
const asksKindOfDate = (question: string): boolean => KIND_OF_DATE.test(question) && !YES_NO_OPENING.test(question);
const EN_TIME = new RegExp(String.raw`\b(what|which|in what|in which) (year|years|century|decade|date|month|day|time|period|era)\b|${DATE_ASKED}`, "i");
/**
 * A question word before "when" in its line, or the auxiliary a yes/no question opens with, makes that "when" a
 * conjunction ("How old was he when he played?", "Was she at a press conference when she said it?").
 */
const EN_WH_WORD = /\b(who|whom|whose|what|whats|where|which|why|how)\b/i;
const EN_QUESTION_WORD = new RegExp(`${EN_WH_WORD.source}|${YES_NO_OPENING.source}`, "i");
/** What asks "when" anyway: a request to say it ("Can you tell me when …", "Do you know when …"), "and when", a last "when?". */
const ASKS_WHEN = /\b(know|tell me|tell us|say|ask|wonder|remember|sure|idea|exactly|and) when\b|\bwhen\W*$/i;

/**
 * Whether a line asks "when": it says "when" with no other question word or auxiliary before it ("When did …",
 * "Exactly when …", "OK, when …"), or asks for it (ASKS_WHEN); elsewhere "when" is a conjunction ("What happens
 * when …").
 */
function asksWhen(line: string): boolean {
  const at = line.search(/\bwhen\b/i);
  if (at < 0) return false;
  return !EN_QUESTION_WORD.test(line.slice(0, at)) || ASKS_WHEN.test(line);
}

// Arabic patterns run on normalised text (hamza seats folded, ة -> ه, no diacritics).
const AR_QUANTITY = new RegExp(`(^| )([وف]?(${AR_HOW_MANY})|ما عدد|ما نسبه|ما مقدار|ما حجم|ما كميه|كم عدد|[اق]د (ايه|اي))( |$)`);
/**
 * كم between a preposition and a unit of time also says "a few" ("قبل كم شهر", a few months ago; "من كم يوم"), which
 * it does where another question word asks the question: "ليش كانت الجزائر تنتقد قبل كم شهر؟" asks why. Alone it
 * still asks how many ("قبل كم ساعة نشر المقال؟").
 */
const AR_A_FEW = /(^| )(قبل|من|بعد|خلال|لمده) كم (يوم|ايام|اسبوع|اسابيع|شهر|اشهر|شهور|سنه|سنين|سنوات|ساعه|ساعات)(?= |$)/g;
/**
 * A question word asking something other than how many, with و or ف too: not من (also the phrase's "from"), nor هل
 * and ما, which open a how many as often ("هل تعرف قبل كم يوم نشر المقال؟").
 */
const NOT_ASKING_ELSE: ReadonlySet<string> = new Set(["من", "هل", "ما"]);
const asksElse = (word: string): boolean => {
  const bare = withoutConjunction(word);
  return !NOT_ASKING_ELSE.has(bare) && (isQuestionWord(word) || isQuestionWord(bare)) && !AR_QUANTITY_WORD.test(word);
};
/**
 * A year with the Egyptian كام after it asks which ("كان سنة كام؟", in what year), not how many (كام سنة); with كم
 * only at the question's end ("بشكل عام، كم دولة …؟" asks how many).
 */
const AR_WHICH_YEAR = /(^| )(?:سنه|عام) (?:كام(?= |$)|كم$)/;
const AR_WHICH_YEARS = new RegExp(AR_WHICH_YEAR, "g");
/**
 * بكم, "for how many", before a word that is no function word ("وطالب بكم مقعد دائم؟"): before one, or closing, it is
 * "with you" ("مرحبا بكم في …"), as after a greeting or before جميعا ("أهلا بكم جميعا").
 */
const AR_FOR_HOW_MANY = /(^| )([^ ]+ )?[وف]?بكم ([^ ]+)/;
/** Greetings before بكم ("أهلا بكم جميعا"), and the word after it that makes it one. */
const GREETING = normalizedSet("اهلا مرحبا مرحبتين ترحيبا نرحب يرحب ترحب سهلا");
const ALL_OF_YOU = normalizedSet("جميعا كلكم");
const asksForHowMany = (arabic: string): boolean => {
  const match = AR_FOR_HOW_MANY.exec(arabic);
  const [before, after] = [match?.[2]?.trim() ?? "", match?.[3]];
  return after !== undefined && !isStopword(after) && !ALL_OF_YOU.has(after) && !GREETING.has(withoutConjunction(before));
};
const arabicQuantity = (arabic: string): boolean => {
  const counted = arabic.replace(AR_WHICH_YEARS, "$1");
  return AR_QUANTITY.test(counted.split(" ").some(asksElse) ? counted.replace(AR_A_FEW, "$1") : counted) || asksForHowMany(counted);
};
/**
 * A count's noun: عدد (with و or ب), "number of", "count of", a singular noun's "count" ("reply count", "vote count")
 * or a post's plural one's ("replies count"); not the verb after a subject, an auxiliary or an adverb ("can we count
 * on her", "retweets don't count", "Algeria's votes count", "they still count on it": a review); not "a number of"
 * nor عدد من, "several" (a review).
 */
const AR_COUNT_NOUN = /(^| )[وب]?عدد( (?!من( |$))|$)/;
const EN_NOT_BEFORE_COUNT = "i|we|you|they|he|she|it|can|could|to|not|will|would|should|must|may|might|and|or|do|did|had|have|still|also|really|that|who|which";
const EN_COUNT_NOUN = new RegExp(
  String.raw`(?<!\b(?:a|any)\s+)\bnumber of\b|\bcount of\b|(?<!['’])\b(?!(?:${EN_NOT_BEFORE_COUNT})\s)[a-z]*[a-rt-z]\s+count\b|\b(?:replies|retweets|likes|comments|views|shares)\s+count\b`,
  "i",
);
/**
 * A terse question with no question word that names a count: "تغريدة دراريني عدد الردود", "number of replies on the
 * lamamra tweet" (blind set 55), "Reply count on her tweet …?" (blind set 60) ask how many, as "كم عدد …" does.
 */
const tersely = (question: string, arabic: string): boolean =>
  (AR_COUNT_NOUN.test(arabic) || EN_COUNT_NOUN.test(question)) &&
  !EN_QUESTION_WORD.test(question) &&
  !arabic.split(" ").some((w) => isQuestionWord(w) || isQuestionWord(withoutConjunction(w)));
/**
 * A time asked exactly ("when exactly", "When did she say that exactly?", "on what exact date", "امتى بالظبط", "ما
 * التاريخ المحدد"): a date answers it, not "very soon" ("في وقت قصير جدا") nor an occasion (تحديدا normalised is
 * تحديد). The exactness on the when itself, not on a where after it ("ومتى انطرحت؟ ووين بالضبط؟"), and not in a
 * yes/no question ("Did she give a specific date …?", "هل هناك موعد محدد …؟": "no, very soon" answers it).
 */
const EN_EXACT_TIME = String.raw`\b(what|which) (exact|precise|specific) (date|day)\b`;
const EN_EXACT = /\b(exactly|precisely)\b/i;
const AR_EXACT_WORDS = normalizedSet("بالضبط بالظبط بالتحديد تحديدا تحديد بالزبط");
/** AR_WHEN's words, and متين alone (AR_TIME reads it only after و: alone it is also "solid"). */
const AR_WHEN_WORDS: ReadonlySet<string> = new Set([...AR_WHEN.split("|"), "متين"]);
const AR_EXACT_DATE = `(ما|ماهو|شو|ايش|وش|شنو) (هو |هي )?(ال)?(تاريخ|موعد) (ال)?(محدد|بالضبط|بالظبط|بالتحديد|تحديد)`;

/**
 * Whether a line asks when exactly: an English "when" question saying "exactly" after it, or an Arabic exactness
 * word whose nearest question word before it asks when (with و or ف too).
 */
function asksExactlyWhen(line: string): boolean {
  return asksExactlyWhenEnglish(line) || asksExactlyWhenArabic(line);
}

/**
 * "Exactly when …", or "exactly" after "when" with no other question word between: not a when-clause ("When she
 * talked about MINURSO, what exactly did she say?", a review), nor a yes/no question ("Did she say when exactly the
 * talks begin?": "no, very soon" answers it).
 */
function asksExactlyWhenEnglish(line: string): boolean {
  const at = line.search(/\bwhen\b/i);
  const exact = line.search(EN_EXACT);
  if (at < 0 || exact < 0 || YES_NO_OPENING.test(line) || !asksWhen(line)) return false;
  return exact < at ? /^\w+\s+$/.test(line.slice(exact, at)) : !EN_WH_WORD.test(line.slice(at + "when".length, exact));
}

const isArabicWhen = (word: string): boolean => AR_WHEN_WORDS.has(withoutConjunction(word));

/** An Arabic exactness word whose nearest question word before it asks when (with و or ف too). */
function asksExactlyWhenArabic(line: string): boolean {
  const words = line.split(/\s+/).map((w) => normalizeToken(w.replace(/[؟?،,.!]/g, "")));
  return words.some((word, i) => {
    if (!AR_EXACT_WORDS.has(word)) return false;
    const asking = words.slice(0, i).findLast((w) => isArabicWhen(w) || isQuestionWord(w) || isQuestionWord(withoutConjunction(w)));
    return asking !== undefined && isArabicWhen(asking);
  });
}

/**
 * A time asked as a date, a year or a century (see QuestionType.dated); Arabic on normalised text. Not ما تاريخ,
 * which also asks for a history ("ما تاريخ العلاقات بين البلدين؟").
 */
const EN_DATED = new RegExp(String.raw`\b(what|which|in what|in which) (year|century|date)(?![-'’\w])|${DATE_ASKED}|${EN_EXACT_TIME}`, "i");
const AR_DATED = new RegExp(`(^| )(${AR_IN_WHICH} (عام|سنه|قرن|تاريخ)|${AR_WHICH} (عام|سنه|قرن)|${AR_EXACT_DATE})( |$)`);
/**
 * What date or appointed time, in the standard or a dialect ("وش التاريخ المكتوب تحت تغريدة لعمامرة؟", "شو موعد
 * المفاوضات؟", "شو تاريخ تغريدة لعمامرة؟", "وش تاريخ هالاجتماع؟", and the standard "ما تاريخ …"): a time asked, though
 * not always a date (see AR_DATED). Not a dialect's "شو تاريخ فريسنو؟", which as often asks its history (a review).
 */
/** The beginnings of a post's noun or its publishing, whose date تاريخ before it asks (normalised). */
const DATED_THINGS = "تغريد|تويت|بوست|منشور|نشر";
const AR_WHAT_DATE = `[وف]?(ما|ماهو|شو|ايش|اش|وش|شنو|اشنو|شنهو|ايه) (هو |هي )?(موعد|التاريخ|تاريخ (هال[^ ]+|(ال)?(${DATED_THINGS})[^ ]*))|ما تاريخ`;
/** One such word, with the article perhaps. */
const DATED_THING = new RegExp(`^(?:ال)?(?:${DATED_THINGS})`, "u");
const AR_TIME = new RegExp(
  `(^| )([وف]?(${AR_WHEN})|ومتين|^[وف]?(?:${AR_WHEN_FIRST})|${AR_IN_WHICH} (عام|سنه|قرن|عقد|تاريخ|شهر|يوم|فتره)|${AR_WHICH} (عام|سنه|قرن)|${AR_WHAT_DATE})( |$)`,
);

/**
 * Units a time question asks its answer in ("in what year", "what date", "في أي عام"), which a sentence holding its
 * answer shows as a date (sentenceHolds), and "what time", "في أي وقت", which only say that a time is asked (its
 * word found the text's "في وقت قصير"); and the words that ask for one. Not decade: a decade's answer ("the 1960s",
 * الستينيات) is no date there, and its word is the sentence's best clue ("In what decade did ABC …").
 */
const TIME_UNITS = normalizedSet("year years century month day date time عام سنة قرن شهر يوم تاريخ وقت");
const ASKING_FOR_UNIT = normalizedSet("what which أي بأي بيا ياتو ياتا ياتي");
/** A date or an appointed time asked with what (see AR_WHAT_DATE): "the date" and موعد; not تاريخ, also a history. */
const ASKED_WITH_WHAT = normalizedSet("التاريخ موعد");

/**
 * Whether the token at `i` is the unit a time question asks in ("year" in "In what year …", عام in "في أي عام …"):
 * it says what kind of answer is wanted (a date, see questionType), not what the answer is about, so it is no
 * term. Matched as a word, it favoured any sentence saying "year" or عام, which also means "general" (بشكل عام).
 */
export function isAskedUnit(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  // Or the Egyptian كام after it, or كم closing the question ("سنة كام؟", which year; see AR_WHICH_YEAR).
  const whichAfter = after?.text === "كام" || (after?.text === "كم" && i + 2 === tokens.length);
  // And "date" closing a terse question or before "of" ("tweet date?", "the date of the tweet": see EN_DATED).
  const date = tokens[i]?.text === "date" && before?.text !== "to" && (after === undefined || after.text === "of");
  // Or "the date" or موعد after a what-word, هو or هي between perhaps ("وش التاريخ المكتوب …؟", "ما هو موعد …؟").
  const asking = before !== undefined && (before.text === "هو" || before.text === "هي") ? tokens[i - 2] : before;
  // And تاريخ before a post's noun or one pointed at with هال ("شو تاريخ تغريدة لعمامرة؟", "وش تاريخ هالاجتماع؟").
  const next = tokens[i + 1]?.text ?? "";
  const ofThing = tokens[i]?.text === "تاريخ" && (next.startsWith("هال") || DATED_THING.test(next));
  if ((ASKED_WITH_WHAT.has(tokens[i]?.text ?? "") || ofThing) && asking !== undefined && WHAT_AR.has(withoutConjunction(asking.text))) return true;
  // With و or ف joined to the word asking which ("وأي تاريخ هي؟").
  // Not أي وقت meaning "any time" ("أقوى من أي وقت مضى", stronger than ever: a review).
  const anyTime = tokens[i]?.text === "وقت" && after?.text === "مضي";
  return TIME_UNITS.has(tokens[i]?.text ?? "") && !anyTime && ((before !== undefined && ASKING_FOR_UNIT.has(withoutConjunction(before.text))) || whichAfter || date);
}

/**
 * "Topic" and "topics" in a question ("What topics did they discuss?", "CNDH meeting topics"), "agenda" ("What was
 * on the agenda?") and Arabic's الموضوع, مواضيع and أجندة ("ما المواضيع التي ناقشتها؟"): they say what kind of
 * answer is wanted, as a time question's unit does, and a text discussing something hardly calls it a topic. As a
 * term, the word a text lacks refused the question (blind sets 55 and 105). Not a bare موضوع, which a statement
 * writes as often ("موضوع يتناوله من؟", a subject who deals with: xquad-dev lost that span with it).
 */
const TOPIC_WORDS = normalizedSet("topic topics agenda agendas مواضيع موضوعات الموضوع المواضيع الموضوعات والموضوع والمواضيع أجندة الأجندة أجندات");

/** Whether the token at `i` is one of TOPIC_WORDS, which asks nothing of the text. */
export const isAskedTopic = (tokens: readonly Token[], i: number): boolean => TOPIC_WORDS.has(tokens[i]?.text ?? "");

/** The question's type flags; several may hold ("when and where"), or none ("what is …"). */
export function questionType(question: string): QuestionType {
  const arabic = question.split(/\s+/).map(normalizeToken).join(" ").replace(/[؟?،,.!]/g, " ").replace(/\s+/g, " ").trim();
  // Line by line: a follow-up is judged joined to the question before it.
  const time = EN_TIME.test(question) || asksKindOfDate(question) || question.split("\n").some(asksWhen) || AR_TIME.test(arabic) || AR_WHICH_YEAR.test(arabic);
  const quantity = EN_QUANTITY.test(question) || arabicQuantity(arabic) || tersely(question, arabic);
  const dated = EN_DATED.test(question) || asksKindOfDate(question) || AR_DATED.test(arabic) || AR_WHICH_YEAR.test(arabic) || question.split("\n").some(asksExactlyWhen);
  const tokens = tokenizePlaced(question);
  const persons = personsNameAsked(question, tokens);
  const postedTo = persons === undefined ? [] : placesPostedTo(tokens);
  const name = persons === undefined ? {} : { name: postedTo.length > 0 ? { persons, postedTo } : { persons } };
  // A count of replies ("how many replies did the tweet get?") asks for a post's counter, no one's response.
  const response = !quantity && asksResponse(question) ? { response: true } : {};
  const head = !quantity && asksHead(question, tokens) ? { head: true } : {};
  if (!quantity) return { quantity, time, dated, ...name, ...response, ...head };
  const unit = askedUnit(question, arabic);
  const things = unit === undefined && countsThings(question, arabic) ? { things: true } : {};
  const duration = unit === undefined && things.things === undefined && asksDuration(question, arabic) ? { duration: true, ...(asksTenure(question, arabic) ? { tenure: true } : {}) } : {};
  return { quantity, time, dated, ...name, ...withUnit(unit), ...things, ...duration };
}

/**
 * Verbs of lasting after "how long" ("How long did the meeting last?", "How long has she held that post?"; not "How
 * long is the river?", a length), and the Arabic ones and the noun مدة in a question asking how much ("كم دام
 * الاجتماع؟", "وشكد طولت القعدة وياه؟", "وعضويتها مدتها قد إيه؟").
 */
const EN_LASTING =
  /\bhow long\b(?!\s+ago\b)(?:\s+(?!that\b|which\b|who\b)[\w'’]+){0,6}?\s+(last|lasts|lasted|take|takes|took|taken|serve|serves|served|stay|stays|stayed|remain|remains|remained|hold|holds|held|run|runs|ran|spend|spent|been)\b/i;
/**
 * "How long has she held …", "how long have they been …": someone's time in a post or a place (see
 * QuestionType.tenure); not "How long has Algeria been elected for?", a term's length asked (a review).
 */
const EN_TENURE = /\b[Hh]ow long\b(?:\s+[\w'’]+){0,2}?\s+(?:has|have|had)\s+(?:she|he|they|[\p{Lu}][\w'’-]*)\s+(?:held|served|led|headed|worked|been(?!\s+\w+ed\b))\b/u;
/** Not ظل (also في ظل, amid), طول (a length), بقي (was left: "كم بقي من حفظة السلام؟"), found by a review. */
const AR_LASTING = normalizedSet("دام دامت داموا استمر استمرت استغرق استغرقت طولت طولو طولوا قعد قعدت قعدو مده المده مدته مدتها مدتهم");
/**
 * "For so long" in the dialects, after a word asking how much: صار له or صرله (it has been for him, "وقديش صار له
 * بمنصبه؟") and من وقت ("وشحال من وقت وهو في هاذ المنصب؟"); on normalised text.
 */
const AR_FOR_SO_LONG = /(?:^| )(?:صا?ر ?(?:له|لها|لو|لهم)|من وقت)(?= |$)/u;
/** A post held ("بمنصبه", "في هاذ المنصب"), which makes a time asked so someone's tenure. */
const AR_POST_HELD = /منصب/u;
const asksDuration = (question: string, arabic: string): boolean =>
  EN_LASTING.test(question) || AR_FOR_SO_LONG.test(arabic) || arabic.split(" ").some((w) => holdsWord(AR_LASTING, w));
/** Someone's time in a post asked (QuestionType.tenure): in English, or the dialects' "for so long" beside a post. */
const asksTenure = (question: string, arabic: string): boolean => EN_TENURE.test(question) || (AR_FOR_SO_LONG.test(arabic) && AR_POST_HELD.test(arabic));

/**
 * Words of a response, as a question asks one and a quote says one was given: English (respond, response, react,
 * reaction, reply, answer); Arabic normalised (رد and الرد with their pronouns, ترد, ردة فعل, جاوب, أجاب and إجابة,
 * جواب, استجاب, تجاوب, and تفاعل, as a chemistry's "reaction" is written). Not ردود (also a post's replies). Not
 * agreeing either: "وهل الجزائر وافقت … إن مبعوث أممي يزورها؟" is answered by what it allowed (the text's سمحت).
 */
const EN_RESPONSE = /^(?:respond|responded|responds|responding|response|responses|react|reacted|reacts|reaction|reactions|reply|replied|answer|answered|answers)$/;
const AR_RESPONSE = normalizedSet(`رد الرد ردت ترد يرد ردوا ردو رده ردها ردهم ردة ردا جاوب جاوبت جاوبها جاوبه جاوبو جاوبوا
  جاوبتها جاوبته أجاب أجابت أجابوا إجابة الإجابة جواب الجواب جوابه جوابها استجاب استجابت استجابة الاستجابة تجاوب تجاوبت
  تفاعل تفاعلت التفاعل تفاعلات التفاعلات يتفاعل`);
/**
 * "say anything back", "said something back", "hit back", "what did he tell her back": a reply in English with no word
 * of its own; not "back in November".
 */
const EN_SAID_BACK = /\b(?:say|said|says|hit|hits|fire|fired|write|wrote|tell|told|tells)\s+(?:anything\s+|something\s+|her\s+|him\s+|them\s+)?back\b(?!\s+(?:in|then|when|on|at|during|before|after)\b)/i;
/**
 * A response word that only frames what follows: "in response to a question about …", "ردا على سؤال حول …" (she
 * said, answering): the question asks what was said (a review).
 */
const EN_IN_RESPONSE = /\b(?:in|as an?)\s+(?:response|reply|answer)\s+to\b/gi;
const AR_IN_RESPONSE = normalizeToken("رداً");
const AR_ON = normalizeToken("على");

/** With و or ف read off where four letters stay: ورد and وردت are "appeared" as often ("كما وردت في التقرير"). */
const isResponseWord = (token: Token): boolean =>
  token.script === "latin"
    ? EN_RESPONSE.test(token.text)
    : AR_RESPONSE.has(token.text) || (token.text.length > 4 && AR_RESPONSE.has(withoutConjunction(token.text)));

/** Whether a question asks for someone's response (see QuestionType.response). */
function asksResponse(question: string): boolean {
  if (EN_SAID_BACK.test(question)) return true;
  const asked = tokenize(question.replace(EN_IN_RESPONSE, " "));
  return asked.some((token, i) => isResponseWord(token) && !(token.text === AR_IN_RESPONSE && asked[i + 1]?.text === AR_ON));
}

/**
 * Who heads something, in English: "who heads/chairs …", "who is the head/chair/president of …", "who is its
 * chair?", "who is its president this month?". Not "the head coach" nor "the president's wife" (a head's noun
 * before another noun or a possessive), not a leader ("Who leads its efforts in New York?" is answered by who works
 * on them), nor "head" as going.
 */
const EN_HEAD_ASKED =
  /\bwho(?:'s|’s|\s+is|\s+was)?\s+(?:(?:heads|headed|chairs|chaired|presides|presided)\b|(?:the|its|their|his|her)\s+(?:head|chair|chairman|chairwoman|chairperson|president)(?=\s+(?:of|this|now|today|currently|then|in|at|for|during|since)\b|\s*[?.!,]|\s*$))/i;
/** A head's noun (رئيس with the article or a pronoun) or a verb of heading (يرأس, ترأس, بيرأس), normalised. */
const AR_HEAD_NOUN_ASKED = /^[وف]?(?:ال)?رييس(?:ه|ها|هم|و)?$/u;
/** Heading, the verb a question asks with and a text may answer with (يرأس, ترأس, ترأست; normalised). */
const AR_HEADING = "[يتن]?ت?راس|تراست";
const AR_HEAD_VERB_ASKED = new RegExp(`^[وف]?(?:ب)?(?:${AR_HEADING})(?:ه|ها)?$`, "u");
/** Words between who and what it asks of: the copula (هو, كان) and the dialects' future (غادي, رح: "وشكون غادي يترأس …؟"). */
const AR_WHO_COPULA = normalizedSet("هو هي هوا هيا كان كانت غادي غادية رح راح سوف حيكون");
/** Words a name word may stand from the head it asks of ("ورئيس المجلس ده اسمو شنو؟"). */
const NAME_TO_HEAD_REACH = 3;
/**
 * Whether a question asks who heads something (see QuestionType.head): in English (EN_HEAD_ASKED), or in Arabic a
 * head's noun or verb right after a word asking who ("من يرأس المجلس؟", "ومين رئيس البعثة؟", past the copula: "من هو
 * رئيس …"), or a head's noun beside the noun "name" ("وشو اسم رئيس هالمجلس؟", "ورئيس المجلس ده اسمو شنو؟"). Not a
 * president named in a question of another thing ("ماذا طلب الرئيس من الجزائر؟": من is also "from"; "من هو مستشار
 * الرئيس؟", his adviser; "مين كانت زوجة الرئيس؟").
 */
function asksHead(question: string, tokens: readonly PlacedToken[]): boolean {
  if (EN_HEAD_ASKED.test(question)) return true;
  const words = tokens.map((t) => t.text);
  return words.some((w, i) => {
    const noun = AR_HEAD_NOUN_ASKED.test(w);
    if (!noun && !AR_HEAD_VERB_ASKED.test(w)) return false;
    const before = words.slice(0, i).filter((v) => !AR_WHO_COPULA.has(v)).at(-1);
    if (before !== undefined && holdsWord(WHO_AR, before)) return true;
    return noun && (AR_NAME.test(before ?? "") || words.slice(i + 1, i + 1 + NAME_TO_HEAD_REACH).some((v) => AR_NAME.test(v)));
  });
}

/**
 * The words of a head in a text: English (head, chair, president, leader, director, chief and their verbs) and
 * Arabic normalised: رئيس and رئاسة with their clitics, endings and pronouns (للرئيس, كرئيس, رئيسا, الرؤساء), قيادة,
 * قائد, قادة, زعيم, مدير, and the verbs قاد, يقود, يرأس, ترأست. Not the adjectives رئيسي (main, "دوراً رئيسياً") and
 * رئاسي (presidential), nor "heading" (going).
 */
const EN_HEAD = /^(?:head|heads|headed|chair|chairs|chaired|chairman|chairwoman|chairperson|president|presidents|presided|presides|leader|leaders|leadership|led|leads|director|chief)$/i;
const AR_HEAD_NOUN = /^[وف]?(?:[بلك]|لل)?(?:ال)?(?:رييس(?:ا|ان|ين|ه|ها|هم|هما)?|روسا|رياسه|رياست(?:ه|ها|هم)|قياده|قيادت(?:ه|ها|هم)|قايد|قاده|زعيم|زعما|مدير)$/u;
const AR_HEAD_VERB = new RegExp(`^[وف]?(?:قاد|قادت|قادوا|يقود|تقود|${AR_HEADING})(?:ه|ها|هم)?$`, "u");
/** Whether a text names a head (see QuestionType.head). */
export function mayAnswerHead(text: string): boolean {
  return tokenize(text).some((t) => EN_HEAD.test(t.text) || AR_HEAD_NOUN.test(t.text) || AR_HEAD_VERB.test(t.text));
}

/** Whether a text says a response was given (any of the response words; see QuestionType.response). */
export function mayAnswerResponse(text: string): boolean {
  return tokenize(text).some(isResponseWord) || EN_SAID_BACK.test(text);
}

/**
 * "How many" in English; in Arabic عدد (number of) or how many with من before its noun ("شحال من جندي"); each
 * with the words after it, where a unit of time may stand further on than askedUnit looks ("how many more years",
 * "ما عدد سنوات الولاية").
 */
const EN_HOW_MANY = /\bhow\s+many((?:\s+[\w'’-]+){0,3})/i;
const AR_COUNT = new RegExp(`(?:^| )(?:[وف]?(?:ال)?عدد|اعداد|(?:${AR_HOW_MANY}) من)((?: [^ ]+){0,3})`, "u");
/** Whether a quantity question counts things: "how many" or عدد with no unit of time in the words after it. */
function countsThings(question: string, arabic: string): boolean {
  const after = EN_HOW_MANY.exec(question)?.[1] ?? AR_COUNT.exec(arabic)?.[1];
  if (after === undefined) return false;
  return !after.split(/\s+/).some((word) => unitOf(normalizeToken(word)) !== undefined);
}

/** "name", "names" or "surname" (not "named", "renamed"), as "what's her name?" and "the name of …" ask. */
const EN_NAME = /^(?:sur)?names?$/;
/**
 * The noun "name" (normalised), with و or ف, the article or a pronoun (اسمه، اسمها، اسمو), its plural (أسماء), the
 * run-together ماسم (ما اسم), and the Maghrebi سمية with a pronoun (سميتو). Not باسم, "in the name of" and a name.
 */
const AR_NAME = /^(?:[وف]?(?:ال)?اسم(?:ه|ها|هم|هما|و)?|[وف]?اسما|ماسم|[وف]?سميت(?:ه|ها|هم|و))$/u;
/**
 * Nouns of a person's role, English and Arabic (normalised, without the article): a name asked of one of them is a
 * person's, which the word lists seldom hold, where a newspaper's, a storm's or a property's often are words
 * (القدس العربي, بيريل, البدائية). Not words of another sense as well (عالم, world; ملك, owned; طالب, demanded;
 * official, general, pilot).
 */
const PERSON_NOUNS: ReadonlySet<string> = normalizedSet(
  `envoy ambassador minister president reporter journalist correspondent author writer spokesman
  spokeswoman spokesperson leader king queen prince princess emperor player coach quarterback doctor actor actress
  singer director founder governor mayor commander secretary chairman captain pope bishop wife husband son daughter
  father mother brother sister man men woman women person people scientist inventor engineer artist poet composer
  explorer candidate representative rapporteur diplomat senator judge officer soldier astronaut owner manager
  teacher professor student presenter editor photographer architect defender ruler monarch
  مبعوث مبعوثة سفير سفيرة وزير وزيرة رئيس رئيسة صحفي صحفية صحافي صحافية مراسل مراسلة كاتب كاتبة مؤلف مؤلفة مسؤول
  مسؤولة متحدث متحدثة ناطق زعيم قائد ملكة أمير أميرة لاعب مدرب طبيب طبيبة ممثل ممثلة مغني مغنية مخرج مؤسس حاكم
  محافظ عمدة أمين مدير مديرة إمبراطور زوج زوجة ابن ابنة أخ أخت رجل امرأة شخص مخترع مهندس فنان شاعر ملحن مستكشف
  مرشح مرشحة مقرر مقررة دبلوماسي دبلوماسية سيناتور قاضي محامي ضابط جندي أستاذ مذيع محرر مصور مدافع حارس`,
);
/** "Who" in either language (not whose, nor من, also "from"): a name it asks for with a pronoun is a person's. */
const ASKS_WHO: ReadonlySet<string> = normalizedSet("who whos مين منو شكون ومين ومنو وشكون");
/** A person's pronoun before "name" ("her name"), with at most one of these between ("his full name"). */
const EN_POSSESSIVE = /^(?:his|her)$/;
const NAME_KINDS: ReadonlySet<string> = new Set(["full", "real", "first", "last", "middle", "maiden", "family", "given"]);
/**
 * The words "what's his name?" is asked with around اسمه alone: what, formal and dialect (the Egyptian ايه after it,
 * "اسمه ايه؟"), "was", "he", "so", "exactly".
 */
const NAME_ALONE = normalizedSet("شو ايش إيش وش واش اش أش شنو شنهو اشنو شنوة شنوه ايه إيه ما ماذا شن كان كانت هو هي طيب طب بالضبط بالظبط بالزبط");
/** اسم, or the Maghrebi سمية, with a pronoun written onto it (اسمه, اسمها, اسمو, اسمهم; سميتو): a thing's too. */
const AR_PRONOUN_NAME = /^[وف]?(?:اسم|سميت)(?:ه|ها|هم|هما|و)$/u;

/**
 * `tokens` without the words for a name ("name", "surname", اسم, اسمها, سميتو) and a kind of name before one ("full
 * name"), where the question asks a person's: a report gives the name, seldom the word.
 */
export function withoutNameAsked<T extends { readonly text: string }>(tokens: readonly T[]): readonly T[] {
  const isName = (t: T | undefined): boolean => t !== undefined && (EN_NAME.test(t.text) || AR_NAME.test(t.text));
  const kept = tokens.filter((t, i) => !isName(t) && !(NAME_KINDS.has(t.text) && isName(tokens[i + 1])));
  return kept.length === tokens.length ? tokens : kept;
}
/** Where the noun phrase after "name of" ends: a determiner, a preposition, a relative or a verb's auxiliary. */
const EN_PHRASE_END: ReadonlySet<string> = new Set(
  "the a an who whom whose which that where when in at on for to by from with of is was are were did does do has had".split(" "),
);
/** Words English puts before the noun it names ("the name of the UN envoy"): skipped to the noun. */
const EN_PHRASE_START: ReadonlySet<string> = new Set(["of", "the", "a", "an", "this", "that"]);

/**
 * English nouns of a person's role that are adjectives as often ("the official name of …", "the general public"):
 * a person's only where they end a noun phrase, as EN_PHRASE_END ends the one "name of" names ("the name of the US
 * official who came", found blind).
 */
const PERSON_HEADS: ReadonlySet<string> = new Set(["official", "officials", "general", "generals"]);
/** Whether the English word at `i` of `words` is one of PERSON_HEADS ending a noun phrase: at the end, or before EN_PHRASE_END. */
const isPersonHead = (words: readonly string[], i: number): boolean =>
  PERSON_HEADS.has(words[i] as string) && (i + 1 === words.length || EN_PHRASE_END.has(words[i + 1] as string));

/** Whether a normalised word is a person's noun, or its regular plural (envoys; الصحفيين, المسؤولون), with its clitics. */
export const isPersonNoun = (word: string): boolean =>
  writtenReadings(word).some((reading) => PERSON_NOUNS.has(reading) || PERSON_NOUNS.has(reading.replace(/(?:s|ين|ون)$/u, "")));
/** Whether a normalised word of a question is a person's noun, also pointed at with the dialects' هالـ (هالمسؤولة). */
export const isPersonAsked = (word: string): boolean => isPersonNoun(withoutDemonstrative(word) ?? word);

/**
 * The words naming what "name" or اسم at `at` asks the name of: in Arabic the first word after it, اسم's genitive
 * ("اسم المبعوث الأممي الذي …", "شو اسم هالوزير"); in English the possessive before it ("the US ambassador's name"),
 * or the noun phrase after "of" or after a request's "Name", to a determiner, a preposition or a relative ("the
 * name of the Algerian foreign minister", "name of the UN envoy algeria allowed …", "Name the envoy who …"; not "…
 * of the programme the president attended", nor "the official name of …").
 */
function namedWords(question: string, tokens: readonly PlacedToken[], words: readonly string[], at: number): readonly string[] {
  if (!EN_NAME.test(words[at] as string)) {
    const next = words.slice(at + 1).find((w) => !isStopword(w));
    return next === undefined ? [] : [withoutDemonstrative(next) ?? next];
  }
  const before = tokens[at - 1];
  if (before && /['’]s$/u.test(before.raw)) return [words[at - 1] as string];
  // Or, opening the question, the request's object ("Name the envoy who …"; "Name three countries …" names none).
  if (words[at + 1] !== "of" && at > 0) return [];
  let start = at + 1;
  while (start < words.length && EN_PHRASE_START.has(words[start] as string)) start += 1;
  let end = start;
  while (end < words.length && !EN_PHRASE_END.has(words[end] as string)) end += 1;
  // A capitalised phrase running on past the word that ends it is a title, not a person: "the name of the Doctor
  // Who play" (found on xquad-dev). Not in a question capitalising every word ("What Is The Name Of The UN Envoy
  // Who …?"), nor across a sentence's end ("… the UN Envoy? Who appointed him?"): both found by a review.
  const [last, next] = [tokens[end - 1], tokens[end]];
  const everyWordCapitalised = tokens.every((t) => t.script !== "latin" || !/^\p{Ll}/u.test(t.raw));
  const runsOn = last !== undefined && next !== undefined && !/[.?!؟]/u.test(question.slice(last.end, next.start));
  if (end > start && isCapitalised(last) && isCapitalised(next) && runsOn && !everyWordCapitalised) return [];
  return words.slice(start, end);
}

/**
 * The person's nouns whose name a question asks for (as the question wrote them), or undefined when it asks for
 * none: "name" or اسم of a person's noun (see namedWords: "the name of the UN envoy", "ما اسم المبعوث"; not "ما اسم
 * البرنامج المقرر", the scheduled programme, nor "What is the official name of …"); "her name"; اسمه with a person's
 * noun or "who" anywhere in the question ("شكون هو المبعوث؟ واش سميتو؟", "ومين كان اسمه؟"; "المجلس … شو اسمه؟" asks a
 * council's), or alone ("شو اسمو؟"). "Name the envoy who …" asks one too; "Name three countries …" does not.
 */
function personsNameAsked(question: string, tokens: readonly PlacedToken[]): readonly string[] | undefined {
  const words = tokens.map((t) => t.text.replace(/['’]s$/u, ""));
  const isPerson = (i: number): boolean => isPersonNoun(words[i] as string) || isPersonHead(words, i);
  const persons = tokens.filter((_, i) => isPerson(i)).map((t) => t.raw);
  const who = words.some((w) => ASKS_WHO.has(w));
  const asked = words.some((word, at) => {
    if (EN_NAME.test(word)) {
      const [first, second] = [words[at - 1] ?? "", words[at - 2] ?? ""];
      if (EN_POSSESSIVE.test(first) || (EN_POSSESSIVE.test(second) && NAME_KINDS.has(first))) return true;
      // "their name" is a person's where the question names one ("Which UN rapporteur …, and what was their name?",
      // blind set 101); a group's otherwise ("the council … what is their name?").
      if ((first === "their" || (second === "their" && NAME_KINDS.has(first))) && persons.length > 0) return true;
      // A kind of name alone, of the person the question names ("US official who visited Algeria — full name?";
      // not "the full name of the mission", whose noun says whose, nor "the council's full name", "its full name":
      // a review).
      if (NAME_KINDS.has(first) && words[at + 1] !== "of") {
        if (/['’]s$/u.test(tokens[at - 2]?.raw ?? "")) return isPerson(at - 2);
        return second !== "its" && persons.length > 0;
      }
    } else if (!AR_NAME.test(word)) return false;
    // Or alone, asked with "what" and nothing else: "شو اسمو؟" follows up on the person the last answer was about,
    // as "what's his name?" does (conversations 59); not "ليش اسمها هيك؟" (why is it called so), "شو يعني اسمها؟"
    // (what does its name mean), found by a review.
    if (AR_PRONOUN_NAME.test(word)) return who || persons.length > 0 || words.every((w, i) => i === at || NAME_ALONE.has(withoutConjunction(w)));
    const named = namedWords(question, tokens, words, at);
    return named.some(isPersonNoun) || PERSON_HEADS.has(named.at(-1) ?? "");
  });
  return asked ? persons : undefined;
}

/**
 * Words asking which one: "which", "what", أي and the dialects' ياتو, with و or ف too. Not أية, whose normal form is
 * the Egyptian ايه, "what" after the verb ("قالت ايه المسؤولة …؟", a review).
 */
const WHICH_WORDS = normalizedSet("which what اي أي ياتو ياتا ياتي");
/** Auxiliaries after the noun that make it the object asked ("Which minister did she meet?"). */
const OBJECT_AUXILIARIES = normalizedSet("did does do will would can could should");
/** How far after an English "which" its person's noun may stand ("which senior US official"). */
const WHICH_REACH = 3;

/**
 * The person's noun (as written) of a question asking which person did something: "which" or أي, then adjectives
 * and the noun ("which US official was visiting Algiers?", "أي مسؤول أمريكي زار الجزائر؟", "… tell me which official
 * of the State Department was visiting"), which the question's verb has for its subject. Not with a function word
 * before the noun ("what did the official say?"), an auxiliary after it ("Which minister did she meet?"), or another
 * person's noun in the question ("أي مسؤول جزائري التقت المسؤولة الأمريكية؟", whom one of them met).
 */
export function whichPersonAsked(question: string): string | undefined {
  const tokens = tokenize(question);
  const words = tokens.map((t) => t.text);
  // "official" only ending its phrase: "What official position does Washington take?" asks a position (a review).
  const isPerson = (i: number): boolean => isPersonNoun(words[i] as string) || isPersonHead(words, i);
  // A yes/no question's أي is "any" ("هل التقت أي مسؤول جزائري؟", a review).
  if (words.some((w) => withoutConjunction(w) === "هل")) return undefined;
  // The noun after the which-word at `at`, if any: right after it in Arabic, whose adjectives follow their noun
  // ("في أي يوم التقت الدبلوماسية …؟" asks which day).
  const nounAfter = (at: number): number | undefined => {
    const reach = tokens[at]?.script === "ar" ? 1 : WHICH_REACH;
    for (let i = at + 1; i < Math.min(words.length, at + 1 + reach); i += 1) {
      if (isStopword(words[i] as string)) return undefined;
      if (isPerson(i)) return i;
    }
    return undefined;
  };
  const noun = words.map((w, at) => (WHICH_WORDS.has(withoutConjunction(w)) ? nounAfter(at) : undefined)).find((i) => i !== undefined);
  if (noun === undefined || OBJECT_AUXILIARIES.has(words[noun + 1] ?? "") || words.some((_, j) => j !== noun && isPerson(j))) return undefined;
  return tokens[noun]?.raw;
}

const withUnit = (unit: TimeUnit | undefined): { unit?: TimeUnit } => (unit ? { unit } : {});

/** A person's noun in a question and the place it posts them to, both as written. */
export interface Posting {
  readonly person: string;
  readonly place: string;
}

/** Words that post a person somewhere after their noun: "ambassador to", السفير لدى، المبعوث في. */
const POSTED_TO = normalizedSet("to لدى في فى");
/** How many words after a person's noun its posting may stand ("سفير الولايات المتحدة لدى الجزائر"). */
const POSTED_REACH = 3;

/**
 * Where a question's person is posted: the place after "to" (past "the"), or after لدى or في or written onto ب
 * ("بالجزائر"), right after a person's noun ("the name of the US ambassador to Algeria", "ما اسم السفيرة الأمريكية لدى
 * الجزائر", "سفير الولايات المتحدة لدى الجزائر"; an adjective or a country between). A place is a country of the list
 * (in lower case too: "to algeria"), an Arabic capital, or in English a capitalised word: not "the journalist in the
 * tweet" (found by a review), nor after another word ("the envoy who went to Mali").
 */
function placesPostedTo(tokens: readonly Token[]): Posting[] {
  const postings: Posting[] = [];
  const isPlace = (t: Token | undefined): t is Token =>
    t !== undefined && (namesCountryWord(t) || (t.script === "latin" ? isCapitalised(t) && !isStopword(t.text) : namesArabicPlace(t)));
  tokens.forEach((token, i) => {
    if (!isPersonNoun(token.text)) return;
    for (let at = i + 1; at <= i + POSTED_REACH && at < tokens.length; at += 1) {
      const word = tokens[at] as Token;
      const place = POSTED_TO.has(word.text) ? (tokens[at + 1]?.text === "the" ? tokens[at + 2] : tokens[at + 1]) : word.text.startsWith("ب") && isPlace(word) ? word : undefined;
      if (place !== undefined) {
        if (isPlace(place)) postings.push({ person: token.raw, place: place.raw });
        return;
      }
      // An adjective or a country between ("السفيرة الأمريكية لدى", "سفيرة US في", "سفير الولايات المتحدة لدى");
      // else the phrase ends.
      const between = (word.script === "ar" && word.text.startsWith("ال")) || word.text === "america" || namesCountryWord(word);
      if (!between) return;
    }
  });
  return postings;
}

/** The unit of time a quantity question counts in (see QuestionType.unit), from its words in English or Arabic. */
function askedUnit(question: string, arabic: string): TimeUnit | undefined {
  const english = EN_QUANTITY_IN_UNIT.exec(question)?.[1];
  if (english !== undefined) return unitOf(english.toLowerCase());
  const words = arabic.split(" ");
  const at = words.findIndex((word) => AR_QUANTITY_WORD.test(word));
  if (at < 0) return undefined;
  const next = words[at + 1] === "من" ? words[at + 2] : words[at + 1];
  return next === undefined ? undefined : unitOf(next);
}

const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
/** A year, after the digits are folded to ASCII. */
const YEAR = /(?<!\d)[12]\d{3}(?!\d)/;
/** The words of a date in a sentence: a month's name (see MONTH_WORDS) or a century's. Matched as whole words. */
const DATE_WORDS: ReadonlySet<string> = new Set([...MONTH_WORDS, "century", "centuries", "قرن", "القرن", "قرون", "القرون"]);
/** Words before a month that make it one: "in May", "since March", في مارس، شهر مايو، منذ آب. */
const MONTH_CUES = normalizedSet("in since until by early late mid last next of في شهر منذ حتى خلال مطلع أوائل أواخر نهاية بداية منتصف");
const CONJUNCTION_OR_PREPOSITION = /^[وفبل]/u;

/** Whether the sentence's tokens name a month or a century (an ambiguous month by a number or a cue word). */
function holdsDateWord(tokens: readonly Token[]): boolean {
  return tokens.some((token, i) => {
    const word = token.script === "ar" ? writtenForm(token.raw) : token.text;
    const bare = token.script === "ar" ? word.replace(CONJUNCTION_OR_PREPOSITION, "") : word;
    if (DATE_WORDS.has(word) || (bare !== word && bare.length > 3 && DATE_WORDS.has(bare))) return true;
    if (!AMBIGUOUS_MONTH_WORDS.has(word)) return false;
    const before = tokens[i - 1];
    return before?.script === "digit" || tokens[i + 1]?.script === "digit" || (before !== undefined && MONTH_CUES.has(before.text));
  });
}

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
 * Whether a token is one of `words`, alone or after و/ف, ب/ل or the article ("وأربعة", "وست", "بألف", "الثلاثين");
 * not after ك (كمية is not ك + مئة), nor after ب/ل or the article leaving fewer than three letters (لست is not
 * ل + ست, nor الست "the lady").
 */
const isOneOf = (words: ReadonlySet<string>, word: string): boolean => {
  const readings = [word, word.replace(/^[وف]/, ""), ...cliticReadings(word, { prepositions: "بل" })];
  return !readings.includes(MONDAY) && readings.some((r) => words.has(r));
};
const isNumberWord = (word: string): boolean => isOneOf(NUMBER_WORDS, word);
/** What says a number is a time of day: "٦:٣٥ ص", and a scraped time that lost its hour ("٢٤ ص"); "9 am". */
const TIME_OF_DAY = normalizedSet("ص صباحا صباح مساء am pm");

/**
 * Words besides NUMBER_WORDS that may give a count, read only to decline a quantity question none of whose quotes
 * holds one (see mayAnswerQuantity; the re-ranker's features read NUMBER_WORDS alone, as they were fitted): one,
 * fractions, decades in words, several, hundreds written as one word, and the Arabic duals of the units a count is
 * most often of (يومين, two days: Arabic writes two as the noun's dual, with no number).
 */
const COUNT_WORDS = normalizedSet(`
  one single once third thirds fourth fifth tenth percent couple fortnight several both decade decades twenties
  thirties forties fifties sixties seventies eighties nineties
  واحد واحدة وحيد بضع بضعة عدة ضعف ضعفين ضعفا ثلثي ثلثا ربعين ثلاثمائة ثلاثمئة أربعمائة أربعمئة خمسمائة خمسمئة
  ستمائة ستمئة سبعمائة سبعمئة ثمانمائة ثمانمئة تسعمائة تسعمئة ألفا ألفان مليونا مليونين مليونان
  عشرينيات ثلاثينيات أربعينيات خمسينيات ستينيات سبعينيات ثمانينيات تسعينيات
  يومين يومان أسبوعين أسبوعان شهرين شهران عامين عامان سنتين سنتان ساعتين ساعتان دقيقتين دقيقتان مرتان
  شخصين شخصان دولتين دولتان`);

/** Words before a year that make it one ("in 2015", لعام 2015، منذ 2019). */
const YEAR_CUES = normalizedSet("in since by until from of year عام سنة منذ في حتى");

/**
 * Whether the number at `i` of `tokens` is part of a time, not a count: a year after its cue word, a day or a
 * year beside a month's name ("24 يناير 2023"), or either half of a time of day ("6:35").
 */
function isTimeNumber(tokens: readonly PlacedToken[], i: number, text: string): boolean {
  const token = tokens[i] as PlacedToken;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if ([before, after].some((t) => t !== undefined && t.script !== "digit" && holdsDateWord([t]))) return true;
  if (before !== undefined && YEAR.test(foldDigits(token.text)) && isOneOf(YEAR_CUES, before.text)) return true;
  if (after !== undefined && TIME_OF_DAY.has(after.text)) return true;
  const joined = (a: PlacedToken | undefined, b: PlacedToken | undefined): boolean =>
    a?.script === "digit" && b?.script === "digit" && text.slice(a.end, b.start) === ":";
  return joined(before, token) || joined(token, after);
}

/** How many words from a unit of time its count may stand ("three-year term", "ثلاثة أيام كاملة"). */
const UNIT_REACH = 3;
/**
 * What also counts a unit of time beside it: one ("for a day", "منذ ساعة"), a few, an ordinal ("its fifth day",
 * "لليوم الثالث").
 */
const UNIT_COUNTS = normalizedSet(`a an for since few past second third fourth fifth sixth seventh eighth ninth tenth
  منذ لمدة مدة القليلة الماضية الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر`);
const YEARS = new RegExp(YEAR.source, "g");
/** "since" and منذ, and how many words after them a year or a month says since when. */
const SINCE = normalizedSet("since منذ");
/** A post's term after its length ("three-year term", "a four-year mandate"). */
const TERM_WORDS = normalizedSet("term terms mandate mandates");
const SINCE_REACH = 2;

/**
 * Whether a text may answer a question asking for a quantity: it holds a number that is not part of a date or a
 * time (see isTimeNumber: "لعام 2015" answered "كم عدد حفظة السلام؟"), a number word, or one of COUNT_WORDS. Read
 * generously otherwise: a count missed declines an answerable question, a word taken for one only lets an
 * unanswerable one through. Asked in a `unit` of time ("how many days …?"), the count must stand by one of that
 * unit's words ("three-year term" answers no "how many days"), or, for years, the text hold two years (a span). A
 * `duration` asked in no unit ("How long did the meeting last?") is answered so in any unit, by a span of years, or
 * by since when; a `tenure` ("How long has she held that post?") not by a term's length ("three-year term").
 */
export function mayAnswerQuantity(text: string, unit?: TimeUnit, { things = false, duration = false, tenure = false } = {}): boolean {
  const tokens = tokenizePlaced(text);
  const isCount = (t: PlacedToken, i: number): boolean =>
    t.script === "digit" ? !isTimeNumber(tokens, i, text) : isNumberWord(t.text) || isOneOf(COUNT_WORDS, t.text);
  // Things counted, a number of a unit of time after it counts no things ("three-year term", "ثلاث سنوات").
  const countsTime = (i: number): boolean => unitOf(tokens[i + 1]?.text ?? "") !== undefined;
  if (unit === undefined && !duration) return tokens.some((t, i) => isCount(t, i) && !(things && countsTime(i)));
  const span = new Set(foldDigits(text).match(YEARS)).size >= 2;
  if ((unit === "year" || unit === undefined) && span) return true;
  // A duration in any unit, or since when ("منذ عام 2021", "since March"): a post's date and reply count are none.
  if (unit === undefined && tokens.some((t, i) => SINCE.has(t.text) && tokens.slice(i + 1, i + 1 + SINCE_REACH).some((n) => n.script === "digit" || holdsDateWord([n])))) return true;
  const isUnit = (word: string): boolean => (unit === undefined ? unitOf(word) !== undefined : isOneOf(TIME_UNIT_WORDS[unit], word));
  return tokens.some((t, i) => {
    if (t.script === "digit" || !isUnit(t.text)) return false;
    // Someone's time in a post is no term's length ("its three-year term").
    if (tenure && TERM_WORDS.has(tokens[i + 1]?.text ?? "")) return false;
    for (let j = Math.max(0, i - UNIT_REACH); j <= Math.min(tokens.length - 1, i + UNIT_REACH); j++) {
      const near = tokens[j] as PlacedToken;
      if (isCount(near, j) || isOneOf(UNIT_COUNTS, near.text)) return true;
    }
    return false;
  });
}

/** Decades in words or digits ("the fifties", الخمسينيات, "the 1950s"), which date as a year does. */
const DECADE_WORDS = normalizedSet(`twenties thirties forties fifties sixties seventies eighties nineties
  عشرينيات ثلاثينيات أربعينيات خمسينيات ستينيات سبعينيات ثمانينيات تسعينيات
  عشرينات ثلاثينات أربعينات خمسينات ستينات سبعينات ثمانينات تسعينات قرنين قرنان`);
/** The Hijri months, whose dates a text may give instead ("في 10 رمضان"). */
const HIJRI_MONTHS = normalizedSet("محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة");

/**
 * Whether a text may answer a question asking for a date, a year or a century (see QuestionType.dated): it holds a
 * year, a month or a century (sentenceHolds), a decade ("في الخمسينيات" answered "In what year was the Interstate
 * Highway System created?"), a Hijri month, or any number in digits (a day: "Jan 24", "يوم 24/1", "24 الجاري").
 * Read generously, as mayAnswerQuantity is.
 */
export function mayAnswerDate(text: string): boolean {
  if (DIGIT.test(text) || YEAR.test(foldDigits(text))) return true;
  const tokens = tokenize(text);
  return holdsDateWord(tokens) || tokens.some((t) => isOneOf(DECADE_WORDS, t.text) || isOneOf(HIJRI_MONTHS, t.text));
}

/** What a sentence holds that answers typed questions (see sentenceHolds). */
export interface SentenceHolds {
  /** Any number, in digits or words. */
  readonly number: boolean;
  /** A year or a date. */
  readonly date: boolean;
}

/** What a sentence holds that answers typed questions: any number (in digits or words), and a year or date. */
export function sentenceHolds(text: string): SentenceHolds {
  const tokens = tokenize(text);
  return {
    number: DIGIT.test(text) || tokens.some((t) => t.script !== "digit" && isNumberWord(t.text)),
    date: YEAR.test(foldDigits(text)) || holdsDateWord(tokens),
  };
}
