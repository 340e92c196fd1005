/**
 * Questions asked in a conversation: whether a question follows up on the turns before it, and its retrieval
 * when it does (the earlier questions' words lent, the passages their answers quoted favoured, and the
 * answerable-or-not decision taken together with the questions answered).
 */
import { asksOfThePage, asksWhenPublished, countsReplies, isPostWord, matchedWords, type QueryTerm } from "./analyze.js";
import { declineFeature } from "./model.js";
import type { IndexedSentence, Retrieval, Retriever } from "./retrieve.js";
import { asksOfTheSpeaker, asksWho, asksWhoOf, asksWhoSaid, citesAsSource, isObjectOfClause, isWordOfSaying, speakerIn, type Speaker } from "./text/attribution.js";
import { ARABIC_DEMONSTRATIVES, withoutDemonstrative } from "./text/dialect.js";
import { detectLanguage } from "./text/language.js";
import { holdsWord, normalizedSet, writtenForm } from "./text/normalize.js";
import { isReplyCounter, namesAPost, namesTheReport, opensWithDateline, pagePartOf } from "./text/page-parts.js";
import { isPersonAsked, type QuestionType, questionType, sentenceHolds, whichPersonAsked } from "./text/question-type.js";
import { asksRole, holdsQuestionWord, isJoinedFunctionWord, isJoinedQuestionWord, isQuestionWord, isStopword, WHAT_AR, withoutOpenerText } from "./text/stopwords.js";
import { tokenize, tokenizePlaced, type Token } from "./text/tokenize.js";
import type { ConversationContext, ConversationTurn, Language } from "./types.js";

/** Earlier turns weighed at most; older ones have drifted from what is asked now. */
const MAX_CONTEXT_TURNS = 3;
/** A question with at most this many content words and no question word of its own leans on what was said before ("and Mali?"). */
const FOLLOW_UP_MAX_TERMS = 2;
/** An English question's own opening: a question word, or the auxiliary or verb of a yes/no or imperative one. */
const QUESTION_EN =
  /^\s*(who|whom|whose|whos|what|whats|when|where|which|why|how|is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|describe|explain|list|name)\b/i;
/** The chance a follow-up judged together with the question before it must reach (see retrieveInConversation). */
const PAIR_MIN_CONFIDENCE = 0.5;
/**
 * Unless the briefings hold at least this share of its own words (IDF-weighted, the decline model's coverage, though
 * under half): then the pair need only clear the model's threshold. Over the 92 conversation sets of session 62
 * (1,895 conversations), last turns right: 1,644 without this rule, 1,654 at 0.2 to 0.4, 1,651-1,652 at 0.45-0.55,
 * 1,645 at 0.6; in 5-fold cross-validation over the sets (20 shuffles, the share chosen on four folds from 0.2 to
 * 0.7), 1,649.5 against 1,644. At 0.4 the follow-ups opening another topic stay declined ("وشو رأيها بكأس العالم؟",
 * the World Cup: 0.39); near-topic details the briefings leave out are answered more often (how long a journalist
 * was jailed).
 */
const PAIR_HELD_COVERAGE = 0.4;
/** A pronoun ties a question to the last turn only in a short question ("what did it mediate?"). */
const PRONOUN_MAX_TERMS = 4;
/**
 * At most this many words of its own, a follow-up's pronoun stands for the topic asked before (see pointsAtTheTopic);
 * with more, the question names its topic, and "it" is often a thing the last answer said ("When did the Azawad
 * groups announce their withdrawal from it?" after Algeria's role in the Sahel: the accord). Over the 89
 * conversation sets, last turns right in context at 3 as with no limit, one set less down; one fewer at 2.
 */
const REFERENT_MAX_TERMS = 3;
/** The best candidates a follow-up asking when reads beside the last answer's quotes (see askedOfWhatWasSaid). */
const DATED_CANDIDATES = 3;
/** How many of a follow-up's words another candidate must hold to be what it asks the date of (see askedOfWhatWasSaid). */
const MIN_ELSEWHERE_WORDS = 2;
// Openers that tie a question to the one before: "and …", "what about …"; "طيب …", "وماذا عن …", "وعن …",
// "وبالنسبة لـ …", the Egyptian "طب …"; and a question word with و or ف joined to it ("ومين", "وامتى", "فوين"),
// formal or dialect.
const OPENER_EN = /^\s*(and|so|also|then|but|what about|how about)\b/i;
const OPENER_AR_FIRST: ReadonlySet<string> = normalizedSet("طيب طب وعن فعن وحول فحول وبخصوص فبخصوص وبالنسبة فبالنسبة وبشأن فبشأن وبعدين");
const OPENER_AR_ABOUT: ReadonlySet<string> = normalizedSet("ماذا شو وماذا وشو فماذا فشو");
const PRONOUN_EN = /\b(it|its|they|them|their|he|him|his|she|her|this|these|those)\b/i;
/**
 * The pronouns and demonstratives that point at a thing or an event said before ("when was that?", "in what year
 * was it signed?", "ومتى حدث ذلك؟", "ومتى كان ذاك؟"), not at a person ("when did she arrive?" asks of her, wherever
 * it was told): the dialect table's demonstratives and the far ones, not دي and دا, also the particles of names
 * (دي ميستورا), nor دول, also "countries".
 */
const THING_EN = /\b(it|its|them|this|these|those)\b/i;
const NOT_POINTING = normalizedSet("دي دا دول");
/** The far demonstratives (that one, there), which the dialect table does not hold. */
const FAR_DEMONSTRATIVES = normalizedSet("ذاك ذيك هذاك هذيك هذيكا هاذيك هداك هديك هاديك");
const THING_AR: ReadonlySet<string> = new Set([...[...ARABIC_DEMONSTRATIVES].filter((w) => !NOT_POINTING.has(w)), ...FAR_DEMONSTRATIVES]);
/** "Since when": when a state began, not when something happened. */
const SINCE_WHEN = /\bsince when\b|(?:^|\s)(?:و|ف)?(?:منذ|من) ?(?:متى|امتى|إمتى|ايمتى|إيمتى|وقتاش|وقتيش|متين)(?=\s|[؟?]|$)/u;

/** The English demonstratives, before the thing they point at ("that meeting"). */
const POINTING_EN = normalizedSet("that this these those");

/** Whether a question's type asks when, or for a date ("on what exact date …"). */
const asksTime = (type: QuestionType): boolean => type.time || type.dated;

/**
 * The words a question points at with a demonstrative: "that meeting", "هذا المجلس", "هاد le meeting", and a word
 * with هالـ itself.
 */
function pointedAt(question: string): Set<string> {
  const words = tokenize(question).map((t) => t.text);
  const pointed = new Set<string>();
  words.forEach((w, i) => {
    // The next word of content: past an article ("هاد le meeting").
    const next = words.slice(i + 1, i + 3).find((v) => !isStopword(v));
    // Not a past participle after "that", its pronoun ("What year was that signed?").
    if (next !== undefined && ((POINTING_EN.has(w) && !next.endsWith("ed")) || THING_AR.has(w))) pointed.add(next);
    if (withoutDemonstrative(w) !== undefined) pointed.add(w);
  });
  return pointed;
}

/**
 * Whether `question` points at a thing or an event said before (see THING_EN), with a pronoun, "that" or هالـ, or
 * at those who did it: "they", or a verb whose "they" is written onto it ("وإمتى بالضبط أعلنوا الانسحاب؟", and when
 * exactly did they announce the withdrawal?, asked as "On what exact date did they announce …?" is).
 */
function pointsAtWhatWasSaid(question: string): boolean {
  return pointsAtAThing(question) || /\bthey\b/iu.test(question) || tokenize(question).some(isTheyVerb);
}

/** Whether `question` points at a thing or an event said before, not at people ("they"): see pointsAtWhatWasSaid. */
function pointsAtAThing(question: string): boolean {
  const words = tokenize(question).map((t) => t.text);
  return THING_EN.test(question) || thatPointsBack(words) || words.some((w) => THING_AR.has(w) || withoutDemonstrative(w) !== undefined);
}

/** What a verb of saying takes for what was said, besides the demonstratives: "it", عنه, عنها. */
const SAID_OF = normalizedSet("it عنه عنها");

/**
 * Whether a follow-up's pronoun stands for the topic the questions answered asked of ("And what does the US think of
 * it?" after "What is MINURSO?", "Why was that seen as significant?"), whose words then weigh as a word of its own
 * would (see RetrievalContext.referent); not for the words last quoted, which a word of saying points at ("وفي أي
 * اجتماع قال هالكلام؟", in which meeting did he say this?; "When did she say that?"): the last quote's passage is
 * what it asks of.
 */
function pointsAtTheTopic(question: string): boolean {
  const words = tokenize(question).map((t) => t.text);
  // "say that", "say it" (a review), "قال ذلك", "حكت عنه".
  const pointer = (word: string | undefined): boolean => word !== undefined && (POINTING_EN.has(word) || THING_AR.has(word) || SAID_OF.has(word));
  const saidPointedAt = [...pointedAt(question)].some(isWordOfSaying) || words.some((w, i) => isWordOfSaying(w) && pointer(words[i + 1]));
  return pointsAtAThing(question) && !saidPointedAt;
}

/** Verbs whose "that" opens a clause ("Who said that journalists …", "Which tweet says that Algeria …"). */
const THAT_CLAUSE: ReadonlySet<string> = normalizedSet(
  "say says said saying tell tells told think thinks thought believe believes know knows mean means claim claims claimed state states stated add adds added note notes noted show shows showed suggest suggests suggested report reports reported argue argues argued",
);
// Attached pronouns on prepositions and the demonstratives, formal and dialect: عنها، فيه، ذلك، هاد … Not هو/هي,
// as in "ما هو"; not دي/دا, which are also the particle of names (دي ميستورا).
const PRONOUN_AR: ReadonlySet<string> = normalizedSet(
  "ذلك تلك هذا هذه هؤلاء هناك فيها فيه فيهم عنها عنه عنهم منها منه منهم لها له لهم عليها عليه عليهم بها به بهم معها معه معهم هاد هادا هادي هاذا هاذي هيدا هيدي هاي ده",
);

/**
 * A request to go on about what was answered ("tell me more", "anything else?", "more details", "كمّل", "زيد",
 * "زدنا تفاصيل", "شو كمان؟", "غير هيك؟"), with no word of its own: it is answered with what the last answer did not
 * quote (see retrieveInConversation).
 */
const GO_ON_EN = /\b(more|else|go on|continue|keep going|carry on|details)\b/i;
/** "Also" in Arabic, formal and dialect: going on (GO_ON_AR), a deed of another too (TOO_AR), past what was quoted (ELSE_WORDS). */
const ALSO_AR = "كمان أيضا أيضاً ايضا";
const GO_ON_AR: ReadonlySet<string> = normalizedSet(`كمل كملي كملوا زيد زيدي زدنا زيدنا تفاصيل ${ALSO_AR} وكمان وايضا وأيضاً وبعدين بعدين`);
/**
 * "What happens next?", "what's next?", "then what?", "what's the next step?": a request to go on (see
 * retrieveInConversation); in Arabic, "الخطوة التالية" or "المقبلة" (the next step) and its dialect forms.
 */
const WHAT_NEXT = /\b(?:what(?:'s|’s|s| is| happens| happened| comes)? next|then what|(?:the )?next steps?)\b/i;
const STEP_AR: ReadonlySet<string> = normalizedSet("الخطوة خطوة والخطوة فالخطوة الخطوات خطوات والخطوات");
const NEXT_AR: ReadonlySet<string> = normalizedSet("التالية الجاية القادمة المقبلة الجاي التالي المقبل الجايه");
/** "غير هيك؟", "غير كده؟": other than that. */
const THAT: ReadonlySet<string> = normalizedSet("هيك كده");

/** `question` with its words asking what comes next put as asking to go on: "tell me more", "وبعدين". */
function asGoOn(question: string): string {
  const en = question.replace(WHAT_NEXT, "tell me more");
  const tokens = tokenizePlaced(en);
  const at = tokens.findIndex((t, i) => STEP_AR.has(t.text) && NEXT_AR.has(tokens[i + 1]?.text ?? ""));
  const [step, next] = [tokens[at], tokens[at + 1]];
  return step && next ? `${en.slice(0, step.start)}وبعدين${en.slice(next.end)}` : en;
}

/** Whether a question asks to go on (see GO_ON_EN): an English phrase, or an Arabic word for it. */
function asksToGoOn(question: string): boolean {
  const words = tokenize(question).map((t) => t.text);
  return GO_ON_EN.test(question) || words.some((w, i) => GO_ON_AR.has(w) || (w === "غير" && THAT.has(words[i + 1] ?? "")));
}

/**
 * Whether a question opens with a question word of its own (not one joined to و or ف, as "ومين" follows up), in
 * its first two words ("في أي عام", "إلى أين").
 */
function opensWithQuestionWord(question: string): boolean {
  const [first = "", second = ""] = tokenize(question).map((t) => t.text);
  // A joined one ("ومين") is no question word itself: isQuestionWord is false for it.
  return QUESTION_EN.test(question) || [first, second].some(isQuestionWord);
}

/** Whether a question reads as following up on the turn before: an opener, or a pronoun in a short question. */
export function readsAsFollowUp(question: string, ownTerms: number): boolean {
  const tokens = tokenize(question);
  const words = tokens.map((t) => t.text);
  const [first = "", second = ""] = words;
  if (OPENER_EN.test(question) || first === "و" || first === "ف" || OPENER_AR_FIRST.has(first) || isJoinedQuestionWord(first) || joinedToFunctionWord(first)) return true;
  if (OPENER_AR_ABOUT.has(first) && second === "عن") return true;
  // So is a noun pointed at with the dialects' هالـ ("امتى كان هاللقاء؟", when was this meeting), in a question of
  // at most FOLLOW_UP_MAX_TERMS words ("… وشو دوره بهالملف؟" with a name of its own stands alone; and هالـ also
  // begins names: هالاند).
  if (ownTerms <= FOLLOW_UP_MAX_TERMS && words.some((w) => withoutDemonstrative(w) !== undefined)) return true;
  return ownTerms <= PRONOUN_MAX_TERMS && (PRONOUN_EN.test(question) || thatPointsBack(words) || tokens.some((t) => PRONOUN_AR.has(t.text) || isTheyVerb(t)));
}

/**
 * A verb whose "they" is written onto it (ناقشوا, حكوا, اجتمعوا), as "they" is a word in English: "شو ناقشوا؟" after a
 * meeting asks what they discussed there. Three letters at least before its وا; not a noun written so, with the
 * article or a hamza (الهواء, أجواء: a review).
 */
const THEY_VERB = /^[وف]?\p{Script=Arabic}{3,}وا$/u;
const isTheyVerb = (token: Token): boolean => THEY_VERB.test(token.text) && writtenForm(token.raw).endsWith("وا") && !/^[وف]?ال/u.test(token.text);

/**
 * Whether a question's first word is و or ف joined to a preposition or another function word ("وعلى إيش ركزوا في
 * اللقاء؟", and on what did they focus in the meeting?, "وفي أي مدينة؟"), which goes on from what was said; not a
 * question word of its own (وين, واش).
 */
function joinedToFunctionWord(first: string): boolean {
  return first.length > 2 && isJoinedFunctionWord(first) && !isQuestionWord(first);
}

/**
 * Whether "that" points back ("when did that issue come up?", "when was that?", "that one"): at the question's end,
 * before "one" or before a word of its own, not after a verb whose clause it opens ("Who said that journalists …?")
 * nor before a function word ("How many seats does Africa want that are permanent?").
 */
function thatPointsBack(words: readonly string[]): boolean {
  return words.some((w, i) => {
    if (w !== "that") return false;
    const next = words[i + 1];
    return next === undefined || next === "one" || (!isStopword(next) && !THAT_CLAUSE.has(words[i - 1] ?? ""));
  });
}

/** Whether a question is a question word alone, after openers ("وليش؟", "طب وليه؟", "and why?", "Where?"). */
function isBareQuestionWord(question: string): boolean {
  const words = tokenize(question).filter((t) => !OPENER_EN.test(t.text) && !OPENER_AR_FIRST.has(t.text) && t.text !== "و" && t.text !== "ف");
  return words.length > 0 && words.every((t) => holdsQuestionWord([t]));
}

/**
 * The answered questions a follow-up is judged with: the last one answered, and when that has no words of its
 * own ("and when?"), the ones before it back to the one that has (the question that opened the chain: "… Security
 * Council reform?", "and when?", "and where?"). No further: every earlier question's words would lift an
 * off-topic follow-up's chance too. `backToTopic`: the follow-up has no words of its own and asks on about the
 * topic ("what's the next step?", "واتكلموا في ايه بالظبط؟", and what exactly did they talk about?): past a
 * follow-up tied to the one before ("ومن يقود جهودها في نيويورك؟", "وهي قابلته ليه اصلا؟"), back to the question that
 * stands alone, whose topic it goes on with (not a wordless "and when?" or "and why?", which asks for what the
 * text may not say: a review).
 */
function chainOf(retriever: Retriever, turns: readonly ConversationTurn[], { backToTopic = false } = {}): string[] {
  const chain: string[] = [];
  for (const turn of [...turns].reverse()) {
    if (turn.citations.length === 0) continue;
    chain.unshift(turn.question);
    const own = retriever.ownTerms(turn.question);
    if (own.length > 0 && !(backToTopic && readsAsFollowUp(turn.question, own.length))) break;
  }
  return chain;
}

/**
 * The retrieval for a question asked after `context`'s turns. A question that stands on its own (no opener or
 * pronoun tying it to the last turn, answerable alone, and more than FOLLOW_UP_MAX_TERMS words of its own or its
 * own question word) is retrieved alone, so the context never bends it; a follow-up borrows the earlier
 * questions' words and favours what they cited.
 */
export async function retrieveInConversation(retriever: Retriever, asked: string, context: ConversationContext | undefined): Promise<Retrieval> {
  const retrieval = await retrieveFollowingUp(retriever, asked, context);
  // Who someone is, or their name ("وش اسم المسؤولة الأمريكية اللي جت الجزائر؟"): the first person it names, not
  // another in a clause of its own ("ما اسم الوزير الذي ناقشت معه الدبلوماسية الأمريكية …؟").
  // So does a question asking for their occupation ("What's her exact job title?").
  if (asksRole(asked, isPersonAsked)) return withSpeakerNamed(retriever, retrieval, asked);
  if (asksWho(asked)) return withSpeakerNamed(retriever, retrieval, asked, { who: true });
  // Or which person did something ("which US official was visiting Algiers?"): who that is, as a name asked.
  const [person = whichPersonAsked(asked)] = questionType(asked).name?.persons ?? [];
  return person === undefined ? retrieval : withSpeakerNamed(retriever, retrieval, asked, { person });
}

/** The retrieval for `asked` alone or as a follow-up of `context`'s turns (see retrieveInConversation). */
async function retrieveFollowingUp(retriever: Retriever, asked: string, context: ConversationContext | undefined): Promise<Retrieval> {
  const turns = context?.turns.slice(-MAX_CONTEXT_TURNS) ?? [];
  // "What happens next?", "then what?", "وما الخطوة التالية؟" after an answer ask to go on: "next" is no word of the
  // question's own.
  const question = turns.length > 0 ? asGoOn(asked) : asked;
  const alone = await retriever.retrieve(question);
  if (turns.length === 0) return alone;
  // "Who said that?" ("and in what role?") has no word of its own: it follows up on the last answer.
  const whoSaid = asksWhoSaid(question) && alone.terms.every((t) => t.synthetic || t.standsFor !== undefined || asksOfTheSpeaker(t.word));
  // A capital standing for its country ("وواشنطن شو رأيها فيه؟", and what does Washington think of it) is no word
  // of the follow-up's own, found or missing: it names the government the briefing calls otherwise, as "she" would.
  const own = whoSaid ? [] : alone.terms.filter((t) => !t.synthetic && t.standsFor === undefined);
  const ownTerms = own.length;
  // Punctuation or an emoji alone ("?", "👍") asks nothing, not even to go on.
  if (ownTerms === 0 && tokenize(question).length === 0) return alone;
  const type = questionType(question);
  const tied = readsAsFollowUp(question, ownTerms);
  // Asked after an answer on the page ("When was it posted?" after "What outlet is this article from?"), a question
  // on the page's parts is asked of the report.
  // Untied too when it asks when the report went up ("واتنشر من قد إيه؟", opening with a verb و joins, whose
  // publishing word alone finds the tweets); not "What is Lamamra's title?" after the headline, a question of its own.
  const page = await ofTheReport(retriever, question, turns, { tied });
  if (page) return page;
  // "How long ago was it posted?" after an answer quoting a post asks when that post went up (its stamp, in its
  // quote), not the report (a review); asked alone, "it" is the report, as it is wherever the question names the
  // report ("How old is the article?", a second review).
  const post = lastQuoted(retriever, turns);
  const postQuoted = post !== undefined && isPostAt(retriever, post) && !namesTheReport(tokenize(question));
  if (tied && postQuoted && asksWhenPublished(alone.terms)) {
    return { ...alone, ranked: rankedFirst(retriever, alone, [post]), answerable: true };
  }
  // "And did she visit Algeria too?" after "Who is Linda Thomas-Greenfield?": what the text says someone else did,
  // asked of the person introduced, is answered only where she was.
  if (tied && asksOfAnotherToo(question) && !introductionHolds(retriever, turns, own)) return { ...alone, answerable: false };
  // Past here the rules put sentences first: they need a ranking whose best they are scored as (see rankedFirst).
  if (alone.ranked.length > 0) {
    const answered = quotedFirst(retriever, question, own, turns, alone, { tied, type, post: postQuoted ? post : undefined });
    if (answered !== undefined) return answered;
  }
  // Answerable alone and tied by nothing, a question is a new one when it has words enough of its own, or when it
  // opens with its own question word however short it is ("من هو لعمامرة؟", "Who is Staffan de Mistura?"). A
  // short one without ("والجزائر؟", "Mali?") leans on what was said before.
  if (!tied && alone.answerable && (ownTerms > FOLLOW_UP_MAX_TERMS || (ownTerms > 0 && opensWithQuestionWord(question)))) return alone;
  // A when asked of what was last answered: pointing at it, or a date or year asked with no word of its own ("وبأي
  // سنة صار؟", in which year did it happen: its verb's subject is what was answered; not a bare "ومتى؟", which an
  // occasion the text gives may answer, a review).
  const askedWhen = tied && (turns.at(-1)?.citations.length ?? 0) > 0 && ownTerms <= PRONOUN_MAX_TERMS && (pointsAtWhatWasSaid(question) || (ownTerms === 0 && type.dated)) && asksTime(type);
  const sources = new Set<string>();
  const passages = new Set<number>();
  // Each turn's first citation, its best answer, names the briefing: a weaker third quote from another briefing
  // must not pull the follow-up there. Every passage the turn quoted from that briefing is favoured: what a
  // follow-up asks of ("the peacekeepers there") is often in the second quote, the first being a headline.
  for (const turn of turns) {
    const first = turn.citations[0];
    if (!first) continue;
    sources.add(first.source);
    for (const c of turn.citations) {
      if (c.source !== first.source) continue;
      const at = retriever.passageAt(c.source, c.start);
      if (at !== undefined) passages.add(at);
    }
  }
  // And the sentences of the last answer's first quote, a little more.
  const sentences = new Set(lastQuotedSentences(retriever, turns));
  const referent = tied && ownTerms > 0 && ownTerms <= REFERENT_MAX_TERMS && pointsAtTheTopic(question) ? chainOf(retriever, turns).join("\n") : "";
  const inContext = await retriever.retrieve(question, { words: turns.map((t) => t.question).join(" "), sources, passages, sentences, ...(referent ? { referent } : {}) });
  // "Who said that?" asks for the speaker of what was last answered, whom no word of the question finds. Declined
  // after a declined question (of what the briefings do not hold), and where no speaker is named near the quote
  // (the report's own words, often).
  if (whoSaid) return saidBy(retriever, inContext, turns) ?? { ...inContext, confidence: alone.confidence, features: alone.features, answerable: false };
  if (askedWhen) {
    const dated = askedOfWhatWasSaid(retriever, question, own, turns, inContext);
    if (dated === "not said") return { ...inContext, confidence: alone.confidence, features: alone.features, answerable: false };
    if (dated !== undefined) return { ...inContext, ranked: dated, answerable: true };
  }
  // Whether the briefings cover what is asked. A question answerable on its own words is. A follow-up ("which
  // region does he cover for them?", "ووين صار؟") is also judged together with the last question that was
  // answered, unless its own words open a new topic (a name found nowhere in the briefings, or no word found at
  // all: "and the weather in Paris?"). The context picks where to look (every earlier turn's words, declined
  // ones too); it does not make an off-topic question answerable, and a declined turn lends nothing to that.
  if (alone.answerable) return { ...inContext, confidence: alone.confidence, features: alone.features, answerable: true };
  const goingOn = ownTerms === 0 && asksToGoOn(question);
  const chain = chainOf(retriever, turns, { backToTopic: ownTerms === 0 && (goingOn || (!asksTime(type) && !isBareQuestionWord(question))) });
  const newTopic = ownTerms > 0 && (declineFeature(alone.features, "missingNames") > 0 || declineFeature(alone.features, "missingShare") >= 1);
  if (!(tied || ownTerms === 0) || chain.length === 0 || newTopic) return { ...inContext, confidence: alone.confidence, features: alone.features, answerable: false };
  // The pair holds the words of questions already answered, which lift its chance however little the follow-up
  // adds ("ومين ربح الدوري الاسباني؟", who won the Spanish league, after a question on Lamamra): it must be more
  // likely answered than not, not only clear the threshold set for questions asked alone. A follow-up with no
  // word of its own ("وامتى كان هذا؟", "and when?") adds nothing to lift: it asks on about what was answered, and
  // the threshold is enough (an answer given at 0.46 would otherwise decline every "and when?" after it). Nor does
  // one whose own words the briefings hold enough of ("وما المنصب الذي تترشح له بلاده؟", what post is his country
  // running for, after where Lamamra spoke: PAIR_HELD_COVERAGE), which opens no other topic.
  // The follow-up's opener read off as it is when asked alone ("طب وبعدين؟"): joined after the chain it is no first word.
  const judged = await retriever.retrieve([...chain, withoutOpenerText(question)].join("\n"));
  const held = declineFeature(alone.features, "coverage") >= PAIR_HELD_COVERAGE;
  const answerable = judged.answerable && (ownTerms === 0 || held || judged.confidence >= PAIR_MIN_CONFIDENCE);
  const retrieval = goingOn ? goneOn(retriever, inContext, turns) : inContext;
  return { ...retrieval, confidence: judged.confidence, features: judged.features, answerable };
}

/**
 * The retrieval for a follow-up on a post, a person or a meeting the last answer quoted, where one of these rules
 * answers it:
 * - "How many replies does that tweet show?", "وقداش رد جات على التغريدة هذيكا؟", "How many replied?" (tied, or with
 *   no word of its own but the count): the counter under the first post the last answer quoted, which no word of the
 *   question tells from the other posts' (not where the question names another: "And how many replies did the CNDH
 *   tweet get?", a review); declined where the last answer quoted no post and the question points at it ("How many
 *   folks replied to that one?" after a paragraph on Western Sahara, a review);
 * - the count asked again of another post (counterAskedAgain), whose counter no word of the question finds;
 * - "Which US embassy account did she tag in that same tweet?": the post pointed at (`post`, the last answer's first
 *   quote), whatever else the question's words find (the other posts, the tweets' other "U.S."), tied by the pointing
 *   alone however many words of its own the question has; not when it went up ("طب والتغريدة دي اتنشرت إمتى؟"), which
 *   the post's stamp answers, nor where the question names another post;
 * - which body a man is with (affiliationQuoted);
 * - what was discussed at a meeting the last answer's first quote told of (asksWhatWasDiscussed, meetingQuoted).
 * Else undefined. The first rule may also decline: its retrieval is then not answerable.
 */
function quotedFirst(
  retriever: Retriever,
  question: string,
  own: readonly QueryTerm[],
  turns: readonly ConversationTurn[],
  alone: Retrieval,
  { tied, type, post }: { tied: boolean; type: QuestionType; post: number | undefined },
): Retrieval | undefined {
  const counts = countsReplies(own);
  if (counts && (tied || own.every((t) => countsReplies([t])))) {
    const counter = quotedPostCounter(retriever, turns, own, alone);
    if (counter !== undefined) return { ...alone, ranked: rankedFirst(retriever, alone, [counter]), answerable: true };
    const anyPost = quotedSentences(retriever, turns).some((i) => isPostAt(retriever, i));
    if (!anyPost && pointsAtWhatWasSaid(question) && !tokenize(question).some(isPostWord)) return { ...alone, answerable: false };
  }
  const askedAgain = counterAskedAgain(retriever, question, own, turns, alone);
  if (askedAgain !== undefined) return { ...alone, ranked: rankedFirst(retriever, alone, [askedAgain], { withBestFeatures: true }), answerable: true };
  if (post !== undefined && !asksTime(type) && pointsAtAPost(question) && !namesAnotherPost(retriever, post, own, alone)) {
    return { ...alone, ranked: rankedFirst(retriever, alone, postSentences(retriever, post, alone.ranked)), answerable: true };
  }
  const affiliation = tied ? affiliationQuoted(retriever, question, own, turns, alone) : undefined;
  if (affiliation !== undefined) return { ...alone, ranked: rankedFirst(retriever, alone, affiliation), answerable: true };
  const discussed = tied && asksWhatWasDiscussed(question, own) ? meetingQuoted(retriever, turns) : [];
  return discussed.length === 0 ? undefined : { ...alone, ranked: rankedFirst(retriever, alone, discussed), answerable: true };
}

/** A person's pronoun as a subject, English and Arabic. */
const SUBJECT_EN = normalizedSet("she he they");
const SUBJECT_AR = normalizedSet("هي هو هم هيا هوا");
/** "Too": the same thing done by another. */
const TOO_EN = normalizedSet("too");
const TOO_AR = normalizedSet(`${ALSO_AR} برضو برضه بردو زادة`);

/**
 * Whether a question asks whether a person did too what the text says another did: a subject pronoun beside "too"
 * ("وهل زارت الجزائر هي أيضا؟", "وإمتى رح تزور الجزائر هي كمان؟", "Did she too visit Algeria?"). Arabic writes a
 * subject's pronoun only to stress it. Not "too" elsewhere ("Did she meet Lamamra too?", "ومين كمان ذكرت معهن؟"):
 * what else she did or said, not another's deed; nor the copula after a question word ("وما هو أيضا موقفها؟", a
 * review).
 */
function asksOfAnotherToo(question: string): boolean {
  const words = tokenize(question).map((t) => t.text);
  const subject = (at: number): boolean => {
    const word = words[at];
    const before = words[at - 1];
    return word !== undefined && SUBJECT_AR.has(word) && before !== undefined && !isQuestionWord(before) && !isJoinedQuestionWord(before);
  };
  return words.some((w, i) => (holdsWord(TOO_AR, w) ? subject(i - 1) || subject(i + 1) : TOO_EN.has(w) && SUBJECT_EN.has(words[i - 1] ?? "")));
}

/**
 * Whether what the question asks "too" of the person introduced may be answered: false only where the person was
 * introduced by a turn asking who they are ("من هي ليندا توماس جرينفيلد؟", see introducingTurn), the briefing tells of
 * them in that one passage alone (a person the report tells of once, not its subject: "وهل زارت الجزائر هي أيضا؟"
 * after "من هي ميشال سيسون؟" is hers to answer, a review), and that passage lacks a word of the question's own.
 */
function introductionHolds(retriever: Retriever, turns: readonly ConversationTurn[], own: readonly QueryTerm[]): boolean {
  const who = introducingTurn(retriever, turns);
  const [first] = who === undefined ? [] : lastQuotedSentences(retriever, [who]);
  const passage = first === undefined ? undefined : retriever.sentences[first];
  if (who === undefined || first === undefined || passage === undefined) return true;
  // One the lead introduces is the briefing's subject, whom its other passages call otherwise ("المسؤولة الأمريكية",
  // her posts' cards); so is one another sentence names as the question did.
  if (passage.passage.kind === "headline" || (passage.passage.paragraph ?? 1) <= LEAD_PARAGRAPHS) return true;
  const names = retriever.ownTerms(who.question);
  const named = (at: number): boolean => names.every((t) => matchedWords(retriever.sentenceText(at) ?? "", [t]).length > 0);
  const elsewhere = retriever.sentences.some((s, at) => s.passage.source === passage.passage.source && s.passageIndex !== passage.passageIndex && named(at));
  if (elsewhere) return true;
  const text = textOf(retriever, passageSentences(retriever, first));
  return own.every((t) => matchedWords(text, [t]).length > 0);
}

/**
 * The last answered turn asking who someone is that the turns since stay on: each a follow-up, or answered from the
 * passage that introduced the person ("ماذا تفعل بشأن مجلس الأمن؟" after "من هي ليندا …؟"). Undefined past a question
 * of its own answered elsewhere, which may be of another person ("ماذا قالت سيسون عن …؟", a review).
 */
function introducingTurn(retriever: Retriever, turns: readonly ConversationTurn[]): ConversationTurn | undefined {
  const since: ConversationTurn[] = [];
  for (const turn of [...turns].reverse()) {
    if (turn.citations.length > 0 && asksWho(turn.question)) {
      const introduced = passageOfFirstQuote(retriever, turn);
      return since.every((t) => passageOfFirstQuote(retriever, t) === introduced) ? turn : undefined;
    }
    if (!readsAsFollowUp(turn.question, retriever.ownTerms(turn.question).length)) since.push(turn);
  }
  return undefined;
}

/** A briefing's lead, in paragraphs: a dateline ("الجزائر- “القدس العربي”:") may stand before its first sentence. */
const LEAD_PARAGRAPHS = 2;

/** The passage (source and index) of a turn's first quote, as one string; undefined for a declined turn. */
function passageOfFirstQuote(retriever: Retriever, turn: ConversationTurn): string | undefined {
  const [first] = lastQuotedSentences(retriever, [turn]);
  const sentence = first === undefined ? undefined : retriever.sentences[first];
  return sentence === undefined ? undefined : `${sentence.passage.source}#${sentence.passageIndex}`;
}

/** Verbs of discussing, stressing and writing it, English and Arabic (normal forms). */
const DISCUSSING = normalizedSet(`discuss discussed talk talked speak spoke chat chatted stress stressed push pushed raise raised underscore
  underscored highlight highlighted emphasize emphasise emphasized emphasised focus focused address addressed write wrote
  كتب كتبت كتبوا كتبو
  ناقش ناقشت ناقشوا تناقش تناقشوا تكلم تكلمت تكلموا اتكلموا حكى حكت حكوا حكيو تحدث تحدثت تحدثوا شدد شددت شددوا
  ركز ركزت ركزوا أكد أكدت أكدوا طرح طرحت طرحوا بحث بحثت بحثوا تباحث تباحثوا هضر هضرت هضرو هضروا`);

/**
 * Whether a word is a verb of discussing (DISCUSSING), or its Arabic past with the dual's ا ("وما الذي شددا عليه؟",
 * what did the two stress?; تناقشا, تكلما: blind conversations 85 and 91).
 */
const isDiscussing = (word: string): boolean =>
  holdsWord(DISCUSSING, word) || (/^\p{Script=Arabic}{3,}ا$/u.test(word) && holdsWord(DISCUSSING, word.slice(0, -1)));
/** "Else", "also", "other", كمان, غير, ثاني, أيضا: past what was quoted. */
const ELSE_WORDS = normalizedSet(`else also other another more ${ALSO_AR} كمانة غير ثاني تاني برضو`);

/**
 * The sentences (by position) of the last answer's first quote where it tells of a meeting (a post, or a sentence
 * with a verb of discussing or a meeting's noun), which a follow-up asking what was discussed asks of; none
 * otherwise ("متى زارت سيسون الجزائر؟" then "وشو ناقشوا؟" is asked anew: a review).
 */
function meetingQuoted(retriever: Retriever, turns: readonly ConversationTurn[]): number[] {
  const quoted = lastQuotedSentences(retriever, turns);
  const tells = quoted.some(
    (i) => isPostAt(retriever, i) || tokenize(retriever.sentenceText(i) ?? "").some((t) => isDiscussing(t.text) || holdsWord(MEETING, t.text)),
  );
  return tells ? quoted : [];
}

/** The nouns of a meeting those verbs are asked of ("in that meeting", "في اللقاء"). */
const MEETING = normalizedSet("meeting meet met talks conversation لقاء اللقاء اجتماع الاجتماع جلسة الجلسة");

/**
 * Whether a follow-up asks what was discussed at what the last answer quoted, with no other word of its own: "What
 * all did they discuss?", "What point did she stress there?", "What did she push for in that meeting?", "وعلى إيش
 * ركزوا في اللقاء؟", "وشو كتبت عنه بالحرف؟", "what did they chat about?" (a word asking what, a verb of discussing or
 * writing, a meeting's noun).
 * Its answer is what the last answer quoted, the meeting's post or sentence, which no word of the question tells
 * from every other meeting's.
 */
function asksWhatWasDiscussed(question: string, own: readonly QueryTerm[]): boolean {
  const words = tokenize(question).map((t) => t.text);
  // "What else did they discuss?" asks past what was quoted (a review).
  if (words.some((w) => holdsWord(ELSE_WORDS, w))) return false;
  const asksWhat = /\bwhat\b/iu.test(question) || words.some((w) => holdsWord(WHAT_AR, w) || WHAT_AR.has(withPrepositionRead(w)));
  const isVerb = (t: QueryTerm): boolean => isDiscussing(t.word);
  // The verb may be a function word, as "talk" is (no term then: "what did they talk about?", blind conversations 81).
  return asksWhat && words.some(isDiscussing) && own.every((t) => isVerb(t) || holdsWord(MEETING, t.word));
}

/** A word for the report, in each language, that a pronoun asking of it stands for (see ofTheReport). */
const THE_REPORT: Readonly<Record<Language, string>> = { en: "article", ar: "المقال" };

/**
 * The retrieval for `question` asked of the report itself, where the last answer quoted the page first (its
 * headline, its dateline or its publishing time) and the question, its pronoun read as the report, asks for one of
 * the page's parts; else undefined.
 */
async function ofTheReport(retriever: Retriever, question: string, turns: readonly ConversationTurn[], { tied }: { tied: boolean }): Promise<Retrieval | undefined> {
  const first = lastQuoted(retriever, turns);
  if (first === undefined) return undefined;
  const text = retriever.sentenceText(first) ?? "";
  const kind = retriever.sentences[first]?.passage.kind;
  const onThePage = kind === "headline" || kind === "keywords" || opensWithDateline(text) || pagePartOf(text) === "published";
  if (!onThePage) return undefined;
  // After the dateline, "and from which city was it filed?" asks for the dateline's place: the dateline itself
  // (three blind rounds; its city is no word of the question's own).
  if (tied && opensWithDateline(text) && asksWhichPlace(question)) {
    const retrieval = await retriever.retrieve(question);
    if (retrieval.ranked.length > 0) return { ...retrieval, ranked: rankedFirst(retriever, retrieval, [first]), answerable: true };
  }
  // "it" read as the report where it stands ("and who published it?": "… published this article"), else the report's
  // word after the question.
  const inPlace = question.replace(/\bit\b/iu, `this ${THE_REPORT.en}`);
  const asked = await retriever.retrieve(inPlace !== question ? inPlace : `${question} ${THE_REPORT[detectLanguage(question)]}`);
  return asked.answerable && asksOfThePage(asked.terms) && (tied || asksWhenPublished(asked.terms)) ? asked : undefined;
}

/** "Which city", "where", "from where" in English; أي مدينة، وين، فين، منين، أين in Arabic (with و or ف). */
const WHICH_PLACE_EN = /\b(?:(?:which|what) (?:city|town|place)|where)\b/i;
const WHICH_PLACE_AR = normalizedSet("وين فين اين منين");
const WHICH_AR = normalizedSet("اي أي انهي اما ياتو");
const PLACE_NOUNS_AR = normalizedSet("مدينة مدينه بلد");

/** Whether `question` asks which place (see WHICH_PLACE_EN): "And from which city was it filed?", "ومن وين انكتب؟". */
function asksWhichPlace(question: string): boolean {
  if (WHICH_PLACE_EN.test(question)) return true;
  // Each word as written or without a joined و or ف (وين is a word of its own, ووين one with و).
  const words = tokenize(question).map((t) => t.text);
  return words.some((w, i) => holdsWord(WHICH_PLACE_AR, w) || (holdsWord(WHICH_AR, w) && holdsWord(PLACE_NOUNS_AR, words[i + 1] ?? "")));
}

/** The nouns of a body someone is with, in English. */
const AFFILIATION_NOUN_EN = "organi[sz]ation|group|agency|outlet|body|institution|network|newspaper";
/**
 * Which body a man is with, in English ("Which organization is he with?", "what organisation does he work for?",
 * "who does he work for?"), and in Arabic an organisation's noun beside a word asking which or what, with his
 * pronoun, هاد or a verb of working in the masculine ("وهو يخدم مع أي منظمة؟", "ويشتغل مع أي منظمة؟", "وهاد لأي
 * منظمة بيشتغل؟"). Asked of a woman, the conversation is most often about the official herself, whose body her own
 * introduction gives, not the last quote ("And which organization does she work for?" after the interior ministry's
 * post, a review); nor a group that did something ("Which group did they say withdrew from it?", a review).
 */
const AFFILIATION_EN = new RegExp(
  `\\b(?:which|what|whose) (?:${AFFILIATION_NOUN_EN}) (?:is|was|does|did) he (?:with|from|a member of|part of|working (?:for|with)|work (?:for|with)|write for|report for|belong to|represent|affiliated with)\\b|\\bwho (?:does|did) he (?:work|write|report) for\\b`,
  "iu",
);
const AFFILIATION_NOUN_EN_WORD = new RegExp(`^(?:${AFFILIATION_NOUN_EN})$`, "u");
const AFFILIATION_NOUNS_AR = normalizedSet("منظمة منظمه جهة جهه مؤسسة مؤسسه هيئة هيئه وكالة وكاله جمعية جمعيه");
const WHICH_OR_WHAT_AR: ReadonlySet<string> = new Set([...WHICH_AR, ...WHAT_AR, ...normalizedSet("اشمن")]);
const HE_OR_WORKING_AR = normalizedSet("هو هاد هادا هذا هاذا يشتغل بيشتغل يعمل يخدم كيخدم");
/** A word with ل or ب (and و or ف) joined before it, as "which" is asked for ("لأي", "ولأي"). */
const withPrepositionRead = (word: string): string => word.replace(/^[وف]?[لب](?=..)/u, "");

/** Whether a question asks which body a man is with (see AFFILIATION_EN). */
function asksAffiliation(question: string): boolean {
  if (AFFILIATION_EN.test(question)) return true;
  const words = tokenize(question).map((t) => t.text);
  const asksWhich = (w: string | undefined): boolean => w !== undefined && (holdsWord(WHICH_OR_WHAT_AR, w) || WHICH_OR_WHAT_AR.has(withPrepositionRead(w)));
  const asked = words.some((w, i) => holdsWord(AFFILIATION_NOUNS_AR, w) && (asksWhich(words[i - 1]) || asksWhich(words[i + 1])));
  return asked && words.some((w) => holdsWord(HE_OR_WORKING_AR, w));
}

/**
 * "Which organization is he with?", "ويشتغل مع أي منظمة؟" after an answer introducing someone: the last answer's
 * first quote, which introduces him by what he is ("Reporters Without Borders North Africa correspondent") and which
 * no word of the question finds (the noun finds منظمات elsewhere). Not where two or more of the question's other
 * words are in the best candidate's passage and not in the quote's ("And which organization is he with, the one
 * running the peacekeeping mission?"). The quote's sentences, or undefined.
 */
function affiliationQuoted(retriever: Retriever, question: string, own: readonly QueryTerm[], turns: readonly ConversationTurn[], alone: Retrieval): number[] | undefined {
  const quoted = lastQuotedSentences(retriever, turns);
  const [first] = quoted;
  if (first === undefined || !asksAffiliation(question)) return undefined;
  const quotedText = cardText(retriever, first);
  const best = alone.ranked[0]?.sentence.position;
  const bestText = best === undefined ? "" : cardText(retriever, best);
  const naming = own.filter((t) => !AFFILIATION_NOUN_EN_WORD.test(t.word) && !holdsWord(AFFILIATION_NOUNS_AR, t.word));
  const elsewhere = naming.filter((t) => matchedWords(quotedText, [t]).length === 0 && matchedWords(bestText, [t]).length > 0);
  return elsewhere.length < MIN_ELSEWHERE_WORDS ? quoted : undefined;
}

/**
 * "And in what year was it reached?", "When was that?", asked after `turns`: when what was last answered happened.
 * The date the last answer's first quote gives ("… اتفاقية الجزائر للسلام لعام 2015"), unless two or more of the
 * question's own words, most of them, are in another candidate ("When did the Azawad groups announce their withdrawal
 * from it?" after the Sahel quote: a review); else one its other quotes give, or their passages, beside words of the
 * question's own where it has any (not the accord's year, asked when the withdrawal was announced). A post's stamp
 * dates the post: it answers where the question asks of a post ("when was that tweet posted?") or of what the post
 * says, every word of its own but the thing it points at in it ("When was that meeting?", "امتى كان هاللقاء؟"; not
 * "And when was Algeria elected to it?" after a post: a review). The ranking with those first; "not said" where
 * none gives a date, nor any of the best candidates beside the question's words: the briefings do not say when
 * ("… ستبدأ في نيويورك في وقت قصير جدًا", very soon), however well the words match elsewhere; undefined to leave it to
 * the rest. "Since when" (منذ متى) asks when a state began, which a quoted date does not answer: only declined so.
 */
function askedOfWhatWasSaid(retriever: Retriever, question: string, own: readonly QueryTerm[], turns: readonly ConversationTurn[], inContext: Retrieval): Retrieval["ranked"] | "not said" | undefined {
  const text = (i: number): string => retriever.sentenceText(i) ?? "";
  const posts = namesAPost(tokenize(question));
  const dated = (i: number): boolean => sentenceHolds(text(i)).date;
  // The question's own words but those for a post ("that tweet"), which tell what it asks the date of; and those but
  // the thing it points at ("this meeting" is the one last quoted): what it says of that thing.
  const naming = withoutPostWords(own);
  const pointed = pointedAt(question);
  const event = naming.filter((t) => !pointed.has(t.word));
  const holds = (i: number, t: QueryTerm): boolean => matchedWords(text(i), [t]).length > 0;
  const held = (i: number): number => naming.filter((t) => holds(i, t)).length;
  const said = (i: number): number => event.filter((t) => holds(i, t)).length;
  const firstGives = (i: number): boolean => dated(i) && (!isPostAt(retriever, i) || posts || event.every((t) => holds(i, t)));
  const besideOwn = (i: number): boolean => dated(i) && (!isPostAt(retriever, i) || posts) && (naming.length === 0 || held(i) > 0);
  const firstQuote = lastQuotedSentences(retriever, turns);
  const mostSaid = Math.max(0, ...firstQuote.map(said));
  const best = inContext.ranked.slice(0, DATED_CANDIDATES).map((r) => r.sentence.position);
  const elsewhere = best.some((i) => !firstQuote.includes(i) && said(i) > mostSaid && said(i) >= MIN_ELSEWHERE_WORDS && said(i) * 2 >= event.length);
  const around = quotedPassages(retriever, turns);
  const dates = [...(elsewhere ? [] : firstQuote.filter(firstGives)), ...quotedSentences(retriever, turns).filter(besideOwn), ...(naming.length > 0 ? around.filter(besideOwn) : [])];
  if (dates.length > 0 && !SINCE_WHEN.test(question)) return rankedFirst(retriever, inContext, [...new Set(dates)]);
  // With words of its own besides the thing it points at, a question may find its date beyond what was quoted ("And
  // when was Algeria elected to it?", "ومتى انتخبت الجزائر في هذا المجلس؟": a review); "that meeting" alone is the one
  // last quoted, not another meeting the text dates.
  return [...around, ...(event.length > 0 ? best : [])].some(besideOwn) ? undefined : "not said";
}

/** A question's terms but its words for a post ("that tweet", "posted"), which a post need not hold. */
const withoutPostWords = (terms: readonly QueryTerm[]): QueryTerm[] => terms.filter((t) => !namesAPost(tokenize(t.raw ?? t.word)));

/** The first sentence (by position) of the last answer's first quote, if the last turn was answered. */
function lastQuoted(retriever: Retriever, turns: readonly ConversationTurn[]): number | undefined {
  return lastQuotedSentences(retriever, turns)[0];
}

/** The sentences (by position) of the last answer's first quote; none if the last turn was declined. */
function lastQuotedSentences(retriever: Retriever, turns: readonly ConversationTurn[]): number[] {
  const cited = turns.at(-1)?.citations[0];
  return cited ? retriever.sentencesAt(cited.source, cited.start, cited.end) : [];
}

/** The sentences (by position) the last answer quoted from its first quote's briefing, in its quotes' order. */
function quotedSentences(retriever: Retriever, turns: readonly ConversationTurn[]): number[] {
  const citations = turns.at(-1)?.citations ?? [];
  const source = citations[0]?.source;
  return citations.filter((c) => c.source === source).flatMap((c) => retriever.sentencesAt(c.source, c.start, c.end));
}

/**
 * The sentences (by position) of every passage the last answer quoted from its first quote's briefing (as a
 * follow-up favours them); none if the last turn was declined.
 */
function quotedPassages(retriever: Retriever, turns: readonly ConversationTurn[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const at of quotedSentences(retriever, turns)) {
    const passage = retriever.sentences[at]?.passageIndex;
    if (passage === undefined || seen.has(passage)) continue;
    seen.add(passage);
    out.push(...passageSentences(retriever, at));
  }
  return out;
}

/** The sentences (by position) of the passage of the sentence at `at`. */
function passageSentences(retriever: Retriever, at: number): number[] {
  const passage = retriever.sentences[at]?.passage;
  return passage === undefined ? [] : retriever.sentencesAt(passage.source, passage.start, passage.end);
}

/** Whether the sentence at `at` is a post's. */
const isPostAt = (retriever: Retriever, at: number): boolean => retriever.sentences[at]?.passage.kind === "tweet";

/** The text of the sentences at `positions`, a line each. */
const textOf = (retriever: Retriever, positions: readonly number[]): string => positions.map((i) => retriever.sentenceText(i) ?? "").join("\n");

/** The text of the passage of the sentence at `at`: for a post, its card (the post, its stamp, its counter). */
const cardText = (retriever: Retriever, at: number): string => textOf(retriever, passageSentences(retriever, at));

/**
 * Whether a word of `own` names a post other than the one at `post`: a word (not a country: the tweets' "U.S.") that
 * a post `alone` finds holds and this one's card does not ("And how many replies did the CNDH tweet get?", "… the
 * tweet about journalists", a review).
 */
function namesAnotherPost(retriever: Retriever, post: number, own: readonly QueryTerm[], alone: Retrieval): boolean {
  const card = passageSentences(retriever, post);
  const text = textOf(retriever, card);
  const others = alone.ranked.filter((r) => isPostAt(retriever, r.sentence.position) && !card.includes(r.sentence.position)).map((r) => retriever.sentenceText(r.sentence.position) ?? "");
  return withoutPostWords(own).some((t) => !countsReplies([t]) && t.country !== true && matchedWords(text, [t]).length === 0 && others.some((other) => matchedWords(other, [t]).length > 0));
}

/**
 * The reply counter (by position) of the first post the last answer quoted from its first quote's briefing, if any,
 * unless the question names another post (namesAnotherPost); words no post holds ("How many folks replied to that
 * one?", "that particular tweet … out of interest") name none.
 */
function quotedPostCounter(retriever: Retriever, turns: readonly ConversationTurn[], own: readonly QueryTerm[], alone: Retrieval): number | undefined {
  const post = quotedSentences(retriever, turns).find((i) => isPostAt(retriever, i));
  return post === undefined || namesAnotherPost(retriever, post, own, alone) ? undefined : postCounter(retriever, post);
}

/** The reply counter (by position) of the post at `post`: it closes the post's card. */
function postCounter(retriever: Retriever, post: number): number | undefined {
  return passageSentences(retriever, post).find((i) => i > post && isReplyCounter(retriever.sentenceText(i) ?? ""));
}

/** English words pointing at a post before its noun ("that same tweet", "this post"). */
const POST_POINTERS_EN = normalizedSet("that this same particular");
/** Arabic ones, on either side of it ("التغريدة دي", "هاديك التويتة"). */
const POST_POINTERS_AR: ReadonlySet<string> = new Set([...ARABIC_DEMONSTRATIVES, ...FAR_DEMONSTRATIVES]);

/**
 * Whether a question points at a post: its noun after an English word pointing at it ("in that same tweet"), beside
 * an Arabic one ("التويتة هاديك") or with the Levant's هالـ (هالتغريدة); or it ends on "that one" ("Which US embassy
 * account was tagged in that one?"). Not "the tweet that mentions …" ("that" opens a clause there, a review), nor
 * "Was that one of her priorities?".
 */
function pointsAtAPost(question: string): boolean {
  const tokens = tokenize(question);
  const last = tokens.length - 1;
  return tokens.some((t, i) => {
    if (i === last && t.text === "one" && (tokens[i - 1]?.text === "that" || tokens[i - 1]?.text === "this")) return true;
    if (!isPostNoun(t)) return false;
    if (withoutDemonstrative(t.text) !== undefined) return true;
    const before = [tokens[i - 2], tokens[i - 1]];
    return before.some((w) => w !== undefined && (POST_POINTERS_EN.has(w.text) || POST_POINTERS_AR.has(w.text))) || POST_POINTERS_AR.has(tokens[i + 1]?.text ?? "");
  });
}

/**
 * The sentences (by position) of the post at `post` but its page parts (its reply counter), those `ranked` holds
 * first in its order: what a question pointing at the post asks of (see pointsAtAPost).
 */
function postSentences(retriever: Retriever, post: number, ranked: Retrieval["ranked"]): number[] {
  const card = passageSentences(retriever, post).filter((i) => pagePartOf(retriever.sentenceText(i) ?? "") === undefined);
  const rank = new Map(card.map((i, k) => {
    const at = ranked.findIndex((r) => r.sentence.position === i);
    return [i, at < 0 ? ranked.length + k : at];
  }));
  return [...card].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

/** A post's noun, not posting it ("when was that posted?", "tweeting"). */
const isPostNoun = (t: Token): boolean => isPostWord(t) && !/(?:ed|ing)$/u.test(t.text);
/** The words that stand for a post asked of again: its noun, or "one" ("And the one with the journalist?"). */
const isPostOrOne = (t: Token): boolean => t.text === "one" || isPostNoun(t);

/**
 * Whether a follow-up asks the question before again of another post, with no question word of its own: "And the
 * one with the journalist?", "What about the CNDH tweet?", "وماذا عن تغريدة المجلس؟", "وتغريدة لقائها مع
 * دراريني؟" (an opener, or و or ف joined to the post's noun). Not a yes/no question that names no post ("And she
 * met Lamamra in Algiers?", "وناقشت معه حقوق الإنسان؟": a review).
 */
function asksAgainOf(question: string): boolean {
  const tokens = tokenize(question);
  const [first, second] = tokens;
  if (first === undefined) return false;
  const aboutAr = OPENER_AR_ABOUT.has(first.text) && second?.text === "عن";
  const aboutEn = /^\s*(?:and\s+)?(?:what|how)\s+about\b/iu.test(question);
  const rest = tokens.slice(aboutAr ? 2 : aboutEn ? (tokens[0]?.text === "and" ? 3 : 2) : 0);
  const opened = aboutAr || aboutEn || OPENER_EN.test(question) || first.text === "و" || OPENER_AR_FIRST.has(first.text) || (/^[وف]/u.test(first.text) && isPostOrOne({ ...first, text: first.text.slice(1) }));
  return opened && rest.length > 0 && !holdsQuestionWord(rest) && rest.some((t) => isPostOrOne(t) || isPostOrOne({ ...t, text: t.text.replace(/^[وفلب]/u, "") }));
}

/**
 * The reply counter (by position) of the post `alone` finds first, where the last question counted a post's replies
 * and this one asks the same of another post ("وتغريدة لقائها مع دراريني؟" after "كم رد على تغريدة لقائها مع
 * لعمامرة؟"): the best candidate is a post, holding a word of the question's own but those for posts (not "And
 * the one about the Security Council?", whose best candidates are the report's: a review); else undefined.
 */
function counterAskedAgain(retriever: Retriever, question: string, own: readonly QueryTerm[], turns: readonly ConversationTurn[], alone: Retrieval): number | undefined {
  const last = turns.at(-1);
  if (!last || last.citations.length === 0 || !asksAgainOf(question) || !countsReplies(retriever.terms(last.question))) return undefined;
  const best = alone.ranked[0]?.sentence.position;
  if (best === undefined || !isPostAt(retriever, best)) return undefined;
  return matchedWords(cardText(retriever, best), withoutPostWords(own)).length > 0 ? postCounter(retriever, best) : undefined;
}

/** How many sentences from a quote its speaker is looked for (see saidBy). */
const MAX_ATTRIBUTION_DISTANCE = 8;

/**
 * `retrieval` for "Who said that?" after `turns`: the sentences that tell who said the last answer's first quote
 * (see speakerSentences), or undefined where none is found. Scored as the best sentence: no word of the question
 * finds them.
 */
function saidBy(retriever: Retriever, retrieval: Retrieval, turns: readonly ConversationTurn[]): Retrieval | undefined {
  const first = lastQuoted(retriever, turns);
  const top = retrieval.ranked[0];
  if (first === undefined || !top) return undefined;
  const { named, described } = speakerSentences(retriever, first);
  return named.length + described.length === 0 ? undefined : { ...retrieval, ranked: rankedFirst(retriever, retrieval, [...named, ...described]), answerable: true };
}

/**
 * `retrieval`'s ranking with the sentences at `positions` first, in that order, each scored as its best sentence;
 * `withBestFeatures`: with the best sentence's features too, as if the question's words had found them (a page part
 * no word finds, a post's reply counter, is otherwise never quoted: see chooseCitations in answer.ts). Unchanged
 * where the ranking is empty: callers check it holds a best sentence.
 */
function rankedFirst(retriever: Retriever, retrieval: Retrieval, positions: readonly number[], { withBestFeatures = false } = {}): Retrieval["ranked"] {
  const top = retrieval.ranked[0];
  if (!top) return retrieval.ranked;
  const asRanked = (i: number) => (withBestFeatures ? undefined : retrieval.ranked.find((r) => r.sentence.position === i));
  const first = positions.map((i) => asRanked(i) ?? { ...top, sentence: retriever.sentences[i] as IndexedSentence });
  const rest = retrieval.ranked.filter((r) => !positions.includes(r.sentence.position));
  return [...first.map((r) => ({ ...r, score: top.score })), ...rest];
}

/**
 * The sentences that tell who said the sentence at `first`, as its briefing does (speakerIn): the nearest paragraph
 * sentence at or before it naming a speaker beside a verb of saying (after it, for a headline: the report's first
 * sentences name its speaker), then the briefing's first sentence naming that speaker by the last word of the
 * name, where reports give the full name and title (`named`); and any description met on the way ("المتحدثة", the
 * spokeswoman), which refers to that speaker (`described`). A tweet's speaker is its author, whom its label names:
 * the tweet itself.
 */
function speakerSentences(retriever: Retriever, first: number): { named: number[]; described: number[] } {
  const quoted = retriever.sentences[first];
  if (!quoted) return { named: [], described: [] };
  const { source } = quoted.passage;
  const inBriefing = (i: number): IndexedSentence | undefined => {
    const sentence = retriever.sentences[i];
    return sentence?.passage.source === source ? sentence : undefined;
  };
  const found: number[] = [];
  if (quoted.passage.kind === "tweet") found.push(first);
  const step = quoted.passage.kind === "headline" ? 1 : -1;
  let named: Speaker | undefined;
  const described: number[] = [];
  // Within the quote's briefing, its passage and the one before it (a headline's: the two after it, past the
  // dateline): a speaker further off said something else.
  const reach = step === 1 ? 2 : 1;
  const near = (i: number): boolean => Math.abs((inBriefing(i)?.passageIndex ?? Infinity) - quoted.passageIndex) <= reach;
  for (let i = first; !named && found.length === 0 && near(i) && Math.abs(i - first) <= MAX_ATTRIBUTION_DISTANCE; i += step) {
    if (inBriefing(i)?.passage.kind !== "paragraph") continue;
    const speaker = speakerIn(retriever.sentenceText(i) ?? "");
    if (!speaker) continue;
    if (speaker.named) {
      named = speaker;
      found.push(i);
    } else described.push(i);
  }
  // Its name's last word, not a description's (وزير الخارجية الأمريكي ends on "American", found everywhere).
  const name = named?.words.findLast((w) => !w.startsWith("ال"));
  if (name !== undefined) {
    const mention = retriever.sentences.findIndex(
      (s, i) => s.passage.source === source && s.passage.kind === "paragraph" && tokenize(retriever.sentenceText(i) ?? "").some((t) => t.text === name),
    );
    if (mention >= 0 && !found.includes(mention)) found.push(mention);
  }
  return { named: found, described };
}

/** How many of a ranking's first sentences are read for the description a question asking who someone is matched. */
const MAX_DESCRIBED_RANK = 3;

/**
 * `retrieval` for a question asking who someone is ("Who is the US official who visited Algeria?", "شكون هي المسؤولة
 * الأمريكية اللي جات؟"), where one of its best sentences gives that person only as its speaker, by a description
 * whose noun a word of the question matched ("قالت المسؤولة الأمريكية إنها …"): the sentence naming the speaker
 * first, as a reader looks back for whom the description refers to. That is the briefing's first sentence whose
 * speaker is named by a word the description shares ("مساعدة وزير الخارجية الأمريكي" for المسؤولة الأمريكية: a report
 * introduces its speaker by name and title before describing them), else the nearest named before it (see
 * speakerSentences). Else `retrieval` as it is. `person`: the noun a question asking a name names first, which the
 * description's noun must be (as the question wrote it).
 *
 * The description is looked for in the first MAX_DESCRIBED_RANK sentences, up to one whose named speaker a word of
 * the question matched: the best may have matched other words ("… the American diplomat visiting …" finds
 * زيارات in a sentence on المسؤولة الأمريكية, and "the US official" finds أمريكا beside another American's name,
 * both found blind). Past the best, a question must not cite the description as its source (citesAsSource), and
 * one asking who (`who`) must ask it of the description (see asksWhoOf):
 * "من هم الشركاء … حسب المسؤولة الأمريكية؟" asks who the partners are. A follow-up with no word of its own ("What's
 * her job title?") asks of the person the answer describes: the best sentence alone.
 */
function withSpeakerNamed(retriever: Retriever, retrieval: Retrieval, question: string, { person, who = false }: { person?: string; who?: boolean } = {}): Retrieval {
  const top = retrieval.ranked[0];
  if (!retrieval.answerable || !top) return retrieval;
  const ownWords = retrieval.terms.some((t) => !t.synthetic);
  const read = ownWords ? retrieval.ranked.slice(0, MAX_DESCRIBED_RANK) : [top];
  let described: { speaker: Speaker; sentence: IndexedSentence } | undefined;
  for (const [rank, { sentence }] of read.entries()) {
    const found = speakerIn(retriever.sentenceText(sentence.position) ?? "");
    if (found === undefined) continue;
    const matched = matchedWords(found.words.join(" "), retrieval.terms);
    if (found.named && matched.length > 0) return retrieval;
    if (found.named || !describes(matched, ownWords, person)) continue;
    // Past the best, not a description the question cites ("ما الصفة المشتركة … بحسب المسؤولة؟"), nor, asking who,
    // one it does not ask of.
    const noun = matched[0]?.word ?? "";
    if (rank > 0 && (citesAsSource(question, noun) || (who && !asksWhoOf(question, noun, matched.map((m) => m.word))))) continue;
    // Nor, at any rank, one the question makes another's object ("the title of the official she saw there").
    if (isObjectOfClause(question, noun)) continue;
    described = { speaker: found, sentence };
    break;
  }
  if (!described) return retrieval;
  // In the briefing of the sentence describing the speaker, which need not be the best's (found by a review).
  const description = retriever.ownTerms(described.speaker.words.join(" "));
  const { source } = described.sentence.passage;
  const introduced = retriever.sentences.findIndex((s, i) => {
    if (s.passage.source !== source || s.passage.kind !== "paragraph") return false;
    const named = speakerIn(retriever.sentenceText(i) ?? "");
    return named?.named === true && matchedWords(named.words.join(" "), description).length > 0;
  });
  const named = introduced >= 0 ? [introduced] : speakerSentences(retriever, described.sentence.position).named;
  return named.length === 0 ? retrieval : { ...retrieval, ranked: rankedFirst(retriever, retrieval, named) };
}

/**
 * Whether a speaker's description is the person a question asks of (see withSpeakerNamed): its noun, not only its
 * adjective, matched ("Who's the US PermRep …?" asks of another American), and not as another's owner ("Who is
 * the American diplomat's colleague …?"); the noun `person` where the question asks a name. A follow-up with no
 * word of its own asks of any description, unless it asks a person's name. `matched`: the question words the
 * description matched, in its order (matchedWords).
 */
function describes(matched: readonly { start: number; word: string }[], ownWords: boolean, person: string | undefined): boolean {
  if (!ownWords) return person === undefined;
  const [noun] = matched;
  return noun?.start === 0 && !/['’]s$/u.test(noun.word) && (person === undefined || noun.word === person);
}

/**
 * `retrieval` for a request to go on ("tell me more"): the best sentence none of the conversation's answers quoted
 * that holds a word of the topic asked about, or stands next to a passage the last answer quoted, first (the
 * answered question's words, not its speaker's: after "What did Sison say about Mali?", a sentence naming Mali, not
 * the lead on Western Sahara, which names Sison), then the rest in their order (the
 * earlier quotes among them, for what the follow-up may ask of them); never the page's parts. Exhausted where no
 * such sentence is left.
 */
function goneOn(retriever: Retriever, retrieval: Retrieval, turns: readonly ConversationTurn[]): Retrieval {
  const best = retrieval.ranked[0];
  if (!best) return retrieval;
  const quoted = new Set(turns.flatMap((turn) => turn.citations.flatMap((c) => retriever.sentencesAt(c.source, c.start, c.end))));
  const topic = chainOf(retriever, turns)
    .flatMap((question) => retriever.terms(question))
    .filter((t) => !t.synthetic && !t.speaker && t.standsFor === undefined);
  // A passage next to one the last answer quoted goes on with it, whether or not it names the topic again ("وأشارت
  // المتحدثة …" after the paragraph on Western Sahara).
  const last = turns.at(-1)?.citations ?? [];
  // Of the same briefing: the passage after a briefing's last is the next briefing's headline.
  const near = new Set(
    last.flatMap((c) => {
      const at = retriever.passageAt(c.source, c.start);
      return at === undefined ? [] : [at - 1, at, at + 1].map((p) => `${c.source}#${p}`);
    }),
  );
  // Not the page's parts: its dateline, its publishing time, a post's reply counter, its keyword list.
  const onTopic = (position: number): boolean => {
    const sentence = retriever.sentences[position];
    const text = retriever.sentenceText(position) ?? "";
    if (sentence === undefined || pagePartOf(text) !== undefined || opensWithDateline(text)) return false;
    return topic.length === 0 || near.has(`${sentence.passage.source}#${sentence.passageIndex}`) || matchedWords(text, topic).length > 0;
  };
  const next = retrieval.ranked.find((r) => !quoted.has(r.sentence.position) && onTopic(r.sentence.position));
  if (next === undefined) return { ...retrieval, exhausted: true };
  return { ...retrieval, ranked: [next, ...retrieval.ranked.filter((r) => r !== next)] };
}
