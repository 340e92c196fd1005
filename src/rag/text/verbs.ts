/**
 * The shapes of an Arabic verb that a question may write where the text has another: the same verb in another
 * person, form or tense, or its verbal noun (زار, تزور, زيارة; اعترض, اعتراض; التقته, التقى). Made from the letters
 * alone: the caller keeps the shapes the corpus holds.
 */
import { tokenKeys } from "./stem.js";
import type { Token } from "./tokenize.js";

/** A hollow verb's past as written: C ا C, with the past ending ت or وا or none, after و or ف (زار, وزارت). */
export const HOLLOW_PAST_WORD = /^[وف]?\p{Script=Arabic}ا\p{Script=Arabic}(?:ت|وا)?$/u;
/**
 * The dialects' mark of the present tense before ي, ت or ن and at least three more letters: the Levantine and
 * Egyptian ب ("بيدعمها"). (Not the Maghrebi ك or كا, "كتخدم": far more nouns start so, كنائس, كيانات, كاتبون,
 * and read so they found names and other words: a review, session 27.)
 */
export const DIALECT_PRESENT = /^ب[يتن].{3,}$/u;

/**
 * The dialects' mark of the present tense before ي, ت or ن and three more letters: the Levantine and Egyptian
 * ب, the Maghrebi ك and كا ("كتخدم", she works; "كيهضر", he is speaking). Read off only where the rest is a word a
 * list holds (the dialect table, the presents of speaking): nouns begin so too (كنائس), and a shorter rest is often a
 * word's own letters (كتبي, my books, is not ك + تبي, want).
 */
export const PRESENT_MARK = /^(?:ب|كا|ك)(?=[يتن].{3})/u;

/**
 * The Egyptian and Levantine future: ه or ح before the present ("هتبدأ", will start; "حيروح"), three letters or
 * more after ي, ت or ن, and no plural noun's ات at the end (هتافات, chants, is no future of تافات): the standard
 * future's س (see FUTURE_OF).
 */
export const DIALECT_FUTURE = /^[هح][يتن](?!.*ات$).{3,}$/u;

/**
 * The Maghrebi present with a second ت before it ("كانت تتنتقد", was being criticised; "وتتعاون"): the standard
 * present without the first (تنتقد), four letters or more after it, و or ف before it read off, and no plural noun's
 * ات at the end (تتبعات, proceedings).
 */
export const MAGHREBI_PRESENT = /^[وف]?ت(ت(?!.*ات$).{4,})$/u;

/**
 * The shape of a present tense, ي, ت or ن and three letters or more, whose future the standard writes with س
 * (تبدأ, ستبدأ). Nouns have it too (تقرير): the caller keeps only a future the corpus holds, by its light stem.
 */
export const FUTURE_OF = /^[يتن].{3,}$/u;

/**
 * The Egyptian and Levantine passive: ات before the past ("اتنشرت", was published; "اتسجن", was jailed; "اتثار",
 * was raised), three letters or more after it, و or ف before it ("واتسجن").
 */
export const DIALECT_PASSIVE = /^[وف]?ات(.{3,})$/u;

/**
 * The endings a present-tense verb may carry: object pronouns, plural and dual, each with an object too (يدعمونه,
 * يتحملانه), the dialects' plural with an object (يصلحوه).
 */
const PRESENT_ENDINGS = ["", "ها", "هم", "هما", "هن", "ه", "ون", "ين", "ان", "وا", "نا", "ونه", "ونها", "ونهم", "انه", "انها", "انهم", "وه", "وها", "وهم"] as const;
/** At most one of those endings, at the end of a pattern. */
const PRESENT_ENDING = `(?:${PRESENT_ENDINGS.filter(Boolean).join("|")})?$`;
/** ي, ت or ن, three letters, then at most an object pronoun or a plural ending: a present-tense verb's root. */
export const PRESENT_ROOT = new RegExp(`^[يتن](.{3})${PRESENT_ENDING}`, "u");
/** A form VIII verb in the present tense (يجتمع, تنتقد: C ت C C after the prefix), with a pronoun or plural ending. */
export const FORM_VIII_PRESENT = new RegExp(`^[يتن](\\p{Script=Arabic})ت(\\p{Script=Arabic})(\\p{Script=Arabic})${PRESENT_ENDING}`, "u");

/**
 * A present-tense verb's own mark: an object pronoun or a plural ending, which no noun of that shape carries (تامر
 * and يامن are names, تجار "merchants", تجارة "trade": ة reads as ه).
 */
export const VERB_ENDING = /(?:ها|هم|هما|هن|ون|وا|نا|وه)$/u;
/**
 * The readings of a verb of form V or VI in the present tense (يتصرف, تتحكم, يتفاعل, تتعاون: ت and three or four
 * letters after the prefix), or of an assimilated form VIII (يتفق: ت and two letters; its past اتفق): what
 * follows the prefix and its ت, without each ending it may carry.
 */
export function formVRests(verb: string): string[] {
  if (!/^[يتن]ت/u.test(verb)) return [];
  return PRESENT_ENDINGS.flatMap((ending) => {
    if (!verb.endsWith(ending)) return [];
    const rest = verb.slice(2, verb.length - ending.length);
    return rest.length >= 2 && rest.length <= 4 ? [rest] : [];
  });
}

/** A word's clitics before a verb of forms VII, VIII or X, or their verbal noun: و or ف, then ب, ل or ك with the article. */
const AUGMENTED_CLITICS = /^[وف]?(?:[بك]?ال|لل)?(?=ا)/u;
/**
 * The past of form VII (انسحب), VIII (اعترض) or X (استخدم), with a past ending (ت, وا) or none. Form VIII not with
 * ل or س first: "الت…" is also the article before ت (التمر, dates, is no verb of التمار), and "است…" of five
 * letters is also form X of a doubled root (استقل, became independent, is not a form VIII of استقال).
 */
const AUGMENTED_PAST = /^(ان\p{Script=Arabic}{2}|ا(?![لس])\p{Script=Arabic}ت\p{Script=Arabic}|است\p{Script=Arabic}{2})(\p{Script=Arabic})(?:ت|وا)?$/u;
/**
 * The verbal noun of those forms (انسحاب, اعتراض, استخدام), singular or plural. Not one ending in ة: that is a
 * hollow root's (استقالة, resignation), whose letters also read as another verb's noun (استقل, became independent).
 */
const AUGMENTED_NOUN = /^(ان\p{Script=Arabic}{2}|ا(?![لس])\p{Script=Arabic}ت\p{Script=Arabic}|است\p{Script=Arabic}{2})ا(\p{Script=Arabic})(?:ات)?$/u;
/**
 * The present of form VII (ينسحب) or X (يستخدم), with a pronoun or plural ending (form VIII: FORM_VIII_PRESENT).
 * Not with ي before the last root letter: تنسيق (coordination) is form II's noun, not a present of انساق.
 */
const AUGMENTED_PRESENT = new RegExp(
  `^[يتن](ن\\p{Script=Arabic}(?!ي)\\p{Script=Arabic}|ست\\p{Script=Arabic}(?!ي)\\p{Script=Arabic})(\\p{Script=Arabic})${PRESENT_ENDING}`,
  "u",
);

/**
 * The other shapes of a verb of form VII, VIII or X, or of its verbal noun: the past and the noun differ by an ا
 * before the last root letter (اعترض, اعتراض; انسحب, انسحاب; استخدم, استخدام), and the present puts ي, ت or ن for
 * the past's ا (ينسحب, يستخدم). A question may write one where the text has another ("كم كرة اعترض؟", where the
 * text counts الاعتراضات). Made from the letters alone, so the caller keeps only those the corpus holds.
 */
export function augmentedForms(word: string): string[] {
  const bare = word.replace(AUGMENTED_CLITICS, "");
  const past = AUGMENTED_PAST.exec(bare);
  if (past) return [`${past[1]}ا${past[2]}`];
  const noun = AUGMENTED_NOUN.exec(bare);
  if (noun) return [`${noun[1]}${noun[2]}`];
  const present = AUGMENTED_PRESENT.exec(word);
  if (present) return [`ا${present[1]}${present[2]}`, `ا${present[1]}ا${present[2]}`];
  return [];
}

/**
 * The present of form III (يشارك, تناقش, يتابع, يوافق): the prefix, a root letter, ا, the two others, an ending or
 * none. With ت or ن its letters are also form VI's past and noun (تقاعد, retired) and nouns (تجارة, نهاية): the
 * caller reads them so only for a word marked as a verb.
 */
const FORM_III_PRESENT = new RegExp(`^[يتن]([^اي])ا(\\p{Script=Arabic})(\\p{Script=Arabic})${PRESENT_ENDING}`, "u");

/**
 * The past and the verbal noun of a form III verb in the present tense (يشارك: شارك, مشاركة; تناقش: ناقش, مناقشة),
 * where a question writes the verb and the text its noun ("ووين كان يشارك؟", the text's "خلال مشاركته"). Made from
 * the letters alone; the caller keeps the shapes the corpus holds.
 */
export function formIIIForms(verb: string): string[] {
  const [, r1, r2, r3] = FORM_III_PRESENT.exec(verb) ?? [];
  return r1 && r2 && r3 ? [`${r1}ا${r2}${r3}`, `م${r1}ا${r2}${r3}ه`] : [];
}

/**
 * The verbal noun of form II (تفعيل) of a present of three root letters (يحقق: تحقيق; يسهل: تسهيل; يعزز: تعزيز),
 * where a question writes the verb and the text its noun ("ماذا يريد أن يحقق؟", the text's "تحقيق نظام دولي").
 * Made from the letters alone; the caller keeps the shapes the corpus holds.
 */
export function formIINoun(verb: string): string[] {
  const [r1, r2, r3] = [...(PRESENT_ROOT.exec(verb)?.[1] ?? "")];
  // Not a hollow verb's, whose form II is another sense (يزور, visits: تزوير, forgery; يقوم: تقويم; a review).
  return r1 && r2 && r3 && !"ويا".includes(r2) ? [`ت${r1}${r2}ي${r3}`] : [];
}

/** The present tense's prefixes for he or she, you, and we. */
const PERSONS = "يتن";

/**
 * A present-tense verb in the other persons: its ي, ت or ن prefix changed, with its ending or without it (تمثلها:
 * يمثل, نمثل, تمثل ...). Made from the letters alone; the caller keeps the shapes the corpus holds.
 */
export function otherPersons(verb: string): string[] {
  const prefix = verb[0] ?? "";
  if (!PERSONS.includes(prefix) || prefix === "") return [];
  const forms = new Set<string>();
  for (const ending of PRESENT_ENDINGS) {
    if (!verb.endsWith(ending)) continue;
    const stem = verb.slice(1, verb.length - ending.length);
    if (stem.length < 3) continue;
    for (const other of PERSONS) if (other + stem !== verb) forms.add(other + stem);
  }
  return [...forms];
}

/**
 * The present tense, in the persons a text writes it (ي, ت, ن), and its future with س (ستبدأ), of a past given as a
 * key: of three letters (قدر: يقدر, تقدر, نقدر) or of a derived form that opens with ا (استمر: يستمر; اعتقد: نعتقد).
 * Not a weak first letter's (اكد, of أكد, is يؤكد): made from the letters alone, the caller keeps the shapes the
 * corpus holds.
 */
export function presentForms(past: string): string[] {
  const stem = past.length === 3 && !past.startsWith("ا") ? past : past.length >= 5 && past.startsWith("ا") ? past.slice(1) : undefined;
  if (stem === undefined || !/^\p{Script=Arabic}+$/u.test(stem)) return [];
  const presents = [...PERSONS].map((prefix) => prefix + stem);
  return [...presents, ...presents.map((present) => `س${present}`)];
}

const HOLLOW_PAST = /^(\p{Script=Arabic})ا(\p{Script=Arabic})$/u;
const HOLLOW_PRESENT = /^[يتن](\p{Script=Arabic})[وي](\p{Script=Arabic})$/u;
/** A hollow verb's verbal noun's stem (زيار, of زيارة). */
export const HOLLOW_NOUN = /^(\p{Script=Arabic})يا(\p{Script=Arabic})$/u;

/**
 * The other forms of a hollow verb (a weak middle root letter) that a key of one of them may stand for: its past
 * (زار), present (يزور, تزور, يبيع) and verbal noun's stem (زيار, of زيارة). The stemmers leave them apart, since
 * the middle letter changes between them; the caller keeps those the corpus holds.
 */
export function hollowForms(key: string): string[] {
  const [, first, last] = HOLLOW_PAST.exec(key) ?? HOLLOW_PRESENT.exec(key) ?? HOLLOW_NOUN.exec(key) ?? [];
  if (first === undefined || last === undefined) return [];
  const forms = [`${first}ا${last}`, `${first}يا${last}`];
  for (const prefix of ["ي", "ت", "ن"]) forms.push(`${prefix}${first}و${last}`, `${prefix}${first}ي${last}`);
  return forms.filter((form) => form !== key);
}

/**
 * A defective verb's past (a weak last root letter) for "she" or "they": two root letters, the middle no long vowel
 * (بيت, موت are nouns), then ت or وا, or either with an object pronoun (سمّتها, she called it; سمّوها). No و or ف read
 * off before it: وصلت and فرضت are whole verbs of three letters.
 */
const DEFECTIVE_PAST = /^(\p{Script=Arabic}[^اوي])(?:ت(ها|هم|ه)?|وا|و(ها|هم|ه))$/u;
/** The shadda of form II on the second letter, as written (سمّت). */
const FORM_II_SHADDA = /^\p{Script=Arabic}\p{Script=Arabic}[\u064B-\u0652]*\u0651/u;

/**
 * The other forms of a defective verb's past (see DEFECTIVE_PAST) that the text may write instead: its past for
 * "he" (سمى), present (يسمي, تسمي, أسمي: the text's "ما يمكن أن أسميه", what I would call) and form II's verbal noun
 * (تسمية). Only a past marked as a verb, by an object pronoun or form II's shadda (`written`, the word as typed):
 * unmarked, see unmarkedDefectiveForms. A word ending in ة (بقوة, ذروة) is none. The stemmers leave the forms apart,
 * since the last letter comes and goes; the caller keeps those the corpus holds.
 */
export function defectiveForms(word: string, written: string): string[] {
  const [, root, object = undefined, plural = undefined] = DEFECTIVE_PAST.exec(word) ?? [];
  if (root === undefined || /ة[\u064B-\u0652]*$/u.test(written)) return [];
  if ((object ?? plural) === undefined && !FORM_II_SHADDA.test(written)) return [];
  return [`${root}ي`, `${root}ا`, ...["ي", "ت", "ا", "ن"].map((prefix) => `${prefix}${root}ي`), `ت${root}ية`];
}

/** A past for "she" or "they" of two letters no pronoun marks (دعت, she called; نفوا, they denied), after و too. */
const UNMARKED_DEFECTIVE_PAST = /^(و)?(\p{Script=Arabic})([^اوي])(?:ت|وا)$/u;

/**
 * The forms an unmarked past of two letters (UNMARKED_DEFECTIVE_PAST) has if it is a defective verb's: its past for
 * "he", present and participle (دعت: دعا, يدعو, the text's داعية; blind conversations 63, 83 and 95). As often it is
 * a doubled verb (حلت, مرت), a hollow one's first person (كنت, صرت), a noun (بنت, وقت) or the Gulf's حقت (of), whose
 * forms these are not (حال, كان, حقا: a review): the caller ranks by them only, where the word is found nowhere. After
 * و no participle, so many roots begin with و (وعدت, she promised, is no عاد); not after ف (فقدت is no قاد: a
 * review), nor for a past defectiveForms reads (سمّت).
 */
export function unmarkedDefectiveForms(word: string, written: string): string[] {
  const [, conjunction, first, second] = UNMARKED_DEFECTIVE_PAST.exec(word) ?? [];
  // A word ending in ة never has the shape: normalised, it ends in ه.
  if (first === undefined || second === undefined || defectiveForms(word, written).length > 0) return [];
  const forms = [`${first}${second}ي`, `${first}${second}ا`, `ي${first}${second}و`, `ي${first}${second}ي`];
  return conjunction === undefined ? [...forms, `${first}ا${second}`] : forms;
}

const OBJECT_PRONOUN = /(?:هما|هم|هن|ها|ه|كم|ك|ني|نا)$/u;
const PAST_ENDING = /(?:تما|تم|تن|وا|نا|ت|ا)$/u;

/**
 * A verb of form VIII whose root begins with ل (التقى, he met; التزم, he committed) starts as the article does,
 * so both stemmers cut its ال off: التقته ("she met him") comes out تقت, found nowhere, while the corpus's التقى
 * is kept as التق. These are the keys of `token` read as such a verb: without an object pronoun and a past
 * ending, الت and the root's other two letters remain. With a weak last letter (التق, of التقى) only the key that
 * keeps the ال is the verb's (تقي would be the article and a noun: التفاهم is not تفي); with two letters (التزم)
 * its stems are. A longer rest (التطورات, التصويت) is a noun. The caller keeps the keys the corpus holds.
 */
export function lamVerbKeys(token: Token): string[] {
  const verb = token.text.replace(/^[وف](?=الت)/u, "");
  if (!verb.startsWith("الت")) return [];
  const keys = new Set<string>();
  for (const form of new Set([verb, verb.replace(OBJECT_PRONOUN, "")])) {
    const cut = form.replace(PAST_ENDING, "");
    if (cut === form) continue;
    // The weak letter may stay before an ending (التقيت, التقينا): the same verb as التقت.
    const stem = cut.replace(/^(الت.)ي$/u, "$1");
    if (stem.length === 4) for (const k of tokenKeys({ ...token, text: `${stem}ي` })) if (k.startsWith("ال")) keys.add(k);
    if (stem.length === 5) for (const k of tokenKeys({ ...token, text: stem })) if (k.length >= 3) keys.add(k);
  }
  return [...keys];
}

/**
 * The verbal noun of a form VIII past whose root begins with ل, marked as a verb by its ending (التزمت, she
 * committed; التزموا: the text's التزام), which AUGMENTED_PAST leaves out. Without the ending the letters are as
 * often the article before a noun (التمر, dates; التهم, charges, which read so found a text's التهام, devouring: a
 * review). The caller reads a word so only where its own keys are found nowhere, and keeps the noun only where the
 * corpus holds it.
 */
export function lamVerbNoun(word: string): string[] {
  const past = /^[وف]?(الت\p{Script=Arabic})(\p{Script=Arabic})(?:ت|وا)$/u.exec(word);
  return past ? [`${past[1]}ا${past[2]}`] : [];
}
