/**
 * Matching keys of one normalised token. An Arabic token gets two keys, the Snowball stem and a light stem
 * (Larkey's Light10, which also strips the conjunction و and the article forms Snowball keeps), and matches
 * when either key agrees; an English token gets its Porter stem.
 */
import { stemmer as snowballArabic } from "@orama/stemmers/arabic";
import { stemmer as porterEnglish } from "@orama/stemmers/english";
import type { Token } from "./tokenize.js";

const ARTICLES = ["وال", "بال", "كال", "فال", "لل", "ال"] as const;
const SUFFIXES = ["ها", "ان", "ات", "ون", "وا", "ين", "يه", "ه", "ي"] as const;

/**
 * Light10 on a normalised token (ة is already ه and ى is already ي), plus the verb plural ending وا; a suffix
 * goes only when three letters remain (Light10 keeps two): "سكان" stays سكان, where سك would be ambiguous and
 * too short to serve as a translation key.
 */
export function lightStemArabic(word: string): string {
  let w = word;
  if (w.length > 3 && w.startsWith("و")) w = w.slice(1);
  for (const article of ARTICLES) {
    if (w.startsWith(article) && w.length - article.length >= 2) {
      w = w.slice(article.length);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) w = w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * A word ending in ت and an attached pronoun of two letters or one ه (its, her, their, your, our), four letters
 * before them at least once its conjunction and article are off: the ت is the word's ة (normalised ه). Not ي or ك
 * alone, with which words end (كويتي); not a shorter word, whose ت is as often its own or whose first letter is a
 * preposition (والتهم, and the charges, is no التة; بوقتها, at its time, no بوقة).
 */
const TAA_BEFORE_PRONOUN = /^(.{4,})ت(?:هما|هم|هن|ها|ه|كما|كم|كن|نا)$/u;
const CONJUNCTION_AND_ARTICLE = /^[وف]?(?:ال|بال|كال|لل)?/u;
/** The same ending after two to four letters, a pronoun of two letters or more (مدتها, its term; ولايتها). */
const SHORT_TAA_BEFORE_PRONOUN = /^(.{2,4})ت(?:هما|هم|هن|ها|كما|كم|كن|نا)$/u;

/**
 * The words a word ending in ت and a pronoun may be with the ت its ة, where tokenKeys does not read it so: a
 * shorter word (مدتها: مدة), whose ت is as often its own (بيتها, وقتها), or a word whose first و is its own (ولايتها:
 * ولاية, where the stem read off "and"). For the caller to keep those a corpus or the word lists attest.
 */
export function taaReadings(text: string): string[] {
  const rests = new Set([text, text.replace(CONJUNCTION_AND_ARTICLE, ""), text.replace(/^[وف]?[بلك]/u, "")]);
  return [...rests].flatMap((rest) => {
    const bare = SHORT_TAA_BEFORE_PRONOUN.exec(rest)?.[1];
    return bare === undefined ? [] : [`${bare}ه`];
  });
}

/**
 * A name's ending that its adjective (nisba, ي) takes the place of: يا or ا after four letters at least (أفريقيا,
 * فرنسا; not كتبا, a verb's dual), nor after a long vowel (قضايا, a plural). Not after three: the stem left is as often
 * a word of its own (تركيا is no ترك, left; سوريا no سور, a wall: a review), and a country's adjective is found
 * through the country list where it is one (capitals.ts, countryAdjective).
 */
const NAME_ENDING = /^(?:(.{3,}[^اوي])يا|(.{3,}[^اوي])ا)$/u;

/** A stem of a vowel and a consonant, where Porter's rules took a final e off a word that begins so. */
const SHORT_START = /^[aeiou][^aeiouy]$/;

/**
 * Porter stem of a lower-case English word (@orama/stemmers' "english" is Porter's 1980 algorithm, not Snowball's
 * Porter 2). Porter 2's one change that matters here is kept: a word that begins with a vowel and a consonant
 * keeps its e ("use", "used", "using" are use, not us, the country; "age", "aged" are age).
 */
export function stemEnglish(word: string): string {
  const stem = porterEnglish(word);
  return SHORT_START.test(stem) && (word.startsWith(`${stem}e`) || word === `${stem}ing`) ? `${stem}e` : stem;
}

/** English's regular inflections: an ending and what the base ends in instead ("studies": study; "taking": take). */
const INFLECTIONS: readonly (readonly [RegExp, string])[] = [
  // Not a word's own s ("press" is no "pres", a review of singulars: translate.ts).
  [/ies$/u, "y"], [/ied$/u, "y"], [/ing$/u, ""], [/ing$/u, "e"], [/ed$/u, ""], [/ed$/u, "e"], [/es$/u, ""], [/(?<!s)s$/u, ""],
  // A doubled last letter: "committed", "planning".
  [/(\p{L})\1(?:ed|ing)$/u, "$1"],
];
/** The shortest base an inflection is read off to. */
const MIN_BASE = 3;

/**
 * The words a lower-case English word may be a regular inflection of, likeliest first ("searching": search, searche;
 * "committed": committ, committe, commit); the caller keeps those a word list holds. None for a word no ending fits.
 */
export function inflectionBases(word: string): string[] {
  const bases = INFLECTIONS.flatMap(([ending, base]) => (ending.test(word) ? [word.replace(ending, base)] : []));
  return [...new Set(bases)].filter((base) => base.length >= MIN_BASE && base !== word);
}

/**
 * The keys a token is indexed and matched under; an Arabic token's light stem first, then its Snowball stem if
 * other, then for a word that begins with و its light stem with the و kept.
 */
export function tokenKeys(token: Token): string[] {
  switch (token.script) {
    case "ar": {
      const light = lightStemArabic(token.text);
      const snowball = snowballArabic(token.text);
      const keys = light === snowball ? [light] : [light, snowball];
      // A first و may be the word's own letter (وزارة, وزير), which Light10 strips as "and" where no article comes
      // before it and keeps after one (الوزارة): the stem with it kept is a key too, so the two forms meet (and
      // وزارة, ministry, is not زار, visited, alone).
      if (token.text.length > 3 && token.text.startsWith("و") && !token.text.startsWith("وال")) {
        const kept = lightStemArabic(`ال${token.text}`);
        if (!keys.includes(kept)) keys.push(kept);
      }
      // A word's ة is written ت before a pronoun (امبرياليتهم, their imperialism; حكومتها): the word with its ة
      // is a key too, where neither stemmer meets it (Snowball's امبريالي against الإمبريالية's امبريال).
      const bare = TAA_BEFORE_PRONOUN.exec(token.text.replace(CONJUNCTION_AND_ARTICLE, ""))?.[1];
      if (bare !== undefined) for (const k of [lightStemArabic(`${bare}ه`), snowballArabic(`${bare}ه`)]) if (!keys.includes(k)) keys.push(k);
      // A place's name and its adjective share a stem where the name ends in يا or ا: أفريقيا and الأفريقي (افريق),
      // إيطاليا and الإيطالي, فرنسا and الفرنسي (فرنس), as أمريكا and الأمريكية already met by Snowball's stem.
      const named = NAME_ENDING.exec(light)?.slice(1).find((stem) => stem !== undefined);
      if (named !== undefined && !keys.includes(named)) keys.push(named);
      return keys;
    }
    case "latin":
      return [stemEnglish(token.text)];
    case "digit":
      return [token.text];
  }
}
