/**
 * Builds the bilingual lexicon from data/ (our news glossary first, then the FreeDict English-Arabic list),
 * pruned to the corpus: only translations that can match something indexed are kept, so answering never
 * loads the 2 MB dictionary.
 *
 * The word lists are parsed once (tokenised and stemmed, which does not depend on the corpus) into an index from
 * each key to the places in the lists that mention it, numbered in the lists' order. Pruning to a corpus visits
 * only the places its keys reach, in that order, so the lexicon is exactly what a walk over every entry gives,
 * at a cost in proportion to what the corpus matches. The parsed lists can be kept beside an index
 * ({@link saveWordLists}) and read back by the next process ({@link primeWordLists}) instead of parsed again.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { IndexError } from "./errors.js";
import { Interner } from "./intern.js";
import { bareOfArticle } from "./text/clitics.js";
import { normalizedSet } from "./text/normalize.js";
import { brokenPlurals } from "./text/plurals.js";
import { isStopword } from "./text/stopwords.js";
import { stemEnglish, tokenKeys } from "./text/stem.js";
import { tokenize, type Token } from "./text/tokenize.js";
import { presentForms } from "./text/verbs.js";

export const DICTIONARY_PATH = fileURLToPath(new URL("../../data/freedict-eng-ara.tsv", import.meta.url));
export const GLOSSARY_PATH = fileURLToPath(new URL("../../data/glossary-en-ar.tsv", import.meta.url));
export const WORDNET_PATH = fileURLToPath(new URL("../../data/wordnet-en.tsv", import.meta.url));

/**
 * Translations with more content words than this are definitions, not translations. An Arabic headword
 * found by its English gloss (the inverted side) must be one word: its phrases are mostly descriptions
 * ("شكل كأس" for "cup").
 */
const MAX_TRANSLATION_WORDS = 2;
const MAX_INVERSE_WORDS = 1;
/**
 * Arabic keys of fewer letters are ambiguous as translations ("مر" from مرة, "اح" from أحيانا) and are dropped; so
 * are FreeDict's words of two letters, mostly imperatives (قل, "say"; كن, "be"). The glossary's are kept where the
 * key is the word as written (حل for "solution" and "settlement", رد for "response"): a root of a doubled letter.
 */
const MIN_TRANSLATION_KEY = 3;
/**
 * An Arabic key glossed by more English stems than this is left out of the Arabic-to-English list altogether: a
 * common word glossing to dozens of English ones (كان, أخذ) is a translation of none of them in particular.
 */
const MAX_EN_PER_AR = 8;
/**
 * An Arabic word the corpus lacks is read as the corpus's words that translate the same English words (see
 * pivotsOf): a word of this many English stems at least, by those sharing this many of them. One shared gloss is a
 * pun as often as a synonym ("party": حزب and احتفال; a word of one gloss, "stable", الاسطبل, met الاستقرار,
 * stability: a review); three are a meaning. Measured in session 64 over the question sets on the briefing and
 * xquad-dev (docs/quality.md): agreement 1 or a similarity ratio alone cost Arabic off-topic declines (81.7% to
 * 65-78%); 3 kept them.
 */
const PIVOT_AGREEMENT = 3;
/** An Arabic key glossed by more English stems than this is too loose a word to pivot on (كان, أخذ). */
const MAX_PIVOT_SENSES = 16;
/** At most this many corpus keys stand for a word the corpus lacks: those sharing the most glosses. */
const MAX_PIVOT_KEYS = 6;
/**
 * A Snowball stem of fewer letters is often another word (فرمل "braked" -> رمل "sand", فلندي "Finnish" -> لند):
 * an Arabic translation is keyed by its light stem, and by its Snowball stem only when that has this many
 * letters, in both directions (an Arabic question word whose Snowball stem is that short reaches English text
 * through its light stem alone). The text is still indexed under both, so Arabic questions match Arabic text as
 * before.
 */
const MIN_SNOWBALL_TRANSLATION_KEY = 4;
/**
 * Nouns a town's or a region's translation opens with ("مدينة الجزائر" for Algiers, "ولاية أريزونا"): the name
 * is the rest, and a text names the place without them ("في الجزائر"). Not عاصمة, "the capital of" another place
 * (عاصمة مالطا is Valletta, not Malta), nor the heads of rivers, mountains, islands and seas, which open their
 * names as the text writes them too (نهر النيل, جبل طارق: Gibraltar is not طارق, Tariq).
 */
export const PLACE_HEADS: ReadonlySet<string> = normalizedSet("مدينة بلدة قرية ميناء ولاية مقاطعة إقليم");
/**
 * Words that negate a translation ("unfavorable": غير مناسب): function words the lists' reading drops, leaving the
 * word they negate glossed by its opposite. Such a translation glosses no word for pivotsOf.
 */
const NEGATIONS: ReadonlySet<string> = normalizedSet("غير لا لم لن ليس عدم بلا دون عديم عديمة");
/** WordNet's columns, see scripts/build-wordnet.ts: an irregular form's base forms, derivations, synonyms. */
const IRREGULAR_COLUMN = 0;
const SYNONYMS_COLUMN = 2;
/**
 * Bump when the parsed form of the word lists (below) changes: a saved one of another version is parsed anew.
 * Version 2: the lists serialised apart, with their SHA-256. Version 3: related words marked derived or synonym.
 * Version 4: the known stems by skeleton, for cognates. Version 5: each translation key's phrase and part. Version 6:
 * a phrase's words of no key long enough not counted. Version 7: a place's head noun dropped (PLACE_HEADS).
 * Version 8: a word's stem with a first و kept (see tokenKeys). Version 9: fewer place heads (no عاصمة, نهر …).
 * Version 10: the broken plurals the lists attest (numberPairs). Versions 11 and 12: a bare past's present forms
 * (presentForms), with the past's key. Version 13: for the headwords whose past the lists know only (verbsOf).
 * Version 14: the broken plural of a noun ending in و (عضو, أعضاء). Version 15: only where the English plural says so.
 * Version 16: each related word's column, not only whether it is a synonym. Version 21: the glossary's words of two
 * letters (see MIN_TRANSLATION_KEY). Version 22: verbs known by their -ing form too (verbsOf), presents with futures.
 * Version 23: which inverse keys are light stems (for pivotsOf). Version 24: not in a negated translation.
 */
const WORD_LISTS_VERSION = 24;

/** Bilingual word lists, pruned at index time to the keys the corpus holds. */
export interface Lexicon {
  /** English word -> Arabic keys found in the corpus, from that word's own entries. */
  readonly enWord: ReadonlyMap<string, readonly string[]>;
  /**
   * English stem -> Arabic keys found in the corpus, from the entries of every headword of that stem (read for words
   * without entries of their own).
   */
  readonly enStem: ReadonlyMap<string, readonly string[]>;
  /** Arabic key -> English stems found in the corpus. */
  readonly arToEn: ReadonlyMap<string, readonly string[]>;
  /**
   * Arabic key the corpus lacks -> the corpus's Arabic keys that translate the same English words (see pivotsOf):
   * مهدد (threatened) read as the text's تهديد.
   */
  readonly pivots: ReadonlyMap<string, readonly string[]>;
  /** Every English word the word lists translate (a word outside them may be a name). */
  readonly known: ReadonlySet<string>;
  /**
   * The Arabic keys the word lists translate (see arabicWords): a question word among them is spelt right, though the
   * corpus lacks it (موعد is no slip of the text's مقعد). Held in the index: parsing the lists to know it costs seconds.
   */
  readonly arabicWords: ReadonlySet<string>;
  /**
   * English word -> related English words that translate into the corpus (WordNet); a word with none stands for the
   * word it inflects (see relatedWords in translate.ts).
   */
  readonly related: ReadonlyMap<string, readonly string[]>;
  /** "*" + stem -> the base forms and derivations (no synonyms) of the words of that stem that translate into the corpus. */
  readonly derived: ReadonlyMap<string, readonly string[]>;
  /** English stem -> corpus words that are no English word but spelt nearly as it (interior ~ interieur). */
  readonly cognates: ReadonlyMap<string, readonly string[]>;
  /** Arabic key -> the corpus's keys of the same noun in the other number, broken plurals (see numberPairsOf). */
  readonly numberForms: ReadonlyMap<string, readonly string[]>;
  /**
   * An English base form -> the stems of its irregular forms (a verb's past, a noun's plural) that the corpus writes
   * in English: meet -> met.
   */
  readonly inflections: ReadonlyMap<string, readonly string[]>;
}

const translatedKeySets = new WeakMap<Lexicon, ReadonlySet<string>>();

/** The corpus's Arabic keys that translate an English word: the keys of words, not of names (made once per lexicon). */
export function translatedKeys(lexicon: Lexicon): ReadonlySet<string> {
  let keys = translatedKeySets.get(lexicon);
  if (!keys) {
    keys = new Set([...lexicon.enStem.values()].flat());
    translatedKeySets.set(lexicon, keys);
  }
  return keys;
}

/** A map as its entries, in order: an index parses them into a Map far faster than an object of as many keys. */
export type MapEntries = [key: string, values: string[]][];

/** The lexicon as an index stores it (each map as its entries, in the order the word lists first give them). */
export interface SerializedLexicon {
  /** English word -> Arabic keys in the corpus, from the entries for exactly that word. */
  readonly enWord: MapEntries;
  /** English stem -> Arabic keys in the corpus, for words that are not headwords themselves. */
  readonly enStem: MapEntries;
  /** Arabic key -> English stems in the corpus. */
  readonly arToEn: MapEntries;
  /** Every English word the word lists translate. */
  readonly known: string[];
  /** The Arabic keys the word lists translate. */
  readonly arabicWords: string[];
  /**
   * English word -> related English words that do translate into the corpus: base forms of irregular ones,
   * derivations, first-sense synonyms (WordNet).
   */
  readonly related: MapEntries;
  /**
   * English stem ("*" + stem) -> the base forms and derivations (no synonyms) of the words of that stem that
   * translate into the corpus: their translations are looked up beside a word's own ("elected" also finds
   * انتخاب through "election").
   */
  readonly derived: MapEntries;
  /**
   * English stem -> corpus words that are no English word but spelt nearly as it: the French of a handle
   * (interieur for "interior"), a name's English cousin.
   */
  readonly cognates: MapEntries;
  /** Arabic key -> the corpus's keys of the same noun in the other number (absent in an index of format 8's first lexicons). */
  readonly numberForms?: MapEntries;
  /** An English base form -> the stems of its irregular forms the corpus writes in English (absent before keys-v143). */
  readonly inflections?: MapEntries;
  /** Arabic key the corpus lacks -> its keys of the same English glosses (absent before keys-v251). */
  readonly pivots?: MapEntries;
}

/** The word lists a lexicon is built from; without `wordnet`, English words are not related to each other. */
export interface LexiconPaths {
  readonly dictionary: string;
  readonly glossary: string;
  readonly wordnet?: string;
}

const DEFAULT_PATHS: LexiconPaths = { dictionary: DICTIONARY_PATH, glossary: GLOSSARY_PATH, wordnet: WORDNET_PATH };
const fingerprints = new Map<string, string>();

/** A short hash of the word lists: the index records it, so editing the glossary rebuilds the lexicon. */
export function lexiconFingerprint(paths = DEFAULT_PATHS): string {
  const files = [paths.dictionary, paths.glossary, ...(paths.wordnet ? [paths.wordnet] : [])];
  const key = files.join("\n");
  let value = fingerprints.get(key);
  if (value === undefined) {
    const hash = createHash("sha256");
    for (const file of files) hash.update(readFileSync(file));
    value = hash.digest("hex").slice(0, 12);
    fingerprints.set(key, value);
  }
  return value;
}

interface Entry {
  readonly english: string;
  readonly translations: ReadonlyArray<readonly [arabic: string, maxWords: number]>;
  /** Whether a translation written in two letters is one (see MIN_TRANSLATION_KEY): the glossary's are. */
  readonly shortWords: boolean;
}

/**
 * Whether a translation's key is looked for: one long enough, or a glossary's word of two letters as written (see
 * MIN_TRANSLATION_KEY).
 */
function isKeptKey(key: string, token: Token, shortWords: boolean): boolean {
  return key.length >= MIN_TRANSLATION_KEY || (shortWords && key === token.text);
}

/** The entries of a word list file: the glossary's or the FreeDict conversion's format. */
function* readEntries(path: string, maxDirectWords: number, shortWords = false): Generator<Entry> {
  for (const line of readFileSync(path, "utf8").split(/\r?\n/u)) {
    if (!line || line.startsWith("#")) continue;
    const [english, direct = "", inverse = ""] = line.split("\t");
    if (!english || english.includes(" ")) continue;
    yield {
      english,
      shortWords,
      translations: [
        ...direct.split("|").map((t) => [t, maxDirectWords] as const),
        ...inverse.split("|").map((t) => [t, MAX_INVERSE_WORDS] as const),
      ],
    };
  }
}

const glossarySynonyms = new Map<string, ReadonlyMap<string, readonly string[]>>();

/**
 * The forms a row's word is also met in: a noun in ة as its plural in ات, a plural in ين as its nominative in ون and
 * the other way ("المراقبون" for the row's مراقبين).
 */
function otherCases(word: string): string[] {
  if (word.endsWith("ه")) return [`${word.slice(0, -1)}ات`];
  if (word.endsWith("ين") && word.length > 4) return [`${word.slice(0, -2)}ون`];
  if (word.endsWith("ون") && word.length > 4) return [`${word.slice(0, -2)}ين`];
  return [];
}

/**
 * An Arabic word as the glossary writes it (normalised) -> the light stems of the other one-word Arabic
 * translations of each row it is in (problem: مشكلة|مشاكل|اشكال|اشكالات, so مشاكل finds the text's الإشكالات).
 * A row holds one sense of its English word, and its words are that sense's synonyms; not of every sense each
 * has (طالب, demanded, is also a student): so a question word is looked up only as the row writes it (and, for a
 * noun in ة, its plural in ات; without the article where the row writes one), not by its stem, and only where
 * nothing else finds it (see analyze.ts). A word of a stem too short to be a translation key finds no synonyms
 * (رد, a reply, would find every استجابة), though a row's word written so is found (التسوية finds حل). Read once
 * per file.
 */
export function arabicSynonyms(path = GLOSSARY_PATH): ReadonlyMap<string, readonly string[]> {
  let table = glossarySynonyms.get(path);
  if (table) return table;
  const out = new Map<string, Set<string>>();
  for (const { translations } of readEntries(path, 1)) {
    const words = translations
      .map(([arabic]) => tokenize(arabic))
      .flatMap((tokens) => (tokens.length === 1 ? tokens : []))
      .map((token) => ({ token, stem: tokenKeys(token)[0] ?? "" }));
    for (const { token, stem } of words) {
      if (stem.length < MIN_TRANSLATION_KEY) continue;
      // A short stem is no word's but a fragment's, unless it is the word as written (حل, a solution).
      const others = words.filter((w) => w.stem !== stem && (w.stem.length >= MIN_TRANSLATION_KEY || w.stem === w.token.text)).map((w) => w.stem);
      const bare = bareOfArticle(token.text);
      for (const form of new Set([token.text, bare, ...otherCases(bare)])) {
        const synonyms = out.get(form) ?? new Set<string>();
        for (const other of others) synonyms.add(other);
        out.set(form, synonyms);
      }
    }
  }
  table = new Map([...out].map(([word, stems]) => [word, [...stems]]));
  glossarySynonyms.set(path, table);
  return table;
}

/** A glossary translation of several Arabic words (see glossaryPhrases): the keys of the words after the first. */
export interface GlossaryPhrase {
  readonly rest: readonly string[];
  /** The English headword's stem. */
  readonly english: string;
}

const phraseTables = new Map<string, ReadonlyMap<string, readonly GlossaryPhrase[]>>();

/**
 * The glossary's translations of several Arabic words, by the first word's key: an organisation's name ("محكمة العدل
 * الدولية", "مجلس حقوق الانسان"), which an English text writes as its initials (ICJ, @UN_HRC). The one-word
 * translations are read back by the lexicon (arToEn); these by the question's words in order (see phraseKeys in
 * analyze.ts). The glossary's alone: FreeDict's phrases gloss a sense ("جعل أمريكي", americanized), no name. Read
 * once per file.
 */
export function glossaryPhrases(path = GLOSSARY_PATH): ReadonlyMap<string, readonly GlossaryPhrase[]> {
  let table = phraseTables.get(path);
  if (table) return table;
  const out = new Map<string, GlossaryPhrase[]>();
  for (const { english, translations } of readEntries(path, Number.MAX_SAFE_INTEGER)) {
    for (const [arabic] of translations) {
      const [first, ...rest] = tokenize(arabic).map((token) => tokenKeys(token)[0] ?? "");
      if (first === undefined || rest.length === 0 || [first, ...rest].some((key) => key === "")) continue;
      const phrases = out.get(first) ?? [];
      phrases.push({ rest, english: stemEnglish(english) });
      out.set(first, phrases);
    }
  }
  phraseTables.set(path, (table = out));
  return table;
}

/** Lists of numbers by id: those of id i are `items[starts[i]]` up to `items[starts[i + 1]]`, ascending. */
interface Postings {
  readonly starts: Uint32Array;
  readonly items: Uint32Array;
}

/**
 * The word lists parsed: every place a lexicon can take something from, numbered in the order a walk over the
 * lists meets it, and indexed by what decides whether a corpus keeps it. Strings are numbers into `strings`;
 * English headwords are numbers into `known`.
 */
interface WordLists {
  /** Every English headword, in the order the lists first name it. */
  readonly known: readonly string[];
  /** English stems and Arabic keys. */
  readonly strings: readonly string[];
  /**
   * Each key of a usable translation (of MIN_TRANSLATION_KEY letters or more): its headword, headword's stem, key,
   * and the translation (`phrase`) and which of its words (`part`) it is a key of; for a bare past's present form
   * (presentForms), the past's key as `past` (else the key itself).
   */
  readonly translations: {
    readonly english: Uint32Array;
    readonly stem: Uint32Array;
    readonly key: Uint32Array;
    readonly past: Uint32Array;
    readonly phrase: Uint32Array;
    readonly part: Uint8Array;
  };
  /** Per translation (`phrase`), how many words it has. */
  readonly phraseWords: Uint8Array;
  /** Per key (string), its places in `translations`: kept when the corpus has the key. */
  readonly translationsByKey: Postings;
  /**
   * Each key of a one-word translation (the inverse, Arabic to English): the key, the headword's stem, and 1 where
   * the key is the word's light stem (its first key), not a Snowball stem two words may share (الاستعداد and
   * الاستعادة are both استعد), in a translation no word negates (see NEGATIONS).
   */
  readonly inverses: { readonly key: Uint32Array; readonly stem: Uint32Array; readonly light: Uint8Array };
  /** Per stem (string), its places in `inverses`: kept when the corpus has the stem. */
  readonly inversesByStem: Postings;
  /**
   * Each related word of a WordNet line: the line's word, its stem, the related word (strings), and its column: a
   * base form of an irregular form (0), a derivation (1) or a synonym (2).
   */
  readonly related: { readonly word: Uint32Array; readonly stem: Uint32Array; readonly other: Uint32Array; readonly column: Uint8Array };
  /** Per headword, the places in `related` naming it: kept when the headword translates into the corpus. */
  readonly relatedByHeadword: Postings;
  /** Per stem, the places in `related` naming a word that is no headword and has that stem: kept when the stem translates. */
  readonly relatedByStem: Postings;
  /** Per skeleton (see {@link skeleton}), the stems of Latin letters of the headwords that have it, for cognates. */
  readonly stemsBySkeleton: ReadonlyMap<string, readonly string[]>;
  /** Arabic keys of one noun in two numbers, a broken plural and its singular, each way (see numberPairsOf). */
  readonly numberPairs: readonly (readonly [key: string, other: string])[];
}

/**
 * Groups each place into the list of its id, `ids[place]` (none when negative), among `size` lists: a counting
 * sort, so each list stays in place order.
 */
function postingsOf(ids: readonly number[], size: number): Postings {
  const starts = new Uint32Array(size + 1);
  for (const id of ids) if (id >= 0) starts[id + 1] = (starts[id + 1] as number) + 1;
  for (let id = 0; id < size; id += 1) starts[id + 1] = (starts[id + 1] as number) + (starts[id] as number);
  const fill = starts.slice(0, size);
  const items = new Uint32Array(starts[size] as number);
  ids.forEach((id, place) => {
    if (id < 0) return;
    items[fill[id] as number] = place;
    fill[id] = (fill[id] as number) + 1;
  });
  return { starts, items };
}

/** Every place of the lists whose id `wanted` accepts, ascending: the order a walk over the lists meets them. */
function gather(postings: Postings, wanted: (id: number) => boolean, into: number[] = []): number[] {
  const { starts, items } = postings;
  for (let id = 0; id + 1 < starts.length; id += 1) {
    const from = starts[id] as number;
    const to = starts[id + 1] as number;
    if (from === to || !wanted(id)) continue;
    for (let at = from; at < to; at += 1) into.push(items[at] as number);
  }
  return into;
}

const ascending = (places: number[]): Uint32Array => Uint32Array.from(places).sort();

/**
 * The keys an Arabic word of a translation is looked up under: its light stem, and its other keys (the Snowball
 * stem, the stem with a first و kept) where they are long enough (see MIN_SNOWBALL_TRANSLATION_KEY).
 */
const translationKeys = (token: Token): string[] => {
  const [light, ...others] = tokenKeys(token) as [string, ...string[]];
  return [light, ...others.filter((key) => key.length >= MIN_SNOWBALL_TRANSLATION_KEY)];
};

/**
 * The headwords that are verbs, as far as the lists tell: their past is a headword too (appreciate, appreciated;
 * stop, stopped; carry, carried), or, for a past they write otherwise (began, sought), their -ing form (begin,
 * beginning; start, starting); not a name's or a noun's (Vaughn, role).
 */
function verbsOf(headwords: ReadonlySet<string>): Set<string> {
  const verbs = new Set<string>();
  for (const word of headwords) {
    const last = word.at(-1) ?? "";
    const pasts = [`${word}ed`, `${word}d`, `${word}${last}ed`, word.endsWith("y") ? `${word.slice(0, -1)}ied` : ""];
    const participles = [`${word}ing`, `${word}${last}ing`, word.endsWith("e") ? `${word.slice(0, -1)}ing` : ""];
    if ([...pasts, ...participles].some((form) => form !== "" && headwords.has(form))) verbs.add(word);
  }
  return verbs;
}

/** Reads, tokenises and stems the word lists (about 2 s for the shipped ones; hence the saved form). */
function parseLists(paths: LexiconPaths): WordLists {
  const known = new Map<string, number>();
  const interner = new Interner();
  const { strings } = interner;
  const id = (text: string): number => interner.id(text);
  const translations = { english: [] as number[], stem: [] as number[], key: [] as number[], past: [] as number[], phrase: [] as number[], part: [] as number[] };
  const phraseWords: number[] = [];
  const inverses = { key: [] as number[], stem: [] as number[], light: [] as number[] };
  // The glossary's phrases ("حفظة السلام") are translations, not definitions: allow one word more.
  const entries = [...readEntries(paths.glossary, MAX_TRANSLATION_WORDS + 1, true), ...readEntries(paths.dictionary, MAX_TRANSLATION_WORDS)];
  const verbs = verbsOf(new Set(entries.map((e) => e.english)));
  const headwordStems = new Set<string>();
  // Per headword, its one-word translations, as written (article and ة off) and by their light stem: where "seat"
  // and "seats" translate to the two numbers of one Arabic noun, that pair is a broken plural (numberPairsOf).
  const oneWords = new Map<string, Map<string, OneWord>>();
  for (const { english, translations: alternatives, shortWords } of entries) {
    let headword = known.get(english);
    if (headword === undefined) known.set(english, (headword = known.size));
    const stemText = stemEnglish(english);
    headwordStems.add(stemText);
    const stem = id(stemText);
    for (const [translation, maxWords] of alternatives) {
      const all = tokenize(translation);
      const written = all.filter((t) => t.script === "ar" && !isStopword(t.text));
      const negated = all.some((t) => NEGATIONS.has(t.text));
      const tokens = written.length > 1 && PLACE_HEADS.has(written[0]?.text ?? "") ? written.slice(1) : written;
      if (tokens.length === 0 || tokens.length > maxWords) continue;
      // Its words that can be looked for: a word with no key of MIN_TRANSLATION_KEY letters (خط in خط جوي) is none.
      const words = tokens.map((token) => translationKeys(token));
      const [one] = tokens;
      // A one-word translation written as a bare past (قدر, "appreciate") is its present too, which a text writes
      // as often (نقدر): not a noun of the same letters with an ending (قدرة, "ability").
      const presents = one && tokens.length === 1 && words[0]?.[0] === one.text && verbs.has(english) ? presentForms(one.text) : [];
      if (one && tokens.length === 1) {
        let forms = oneWords.get(english);
        if (forms === undefined) oneWords.set(english, (forms = new Map()));
        forms.set(writtenNoun(one.text), { key: words[0]?.[0] as string, feminine: one.text.endsWith("ه") });
      }
      const sought = words.filter((keys, i) => keys.some((key) => isKeptKey(key, tokens[i] as Token, shortWords)));
      const phrase = phraseWords.push(sought.length) - 1;
      const place = (k: number, past: number, part: number): void => {
        translations.english.push(headword);
        translations.stem.push(stem);
        translations.key.push(k);
        translations.past.push(past);
        translations.phrase.push(phrase);
        translations.part.push(part);
      };
      for (const [i, keys] of words.entries()) {
        const part = sought.indexOf(keys);
        for (const key of keys) {
          const k = id(key);
          if (isKeptKey(key, tokens[i] as Token, shortWords)) place(k, k, part);
          if (tokens.length === 1) {
            inverses.key.push(k);
            inverses.stem.push(stem);
            inverses.light.push(key === keys[0] && !negated ? 1 : 0);
          }
        }
      }
      // The present forms translate the English word, keyed by the past they stand for; not the other way: an
      // Arabic question's present is read by its own forms (see arabicWordKeys in analyze.ts).
      if (one && presents.length > 0) {
        const past = id(one.text);
        for (const key of presents) if (key.length >= MIN_TRANSLATION_KEY) place(id(key), past, sought.indexOf(words[0] as string[]));
      }
    }
  }
  const stemsBySkeleton = new Map<string, string[]>();
  for (const stem of headwordStems) {
    if (!LATIN_WORD.test(stem)) continue;
    const bones = skeleton(stem);
    const list = stemsBySkeleton.get(bones);
    if (list) list.push(stem);
    else stemsBySkeleton.set(bones, [stem]);
  }
  const related = { word: [] as number[], stem: [] as number[], other: [] as number[], column: [] as number[] };
  // Per related word, what decides whether it translates: its headword's number, or (-1 - its stem's string).
  const decider: number[] = [];
  const deciderOf = new Map<string, number>();
  if (paths.wordnet) {
    for (const line of readFileSync(paths.wordnet, "utf8").split(/\r?\n/u)) {
      if (!line || line.startsWith("#")) continue;
      // Columns: base forms of an irregular form, derivations, first-sense synonyms.
      const [word = "", ...columns] = line.split("\t");
      const w = id(word);
      const stem = id(stemEnglish(word));
      for (const [column, others] of columns.entries()) {
        for (const other of others ? others.split("|") : []) {
          related.word.push(w);
          related.stem.push(stem);
          related.other.push(id(other));
          related.column.push(column);
          let d = deciderOf.get(other);
          if (d === undefined) deciderOf.set(other, (d = known.get(other) ?? -1 - id(stemEnglish(other))));
          decider.push(d);
        }
      }
    }
  }
  return {
    known: [...known.keys()],
    strings,
    translations: {
      english: Uint32Array.from(translations.english),
      stem: Uint32Array.from(translations.stem),
      key: Uint32Array.from(translations.key),
      past: Uint32Array.from(translations.past),
      phrase: Uint32Array.from(translations.phrase),
      part: Uint8Array.from(translations.part),
    },
    phraseWords: Uint8Array.from(phraseWords),
    translationsByKey: postingsOf(translations.key, strings.length),
    inverses: { key: Uint32Array.from(inverses.key), stem: Uint32Array.from(inverses.stem), light: Uint8Array.from(inverses.light) },
    inversesByStem: postingsOf(inverses.stem, strings.length),
    related: {
      word: Uint32Array.from(related.word),
      stem: Uint32Array.from(related.stem),
      other: Uint32Array.from(related.other),
      column: Uint8Array.from(related.column),
    },
    relatedByHeadword: postingsOf(decider, known.size),
    relatedByStem: postingsOf(decider.map((d) => (d < 0 ? -1 - d : -1)), strings.length),
    stemsBySkeleton,
    numberPairs: numberPairsOf(oneWords),
  };
}

const headwordSets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The word lists' headwords as a set, made once per parse of the lists. */
function headwordSet(known: readonly string[]): ReadonlySet<string> {
  let set = headwordSets.get(known);
  if (!set) headwordSets.set(known, (set = new Set(known)));
  return set;
}

/** An English noun's regular plurals: seat, seats; box, boxes; party, parties. */
const englishPlurals = (word: string): string[] => [`${word}s`, `${word}es`, ...(word.endsWith("y") ? [`${word.slice(0, -1)}ies`] : [])];

/** A one-word translation: the key it is matched under (its light stem), and whether it ends in ة (normalised ه). */
interface OneWord {
  readonly key: string;
  readonly feminine: boolean;
}

/** A one-word translation as the patterns read it: without its article (and a و or ب before it) and its ة. */
const writtenNoun = (text: string): string => text.replace(/^[وفبكل]?(?:ال|لل)(?=...)/u, "").replace(/ه$/u, "");

/**
 * A singular noun's light stem shorter than this, with its ة off, is as often another word (مهمة, a task, is مهم,
 * important): its plural is not joined to it.
 */
const MIN_FEMININE_STEM = 4;

/**
 * The broken plurals the word lists attest: a one-word translation of an English noun and one of its plural's
 * whose written shapes are the singular and the plural of one pattern of the grammars (brokenPlurals: "seat"
 * المقعد, "seats" المقاعد). A pattern alone joins words of other roots and senses that happen to have the two
 * shapes (الجزيرة, an island, and الجزائر, Algeria; تحدٍّ and اتحاد; مقبل, next, and مقابل); two translations of
 * one English word in its two numbers make the pair that word's, as do two translations of one English word (country:
 * بلد, بلاد). Each pair, by the words' light stems (the keys they are matched under), both ways.
 */
function numberPairsOf(oneWords: ReadonlyMap<string, ReadonlyMap<string, OneWord>>): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const [singular, forms] of oneWords) {
    // Its plural's translations, and its own: a word the lists translate by both numbers of one noun ("country",
    // بلد and بلاد) means it by either.
    for (const plural of [...englishPlurals(singular), singular]) {
      const plurals = oneWords.get(plural);
      if (!plurals) continue;
      for (const [written, { key, feminine }] of forms) {
        if (feminine && key.length < MIN_FEMININE_STEM) continue;
        // A last و's plural (عضو, أعضاء) only where English says plural too: "cool" gives الهدوء (calm) and إهدأ,
        // whose letters are إهداء's (dedication).
        if (plural === singular && written.endsWith("و")) continue;
        for (const shape of brokenPlurals(written)) {
          const other = plurals.get(shape)?.key;
          if (other === undefined || other === key) continue;
          pairs.set(`${key} ${other}`, [key, other]);
          pairs.set(`${other} ${key}`, [other, key]);
        }
      }
    }
  }
  return [...pairs.values()];
}

/** The parsed word lists of this process, by paths and fingerprint; a running bot prunes them at every reload. */
const parsedLists = new Map<string, WordLists>();
/** Their saved form, once made or read (an update writes it into every index it saves). */
const savedForms = new Map<string, Buffer>();

const listsKey = (paths: LexiconPaths): string => [paths.dictionary, paths.glossary, paths.wordnet ?? "", lexiconFingerprint(paths)].join("\n");

function wordLists(paths: LexiconPaths): WordLists {
  const key = listsKey(paths);
  let lists = parsedLists.get(key);
  if (!lists) parsedLists.set(key, (lists = parseLists(paths)));
  return lists;
}

const arabicWordSets = new Map<string, ReadonlySet<string>>();

/** The Arabic keys the word lists translate from or into English: the keys of words, not of names. */
export function arabicWords(paths = DEFAULT_PATHS): ReadonlySet<string> {
  const key = listsKey(paths);
  let words = arabicWordSets.get(key);
  if (!words) {
    const { strings, translations, inverses } = wordLists(paths);
    const set = new Set<string>();
    // A bare past's present forms are made, not listed: no word the lists attest.
    translations.key.forEach((id, place) => {
      if (translations.past[place] === id) set.add(strings[id] as string);
    });
    for (const id of inverses.key) set.add(strings[id] as string);
    arabicWordSets.set(key, (words = set));
  }
  return words;
}

/**
 * @param corpusKeys every key the corpus indexes: translations are kept only when they can match one.
 */
export function buildLexicon(corpusKeys: ReadonlySet<string>, paths = DEFAULT_PATHS): SerializedLexicon {
  const lists = wordLists(paths);
  const { known, strings, translations, phraseWords, inverses, related: relations, ...by } = lists;
  const has = (id: number): boolean => corpusKeys.has(strings[id] as string);
  const cognates = cognatesOf(corpusKeys, lists);
  const hasEnglish = (id: number): boolean => has(id) || cognates.has(strings[id] as string);
  // Per headword (by number), its keys in the corpus; per stem, the same for the stem's headwords.
  const enWord = new Map<number, Set<string>>();
  const enStem = new Map<string, Set<string>>();
  // A bare past's present form stands for it where the corpus lacks the past: not beside it (دعم, "backs", would
  // also find every تدعم of a headline).
  const held = ascending(gather(by.translationsByKey, has)).filter((place) => translations.past[place] === translations.key[place] || !has(translations.past[place] as number));
  // A translation of several words ("متعلق بإسرائيل" for "Israeli") counts only where the corpus holds every one of
  // them: one alone (متعلق, "related to") means something else.
  const partsHeld = new Map<number, Set<number>>();
  for (const place of held) add(partsHeld, translations.phrase[place] as number, translations.part[place] as number);
  for (const place of held) {
    const phrase = translations.phrase[place] as number;
    if ((partsHeld.get(phrase)?.size ?? 0) < (phraseWords[phrase] ?? 1)) continue;
    const key = strings[translations.key[place] as number] as string;
    add(enWord, translations.english[place] as number, key);
    add(enStem, strings[translations.stem[place] as number] as string, key);
  }
  // A one-word translation the corpus lacks, whose broken plural or singular it holds (message: رسالة, the text's
  // رسائل), translates into that: for a headword the lists also hold with a plural's ending, a noun or a verb's
  // present (the lists do not tell them apart), not a past, a participle or an adjective, whose translation may
  // share a plural's letters in another sense (abolished: أبطل, as أبطال, heroes). The pairs carry no sense.
  const numberForms = numberFormsOf(corpusKeys, lists);
  const unheld = ascending(gather(by.translationsByKey, (id) => !has(id) && numberForms.has(strings[id] as string)));
  const headwords = unheld.length > 0 ? headwordSet(known) : new Set<string>();
  const countable = (english: string): boolean => englishPlurals(english).some((plural) => headwords.has(plural));
  for (const place of unheld) {
    if (phraseWords[translations.phrase[place] as number] !== 1) continue;
    if (!countable(known[translations.english[place] as number] as string)) continue;
    for (const other of numberForms.get(strings[translations.key[place] as number] as string) ?? []) {
      add(enWord, translations.english[place] as number, other);
      add(enStem, strings[translations.stem[place] as number] as string, other);
    }
  }
  const arToEn = new Map<string, Set<string>>();
  for (const place of ascending(gather(by.inversesByStem, hasEnglish))) {
    add(arToEn, strings[inverses.key[place] as number] as string, strings[inverses.stem[place] as number] as string);
  }
  // WordNet's related words that translate into the corpus, by word, and their base forms and derivations also by
  // stem under a "*" prefix (for a word none of whose own do: translate.ts). A headword translates by its own
  // entries, any other word by its stem's.
  const places = gather(by.relatedByHeadword, (headword) => enWord.has(headword));
  const related = new Map<string, Set<string>>();
  const derived = new Map<string, Set<string>>();
  for (const place of ascending(gather(by.relatedByStem, (stem) => enStem.has(strings[stem] as string), places))) {
    const other = strings[relations.other[place] as number] as string;
    const word = strings[relations.word[place] as number] as string;
    const stem = `*${strings[relations.stem[place] as number] as string}`;
    add(related, word, other);
    if ((relations.column[place] as number) < SYNONYMS_COLUMN) add(derived, stem, other);
  }
  // The irregular forms the corpus writes in English, by their base form: a question's "meet" finds a tweet's "Met
  // today with …" (the other way, "met" finds "meet", is `related`'s). WordNet's first column is every inflection
  // it lists, a noun's plural too (men, media), and a regular one whose stem is the base's (beginning, committing):
  // that one the stemmer finds already.
  const inflections = new Map<string, Set<string>>();
  relations.column.forEach((column, place) => {
    const formStem = strings[relations.stem[place] as number] as string;
    if (column !== IRREGULAR_COLUMN || !corpusKeys.has(formStem)) return;
    const base = strings[relations.other[place] as number] as string;
    if (stemEnglish(base) !== formStem) add(inflections, base, formStem);
  });
  const entries = (map: Map<string, Set<string>>): MapEntries => Array.from(map, ([k, v]) => [k, [...v]]);
  const pivots = pivotsOf(lists, corpusKeys, enStem);
  return {
    // Headwords in the lists' order, as a walk over the entries would first name them.
    enWord: [...enWord].sort(([a], [b]) => a - b).map(([headword, keys]) => [known[headword] as string, [...keys]]),
    enStem: entries(enStem),
    arToEn: [...arToEn].filter(([, v]) => v.size <= MAX_EN_PER_AR).map(([k, v]) => [k, [...v]]),
    known: [...known],
    arabicWords: [...arabicWords(paths)],
    related: entries(related),
    derived: entries(derived),
    cognates: entries(cognates),
    numberForms: entries(numberForms),
    inflections: entries(inflections),
    pivots,
  };
}

/**
 * For each Arabic light stem of a one-word translation the corpus lacks, glossed by PIVOT_AGREEMENT to
 * MAX_PIVOT_SENSES English stems, the corpus's keys (`enStem`, already pruned to it) whose light stems share at
 * least PIVOT_AGREEMENT of them, the most shared first: the word's own family the stemmers keep apart (مهدد and
 * تهديد, منازل and منزل) or a synonym, found by the glosses two words have in common, which one shared gloss would not
 * tell from a pun.
 */
function pivotsOf(lists: WordLists, corpusKeys: ReadonlySet<string>, enStem: ReadonlyMap<string, ReadonlySet<string>>): MapEntries {
  const { glosses, pivoting } = glossesOf(lists);
  const pivots: MapEntries = [];
  for (const [key, stems] of pivoting) {
    if (corpusKeys.has(key)) continue;
    const shared = new Map<string, number>();
    for (const stem of stems) {
      for (const other of enStem.get(lists.strings[stem] as string) ?? []) {
        if (shared.has(other)) continue;
        let count = 0;
        for (const gloss of glosses.get(other) ?? []) if (stems.has(gloss)) count += 1;
        shared.set(other, count);
      }
    }
    const kept = [...shared].filter(([, count]) => count >= PIVOT_AGREEMENT).sort((a, b) => b[1] - a[1]);
    if (kept.length > 0) pivots.push([key, kept.slice(0, MAX_PIVOT_KEYS).map(([other]) => other)]);
  }
  return pivots;
}

interface Glosses {
  /** Each light stem's English stems (by id), from the one-word translations no word negates. */
  readonly glosses: ReadonlyMap<string, ReadonlySet<number>>;
  /** The light stems glossed by PIVOT_AGREEMENT to MAX_PIVOT_SENSES English stems: those a corpus may pivot. */
  readonly pivoting: readonly (readonly [key: string, stems: ReadonlySet<number>])[];
}

const glossesByLists = new WeakMap<WordLists, Glosses>();

/** What pivotsOf reads of the word lists whatever the corpus, made once per parse (some 100 ms of every index build). */
function glossesOf(lists: WordLists): Glosses {
  let made = glossesByLists.get(lists);
  if (made) return made;
  const { strings, inverses } = lists;
  const glosses = new Map<string, Set<number>>();
  inverses.key.forEach((key, place) => {
    if (inverses.light[place] === 1) add(glosses, strings[key] as string, inverses.stem[place] as number);
  });
  const pivoting = [...glosses].filter(([, stems]) => stems.size >= PIVOT_AGREEMENT && stems.size <= MAX_PIVOT_SENSES);
  made = { glosses, pivoting };
  glossesByLists.set(lists, made);
  return made;
}

/** The attested broken plural or singular of each key (numberPairsOf), where the corpus holds it. */
function numberFormsOf(corpusKeys: ReadonlySet<string>, { numberPairs }: WordLists): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const [key, other] of numberPairs) if (corpusKeys.has(other)) add(forms, key, other);
  return forms;
}

/** Shorter words are alike by chance ("dz", "amb"); fewer consonants too. */
const MIN_COGNATE_LETTERS = 5;
const MIN_COGNATE_CONSONANTS = 3;
/** The words that have a skeleton: Latin letters only. */
const LATIN_WORD = /^[a-z]+$/;
/**
 * A Latin word's first letter and its later consonants: what French and English spellings of one word share
 * (interieur, interior: intrr; ministere, ministri: mnstr), where their vowels differ. The saved word lists hold
 * the known stems by skeleton (stemsBySkeleton): bump WORD_LISTS_VERSION when this or LATIN_WORD changes.
 */
const skeleton = (word: string): string => word[0] + word.slice(1).replace(/[aeiouy]/g, "");

/**
 * The corpus's Latin words that are no English word's stem, under the stems of the English words the lists
 * know that have their skeleton: French handles (@interieur_dz ~ interior) and foreign spellings, so that English
 * questions, and Arabic ones through their translations, reach them.
 */
function cognatesOf(corpusKeys: ReadonlySet<string>, { stemsBySkeleton }: WordLists): Map<string, Set<string>> {
  const cognates = new Map<string, Set<string>>();
  for (const key of corpusKeys) {
    if (!LATIN_WORD.test(key) || key.length < MIN_COGNATE_LETTERS) continue;
    const bones = skeleton(key);
    const english = stemsBySkeleton.get(bones);
    if (!english || english.includes(key) || bones.length < MIN_COGNATE_CONSONANTS + 1) continue;
    for (const stem of english) if (!corpusKeys.has(stem)) add(cognates, stem, key);
  }
  return cognates;
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** The saved word lists: the parsed form (serialised on its own, with its SHA-256) with what it was parsed by. */
interface SavedWordLists {
  readonly version: number;
  readonly identity: string;
  readonly sha256: string;
  readonly lists: Uint8Array;
}

const digest = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * What a saved parse depends on: the word lists, the analyser, and the limits applied while parsing (so changing
 * one of them cannot leave an index reusing lists parsed under the old one, even without a version bump).
 */
const identityOf = (analyzer: string, paths: LexiconPaths): string =>
  `${lexiconFingerprint(paths)}/${analyzer}/${MAX_TRANSLATION_WORDS},${MAX_INVERSE_WORDS},${MIN_TRANSLATION_KEY},${MIN_SNOWBALL_TRANSLATION_KEY},${SYNONYMS_COLUMN}`;

/**
 * Reads the word lists as {@link saveWordLists} saved them into this process, unless they are parsed already: the
 * first lexicon of a process then costs no parse. A file saved from other word lists, by another analyser or
 * another version of this code is left alone (the lists are parsed when needed).
 * @param analyzer the analyser's identity (tokeniser and stemmers) the lists were parsed with.
 * @returns whether the lists are in memory now.
 * @throws IndexError ("corrupt") when the file cannot be read (other than missing), does not hold saved word lists
 * or fails its checksum; the caller parses the lists instead.
 */
export async function primeWordLists(file: string, analyzer: string, paths = DEFAULT_PATHS): Promise<boolean> {
  const key = listsKey(paths);
  if (parsedLists.has(key)) return true;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new IndexError("corrupt", `cannot read ${file}`, { cause: error });
  }
  let saved: Partial<SavedWordLists> | null;
  try {
    saved = deserialize(bytes) as Partial<SavedWordLists> | null;
  } catch (error) {
    throw new IndexError("corrupt", `${file} does not hold saved word lists`, { cause: error });
  }
  if (typeof saved !== "object" || saved === null || typeof saved.version !== "number" || typeof saved.identity !== "string") {
    throw new IndexError("corrupt", `${file} does not hold saved word lists`);
  }
  if (saved.version !== WORD_LISTS_VERSION || saved.identity !== identityOf(analyzer, paths)) return false;
  if (!(saved.lists instanceof Uint8Array) || saved.sha256 !== digest(saved.lists)) {
    throw new IndexError("corrupt", `${file} fails its checksum: damaged since it was written`);
  }
  let lists: WordLists;
  try {
    lists = deserialize(saved.lists) as WordLists;
  } catch (error) {
    throw new IndexError("corrupt", `${file} holds word lists that cannot be read`, { cause: error });
  }
  parsedLists.set(key, lists);
  savedForms.set(`${key}\n${saved.identity}`, bytes);
  return true;
}

/**
 * Writes the parsed word lists (parsing them first if this process has not) for {@link primeWordLists}.
 * @param analyzer the analyser's identity (tokeniser and stemmers) they are parsed with.
 */
export async function saveWordLists(file: string, analyzer: string, paths = DEFAULT_PATHS): Promise<void> {
  const identity = identityOf(analyzer, paths);
  const key = `${listsKey(paths)}\n${identity}`;
  let bytes = savedForms.get(key);
  if (!bytes) {
    const lists = serialize(wordLists(paths));
    bytes = serialize({ version: WORD_LISTS_VERSION, identity, sha256: digest(lists), lists } satisfies SavedWordLists);
    savedForms.set(key, bytes);
  }
  await writeFile(file, bytes);
}

/** The lexicon stored in an index, as lookup maps. */
export function loadLexicon(data: SerializedLexicon): Lexicon {
  return {
    enWord: new Map(data.enWord),
    enStem: new Map(data.enStem),
    arToEn: new Map(data.arToEn),
    known: new Set(data.known),
    arabicWords: new Set(data.arabicWords),
    related: new Map(data.related),
    derived: new Map(data.derived),
    cognates: new Map(data.cognates),
    numberForms: new Map(data.numberForms ?? []),
    inflections: new Map(data.inflections ?? []),
    pivots: new Map(data.pivots ?? []),
  };
}
