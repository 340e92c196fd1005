/**
 * Standard Arabic for common dialect words (data/dialect-ar.tsv): a question asked in a dialect ("واش حكات سيسون
 * مع لعمامرة؟") also looks for the standard word the news is written in (تحدث، قال).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizedSet, normalizeToken } from "./normalize.js";
import { tokenKeys } from "./stem.js";
import { tokenize } from "./tokenize.js";
import { DIALECT_PASSIVE, PRESENT_MARK } from "./verbs.js";

export const DIALECT_PATH = fileURLToPath(new URL("../../../data/dialect-ar.tsv", import.meta.url));

let table: ReadonlyMap<string, readonly string[]> | undefined;

/** Dialect form (normalised) -> the keys of its standard words, from a file of `forms<TAB>standard|words` lines. */
export function readDialectTable(path = DIALECT_PATH): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(path, "utf8").split(/\r?\n/u)) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [forms = "", standard = ""] = line.split("\t");
    const keys = [...new Set(tokenize(standard.replaceAll("|", " ")).flatMap(tokenKeys))];
    for (const form of forms.split(/\s+/).filter(Boolean)) out.set(normalizeToken(form), keys);
  }
  return out;
}

/**
 * The keys of the standard words for a normalised dialect token, also with a joined و or ف ("وحكات") and with
 * a present's mark ("كتخدم", "بتخدم" as تخدم: PRESENT_MARK) or the dialects' ات before a past ("اتقابلت" as قابلت); none for any
 * other token.
 */
export function standardKeys(normalized: string): readonly string[] {
  table ??= readDialectTable();
  const joined = normalized.length > 3 && (normalized[0] === "و" || normalized[0] === "ف");
  for (const word of joined ? [normalized, normalized.slice(1)] : [normalized]) {
    for (const form of [word, singularPresent(word), pastWithoutObject(word), withoutPossessive(word), passivePast(word)]) {
      const keys = form === undefined ? undefined : (table.get(form) ?? table.get(form.replace(PRESENT_MARK, "")));
      if (keys) return keys;
    }
  }
  return [];
}

/**
 * The Egyptian and Levantine ات before a past (اتقابلت, met with; اتشافت, was seen: DIALECT_PASSIVE), as the past
 * alone, which the table lists; undefined for a word of any other shape.
 */
const passivePast = (word: string): string | undefined => DIALECT_PASSIVE.exec(word)?.[1];

/**
 * A past in ت with an object pronoun written onto it (لاقته, she met him; شافتها, قابلتهم), as the past alone, which
 * the table lists; undefined for a word of any other shape. Three letters at least before the ت.
 */
const PAST_WITH_OBJECT = /^(.{3,}ت)(?:هما|هم|هن|ها|ه|و|ني|نا)$/u;
const pastWithoutObject = (word: string): string | undefined => PAST_WITH_OBJECT.exec(word)?.[1];

/**
 * A noun with "her", "their" or "your" written onto it (شغلها, her work), as the noun alone, which the table lists;
 * undefined for a word of any other shape. Not ه, which is also ة as normalised (شغله, a matter). Three letters at
 * least before it.
 */
const WITH_POSSESSIVE = /^(.{3,}?)(?:هما|هم|هن|ها|كم)$/u;
const withoutPossessive = (word: string): string | undefined => WITH_POSSESSIVE.exec(word)?.[1];

/**
 * The Gulf's and the standard's present plural, with or without an attached object (يشوفون, بيشوفونه: they see,
 * they see it), as its singular (يشوف, بيشوف), which the table lists for every dialect verb; undefined for a word
 * of any other shape. Three letters at least stay before the ending.
 */
const PRESENT_PLURAL = /^((?:[بك]|كا)?[يتن].{2,})ون(?:ه|ها|هم|ك|كم)?$/u;
const singularPresent = (word: string): string | undefined => PRESENT_PLURAL.exec(word)?.[1];

/**
 * Arabic demonstratives, standard and dialect, written apart from their noun: this, that (هذا, هاد, هاذ, هيدا, هاي;
 * the Egyptian ده, دي, دا, دول after it).
 */
export const ARABIC_DEMONSTRATIVES: ReadonlySet<string> = normalizedSet("هذا هذه هذي ذلك تلك هاد هادا هادي هاذ هاذا هاذي هيدا هيدي هاي ده دي دا دول");

/**
 * The Levantine and Gulf demonstrative هالـ ("this"), written onto its noun as the article is ("هالتقرير", this
 * report; "بهالزيارة", in this visit), after و, ف, ب or ل: the noun with the article, three letters of it at least
 * (هالة, a halo, and هالك are words of their own).
 */
const DEMONSTRATIVE = /^([وف]?[بل]?)هال(.{3,})$/u;

/** The noun a word joined to هالـ (DEMONSTRATIVE) names, with the article in its place; undefined for any other word. */
export function withoutDemonstrative(normalized: string): string | undefined {
  const [, clitics = "", noun] = DEMONSTRATIVE.exec(normalized) ?? [];
  if (noun === undefined) return undefined;
  return clitics.endsWith("ل") ? `${clitics.slice(0, -1)}لل${noun}` : `${clitics}ال${noun}`;
}

/**
 * The dialects' adjective فعلان with a plural or feminine ending (قلقانين, worried; زعلانة, upset): its three root
 * letters, the standard's word (قلق, the text's قلقين). Read on the written form, whose ة is no pronoun ه
 * (سريانه, its validity). Not without an ending, where the shape is as often a name (لبنان, سودان) or a dual.
 */
const DIALECT_ADJECTIVE = /^[وف]?(\p{Script=Arabic}{3})ان(?:ين|ة)$/u;

/** The root of a dialect adjective written so (see DIALECT_ADJECTIVE), or undefined. */
export function adjectiveRoot(written: string): string | undefined {
  return DIALECT_ADJECTIVE.exec(written)?.[1];
}
