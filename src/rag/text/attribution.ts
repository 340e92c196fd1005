/**
 * Who said what a report quotes: the verbs of saying it attributes its sentences with ("قالت مساعدة وزير الخارجية
 * …، إن", "ذكرت سنسون أن", "Sison said"), the speaker named beside them, and the follow-up that asks for that
 * speaker ("Who said that?", "مين قال هالكلام؟", "ومن الذي صرّح بذلك؟").
 */
import { holdsWord, normalizedSet, withoutConjunction } from "./normalize.js";
import { isStopword, SPEAKING_PRESENTS, WHO_AR } from "./stopwords.js";
import { isWrittenCapitalised, tokenize, tokenizePlaced, type PlacedToken } from "./tokenize.js";
import { PRESENT_MARK } from "./verbs.js";

/**
 * A report's Arabic verbs of saying (و or ف before them is read off): the past (he, she) it attributes with (قال,
 * أضاف, أوضح, أكد, شدد, أشار, تابع, ذكر, صرّح, أعلن, أردف, اعتبر, لفت, نوّه, أفاد, أعرب …) and the present of تقول, يتحدث.
 */
const SAYING_AR = normalizedSet(`قال قالت أضاف أضافت أوضح أوضحت أكد أكدت شدد شددت أشار أشارت تابع تابعت ذكر ذكرت صرح صرحت
أعلن أعلنت أردف أردفت اعتبر اعتبرت لفت لفتت نوه نوهت أفاد أفادت أعرب أعربت أبرز أبرزت كشف كشفت تحدث تحدثت تتحدث يتحدث
يقول تقول أجاب أجابت دعا دعت`);

/** English verbs of saying, as a report attributes with them ("Sison said", "said the minister", "she added"). */
const SAYING_EN = new Set(
  "said says told stated added adds noted notes stressed stresses explained explains announced announces declared declares argued argues tweeted".split(" "),
);

/** What ends a speaker's name or title after the verb: "إن"/"أن" and what they open, a relative pronoun. */
const SPEAKER_END = normalizedSet("إن أن إنه أنه إنها أنها بأن بأنه بأنها التي الذي");
/**
 * Words after a verb of saying that tell its subject is its own, besides the function words: "وأضافت دون أن",
 * "وتابعت كما لو", "وأضاف قائلاً".
 */
const NO_SPEAKER = normalizedSet("دون كما قائلا قائلة مضيفا مضيفة موضحا موضحة مشيرا مشيرة مجددا أمس اليوم بدوره بدورها أيضا");

/** A speaker is named in at most this many words ("مساعدة وزير الخارجية الأمريكي"). */
const MAX_SPEAKER_WORDS = 6;

/** The speaker a sentence names beside its verb of saying. */
export interface Speaker {
  /** Its words (normal forms), in order. */
  readonly words: readonly string[];
  /**
   * Named by a name or a title of its own ("سنسون", "وزير الخارجية رمطان لعمامرة", "مساعدة بلينكن"), not by a
   * description that refers back to one ("المسؤولة الأمريكية", "المتحدثة", the spokeswoman).
   */
  readonly named: boolean;
}

/** Whether words are apart at a comma, a colon, a quotation mark or a line break in `text` between two placed tokens. */
const partedAt = (text: string, before: PlacedToken, after: PlacedToken): boolean => /[,،:؛\n"“”«»]/u.test(text.slice(before.end, after.start));

/** A normalised Arabic word without the و or ف a sentence joins to it. */

/**
 * The speaker `sentence` names beside a verb of saying, or undefined where it names none: where the subject is
 * the verb's own ("وأضافت دون أن …", "وتابعت تقول", "She added"), or there is no verb of saying. Arabic names the
 * speaker after the verb, up to "إن"/"أن", a comma or a relative pronoun; English before it ("Sison said") or after
 * it ("said the minister").
 */
export function speakerIn(sentence: string): Speaker | undefined {
  const tokens = tokenizePlaced(sentence);
  for (const [i, token] of tokens.entries()) {
    if (token.script === "ar" ? holdsWord(SAYING_AR, token.text) : SAYING_EN.has(token.text)) {
      const speaker = token.script === "ar" ? arabicSpeaker(sentence, tokens, i) : englishSpeaker(sentence, tokens, i);
      if (speaker) return speaker;
    }
  }
  return undefined;
}

function arabicSpeaker(sentence: string, tokens: readonly PlacedToken[], verb: number): Speaker | undefined {
  const words: string[] = [];
  for (let at = verb + 1; at < tokens.length && words.length < MAX_SPEAKER_WORDS; at += 1) {
    const token = tokens[at] as PlacedToken;
    const previous = tokens[at - 1] as PlacedToken;
    if (partedAt(sentence, previous, token) || SPEAKER_END.has(token.text) || token.script !== "ar") break;
    // The verb's own subject: a particle or another verb after it ("وأضافت دون أن", "وتابعت تقول").
    if (words.length === 0 && (isStopword(token.text) || NO_SPEAKER.has(token.text) || SAYING_AR.has(token.text))) return undefined;
    words.push(token.text);
  }
  const [first] = words;
  return first === undefined ? undefined : { words, named: !first.startsWith("ال") };
}

/** A word of a capitalised run: a name or a title ("Michele Sison", "Foreign Minister Lamamra"), not "She" or "The". */
const capitalised = (token: PlacedToken | undefined): boolean => token !== undefined && token.script === "latin" && isWrittenCapitalised(token) && !isStopword(token.text);

/**
 * English names the speaker before the verb ("Foreign Minister Lamamra said"), or after it where a quote ends before
 * the verb ("…,” said Sison"); "the spokeswoman said", "…,” said the minister" describe one. A pronoun before the
 * verb ("She said Algeria …") names none, and neither does what follows a verb that is not inverted ("The ministry
 * said Tuesday", "told Reuters").
 */
function englishSpeaker(sentence: string, tokens: readonly PlacedToken[], verb: number): Speaker | undefined {
  const at = (i: number): PlacedToken | undefined => tokens[i];
  const apart = (i: number, j: number): boolean => {
    const a = at(i);
    const b = at(j);
    return a === undefined || b === undefined || partedAt(sentence, a, b);
  };
  const run = (from: number, step: 1 | -1): string[] => {
    const words: string[] = [];
    // Not across a comma: "In Geneva, Sison said".
    const joined = (i: number): boolean => i === from || !(step === 1 ? apart(i - 1, i) : apart(i, i + 1));
    for (let i = from; capitalised(at(i)) && words.length < MAX_SPEAKER_WORDS && joined(i); i += step) words.push((at(i) as PlacedToken).text);
    return step === 1 ? words : words.reverse();
  };
  // "the spokeswoman said", "said the minister": a description, the noun after "the".
  const described = (the: number): Speaker | undefined => (at(the)?.text === "the" && at(the + 1)?.script === "latin" && !isStopword(at(the + 1)?.text ?? "") ? { words: [(at(the + 1) as PlacedToken).text], named: false } : undefined);
  const inverted = verb === 0 || apart(verb - 1, verb);
  if (!inverted) {
    const before = run(verb - 1, -1);
    if (before.length > 0) return { words: before, named: true };
    return described(verb - 2);
  }
  const after = run(verb + 1, 1);
  return after.length > 0 ? { words: after, named: true } : described(verb + 1);
}

/** Who in a question: English, standard Arabic and the dialects'. */
const WHO: ReadonlySet<string> = new Set([...normalizedSet("who whose"), ...WHO_AR]);
/** The verbs and nouns of saying a question asks who of: "Who said that?", "whose words", "ومن صرّح بذلك؟", "كلام مين؟". */
const SAID = normalizedSet(`said say says stated told statement statements words remarks quote comment comments
قال قالت قاله قالها قالو قالوا صرح صرحت ذكر ذكرت حكى حكت حكا تكلم تكلمت الكلام كلام هالكلام التصريح تصريح التصريحات تصريحات`);
/** Nouns of saying with their owner's pronoun, and the verbs a question says they were made with ("أدلت بتصريحاتها"). */
const SAID_MORE = normalizedSet(`remark spoke speak talked talk تصريحاته تصريحاتها بتصريحاته بتصريحاتها تصريحه تصريحها
كلامه كلامها أدلى أدلت ادلى ادلت هضرت هضر هدرت حكيت`);

/**
 * The presents of speaking, which a question asks where or of what someone was saying something with ("Where was he
 * speaking?", "وفين كان كيهضر؟", "شو عم يحكي؟"): in English, and in Arabic after the dialects' mark of the present too.
 */
const SPEAKING_EN = normalizedSet("speaking talking saying");
const speaks = (word: string): boolean => SPEAKING_EN.has(word) || SPEAKING_PRESENTS.has(word.replace(PRESENT_MARK, ""));

/** Whether a normalised word of a question is one of saying ("said", "remarks", "تصريحاتها", وقالت, كيهضر). */
export function isWordOfSaying(word: string): boolean {
  const bare = withoutConjunction(word);
  return SAID.has(bare) || SAID_MORE.has(bare) || speaks(bare);
}

/** What else "who said that?" may ask: the speaker's role ("Who said that, and in what role?", "وبأي صفة؟"). */
const ROLE = normalizedSet("role position title capacity job post دور منصب منصبه منصبها صفة صفته صفتها بصفته بصفتها وظيفة");

/**
 * Whether `question` asks who said something: a word for who opening it or closing it ("كلام مين؟"; not من, from,
 * inside "ماذا قالت من تصريحات؟") and a verb or noun of saying.
 */
export function asksWhoSaid(question: string): boolean {
  const words = tokenize(question).map((t) => withoutConjunction(t.text));
  const who = [words[0], words[1], words.at(-1)].some((w) => w !== undefined && WHO.has(w));
  return who && words.some((w) => SAID.has(w)) && !words.some((w) => ELSE.has(w));
}

/**
 * Whether `question` asks who someone is: a word for who opening it, opening it after a frame, or closing it ("Who
 * is the US official who visited?", "شكون هي المسؤولة اللي جات؟", "Quick one: who's …?", "المسؤولة الأمريكية مين؟"),
 * not who said something (see asksWhoSaid).
 */
export function asksWho(question: string): boolean {
  const placed = tokenizePlaced(question);
  const words = placed.map((t) => withoutConjunction(t.text));
  // Its first words, or the first after a frame ("Quick one, on deadline: who's the State Department official …?"),
  // or after a greeting or an opener and its comma ("Hi po, who is the American official …?", blind set 63), past a
  // joining word ("… : and who …"); not a time's colon ("At 6:35 who …"), nor a relative who after a noun ("On Mali:
  // peacekeepers who protect …", both found by a review).
  const framed = placed.flatMap((t, i) => {
    const before = placed[i - 1];
    if (i === 0 || before === undefined || !endsFrame(question.slice(before.end, t.start), i, words[0] ?? "")) return [];
    if (before.script === "digit" && t.script === "digit") return [];
    return isStopword(t.text) ? [i, i + 1] : [i];
  });
  const at = [0, 1, ...framed, words.length - 1].find((i) => WHO.has(words[i] ?? ""));
  // Not من as "from" before where or which ("من وين جات المسؤولة؟", "من أي بلد؟", found by a review).
  if (at === undefined || (words[at] === "من" && FROM_WHAT.has(placed[at + 1]?.text ?? ""))) return false;
  // "Who did the diplomat meet?": whom someone else met, the auxiliary after who opening another subject; "مع مين
  // ناقشت؟" (with whom did she discuss?) asks for another person too.
  return !OBJECT_ASKED.has(words[at + 1] ?? "") && !BEFORE_WHOM.has(words[at - 1] ?? "") && !words.some((w) => SAID.has(w));
}

/** Where and which, after which من is "from" ("من وين", "من أي"): not who. */
const FROM_WHAT = normalizedSet("وين فين اين أين منين اي أي ايش شو انهي");

/** What ends a frame before a question: a colon, a sentence's end, a dash ("Quick one: who …?"). */
const FRAME_END = /[:.!?؟]|\s[-–—]\s/u;
/** An opener's words before a comma that ends it ("Hi po, who …?", "Quick question, who …?"): at most this many. */
const MAX_OPENER_WORDS = 3;
/**
 * What a question may open with before a comma, in either language (normalised): a greeting ("Hi po,", "Good
 * morning,", "صباح الخير،"), an apology or a filler ("Sorry to bother,", "Ok so,", "Quick question,").
 */
const OPENERS = normalizedSet(`hi hello hey hiya howdy greetings salam salaam good morning quick sorry excuse ok okay so well
مرحبا مرحبتين اهلا أهلا أهلين هلا هاي سلام السلام صباح مساء طيب`);

/**
 * Whether `gap`, the text before the question's word at `i`, ends a frame: FRAME_END, or a comma after an opener
 * and a word or two ("Hi po, who …?"); not after a noun a relative clause follows ("The US official, who met
 * Lamamra, discussed what?", a review).
 */
const endsFrame = (gap: string, i: number, first: string): boolean => FRAME_END.test(gap) || (i <= MAX_OPENER_WORDS && OPENERS.has(first) && /[,،]/u.test(gap));

/**
 * Whether `question`'s who asks of `noun` itself: nothing but function words and `described` (question words as
 * written) stands between them ("Who exactly is the American diplomat …?", "شكون هي المسؤولة الأمريكية …؟"; not
 * "من هم الشركاء … حسب المسؤولة؟", who are the partners, according to the official), and the question does not ask
 * whom the noun is with ("Who is the American diplomat working with …?", "… meeting with?").
 */
export function asksWhoOf(question: string, noun: string, described: readonly string[]): boolean {
  const words = tokenize(question);
  const own = new Set(described.flatMap((w) => tokenize(w).map((t) => t.text)));
  const [head] = tokenize(noun);
  const at = words.findIndex((t) => WHO.has(withoutConjunction(t.text)));
  // "Who is the American diplomat working with …?" asks whom she works with (a review).
  if (at < 0 || head === undefined || BEFORE_WHOM.has(words.at(-1)?.text ?? "")) return false;
  for (let i = at + 1; i < words.length; i += 1) {
    const { text } = words[i] as { text: string };
    // Not with a participle and its preposition after the noun ("the American diplomat working with in New York").
    if (text === head.text) return !(/(?:ing|ed)$/u.test(words[i + 1]?.text ?? "") && BEFORE_WHOM.has(words[i + 2]?.text ?? ""));
    // Words between the determiner and the noun are its modifiers ("Who's the State Department official …?"), where
    // no function word stands between them and it ("Who are the partners of the government, according to the
    // official?" asks of the partners).
    const noun = words.findIndex((t, j) => j > i && t.text === head.text);
    if (DETERMINERS.has(words[i - 1]?.text ?? "") && noun > i && words.slice(i, noun).every((t) => !isStopword(t.text))) {
      i = noun - 1;
      continue;
    }
    if (!isStopword(text) && !own.has(text)) return false;
  }
  return false;
}

/** English determiners a noun's modifiers follow (see asksWhoOf). */
const DETERMINERS = normalizedSet("the this that");

/**
 * A clause's subject after the noun it leaves as the object: "the official she saw", "the envoy that they met".
 * Third persons only: "the official you mentioned" is the one asked of (a review).
 */
const SUBJECT_PRONOUNS = normalizedSet("she he they");
const OBJECT_RELATIVES = normalizedSet("that whom");

/**
 * Whether `question` makes `noun` the object of a clause with a subject of its own ("And what was the title of the
 * official she saw there?", "… the envoy that they met"): the person asked of is whom "she" saw, not she (a
 * description matched by the noun is then someone else: conversations 51).
 */
export function isObjectOfClause(question: string, noun: string): boolean {
  const words = tokenize(question).map((t) => t.text);
  const [head] = tokenize(noun);
  const subject = (i: number): boolean => SUBJECT_PRONOUNS.has(words[i] ?? "");
  return head !== undefined && words.some((w, i) => w === head.text && (subject(i + 1) || (OBJECT_RELATIVES.has(words[i + 1] ?? "") && subject(i + 2))));
}

/** Words naming whom a question cites: "according to", "per", حسب, بحسب, وفق. */
const SOURCE_WORDS = normalizedSet("according per حسب بحسب وحسب وبحسب حسبما وفق وفقا");

/**
 * Whether `question` names `noun` (a question word as written) as whom it cites, not whom it asks of: after
 * "according to", "per", حسب or بحسب, with only function words between ("… بحسب المسؤولة؟", "according to the
 * official").
 */
export function citesAsSource(question: string, noun: string): boolean {
  const words = tokenize(question);
  const [head] = tokenize(noun);
  const at = words.findIndex((t) => t.text === head?.text);
  for (let i = at - 1; i >= 0; i -= 1) {
    const text = (words[i] as { text: string }).text;
    if (SOURCE_WORDS.has(text)) return true;
    if (!isStopword(text)) return false;
  }
  return false;
}

/** Prepositions that make who another person: "مع مين", "to whom", "عن مين" (not "by who?", the agent). */
const BEFORE_WHOM = normalizedSet("مع عن ل الى إلى على with to for about");

/** The auxiliaries after which "who" asks for an object: "Who did she meet?", "Who will they back?". */
const OBJECT_ASKED = new Set("do does did will would can could should shall may might".split(" "));

/** "Who else said that?", "مين كمان قال هيك؟": someone other than the speaker. */
const ELSE = normalizedSet("else other another كمان غيره غيرها غيرهم ثاني");

/**
 * Whether a word of a question asking who said something is part of that asking: a word of saying ("صرّح", a word
 * of its own elsewhere) or the speaker's role beside it (see ROLE).
 */
export const asksOfTheSpeaker = (word: string): boolean => [word, withoutConjunction(word)].some((w) => SAID.has(w) || ROLE.has(w));
