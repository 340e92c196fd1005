/**
 * The parts of a scraped news page that a question may ask about, beside its text, and the questions that do:
 * - a report's dateline, which names the outlet that ran it ("الجزائر- “القدس العربي”:", "ALGIERS (Reuters) -"),
 *   asked for by "Which newspaper ran this report?", "أي صحيفة نشرت هذا التقرير؟". "newspaper" and صحيفة are function
 *   words elsewhere ("How did the newspaper describe her visit?"): only a question asking which one looks for it;
 * - an embedded post's reply counter ("٣٨٩ رد ⚬ نسخ الرابط"), kept with its post by ingest, asked for by "How many
 *   replies did her tweet get?", "كم عدد الردود على تغريدتها؟";
 * - how long ago the report went up, under its headline ("منذ 18 ساعة"), kept with the headline by ingest, asked for
 *   by "When was this published?", "قبل كم ساعة نشر المقال؟".
 * Ingest keeps a counter and a publishing time as sentences of their own; the index keys each by what it is alone,
 * and quotes take one in only where the question asks for it (see answer.ts).
 */
import { ARABIC_DEMONSTRATIVES, withoutDemonstrative } from "./dialect.js";
import { holdsWord, normalizedSet } from "./normalize.js";
import type { QuestionType } from "./question-type.js";
import { isStopword } from "./stopwords.js";
import type { Token } from "./tokenize.js";

/**
 * At the start of a sentence, a place (a few words, and a date after a comma: "WASHINGTON, Jan 23"), then either a
 * dash and the outlet in quotation marks, closed by a colon, a dash or the sentence's end ("الجزائر- “القدس
 * العربي”:"; not "وقال الوزير - “لن نقبل ذلك”."), or the outlet in brackets, of at most three words none in lower
 * case, and a dash or a colon ("ALGIERS (Reuters) -", "بيروت (أ ف ب) -"; not "John Smith (left) -").
 */
const DATELINE =
  /^\s*\p{L}[\p{L}\p{M}.' ]{0,40}?(?:,[\p{L}\p{N} ]{1,20})?(?:\s*[-–—]\s*[“"«„]\s*\p{L}[^”"»“\n]{0,40}[”"»“]\s*(?:[:：\-–—]|$)|\s*\((?!\s*\p{Ll})[^()\d\n\s]+(?: (?!\p{Ll})[^()\d\n\s]+){0,2}\)\s*[-–—:])/u;

/** How much of a sentence a dateline may take: place, date and outlet. */
const MAX_DATELINE_CHARS = 160;

/** Whether `sentence` opens with a dateline naming its outlet. */
export const opensWithDateline = (sentence: string): boolean => DATELINE.test(sentence.slice(0, MAX_DATELINE_CHARS));

/**
 * Words for a news outlet, in both languages (normal forms; a written ال or clitic is read off by normalisation), and
 * for the dateline that names it ("what's the dateline?").
 */
const OUTLET_WORDS = normalizedSet("newspaper newspapers paper papers outlet publication publisher website dateline datelined صحيفة الصحيفة جريدة الجريدة جورنال الجورنال");
/** The dateline's words, the page's however asked of ("What city is the report's dateline?", "where is it datelined?"). */
const DATELINE_WORDS = normalizedSet("dateline datelined");
/** Outlet words with other senses ("What paper did the ministry submit?"): outlets only beside a word on the report. */
const LOOSE_OUTLET_WORDS = normalizedSet("paper papers website");

/**
 * The words that ask which one, right before the outlet word ("which newspaper", "what outlet", "أي صحيفة", "ما
 * اسم الجريدة", "ما الصحيفة التي …", "شو الجريدة اللي …", the dialects' "مين الجريدة اللي …", "the name of the newspaper"): not "what did the
 * newspaper say", "ما موقف الصحيفة".
 */
const WHICH = normalizedSet("which wich whic what whats name اي لاي باي انهي اسم ما شو ايش وش واش شنو اشنو شن مين ومين منو شكون");

/**
 * Words that may stand between the asking word and the outlet word: "the name of the newspaper", "what news
 * outlet", "ما هي الصحيفة".
 */
const BETWEEN = normalizedSet("the of a news هي");

/**
 * Words for a report's source, which ask the outlet beside a word for the report, in a question saying nothing else
 * ("مصدر الخبر؟", "Who is the source of this news?", "What is the news source?", "الخبر هذا مصدره ايش؟"; blind set
 * 63): not alone ("ما مصدر الطاقة؟", the source of the energy), nor of a report the report tells of ("ما مصدر
 * التقرير حول أوضاع السجون؟"), nor its sources, the people it quotes ("What sources does the article quote?", "What
 * source does it cite?"; three reviews).
 */
const SOURCE_NOUNS = normalizedSet("source مصدر مصدره مصدرها");
/** Verbs of quoting, which make a source asked the report's informant, not its outlet (function words otherwise). */
const QUOTING = normalizedSet("quote quotes quoted cite cites cited");

/** The source word of a question asking only the report's source (see SOURCE_NOUNS), or undefined. */
function askedSource(tokens: readonly Token[]): Token | undefined {
  const source = tokens.find((t) => holdsWord(SOURCE_NOUNS, t.text));
  const report = tokens.find((t) => isArticleWord(t.text));
  if (!source || !report) return undefined;
  return tokens.every((t) => t === source || t === report || (isStopword(t.text) && !QUOTING.has(t.text))) ? source : undefined;
}

/** Verbs of publishing that "who" asks the outlet with, of the report ("Who published this article?", "مين نشر الخبر؟"). */
const PUBLISHED_BY = normalizedSet("published publishes نشر نشرت ينشر");
/** Who, in either language, opening the question; من too, which asks there ("من نشر هذا التقرير؟"). */
const WHO = normalizedSet("who whos مين من منو شكون");
/** Words a follow-up opens with before its question word: "and", "so", "but", "then". */
const JOINING = normalizedSet("and so but then");
/** What may stand between the verb and the report's noun ("published this article", "نشر هذا التقرير"). */
const POINTING: ReadonlySet<string> = new Set([...normalizedSet("the this that"), ...ARABIC_DEMONSTRATIVES]);

/**
 * The outlet word of a question that asks which outlet ran the report, or undefined; or its verb, where the question
 * opens asking who published the report, its object ("Who published this article?"; not "Who runs MINUSMA according
 * to the report?", "مين نشر التغريدات اللي في المقال؟" or "ما الهدف من نشر هذا التقرير؟": a review); or the place
 * noun of a question asking which city it was filed from (askedFiledFrom), which the dateline answers too. Not who
 * wrote it: a byline names a person.
 */
export function askedOutlet(asked: readonly Token[]): Token | undefined {
  // After a joining word ("And who published this article?").
  const tokens = JOINING.has(asked[0]?.text ?? "") ? asked.slice(1) : asked;
  const [first, verb] = tokens;
  const object = POINTING.has(tokens[2]?.text ?? "") ? tokens[3] : tokens[2];
  const publisher = first && verb && holdsWord(WHO, first.text) && PUBLISHED_BY.has(verb.text) && object && isArticleWord(object.text) ? verb : undefined;
  const outletWord = tokens.find((token, i) => {
    if (!OUTLET_WORDS.has(token.text)) return false;
    if (DATELINE_WORDS.has(token.text)) return true;
    if (LOOSE_OUTLET_WORDS.has(token.text) && !tokens.some((t) => isReportWord(t.text))) return false;
    let before = i - 1;
    while (before >= 0 && BETWEEN.has(tokens[before]?.text ?? "")) before -= 1;
    // Or the dialects' which after it, closing the question: "اتنشر في جريدة إيه؟" (not "الجريدة شو قالت؟").
    // With و or ف joined ("ولأي جريدة؟", and for which paper).
    return holdsWord(WHICH, tokens[before]?.text ?? "") || (i + 2 === tokens.length && WHICH_AFTER.has(tokens[i + 1]?.text ?? ""));
  });
  return publisher ?? askedSource(tokens) ?? outletWord ?? askedFiledFrom(tokens);
}

/** The place nouns a question asks the dateline's place with ("من أي مدينة", "from which city"). */
const FILED_FROM = normalizedSet("city town place مدينة مدينه بلد مكان");
/** Verbs of filing a report, its writing or its sending ("filed", "sent", كُتب, أُرسل, انكتب, the Maghreb's تكتب). */
const FILING = normalizedSet("written wrote filed sent send datelined كتب كتبت انكتب انكتبت تكتب ارسل ارسلت اترسل");
/** How near the filing verb and the report's word stand ("كُتب تقرير", "this report filed"). */
const FILING_WINDOW = 3;
/** "From" before which: the place a report was filed from, not one it tells of ("في أي مدينة", "in which city"). */
const FROM = normalizedSet("from من");

/**
 * The place noun of a question asking which city the report was filed from ("من أي مدينة كُتب تقرير القدس العربي
 * هذا؟", blind set 87; "From which city was this report filed?"), which the dateline answers as it answers the
 * outlet: from, which and a place noun, and a verb of filing beside the report's word. Not a place the report tells
 * of ("Which city was the accord written in, according to the report?", "In the article I sent you, which city is
 * she based in?", "في أي مدينة تعمل … حسب ما كتب التقرير؟": a review).
 */
function askedFiledFrom(tokens: readonly Token[]): Token | undefined {
  const filed = tokens.some((t, i) => holdsWord(FILING, t.text) && tokens.slice(Math.max(0, i - FILING_WINDOW), i + FILING_WINDOW + 1).some((r) => isArticleWord(r.text)));
  const fromWhich = (i: number): boolean => holdsWord(WHICH, tokens[i - 1]?.text ?? "") && FROM.has(tokens[i - 2]?.text ?? "");
  return filed ? tokens.find((t, i) => FILED_FROM.has(t.text) && fromWhich(i)) : undefined;
}

/** The dialects' which after the noun it asks of ("جريدة إيه", "صحيفة شو"), at the question's end. */
const WHICH_AFTER = normalizedSet("ايه اي ايش شو");

/**
 * What else a question asking for the outlet says of the report itself, which the dateline answers or which
 * is no word of it: "ran this report", "published the story", "ما اسم الجريدة التي نشرت الخبر؟" (نشرت also asks
 * for a tweet's account), "أي جريدة نقلت الخبر؟" and "في أي صحيفة تم نقل الخبر؟" (carried it, blind set 100; نقل is
 * also the noun "transfer", as نشر is "deployment": a review kept both), "من أين كُتب ولأي صحيفة؟" (where it was
 * written, blind set 84), "from which city" (the dateline's place), and the dialects' participles ("أي جريدة
 * ناشرته؟ ومن وين مرسلينه؟", which paper has published it, and from where have they sent it).
 */
const REPORT_WORDS = normalizedSet(`ran run runs published publish publishes carried carries printed filed sent written wrote report story piece name
city place نشرت نشر تنشر نشرته نشرها نقلت نقل تنقل نقلته نقلها أوردت أورد اتنشر اتنشرت انكتب انكتبت تكتب كتب كتبت أرسل أرسلت الإرسال إرسال التقرير تقرير الخبر خبر المقال مقال القصة اسم مدينة مكان
ناشرته ناشرينه ناشراه مرسلينه مرسلينو باعتينه بعثوه بعتوه طالع طالعة`);

/** A word of a question as a word list reads it: the Levantine هالـ (this) as the article ("هالخبر", this report: الخبر). */
const asListed = (word: string): string => withoutDemonstrative(word) ?? word;
/** Whether a word of a question is one of `words`, as written, as listed, or with و or ف read off ("واتنشر"). */
const among = (words: ReadonlySet<string>, word: string): boolean => holdsWord(words, word) || words.has(asListed(word));
const isReportWord = (word: string): boolean => among(REPORT_WORDS, word);
export const isArticleWord = (word: string): boolean => among(ARTICLE_WORDS, word);
/** Words for who writes a report, which a question on this report's writer names its writer with. */
const WRITER_WORDS = normalizedSet("journalist reporter correspondent writer author صحفي الصحفي صحافي الصحافي مراسل المراسل كاتب الكاتب");
/** Writing a report ("who wrote this report", "من كتب هذا التقرير", "اللي كتبه"). */
const WRITING_WORDS = normalizedSet("wrote written write writes penned كتب كتبه كتبها كتبت");
/** Writing with its object written onto it ("اللي كتبه", who wrote it). */
const WRITING_IT = normalizedSet("كتبه كتبها");
/** "This" before the report's word, or the Egyptian one after it ("this article", "هذا التقرير", "الخبر ده"). */
const THIS_REPORT = normalizedSet("this هذا هذه هاد هادا هاذا هذي ده دي");
/** Relative words between a writer and the writing ("the journalist who wrote", "الصحفي اللي كتبه"). */
const RELATIVES = normalizedSet("who that whom الذي التي اللي الي إللي يلي");
/** Words joining two writers' words ("الصحفي أو المراسل"). */
const OR_WORDS = normalizedSet("or and أو او و");

/**
 * Whether the words of a question at `i` and after are a question on this report's writer: its writer's word, and
 * the writing of this report after a relative ("the journalist who wrote this report", "الصحفي اللي كتبه"), or this
 * report right after it ("كاتب هذا التقرير", "the author of this report"); or this report itself in such a question.
 * A byline would answer, not the text's words: "journalist" and "report" found the tweet of a Reporters Without
 * Borders correspondent the report quotes (blind sets 17, 67, 70). Read off, they leave the question asking only who
 * wrote the report, which a report without a byline does not say. Not a journalist the report tells of ("the
 * correspondent Sison wrote about in this report", "the journalist who wrote about corruption, according to this
 * article": a review), nor the writer of anything else ("من كاتب القصة؟").
 */
export function isPageWriter(tokens: readonly Token[], i: number): boolean {
  const text = (j: number): string => tokens[j]?.text ?? "";
  const isThisReport = (j: number): boolean => isArticleWord(text(j)) && (THIS_REPORT.has(text(j - 1)) || THIS_REPORT.has(text(j + 1)));
  // This report at `j` ("this report", "of this report", "التقرير ده").
  const thisReportAt = (j: number): boolean => {
    const k = text(j) === "of" ? j + 1 : j;
    return THIS_REPORT.has(text(k)) ? isThisReport(k + 1) : isThisReport(k);
  };
  // Writing whose object is this report: it follows, or the verb's pronoun stands for it with nothing after.
  const writesIt = (j: number): boolean =>
    WRITING_WORDS.has(text(j)) && (thisReportAt(j + 1) || (WRITING_IT.has(text(j)) && tokens.slice(j + 1).every((t) => isStopword(t.text))));
  // The writers' words from `j` on, joined by "or" ("الصحفي أو المراسل"), then this report or a relative and its writing.
  const namesWriter = (j: number): boolean => {
    if (!WRITER_WORDS.has(text(j))) return false;
    let k = j;
    while (WRITER_WORDS.has(text(k)) || OR_WORDS.has(text(k))) k += 1;
    return thisReportAt(k) || (RELATIVES.has(text(k)) && writesIt(k + 1));
  };
  return namesWriter(i) || (isThisReport(i) && tokens.some((_, j) => namesWriter(j)));
}

/** Whether a question names the report itself ("the article", "هالخبر"). */
export const namesTheReport = (tokens: readonly Token[]): boolean => tokens.some((t) => isArticleWord(t.text));

/**
 * Whether `token`, in a question asking for the outlet, is looked for in the dateline alone: the outlet word
 * itself, or a word on the report (see REPORT_WORDS).
 */
export const asksOfTheDateline = (token: Token): boolean =>
  OUTLET_WORDS.has(token.text) || holdsWord(SOURCE_NOUNS, token.text) || isReportWord(token.text) || DATELINE_VERBS.has(token.text);

/**
 * Verbs a question asking for the outlet may say the dateline with ("credited to", "appears on the dateline"), and
 * "sent" misspelt ("from wich city it was send?", blind set 65): read off there, but no word on the report that makes
 * "paper" an outlet ("Which paper appears to back …?", "What paper did Algeria send to Geneva?", found by reviews).
 */
const DATELINE_VERBS = normalizedSet("credited attributed appears appear byline send");

/**
 * A post's reply counter, a line of its own as the page writes it: the count and its word, and at most the page's
 * "copy link" after a mark ("٣٨٩ رد ⚬ نسخ الرابط", "١٩٦ رد [نسخ الرابط](#)", "389 replies"). Not a sentence that
 * goes on ("3 ردود فعل دولية صدرت أمس", "12 replies were received to the consultation"). A link's target may be
 * blanked, as indexedText leaves it ("[نسخ الرابط]( )").
 */
const REPLY_COUNTER = /^[\d٠-٩۰-۹]+ (?:ردود|ردًا|ردا|رد|replies|reply)(?: {1,3}[^\p{L}\p{N}\s]{0,3} {0,3}\[?(?:نسخ الرابط|copy link)\]?(?:\([^)\n]{0,200}\))?)?$/iu;

/** The longest reply counter line read: a longer one is text (and no pattern is tried on a page-long line). */
const MAX_COUNTER_CHARS = 80;

/** Whether `line` (a line or a sentence) is a post's reply counter (see REPLY_COUNTER). */
export function isReplyCounter(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_COUNTER_CHARS && REPLY_COUNTER.test(text);
}

/** Words for a post's replies (normal forms): with a count asked for, they look for its reply counter. */
const REPLY_WORDS = normalizedSet("reply replies replys replied réponse réponses رد ردود الردود ردا");

/** Whether `token` names a post's replies (see REPLY_WORDS). */
export const namesReplies = (token: Token): boolean => REPLY_WORDS.has(token.text);

/** Units of a page's "… ago", the dual (ساعتين) standing alone. */
const AGO_UNITS = "دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|ايام|يومين|أسبوع|اسبوع|أسابيع|اسابيع|أسبوعين|اسبوعين|شهر|أشهر|اشهر|شهرين";

/**
 * How long ago the page says the report went up, a line of its own: "منذ 18 ساعة", "منذ ساعتين", "قبل 3 أيام",
 * "3 hours ago". Not "منذ 60 عاما" or "منذ 1948", a headline's or an article's.
 */
const PUBLISHED_AGO = new RegExp(`^(?:(?:منذ|قبل) (?:[\\d٠-٩۰-۹]+ )?(?:${AGO_UNITS})|(?:an|a|[\\d٠-٩۰-۹]+) (?:minutes?|hours?|days?|weeks?|months?) ago)$`, "iu");

/** The longest such line read. */
const MAX_PUBLISHED_CHARS = 40;

/** Whether `line` (a line or a sentence) tells how long ago the report went up (see PUBLISHED_AGO). */
export function isPublishedAgo(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_PUBLISHED_CHARS && PUBLISHED_AGO.test(text);
}

/** A keyword list's heading line, as a page writes it: "كلمات مفتاحية", "Tags:", "Keywords". */
const KEYWORDS_HEADING = /^(?:ال)?كلمات (?:ال)?مفتاحية$|^(?:tags|keywords):?$/iu;

/** Whether `line` heads a keyword list (see KEYWORDS_HEADING). */
export const isKeywordsHeading = (line: string): boolean => KEYWORDS_HEADING.test(line.trim());

/** The page's parts that ingest keeps as sentences of their own. */
export type PagePart = "replies" | "published" | "keywords";

/**
 * Which of the page's parts kept as a sentence `line` is (a post's reply counter, the publishing time, the keyword
 * list under its heading), if any.
 */
export function pagePartOf(line: string): PagePart | undefined {
  if (isReplyCounter(line)) return "replies";
  if (isPublishedAgo(line)) return "published";
  // Any line end a briefing may use (ingest reads CR, NEL and the Unicode separators as line ends too).
  const [heading = ""] = line.trimStart().split(/\r\n?|[\n\u0085\u2028\u2029]/u, 1);
  return isKeywordsHeading(heading) ? "keywords" : undefined;
}

/** Words naming a report's keyword list: "keywords", "المفتاحية" (of "الكلمات المفتاحية"), الوسوم (the tags). */
const KEYWORD_WORDS = normalizedSet("keywords keyword مفتاحية المفتاحية الوسوم وسوم");
/**
 * "tags" and "tagged", a keyword list only in a question naming the report ("the article's tags", "what is this
 * article tagged with?"; not a post's tags).
 */
const TAG_WORDS = normalizedSet("tags tagged");
/**
 * What else a question asking for the keyword list may say: their words, where they stand ("under the article",
 * "اللي تحت خالص", at the very bottom), and the verbs of putting a report under them ("filed under", "اللي حاطينها
 * عليه", they put on it; "محطوطة فاخر لمقال", put at the article's end).
 */
const KEYWORD_ASKING = normalizedSet(`key words word كلمات الكلمات under below bottom listed list end very تحت خالص اسفل أسفل آخر اخر نهاية المذكورة الموجودة
filed file put placed تحته تحتها تحتو حاطين حاطينها حاطينه حطوا حطو حطوها حاطة حاطه وضعوا وضعت الموضوعة محطوطة محطوط محطوطين فاخر أدرجت ادرجت المدرجة مدرجة`);

/** Whether `token`, in a question asking for the keyword list, says only that (see askedKeywords). */
const asksOfTheKeywords = (token: Token): boolean =>
  KEYWORD_WORDS.has(token.text) || TAG_WORDS.has(token.text) || holdsWord(KEYWORD_ASKING, token.text) || isArticleWord(token.text) || isStopword(token.text);

/**
 * The word of a question asking for the report's keyword list, or undefined: "What are the article's keywords?",
 * "the key words of this report", "شو الكلمات المفتاحية اللي تحت الخبر؟", and "tags" where the question names the
 * report ("what tags does the article have?"). It says nothing else, as a question on the publishing time does: "What
 * key words did Sison use …?", "ما الرسائل المفتاحية التي وجهتها …؟" and "Which accounts does the article say her tweet
 * tags?" ask of the text (found by a review).
 */
export function askedKeywords(tokens: readonly Token[]): Token | undefined {
  if (!tokens.every(asksOfTheKeywords)) return undefined;
  return tokens.find(
    (t, i) => KEYWORD_WORDS.has(t.text) || (t.text === "key" && tokens[i + 1]?.text === "words") || (TAG_WORDS.has(t.text) && namesTheReport(tokens)),
  );
}

/** Words for a report's going up, and its writing ("When was this article written?", "امتى انكتب الخبر؟"). */
const PUBLISHING_WORDS = normalizedSet("published publish posted put written نشر نشرت انشر اتنشر اتنشرت منشور النشر تنشر تنزل اتنزل تنزلت انكتب انكتبت اتكتب اتكتبت");

/**
 * What else a question on when the report went up says, no word of the page's line: "how long ago", "صرلو", فاتت
 * (passed).
 */
const AGO_WORDS = normalizedSet("ago before long time قبل صرلو صارله صرله صار من منذ وقت ساعة ساعات مرت مر مضى فات فاتت فاتو داز دازت عدى عدت عدا");
/** Words asking a report's age with no word of its going up: "How old is the article?", "كم عمر الخبر؟". */
const AGE_WORDS = normalizedSet("old age عمر");
/**
 * The words of "how long ago" itself, and "this" or "it": "how long ago was this posted?" asks of the page, where
 * nothing was asked before (after an answer quoting a post, it asks of that post: see conversation.ts).
 */
const AGO_ASKED = normalizedSet("ago صرلو صارله صرله");
const THIS_PAGE = normalizedSet("this it هذا هذه هاد ده");

/**
 * Words for the report itself. A question on when something went up names the report: "When was that posted?"
 * after a question on a tweet asks for the tweet's stamp, and نشرت with a person is her post. The Maghreb writes
 * the article as ل ("لمقال").
 */
const ARTICLE_WORDS = normalizedSet(
  "article report story piece news page المقال مقال التقرير تقرير الخبر خبر القصة الصفحة صفحة للمقال للتقرير للخبر للقصة للصفحة لمقال لخبر",
);

/** Words for a report's headline, and for its title (which is also a person's: "her job title"). */
const HEADLINE_WORDS = normalizedSet("headline headlines subtitle subheadline subhead");
const TITLE_WORDS = normalizedSet("title عنوان العنوان بعنوان بالعنوان");
/**
 * Verbs of giving a report its headline ("the headline the paper chose", "الذي اختارته الصحيفة"), and of what it
 * reads ("شو مكتوب بعنوان المقال؟", what is written in the article's title?): that asking too.
 */
const HEADLINE_CHOSEN = normalizedSet("chose chosen picked اختار اختارت اختارته اختارها اختاروا written reads مكتوب المكتوب");
/** An Arabic title's adjective, between it and the report it names ("العنوان الفرعي للتقرير", the report's subtitle). */
const TITLE_ADJECTIVES = normalizedSet("الفرعي الرئيسي الكامل");
/** What makes "headline" the report's: "the headline", "its headline" (not "made headlines"). */
const THE_HEADLINE = normalizedSet("the its this");
/** Adjectives between those and "headline" ("the exact headline", "its full headline"). */
const HEADLINE_ADJECTIVES = normalizedSet("exact full actual main original complete entire whole");
/**
 * What may stand between a title and the report it names: one English determiner after "of" ("the title of this
 * article"), one Arabic demonstrative in the construct ("عنوان هذا المقال"). Not an English one with no "of": the
 * punctuation is gone, and "What is Lamamra's title, the report says?" asks for his.
 */
const POINTING_EN = normalizedSet("the this that");
const POINTING_AR = ARABIC_DEMONSTRATIVES;
/** The dialects' possessive words, "of" ("العنوان ديال المقال"; Tunisian متاع, Algerian تاع, Egyptian بتاع). */
const OWNER_AR = normalizedSet("ديال متاع تاع بتاع نتاع");

/**
 * The word of a question asking for the report's headline, or undefined: "headline" after "the" or a word for the
 * report ("what's the headline", "the article's headline"); a title or عنوان next to a word for the report ("the
 * article's title", "title of the report", "ما عنوان المقال؟", "عنوان هذا المقال", "العنوان الفرعي للتقرير"; not "What
 * title does the article give Sison?").
 */
export function askedHeadline(tokens: readonly Token[]): Token | undefined {
  const report = (i: number): boolean => isArticleWord(tokens[i]?.text ?? "");
  // Or عنوان with the report's pronoun in a question saying nothing else ("وشنو عنوانه؟" after the outlet: conversations
  // 54); not asked where, an address ("وين عنوانه؟", a review).
  const its = tokens.find((t) => holdsWord(ITS_TITLE, t.text));
  const where = tokens.some((t) => holdsWord(WHERE_WORDS, t.text));
  if (its !== undefined && !where && tokens.every((t) => t === its || isStopword(t.text) || isArticleWord(t.text))) return its;
  return tokens.find((t, i) => {
    // "the article's title": the possessive's s between them.
    let before = tokens[i - 1]?.text === "s" ? i - 2 : i - 1;
    if (HEADLINE_WORDS.has(t.text) && HEADLINE_ADJECTIVES.has(tokens[before]?.text ?? "")) before -= 1;
    const of = tokens[i + 1]?.text === "of";
    // Or the dialects' possessive word ("العنوان ديال هاد المقال", "العنوان متاع المقال هذا").
    const owner = !of && OWNER_AR.has(tokens[i + 1]?.text ?? "");
    const next = of || owner ? i + 2 : i + 1;
    const pointing = (of ? POINTING_EN : POINTING_AR).has(tokens[next]?.text ?? "") || TITLE_ADJECTIVES.has(tokens[next]?.text ?? "");
    const after = pointing ? next + 1 : next;
    if (HEADLINE_WORDS.has(t.text)) return report(before) || THE_HEADLINE.has(tokens[before]?.text ?? "") || report(after);
    // Or the title's adjective right after it, a headline's ("ما العنوان الرئيسي الذي اختارته الصحيفة …؟"). With its
    // ب, the report after it ("بعنوان هالمقال", in this article's title), not before: "المقال بعنوان …" is the
    // article entitled so, which the question only names (a review).
    if (TITLE_WORDS.has(t.text) && t.text.startsWith("ب")) return report(after);
    return TITLE_WORDS.has(t.text) && (report(before) || report(after) || TITLE_ADJECTIVES.has(tokens[i + 1]?.text ?? ""));
  });
}

/** عنوان with the pronoun of the report ("its title"; الصحيفة's too), as a follow-up on the page asks it. */
const ITS_TITLE = normalizedSet("عنوانه عنوانو عنوانها");
/** Where, which asks عنوان as an address. */
const WHERE_WORDS = normalizedSet("where وين فين اين وينه فينه");

/** How many words may name the report between "of" and its noun ("the headline of this Al-Quds Al-Arabi report"). */
const MAX_REPORT_NAME_WORDS = 5;
/** The prepositions between a headline and the report it is on: "the headline of", "on", "in" or "for this … piece". */
const HEADLINE_OF = normalizedSet("of on in for");

/**
 * The words of a question asking for the headline that are that asking (see askedHeadline): the headline's and the
 * report's words ("the article's title"), a title's adjective and a verb choosing it ("العنوان الرئيسي الذي اختارته
 * الصحيفة"), and what names the report between "of" (HEADLINE_OF) and its noun ("the headline of this Al-Quds Al-Arabi
 * report", "… on this Al-Quds Al-Arabi piece": the outlet's name, which found the dateline).
 */
export function asksOfTheHeadline(tokens: readonly Token[]): (token: Token) => boolean {
  const naming = new Set<Token>();
  tokens.forEach((t, i) => {
    if (!HEADLINE_WORDS.has(t.text) && !TITLE_WORDS.has(t.text)) return;
    if (!HEADLINE_OF.has(tokens[i + 1]?.text ?? "")) return;
    const report = tokens.findIndex((r, j) => j > i + 1 && j <= i + 2 + MAX_REPORT_NAME_WORDS && isArticleWord(r.text));
    for (const word of report < 0 ? [] : tokens.slice(i + 2, report)) naming.add(word);
  });
  return (token) =>
    HEADLINE_WORDS.has(token.text) ||
    TITLE_WORDS.has(token.text) ||
    holdsWord(ITS_TITLE, token.text) ||
    TITLE_ADJECTIVES.has(token.text) ||
    HEADLINE_CHOSEN.has(token.text) ||
    isArticleWord(token.text) ||
    naming.has(token);
}

/**
 * What such a question may say of where it reads the time: "as shown on the page", "بحسب ما يظهر في الصفحة", "how
 * long before the page was captured".
 */
const SHOWN_WORDS = normalizedSet("shown shows show appears appear says displays displayed captured saved archived بحسب يظهر تظهر ظاهر مكتوب تعرض يعرض تعرضه يعرضه معروض");

/** Whether `token`, in a question asking when the report went up, says only that (see askedPublished). */
const asksOfThePublishing = (token: Token): boolean =>
  among(PUBLISHING_WORDS, token.text) ||
  AGO_WORDS.has(token.text) ||
  AGE_WORDS.has(token.text) ||
  isArticleWord(token.text) ||
  SHOWN_WORDS.has(token.text) ||
  isStopword(token.text);

/**
 * The publishing word of a question asking when or how long ago this report went up ("When was this article
 * published?", "قبل كم ساعة انشر المقال؟", "قديش صرلو الخبر منشور؟"), or undefined: a time or amount question
 * with a publishing word and a word for the report, and nothing else of its own. "When was the UN report
 * published?", "متى نشرت سيسون تغريدتها … حسب المقال؟" ask about another report or a post. Or the report's word,
 * asked its age ("How old is the article?"); or the publishing word of "how long ago was this posted?", whose "this"
 * is the page (a post's stamp is asked with its word: "how long ago was the tweet posted?" says "tweet").
 */
export function askedPublished(tokens: readonly Token[], type: QuestionType): Token | undefined {
  if (!(type.time || type.quantity) || !tokens.every(asksOfThePublishing)) return undefined;
  const publishing = tokens.find((t) => among(PUBLISHING_WORDS, t.text));
  const report = tokens.find((t) => isArticleWord(t.text));
  if (report !== undefined) return publishing ?? (tokens.some((t) => AGE_WORDS.has(t.text)) ? report : undefined);
  return tokens.some((t) => AGO_ASKED.has(t.text)) && tokens.some((t) => THIS_PAGE.has(t.text)) ? publishing : undefined;
}

/** WHO and whose, asking whose a post is ("Whose tweets are these?", "مين صاحب التغريدات؟"; with و too, see holdsWord). */
const POST_WHO: ReadonlySet<string> = new Set([...WHO, ...normalizedSet("whose")]);
/** Which or what, before the account asked ("Which Twitter account …", "أي حساب …"). */
const POST_WHICH = normalizedSet("which what whats اي ايش شو");
/** Words for a post and posting it, which "who" asks the author of ("Who posted the tweets?", "مين صاحب التغريدات؟"). */
const POST_WORDS = normalizedSet(`tweet tweets tweeted tweeting post posts posted posting account accounts handle twitter
تغريدة تغريدات التغريدة التغريدات تويتة تويتات التويتات غرد غردت مغرد حساب الحساب صاحب صاحبة`);
/** A post's Arabic noun with the article, a pronoun or a plural's ending on it (تغريدتها, her tweet; التويتات). */
const POST_NOUN_AR = /^(?:ال)?(?:تغريد|تويت)/u;

/** Whether a question names a post or posting it ("when was that tweet posted", "وإيمتى نزلت هالتغريدة؟", "تغريدتها"). */
export const namesAPost = (tokens: readonly Token[]): boolean =>
  tokens.some((t) => POST_WORDS.has(t.text) || POST_WORDS.has(withoutDemonstrative(t.text) ?? "") || POST_NOUN_AR.test(t.text));
const ACCOUNT_WORDS = normalizedSet("account accounts handle حساب الحساب");
/** The card's follow button, which says an account asked is the author's ("the account shown next to 'follow'"). */
const FOLLOW_WORDS = normalizedSet("follow متابعة تابع");
/** Posting, after the account asked ("Which account posted these tweets?", "أي حساب نشر التغريدات؟"). */
const POSTED_WORDS = normalizedSet("posted posts tweeted tweets نشر نشرت غرد غردت");
/** How many words on "who" may look for the post's word ("who is tweeting", "Who posted the tweets"). */
const POST_WORD_REACH = 2;

/**
 * Whether a question asks whose the posts are: "who" or "whose" with a word of posting within two words after it
 * ("Whose tweets are these?", "who's tweeting in those embedded posts", "Who posted the English tweets?", "مين صاحب
 * التغريدات؟"), or which account the card's follow button shows or posted them ("Which Twitter account does the card
 * show a follow button for?", "Which account posted these tweets?"). Not "who" asked of someone else a post names
 * ("Who did she meet, according to her tweet?"), nor an account a post tags ("What account did Sison tag?", a
 * review), nor who wrote the report (a byline's).
 */
export function asksPostAuthor(tokens: readonly Token[]): boolean {
  const follow = tokens.some((t) => FOLLOW_WORDS.has(t.text));
  // The words within `reach` after position `at`.
  const within = (at: number, reach: number): readonly Token[] => tokens.slice(at + 1, at + 1 + reach);
  return tokens.some((t, i) => {
    if (holdsWord(POST_WHICH, t.text)) {
      // The account within three words of "which", posting within three words of the account.
      const account = within(i, POST_WORD_REACH + 1).findIndex((w) => ACCOUNT_WORDS.has(w.text));
      return account >= 0 && (follow || within(i + 1 + account, POST_WORD_REACH + 1).some((w) => POSTED_WORDS.has(w.text)));
    }
    return holdsWord(POST_WHO, t.text) && within(i, POST_WORD_REACH).some((w) => POST_WORDS.has(w.text));
  });
}
