/**
 * Everything the bots say in their own words, in both languages. The core returns codes; this picks words.
 */
import { englishPlace, type DeclineReason, type Language, type PassageKind, type Place } from "../rag/index.js";

export interface Messages {
  readonly intro: string;
  /** Heading of the verified quotes under a composed answer. */
  readonly quotes: string;
  readonly sources: string;
  /** Opens the line naming which question words matched a quote in the other language. */
  readonly matched: string;
  /**
   * Points from a question word to the quote's word it matched. The line runs right to left in Arabic, where an
   * arrow is not mirrored: "←" points from the Arabic word on the right to the English one on its left.
   */
  readonly matchedArrow: string;
  /** Between the items of a list in running text: the Arabic comma in Arabic. */
  readonly listSeparator: string;
  readonly declined: string;
  /** A request to go on ("tell me more") after everything the briefing says on the topic was quoted. */
  readonly nothingMore: string;
  /** How to ask; see {@link withExample} for the example question after it. */
  readonly usage: string;
  readonly help: string;
  /** Reply to a greeting said alone. */
  readonly greeting: string;
  /** The example question after the usage or the greeting. */
  readonly forExample: (question: string) => string;
  /**
   * How to ask where the bot hears only some messages, by platform (see {@link withHowToAsk}): a Discord server sends
   * it only the messages that mention it, and a Telegram group (privacy mode on) only commands, mentions and replies.
   */
  readonly howToAskIn: Readonly<Record<ChatPlatform, string>>;
  /** Reply to thanks said alone. */
  readonly welcome: string;
  readonly tooLong: (limit: number) => string;
  readonly notText: string;
  readonly rateLimited: (seconds: number) => string;
  /** The rate-limit notice for a button press that counts as a question ("Show paragraph" on Telegram), as a toast. */
  readonly rateLimitedPress: (seconds: number) => string;
  readonly failed: string;
  /** A button press whose passage the chat refuses: the bot may not post there (removed, or not allowed to send). */
  readonly cannotPostHere: string;
  /** The briefings changed since they were read: nothing is quoted until they are read again. */
  readonly stale: string;
  readonly notAllowed: string;
  /** Label of the button that opens the passage behind quote [n], named by its kind (paragraph, tweet, headline). */
  readonly showPassage: (n: number, kind: PassageKind) => string;
  /** Heading over an opened passage, `whole` or cut to fit a message: where it comes from (`place`, worded by {@link sourceOf}). */
  readonly passageFrom: (n: number, place: string, whole: boolean) => string;
  /** Where a quote stands in its briefing: "paragraph 7", "tweet by @State_IO, 23 Jan 2023", "headline". */
  readonly place: (place: Place) => string;
  /** The passage behind a quote is no longer in the briefings (they changed since the answer). */
  readonly passageGone: string;
  readonly thanksUp: string;
  readonly thanksDown: string;
  /** A second vote on the same answer. */
  readonly alreadyVoted: string;
  /** A vote that could not be recorded (it may be given again). */
  readonly voteFailed: string;
  /** A vote under an older answer after feedback was switched off. */
  readonly votingOff: string;
  /** Answer buttons pressed faster than the press limit allows (see createPressLimiter); the press did nothing. */
  readonly pressingTooFast: (seconds: number) => string;
  /** A button whose answer is too old (its payload expired) or that this bot never made. */
  readonly buttonExpired: string;
  /** The descriptions of the Telegram commands in the client's menu (setMyCommands), 3-256 characters each. */
  readonly commands: { readonly ask: string; readonly help: string; readonly about: string };
  /** /about's lines: the briefings, the index's size, when it was built, the embedder. */
  readonly about: {
    readonly briefings: (count: number) => string;
    readonly passages: (passages: number, sentences: number) => string;
    readonly built: string;
    readonly embedder: string;
  };
}

const en: Messages = {
  intro: "From the briefing:",
  quotes: "In the briefing's words:",
  sources: "Sources:",
  matched: "matched:",
  matchedArrow: "→",
  listSeparator: ", ",
  declined: "I couldn't find anything in the briefing that answers that, so I won't guess. Try asking about something it covers.",
  nothingMore: "That's all the briefing says about it: I've quoted everything it has on that. Ask about something else it covers.",
  usage: "Ask me a question about the briefing.",
  help:
    "I answer questions about the news briefing with exact quotes from it, each numbered and cited. " +
    "Ask in English or Arabic. If the briefing doesn't say, I tell you so instead of guessing.",
  greeting: "Hello! Ask me a question about the briefing.",
  forExample: (question) => `For example: ${question}`,
  howToAskIn: {
    discord: "In a server, mention me or use /ask.",
    telegram: "In a group, use /ask, mention me or reply to one of my messages.",
  },
  welcome: "You're welcome! Ask me anything else about the briefing.",
  tooLong: (limit) => `That question is too long. Please keep it to ${limit} characters or fewer.`,
  notText: "I can only read questions written as text.",
  rateLimited: (seconds) => `You're asking faster than I can keep up. Please wait ${seconds} ${seconds === 1 ? "second" : "seconds"} and ask again.`,
  rateLimitedPress: (seconds) => `You're asking faster than I can keep up. Please press again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`,
  failed: "Sorry, something went wrong while answering that. Please try again in a moment.",
  cannotPostHere: "I'm not allowed to post in this chat, so I can't show the passage here.",
  stale: "The briefing has changed since I last read it, so I won't quote it until I have read it again. Please try again later; if this keeps happening, tell whoever runs this bot.",
  notAllowed: "This bot isn't enabled here.",
  showPassage: (n, kind) => `Show ${kind} [${n}]`,
  passageFrom: (n, place, whole) => `[${n}] ${whole ? "The whole passage" : "Part of the passage"} (${place}):`,
  // The label the core gives, worded in one place.
  place: englishPlace,
  passageGone: "That passage is no longer in the briefings I know. Please ask the question again.",
  thanksUp: "Thanks! Glad it helped.",
  thanksDown: "Thanks for telling me. The operator will look at this answer.",
  alreadyVoted: "You already rated this answer. Thanks!",
  voteFailed: "Sorry, your rating could not be saved. Please press the button again in a moment.",
  votingOff: "Thanks, but ratings are no longer collected.",
  pressingTooFast: (seconds) => `You're pressing buttons faster than I can keep up. Please wait ${seconds} ${seconds === 1 ? "second" : "seconds"} and press again.`,
  buttonExpired: "This button has expired. Please ask the question again.",
  commands: {
    ask: "Ask a question about the briefing",
    help: "What this bot does",
    about: "Which briefings I know and when they were indexed",
  },
  about: {
    briefings: (count) => `Briefings (${count}):`,
    passages: (passages, sentences) => `Passages: ${passages} (${sentences} sentences)`,
    built: "Index built:",
    embedder: "Embedder:",
  },
};

const ar: Messages = {
  intro: "من نص الخبر:",
  quotes: "بنص الخبر:",
  sources: "المصادر:",
  matched: "تطابق:",
  matchedArrow: "←",
  listSeparator: "، ",
  declined: "لم أجد في نص الخبر ما يجيب عن هذا السؤال، ولن أخمّن. جرّب السؤال عن موضوع يتناوله الخبر.",
  nothingMore: "هذا كل ما يقوله الخبر في الموضوع: اقتبست كل ما فيه عنه. اسأل عن شيء آخر يتناوله الخبر.",
  usage: "اسألني سؤالاً عن الخبر.",
  help:
    "أجيب عن الأسئلة حول الخبر باقتباسات حرفية منه، مرقّمة وموثّقة المصدر. " +
    "اسأل بالعربية أو بالإنجليزية. وإن لم يذكر الخبر الجواب أخبرتك بذلك بدل التخمين.",
  greeting: "أهلاً! اسألني سؤالاً عن الخبر.",
  forExample: (question) => `مثلاً: ${question}`,
  // The left-to-right mark keeps the slash before "ask" in a right-to-left line, where it would show as "ask/".
  howToAskIn: {
    discord: "في الخوادم، أشِر إليّ أو استخدم \u200E/ask.",
    telegram: "في المجموعات، استخدم \u200E/ask أو أشِر إليّ أو ردّ على إحدى رسائلي.",
  },
  welcome: "على الرحب والسعة! اسألني عن أي شيء آخر في الخبر.",
  tooLong: (limit) => `السؤال طويل جداً. من فضلك لا تتجاوز ${counted(limit, LETTER)}.`,
  notText: "لا أستطيع قراءة إلا الأسئلة المكتوبة نصاً.",
  rateLimited: (seconds) => `أسئلتك أسرع مما أستطيع مجاراته. انتظر ${counted(seconds, SECOND)} ثم اسأل مجدداً.`,
  rateLimitedPress: (seconds) => `طلباتك أسرع مما أستطيع مجاراته. اضغط مجدداً بعد ${counted(seconds, SECOND)}.`,
  failed: "عذراً، حدث خطأ أثناء الإجابة. حاول مجدداً بعد قليل.",
  cannotPostHere: "لا يُسمح لي بالنشر في هذه المحادثة، فلا أستطيع عرض المقطع هنا.",
  stale: "تغيّر نص الخبر منذ آخر مرة قرأته فيها، فلن أقتبس منه حتى أقرأه من جديد. حاول مجدداً لاحقاً، وإن تكرر ذلك فأبلغ مشغّل البوت.",
  notAllowed: "هذا البوت غير مفعّل هنا.",
  showPassage: (n, kind) => `اعرض ${KIND_AR[kind]} [${n}]`,
  passageFrom: (n, place, whole) => `[${n}] ${whole ? "المقطع كاملاً" : "جزء من المقطع"} (${place}):`,
  // A handle is written left to right: the mark keeps its @ before it in a right-to-left line.
  place: ({ kind, paragraph, author, date }) => {
    switch (kind) {
      case "paragraph":
        return paragraph === undefined ? "فقرة" : `الفقرة ${paragraph}`;
      case "headline":
      case "keywords":
        return KIND_AR[kind];
      case "tweet":
        return ["تغريدة", author ? ` \u200E@${author}` : "", date ? `، ${arabicDate(date)}` : ""].join("");
    }
  },
  passageGone: "لم يعد هذا المقطع في نصوص الأخبار التي أعرفها. من فضلك اطرح السؤال مجدداً.",
  thanksUp: "شكراً! يسعدني أن الجواب أفادك.",
  thanksDown: "شكراً لإخبارنا. سيراجع المشرف هذا الجواب.",
  alreadyVoted: "لقد قيّمت هذا الجواب من قبل. شكراً!",
  voteFailed: "عذراً، تعذّر حفظ تقييمك. اضغط الزر مجدداً بعد قليل.",
  votingOff: "شكراً، لكن التقييمات لم تعد تُجمع.",
  pressingTooFast: (seconds) => `ضغطاتك على الأزرار أسرع مما أستطيع مجاراته. انتظر ${counted(seconds, SECOND)} ثم اضغط مجدداً.`,
  buttonExpired: "انتهت صلاحية هذا الزر. من فضلك اطرح السؤال مجدداً.",
  commands: {
    ask: "اطرح سؤالاً عن الخبر",
    help: "ما يفعله هذا البوت",
    about: "الأخبار التي أعرفها ومتى فُهرست",
  },
  about: {
    briefings: (count) => `نصوص الأخبار (${count}):`,
    passages: (passages, sentences) => `المقاطع: ${passages}، الجمل: ${sentences}`,
    built: "تاريخ بناء الفهرس:",
    embedder: "نموذج التضمين:",
  },
};

/**
 * The forms an Arabic noun takes after a number, named as in Unicode's plural rules for Arabic (CLDR, what
 * `Intl.PluralRules("ar")` gives): after 1, after 2, after 3 to 10, after 11 to 99, and after the rest.
 */
interface CountedNoun {
  readonly one: string;
  readonly two: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}

/** حرف, for the too-long notice ("لا تتجاوز 500 حرف"); the dual as the object of the verb has it (حرفين). */
const LETTER: CountedNoun = { one: "حرف واحد", two: "حرفين", few: "أحرف", many: "حرفاً", other: "حرف" };

/** ثانية, for the rate-limit notices ("انتظر 30 ثانيةً"); the dual as the object of the verb has it (ثانيتين). */
const SECOND: CountedNoun = { one: "ثانية واحدة", two: "ثانيتين", few: "ثوانٍ", many: "ثانيةً", other: "ثانية" };

/**
 * `n` of `noun`: one and two are said by the noun alone (ثانية واحدة, ثانيتين: "1 ثانية واحدة" says it twice);
 * otherwise the number, then the plural after 3 to 10, the singular accusative after 11 to 99, and the singular
 * after hundreds and thousands (500 حرف) and their like, by the number's last two digits; the dual only for 2
 * itself, as CLDR has it (102 ثانية, 103 ثوانٍ, 111 ثانيةً).
 */
function counted(n: number, noun: CountedNoun): string {
  const tail = n % 100;
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  if (tail >= 3 && tail <= 10) return `${n} ${noun.few}`;
  if (tail >= 11) return `${n} ${noun.many}`;
  return `${n} ${noun.other}`;
}

/** The kinds of passage as an Arabic button names them. */
const KIND_AR: Readonly<Record<PassageKind, string>> = { paragraph: "الفقرة", tweet: "التغريدة", headline: "العنوان", keywords: "الكلمات المفتاحية" };

/** The months as the briefings' Arabic writes them (Egypt's and the Gulf's names, which most Arab readers know). */
const ARABIC_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"] as const;

/** A tweet's ISO date ("2023-01-23", or "2023-01" without a day) in Arabic: "23 يناير 2023", Western digits as the briefings' mostly are. */
function arabicDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number | undefined];
  return [day, ARABIC_MONTHS[month - 1], year].filter((part) => part !== undefined).join(" ");
}

/** Where a citation comes from, in `language`: "seeds/a.txt, paragraph 7", "seeds/a.txt، الفقرة 7". */
export function sourceOf({ source, place }: { readonly source: string; readonly place: Place }, language: Language): string {
  const m = messages(language);
  return `${source}${m.listSeparator}${m.place(place)}`;
}

/**
 * What opens a line of the sources in `language`: a right-to-left mark in Arabic. The line starts with a file path
 * in Latin letters, so a client that sets a line by its first strong letter set it left to right, flush left under
 * an Arabic heading, with a tweet's date out of order ("@State_IO، 23 2023 يناير").
 */
export const sourceLineStart = (language: Language): string => (language === "ar" ? "\u200F" : "");

/** Citation `n`'s line under "Sources:" in `language`, as the plain and Telegram renderers show it. */
export const sourceLine = (citation: { readonly n: number; readonly source: string; readonly place: Place }, language: Language): string =>
  `${sourceLineStart(language)}[${citation.n}] ${sourceOf(citation, language)}`;

/** The whole seconds a notice tells the reader to wait for `ms`: at least one, so "0 seconds" is never said. */
export const waitSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** A chat platform with places where the bot hears only the messages addressed to it (groups, servers). */
export type ChatPlatform = "discord" | "telegram";

/**
 * `text` (the help or the greeting), then on a line of its own how to ask in a group or server of `platform`; as
 * it is without a platform (the console). Not after the usage for an empty question: its asker has just
 * addressed the bot there.
 */
export function withHowToAsk(text: string, language: Language, platform: ChatPlatform | undefined): string {
  return platform === undefined ? text : `${text}\n${messages(language).howToAskIn[platform]}`;
}

/** `text` (the usage or the greeting), then the example question when there is one the briefings answer. */
export function withExample(text: string, language: Language, example: string | undefined): string {
  return example === undefined ? text : `${text} ${messages(language).forExample(example)}`;
}

/** The bot's own words in `language`. */
export function messages(language: Language): Messages {
  return language === "ar" ? ar : en;
}

/** What a declined answer says: the briefing does not answer, or it has nothing more on the topic. */
export const declinedText = (m: Messages, reason: DeclineReason): string => (reason === "nothing-more" ? m.nothingMore : m.declined);
