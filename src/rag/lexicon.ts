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

/**
 * Translations with more content words than this are definitions, not translations. An Arabic headword
 * found by its English gloss (the inverted side) must be one word: its phrases are mostly descriptions
 * ("شكل كأس" for "cup").
 */
const MAX_TRANSLATION_WORDS = 2;
const MAX_INVERSE_WORDS = 1;
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
}

const DEFAULT_PATHS = { dictionary: DICTIONARY_PATH, glossary: GLOSSARY_PATH };
const fingerprints = new Map<string, string>();

/** A short hash of the word lists: the index records it, so editing the glossary rebuilds the lexicon. */
export function lexiconFingerprint(paths = DEFAULT_PATHS): string {
  const key = `${paths.dictionary}\n${paths.glossary}`;
  let value = fingerprints.get(key);
  if (value === undefined) {
    value = createHash("sha256").update(readFileSync(paths.dictionary)).update(readFileSync(paths.glossary)).digest("hex").slice(0, 12);
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

/**
 * @param corpusKeys every key the corpus indexes: translations are kept only when they can match one.
 */
export function buildLexicon(corpusKeys: ReadonlySet<string>, paths = DEFAULT_PATHS): SerializedLexicon {
  const enWord = new Map<string, Set<string>>();
  const enStem = new Map<string, Set<string>>();
  const arToEn = new Map<string, Set<string>>();
  const known = new Set<string>();
  // The glossary's phrases ("حفظة السلام") are translations, not definitions: allow one word more.
  const entries = [...readEntries(paths.glossary, MAX_TRANSLATION_WORDS + 1), ...readEntries(paths.dictionary, MAX_TRANSLATION_WORDS)];
  for (const { english, translations } of entries) {
    const stem = stemEnglish(english);
    known.add(english);
    if (!enWord.has(english)) enWord.set(english, new Set());
    for (const [translation, maxWords] of translations) {
      const tokens = tokenize(translation).filter((t) => t.script === "ar" && !isStopword(t.text));
      if (tokens.length === 0 || tokens.length > maxWords) continue;
      for (const token of tokens) {
        for (const key of tokenKeys(token)) {
          if (corpusKeys.has(key)) {
            add(enWord, english, key);
            add(enStem, stem, key);
          }
          if (corpusKeys.has(stem) && tokens.length === 1) add(arToEn, key, stem);
        }
      }
    }
  }
  const nonEmpty = (map: Map<string, Set<string>>) => Object.fromEntries([...map].filter(([, v]) => v.size > 0).map(([k, v]) => [k, [...v]]));
  return {
    enWord: nonEmpty(enWord),
    enStem: nonEmpty(enStem),
    arToEn: Object.fromEntries([...arToEn].filter(([, v]) => v.size <= MAX_EN_PER_AR).map(([k, v]) => [k, [...v]])),
    known: [...known],
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
  };
}
