/**
 * Where something was said: the occasion a report names beside its speaker's words ("التي تزور الجزائر في ندوة
 * صحفية لها", at a press conference of hers; "خلال مشاركته … في الاجتماع الوزاري", "in an interview with …"), asked
 * for by "Where did she say this?", "In what setting did Sison make these remarks?", "في أي مناسبة أدلت
 * بتصريحاتها؟", "فين دارت هاد التصريحات؟". The words of such a question say what is asked, none of them the
 * occasion's ("setting", مناسبة), so the index keys the sentences naming an occasion and the question looks for that.
 */
import { isWordOfSaying, withoutConjunction } from "./attribution.js";
import { normalizedSet } from "./normalize.js";
import { tokenKeys } from "./stem.js";
import { tokenize, type Token } from "./tokenize.js";

/**
 * Occasions a report says something was said at, in both languages, by their index keys (stems: في مؤتمره الصحفي,
 * "at press conferences"). Not قمة nor "session", as often "the top of" and "in session".
 */
const OCCASIONS: ReadonlySet<string> = new Set(
  tokenize(`ندوة مؤتمر مقابلة حوار اجتماع جلسة منتدى لقاء كلمة خطاب conference briefing interview meeting hearing summit forum speech panel roundtable`).flatMap(tokenKeys),
);
const isOccasion = (token: Token): boolean => tokenKeys(token).some((k) => OCCASIONS.has(k));
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
  const where = (t: Token): boolean => WHERE.has(t.text) || WHERE.has(withoutConjunction(t.text));
  return tokens.find((t) => SETTING.has(t.text)) ?? tokens.find(where);
}

/** The verbs a question makes its remarks with ("make these remarks", "give that speech"): no word of what was said. */
const MAKING = normalizedSet("make made makes making give gave gives giving deliver delivered");

/** Whether `token`, in a question asking for an occasion, is a word of that asking ("setting", مناسبة, "make"). */
export const asksOfTheOccasion = (token: Token): boolean => SETTING.has(token.text) || MAKING.has(token.text);
