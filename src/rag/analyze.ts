/**
 * Text -> matching keys, for documents and questions alike; and back, the words of a quote a question matched.
 *
 * Documents (documentTerms): a token is indexed under its stem keys and, for names, a cross-script name key: "~KEY"
 * for an Arabic token, "^KEY" for a Latin one. A question word looks up the other script's prefix only, so a name
 * key never matches within one script. Each @handle in a sentence adds a "@" token, and "@@" when the
 * handle is a tweet author of the corpus, so "which account" questions find the sentences that name one.
 * A tweet's sentences also hold one token of its author's name ("Ambassador Michele Sison"), each key under
 * the "%" prefix: a question naming the author finds her tweets through one term of its own, which leaves the
 * name's own matches (the text that names her) and the question's coverage as they were.
 *
 * Questions (queryTerms): each content word is one term, its alternatives matched as one: its stems, its
 * translations (translate.ts), an Arabic verb's other forms, name keys in the other script, and for a word found
 * nowhere its cognates, its correct spelling or the corpus's nearest spellings. The words naming who is asked about
 * rank less (a speaker's); a tweet author's name is a term of its own.
 *
 * Highlighting (matchedWords): the words of a text that a question's terms match, shown to the reader in bold.
 */
import { adjectiveCountryKeys, countryAdjective, countryNamed, countryOfCapital, namesArabicPlace, namesCountry, namesCountryWord } from "./capitals.js";
import type { FuzzyVocabulary } from "./fuzzy.js";
import { arabicSynonyms, arabicWords, glossaryPhrases, translatedKeys } from "./lexicon.js";
import { namedAfterNoun } from "./names.js";
import { cliticReadings, writtenReadings } from "./text/clitics.js";
import {
  askedHeadline,
  askedKeywords,
  askedOutlet,
  askedPublished,
  asksOfTheDateline,
  asksOfTheHeadline,
  isArticleWord,
  isPageWriter,
  namesReplies,
  opensWithDateline,
  pagePartOf,
} from "./text/page-parts.js";
import { isAskedTopic, isAskedUnit, isPersonAsked, isPersonNoun, questionType, withoutNameAsked } from "./text/question-type.js";
import { askedOccasion, asksOfTheOccasion, namesOccasion } from "./text/venue.js";
import { adjectiveRoot, ARABIC_DEMONSTRATIVES, standardKeys, withoutDemonstrative } from "./text/dialect.js";
import { isPassingWord } from "./text/passing-words.js";
import { holdsWord, normalizedSet, normalizeToken, withoutConjunction, writtenForm } from "./text/normalize.js";
import {
  asksForTheWording,
  framingWords,
  isAskingWord,
  isJoinedFunctionWord,
  isJoinedQuestionWord,
  isMisspeltFunctionWord,
  isQuestionWord,
  isStopword,
  withoutCourtesies,
  withoutOpener,
  withoutRoleAsked,
} from "./text/stopwords.js";
import { lightStemArabic, stemEnglish, taaReadings, tokenKeys } from "./text/stem.js";
import { isCapitalised, isWrittenCapitalised, tokenize, tokenizePlaced, type PlacedToken, type Token } from "./text/tokenize.js";
import { arabicKeysForLatin, arabicNameKeyParts, arabicSkeleton, cliticRestLatinKeys, hasArticle, latinKeysForArabic, latinNameKey, mayHoldAcronym, MIN_SKELETON, speltAcronyms } from "./text/translit.js";
import {
  augmentedForms,
  defectiveForms,
  DIALECT_PASSIVE,
  DIALECT_FUTURE,
  DIALECT_PRESENT,
  FORM_VIII_PRESENT,
  FUTURE_OF,
  formIIIForms,
  formIINoun,
  formVRests,
  HOLLOW_NOUN,
  HOLLOW_PAST_WORD,
  hollowForms,
  lamVerbKeys,
  lamVerbNoun,
  MAGHREBI_PRESENT,
  otherPersons,
  presentForms,
  PRESENT_ROOT,
  unmarkedDefectiveForms,
  VERB_ENDING,
} from "./text/verbs.js";
import { correctEnglish, heldEnglishKeys, isShorthand, relatedWords, translate, translateWord, type SpellingContext } from "./translate.js";
import type { PassageKind } from "./types.js";

export const ARABIC_NAME = "~";
/**
 * The prefix of the name key of an Arabic dictionary word with the article (التابعين, the followers; الصحراء, the
 * desert): a place's name may be such a word (Sahara, Sahel), a person's is not (President Tebboune ~ التابعين).
 */
export const ARABIC_WORD_NAME = "≈";
export const LATIN_NAME = "^";
const MENTION = "@";
const AUTHOR_MENTION = "@@";
/** The key of a headline's sentences, which a question asking for the report's headline looks for. */
const HEADLINE = "▤";
/** The key of a sentence with a hashtag (#CNDH, [#Algeria](#)), which a question asking for one looks for. */
const HASHTAG_KEY = "#";
/** A hashtag: # and a letter, not after a letter or digit (C#), & (an entity) or / (a web address's fragment). */
const HASHTAG = /(?<![\p{L}\p{N}_&/])#\p{L}/u;
export const AUTHOR_NAME = "%";
/** The key of a sentence opening with a dateline, which a question asking which outlet ran the report looks for. */
const OUTLET = "«»";
/** The key of a post's reply counter, which a question counting replies looks for. */
const REPLIES = "↩";
/** The key of the line telling how long ago the report went up, which a question asking when looks for. */
const PUBLISHED = "⏱";
/** The key of the page's keyword list, which a question asking for its keywords or tags looks for. */
const KEYWORDS = "⚲";
/** Whether a question's term asks for the keyword list (see askedKeywords): an earlier question's never lends it. */
export const asksForKeywords = (term: QueryTerm): boolean => term.keys.includes(KEYWORDS);
/** Whether a question's terms count a post's replies ("How many replies did it get?", "وقداش رد جات عليها؟"). */
export const countsReplies = (terms: readonly QueryTerm[]): boolean => terms.some((t) => t.keys.includes(REPLIES));
/** Whether a question's terms ask when the report went up (see askedPublished). */
export const asksWhenPublished = (terms: readonly QueryTerm[]): boolean => terms.some((t) => t.keys.includes(PUBLISHED));
/**
 * The key of the text's word for a manner (بطريقة), which a question on someone's manner looks for (طريقتها,
 * أسلوبها): not طريق's, which is also a road's.
 */
const MANNER = "≋";
/**
 * بطريقة (in a … way): a function word in a question and in a gloss ("invitingly" is بطريقة جذابة), but in the text
 * the word for a manner, which a question on it finds ("وكيف وصف الكاتب طريقتها؟", the text's "بطريقة دبلوماسية",
 * six blind conversations): the text's is indexed, under MANNER (see documentWordKeys).
 */
const TEXT_MANNER = normalizedSet("بطريقة");
/** A question's nouns of a manner (normalised): her way, her style, as the writer described it. */
const MANNER_NOUNS = normalizedSet("طريقة طريقتها طريقته طريقتهم طريقتو أسلوب أسلوبها أسلوبه أسلوبهم أسلوبو الأسلوب الطريقة");
/** The key of a sentence naming an occasion something was said at, which a question asking where it was said looks for. */
const OCCASION = "⌖";
/** The key of a sentence listing what something includes ("بما في ذلك …", "including …"), which "include" asks for. */
const INCLUDES = "⊃";
/** بما, with و or ف, opening "بما في ذلك", "بما فيها", "بما فيهم" (including); not "بما فيه الكفاية" (enough). */
const BIMA = normalizedSet("بما وبما فبما");
const INCLUDING_AFTER_BIMA = normalizedSet("فيها فيهم فيه");
const ENOUGH = normalizeToken("الكفاية");

/**
 * Whether a text's words say what something includes: "بما في ذلك" (and بما فيها, بما فيهم, in any spelling the
 * tokens normalise: فى, diacritics), "including". Its words are function words, so no question word finds them.
 */
function saysIncluding(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => {
    if (t.text === "including") return true;
    if (!BIMA.has(t.text)) return false;
    const [next, after] = [tokens[i + 1]?.text ?? "", tokens[i + 2]?.text ?? ""];
    return (next === "في" && after === "ذلك") || (INCLUDING_AFTER_BIMA.has(next) && after !== ENOUGH);
  });
}
/**
 * English and Arabic verbs of including ("Who does she include?", "تضم مين؟"), with their forms; not يشمل, a
 * function word (see stopwords.ts), which a question may use of anything.
 */
const INCLUDE_WORDS = normalizedSet(`include includes included including comprise comprises comprised
  ضم ضمت يضم تضم يضمون يتضمن تتضمن تضمن`);
/**
 * The dialects' "is in it" for being included: يدخل, كيدخل, بيدخل, تدخل … before فيه or ضمنه ("شكون كيدخل فيه؟"),
 * or before في in a question asking who ("من يدخل في المجتمع المدني؟"); not before what is entered ("من يدخل
 * المجتمع المدني؟"), nor "متى دخل في مفاوضات" (when did he enter talks: a review).
 */
const ENTERS = /^[وف]?(?:ك|ب|بي|كي)?[يتن]?دخل(?:و|وا|ون)?$/u;
const IN_IT = normalizedSet("فيه فيها فيهم فيهن ضمنه ضمنها ضمنهم ضمن");
const ASKS_WHO_INCLUDED = normalizedSet("who whom من مين منو شكون");

/** Whether the question word at `i` asks what something includes (see INCLUDES). */
const asksIncluded = (tokens: readonly Token[], i: number): boolean => {
  const text = (tokens[i] as Token).text;
  if (INCLUDE_WORDS.has(text)) return true;
  if (!ENTERS.test(text)) return false;
  const next = tokens[i + 1]?.text ?? "";
  return IN_IT.has(next) || (next === "في" && tokens.some((t) => ASKS_WHO_INCLUDED.has(withoutConjunction(t.text))));
};
/** The key of a sentence that may name someone (see mayName), which an answer to "what is X's name?" needs. */
export const NAMED = "✎";

/** An @handle, not the @ of an e-mail address (press@embassy.gov). */
const HANDLE = /(?<![\w.])@(\w{2,})/g;

/**
 * Index keys of each content token of `text` (stop words dropped), then one token per acronym spelt in Arabic
 * letter names (أيه بي سي: the keys of "abc"), one per @handle, then, for a tweet's sentence, one token holding
 * the keys of its author's name line (`byline`), prefixed.
 */
export function documentTerms(text: string, authors: ReadonlySet<string> = new Set(), byline?: string, kind?: PassageKind): string[][] {
  // A page's part kept as a sentence is found by a question asking for it, not by its words: رد is also a response.
  const part = kind === "keywords" ? "keywords" : pagePartOf(text);
  if (part !== undefined) return [[part === "replies" ? REPLIES : part === "keywords" ? KEYWORDS : PUBLISHED]];
  const tokens = tokenize(text);
  const words = arabicWords();
  const isWord = (key: string): boolean => words.has(key);
  const content = tokens.filter(isIndexedWord);
  const titled = afterPersonNouns(content);
  const terms = content.map((t, i) => documentWordKeys(t, isWord, titled[i]));
  // One term per run, holding every reading of it; only a sentence with two letter names side by side is read again.
  if (mayHoldAcronym(tokens)) for (const variants of acronymsOf(tokenizePlaced(text), text)) terms.push([...new Set(variants.flatMap((v) => v.keys))]);
  for (const [, handle] of text.matchAll(HANDLE)) {
    terms.push(handle && authors.has(handle.toLowerCase()) ? [MENTION, AUTHOR_MENTION, NAMED] : [MENTION, NAMED]);
    // On the handle's own word: the names it runs together are its alternatives, not words of their own.
    const word = handle?.toLowerCase() ?? "";
    const parts = handleNameKeys(word);
    const own = parts.length > 0 ? content.findIndex((t) => t.text === word) : -1;
    if (own >= 0) terms[own]?.push(...parts.filter((k) => !terms[own]?.includes(k)));
  }
  // On a word of the sentence's own, not a token of its own, which would lengthen it for the ranking.
  const named = content.findIndex((token, i) => mayName(token, token === tokens[0], terms[i] ?? [], isWord) || followsTitle(content, i, isWord));
  if (named >= 0) terms[named]?.push(NAMED);
  if (HASHTAG.test(text)) terms.push([HASHTAG_KEY]);
  // As NAMED is: on a word of the sentence's own, which a token of its own would lengthen for the ranking.
  if (saysIncluding(tokens)) (terms[0] ?? (terms[0] = [])).push(INCLUDES);
  if (kind === "headline") terms.push([HEADLINE]);
  if (opensWithDateline(text)) terms.push([OUTLET]);
  if (namesOccasion(tokens)) terms.push([OCCASION]);
  const name = byline === undefined ? [] : tokenize(byline).filter((t) => !isStopword(t.text));
  if (name.length > 0) terms.push([...new Set(name.flatMap((t) => [...tokenKeys(t), ...ownNameKeys(t, { minimum: MIN_SKELETON })]))].map((k) => AUTHOR_NAME + k));
  return terms;
}

/** Whether a text's token is indexed: a word of content, or the text's word for a manner (see TEXT_MANNER). */
const isIndexedWord = (token: Token): boolean => !isStopword(token.text) || TEXT_MANNER.has(token.text);

/** Words of a name a person's noun may stand before ("الرئيس عبد الفتاح السيسي": السيسي is the third). */
const NAME_AFTER_NOUN_REACH = 3;

/** Whether each of a sentence's content words comes within NAME_AFTER_NOUN_REACH Arabic words after a person's noun. */
function afterPersonNouns(content: readonly Token[]): boolean[] {
  const noun = content.map((t) => t.script === "ar" && isPersonNoun(t.text));
  return content.map((_, i) => {
    for (let back = 1; back <= NAME_AFTER_NOUN_REACH; back += 1) {
      if (content[i - back]?.script !== "ar") return false;
      if (noun[i - back]) return true;
    }
    return false;
  });
}

/**
 * Whether a word of a sentence may name someone (as an @handle does): a capitalised Latin word not its first
 * (every sentence opens so: the tweets' "Met today …", "Good conversation …" would all name someone), or an Arabic
 * word no reading of which (as written, or after what may be clitics) the word lists know (ميستورا, سيسون,
 * لعمامرة). A verb form the lists do not hold (تزور) reads so too: the test errs towards "may", as it only lets a
 * question asking for a name be declined where no quote could give one ("ما اسم المبعوث الأممي؟", of an envoy the
 * report leaves unnamed). `keys`: the word's index keys, any of which the lists know makes it a word.
 */
function mayName(token: Token, first: boolean, keys: readonly string[], isWord: (key: string) => boolean): boolean {
  if (token.script === "latin") return !first && isCapitalised(token);
  if (token.script !== "ar" || [...token.text].length < MIN_NAME_LETTERS || keys.some(isWord)) return false;
  return !cliticReadings(token.text).some((reading) => isStopword(reading) || tokenKeys({ ...token, text: reading }).some(isWord));
}
/** Letters an Arabic word needs to be taken for a name (two-letter words are function words or roots). */
const MIN_NAME_LETTERS = 3;
/** Words a name may stand after a person's title, its complements between ("وزير خارجية الجزائر كريم جمال"). */
const TITLE_REACH = 5;

/**
 * Whether the Arabic word at `i` of a sentence's content words, without the article, names the person whose noun
 * comes within TITLE_REACH words before it: a name the word lists may hold as a word (كريم, أمل). The words between
 * carry the article ("وزير الداخلية الجزائري كريم جمال"), or head a construct whose next word does ("وزير خارجية
 * الجزائر كريم جمال"), or the noun itself carries it, right before the name ("الرئيس تبون"); an indefinite noun's
 * next word is its adjective ("مبعوث أممي", an envoy of the UN).
 */
function followsTitle(content: readonly Token[], i: number, isWord: (key: string) => boolean): boolean {
  const token = content[i];
  if (token?.script !== "ar" || hasArticle(token.text)) return false;
  // Nor a verb in the past agreeing with a woman's title, its ت on a word the lists know ("المسؤولة الأمريكية إنها
  // ناقشت", she discussed: no name); after a man's title the same shape is a name (الوزير رفعت, a review).
  const pastAgreeing = token.text.endsWith("ت") && isWord(token.text.slice(0, -1));
  for (let title = i - 1; title >= Math.max(0, i - TITLE_REACH); title -= 1) {
    const noun = content[title] as Token;
    // One person's title: a plural's ("المقررين الخاصين للأمم المتحدة عند تقديم") names no one after it.
    if (noun.script === "ar" && isPersonNoun(noun.text)) {
      if (isPluralTitle(noun.text) || (pastAgreeing && noun.text.endsWith("ه"))) return false;
      return title < i - 1 || isDefinite(noun.text);
    }
    const construct = title + 1 < i && isDefinite((content[title + 1] as Token).text);
    if (!isDefinite(noun.text) && !construct) return false;
  }
  return false;
}

/** A sound plural's or a dual's ending (المقررين, المسؤولون, الصحفيات). */
const PLURAL_ENDING = /(?:ين|ون|ات|ان)$/u;
/**
 * A person's noun in the plural or the dual: its ending read off leaves a person's noun (المقررين: المقرر). Not a
 * singular that ends so (الأمين, the secretary; الفنان, the artist: a review).
 */
const isPluralTitle = (noun: string): boolean => PLURAL_ENDING.test(noun) && isPersonNoun(noun.replace(PLURAL_ENDING, ""));

/** A normalised word with the article; not a past of form VIII written as one (التقى, met; التزم, committed). */
const isDefinite = (word: string): boolean => hasArticle(word) && !/^الت..$/u.test(word);

/**
 * The words of `text` that a question term matches, with their offsets in `text`: what a reader is shown in
 * bold, and which question word (as the question wrote it) found each.
 */
export function matchedWords(text: string, terms: readonly QueryTerm[]): { start: number; end: number; word: string }[] {
  const byKey = new Map<string, string>();
  for (const term of terms) {
    if (term.synthetic) continue;
    for (const key of term.keys) if (!byKey.has(key)) byKey.set(key, term.phrases?.get(key) ?? term.raw ?? term.word);
  }
  const out: { start: number; end: number; word: string }[] = [];
  const tokens = tokenizePlaced(text);
  // An acronym spelt in letter names is one match, from its first letter to its last ("ABC" -> أيه بي سي).
  const inAcronym = new Set<number>();
  for (const variants of acronymsOf(tokens, text)) {
    // A run's readings come longest first: the first that matches is shown.
    for (const { first, last, keys } of variants) {
      const word = keys.map((k) => byKey.get(k)).find((w) => w !== undefined);
      if (word === undefined) continue;
      out.push({ start: (tokens[first] as PlacedToken).start, end: (tokens[last] as PlacedToken).end, word });
      for (let at = first; at <= last; at += 1) inAcronym.add(at);
      break;
    }
  }
  // Any rest of a preposition is tried: only the question's keys can match (and the word lists are not read, so
  // every word with the article has its name key apart, as a dictionary word's, but after a person's noun).
  const content = tokens.filter((t, at) => isIndexedWord(t) && !inAcronym.has(at));
  const titled = afterPersonNouns(content);
  content.forEach((token, at) => {
    const word = documentWordKeys(token, () => true, titled[at]).map((k) => byKey.get(k)).find((w) => w !== undefined);
    if (word !== undefined) out.push({ start: token.start, end: token.end, word });
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Prepositions written onto a word, after و or ف or alone (لمنصب, وبحسب), which neither stemmer strips. */
const PREPOSITIONS = ["ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"] as const;
/** Letters a word needs after its preposition to be indexed under the rest too (لجنة keeps its ل, as does لحظة). */
const MIN_PREPOSITION_REST = 4;

/**
 * A text word's index keys: its stems and cross-script name keys, and for an Arabic word with a preposition
 * written onto it, the stems of the rest that `isWord` takes for a word (indexing: those the word lists know,
 * so that لمنصب is also منصب, and the name لعمامرة not عمامر, which would look like عمر, "age").
 */
function documentWordKeys(token: Token, isWord: (key: string) => boolean, afterTitle = false): string[] {
  if (TEXT_MANNER.has(token.text)) return [MANNER];
  const own = tokenKeys(token);
  // A dictionary word with the article has its name key apart (see ARABIC_WORD_NAME); not after a person's noun,
  // where it may name the person (الرئيس عبد الفتاح السيسي: سيس is a stem the lists know).
  const dictionaryWord = token.script === "ar" && !afterTitle && hasArticle(token.text) && own.some(isWord);
  const keys = [...own, ...ownNameKeys(token, { dictionaryWord })];
  if (token.script !== "ar") return keys;
  // A country's adjective that no key of its name meets (الروسي: روسيا) holds the name's keys too; not after a
  // person's noun, where it may be a name ("الأمير تركي الفيصل", Prince Turki: a review).
  if (!afterTitle) for (const k of adjectiveCountryKeys(token)) if (!keys.includes(k)) keys.push(k);
  for (const clitic of PREPOSITIONS) {
    const rest = token.text.slice(clitic.length);
    if (!token.text.startsWith(clitic) || rest.length < MIN_PREPOSITION_REST || rest.startsWith("ال")) continue;
    // The rest must read as a word: every key of it, or one of four letters or more. A short stem alone may be
    // another word (بايدن's rest ايدن is no word, though its stem ايد is); باعتبارهما's rest is اعتبار.
    const restKeys = tokenKeys({ ...token, text: rest });
    const words = restKeys.filter(isWord);
    if (words.length === 0 || (words.length < restKeys.length && !words.some((k) => k.length >= MIN_PREPOSITION_REST))) continue;
    for (const k of words) if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

/** The acronyms spelt in Arabic letter names among `tokens` (see speltAcronyms), with the English keys of their readings. */
function acronymsOf(tokens: readonly PlacedToken[], text: string): { first: number; last: number; keys: string[] }[][] {
  return speltAcronyms(tokens, text).map((variants) =>
    variants.map(({ first, last, readings }) => ({ first, last, keys: [...new Set(readings.map(stemEnglish))] })),
  );
}

/** و or ف before a hamza on alef, as written: a conjunction (hardly a word begins so). */
const CONJUNCTION = /^[وف][أإآ]/u;

/**
 * The token's cross-script name keys (an Arabic word's also after what may be clitics, see arabicNameKeys). An
 * Arabic word's may have two consonants (for a Latin name that reads as one, see arabicKeysForLatin); `minimum`
 * asks for more where every question word is looked up (author names).
 */
function ownNameKeys(token: Token, { minimum, dictionaryWord = false }: { minimum?: number; dictionaryWord?: boolean } = {}): string[] {
  if (token.script === "ar") {
    // و or ف and a function word (وكانت, "and was"; فهذا) is no name, whatever consonants it shares with one (Canada).
    if (isJoinedFunctionWord(token.text)) return [];
    const { own, rests } = arabicNameKeyParts(token.text, minimum, { conjunction: CONJUNCTION.test(writtenForm(token.raw)) });
    // A dictionary word with the article: the word's own key apart (ARABIC_WORD_NAME), what follows a clitic as it is.
    const ownKeys = own === undefined ? [] : [(dictionaryWord ? ARABIC_WORD_NAME : ARABIC_NAME) + own];
    return [...ownKeys, ...rests.map((k) => ARABIC_NAME + k)];
  }
  const key = token.script === "latin" ? latinNameKey(token.text) : undefined;
  return key === undefined ? [] : [LATIN_NAME + key];
}

/** One question word: its alternatives are matched as one term (structured query translation). */
export interface QueryTerm {
  readonly word: string;
  /** The word as the question wrote it, for showing the reader what matched. */
  readonly raw?: string;
  readonly keys: readonly string[];
  /** Scales the term's score and its share of coverage: below 1 for approximate (fuzzy) matches. */
  readonly weight: number;
  /** Keys the word matches joined to a neighbour, and the two words as the question wrote them ("Khaled Drareni"). */
  readonly phrases?: ReadonlyMap<string, string>;
  /** A term the analyser added (the author-account cue): it scores but does not count for coverage. */
  readonly synthetic?: boolean;
  /**
   * The country a capital stands for, when the briefings name the country and never the capital ("Washington"
   * for America): the term matches nothing and does not count for coverage, found or missing.
   */
  readonly standsFor?: string;
  /**
   * A word that reads as a name or a number: capitalised inside an English sentence, unknown, or digits; or an
   * Arabic name found nowhere (see knownName).
   */
  readonly name?: boolean;
  /**
   * An Arabic word found nowhere that is surely a name (an Arabic country or capital, or an unknown word after a
   * title or a place's noun: names.ts): the briefings do not give it.
   */
  readonly knownName?: boolean;
  /** A country's name in the capitals list, in either script ("Morocco", المغرب): see capitals.ts countryNamed. */
  readonly country?: boolean;
  /**
   * The keys of a tweet author's name that the word matches, when the text also names her: the author-name
   * term scores them, and a tweet of hers holds the word as a sentence naming her does.
   */
  readonly authorKeys?: readonly string[];
  /** Who is asked about, not what ("Sison" in "What did Sison say about Mali?"): ranks at SPEAKER_WEIGHT. */
  readonly speaker?: boolean;
  /**
   * A word the asker frames the question with, of themselves, that the briefings hold ("piece" in "Hi, I'm writing a
   * piece for a Manila outlet. What …?"): ranks at SPEAKER_WEIGHT too. Not a topic's before a colon ("Mali: …").
   */
  readonly framing?: boolean;
}

/**
 * How much a speaker's words rank beside the topic's. A name is rarer than most topic words and outranked them:
 * "What did Sison say about Mali?" quoted the one paragraph naming Sison (on Western Sahara) before any on Mali.
 * It still counts in full for coverage: the briefings do hold it.
 */
const SPEAKER_WEIGHT = 0.5;

/** How much a term ranks beside its weight: SPEAKER_WEIGHT for a speaker's or a framing word's, else 1. */
export const speakerWeight = (term: QueryTerm): number => (term.speaker || term.framing ? SPEAKER_WEIGHT : 1);

/** A term's weight in ranking: its weight, a speaker's scaled by SPEAKER_WEIGHT. */
export const rankWeight = (term: QueryTerm): number => term.weight * speakerWeight(term);

/** Declared with the word lists that build it; also exported here, beside the QueryContext that holds it. */
export type { Lexicon } from "./lexicon.js";

/** What query analysis may consult about the corpus: its spellings, beside what correcting an English word does. */
export interface QueryContext extends SpellingContext {
  /** The corpus's own plain keys, both scripts. */
  readonly vocabulary: FuzzyVocabulary;
}

/** Whether a question's terms ask for one of the page's parts: the outlet, the publishing time, the headline or the keywords. */
export const asksOfThePage = (terms: readonly QueryTerm[]): boolean => terms.some((t) => t.keys.some((k) => k === OUTLET || k === PUBLISHED || k === HEADLINE || k === KEYWORDS));

/**
 * The question's terms: each content word with its stems, translations and, for names, its name keys. Its
 * courtesies ("لو سمحت", "الله يخليك") are read off first: they ask nothing.
 */
export function queryTerms(input: string, context: QueryContext): QueryTerm[] {
  const question = withoutCourtesies(input);
  const read = withPhrasalMeanings(withCaseOfNames(withoutOpener(tokensOfSentences(question))));
  // Words it asks with that are a text's content words (how she felt, the RSF "guy"): no terms of the question's own.
  const all = read.filter((_, i) => !isAskingWord(read, i));
  const type = questionType(question);
  const framing = framingWords(question);
  // Where the briefings have a dateline or say when they went up, a question may ask which outlet ran the report
  // or when (see text/page-parts.ts): its words on them are looked for there alone. Read without the words that
  // frame the question and that the briefings lack, as its terms are ("How long ago was this thing published,
  // mate?"; not "the Lamamra tweet" in "I'm asking about the Lamamra tweet: …", a review).
  const unframed = all.filter((t) => !framing.words.has(t.text) || tokenKeys(t).some(context.has));
  const outlet = context.has(OUTLET) ? askedOutlet(unframed) : undefined;
  const published = !outlet && context.has(PUBLISHED) ? askedPublished(unframed, type) : undefined;
  // So may it ask for the report's headline ("ما عنوان المقال؟"): its words on that look for the headline alone.
  const headline = !outlet && !published && context.has(HEADLINE) ? askedHeadline(unframed) : undefined;
  // Or for its keyword list ("What are the article's keywords?"): the asking word alone, as for the publishing time.
  const keywords = !outlet && !published && !headline && context.has(KEYWORDS) ? askedKeywords(unframed) : undefined;
  // A question on when the report went up says nothing else (see askedPublished): its PUBLISHED term alone. One
  // on someone's job asks who they are: the job's word is read off (withoutRoleAsked).
  // And where something was said ("In what setting did Sison make these remarks?"): its setting word looks for
  // the sentences naming an occasion (text/venue.ts); its other words say what was said, and by whom.
  // Line by line: a follow-up joined to the question before it does not ask where that was said ("ووين انطرحت
  // هالقضية قبل؟", and where was this raised before?, after "شو قالت عن …؟").
  const occasion = !outlet && !published && !headline && !keywords && context.has(OCCASION) ? question.split("\n").map((line) => askedOccasion(tokenize(line))).find((t) => t !== undefined) : undefined;
  const asked = occasion ? all.filter((t) => !asksOfTheOccasion(t)) : all;
  // So is the word for a name in a question asking a person's ("What is the name of the US official …?"): a
  // report gives the name, seldom the word, which elsewhere finds "ما يمكن أن أسميه" (what I would call).
  const unnamed = type.name ? withoutNameAsked(asked) : asked;
  const ofTheHeadline = asksOfTheHeadline(all);
  const tokens = outlet ? all.filter((t) => !asksOfTheDateline(t)) : published || keywords ? [] : headline ? all.filter((t) => !ofTheHeadline(t)) : withoutRoleAsked(unnamed, isPersonAsked);
  const speakers = outlet || published || keywords ? { start: 0, end: 0 } : speakerSpan(question, tokens);
  const words = tokens.flatMap(
    (token, i) =>
      wordTerm(tokens, i, context, {
        speaker: i >= speakers.start && i < speakers.end,
        countsReplies: type.quantity,
        framing: framing.words.has(token.text) ? (framing.ofTheAsker ? "of the asker" : "framing") : undefined,
      }) ?? [],
  );
  const distinct = distinctWords(words);
  const terms = otherFormTerms(distinct.map((w) => w.term), distinct.flatMap((w) => w.otherForms ?? []));
  // Every word counts for the account and author-name terms, a repeated one too. Not a question asking when ("when
  // was it posted?"): it asks for a date, which every tweet has, not for the one mentioning its author's account.
  // Nor one counting a post's replies ("شحال من رد كاين على التغريدة تاع CNDH؟"): its word for the post says which
  // post, not whose account.
  const countsReplies = words.some((w) => w.term.keys.includes(REPLIES));
  if (!type.time && !countsReplies && words.some((w) => w.asksForAccount)) terms.push({ word: AUTHOR_MENTION, keys: [AUTHOR_MENTION], weight: 1, synthetic: true });
  // The outlet word itself is a function word in other questions ("how did the newspaper describe …").
  if (outlet) terms.push({ word: outlet.text, raw: outlet.raw, keys: [OUTLET], weight: 1 });
  if (published) terms.push({ word: published.text, raw: published.raw, keys: [PUBLISHED], weight: 1 });
  if (headline) terms.push({ word: headline.text, raw: headline.raw, keys: [HEADLINE], weight: 1 });
  if (keywords) terms.push({ word: keywords.text, raw: keywords.raw, keys: [KEYWORDS], weight: 1 });
  // Weighed as two words: it names the kind of answer wanted. As a term of no weight in coverage (synthetic), it
  // left the questions it serves declined on a dozen sets (measured in session 48).
  if (occasion) terms.push({ word: occasion.text, raw: occasion.raw, keys: [OCCASION], weight: 2 });
  const authorKeys = new Set(words.flatMap((w) => w.term.authorKeys ?? []));
  const authorBySpeaker = words.every((w) => w.term.authorKeys === undefined || w.term.speaker === true);
  return withAuthorTerm(terms, authorKeys, authorBySpeaker);
}

/** `words` without those whose keys are an earlier word's, exactly. */
function distinctWords(words: readonly WordTerm[]): WordTerm[] {
  const seen = new Set<string>();
  return words.filter(({ term }) => {
    const signature = [...term.keys].sort().join("|");
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

/** What ends a sentence inside a question, before the word opening the next: ".", "!", "?", ":" or ";". */
const SENTENCE_END = /[.!?:;؟]/u;
/** An abbreviation's word before its point ("Mr.", "Gen.", "St."): a capital and at most two letters more. */
const ABBREVIATION = /^\p{Lu}\p{L}{0,2}$/u;

/**
 * The question's tokens, the word opening a sentence after its first caseless (see Token.caseless): its capital says
 * nothing of a name, as the first word's does not ("Thanks. Simple question: which journalist …?", whose "Simple",
 * read as a name the briefings lack, declined the question: blind set 91). Not after an abbreviation's point
 * ("Gen. Amirouche") or an initial's ("Michele J. Sison"), nor an acronym ("Hi! UN envoy …").
 */
export function tokensOfSentences(question: string): Token[] {
  const placed = tokenizePlaced(question);
  return placed.map(({ text, script, raw }, i) => {
    const before = placed[i - 1];
    const between = before === undefined ? "" : question.slice(before.end, placed[i]?.start);
    const ends = SENTENCE_END.exec(between)?.[0];
    // Not after an initial the tokens leave out ("Michele J. Sison", "U.N. Security Council"): a letter between.
    const abbreviated = ends === "." && (ABBREVIATION.test(before?.raw ?? "") || /\p{L}/u.test(between));
    const opens = ends !== undefined && !abbreviated && !isAcronym({ text, script, raw });
    return { text, script, raw, ...(opens ? { caseless: true } : {}) };
  });
}

/** Beyond this share of a question's English words after the first capitalised, it is written in title case... */
const TITLE_CASE_SHARE = 0.8;
/** ...when it has this many at least (a question of a name or two is not). */
const MIN_TITLE_CASE_WORDS = 3;
/**
 * `tokens`, caseless (see Token.caseless) where the question is written in title case or in capitals ("What Topics
 * Came Up In Her Meeting?", "WHAT DID SISON SAY ABOUT THE SAHEL?"): every word has a capital there, and read as names
 * the dictionary's words were missing names (the question declined) and met names of the same consonants (SAHEL ~
 * تسهيل).
 */
/** A Latin word written in capitals, an acronym's way ("UN", "AMB"). */
const isAcronym = (t: Token): boolean => t.raw.length > 1 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase();

export function withCaseOfNames(tokens: readonly Token[]): readonly Token[] {
  // Every word after the first, function words too: those a name-heavy question writes in lower case ("Who was
  // Super Bowl XLIX's MVP?"), where a question in title case capitalises them as well.
  const latin = tokens.slice(1).filter((t) => t.script === "latin");
  // An acronym (UN, US) says nothing either way: "Has UN Secretary-General Antonio Guterres spoken?" is a sentence
  // of names. Unless every word is one: a question in capitals.
  const shouted = latin.length >= MIN_TITLE_CASE_WORDS && latin.every(isAcronym);
  const words = latin.filter((t) => !isAcronym(t));
  // The words counted with the acronyms ("What Did UN Say?" has three), their share without.
  // As written: a sentence's first word is caseless already (see tokensOfSentences), and capitalised all the same.
  const titleCase = latin.length >= MIN_TITLE_CASE_WORDS && words.length > 0 && words.filter(isWrittenCapitalised).length > words.length * TITLE_CASE_SHARE;
  return shouted || titleCase ? tokens.map((t) => (t.script === "latin" ? { ...t, caseless: true } : t)) : tokens;
}

/** Verbs of saying and thinking, and the words a question then asks "about" with (normalised where Arabic). */
const SAYING: ReadonlySet<string> = normalizedSet(
  "say says said tell tells told think thinks thought comment comments commented mention mentions mentioned feel feels believe believes write writes wrote " +
    "talk talked speak speaks spoke " +
    "قال قالت يقول تقول قالوا ذكر ذكرت يذكر تذكر صرح صرحت أكد أكدت حكى حكت تحكي يحكي تكلم تكلمت رأت يرى ترى " +
    "تحدث تحدثت يتحدث تتحدث اتكلم اتكلمت",
);
const ABOUT: ReadonlySet<string> = normalizedSet("about regarding concerning عن حول بشأن بخصوص وعن وحول");
/** "What", formal and dialect: a question asking what was said, not where or when the speaker said it. */
const WHAT: ReadonlySet<string> = normalizedSet("what ماذا ما شو ايش إيش وش واش شنو اشنو وماذا وشو فماذا");
/** The English question words that ask of the speaker (where, when or how they spoke), not what they said. */
const ASKS_OF_THE_SPEAKER_EN: ReadonlySet<string> = new Set(["who", "whom", "whose", "when", "where", "which", "why", "how"]);
/** The yes/no question's Arabic opening, which asks whether something was said, as "what" asks what. */
const WHETHER_AR: ReadonlySet<string> = normalizedSet("هل وهل فهل");

/** The auxiliaries an English yes/no question on what someone said opens with, its subject after them. */
const YES_NO_AUXILIARIES: ReadonlySet<string> = new Set(["did", "does", "do", "has", "have", "had", "will", "would", "can", "could"]);
/** The verbs of thinking that ask "of" a topic ("What does Washington think of it?"). */
const THINKING: ReadonlySet<string> = new Set(["think", "thinks", "thought"]);
/** The pronouns after "about" that stand for a topic asked before, no word of their own. */
const POINTED_AT: ReadonlySet<string> = new Set(["it", "them", "this", "that", "these", "those"]);
/** Words after which an "about" ends its clause, no topic following it: "… she talked about in Algiers?". */
const AFTER_ABOUT_CLAUSE: ReadonlySet<string> = new Set(["in", "during", "with", "at", "on", "to", "when", "while", "before", "after"]);

/** Whether a word asks of the speaker, not what was said: a question word other than "what" or a yes/no one. */
const asksOfTheSpeakerWith = (word: string): boolean =>
  ASKS_OF_THE_SPEAKER_EN.has(word) || ((isQuestionWord(word) || isJoinedQuestionWord(word)) && !WHAT.has(word) && !WHETHER_AR.has(word));

/**
 * The index of the word a question asking what was said asks "about" with, after a verb of saying ("What did
 * Sison say about Mali?", "ماذا قالت سيسون عن مالي؟"), when words come after it: the words before it are the
 * speaker's. So is a yes/no question ("Did Sison talk about Mali?", "هل تحدثت سيسون عن مالي؟", the Egyptian "هي
 * سيسون اتكلمت عن مالي؟"), whose speaker's name found the paragraph naming her in full before the one on Mali.
 * -1 when none; also for "where was Lamamra when he spoke about …?", which asks about the speaker.
 */
function aboutIndex(tokens: readonly Token[]): number {
  // "what" first, then the verb ("Tell me what Sison said about Mali": not "tell"); with no "what", the first verb.
  const what = tokens.findIndex((t) => WHAT.has(t.text));
  const said = tokens.findIndex((t, i) => i > what && SAYING.has(t.text));
  if (said < 0) return -1;
  // Asked yes or no, the English question opens with its auxiliary, the speaker after it ("Did Sison talk about
  // …?"; not "Was Mali a country Sison spoke about …?", whose words before the verb are the topic: a review), and
  // no other question word comes before the verb.
  const [first] = tokens;
  if (what < 0 && first?.script === "latin" && !YES_NO_AUXILIARIES.has(first.text)) return -1;
  if (what < 0 && tokens.slice(0, said).some((t) => asksOfTheSpeakerWith(t.text))) return -1;
  // "Of" after a verb of thinking asks about as "about" does ("What does the US think of MINURSO?").
  const about = tokens.findIndex((t, i) => i > said && (ABOUT.has(t.text) || (i === said + 1 && t.text === "of" && THINKING.has(tokens[said]?.text ?? ""))));
  // Nor an "about" left at a clause's end ("… Sison talked about during her visit?").
  if (about < 0 || AFTER_ABOUT_CLAUSE.has(tokens[about + 1]?.text ?? "")) return -1;
  // A pronoun after it stands for the topic asked before ("And what does the US think of it?"): the words before
  // are the speaker's still.
  return tokens.slice(about + 1).some((t) => !isStopword(t.text)) || POINTED_AT.has(tokens[about + 1]?.text ?? "") ? about : -1;
}

/**
 * Where the speaker's words are (see aboutIndex): from `start` to before `end`, in the question's last line only,
 * since an earlier question joined to it (a follow-up judged with the one it follows) has its own speaker, if any.
 * Empty when the question asks about no speaker.
 */
function speakerSpan(question: string, tokens: readonly Token[]): { start: number; end: number } {
  const lastLine = question.includes("\n") ? tokenize(question.slice(question.lastIndexOf("\n") + 1)) : tokens;
  const start = tokens.length - lastLine.length;
  const about = aboutIndex(lastLine);
  return { start, end: about < 0 ? -1 : start + about };
}

/**
 * English phrasal verbs that carry no topic: of saying ("What did she bring up with him?", "What did he point
 * out?"), which ask what was said, as "say" (a stop word) does; and of happening ("When did the meeting take
 * place?", "What issue came up?"), as "happen" does. Their words alone are others (bring, point, place), which
 * the briefings seldom hold, and counted as missing they declined the question.
 */
const PHRASAL_FUNCTION: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...["bring", "brings", "brought", "bringing"].map((verb) => [verb, ["up"]] as const),
  ...["point", "points", "pointed", "pointing"].map((verb) => [verb, ["out"]] as const),
  ...["take", "takes", "took", "taken", "taking"].map((verb) => [verb, ["place"]] as const),
  ...["come", "comes", "came", "coming"].map((verb) => [verb, ["up"]] as const),
  // And of going up, as a post does ("What time did that go up?": conversations ll07); not go alone, also a name (Go,
  // the game; "Gone with the Wind": a review).
  ...["go", "goes", "went", "gone", "going"].map((verb) => [verb, ["up"]] as const),
  // And an adverb's phrase, "right now": it asks when as "now" (a stop word) does; its "right" found the rights of
  // every tweet.
  ["right", ["now"]],
  // The Egyptian "how is it doing" (عاملة إزاي, عامل إيه) and "these days" (الأيام دي, اليومين دول), which ask how
  // things stand now: "وعلاقتها بباماكو الأيام دي عاملة إزاي؟" (blind conversations 97) found الأيام nowhere and
  // عاملة as شامل. Written as normalizeToken writes them.
  ...["عامل", "عامله", "عاملين"].map((word) => [word, ["ازاي", "ايه"]] as const),
  ["الايام", ["دي", "ديه", "دول"]],
  ["اليومين", ["دول", "دي"]],
  // "Anyone": the dialects' أي حد and the standard أي أحد ("هل قابلت سيسون أي حد من جبهة البوليساريو؟": حد found a
  // border, blind set 111), with ب, ل or و joined to أي too ("بأي حد", a review); and "to what extent", إلى أي حد,
  // which asks a degree.
  ...["اي", "باي", "لاي", "واي"].map((any) => [any, ["حد", "احد"]] as const),
]);

/** The particle "then, so" (إذن), also the noun "permission" (إذْن, written the same). */
const THEN_PARTICLE = normalizedSet("إذن اذن");

/**
 * Whether the word at `i` is إذن closing or opening the question ("فماذا تريد منه إذن؟", so what does it want from it,
 * then?: blind conversations 94, declined on "permission"), where it is the particle; elsewhere the noun ("هل حصل على
 * إذن بالزيارة؟", did he get permission to visit?).
 */
const isThenParticle = (tokens: readonly Token[], i: number): boolean => THEN_PARTICLE.has(tokens[i]?.text ?? "") && (i === 0 || i === tokens.length - 1);

/** What "how long" asks a length with, not a duration: "How long is the river?", "how long were the walls?". */
const LENGTH_ASKED = new Set(["is", "are", "was", "were"]);

/**
 * Whether the word at `i` is the "long" of "how long" asking a duration, as "how many" asks a count: "How long?",
 * "how long did he stay?", "for how long has she held it?". Its "long" is no word of the topic: it found استمرار
 * (continuing) in a quote on Mali, and as a word of its own the follow-up "How long?" stood alone (conversations
 * 59). Not before is/are/was/were, which ask a length as often ("How long is Kearney Boulevard?": the text's بطول, a
 * review) as a duration ("How long was the term?", whose "long" stays, as before session 55: a second review).
 */
const isDurationLong = (tokens: readonly Token[], i: number): boolean =>
  tokens[i]?.text === "long" && tokens[i - 1]?.text === "how" && !LENGTH_ASKED.has(tokens[i + 1]?.text ?? "");

/** The verbs of "catch up", read as meeting only before "with". */
const CATCHING: ReadonlySet<string> = new Set(["catch", "catches", "caught", "catching"]);

/**
 * English phrasal verbs read as the one word the word lists translate ("Who pulled out of the deal?": withdraw,
 * انسحب); the verb alone translates to another sense (pull, سحب), and its particle is a function word.
 */
const PHRASAL_MEANING: ReadonlyMap<string, readonly [particle: string, meaning: string]> = new Map<string, readonly [string, string]>([
  ...["pull", "pulls", "pulled", "pulling"].map((verb) => [verb, ["out", "withdraw"]] as const),
  ...["step", "steps", "stepped", "stepping"].map((verb) => [verb, ["down", "resign"]] as const),
  ...["set", "sets", "setting"].map((verb) => [verb, ["up", "establish"]] as const),
  ...["carry", "carries", "carried", "carrying"].map((verb) => [verb, ["out", "implement"]] as const),
  ...["turn", "turns", "turned", "turning"].map((verb) => [verb, ["down", "reject"]] as const),
  // Meeting someone, as chat says it: "Who did she sit down with?", "hang out with", "get together with", "catch up with".
  ...["sit", "sits", "sat", "sitting"].map((verb) => [verb, ["down", "meet"]] as const),
  ...["hang", "hangs", "hung", "hanging"].map((verb) => [verb, ["out", "meet"]] as const),
  ...["get", "gets", "got", "getting"].map((verb) => [verb, ["together", "meet"]] as const),
  ...[...CATCHING].map((verb) => [verb, ["up", "meet"]] as const),
  // Searching: "What kind of UN system is the US looking for?" (the text's نبحث; look alone is نظر, blind set 86).
  ...["look", "looks", "looked", "looking"].map((verb) => [verb, ["for", "search"]] as const),
  // Beginning: "Is anything formal about to kick off there?" (the text's ستبدأ; kick alone is ركل, blind
  // conversations 94).
  ...["kick", "kicks", "kicked", "kicking"].map((verb) => [verb, ["off", "start"]] as const),
  // Standing for an office: "What seat is Algeria running for?" (مرشحة; run alone is ركض or أدار).
  ...["run", "runs", "ran", "running"].map((verb) => [verb, ["for", "candidate"]] as const),
]);

/**
 * Two-word names news English gives what the word lists know by one word, read as that word: the World Court is the
 * ICJ (whose glossary row finds محكمة العدل الدولية), the blue helmets are peacekeepers. Neither word alone means it
 * ("world", عالم; "blue", أزرق). Found blind: four questions on the candidate for "the World Court" and "the blue
 * helmets in mali". Not "top diplomat", a foreign minister only sometimes ("America's top diplomat at the UN": a review).
 */
const COMPOUND_MEANING: ReadonlyMap<string, string> = new Map([
  ["world court", "icj"],
  ["blue helmets", "peacekeepers"],
  ["blue helmet", "peacekeeper"],
  // And as Arabic news writes them, القبعات الزرق (blue hats) or الخوذ الزرقاء (blue helmets): blind set 98.
  ...["القبعات الزرق", "القبعات الزرقاء", "الخوذ الزرق", "الخوذ الزرقاء", "الخوذات الزرقاء"].map(
    (name): [string, string] => [tokenize(name).map((t) => t.text).join(" "), "peacekeepers"],
  ),
  // A sign of something is an indicator ("What was that seen as a sign of?", the text's كمؤشر انفتاح; blind
  // conversations 79 and 82): "sign" alone is signing (وقع, "What did Algeria sign?"; a glossary row tried for it
  // found كمؤشر there too: a review).
  ["sign of", "indicator"],
  ["signs of", "indicators"],
]);

/** A function word a phrasal verb's particle is read as ("together" is none of its own). */
const READ_OFF = "of";

/**
 * `tokens` with each phrasal verb of PHRASAL_MEANING, and each name of COMPOUND_MEANING, read as its one-word meaning
 * and its particle (the name's second word) as a function word (both written as before, and kept in their places:
 * speakerSpan counts them). Not "run for" in a question asking how
 * long: "How long does the term run for?" lasts (found by a review).
 */
function withPhrasalMeanings(tokens: readonly Token[]): Token[] {
  const lasting = tokens.some((t) => t.text === "long");
  const meaningAt = (i: number): string | undefined => {
    const compound = COMPOUND_MEANING.get(`${tokens[i]?.text} ${tokens[i + 1]?.text}`);
    if (compound !== undefined) return compound;
    const [particle, meaning] = PHRASAL_MEANING.get(tokens[i]?.text ?? "") ?? [];
    if (meaning === undefined || tokens[i + 1]?.text !== particle || (meaning === "candidate" && lasting)) return undefined;
    // "catch up" is meeting only with someone ("catch up with"; not "catch up on what she said", a review).
    return CATCHING.has(tokens[i]?.text ?? "") && tokens[i + 2]?.text !== "with" ? undefined : meaning;
  };
  return tokens.map((token, i) => {
    if (isWinningElection(tokens, i)) return { ...token, text: "elected" };
    const meaning = meaningAt(i);
    if (meaning !== undefined) return { ...token, text: meaning, script: "latin" };
    return meaningAt(i - 1) !== undefined ? { ...token, text: READ_OFF } : token;
  });
}

/**
 * Winning a seat or an election is being elected ("When did Algeria win its seat on the council?", "win a
 * non-permanent seat", the text's انتخاب). Not a vote won, which a motion wins as often (a review).
 */
const WINNING = new Set(["win", "wins", "won", "winning"]);
const WON_BY_VOTES = new Set(["seat", "seats", "election", "elections"]);
/** How many words may stand between "win" and its seat ("win the ICJ seat", "win a non-permanent seat"). */
const WON_REACH = 3;
/** The determiners that may stand there; any other function word ends the phrase ("win praise for its seat"). */
const WON_DETERMINER = new Set(["a", "an", "the", "its", "her", "his", "their", "our", "this", "that"]);

/** Whether the word at `i` is the "win" of winning a seat or an election (see WINNING). */
function isWinningElection(tokens: readonly Token[], i: number): boolean {
  if (!WINNING.has(tokens[i]?.text ?? "")) return false;
  for (const token of tokens.slice(i + 1, i + 2 + WON_REACH)) {
    if (WON_BY_VOTES.has(token.text)) return true;
    if (!WON_DETERMINER.has(token.text) && isStopword(token.text)) return false;
  }
  return false;
}

/** Numbers that stand for people already named before "of them" ("the two of them", "both of them"). */
const COUNTED_PRONOUN = normalizedSet("two three both");
const PRONOUN_AFTER_OF = normalizedSet("them us you those these");
/**
 * The dialects' "both", after a pronoun of people (هم الاثنين, منهم الاتنين); elsewhere the word is Monday (يوم
 * الاثنين; "ماذا لديهم الاثنين؟", "اجتماعهم الاثنين", their meeting on Monday; "البحرين الاثنين": two reviews).
 */
const BOTH_AR = normalizedSet("الاثنين الاتنين التنين الثنين");
/** A pronoun of people standing alone before it (هم الاثنين, احنا الاتنين). */
const PERSONS_PRONOUN_AR = normalizedSet("هم هما هن انتم انتو انتوا انتما احنا نحن");
/** A preposition's pronoun of people before "both" (منهم, عليهما, بينكم, لهم). */
const BEFORE_BOTH_AR = /^(?:من|علي|بين|في|عن|مع|ل)(?:هم|هما|كم|كما|نا)$/u;

/**
 * Whether the token at `i` is such a number: "And what did the two of them talk about?" asks of them, not of two;
 * so does "وشو المطلوب منهم هم الاثنين؟" (blind conversations 95).
 */
function isCountedPronoun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]?.text ?? "";
  if (BOTH_AR.has(token)) {
    const before = withoutConjunction(tokens[i - 1]?.text ?? "");
    return PERSONS_PRONOUN_AR.has(before) || BEFORE_BOTH_AR.test(before);
  }
  return COUNTED_PRONOUN.has(token) && tokens[i + 1]?.text === "of" && PRONOUN_AFTER_OF.has(tokens[i + 2]?.text ?? "");
}

/** The words before "point" in "at some point", "at one point", "at that point": when, not a point made. */
const AT_A_POINT = normalizedSet("some one any that this");

/**
 * "The end" as "eventually": "in the end" (not "in the end of …"), في النهاية (وفي النهاية too), بالنهاية, the
 * Maghreb's في الأخير, the Egyptian في الآخر.
 */
const THE_END_AR = normalizedSet("بالنهاية بالآخر");
const END_AR = normalizedSet("النهاية الأخير الآخر");

/** Whether the token at `i` is the "end" of a phrase saying "eventually" (see THE_END_AR), which asks when at most. */
function saysEventually(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.text ?? "";
  if (word === "end") return tokens[i - 1]?.text === "the" && tokens[i - 2]?.text === "in" && tokens[i + 1]?.text !== "of";
  return holdsWord(THE_END_AR, word) || (END_AR.has(word) && withoutConjunction(tokens[i - 1]?.text ?? "") === "في");
}

/**
 * Whether the token at `i` is the verb or the particle of a phrasal verb that carries no topic (PHRASAL_FUNCTION),
 * or the "point" of "at some point" ("Did she speak to the press at some point …?": point found مؤشر, blind set 56),
 * or the "end" of "in the end" ("وماذا يريد أن يحقق في النهاية؟", what does he want to achieve in the end: the
 * text's تحقيق has no end, blind conversations 86).
 */
function isPhrasalFunction(tokens: readonly Token[], i: number): boolean {
  const next = PHRASAL_FUNCTION.get(tokens[i]?.text ?? "");
  const previous = PHRASAL_FUNCTION.get(tokens[i - 1]?.text ?? "");
  const atAPoint = tokens[i]?.text === "point" && AT_A_POINT.has(tokens[i - 1]?.text ?? "") && tokens[i - 2]?.text === "at";
  return next?.includes(tokens[i + 1]?.text ?? "") === true || previous?.includes(tokens[i]?.text ?? "") === true || atAPoint || saysEventually(tokens, i);
}

/** The report cited as what a question's answer should come from: "according to the report", "حسب التقرير". */
const CITED_REPORT = normalizedSet("report التقرير للتقرير");
const CITING_AR = normalizedSet("حسب بحسب وفق وفقا طبقا");
/** English words after "the report" that name whose it is ("the report of the UN", "by Amnesty"). */
const OWNED_BY = normalizedSet("of by from on");
/** An adjective of relation after the report's word, which names it ("التقرير الأممي", "التقرير السنوي"). */
const RELATION_ADJECTIVE = /^(?:ال|لل).{2,}(?:ي|يه)$/u;

/**
 * Whether the token at `i` is the report a question cites as its source ("Who is Michele Sison, according to the
 * report?", "According to the report, Sison is who?", "per the report", "in this report", "حسب التقرير"): the
 * briefing, as "article" is, and no word to find ("report" found the tweet's "Reporters Without Borders", blind set
 * 68). Not a report named otherwise ("the UN report", "the report of the commission", "حسب التقرير الأممي", "What did
 * the report conclude?"). Read off wherever a briefing tells of a report too: "according to the report" on a text
 * about the IPCC's asks of it with its other words, which find it (xquad-dev asks so nowhere); a first version kept
 * the word where any briefing held تقرير, which one briefing of many turned off for all (a review).
 */
function isCitedReport(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.text ?? "";
  if (!CITED_REPORT.has(word)) return false;
  const [before, determiner, next] = [tokens[i - 2]?.text, tokens[i - 1]?.text, tokens[i + 1]?.text ?? ""];
  if (word !== "report") return CITING_AR.has(determiner ?? "") && !RELATION_ADJECTIVE.test(next);
  if (OWNED_BY.has(next)) return false;
  if (determiner === "this") return before === "in" || before === "per" || before === "to";
  return determiner === "the" && (before === "per" || (before === "to" && (tokens[i - 3]?.text === "according" || tokens[i - 3]?.text === "acc")));
}

/**
 * A person pointed at, "this man", "والراجل ده", "الست دي", "هالزلمة": in a follow-up it stands for someone the last
 * answer named, as "he" or "she" would, and asks nothing of the text itself ("ومن يكون هذا الرجل بالضبط؟"); as a
 * term it was found nowhere and declined the question as a new topic.
 */
const PERSON = normalizedSet("man guy woman lady person fellow الرجل الراجل الزلمة المرأة الست السيدة الشخص");
const POINTING: ReadonlySet<string> = new Set([...normalizedSet("this that these those"), ...ARABIC_DEMONSTRATIVES]);
/** The Egyptian demonstratives, which follow their noun ("الراجل ده"); the others point before it. */
const POINTING_AFTER = normalizedSet("ده دي دا دول");
function isPointedPerson(tokens: readonly Token[], i: number): boolean {
  const text = (tokens[i] as Token).text;
  const bare = /^[وف]ال/.test(text) ? text.slice(1) : text;
  // هالـ joined to the noun points too ("هالزلمة"), with no clitic before it.
  const demonstrated = withoutDemonstrative(bare);
  const word = demonstrated?.startsWith("ال") ? demonstrated : bare;
  if (!PERSON.has(word)) return false;
  return word !== bare || POINTING.has(tokens[i - 1]?.text ?? "") || POINTING_AFTER.has(tokens[i + 1]?.text ?? "");
}

/**
 * Function words as a question writes them, whose normal forms are also words: "وإلى" (and to) with ى, whose
 * normal form is that of والي, "governor" ("وإلى متى ستبقى البعثة؟"); "إلام" (to what) with إ, whose normal
 * form is that of الأم, "the mother", and آلام, "pains" ("إلام تعزى الموت الأسود؟"); the Egyptian أنهي/أنهو
 * (which) with ي or و, whose normal form is that of أنهى, "ended" ("وهي بتزور أنهي بلد؟").
 */
const WRITTEN_FUNCTION_WORD = /^(?:[وف][إا]لى|[وف]?إلام|[أا]نه[يو])$/u;

/**
 * The article written alone with a tatweel, as chat writes it before a word in Latin letters ("شكون الـ
 * ambassadrice", "فالـ ministère", "بالـ UN", "عالـ UN", على and the article; "بهالـ UN", the Levant's "this"): it
 * is no word, but normalised without its tatweel, فالـ is فال (an omen) and بالـ is بال (a mind), words found
 * nowhere that declined the question (blind set 63). Matched on the normal form, so that vowel marks do not hide it.
 */
const ARTICLE_ALONE = /^[وف]?(?:[بك]?ال|لل|عال|[بل]?هال)$/u;
const isArticleWrittenAlone = (token: Token): boolean => token.raw.endsWith("\u0640") && ARTICLE_ALONE.test(token.text);

const ACCOUNT_WORDS = "account accounts handle twitter tweet tweets tweeted post posts posted حساب حسابها حسابه تغريده تغريدات تويته تويتات تويتر غردت نشرت اتنشرت";
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(tokenize(ACCOUNT_WORDS).flatMap(tokenKeys));
/** The platform's name, and the prepositions before it that say where a thing was written (see wordTerm). */
const PLATFORM: ReadonlySet<string> = normalizedSet("twitter تويتر");
const ON_PLATFORM: ReadonlySet<string> = normalizedSet("on via in في على عبر ع");
/**
 * A post's nouns, which say which post (see wordTerm): English, or Arabic with the article, a preposition or a
 * possessive ("التغريدة", "وفي تغريدتها").
 */
const POST_NOUN = /^(?:tweets?|posts?|[وف]?(?:بال|لل|ال|[بل])?(?:تغريد|تويت)(?:ه|ات|اته|اتها|ت(?:ها|ه|هم|ي|ك)))$/u;
/** Words asking whose a post is ("Whose tweet …?", "من صاحب التغريدة؟", "لمن هذه التغريدة؟"): its noun asks for the account then. */
const POST_OWNER: ReadonlySet<string> = normalizedSet("whose author صاحب صاحبة لمن");
/**
 * "Put up", as the Levant says posting (نزّلت, نزّلوها: "وإيمتى نزلت هالتغريدة؟"), one of ACCOUNT_WORDS only beside a
 * word for a post: it is also "fell" and "stayed" ("وين نزلت سيسون؟", "كم نزلت نسبة البطالة؟", a review).
 */
const PUT_UP = normalizedSet("نزلت اتنزلت نزلوها");
/**
 * Writing, one of ACCOUNT_WORDS where what is written is a post ("ومتين هي كتبت التغريدة دي؟", "When did she write
 * that tweet?", "the tweet she wrote": see besidePost). Not a report written about posts ("مين كتب المقال عن تغريدات
 * سيسون؟", a review), nor a book's or a letter's writing.
 */
const WRITING = normalizedSet("كتبت كتب كتبها كتبتها مكتوب المكتوب مكتوبة المكتوبة write wrote written writes");
const POST_KEYS: ReadonlySet<string> = new Set(tokenize("tweet tweets post posts تغريده تغريدات تويته تويتات").flatMap(tokenKeys));
/** Whether `token` is a word for a post, also with the Levant's هالـ (this: هالتغريدة). */
export const isPostWord = (token: Token): boolean => tokenKeys({ ...token, text: withoutDemonstrative(token.text) ?? token.text }).some((k) => POST_KEYS.has(k));
/** Whether a question names a post. */
const namesPost = (tokens: readonly Token[]): boolean => tokens.some(isPostWord);
/** Words of content after the writing verb that may name the post: its subject may come first ("كتبت سيسون التغريدة"). */
const WRITTEN_OBJECT_REACH = 2;

/**
 * Whether the post is what the writing word at `i` writes: the nearest word of content before it is the post's ("the
 * tweet she wrote"), or one of the next two after it, before any word for the report ("ومتين هي كتبت التغريدة دي؟",
 * "امتى كتبت سيسون هالتغريدة؟", a review; not "مين كتب المقال عن تغريدات سيسون؟").
 */
function besidePost(tokens: readonly Token[], i: number): boolean {
  const content = (t: Token): boolean => !isStopword(t.text) || isArticleWord(t.text);
  const before = tokens.slice(0, i).findLast(content);
  if (before !== undefined && isPostWord(before)) return true;
  for (const t of tokens.slice(i + 1).filter(content).slice(0, WRITTEN_OBJECT_REACH)) {
    if (isArticleWord(t.text)) return false;
    if (isPostWord(t)) return true;
  }
  return false;
}
/** Words asking for a hashtag ("Which hashtag did she use?"): they look for a sentence holding one. */
const HASHTAG_KEYS: ReadonlySet<string> = new Set(tokenize("hashtag hashtags هاشتاق هاشتاغ هاشتاج هاشتاك الهاشتاق الهاشتاغ").flatMap(tokenKeys));

/** A word's other forms the corpus holds (see RELATIVES_WEIGHT), for a term of their own. */
interface OtherForms {
  readonly word: string;
  readonly raw: string;
  readonly keys: readonly string[];
}

/** What one question word brings to the question's terms (see wordTerm). */
interface WordTerm {
  readonly term: QueryTerm;
  /** The word's other forms and derivations the corpus holds, if any. */
  readonly otherForms?: OtherForms;
  /** The word is one of ACCOUNT_WORDS: the question asks which account. */
  readonly asksForAccount: boolean;
}

/** What the question makes of one of its words. */
interface WordRole {
  /** The word is the speaker's (see speakerSpan). */
  readonly speaker: boolean;
  /** The question asks how many: a word for replies looks for a post's reply counter (see text/page-parts.ts). */
  readonly countsReplies: boolean;
  /**
   * The word frames the question ("For my class: …", see framingWords): dropped where the briefings lack it, a name
   * or a place too where the asker speaks of themselves there ("I'm writing for a Manila outlet. …").
   */
  readonly framing: "framing" | "of the asker" | undefined;
}

/** Adjectives that make a country's name a region's: المغرب العربي (the Maghreb, North Africa), المغرب الكبير. */
const REGION_AFTER = normalizedSet("العربي الكبير");

/**
 * The country the question word at `i` names, as the capitals list writes it (see countryNamed), or undefined: not
 * a region's name (المغرب العربي), nor part of a person's ("Jordan Bardella": a capitalised word beside it).
 */
function countryOf(tokens: readonly Token[], i: number, known: ReadonlySet<string>): string | undefined {
  const token = tokens[i] as Token;
  // A name's word the dictionary does not know (Bardella; not "Morocco Foreign Minister", "Mali Reject"), beside a
  // country's name that owns nothing ("Morocco's King" names the country).
  const namePart = (t: Token | undefined): boolean => t?.script === "latin" && isCapitalised(t) && !isStopword(t.text) && !known.has(t.text) && !namesCountryWord(t);
  const person = token.script === "latin" && !/['’]s$/u.test(token.raw) && (namePart(tokens[i - 1]) || namePart(tokens[i + 1]));
  return REGION_AFTER.has(tokens[i + 1]?.text ?? "") || person ? undefined : countryNamed(token);
}

/**
 * The term of the question word at `i`, or undefined for a word that asks nothing of the text: a function word, a
 * unit asked for, the verb of a phrasal verb of saying.
 */
function wordTerm(tokens: readonly Token[], i: number, context: QueryContext, { speaker, countsReplies, framing }: WordRole): WordTerm | undefined {
  const token = tokens[i] as Token;
  if (isStopword(token.text) || WRITTEN_FUNCTION_WORD.test(writtenForm(token.raw)) || isArticleWrittenAlone(token) || isDurationLong(tokens, i) || isAskedUnit(tokens, i) || isAskedTopic(tokens, i) || isPhrasalFunction(tokens, i) || isCitedReport(tokens, i) || isPageWriter(tokens, i) || isCountedPronoun(tokens, i) || isPointedPerson(tokens, i) || asksForTheWording(tokens, i) || isThenParticle(tokens, i)) return undefined;
  // A misspelt long function word ("acording"); not a name, capitalised after the first word ("Turing", one slip
  // from "during": a review).
  const named = token.script === "latin" && i > 0 && isCapitalised(token);
  if (token.script === "latin" && !named && !context.lexicon.known.has(token.text) && isMisspeltFunctionWord(token.text)) return undefined;
  const own = tokenKeys(token);
  // As the index reads a country's adjective that no key of its name meets (الروسي: روسيا).
  const keys = new Set([...own, ...adjectiveCountryKeys(token)]);
  const relatives = new Set<string>();
  const derived = new Set<string>();
  // The platform after a preposition ("on Twitter", "على تويتر") says where something was written, and a post's
  // noun which post ("ما التغريدة التي تتحدث فيها عن لقائها بوزير الخارجية؟"): they find the posts, and ask for no
  // account, which the words for one and for posting do ("Which account …?", "Who tweeted …?").
  const platform = PLATFORM.has(token.text) && ON_PLATFORM.has(tokens[i - 1]?.text ?? "");
  const postNoun = POST_NOUN.test(token.text) && !tokens.some((t) => POST_OWNER.has(t.text));
  const asksForAccount = !platform && !postNoun && (own.some((k) => ACCOUNT_KEYS.has(k)) || (PUT_UP.has(token.text) && namesPost(tokens)) || (WRITING.has(token.text) && besidePost(tokens, i)));
  if (asksForAccount || platform || postNoun) keys.add(MENTION);
  if (MANNER_NOUNS.has(token.text)) keys.add(MANNER);
  if (own.some((k) => HASHTAG_KEYS.has(k))) keys.add(HASHTAG_KEY);
  if (countsReplies && namesReplies(token)) keys.add(REPLIES);
  if (asksIncluded(tokens, i)) keys.add(INCLUDES);
  const pivots = new Set<string>();
  const keySets: QueryKeySets = { keys, relatives, derived, pivots };
  const country = countryOf(tokens, i, context.lexicon.known);
  const name = token.script === "latin" ? latinWordKeys(tokens, i, context, keySets, { country: country !== undefined }) : token.script === "digit";
  if (token.script === "ar") arabicWordKeys(token, own, context, keySets, { afterWhich: ASKS_WHICH.has(tokens[i - 1]?.text ?? ""), country });
  const phrases = joinedKeys(tokens, i, context);
  for (const [k, words] of initialsKeys(tokens, i, context)) phrases.set(k, words);
  for (const [k, words] of phraseKeys(tokens, i, context)) phrases.set(k, words);
  for (const k of phrases.keys()) keys.add(k);
  // A tweet author's name: a term of its own (see withAuthorTerm), or this word's only keys when the text never
  // names the author.
  const byName = token.script === "digit" || (token.script === "latin" && !name) ? [] : authorNameKeys(token).filter(context.has);
  const namedElsewhere = byName.length > 0 && [...keys].some(context.has);
  if (!namedElsewhere) for (const k of byName) keys.add(k);
  // Its other forms found are enough not to look it up as a misspelling (زار is not الوزاري), though they score
  // in a term of their own (see otherFormTerms).
  const related = [...relatives].filter((k) => !keys.has(k) && !isStopword(k) && context.has(k));
  const held = [...keys].some(context.has);
  // A framing word only its other forms find ("مرحبا، أنا من الإمارات:", ترحب) says nothing of the topic either. A
  // name, a number or a place there does ("Zimbabwe: what did she say …?", "السودان: …"), found or not, unless it is
  // the asker's own ("I'm writing a piece for a Manila outlet.").
  const topical = name || country !== undefined || namesArabicPlace(token);
  if (framing !== undefined && !held && (framing === "of the asker" || !topical)) return undefined;
  // A word said in passing, found nowhere (data/passing-words.tsv); not capitalised inside the sentence: "the Po
  // river", "the RN" are names.
  if (!held && related.length === 0 && isPassingWord(token.text) && !named) return undefined;
  // Found under none of its readings, counted or ranking, it is found through its English glosses, as a guess.
  const direct = held || related.length > 0;
  const pivoted = direct ? [] : [...pivots].filter(context.has);
  for (const k of pivoted) keys.add(k);
  const found = direct || pivoted.length > 0;
  const { weight, standsFor } = direct ? { weight: 1, standsFor: undefined } : pivoted.length > 0 ? { weight: PIVOT_WEIGHT, standsFor: undefined } : unfoundWordKeys(tokens, i, keys, context);
  // An Arabic country or capital found nowhere is a name the briefings do not give ("… حفظة السلام في السودان؟"),
  // as an English one the dictionary knows is (missingKnownNames); so is an unknown word a title or a place's noun
  // names (بالرئيس عبد المجيد تبون, "President Tebboune").
  const knownName =
    !found && standsFor === undefined && (namesArabicPlace(token) || namedAfterNoun(tokens, i, (word) => tokenKeys(word).some(context.has)) || afterTitle(tokens, i, context.lexicon.known));
  const term: QueryTerm = {
    word: token.text,
    raw: token.raw,
    keys: [...keys],
    weight,
    ...(name || knownName ? { name: true } : {}),
    ...(knownName ? { knownName: true } : {}),
    ...(country !== undefined ? { country: true } : {}),
    ...(namedElsewhere ? { authorKeys: byName } : {}),
    ...(phrases.size > 0 ? { phrases } : {}),
    ...(standsFor !== undefined ? { standsFor } : {}),
    ...(speaker ? { speaker } : {}),
    ...(framing === "of the asker" ? { framing: true } : {}),
  };
  // (The word's own keys are dropped from these in otherFormTerms, with every other term's.)
  const forms = [...new Set([...related, ...derived])];
  return { term, ...(forms.length > 0 ? { otherForms: { word: token.text, raw: token.raw, keys: forms } } : {}), asksForAccount };
}

/**
 * Whether an Arabic question word is a name the briefings spell: in Latin letters (عموروش, the tweets' Amirouche), or
 * in Arabic, a word they hold that no dictionary gives (سيسون); not a place, not a function word.
 */
function isBriefingName(token: Token, context: QueryContext): boolean {
  if (token.script !== "ar" || namesArabicPlace(token) || isStopword(token.text)) return false;
  if (latinKeysForArabic(token.text).some((k) => context.has(LATIN_NAME + k))) return true;
  const keys = tokenKeys(token);
  return keys.some(context.has) && !keys.some((k) => context.lexicon.arToEn.has(k));
}

/** A pronoun written onto a noun or a verb (مشاكلهم, their problems), read off where three letters are left. */
const PRONOUN_SUFFIX = /(?<=.{3})(?:هما|هم|هن|ها|ه|كم|نا)$/u;

/**
 * The forms a question word may be written in, as a glossary row writes one of its words: as asked, after what
 * may be clitics (و or ف, ب or ل and the article) that are no function word (بقال is no ب + قال), and each of
 * those without a pronoun written onto it (its ة written ت before one: مشكلته, its problem, is مشكلة's) or the
 * accusative's final ا (مؤتمرا, a conference).
 */
function writtenForms(word: string): string[] {
  const readings = writtenReadings(word).filter((reading, i) => i === 0 || !isStopword(reading));
  return [
    ...new Set(
      readings.flatMap((reading) => {
        const owned = reading.replace(PRONOUN_SUFFIX, "");
        const feminine = owned !== reading && owned.endsWith("ت") ? [`${owned.slice(0, -1)}ه`] : [];
        return [reading, owned, ...feminine, reading.replace(/(?<=.{3})ا$/u, "")];
      }),
    ),
  ];
}

/**
 * Adds what else the word at `i` may be when none of its `keys` is found: its cognates, an Arabic word's glossary
 * synonyms, or else (unless it is a capital standing for its country) a correct spelling's keys or the corpus's
 * nearest spellings. Returns the term's weight, and the country the word stands for, if so.
 */
function unfoundWordKeys(tokens: readonly Token[], i: number, keys: Set<string>, context: QueryContext): { weight: number; standsFor: string | undefined } {
  const { lexicon } = context;
  const token = tokens[i] as Token;
  // A word found nowhere may be spelt in another language: its English stems' cognates (interior ~ interieur, a
  // French handle). Not where it is found: "Amazon" is not also "Amazonia".
  for (const k of [...keys]) for (const cognate of lexicon.cognates.get(k) ?? []) keys.add(cognate);
  if ([...keys].some(context.has)) return { weight: 1, standsFor: undefined };
  // An Arabic word found nowhere in any of its forms, written as the glossary writes it (after و or ف, ب or ل and
  // the article), is its synonyms there (مشاكل: the text's الإشكالات). Weighed as a misspelling's nearest word
  // (0.6), the decline read them as half found and refused questions they answer.
  if (token.script === "ar") {
    const synonyms = writtenForms(token.text).flatMap((word) => arabicSynonyms().get(word) ?? []).filter(context.has);
    for (const k of synonyms) keys.add(k);
    if (synonyms.length > 0) return { weight: 1, standsFor: undefined };
    // Or a short first name after a preposition or conjunction, beside a name the briefings spell ("التقت بمهدي
    // عموروش": Mehdi Amirouche; "التقت سيسون بمهدي"), which readsAsName's bar leaves unread. Not alone: a
    // found-nowhere word with a clitic meets the tweets' words by its skeleton (بجلسة "goals", بمعهد "Mehdi", a
    // review), so "وين التقت بمهدي؟" is left unread; nor a place's (والمغرب is not the tweets' "Maghreb").
    const besideName = [tokens[i - 1], tokens[i + 1]].some((t) => t !== undefined && isBriefingName(t, context));
    const names = !besideName || namesArabicPlace(token) ? [] : cliticRestLatinKeys(token.text).map((k) => LATIN_NAME + k).filter(context.has);
    for (const k of names) keys.add(k);
    if (names.length > 0) return { weight: 1, standsFor: undefined };
  }
  // A capital the briefings never name, of a country they do, stands for its government ("Washington backs
  // the mission"): it is not looked up as a misspelling, and it counts neither for nor against coverage.
  const capitalOf = countryOfCapital(tokens, i);
  const standsFor = capitalOf && namesCountry(capitalOf, context.has) ? capitalOf.names[0] : undefined;
  // A word that matched nothing is looked up as a misspelling, unless it is an English word the dictionary
  // spells so: "food" is not a misspelt "good".
  const spelledRight = token.script === "latin" && lexicon.known.has(token.text);
  if (spelledRight || standsFor !== undefined) return { weight: 1, standsFor };
  // An English word no list holds, not capitalised inside the sentence (a name) unless it is shorthand ("the Asst
  // SecState", a review; not in capitals, an acronym: "AMB"), may be a misspelt word the lists translate into the
  // corpus ("critisized"): the nearest one's translations, weighing its similarity.
  const misspelt = token.script === "latin" && (i === 0 || !isCapitalised(token) || (isShorthand(token.text) && !isAcronym(token))) ? correctEnglish(token.text, keys, context) : 0;
  return { weight: Math.max(expand(token, keys, context), misspelt) || 1, standsFor };
}

/** Where a question word's keys are gathered (see wordTerm): what finds it, its other forms, its derivations. */
interface QueryKeySets {
  readonly keys: Set<string>;
  /** The word's other forms, a term of their own (see RELATIVES_WEIGHT). */
  readonly relatives: Set<string>;
  /** English corpus words of this one's stem and more, other forms too, which do not count as finding it. */
  readonly derived: Set<string>;
  /** The text's words of the same English glosses, for a word found under none of its readings (see pivotsOf). */
  readonly pivots: Set<string>;
}

/** The measure a "how …" question asks for: "how old" is an age, "how tall" a height. */
const MEASURES: ReadonlyMap<string, readonly string[]> = new Map([
  ["old", ["age"]],
  ["tall", ["height"]],
  ["high", ["height"]],
  ["far", ["distance"]],
  ["long", ["length", "duration"]],
  ["big", ["size"]],
  ["large", ["size"]],
]);
/**
 * The words a "how old" question goes on with: a verb ("how old is she?", "how long did it last?") or, asked
 * indirectly, its subject ("do you know how old the governor was?").
 */
const MEASURED_NEXT: ReadonlySet<string> = new Set(
  `is are was were be been do does did will would can could must should shall may might has have had
  am the this that these those he she it they you we`.split(/\s+/u),
);

/** An English stem this long or longer finds the corpus's words whose stems go on from it. */
const MIN_DERIVED_STEM = 6;

/** An ordinal written in digits ("2nd", "15th"): its number. */
const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
const ROMAN_DIGITS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
/** A well-formed Roman numeral up to 399, in capitals: "II" to "CCCXCIX" ("I" alone is the pronoun). */
const ROMAN = /^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** The value of a Roman numeral written in capitals, or undefined for any other word. */
export function romanValue(raw: string): number | undefined {
  if (raw.length < 2 || !ROMAN.test(raw)) return undefined;
  let value = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const digit = ROMAN_DIGITS[raw[i] as string] ?? 0;
    const next = ROMAN_DIGITS[raw[i + 1] as string] ?? 0;
    value += digit < next ? -digit : digit;
  }
  return value;
}

/**
 * An English question word's keys: its translations (or, after "how", the measure asked for), related
 * English forms, derivations, a number it writes, and name keys when it may be a name. Returns whether it may be one.
 */
function latinWordKeys(tokens: readonly Token[], i: number, context: QueryContext, { keys, relatives, derived }: QueryKeySets, { country = false } = {}): boolean {
  const { lexicon } = context;
  const token = tokens[i] as Token;
  const stem = stemEnglish(token.text);
  // "How old is she?" asks for an age, not for something old (قديم, which also finds "قدماً", forward); "how
  // old laws …" does not.
  const asksMeasure = tokens[i - 1]?.text === "how" && (i + 1 === tokens.length || MEASURED_NEXT.has(tokens[i + 1]?.text ?? ""));
  const measured = asksMeasure ? MEASURES.get(token.text) : undefined;
  const own = measured ? [] : translateWord(token.text, lexicon, stem);
  const translations = measured ? measured.flatMap((noun) => translate(noun, stemEnglish(noun), lexicon)) : translate(token.text, stem, lexicon, own);
  for (const k of translations) keys.add(k);
  // Its own translations' broken plurals or singulars ("seat", مقعد, finds المقاعد); not its related words', whose
  // looser translations the other number would stretch further.
  for (const k of own) for (const form of lexicon.numberForms.get(k) ?? []) keys.add(form);
  // A hollow verb's other forms ("visiting", translated زيارة, also finds تزور; see hollowForms).
  for (const k of translations) for (const form of hollowForms(k)) relatives.add(form);
  // English text (the tweets) written with a related form of the word: "Algerian" also finds "Algeria's".
  for (const other of relatedWords(token.text, stem, lexicon)) {
    const otherStem = stemEnglish(other);
    if (context.has(otherStem)) keys.add(otherStem);
  }
  // Or, for a base form or its third person ("meet", "meets", "takes", "goes"), with an irregular form: "Met today
  // with …", another form, which ranks. Not for "meeting", a noun as often ("Where was that meeting held?").
  const base = [token.text, token.text.replace(/s$/u, ""), token.text.replace(/es$/u, "")].find((w) => lexicon.inflections.has(w));
  for (const form of base === undefined ? [] : (lexicon.inflections.get(base) ?? [])) relatives.add(form);
  // Or with a derivation WordNet does not list, whose stem goes on from this one's ("candidate", the tweet's
  // "candidacy"): another form, which ranks, since a stem's letters also begin unrelated words (repres, repress),
  // and which does not keep the word from the misspelling and cognate look-ups (secret is not secretari).
  if (stem.length >= MIN_DERIVED_STEM) for (const k of context.vocabulary.startingWith(stem)) if (k !== stem) derived.add(k);
  // A capitalised word after the first may be a name; so may a word the dictionary does not know, and a
  // word with no translation in the corpus may be a loanword there ("carbon" ~ كربون).
  const capitalised = i > 0 && isCapitalised(token);
  const name = capitalised || !lexicon.known.has(token.text);
  // A Roman numeral after a name ("Super Bowl XLIX", "World War II"; not "What is LIV Golf?", "my CV") is the
  // number the Arabic text writes in digits (السوبر بول 49). So is an ordinal in digits ("the 15th century").
  const afterName = isCapitalised(tokens[i - 1]);
  const numeral = (afterName ? romanValue(token.raw.replace(/['’]s$/u, "")) : undefined) ?? ORDINAL.exec(token.text)?.[1];
  if (numeral !== undefined) keys.add(String(numeral));
  // Not a country's name the list gives in Arabic: its consonants would find another's (Morocco's MRK, أمريكا).
  if ((name || translations.length === 0) && !country) {
    // A person's name, after a title ("President Tebboune"), is no dictionary word with the article (التابعين).
    const person = afterTitle(tokens, i, lexicon.known);
    for (const k of latinToArabicNameKeys(tokens, i, name, context)) {
      keys.add(ARABIC_NAME + k);
      // Only where a word with the article has it: the key is looked up in every ranking.
      if (!person && context.has(ARABIC_WORD_NAME + k)) keys.add(ARABIC_WORD_NAME + k);
    }
  }
  return name;
}

/** Honorifics a person's name follows, besides the person nouns ("President Tebboune", "quarterback Manning"). */
const HONORIFICS = normalizedSet("mr mrs ms miss dr sir lord lady sheikh");
/** How many capitalised words a name after its title may have before this one ("President Abdelmadjid Tebboune"). */
const NAME_AFTER_TITLE_REACH = 3;

/**
 * Titles a name typed in lower case follows ("president tebboune"): not every person's noun, which a typo or a chat
 * word follows as often ("the diplomat sya", "the us envoy tl;dr": found by a review).
 */
const LOWER_CASE_TITLES = normalizedSet("president minister king queen prince princess ambassador senator governor mayor emperor sheikh");
/** The fewest letters of a name typed in lower case after a title (see afterTitle). */
const MIN_LOWER_CASE_NAME = 4;

/**
 * Whether the Latin word at `i` is part of a person's name: capitalised words back to a person's noun or an honorific;
 * or, typed in lower case, a word of MIN_LOWER_CASE_NAME letters or more that the dictionary does not know (`known`)
 * right after a title or an honorific ("did sison meet president tebboune?").
 */
function afterTitle(tokens: readonly Token[], i: number, known: ReadonlySet<string>): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  if (token?.script === "latin" && !isCapitalised(token)) {
    const title = before?.script === "latin" && (LOWER_CASE_TITLES.has(before.text) || HONORIFICS.has(before.text));
    return title && token.text.length >= MIN_LOWER_CASE_NAME && !known.has(token.text);
  }
  if (!isCapitalised(token)) return false;
  for (let back = 1; back <= NAME_AFTER_TITLE_REACH; back += 1) {
    const before = tokens[i - back];
    if (before?.script !== "latin") return false;
    if (isPersonNoun(before.text) || HONORIFICS.has(before.text)) return true;
    if (!isCapitalised(before) || isStopword(before.text)) return false;
  }
  return false;
}

/**
 * A Latin word's Arabic name keys, and those of the word joined to a capitalised neighbour ("New York" ~ نيويورك).
 * Written in lower case, two words the corpus holds nowhere alone are joined where it holds the pair's key ("new
 * york"); not where one is found ("The West saw": the STS of "westsaw" met another article's word), so a corpus
 * that writes جديد leaves "new york" unjoined. `name`: the word reads as a name, so a short skeleton is tried too
 * ("Gaga" ~ غاغا).
 */
function latinToArabicNameKeys(tokens: readonly Token[], i: number, name: boolean, context: QueryContext): string[] {
  const token = tokens[i];
  if (!token) return [];
  const unfound = (t: Token): boolean => !isCapitalised(t) && !isStopword(t.text) && heldEnglishKeys(t.text, context).length === 0;
  let own: boolean | undefined;
  const joined = [tokens[i - 1], tokens[i + 1]].flatMap((neighbour) => {
    if (neighbour?.script !== "latin") return [];
    const keys = arabicKeysForLatin(neighbour === tokens[i - 1] ? neighbour.text + token.text : token.text + neighbour.text);
    if (isCapitalised(neighbour)) return keys;
    own ??= unfound(token);
    return own && unfound(neighbour) ? keys.filter((k) => context.has(ARABIC_NAME + k)) : [];
  });
  return [...arabicKeysForLatin(token.text, name), ...joined];
}

/** Which, in Arabic: the word after it is a noun ("أي بلد", "انهي دولة"). */
const ASKS_WHICH = normalizedSet("أي وأي فأي أية وأية انهي اني ياتو ياتا ياتي");

/**
 * An Arabic question word's keys: the forms of its verb (dialect present, form V, VI and VIII,
 * hollow, other persons), clitics read off, its standard Arabic when it is a dialect word, and their translations.
 * @param own the word's own keys (tokenKeys)
 */
function arabicWordKeys(token: Token, own: readonly string[], context: QueryContext, keySets: QueryKeySets, { afterWhich = false, country }: { afterWhich?: boolean; country?: string | undefined } = {}): void {
  const { keys, relatives, derived } = keySets;
  const ownFound = own.some(context.has);
  // A ب before ي/ت/ن: the dialects' present tense ("بيدعمها", "بتقول") or the preposition ("بتونس"). Either
  // way the word without it is matched too (an extra alternative; "بيروت" also tries "يروت", which rarely exists).
  // So is the dialects' future ه or ح ("هتبدأ").
  // So is the Maghrebi ت before a present (تتنتقد, وتتنتقد), which marks no verb as ب does: nouns begin so too.
  // Either after و or ف ("وهتبدأ امتى وفين؟", and when will they start?).
  const spoken = (text: string): boolean => DIALECT_PRESENT.test(text) || DIALECT_FUTURE.test(text);
  const unjoined = /^[وف]/u.test(token.text) && spoken(token.text.slice(1)) ? token.text.slice(1) : token.text;
  const dialect = spoken(unjoined);
  const verb = dialect ? unjoined.slice(1) : (MAGHREBI_PRESENT.exec(token.text)?.[1] ?? token.text);
  if (verb !== token.text) for (const k of tokenKeys({ ...token, text: verb })) keys.add(k);
  // A present tense is also its future, where the text writes that (تبدأ, هتبدأ; the text's ستبدأ): by its light
  // stem alone, as a stemmer would read a made-up word's letters as clitics (ستافات as ستاف, of ستافان). The
  // dialects' future in the other persons too ("هيبدأ", it will start, of talks the text's ستبدأ).
  const futures = FUTURE_OF.test(verb) ? [verb, ...(DIALECT_FUTURE.test(unjoined) ? otherPersons(verb) : [])] : [];
  for (const future of futures.map((form) => lightStemArabic(`س${form}`))) if (context.has(future)) keys.add(future);
  // A verb in the present tense of three root letters ("يدعمها", "تنتقد" no: four) also finds its verbal noun
  // when that is the bare root ("دعم", "نقد"), where the corpus holds it.
  const bare = PRESENT_ROOT.exec(verb)?.[1];
  if (bare !== undefined) relatives.add(bare);
  // A verb its ending or the dialects' ب marks as one, found nowhere, may be of form IV: its verbal noun إفعال
  // (يصلحوه, they fix it: the text's إصلاح, reform) ranks. Not an unmarked word: with hamza folded, إفعال is also
  // the plural أفعال (يعلم would find اعلام, media; تحزب the text's أحزاب).
  // So does a ه the question writes as ه, not ة: mostly a present's object ("تقدره", she values it), sometimes a
  // noun's "his" (تاريخه) or its last root letter (توجيه), whose other persons a corpus seldom holds.
  const marked = dialect || VERB_ENDING.test(verb) || OBJECT_PRONOUN.test(writtenForm(token.raw));
  const [r1, r2, r3] = bare !== undefined && marked && !ownFound ? [...bare] : [];
  if (r1 && r2 && r3) for (const k of heldKeys(token, `ا${r1}${r2}ا${r3}`, context)) relatives.add(k);
  formVIIIKeys(token, verb, context, keySets);
  formVKeys(token, verb, context, keySets);
  // A form III present (يشارك: شارك, مشاركة), with ي, or marked as a verb: ت or ن and the same letters are also
  // form VI's past and noun (تقاعد, retired, is no مقاعد) and nouns (تجارة, نهاية).
  // So is a present of three root letters the noun of its form II (يحقق: the text's تحقيق).
  if (!ownFound && (verb.startsWith("ي") || marked)) for (const form of [...formIIIForms(verb), ...formIINoun(verb)]) for (const k of heldKeys(token, form, context)) keys.add(k);
  for (const form of augmentedForms(verb)) for (const k of heldKeys(token, form, context)) keys.add(k);
  // And of a ل root, read so where the word's own keys are found nowhere (التزمت: the text's التزام; see lamVerbNoun).
  if (!ownFound) for (const form of lamVerbNoun(verb)) for (const k of heldKeys(token, form, context)) keys.add(k);
  // A present-tense verb that the dialects' ب or its ending marks as one (see unfoundVerbKeys) may be in the text in
  // another person: found nowhere, it is (تمثلها, the text's يمثل); found, it ranks by them ("وهل أمريكا تدعمها؟",
  // does America back it?: the text's "نحن ندعم بقوة بعثة مينورسو", blind conversations 99). Unmarked, the word may
  // be a name or a noun (تونس is not يونس, تلمسان not نلمس, نورمان not تورم): not looked up so.
  // Found, ب marks no verb before a country's name, where it is the preposition (بتونس is no يونس: a review).
  if (marked && !(ownFound && country !== undefined)) for (const form of otherPersons(verb)) for (const k of heldKeys(token, form, context)) (ownFound ? relatives : keys).add(k);
  hollowKeys(token, verb, ownFound, context, keySets);
  // A defective verb's past found nowhere is its other forms (سمّت, she called: the text's أسميه), by keys of three
  // letters too: the root has two before its weak letter.
  if (!ownFound) for (const form of defectiveForms(token.text, token.raw)) for (const k of heldKeys(token, form, context, 3)) if (!isStopword(k)) keys.add(k);
  // Unmarked (دعت), the same forms rank only: the letters are as often another verb's (حلت, كنت).
  if (!ownFound) for (const form of unmarkedDefectiveForms(token.text, token.raw)) for (const k of heldKeys(token, form, context, 3)) if (!isStopword(k)) relatives.add(k);
  // A noun is its broken plural or singular too, where the word lists attest the pair (مقعد, the text's المقاعد):
  // a word with the article, a stem of four letters or more, or a word after أي (which), always a noun ("أي بلد",
  // the text's البلاد); three bare letters are otherwise as often a verb (كتب, wrote, is also the plural of كتاب).
  const noun = afterWhich || hasArticle(token.text) || (own[0]?.length ?? 0) >= 4;
  if (noun) for (const key of own) for (const form of context.lexicon.numberForms.get(key) ?? []) keys.add(form);
  const rests = cliticRests(token);
  if (!ownFound) {
    cliticKeys(token, rests, context, keys);
    passiveKeys(token, context, relatives);
    participleKeys(token, context, keys);
    augmentedParticipleKeys(token, context, keys);
    // So is a noun with a clitic read off ("كأعضاء", as members: the text's عضوين), by a stem of four letters.
    for (const { keys: restKeys } of rests) for (const key of restKeys) if (key.length >= 4) for (const form of context.lexicon.numberForms.get(key) ?? []) keys.add(form);
  }
  const verbKeys = ownFound ? new Set<string>() : unfoundVerbKeys(token, verb, bare, marked, context);
  // A dialect word also looks for its standard Arabic ("حكات" for تحدث، قال; "هالتقرير" for التقرير), and for
  // their translations.
  const demonstrated = withoutDemonstrative(token.text);
  const standard = [...standardKeys(token.text), ...(demonstrated === undefined ? [] : tokenKeys({ ...token, text: demonstrated }))];
  for (const k of standard) keys.add(k);
  for (const k of verbKeys) keys.add(k);
  // A dialect adjective is its root's word (قلقانين, قلقانة: قلق). The feminine's shape is a few nouns' too (ترسانة,
  // arsenal, is no ترس), read so only where found nowhere: ranking only, it left "كانت قلقانة من إيه؟" declined.
  const adjective = ownFound ? undefined : adjectiveRoot(writtenForm(token.raw));
  if (adjective) for (const k of heldKeys(token, normalizeToken(adjective), context, 3)) keys.add(k);
  // A ت before a pronoun that is the word's ة, which the stem leaves unread (ومدتها, and its term: مدة, "term"),
  // where the corpus or the word lists attest that word; not where the ت is a past's that is a function word or a
  // dialect's verb (حكتها, she said it, is no حكة, an itch: a review).
  const verbPast = (form: string): string => `${form.slice(0, -1)}ت`;
  const nouns = ownFound ? [] : taaReadings(token.text).filter((form) => !isStopword(verbPast(form)) && standardKeys(verbPast(form)).length === 0);
  const taa = nouns.flatMap((form) => tokenKeys({ ...token, text: form })).filter((k) => context.has(k) || context.lexicon.arToEn.has(k));
  for (const k of taa) keys.add(k);
  for (const k of [...own, ...standard, ...verbKeys, ...taa]) for (const en of context.lexicon.arToEn.get(k) ?? []) keys.add(en);
  // And the translations of the word with a preposition or conjunction read off (لحقوق: حقوق, "rights"), which the
  // stemmers keep on, for the briefings' English. Not a reading without the article, which they read off already
  // (الولايات, والولايات read again as ولايات found "term", ولاية's other sense).
  for (const { clitic, keys: restKeys } of rests) {
    if (clitic.endsWith("ال") || clitic.endsWith("لل")) continue;
    for (const k of restKeys) for (const en of context.lexicon.arToEn.get(k) ?? []) keys.add(en);
  }
  // Not a country's: the list gives its English names (المغرب, Morocco, met the tweets' "Maghreb", a region's). Its
  // adjective is the country too ("الرئيس الفرنسي" for "رئيس فرنسا"), by a key of MIN_FORM_KEY letters (تركي's ترك is
  // also "left", سوري's سور a wall).
  if (country === undefined) for (const k of latinKeysForArabic(token.text)) keys.add(LATIN_NAME + k);
  else for (const k of heldKeys(token, countryAdjective(country), context)) keys.add(k);
  // Its English glosses' words in the text (see pivotsOf in lexicon.ts), which wordTerm takes where the word is found
  // under none of the readings above: المهددة (threatened), the text's تهديد. Only a word with the article, a
  // clitic or a present's prefix: a bare word is as often a name the word lists gloss (سعاد, happiness; روز, rice).
  const shaped = hasArticle(token.text) || rests.length > 0 || FUTURE_OF.test(verb);
  if (!ownFound && shaped) {
    for (const k of [...own, ...standard, ...verbKeys, ...rests.flatMap((rest) => rest.keys)]) {
      for (const other of context.lexicon.pivots.get(k) ?? []) if (!relatives.has(other) && !derived.has(other)) keySets.pivots.add(other);
    }
  }
}

/** The shape of a present tense (ي, ت or ن and three letters) with "him" or "it" written onto it as ه, not ة. */
const OBJECT_PRONOUN = /^[وف]?[يتن]\p{Script=Arabic}{3,}ه$/u;

/** A past tense's ending for the third person (اتنقدت, she; اتنقدوا, they), read off to find its root. */
const PAST_ENDING = /(?:ت|وا|و)$/u;

/**
 * The dialects' passive, for a word found nowhere: its past (اتسجن, the text's سجن), or the standard's form VIII and
 * its verbal noun, of the root (اتنقدت, was criticised: انتقد, انتقاد) or of a form VIII verb the passive is made on
 * (اتنتخبت, was elected: انتخب, انتخاب). Other forms, which rank and do not count as finding the word, since ات also
 * begins nouns whose rest is another word (اتهام, هام), and a root's form VIII is often another word (اتعرضت, was
 * exposed, is no اعتراض, objection; اتحبست, was jailed, no احتباس: a review undid counting them as the word).
 */
function passiveKeys(token: Token, context: QueryContext, relatives: Set<string>): void {
  const past = DIALECT_PASSIVE.exec(token.text)?.[1];
  if (past === undefined) return;
  for (const k of tokenKeys({ ...token, text: past })) if (context.has(k) && !isStopword(k)) relatives.add(k);
  // With its ending off, or with none (a last ت may be the root's: اتثبت).
  for (const stem of new Set([past.replace(PAST_ENDING, ""), past])) {
    const [c1, c2, c3] = stem.length === 3 ? [...stem] : stem.length === 4 && stem[1] === "ت" ? [stem[0], stem[2], stem[3]] : [];
    if (c1 && c2 && c3) for (const form of [`ا${c1}ت${c2}${c3}`, `ا${c1}ت${c2}ا${c3}`]) for (const k of heldKeys(token, form, context)) relatives.add(k);
  }
}

/**
 * A participle with an object pronoun written onto it (مقلقهم, worrying them; مزعجها): م, three root letters and the
 * pronoun, after و or ف.
 */
const PARTICIPLE_WITH_OBJECT = /^[وف]?م(\p{Script=Arabic}{3})(?:هما|هم|هن|ها|ه|كم|ك)$/u;

/**
 * A participle found nowhere, its object written onto it, is its root's word where the corpus holds that
 * ("مقلقهم", worrying them: the text's قلقين, worried), as a form III present is its verbal noun. Only so marked:
 * م and three letters are as often a noun of place (معمل, a factory, is no عمل), a name or an adjective (المغرب,
 * مغربية, كالمغرب: Morocco is no غرب, west; found by blind sets 51 and 59 and a review), or a plural (مسلمين). A noun
 * of place with a possessive has the participle's shape (مكتبه, his office): where the corpus holds neither it nor
 * the noun, it is read as its root (كتب), a stray the one-letter prefix cannot tell apart.
 */
function participleKeys(token: Token, context: QueryContext, keys: Set<string>): void {
  const root = PARTICIPLE_WITH_OBJECT.exec(token.text)?.[1];
  if (root !== undefined && context.has(root) && !isStopword(root)) keys.add(root);
}

/** A word's article, and a conjunction or preposition before it, read off a participle (والمنتخبين: منتخب). */
const PARTICIPLE_PREFIX = /^(?:[وف]?(?:ال|بال|لل|كال)|[وف])/u;
/** A participle's endings: feminine, plural, dual (منفتحة, منتخبين, منسحبون). */
const PARTICIPLE_ENDING = /(?:ه|ين|ون|ات|تين|تان|ان)$/u;
/** The participles of forms VII (منفعل), VIII (مفتعل) and X (مستفعل), by their three root letters. */
const PARTICIPLE_FORMS: readonly { readonly shape: RegExp; readonly noun: (r1: string, r2: string, r3: string) => string }[] = [
  { shape: /^من(\p{Script=Arabic})(\p{Script=Arabic})(\p{Script=Arabic})$/u, noun: (a, b, c) => `ان${a}${b}ا${c}` },
  { shape: /^م(\p{Script=Arabic})ت(\p{Script=Arabic})(\p{Script=Arabic})$/u, noun: (a, b, c) => `ا${a}ت${b}ا${c}` },
  { shape: /^مست(\p{Script=Arabic})(\p{Script=Arabic})(\p{Script=Arabic})$/u, noun: (a, b, c) => `است${a}${b}ا${c}` },
];

/**
 * A participle of an augmented form found nowhere is its verbal noun where the corpus holds that ("منفتحة", open:
 * the text's انفتاح, openness; منتخب, elected: انتخاب; مستخدم: استخدام), as the form's present is (formVIIIKeys).
 * Only where the participle is found nowhere: many are words of their own (مجتمع, a society, is no اجتماع, a
 * meeting; مستقبل, the future, no استقبال).
 */
function augmentedParticipleKeys(token: Token, context: QueryContext, keys: Set<string>): void {
  const bare = token.text.replace(PARTICIPLE_PREFIX, "");
  for (const stem of new Set([bare, bare.replace(PARTICIPLE_ENDING, "")])) {
    for (const { shape, noun } of PARTICIPLE_FORMS) {
      const [, r1, r2, r3] = shape.exec(stem) ?? [];
      if (r1 && r2 && r3) for (const k of heldKeys(token, noun(r1, r2, r3), context)) keys.add(k);
    }
  }
}

/** Letters a made-up form's key needs: Snowball's shortest stems of the made-up forms (انت, a pronoun) match too much. */
const MIN_FORM_KEY = 4;

/** The keys of a made-up form of the verb `token` writes that the corpus holds, of `min` letters or more. */
function heldKeys(token: Token, form: string, context: QueryContext, min = MIN_FORM_KEY): string[] {
  return tokenKeys({ ...token, text: form }).filter((k) => k.length >= min && context.has(k));
}

/**
 * A form VIII verb in the present tense ("تنتقد", is criticised) is its past and verbal noun (انتقد, انتقاد: the
 * text's "للانتقادات"), the same word, where the corpus holds them. A weak last letter's noun ends in اء (ينتمي,
 * انتماء). A root starting with س may be form X instead (يستعد is not استعاد, though يستمع is استماع): its forms
 * only rank, as other forms do.
 */
function formVIIIKeys(token: Token, verb: string, context: QueryContext, { keys, relatives }: QueryKeySets): void {
  const [, c1, c2, c3] = FORM_VIII_PRESENT.exec(verb) ?? [];
  if (!c1 || !c2 || !c3) return;
  const forms = c3 === "ي" ? [`ا${c1}ت${c2}اء`, `ا${c1}ت${c2}ي`] : [`ا${c1}ت${c2}ا${c3}`, `ا${c1}ت${c2}${c3}`];
  const into = c1 === "س" ? relatives : keys;
  for (const form of forms) for (const k of heldKeys(token, form, context)) into.add(k);
}

/** Letters a form V or VI verb's key needs: Snowball's stem of its past or noun may have three (التعاون is تعا). */
const MIN_FORM_V_KEY = 3;

/**
 * Form V and VI verbs in the present tense are their past and verbal noun without the prefix (يتصرف, تصرف);
 * an assimilated form VIII's are ات and its two letters (يتفق, اتفق, اتفاق). Where the corpus holds them. The
 * noun of the assimilated reading counts only beside its past: اتراك is "Turks", not the noun of تترك.
 */
function formVKeys(token: Token, verb: string, context: QueryContext, { keys, relatives, derived }: QueryKeySets): void {
  for (const rest of formVRests(verb)) {
    if (rest.length > 2) {
      for (const k of heldKeys(token, `ت${rest}`, context, MIN_FORM_V_KEY)) keys.add(k);
      // And the form II its form V is made from, by its participle and noun (تترشح, runs: المرشحة, the candidate;
      // ترشيح), which rank and do not count as finding the word: a root's form II is often another sense (يتوقع,
      // expects: موقع, a website, توقيع, signing), and found, they kept the word from its other persons (the
      // text's تتوقع: a review).
      const [c1, c2, c3] = [...rest];
      if (rest.length === 3 && c1 && c2 && c3) for (const form of [`م${rest}`, `ت${c1}${c2}ي${c3}`]) for (const k of heldKeys(token, form, context)) derived.add(k);
    } else {
      const past = heldKeys(token, `ات${rest}`, context);
      const noun = heldKeys(token, `ات${rest[0]}ا${rest[1]}`, context);
      for (const k of past) keys.add(k);
      for (const k of noun) (past.length > 0 ? keys : relatives).add(k);
    }
  }
}

/**
 * A hollow verb's other forms (زارت also finds تزور and زيارة), from the light stem, with or without a past
 * ending ت: a Snowball stem may only look like a verb (سيسون -> يسون); none for a noun written with و and ة. Written as a hollow verb's past (زار,
 * وزارت) and found nowhere itself (`ownFound` false), the word is the verb: its verbal noun counts as finding it
 * ("من زار الجزائر؟", where the briefing says زيارة and تزور الجزائر). Its present forms only rank, as every form
 * of a word of another shape does (نعيم, a name; الكيان, a noun): a Snowball stem may have a present's shape
 * (سيسون -> يسون, which سان, "San", would find).
 */
function hollowKeys(token: Token, verb: string, ownFound: boolean, context: QueryContext, { keys, relatives }: QueryKeySets): void {
  // A noun written و, a letter, ا, a letter and ة (وزارة, a ministry) is no و and a hollow verb (زار, visited); not
  // وزيارة (and a visit) nor وقيادة, whose و is one (found by a review).
  if (/^و.ا.ة$/u.test(writtenForm(token.raw))) return;
  const light = lightStemArabic(verb);
  const past = HOLLOW_PAST_WORD.test(token.text) && !ownFound;
  for (const form of [...hollowForms(light), ...(light.endsWith("ت") ? hollowForms(light.slice(0, -1)) : [])]) {
    (past && HOLLOW_NOUN.test(form) && context.has(form) && !isStopword(form) ? keys : relatives).add(form);
  }
}

/** Letters that must remain after what may be clitics for a word to be looked up without them (لجنة keeps its ل). */
const MIN_CLITIC_REST = 4;

/**
 * For a word the corpus does not hold, a preposition written onto a noun ("لغابة", "كحليف"): neither stemmer
 * strips ل or ك alone, nor ب everywhere. The word is also looked for without what may be clitics, where
 * MIN_CLITIC_REST letters remain and the rest is in the corpus; a word it holds (كبيرة, not بير) is not.
 * (For ب before ي/ت/ن this repeats the dialect reading of arabicWordKeys.) Two or three letters after ل are a rest too
 * where the lists translate them and the corpus has them ("لملف الجزائر", for Algeria's file; لجنة's جنة is no
 * word of a corpus on committees); so are three after ب, which the stemmer reads off itself (بملف) but not before
 * an alef (بآخر); not ك, which begins too many words and names (كوبا, كمال), nor a rest beginning with ل (the
 * stemmer reads لل as ل and the article: للور لودون, Lord Loudoun, met the name Lauren's لور).
 */
function cliticKeys(token: Token, rests: readonly CliticRest[], context: QueryContext, keys: Set<string>): void {
  for (const { keys: restKeys } of rests) if (restKeys.some(context.has)) for (const k of restKeys) keys.add(k);
  const [, afterLam, afterBa] = PREPOSITION_AND_THREE.exec(token.text) ?? [];
  const short = afterLam ?? afterBa;
  if (short === undefined) return;
  const words = translatedKeys(context.lexicon);
  for (const k of tokenKeys({ ...token, text: short })) if (words.has(k)) keys.add(k);
}

/**
 * ل (after و or ف, perhaps) before three letters or two, the first no ل, or ب before three beginning with an alef:
 * the rest read by cliticKeys where the word lists know it ("بآخر تدخل له", in his last intervention: آخر; "لحل", for
 * a solution: حل, of a doubled root). Not ب before
 * other letters: where the stemmer keeps ب on there, the word is mostly whole (بعده is no عدة, بحري no حرية).
 */
const PREPOSITION_AND_THREE = /^[وف]?(?:ل([^ل].{1,2})|ب(ا..))$/u;

/** A reading of a word with what may be clitics read off (cliticReadings): those letters, and the rest's keys. */
interface CliticRest {
  readonly clitic: string;
  readonly keys: readonly string[];
}

/** The readings of `token` with what may be clitics read off, MIN_CLITIC_REST letters left at least. */
function cliticRests(token: Token): CliticRest[] {
  return cliticReadings(token.text, { minRest: MIN_CLITIC_REST }).map((rest) => ({
    clitic: token.text.slice(0, token.text.length - rest.length),
    keys: tokenKeys({ ...token, text: rest }),
  }));
}

/**
 * The keys of the verb a word the corpus does not hold may be (`verb`: the word without a dialect ب; `bare`: its
 * root, for a present tense of three root letters; `marked`: a dialect ب or a verb's ending marks it a verb).
 */
function unfoundVerbKeys(token: Token, verb: string, bare: string | undefined, marked: boolean, context: QueryContext): Set<string> {
  const verbKeys = new Set<string>();
  // A verb the stemmers read as the article and a noun (التقته, she met him) also finds the verb (التقى), in
  // Arabic or through its English ("meet").
  for (const k of lamVerbKeys(token)) if (context.has(k) || context.lexicon.arToEn.has(k)) verbKeys.add(k);
  // A present-tense verb found nowhere, marked as a verb by the dialects' ب or its ending, is its root's past
  // and verbal noun (بيدعم, يدعمها: the briefing's دعم), and counts as found; no function word (يمين is not
  // مين). Unmarked, the word may be a noun or a name of that shape (تجار, تامر): the root only ranks.
  if (bare !== undefined && marked && !tokenKeys({ ...token, text: verb }).some(context.has)) {
    for (const k of tokenKeys({ ...token, text: bare })) if (context.has(k) && !isStopword(k)) verbKeys.add(k);
  }
  // A past of three root letters with the plural's ending, as the dialects write it (ركزو, ركزوا: they focused),
  // is its root's present where the corpus holds it (تركز), and counts as found. Not the root alone: names end so
  // too (بيرو is no بير, a well).
  const past = PLURAL_PAST.exec(token.text)?.[1];
  if (past !== undefined) for (const k of presentForms(past)) if (context.has(k) && !isStopword(k)) verbKeys.add(k);
  return verbKeys;
}

/**
 * A past of three letters with the plural ending و or وا, و or ف before it read off (ركزو, وركزوا); not a root that
 * opens with و or ف itself, which would read a conjunction as a root letter (ونحو is not ونح + و).
 */
const PLURAL_PAST = /^[وف]?([^\P{Script=Arabic}وف]\p{Script=Arabic}{2})وا?$/u;

/** Letters of consonant skeleton a joined pair of Arabic words needs to be taken for one Latin word. */
const MIN_JOINED_SKELETON = 5;

/**
 * The English keys of an Arabic name of several words the glossary translates whole, starting at `i` ("محكمة العدل
 * الدولية": icj, which a tweet writes in @CIJ_ICJ), each with the name's words as the question wrote them. The first
 * word holds them, as an English name's last holds its initials (initialsKeys). Only keys the corpus holds are kept.
 */
function phraseKeys(tokens: readonly Token[], i: number, context: QueryContext): Map<string, string> {
  const found = new Map<string, string>();
  const token = tokens[i];
  if (token?.script !== "ar") return found;
  for (const key of tokenKeys(token)) {
    for (const { rest, english } of glossaryPhrases().get(key) ?? []) {
      const words = tokens.slice(i + 1, i + 1 + rest.length);
      if (words.length < rest.length || !context.has(english)) continue;
      if (rest.every((word, j) => tokenKeys(words[j] as Token).includes(word))) found.set(english, [token, ...words].map((t) => t.raw).join(" "));
    }
  }
  return found;
}

/**
 * Keys of the word joined to a neighbour, where the briefings write the two as one word: a handle
 * ("Khaled Drareni" and خالد درارني both find @khaleddrareni), each with the two words as the question wrote
 * them. Only keys the corpus holds are kept.
 */
function joinedKeys(tokens: readonly Token[], i: number, context: QueryContext): Map<string, string> {
  const token = tokens[i];
  const phrases = new Map<string, string>();
  if (!token || isStopword(token.text)) return phrases;
  for (const [first, second] of [[tokens[i - 1], token], [token, tokens[i + 1]]] as const) {
    if (!first || !second || first.script !== second.script || isStopword(first.text) || isStopword(second.text)) continue;
    const text = first.text + second.text;
    const keys =
      first.script === "latin"
        ? tokenKeys({ ...first, text })
        : first.script === "ar" && arabicSkeleton(text).length >= MIN_JOINED_SKELETON
          ? latinKeysForArabic(text).map((k) => LATIN_NAME + k)
          : [];
    for (const key of keys) if (context.has(key)) phrases.set(key, `${first.raw} ${second.raw}`);
  }
  return phrases;
}

/** Capitalised words a name must have for its initials to be looked up (two-letter initials are too often a word). */
const MIN_INITIALS = 3;
/** Lower-case words a capitalised name may hold between its words ("International Court of Justice"). */
const NAME_LINKS: ReadonlySet<string> = new Set(["of", "and", "for", "the", "on", "de"]);

/**
 * The initials of a name of capitalised English words that ends at the word at `i` ("International Court of
 * Justice" finds ICJ, where a text writes @CIJ_ICJ), each with the name's words as the question wrote them. The
 * name's last word alone holds them: a sentence with the acronym has matched one term, not one per word (the
 * tweets with @UN_HRC outranked the sentence a "Human Rights Council" question asked about). Every run of
 * MIN_INITIALS or more capitalised words ending at `i` is tried, so a word the question runs into the name
 * ("Algerian International Court of Justice") does not hide it. Only keys the corpus holds are kept.
 */
export function initialsKeys(tokens: readonly Token[], i: number, context: Pick<QueryContext, "has">): Map<string, string> {
  const found = new Map<string, string>();
  // The question's first word is capitalised as the first: a name from there on is the question's own words.
  const isNameWord = (t: Token | undefined): boolean => t !== tokens[0] && t?.script === "latin" && isCapitalised(t) && !isStopword(t.text);
  // Not in a question written in title case ("Is Mali Facing Armed Attacks?"): its tokens are caseless.
  if (!isNameWord(tokens[i])) return found;
  const isLink = (t: Token | undefined): boolean => t?.script === "latin" && !isCapitalised(t) && NAME_LINKS.has(t.text);
  // The positions of the name's capitalised words, read back from `i` over the links between them.
  const at: number[] = [];
  for (let word = i; isNameWord(tokens[word]); ) {
    at.unshift(word);
    word -= 1;
    while (isLink(tokens[word])) word -= 1;
  }
  for (const [n, from] of at.entries()) {
    if (at.length - n < MIN_INITIALS) break;
    const key = at.slice(n).map((w) => tokens[w]?.text[0]).join("");
    if (context.has(key)) found.set(key, tokens.slice(from, i + 1).map((t) => t.raw).join(" "));
  }
  return found;
}

/**
 * The author-name keys a question word may match: its own keys, and a name's in the other script. A word with the
 * article is not read as a name in Latin letters: المسؤولة ("the official") is not Michele.
 */
function authorNameKeys(token: Token): string[] {
  const keys = [...tokenKeys(token), ...ownNameKeys(token, { minimum: MIN_SKELETON })];
  if (token.script === "ar" && !hasArticle(token.text)) for (const k of latinKeysForArabic(token.text)) keys.push(LATIN_NAME + k);
  if (token.script === "latin") for (const k of arabicKeysForLatin(token.text)) keys.push(ARABIC_NAME + k);
  return keys.map((k) => AUTHOR_NAME + k);
}

/** Fuzzy matches must be at least this similar, and only this many are taken. */
const MIN_DICE = 0.5;
const MAX_FUZZY = 3;
const MIN_FUZZY_LENGTH = 4;

/**
 * An Arabic word one slip from a corpus word is read as it where it is written with this many letters and its stem
 * has this many, at this weight (see expand).
 */
const MIN_SLIP_WRITTEN = 5;
const MIN_SLIP_LENGTH = 4;
const SLIP_WEIGHT = 0.5;
/**
 * A word found only through its English glosses' words (see pivotsOf) scores as a slip does: a guess at the meaning,
 * which alone carries no question (a review: "هل ذكرت السلالم؟", ladders, found سلمي, peaceful, through سلم).
 */
const PIVOT_WEIGHT = SLIP_WEIGHT;

/**
 * Adds the nearest corpus spellings of a word that matched nothing; returns the best similarity, the term's
 * weight (0 when nothing was added: the caller weighs the term 1 then). An Arabic word with none near enough by its
 * trigrams may be one slip of the keyboard from one (see oneSlipFrom): typed in a hurry, "المنيورسو" and
 * "المسهمات" are المينورسو and المساهمات (blind set 56).
 */
function expand(token: Token, keys: Set<string>, context: QueryContext): number {
  const stems = tokenKeys(token);
  let best = 0;
  // Same script; no short or function-word stems, which resemble everything ("سكان" ~ "كان"); no word that swaps
  // the stem's clitic for another ("كاشار" ~ "واشار": as a sign, and he pointed), no slip of the pen.
  const near = (stem: string, word: string): boolean =>
    /[a-z]/.test(word) === (token.script === "latin") && word.length >= MIN_FUZZY_LENGTH && !isStopword(word) && !swapsClitic(stem, word);
  for (const stem of stems) {
    for (const { word, dice } of context.vocabulary.similar(stem, MIN_DICE, MAX_FUZZY)) {
      if (!near(stem, word)) continue;
      keys.add(word);
      best = Math.max(best, namePartOf(stem, word) ? 1 : dice);
    }
  }
  // Not a word the lists know, spelt right and missing from the briefings (موعد is no slip of مقعد), nor a dialect
  // word (نتاع, "of", is no slip of نزاع: a review), nor a short word.
  const { arabicWords: words } = context.lexicon;
  if (best > 0 || token.script !== "ar" || token.text.length < MIN_SLIP_WRITTEN || stems.some((s) => words.has(s)) || standardKeys(token.text).length > 0) return best;
  for (const stem of stems.filter((s) => s.length >= MIN_SLIP_LENGTH)) {
    for (const { word } of context.vocabulary.oneSlipFrom(stem, MAX_FUZZY)) {
      if (!near(stem, word)) continue;
      keys.add(word);
      best = SLIP_WEIGHT;
    }
  }
  return best;
}

/** The letters an Arabic word may carry joined before it: and, so, with, as, to. */
const PROCLITICS = new Set(["و", "ف", "ب", "ك", "ل"]);
/** Whether two Arabic spellings differ only in the clitic each opens with (كاشار, واشار). */
const swapsClitic = (stem: string, word: string): boolean =>
  stem.length === word.length && stem[0] !== word[0] && PROCLITICS.has(stem[0] ?? "") && PROCLITICS.has(word[0] ?? "") && stem.slice(1) === word.slice(1);

/** A name part shorter than this is not read as a whole part of a handle: "Ali" begins "alignment". */
const MIN_NAME_PART = 5;
/** Nor is one whose handle's rest is shorter, an ending rather than a name: "Karim" in Karimov, "Marti" in Martinez. */
const MIN_NAME_REST = 4;

/**
 * The Latin name keys of the names an @handle may run together ("khaleddrareni": drareni, khaled): each part that
 * begins or ends it as namePartOf reads one, so that a name written in Arabic (دراريني, خالد) finds the handle as a
 * Latin one does ("Drareni", blind set 55). Letters only: a handle with "_" is tokenised into its words already.
 */
function handleNameKeys(handle: string): string[] {
  if (!/^[a-z]+$/.test(handle)) return [];
  const keys = new Set<string>();
  for (let length = MIN_NAME_PART; length <= handle.length - MIN_NAME_REST; length += 1) {
    for (const part of [handle.slice(0, length), handle.slice(handle.length - length)]) {
      const key = latinNameKey(part);
      if (key !== undefined) keys.add(LATIN_NAME + key);
    }
  }
  return [...keys];
}

/**
 * Whether Latin `stem` begins or ends `word`, as a surname ends a handle that runs the names together
 * ("Drareni" in @khaleddrareni): found, not a look-alike.
 */
const namePartOf = (stem: string, word: string): boolean =>
  stem.length >= MIN_NAME_PART && /^[a-z]+$/.test(stem) && word.length - stem.length >= MIN_NAME_REST && (word.startsWith(stem) || word.endsWith(stem));

/**
 * The weight of a term holding a word's other forms (a present-tense verb's bare root, a hollow verb's shapes).
 * Read from the letters alone, they are also a name's or a noun's look-alikes (نعيم ~ عام, النقود ~ قيادة), so
 * they score less than the word would and do not count as finding it (synthetic: no coverage, which the decline
 * reads). Counted as the word itself, they answered "ماذا قال نعيم؟" from a sentence about the year (عام); at full
 * weight they cost English span-hit@3 0.8 points on xquad-dev. (A present-tense verb that the dialects' ب or
 * its ending marks as one, found nowhere itself, is the exception: its root counts, see unfoundVerbKeys.)
 */
const RELATIVES_WEIGHT = 0.5;

/**
 * `terms`, then a term for each word's other forms: each key once and none that a word's own term holds (زيار,
 * زارت's other form, is زيارتها's own key), so that no form scores twice.
 */
function otherFormTerms(terms: readonly QueryTerm[], otherForms: readonly OtherForms[]): QueryTerm[] {
  const out = [...terms];
  const held = new Set(terms.flatMap((t) => t.keys));
  for (const forms of otherForms) {
    const keys = forms.keys.filter((k) => !held.has(k));
    for (const k of keys) held.add(k);
    if (keys.length > 0) out.push({ ...forms, keys, weight: RELATIVES_WEIGHT, synthetic: true });
  }
  return out;
}

/**
 * The author-name term's weight, as one question word's: one term however many of her names the question gives
 * (0.5 and 0.25, measured too, found fewer of the blind sets' author questions).
 */
const AUTHOR_NAME_WEIGHT = 1;

/**
 * `terms` and the author-name term of `authorKeys`, the keys of tweet authors' names that the question's words
 * match (`bySpeaker`: every word naming her is the speaker's).
 */
function withAuthorTerm(terms: QueryTerm[], authorKeys: ReadonlySet<string>, bySpeaker: boolean): QueryTerm[] {
  if (authorKeys.size === 0) return terms;
  // A question of nothing but the author's name ("Who is Michele Sison?") asks who she is, which the text that
  // names her says and her tweets do not: her name then finds only that text.
  if (terms.every((t) => t.synthetic || t.authorKeys)) return terms.map(({ authorKeys: _, ...t }) => t);
  return [...terms, { word: AUTHOR_NAME, keys: [...authorKeys], weight: AUTHOR_NAME_WEIGHT, synthetic: true, ...(bySpeaker ? { speaker: true } : {}) }];
}
