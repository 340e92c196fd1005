/**
 * Builds the bilingual lexicon from the FreeDict English-Arabic list in data/, pruned to the corpus: only
 * translations that can match something indexed are kept, so answering never loads the 2 MB dictionary.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Lexicon } from "./analyze.js";
import { isStopword } from "./text/stopwords.js";
import { stemEnglish, tokenKeys } from "./text/stem.js";
import { tokenize } from "./text/tokenize.js";

export const DICTIONARY_PATH = fileURLToPath(new URL("../../data/freedict-eng-ara.tsv", import.meta.url));

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
  readonly enToAr: Record<string, string[]>;
  readonly arToEn: Record<string, string[]>;
  readonly enKnown: string[];
}

/**
 * @param corpusKeys every key the corpus indexes: translations are kept only when they can match one.
 */
export function buildLexicon(corpusKeys: ReadonlySet<string>, dictionaryPath = DICTIONARY_PATH): SerializedLexicon {
  const enToAr = new Map<string, Set<string>>();
  const arToEn = new Map<string, Set<string>>();
  const enKnown = new Set<string>();
  for (const line of readFileSync(dictionaryPath, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [headword, direct = "", inverse = ""] = line.split("\t");
    if (!headword || headword.includes(" ")) continue;
    const stem = stemEnglish(headword);
    enKnown.add(stem);
    const candidates = [
      ...direct.split("|").map((t) => [t, MAX_TRANSLATION_WORDS] as const),
      ...inverse.split("|").map((t) => [t, MAX_INVERSE_WORDS] as const),
    ];
    for (const [translation, maxWords] of candidates) {
      const tokens = tokenize(translation).filter((t) => t.script === "ar" && !isStopword(t.text));
      if (tokens.length === 0 || tokens.length > maxWords) continue;
      for (const token of tokens) {
        for (const key of tokenKeys(token)) {
          if (corpusKeys.has(key)) add(enToAr, stem, key);
          if (corpusKeys.has(stem) && tokens.length === 1) add(arToEn, key, stem);
        }
      }
    }
  }
  return {
    enToAr: Object.fromEntries([...enToAr].map(([k, v]) => [k, [...v]])),
    arToEn: Object.fromEntries([...arToEn].filter(([, v]) => v.size <= MAX_EN_PER_AR).map(([k, v]) => [k, [...v]])),
    enKnown: [...enKnown],
  };
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export function loadLexicon(data: SerializedLexicon): Lexicon {
  return {
    enToAr: new Map(Object.entries(data.enToAr)),
    arToEn: new Map(Object.entries(data.arToEn)),
    enKnown: new Set(data.enKnown),
  };
}
