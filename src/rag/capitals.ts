/**
 * National capitals and their countries (`data/capitals.tsv`, from WordNet, with Arabic names from the FreeDict
 * list; built by scripts/build-wordnet.ts). News names a government by its capital ("Washington backs the
 * mission", "واشنطن تدعم"), and so do questions about a briefing that names only the country.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bareOfArticle, writtenReadings } from "./text/clitics.js";
import { withoutConjunction } from "./text/normalize.js";
import { stemEnglish, tokenKeys } from "./text/stem.js";
import { isStopword } from "./text/stopwords.js";
import { isCapitalised, tokenize, type Token } from "./text/tokenize.js";

export const CAPITALS_PATH = fileURLToPath(new URL("../../data/capitals.tsv", import.meta.url));

export interface Country {
  /** Its English names ("america", "united states"). */
  readonly names: readonly string[];
  /** The index keys of each of its one-word Arabic names (أمريكا: امريكا, امريك). */
  readonly arabicKeys: readonly (readonly string[])[];
}

export interface Capitals {
  /** English capital -> its country. */
  readonly byEnglish: ReadonlyMap<string, Country>;
  /** An Arabic name of a capital, normalised -> its country. */
  readonly byArabicName: ReadonlyMap<string, Country>;
  /** The countries' and capitals' one-word Arabic names, normalised, without the article (المغرب: مغرب). */
  readonly arabicPlaceNames: ReadonlySet<string>;
  /** The one-word English names of the countries it gives an Arabic name ("morocco", "algeria"). */
  readonly englishCountryNames: ReadonlySet<string>;
  /** The countries' one-word Arabic names as the list writes them, normalised, the article kept (المغرب, مالي). */
  readonly arabicCountryNames: ReadonlySet<string>;
  /** A country's adjective no key of its name meets (روسي: روسيا's keys), see adjectiveCountryKeys. */
  readonly adjectiveKeys: ReadonlyMap<string, readonly string[]>;
}

let cached: Capitals | undefined;

/** The capitals list, read once. */
export function loadCapitals(path = CAPITALS_PATH): Capitals {
  if (path === CAPITALS_PATH && cached) return cached;
  const byEnglish = new Map<string, Country>();
  const byArabicName = new Map<string, Country>();
  const arabicPlaceNames = new Set<string>();
  const englishCountryNames = new Set<string>();
  const arabicCountryNames = new Set<string>();
  const adjectiveKeys = new Map<string, readonly string[]>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [capital = "", names = "", arabic = "", countryArabic = ""] = line.split("\t");
    const country: Country = {
      names: names.split("|").filter(Boolean),
      arabicKeys: tokenize(countryArabic.replaceAll("|", " ")).map(tokenKeys),
    };
    if (!capital || country.names.length === 0) continue;
    for (const token of tokenize(`${arabic} ${countryArabic}`.replaceAll("|", " "))) arabicPlaceNames.add(bareOfArticle(token.text));
    for (const token of tokenize(countryArabic.replaceAll("|", " "))) {
      arabicCountryNames.add(token.text);
      const adjective = unmetAdjective(token);
      if (adjective !== undefined) adjectiveKeys.set(adjective, tokenKeys(token));
    }
    // Those the list gives an Arabic name, by which the briefings would write the country.
    if (country.arabicKeys.length > 0) for (const name of country.names) if (!name.includes(" ")) englishCountryNames.add(name);
    byEnglish.set(capital, country);
    for (const token of tokenize(arabic.replaceAll("|", " "))) if (!byArabicName.has(token.text)) byArabicName.set(token.text, country);
  }
  const capitals = { byEnglish, byArabicName, arabicPlaceNames, englishCountryNames, arabicCountryNames, adjectiveKeys };
  if (path === CAPITALS_PATH) cached = capitals;
  return capitals;
}

const normalised = (words: string): ReadonlySet<string> => new Set(tokenize(words).map((t) => t.text));
/** Words before a capital that make it the place: a preposition ("in Washington", إلى واشنطن) or a place's noun (طقس واشنطن). */
const PLACE_BEFORE = normalised("in at of to near into inside outside around across في إلى عن قرب داخل خارج نحو طقس الطقس سكان عمدة مطار شوارع جامعة مدينة العاصمة بلدية");
/**
 * Words before a capital that name it as a source ("support from Washington", "what observers would keep seeing from
 * Washington", "What reaction came from Washington?", "الدعم من واشنطن"): its government's, unless a word of travel
 * comes just before them (MOTION: "she flew in from Washington", "عاد من واشنطن"), which makes it the place. Not
 * "come" or "arrive", which a reaction does as often (a review: "هل وصل رد من واشنطن؟").
 */
const SOURCE = normalised("from من");
const MOTION = normalised(`fly flies flew flown flying travel travels travelled traveled travelling traveling return returns returned
  returning depart departs departed departing flight flights trip trips drive drove far distance miles kilometres kilometers km
  سافر سافرت سافروا عاد عادت عادوا رجع رجعت رجعوا طار طارت رحلة رحلات رحلته رحلتها مسافة بعيد بعيدة تبعد يبعد`);
/** Words a word of travel may stand before the source word ("flew in from", "came back from"). */
const MOTION_REACH = 3;
/** A word of travel, also with و or ف and the article ("والرحلة من واشنطن"). */
const isMotion = (token: Token): boolean => MOTION.has(token.text) || MOTION.has(bareOfArticle(withoutConjunction(token.text)));
/**
 * Whether the word at `i` (a capital, a seat's first word, or the "the" before one) follows a word of place:
 * PLACE_BEFORE, or a source after a word of travel.
 */
function placedBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.text ?? "";
  if (PLACE_BEFORE.has(before)) return true;
  return SOURCE.has(before) && tokens.slice(Math.max(0, i - 1 - MOTION_REACH), i - 1).some(isMotion);
}
/** Nouns after a capital that make it the place ("Washington's mayor", "the Paris metro"). */
const PLACE_AFTER = normalised("mayor mayors weather climate population residents people streets airport airports city metro museum museums university temperature temperatures time");

/** A Latin word written with a capital that is not a function word: part of a longer name ("George Washington"). */
const namePart = (token: Token | undefined): boolean => token?.script === "latin" && isCapitalised(token) && !isStopword(token.text);

/**
 * The seats of government news names a government by, as it does by its capital ("the Biden White House", البيت
 * الأبيض, the Kremlin), each with its capital in the list; one word or two, as normalised.
 */
const SEATS: ReadonlyMap<string, string> = new Map([
  ["white house", "washington"],
  ["البيت الابيض", "washington"],
  ["kremlin", "moscow"],
  ["الكرملين", "moscow"],
  ["elysee", "paris"],
  ["الاليزيه", "paris"],
  ["downing street", "london"],
  ["whitehall", "london"],
]);

interface Seat {
  readonly capital: string;
  /** The indexes of its first and last words. */
  readonly start: number;
  readonly end: number;
}

/** The seat of government `tokens[i]` is (part of), with و or ف before it (والكرملين); or undefined. */
function seatAt(tokens: readonly Token[], i: number): Seat | undefined {
  const text = (at: number): string => withoutConjunction(tokens[at]?.text ?? "");
  for (const [start, end] of [[i, i], [i - 1, i], [i, i + 1]] as const) {
    const capital = SEATS.get(start === end ? text(i) : `${text(start)} ${text(end)}`);
    if (capital !== undefined) return { capital, start, end };
  }
  return undefined;
}

/**
 * Words beside a seat that make it the government, not the building ("Who designed the White House?", "When was the
 * Kremlin built?"): what it says, wants or backs, its stance and its people ("the White House said", "ماذا يريد
 * البيت الأبيض", "موقف الكرملين").
 */
const GOVERNING = normalised(`say says said want wants wanted back backs backed support supports supported think thinks
  position view stance policy policies officials spokesman spokeswoman spokesperson administration
  يريد تريد أراد يدعم تدعم دعم قال يقول يرى موقف رأي سياسة مسؤولو متحدث إدارة`);

/**
 * Whether a seat names the government: after a name ("the Biden White House"), or beside a word of GOVERNING; and not
 * where it is the place ("in the White House", "Kremlin museums").
 */
function governs(tokens: readonly Token[], { start, end }: Seat): boolean {
  const before = tokens[start - 1];
  const after = tokens[end + 1];
  const placed = placedBefore(tokens, start) || (before?.text === "the" && placedBefore(tokens, start - 1)) || PLACE_AFTER.has(after?.text ?? "");
  if (placed) return false;
  const named = before !== undefined && namePart(before) && start - 1 > 0;
  return named || [before, after].some((t) => t !== undefined && GOVERNING.has(t.text));
}

/**
 * The country whose government `tokens[i]` names by its capital or its seat (SEATS), or undefined: not where it is
 * the place (after "in", "of", في or a place's noun, before "mayor", with ب or ل joined: بواشنطن), nor part of a
 * longer name ("Washington Post", "George Washington", "Washington D.C."; but "Washington's UN envoy").
 */
export function countryOfCapital(tokens: readonly Token[], i: number, capitals = loadCapitals()): Country | undefined {
  const token = tokens[i];
  const seat = seatAt(tokens, i);
  if (seat !== undefined) return governs(tokens, seat) ? capitals.byEnglish.get(seat.capital) : undefined;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!token || placedBefore(tokens, i) || (after && PLACE_AFTER.has(after.text))) return undefined;
  // A possessive ends the name: "Washington's UN envoy" is no "Washington UN".
  const possessive = /['’]s$/iu.test(token.raw);
  if (token.script === "latin") return namePart(before) || (!possessive && namePart(after)) ? undefined : capitals.byEnglish.get(token.text);
  if (token.script !== "ar") return undefined;
  // The name as written, or after و ("and Washington").
  return capitals.byArabicName.get(token.text) ?? capitals.byArabicName.get(token.text.replace(/^و(?=..)/, ""));
}

/**
 * Whether an Arabic word is a country's or a capital's name as the list writes it, whole, or with و or ف, ب or ل and
 * the article read off (المغرب, والسودان, بالقاهرة, لتونس, لليبيا, وللسودان): a name the word lists know, so that
 * found nowhere, the briefings do not name that place (as an English name the dictionary knows). Not a word that
 * only begins or ends as one (المالية is no مالي); a few names are also words (قطر, a diameter; سيلان, a flow), read
 * as the place.
 */
export function namesArabicPlace(token: Token, capitals = loadCapitals()): boolean {
  if (token.script !== "ar") return false;
  return writtenReadings(token.text).some((r) => capitals.arabicPlaceNames.has(r));
}

/**
 * The country a word names in the list, or undefined: in Latin letters one of its one-word English names, returned
 * as written ("morocco"); in Arabic its name as the list writes it (المغرب for بالمغرب), with the
 * article or without (المالي, financial, is no مالي; nor is a capital a country), after و or ف, ب or ل (بالمغرب,
 * وللمغرب: ل before the article drops its alef).
 */
export function countryNamed(token: Token, capitals = loadCapitals()): string | undefined {
  if (token.script === "latin") return capitals.englishCountryNames.has(token.text) ? token.text : undefined;
  if (token.script !== "ar") return undefined;
  const forms = [token.text, withoutConjunction(token.text)].flatMap((w) => [w, w.replace(/^[بل](?=..)/u, ""), w.startsWith("لل") ? `ال${w.slice(2)}` : w]);
  return forms.find((form) => capitals.arabicCountryNames.has(form));
}

/** Whether a word is a country's name in the list, in either script (see countryNamed). */
export const namesCountryWord = (token: Token, capitals = loadCapitals()): boolean => countryNamed(token, capitals) !== undefined;

/**
 * The adjective of a country's Arabic name, its nisba (المغرب: مغربي; فرنسا: فرنسي; مصر: مصري), which a report
 * writes where a question names the country ("الرئيس الفرنسي" for "رئيس فرنسا").
 */
export function countryAdjective(name: string): string {
  const stem = bareOfArticle(name).replace(/[اه]$/u, "");
  // مالي is its own (Malian).
  return stem.endsWith("ي") ? stem : `${stem}ي`;
}

/**
 * The adjective of a country's name that no key of the name meets, or undefined: one of three letters before its ي,
 * which the index keys by those three (الروسي: روس) and the name by its own (روسيا: روسيا, روسي). Not a name whose
 * ال is its own (ألمانيا, ألبانيا: باني is a builder), nor one that is its adjective (مالي).
 */
function unmetAdjective(name: Token): string | undefined {
  if (name.text.startsWith("ال") && name.text.endsWith("ا")) return undefined;
  const adjective = countryAdjective(name.text);
  const keys = tokenKeys({ ...name, text: adjective });
  const nameKeys = tokenKeys(name);
  return adjective !== name.text && keys.every((k) => [...k].length <= 3 && !nameKeys.includes(k)) ? adjective : undefined;
}

/**
 * What may come before a country's adjective: the article, alone or after a conjunction or a preposition. Not a
 * conjunction alone, which may be the word's own letter (فروسية, horsemanship, is no روسية).
 */
const ADJECTIVE_BEFORE = /^(?:[وف]?(?:ال|بال|كال|لل))?/u;
/** What may come after it: the feminine's ة (normalised ه), the plurals' and duals' endings. */
const ADJECTIVE_AFTER = /(?:ه|ون|ين|ات|ان|تان|تين)$/u;

/**
 * The keys of the country a word is the adjective of, where no key of the two would otherwise meet (الروسي,
 * الروسية, السوريين: روسيا, سوريا), or none: so "ماذا قالت روسيا؟" finds "الموقف الروسي", and the other way. An
 * index and a question read a word so alike.
 */
export function adjectiveCountryKeys(token: Token, capitals = loadCapitals()): readonly string[] {
  if (token.script !== "ar" || capitals.adjectiveKeys.size === 0) return [];
  const bare = token.text.replace(ADJECTIVE_BEFORE, "");
  return capitals.adjectiveKeys.get(bare) ?? capitals.adjectiveKeys.get(bare.replace(ADJECTIVE_AFTER, "")) ?? [];
}

/**
 * Whether a corpus that holds the keys `has` accepts names `country`: every key of one of its Arabic names, or
 * one of its one-word English names (in English text).
 */
export function namesCountry(country: Country, has: (key: string) => boolean): boolean {
  return (
    country.arabicKeys.some((keys) => keys.length > 0 && keys.every(has)) ||
    country.names.some((name) => !name.includes(" ") && !isStopword(name) && has(stemEnglish(name)))
  );
}
