/**
 * Builds the bilingual lexicon from data/ (our news glossary first, then the FreeDict English-Arabic list),
 * pruned to the corpus: only translations that can match something indexed are kept, so answering never
 * loads the 2 MB dictionary.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Lexicon } from "./analyze.js";
import { isStopword } from "./text/stopwords.js";
import { stemEnglish, tokenKeys } from "./text/stem.js";
import { tokenize } from "./text/tokenize.js";

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
/** Arabic keys of fewer letters are ambiguous as translations ("مر" from مرة, "اح" from أحيانا) and are dropped. */
const MIN_TRANSLATION_KEY = 3;
/** English stems kept per Arabic key: common Arabic words gloss to dozens of English ones. */
const MAX_EN_PER_AR = 8;

export interface SerializedLexicon {
  /** English word -> Arabic keys in the corpus, from the entries for exactly that word. */
  readonly enWord: Record<string, string[]>;
  /** English stem -> Arabic keys in the corpus, for words that are not headwords themselves. */
  readonly enStem: Record<string, string[]>;
  /** Arabic key -> English stems in the corpus. */
  readonly arToEn: Record<string, string[]>;
  /** Every English word the word lists translate. */
  readonly known: string[];
  /**
   * English word (or, for regular inflections, its stem) -> related English words that do translate into the
   * corpus: base forms of irregular ones, derivations, first-sense synonyms (WordNet).
   */
  readonly related?: Record<string, string[]>;
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
}

/** The entries of a word list file: the glossary's or the FreeDict conversion's format. */
function* readEntries(path: string, maxDirectWords: number): Generator<Entry> {
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [english, direct = "", inverse = ""] = line.split("\t");
    if (!english || english.includes(" ")) continue;
    yield {
      english,
      translations: [
        ...direct.split("|").map((t) => [t, maxDirectWords] as const),
        ...inverse.split("|").map((t) => [t, MAX_INVERSE_WORDS] as const),
      ],
    };
  }
}

/** One English headword with its translations already tokenised into matching keys (corpus-independent). */
interface ParsedEntry {
  readonly english: string;
  readonly stem: string;
  /** Per usable translation, per Arabic token, its keys. */
  readonly translations: readonly (readonly (readonly string[])[])[];
}

interface ParsedLists {
  readonly entries: readonly ParsedEntry[];
  /** WordNet: word, its stem, its related words. */
  readonly related: readonly (readonly [word: string, stem: string, others: readonly string[]])[];
}

/**
 * The word lists read, tokenised and stemmed once per process: a running bot rebuilds the lexicon at every hot
 * reload, and this half of the work does not depend on the corpus.
 */
const parsedLists = new Map<string, ParsedLists>();

function parseLists(paths: LexiconPaths): ParsedLists {
  const key = [paths.dictionary, paths.glossary, paths.wordnet ?? "", lexiconFingerprint(paths)].join("\n");
  const cached = parsedLists.get(key);
  if (cached) return cached;
  // The glossary's phrases ("حفظة السلام") are translations, not definitions: allow one word more.
  const raw = [...readEntries(paths.glossary, MAX_TRANSLATION_WORDS + 1), ...readEntries(paths.dictionary, MAX_TRANSLATION_WORDS)];
  const entries = raw.map(({ english, translations }) => ({
    english,
    stem: stemEnglish(english),
    translations: translations.flatMap(([translation, maxWords]) => {
      const tokens = tokenize(translation).filter((t) => t.script === "ar" && !isStopword(t.text));
      return tokens.length === 0 || tokens.length > maxWords ? [] : [tokens.map(tokenKeys)];
    }),
  }));
  const related: [string, string, string[]][] = [];
  if (paths.wordnet) {
    for (const line of readFileSync(paths.wordnet, "utf8").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [word = "", ...columns] = line.split("\t");
      related.push([word, stemEnglish(word), columns.flatMap((c) => (c ? c.split("|") : []))]);
    }
  }
  const lists = { entries, related };
  parsedLists.set(key, lists);
  return lists;
}

/**
 * @param corpusKeys every key the corpus indexes: translations are kept only when they can match one.
 */
export function buildLexicon(corpusKeys: ReadonlySet<string>, paths = DEFAULT_PATHS): SerializedLexicon {
  const enWord = new Map<string, Set<string>>();
  const enStem = new Map<string, Set<string>>();
  const arToEn = new Map<string, Set<string>>();
  const known = new Set<string>();
  const lists = parseLists(paths);
  for (const { english, stem, translations } of lists.entries) {
    known.add(english);
    if (!enWord.has(english)) enWord.set(english, new Set());
    for (const tokens of translations) {
      for (const keys of tokens) {
        for (const key of keys) {
          if (corpusKeys.has(key) && key.length >= MIN_TRANSLATION_KEY) {
            add(enWord, english, key);
            add(enStem, stem, key);
          }
          if (corpusKeys.has(stem) && tokens.length === 1) add(arToEn, key, stem);
        }
      }
    }
  }
  const nonEmpty = (map: Map<string, Set<string>>) => Object.fromEntries([...map].filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v]]));
  // WordNet's related words that translate into the corpus, by word and, for the regular inflections WordNet
  // does not list ("funded"), by stem under a "*" prefix.
  const translates = (w: string): boolean => ((known.has(w) ? enWord.get(w) : enStem.get(stemEnglish(w)))?.size ?? 0) > 0;
  const related = new Map<string, Set<string>>();
  for (const [word, stem, others] of lists.related) {
    for (const other of others) {
      if (!translates(other)) continue;
      add(related, word, other);
      add(related, `*${stem}`, other);
    }
  }
  return {
    enWord: nonEmpty(enWord),
    enStem: nonEmpty(enStem),
    arToEn: Object.fromEntries([...arToEn].filter(([, v]) => v.size <= MAX_EN_PER_AR).map(([k, v]) => [k, [...v]])),
    known: [...known],
    related: nonEmpty(related),
  };
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** The lexicon stored in an index, as lookup maps. */
export function loadLexicon(data: SerializedLexicon): Lexicon {
  return {
    enWord: new Map(Object.entries(data.enWord)),
    enStem: new Map(Object.entries(data.enStem)),
    arToEn: new Map(Object.entries(data.arToEn)),
    known: new Set(data.known),
    related: new Map(Object.entries(data.related ?? {})),
  };
}
