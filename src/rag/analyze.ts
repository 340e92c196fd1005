/**
 * Text -> matching keys, for documents and questions alike.
 *
 * A document token is indexed under its stem keys and, for names, a cross-script skeleton key: "~SKEL" for
 * an Arabic token, "^SKEL" for a Latin one. A question word looks up the other script's prefix only, so a
 * skeleton never matches within one script.
 */
import { isStopword } from "./text/stopwords.js";
import { stemEnglish, tokenKeys } from "./text/stem.js";
import { tokenize, type Token } from "./text/tokenize.js";
import { arabicKeysForLatin, arabicNameKey, latinKeysForArabic, latinNameKey } from "./text/translit.js";

export const ARABIC_NAME = "~";
export const LATIN_NAME = "^";

/** Index keys of each content token of `text` (stop words dropped). */
export function documentTerms(text: string): string[][] {
  return tokenize(text)
    .filter((t) => !isStopword(t.text))
    .map((t) => [...tokenKeys(t), ...skeletonKeys(t)]);
}

function skeletonKeys(token: Token): string[] {
  const key = token.script === "ar" ? arabicNameKey(token.text) : token.script === "latin" ? latinNameKey(token.text) : undefined;
  if (key === undefined) return [];
  return [(token.script === "ar" ? ARABIC_NAME : LATIN_NAME) + key];
}

/** Bilingual word lists, pruned at index time to the keys the corpus holds. */
export interface Lexicon {
  /** English stem -> Arabic keys found in the corpus. */
  readonly enToAr: ReadonlyMap<string, readonly string[]>;
  /** Arabic key -> English stems found in the corpus. */
  readonly arToEn: ReadonlyMap<string, readonly string[]>;
  /** Every English stem the dictionary translates (a word outside it may be a name). */
  readonly enKnown: ReadonlySet<string>;
}

/** One question word: its alternatives are matched as one term (structured query translation). */
export interface QueryTerm {
  readonly word: string;
  readonly keys: readonly string[];
}

/** The question's terms: each content word with its stems, translations and, for names, its skeleton. */
export function queryTerms(question: string, lexicon: Lexicon): QueryTerm[] {
  const tokens = tokenize(question);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  tokens.forEach((token, i) => {
    if (isStopword(token.text)) return;
    const keys = new Set(tokenKeys(token));
    if (token.script === "latin") {
      const stem = stemEnglish(token.text);
      const translations = lexicon.enToAr.get(stem) ?? [];
      for (const k of translations) keys.add(k);
      // A capitalised word after the first may be a name; so may a word the dictionary does not know.
      const capitalised = i > 0 && /^\p{Lu}/u.test(token.raw);
      if (capitalised || !lexicon.enKnown.has(stem)) {
        for (const k of nameKeys(tokens, i)) keys.add(ARABIC_NAME + k);
      }
    } else if (token.script === "ar") {
      for (const k of tokenKeys(token)) for (const en of lexicon.arToEn.get(k) ?? []) keys.add(en);
      for (const k of latinKeysForArabic(token.text)) keys.add(LATIN_NAME + k);
    }
    const signature = [...keys].sort().join("|");
    if (seen.has(signature)) return;
    seen.add(signature);
    terms.push({ word: token.text, keys: [...keys] });
  });
  return terms;
}

/** A Latin word's Arabic name keys, and those of the word joined to a capitalised neighbour ("New York" ~ نيويورك). */
function nameKeys(tokens: readonly Token[], i: number): string[] {
  const token = tokens[i];
  if (!token) return [];
  const words = [token.text];
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (next?.script === "latin" && /^\p{Lu}/u.test(next.raw)) words.push(token.text + next.text);
  if (prev?.script === "latin" && /^\p{Lu}/u.test(prev.raw)) words.push(prev.text + token.text);
  return words.flatMap(arabicKeysForLatin);
}
