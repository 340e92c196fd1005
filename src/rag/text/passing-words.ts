/**
 * Words a question says in passing that are words of their own in a text (data/passing-words.tsv): "how meny", the
 * Filipino po, Singapore's lah, the Maghreb's داك (that), the tag صح (right?). The analyser reads them off where the
 * briefings hold none of them and keeps them where they do (src/rag/analyze.ts, wordTerm).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeToken, withoutConjunction } from "./normalize.js";

export const PASSING_WORDS_PATH = fileURLToPath(new URL("../../../data/passing-words.tsv", import.meta.url));

let words: ReadonlySet<string> | undefined;

/** The normalised forms of a file of `forms<TAB>meaning asked<TAB>meaning in a text` lines, comments skipped. */
export function readPassingWords(path = PASSING_WORDS_PATH): ReadonlySet<string> {
  const out = new Set<string>();
  for (const line of readFileSync(path, "utf8").split(/\r?\n/u)) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [forms = ""] = line.split("\t");
    for (const form of forms.split(/\s+/u).filter(Boolean)) out.add(normalizeToken(form));
  }
  return out;
}

/**
 * Whether a normalised word is one said in passing, as written or after a joined و or ف where three letters remain:
 * فصح (Easter) is no ف and صح (a review).
 */
export function isPassingWord(word: string): boolean {
  words ??= readPassingWords();
  const bare = withoutConjunction(word);
  return words.has(word) || (bare.length > 2 && words.has(bare));
}
