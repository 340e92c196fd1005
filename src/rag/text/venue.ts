/**
 * Where something was said: the occasion a report names beside its speaker's words ("التي تزور الجزائر في ندوة
 * صحفية لها", at a press conference of hers; "خلال مشاركته … في الاجتماع الوزاري", "in an interview with …"), asked
 * for by "Where did she say this?", "In what setting did Sison make these remarks?", "في أي مناسبة أدلت
 * بتصريحاتها؟", "فين دارت هاد التصريحات؟". The words of such a question say what is asked, none of them the
 * occasion's ("setting", مناسبة), so the index keys the sentences naming an occasion and the question looks for that.
 */
import { isWordOfSaying } from "./attribution.js";
import { holdsWord, normalizedSet } from "./normalize.js";
import { tokenKeys } from "./stem.js";
import { tokenize, type Token } from "./tokenize.js";

/**
 * Occasions a report says something was said at: in Arabic by their stems (في مؤتمره الصحفي), a feminine one only
 * with its ة or its pronoun's ت after (مقابلة, مقابلته; not "في المقابل", on the other hand, nor كلمات, words); in
 * English as written, or plural ("at press conferences"; not "to meet"). Not قمة nor "session", as often "the top
 * of" and "in session".
 */
const OCCASIONS_AR = ["ندوة", "مؤتمر", "مقابلة", "حوار", "اجتماع", "جلسة", "منتدى", "لقاء", "كلمة", "خطاب"].map((word) => {
  const token = tokenize(word)[0] as Token;
  const feminine = token.text.endsWith("ه");
  const letters = feminine ? token.text.slice(0, -1) : token.text;
  return {
    keys: tokenKeys(token),
    // Its first three letters, which a word must hold to be stemmed at all (most do not: stemming every word of every
    // sentence slowed indexing by half).
    prefix: letters.slice(0, 3),
    // A feminine one's letters with its ة or a pronoun's ت after them.
    ending: feminine ? new RegExp(`${letters}[هت]`, "u") : undefined,
  };
});
const OCCASIONS_EN = normalizedSet("conference briefing interview meeting hearing summit forum speech panel roundtable");
function isOccasion(token: Token): boolean {
  if (token.script === "latin") return OCCASIONS_EN.has(token.text) || OCCASIONS_EN.has(token.text.replace(/e?s$/u, ""));
  const candidates = OCCASIONS_AR.filter((occasion) => token.text.includes(occasion.prefix));
  if (candidates.length === 0) return false;
  const keys = tokenKeys(token);
  return candidates.some((occasion) => occasion.keys.some((k) => keys.includes(k)) && (occasion.ending?.test(token.text) ?? true));
}

/**
 * What opens an occasion's phrase, at most OCCASION_REACH words before its noun: "في ندوة", "at a press conference",
 * "على هامش القمة" (on the summit's sidelines).
 */
const OCCASION_OPENERS = normalizedSet("في خلال أثناء هامش at in during on sidelines");
const OCCASION_REACH = 3;

/** Whether a sentence's tokens name an occasion something was said at (see OCCASIONS). */
export function namesOccasion(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => isOccasion(t) && tokens.slice(Math.max(0, i - OCCASION_REACH), i).some((o) => OCCASION_OPENERS.has(o.text)));
}

/** Where, in the question words of English, standard Arabic and the dialects (normal forms). */
const WHERE = normalizedSet("where wherever أين وين فين فاين");
/** Nouns a question asks for an occasion with: "in what setting", "on what occasion", "في أي مناسبة", "في أي إطار". */
const SETTING = normalizedSet("setting occasion venue event context مناسبة المناسبة مناسبه إطار الإطار سياق السياق");

/**
 * The word of a question asking where or on what occasion something was said ("Where did she say all this?",
 * "In what setting did Sison make these remarks?", "اين عقدت المسؤولة تصريحاتها حول الصحراء"), or undefined: a
 * where or a setting word, and a word of saying. "Where did she go?" asks for a place.
 */
export function askedOccasion(tokens: readonly Token[]): Token | undefined {
  if (!tokens.some((t) => isWordOfSaying(t.text))) return undefined;
  // With و or ف too, where a follow-up opens ("وفين كان ملي هضر على …؟", and where was he when he spoke of …).
  const where = (t: Token): boolean => holdsWord(WHERE, t.text);
  return tokens.find((t) => SETTING.has(t.text)) ?? tokens.find(where);
}

/** The verbs a question makes its remarks with ("make these remarks", "give that speech"): no word of what was said. */
const MAKING = normalizedSet("make made makes making give gave gives giving deliver delivered");

/** Whether `token`, in a question asking for an occasion, is a word of that asking ("setting", مناسبة, "make"). */
export const asksOfTheOccasion = (token: Token): boolean => SETTING.has(token.text) || MAKING.has(token.text);
