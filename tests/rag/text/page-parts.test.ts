import { describe, expect, it } from "vitest";
import { askedHeadline, askedKeywords, askedOutlet, asksOfTheHeadline, askedPublished, asksOfTheDateline, asksPostAuthor, isPageWriter, isPublishedAgo, isReplyCounter, namesReplies, opensWithDateline, pagePartOf } from "../../../src/rag/text/page-parts.js";
import { questionType } from "../../../src/rag/text/question-type.js";
import { tokenize } from "../../../src/rag/text/tokenize.js";

describe("page parts: datelines and reply counters", () => {
  it.each([
    "الجزائر- “القدس العربي”:",
    "ALGIERS (Reuters) - Algeria said on Monday it would host the talks.",
    "بيروت (أ ف ب) - قال مسؤول إن المحادثات ستستأنف.",
    "Paris — «Le Monde» :",
    "WASHINGTON, Jan 23 (Reuters) - The State Department said.",
  ])("reads %s as opening with a dateline", (sentence) => {
    expect(opensWithDateline(sentence)).toBe(true);
  });

  it.each([
    "Genghis Khan (1162–1227) - founder of the Mongol Empire.",
    "قالت مساعدة وزير الخارجية الأمريكي إن بلادها تدعم جهود المبعوث.",
    "وأوضحت أن “الحل السياسي أمر مهم”.",
    "The Security Council (UNSC) is one of six principal organs of the United Nations, set up in 1945 after the war.",
    "وقال الوزير - “لن نقبل ذلك”.",
    'Lamamra said - "we will not accept" the plan.',
    "John Smith (left) - talks with the envoy.",
  ])("reads no dateline in %s", (sentence) => {
    expect(opensWithDateline(sentence)).toBe(false);
  });

  it.each(["Which newspaper ran this report?", "what outlet published this?", "what is the name of the newspaper?", "أي صحيفة نشرت هذا التقرير؟", "ما اسم الجريدة التي نشرت الخبر؟", "شو اسم الجريدة؟", "ما الصحيفة التي نشرت هذا التقرير ومن أي مدينة؟", "ما هي الجريدة التي نشرت الخبر؟", "شو الجريدة اللي نشرت هالتقرير؟", "ومين الجريدة اللي نشرته؟", "which paper ran this", "what website published it?", "What's the dateline?", "Which newspaper ran this report, and what's the dateline?", "where is the report datelined?",
    // Who published the report (blind set 48: "مين نشر الخبر ومن وين؟" quoted the tweets, "Who published this article?" was declined).
    "Who published this article?", "مين نشر الخبر؟", "من نشر هذا التقرير؟",
    // With any of the demonstratives the headline's question reads (one list of them since session 54).
    "مين نشر هاذ المقال؟", "شكون نشر هادا الخبر؟",
    // The French loan (blind set 107: "مين الجورنال اللي نشر الخبر ده واتكتب منين؟" was declined).
    "مين الجورنال اللي نشر الخبر ده واتكتب منين؟",
    // Which with و and ل joined (blind set 49: "الخبر هذا من أي مدينة انكتب ولأي جريدة؟").
    "الخبر هذا من أي مدينة انكتب ولأي جريدة؟",
    // The dialects' participles of publishing and sending (blind set 56).
    "هالخبر أي جريدة ناشرته؟ ومن وين مرسلينه؟",
    // The Libyan شن (what) before the paper (blind set 58).
    "شن الجريدة اللي نشرت المقال؟",
    // "which" misspelt, "sent" as "send" (blind set 65).
    "Wich newspaper publish this report and from wich city it was send?",
    // The source of the report (blind set 63), asked of nothing else.
    "مصدر الخبر؟",
    "What's the source of this article?",
    "What's the source of the news?",
    "شو مصدر هالخبر؟",
    "What is the news source?",
    "الخبر هذا مصدره ايش؟",
    // With who, من, a request, "please" (a third review).
    "Who is the source of this news?",
    "من مصدر هذا الخبر؟",
    "Can you tell me the source of this article?",
    "What is the source of this article please?",
    "Whic newspaper published this report?"])(
    "takes %s for a question on the outlet",
    (question) => {
      expect(askedOutlet(tokenize(question))).toBeDefined();
    },
  );

  it.each([
    "How did the newspaper describe her visit?",
    "ماذا قالت الصحيفة عن الزيارة؟",
    "Which agreement did Algeria mediate?",
    "What did the newspaper say about Sison's visit?",
    "ما موقف الصحيفة من زيارة سيسون؟",
    "ما الذي قالته الصحيفة عن الزيارة؟",
    // paper and website name an outlet only beside a word on the report (found by a review).
    "What website did the authorities block?",
    "Which papers did the ministers sign?",
    // Nor beside a verb the dateline is said with, which is no word on the report (found by a review).
    "Which paper appears to back Algeria's Security Council bid?",
    "What paper was the reform proposal attributed to?",
    // A source not of the report, or of a report the report tells of (a review).
    "ما مصدر الطاقة في المدينة؟",
    "What is the source of the river?",
    "ما مصدر التقرير حول أوضاع السجون؟",
    "Did the source of the report confirm the arrests?",
    "According to the source of the article, how many were arrested?",
    "ما مصدر القصة التي رواها لوثر؟",
    // Its sources, the people it quotes (a second review).
    "What sources does the article quote?",
    "What source does the article quote?",
    "Who are the sources of the report?",
    "What source does the article cite?",
    // "send" says the dateline only in a question on the outlet (a third review).
    "What paper did Algeria send to Geneva?",
  ])("takes %s for no question on the outlet", (question) => {
    expect(askedOutlet(tokenize(question))).toBeUndefined();
  });

  it("takes no question on who published a post, or who wrote the report (a byline's person), for one on the outlet", () => {
    for (const question of [
      "مين نشر التغريدة؟",
      "Who wrote the report?",
      "Who published the tweet about Mali?",
      // The report's word elsewhere than the verb's object, "runs" of a mission, من as "from" (a review).
      "Who runs MINUSMA according to the report?",
      "مين نشر التغريدات اللي في المقال؟",
      "ما الهدف من نشر هذا التقرير؟",
    ])
      expect(askedOutlet(tokenize(question)), question).toBeUndefined();
  });

  it("takes 'who published this article' after a joining word for a question on the outlet", () => {
    expect(askedOutlet(tokenize("And who published this article?"))?.text).toBe("published");
    expect(askedOutlet(tokenize("so who published the report"))?.text).toBe("published");
    expect(askedOutlet(tokenize("And who published the tweets?"))).toBeUndefined();
  });

  it("takes the dialects' which after the outlet word, closing the question, for a question on the outlet (blind conversations 34)", () => {
    expect(askedOutlet(tokenize("المقال ده اتنشر في جريدة إيه؟"))?.text).toBe("جريده");
    expect(askedOutlet(tokenize("الجريدة شو قالت عن الزيارة؟"))).toBeUndefined();
    expect(tokenize("المقال ده اتنشر في جريدة إيه؟").filter(asksOfTheDateline).map((t) => t.text)).toContain("اتنشر");
  });

  it("reads a paper that carried the report (نقلت) as the dateline's word (blind set 100, declined on it)", () => {
    const carried = tokenize("أي جريدة نقلت الخبر ومن أي مدينة؟");
    expect(askedOutlet(carried)?.text).toBe("جريده");
    expect(carried.filter(asksOfTheDateline).map((t) => t.raw)).toEqual(expect.arrayContaining(["نقلت", "مدينة"]));
    // Or its verbal noun, "تم نقل الخبر" (a second review: reading it off only as a verb lost these).
    expect(tokenize("في أي صحيفة تم نقل الخبر؟").filter(asksOfTheDateline).map((t) => t.raw)).toContain("نقل");
  });

  it("reads where the report was sent or filed from as the dateline's (blind sets 50 and 51)", () => {
    const sent = tokenize("من أين أُرسل هذا الخبر، أعني مكان الإرسال، ولأي صحيفة؟");
    expect(askedOutlet(sent)?.text).toBe("صحيفه");
    expect(sent.filter(asksOfTheDateline).map((t) => t.raw)).toEqual(expect.arrayContaining(["أُرسل", "مكان", "الإرسال"]));
    expect(tokenize("which outlet published this report and from which city it was filed?").filter(asksOfTheDateline).map((t) => t.text)).toContain("filed");
    // Or for which newspaper it was written (blind set 54, declined on "written").
    const written = tokenize("From which city this report was sent, and for which newspaper it was written?");
    expect(askedOutlet(written)?.text).toBe("newspaper");
    expect(written.filter(asksOfTheDateline).map((t) => t.text)).toContain("written");
    // Or which city alone, the outlet named or not (blind set 87: "من أي مدينة كُتب تقرير القدس العربي هذا؟", declined).
    for (const question of ["من أي مدينة كُتب تقرير القدس العربي هذا؟", "From which city was this report filed?", "من أي مدينة أرسل هذا الخبر؟"]) {
      expect(askedOutlet(tokenize(question))?.text, question).toBeDefined();
    }
    // Not a place the report tells of, nor a city asked with no filing of the report.
    expect(askedOutlet(tokenize("Which city was the accord written in, according to the report?"))).toBeUndefined();
    expect(askedOutlet(tokenize("Which city did Sison visit, according to this report?"))).toBeUndefined();
    // Nor one asked in, not from, beside a report the asker sent or wrote of (a review).
    expect(askedOutlet(tokenize("In the article I sent you, which city is Thomas-Greenfield based in?"))).toBeUndefined();
    expect(askedOutlet(tokenize("في أي مدينة تعمل ليندا توماس غرينفيلد حسب ما كتب التقرير؟"))).toBeUndefined();
    // And the Arabic passive, كُتب (blind set 84, declined on it).
    const arabic = tokenize("من أين كُتب هذا التقرير ولأي صحيفة؟");
    expect(askedOutlet(arabic)?.text).toBe("صحيفه");
    expect(arabic.filter(asksOfTheDateline).map((t) => t.raw)).toContain("كُتب");
    // And the Maghreb's passive, تكتب (blind set 98: "منين تكتب هاد الخبر؟ شكون الجريدة ومن أنهي مدينة؟", declined).
    const maghrebi = tokenize("منين تكتب هاد الخبر؟ شكون الجريدة ومن أنهي مدينة؟");
    expect(askedOutlet(maghrebi)?.text).toBe("الجريده");
    expect(maghrebi.filter(asksOfTheDateline).map((t) => t.raw)).toContain("تكتب");
  });

  it("reads a word on the report with the Levantine هالـ (this) as with the article (blind set 37: 'شو اسم الجريدة اللي نشرت هالخبر؟')", () => {
    expect(tokenize("شو اسم الجريدة اللي نشرت هالخبر؟").filter(asksOfTheDateline).map((t) => t.text)).toContain("هالخبر");
    expect(askedOutlet(tokenize("which website ran هالخبر"))).toBeDefined();
  });

  it("looks for the outlet and the report's words in the dateline alone, and the question's other words as they are", () => {
    const looked = tokenize("Which newspaper ran this report on Sison?").filter(asksOfTheDateline).map((t) => t.text);
    expect(looked).toEqual(["newspaper", "ran", "report"]);
  });

  it("takes the dateline asked of however worded, and what a question on it says of the report (blind sets 40 and 41)", () => {
    expect(askedOutlet(tokenize("What city is the report's dateline?"))?.text).toBe("dateline");
    const looked = tokenize("Which newspaper is this report credited to, and what city appears on the dateline?").filter(asksOfTheDateline).map((t) => t.text);
    expect(looked).toEqual(["newspaper", "report", "credited", "city", "appears", "dateline"]);
  });

  it.each(["٣٨٩ رد ⚬ نسخ الرابط", "١٩٦ رد [نسخ الرابط](#)", "١٩٦ رد [نسخ الرابط]( )", "3 ردود", "389 replies", "1 reply"])("reads %s as a post's reply counter", (line) => {
    expect(isReplyCounter(line)).toBe(true);
  });

  it.each(["قراءة ١٤ ردًا", "رد الوزير على الصحفيين", "2015 ردت الجزائر", "12 replicas", "3 ردود فعل دولية صدرت أمس", "12 replies were received to the consultation"])("reads no reply counter in %s", (line) => {
    expect(isReplyCounter(line)).toBe(false);
  });

  it("reads a page-long line as no counter, without trying the pattern on it", () => {
    // A counter's pattern on a line of a hundred thousand spaces took a minute before the length was bounded.
    expect(isReplyCounter(`1 رد ${" ".repeat(100_000)}x`)).toBe(false);
    expect(isReplyCounter(`1 رد ⚬${" ".repeat(70)}x`)).toBe(false);
  });

  it("knows the words for a post's replies, in both languages", () => {
    expect(tokenize("How many replies did it get?").filter(namesReplies).map((t) => t.raw)).toEqual(["replies"]);
    expect(tokenize("كم عدد الردود على التغريدة؟").filter(namesReplies).map((t) => t.raw)).toEqual(["الردود"]);
    // Misspelt as chat spells it (blind set 61).
    expect(tokenize("how meny replys did it get").filter(namesReplies).map((t) => t.raw)).toEqual(["replys"]);
  });

  it.each(["منذ 18 ساعة", "منذ ٣ أيام", "منذ ساعتين", "قبل 3 أيام", "3 hours ago", "1 day ago", "an hour ago"])("reads %s as how long ago the report went up", (line) => {
    expect(isPublishedAgo(line)).toBe(true);
  });

  it.each(["منذ 18 ساعة قال الوزير إن المحادثات ستستأنف", "منذ عام 2019", "hours ago the envoy left", "منذ 60 عاما", "منذ 12 مليون"])("reads %s as text", (line) => {
    expect(isPublishedAgo(line)).toBe(false);
  });

  const published = (q: string): string | undefined => askedPublished(tokenize(q), questionType(q))?.raw;

  it("takes a question naming the report and asking when it went up, in either language, for one on its publishing time", () => {
    expect(published("When was this article published?")).toBe("published");
    expect(published("قبل كم ساعة انشر المقال؟")).toBe("انشر");
    expect(published("قديش صرلو الخبر منشور؟")).toBe("منشور");
    // Or written (conversations 59): declined before, "written" and انكتب words found nowhere.
    expect(published("When was this article written?")).toBe("written");
    expect(published("امتى انكتب الخبر؟")).toBe("انكتب");
    // Saying where the time is read: on the page.
    expect(published("متى نُشر هذا التقرير بحسب ما يظهر في الصفحة؟")).toBe("نُشر");
    // Or as the page displays it (blind set 55).
    expect(published("منذ متى نُشر هذا المقال بحسب ما تعرضه الصفحة؟")).toBe("نُشر");
    // The Maghreb's فاتت (passed), the report named in French (blind set 56).
    expect(published("هاد l'article تنشر وقتاش؟ قداش من ساعة فاتت عليه؟")).toBe("تنشر");
    // Read off the captured page (conversations 53).
    expect(published("how long before the page was captured had it been posted?")).toBe("posted");
    // تنزل (was put up) and عدى (passed) (blind set 58).
    expect(published("قداش عدى على المقال من وقت ما تنزل؟")).toBe("تنزل");
  });

  it("takes the report's age, and 'how long ago was this posted', as its publishing time (blind set 50)", () => {
    expect(published("how old is the article")).toBe("article");
    expect(published("كم عمر الخبر؟")).toBe("الخبر");
    expect(published("how long ago was this posted")).toBe("posted");
    // "this" with no "ago" may be a post just answered; "ago" with "the tweet" is the post's.
    expect(published("when was this posted")).toBeUndefined();
    expect(published("how long ago was the tweet posted")).toBeUndefined();
    expect(published("How old is Lamamra?")).toBeUndefined();
  });

  it("takes no question on a post, or not naming the report, for one on the report's publishing time", () => {
    // "When was that posted?" after a question on a tweet asks for the tweet's stamp; نشرت with a person is her post.
    expect(published("When was that posted?")).toBeUndefined();
    expect(published("امتى نشرت سيسون عن دراريني؟")).toBeUndefined();
    expect(published("Who published the report?")).toBeUndefined();
    // Another report, or this one with more words of its own (found by a review).
    expect(published("كم سنة مرت على نشر التقرير الأممي؟")).toBeUndefined();
    expect(published("متى نشرت سيسون تغريدتها عن دراريني حسب المقال؟")).toBeUndefined();
    expect(published("When was the article about the city of Oran published?")).toBeUndefined();
  });
});

describe("the keyword list", () => {
  it("is the page's part whose first line is its heading", () => {
    expect(pagePartOf("كلمات مفتاحية\n\nبعثة مينورسو\n\nبايدن")).toBe("keywords");
    expect(pagePartOf("Tags:\nAlgeria")).toBe("keywords");
    // With any line end a briefing may use: CR alone, NEL, the Unicode separators (found by a review).
    for (const end of ["\r", "\r\n", "\u0085", "\u2028", "\u2029"]) expect(pagePartOf(`كلمات مفتاحية${end}بايدن`), JSON.stringify(end)).toBe("keywords");
    expect(pagePartOf("وقال إن كلمات مفتاحية كثيرة تتكرر")).toBeUndefined();
  });

  it.each(["What are the article's keywords?", "what are the key words of this report", "إيه الكلمات المفتاحية بتاعة الخبر ده؟", "شو الكلمات المفتاحية اللي تحت المقال", "what tags does the article have?",
    // With the verb putting the report under them (blind set 55 and conversations 51).
    "What keywords / tags is this article filed under?", "وشو الكلمات المفتاحية اللي حاطينها عليه؟", "what is this article tagged with?",
    // Put at the article's end, the article written ل as the Maghreb writes it (blind set 56).
    "الكلمات المفتاحية اللي محطوطة فاخر لمقال شنهي؟",
    // "and under it" (conversations 54).
    "وتحته شنو الكلمات المفتاحية؟",
    // "at the very bottom" (conversations 57).
    "والكلمات المفتاحية اللي تحت خالص؟", "and the keywords at the very bottom?"])(
    "is asked for by %s",
    (question) => {
      expect(askedKeywords(tokenize(question))).toBeDefined();
    },
  );

  // Nor by a question that says more, of the text (found by a review).
  it.each([
    "Which accounts does her tweet tag?",
    "What tags did she use in the tweet?",
    "What are the key issues?",
    "What key words did Sison use to describe the listening tour?",
    "ما هي الرسائل المفتاحية التي وجهتها المسؤولة الأمريكية بشأن حقوق الإنسان؟",
    "ما الوسوم التي استخدمتها سيسون في تغريدتها؟",
    "Which accounts does the article say her tweet tags?",
  ])("is not asked for by %s", (question) => {
    expect(askedKeywords(tokenize(question))).toBeUndefined();
  });
});

describe("askedHeadline with the report's pronoun", () => {
  it("takes عنوانه (its title) in a question saying nothing else for the headline (conversations 54), and nothing more", () => {
    expect(askedHeadline(tokenize("وشنو عنوانه؟"))?.raw).toBe("عنوانه");
    expect(askedHeadline(tokenize("شو عنوانه اللي ساكن فيه المبعوث؟"))).toBeUndefined();
    // Asked where, it is an address (a review).
    expect(askedHeadline(tokenize("وين عنوانه؟"))).toBeUndefined();
    expect(askedHeadline(tokenize("عنوانها وين؟"))).toBeUndefined();
  });
});

describe("askedHeadline with a title's adjective", () => {
  it("takes العنوان الرئيسي (the main title) for the headline, and the verb choosing it as that asking (blind set 52)", () => {
    const tokens = tokenize("ما العنوان الرئيسي الذي اختارته الصحيفة لهذا التقرير؟");
    expect(askedHeadline(tokens)?.text).toBe("العنوان");
    expect(tokens.filter(asksOfTheHeadline(tokens)).map((t) => t.raw)).toEqual(expect.arrayContaining(["العنوان", "الرئيسي", "اختارته", "التقرير"]));
    expect(askedHeadline(tokenize("ما هو العنوان الذي كتبته؟"))).toBeUndefined();
  });
});

describe("askedHeadline with ب", () => {
  it("takes بعنوان before the report, and what the title reads as that asking (blind set 93: 'شو مكتوب بعنوان هالمقال …؟')", () => {
    const tokens = tokenize("شو مكتوب بعنوان هالمقال عن مساعدة بلينكن؟");
    expect(askedHeadline(tokens)?.raw).toBe("بعنوان");
    expect(tokens.filter(asksOfTheHeadline(tokens)).map((t) => t.raw)).toEqual(["مكتوب", "بعنوان", "هالمقال"]);
    // Not a title of something else: "a report entitled …" names no headline asked.
    expect(askedHeadline(tokenize("هل نشرت سيسون تغريدة بعنوان حقوق الإنسان؟"))).toBeUndefined();
    // Nor the article entitled so, the report before بعنوان (a review).
    expect(askedHeadline(tokenize("في المقال بعنوان مساعدة بلينكن، ماذا قالت عن مينوسما؟"))).toBeUndefined();
  });
});

describe("askedHeadline", () => {
  it.each(["what's the article's headline about", "ما عنوان المقال؟", "What is the title of the report?", "شو عنوان الخبر؟", "what's the headline?", "the article's title?",
    // A demonstrative between (blind conversations 21: "ما عنوان هذا المقال؟" was declined).
    "ما عنوان هذا المقال؟", "What is the title of this article?", "شو عنوان هاد الخبر؟",
    // The Gulf's هاذ (blind set 59: "وش هو عنوان هاذ المقال بالضبط؟" was declined).
    "وش هو عنوان هاذ المقال بالضبط؟",
    // A title's adjective between, and the report with ل (blind set 34: "ما هو العنوان الفرعي للتقرير …؟" was declined).
    "ما هو العنوان الفرعي للتقرير المتعلق بإدارة بايدن؟", "what's the article's subtitle?",
    // The dialects' possessive word between (blind set 42 and conversations 39).
    "شنوّة العنوان متاع المقال هذا؟", "شنو هو العنوان ديال هاد المقال؟",
    // An adjective before "headline" (blind set 46: "what is the exact headline of this Al-Quds Al-Arabi report").
    "what is the exact headline of this report?", "what was its full headline"])("takes %s for a question on the headline", (question) => {
    expect(askedHeadline(tokenize(question))).toBeDefined();
  });

  it.each([
    "what's her exact job title at the state dept?",
    "ما عنوان السفارة؟",
    "What did the report say about Mali?",
    // Found by a review: a person's title the article gives, and "making headlines".
    "What title does the article give Sison?",
    "What is Sison's title according to the report?",
    "Why did Algeria make headlines?",
    // Nor a determiner after a title with no "of" (a review: punctuation is gone, and these ask for Lamamra's).
    "What's Lamamra's job title, this article says?",
    "What is Lamamra's title, the report says?",
    "What is the title that the report gives Lamamra?",
  ])("takes %s for no question on the headline", (question) => {
    expect(askedHeadline(tokenize(question))).toBeUndefined();
  });

  it("reads the words naming the report between 'of' and its noun as the asking: the outlet's name found the dateline (blind set 46)", () => {
    const asking = (question: string): string[] => {
      const tokens = tokenize(question);
      return tokens.filter(asksOfTheHeadline(tokens)).map((t) => t.text);
    };
    expect(asking("what is the exact headline of this Al-Quds Al-Arabi report?")).toEqual(["headline", "this", "al", "quds", "al", "arabi", "report"]);
    // Or "on", "in" or "for" for "of" (blind set 53: "the headline on this Al-Quds Al-Arabi piece", declined).
    expect(asking("What's the headline on this Al-Quds Al-Arabi piece?")).toEqual(["headline", "this", "al", "quds", "al", "arabi", "piece"]);
    expect(asking("what is the headline for the Al-Quds Al-Arabi story?")).toEqual(["headline", "the", "al", "quds", "al", "arabi", "story"]);
    // Not words after the report's noun, nor more than a name's worth between.
    expect(asking("what is the headline of the report on Mali?")).toEqual(["headline", "the", "report"]);
    expect(asking("what is the headline of the one about Mali that Sison gave in the report?")).toEqual(["headline", "report"]);
  });
});

describe("isPageWriter", () => {
  const writers = (question: string): string[] => {
    const tokens = tokenize(question);
    return tokens.filter((_, i) => isPageWriter(tokens, i)).map((t) => t.raw);
  };

  it("reads the writer's word and the report's of a question asking who wrote this report (blind sets 67, 70: \"journalist\" found a correspondent's tweet)", () => {
    expect(writers("What is the name of the journalist who wrote this report?")).toEqual(["journalist", "report"]);
    expect(writers("منو كاتب هذا التقرير؟ شنو اسم الصحفي اللي كتبه؟")).toEqual(["كاتب", "التقرير", "الصحفي"]);
    expect(writers("من هو الصحفي أو المراسل الذي كتب هذا التقرير ووقّع عليه؟")).toEqual(["الصحفي", "المراسل", "التقرير"]);
    expect(writers("مين الكاتب اللي كتب الخبر ده؟")).toEqual(["الكاتب", "الخبر"]);
    // The report's word too: left alone, التقرير found "Reporters Without Borders" through "report" (blind set 17).
    expect(writers("من هو كاتب هذا التقرير؟")).toEqual(["كاتب", "التقرير"]);
  });

  it("reads the author of this report, with no writing word (a review)", () => {
    expect(writers("Who is the author of this report?")).toEqual(["author", "report"]);
  });

  it("reads no writer of anything else, nor a journalist the report tells of (a review: these were read off)", () => {
    expect(writers("Who is the author of the novel?")).toEqual([]);
    expect(writers("من كاتب القصة التي تحولت إلى فيلم؟")).toEqual([]);
    expect(writers("Which journalist did she meet?")).toEqual([]);
    expect(writers("ماذا كتبت سيسون عن المراسل في هذا المقال؟")).toEqual([]);
    expect(writers("مين الصحفي اللي سيسون كتبت عنه في الخبر ده؟")).toEqual([]);
    expect(writers("Who is the correspondent Sison wrote about in this report?")).toEqual([]);
    expect(writers("What happened to the journalist who wrote about corruption, according to this article?")).toEqual([]);
  });
});

describe("asksPostAuthor", () => {
  it.each([
    "Whose tweets are these?",
    "who's tweeting in those embedded posts",
    "Who posted the English tweets embedded in the article?",
    "Which Twitter account does the tweet card show a follow button for?",
    "مين صاحب التغريدات؟",
    "Which account posted these tweets?",
  ])("reads %s as asking whose the posts are", (question) => {
    expect(asksPostAuthor(tokenize(question))).toBe(true);
  });

  it.each(["Who did she meet, according to her tweet?", "Who wrote this report?", "What did she tweet about Mali?", "Who is the minister?", "What account did Sison tag?", "Who shared priorities with Algeria?", "What account did Sison tag in the tweet following her meeting?"])("reads %s as asking something else", (question) => {
    expect(asksPostAuthor(tokenize(question))).toBe(false);
  });
});
