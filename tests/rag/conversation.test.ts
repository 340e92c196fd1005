/**
 * Questions in a conversation: which read as follow-ups, and how the turns before weigh in (through rag.answer).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readsAsFollowUp } from "../../src/rag/conversation.js";
import { createRag, type Answer, type Citation } from "../../src/rag/index.js";
import { SEED_NAME, tempProject, twoBriefings, withBriefing } from "../helpers/project.js";

describe("conversations", () => {
  const two = twoBriefings();

  const quotes = (answer: Answer): string[] => (answer.kind === "answered" ? answer.citations.map((c) => c.quote) : []);
  /** The answer to the last of `questions`, each asked in the conversation of those before it. */
  const chain = async (...questions: string[]): Promise<Answer> => {
    const turns: { question: string; citations: readonly Citation[] }[] = [];
    let answer: Answer | undefined;
    for (const question of questions) {
      answer = await two.core.answer(question, { context: { turns } });
      turns.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
    }
    return answer as Answer;
  };

  it("answers a follow-up in the context of the turn before: its briefing and words weigh in", async () => {
    const first = await two.core.answer("What role did Algeria play in the Sahel?");
    expect(first.kind).toBe("answered");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const alone = await two.core.answer("Which agreement did it mediate?");
    const followUp = await two.core.answer("Which agreement did it mediate?", { context: { turns } });
    expect(alone.kind === "answered" && alone.citations[0]?.source).toBe("seeds/oslo.md");
    expect(quotes(followUp)[0]).toContain("اتفاقية الجزائر للسلام لعام 2015");
    for (const c of followUp.kind === "answered" ? followUp.citations : []) {
      expect(readFileSync(join(two.root, c.source), "utf8").slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it("asks when the post just quoted went up, not the report, with 'how long ago was it posted?' (a review)", async () => {
    const first = await two.core.answer("What did Sison tweet about Lamamra?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect(quotes(first)[0]).toContain("@Lamamra_dz");
    expect(quotes(await two.core.answer("How long ago was it posted?", { context: { turns } }))[0]).toContain("@Lamamra_dz");
    // Asked first, "it" is the report; so is "the article" after the post (a second review).
    expect(quotes(await two.core.answer("How long ago was it posted?"))[0]).toBe("منذ 18 ساعة");
    expect(quotes(await two.core.answer("How old is the article?", { context: { turns } }))[0]).toBe("منذ 18 ساعة");
  });

  it("follows the turn's first citation, not a weaker one from another briefing", async () => {
    const first = await two.core.answer("What role did Algeria play in the Sahel?");
    const cited = first.kind === "answered" ? first.citations : [];
    const oslo = readFileSync(join(two.root, "seeds/oslo.md"), "utf8");
    const weaker = { source: "seeds/oslo.md", start: oslo.indexOf("Norway"), end: oslo.indexOf("1993.") + 5 };
    const turns = [{ question: first.question, citations: [...cited.slice(0, 1), weaker] }];
    const followUp = await two.core.answer("Which agreement did it mediate?", { context: { turns } });
    expect(followUp.kind === "answered" && followUp.citations[0]?.source).toBe(`seeds/${SEED_NAME}`);
  });

  it("declines a short off-topic question even in a conversation: the context picks where to look, not whether", async () => {
    const first = await two.core.answer("What did Sison say about Western Sahara?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect((await two.core.answer("What is the capital of France?", { context: { turns } })).kind).toBe("declined");
  });

  it("judges a follow-up with the question it follows: words of its own few or none, it is still answered", async () => {
    const first = await two.core.answer("ايش قالت عن الاستعراض الدوري الشامل للجزائر؟");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect((await two.core.answer("ووين صار؟")).kind).toBe("declined");
    expect(quotes(await two.core.answer("ووين صار؟", { context: { turns } })).some((q) => q.includes("حول الجزائر في جنيف"))).toBe(true);
    const met = await two.core.answer("What 2015 agreement in Mali does the article mention?");
    const after = [{ question: met.question, citations: met.kind === "answered" ? met.citations : [] }];
    expect(quotes(await two.core.answer("who announced they were pulling out of it?", { context: { turns: after } })).join(" ")).toContain("تنظيمات للأزواج في شمال مالي");
    // "issue" reaches the text's مسألة (the news glossary; FreeDict gives only قضية): "what issue came up during
    // it?" was a new topic, its one word found nowhere.
    const upr = await two.core.answer("when was algeria's upr review in geneva?");
    const onUpr = [{ question: upr.question, citations: upr.kind === "answered" ? upr.citations : [] }];
    expect(quotes(await two.core.answer("what issue came up during it?", { context: { turns: onUpr } })).join(" ")).toContain("أثيرت مسألة الدعوة");
    // "Who does it include?" asks on about the answer: يشمل, which the text never writes (it says بما في ذلك,
    // including), made it a new topic, declined in four blind conversation sets.
    const civil = await two.core.answer("ماذا قالت سيسون عن المجتمع المدني؟");
    const onCivil = [{ question: civil.question, citations: civil.kind === "answered" ? civil.citations : [] }];
    for (const question of ["ومن يشمل ذلك؟", "ومين بيشمل؟"]) {
      expect(quotes(await two.core.answer(question, { context: { turns: onCivil } })).join(" "), question).toContain("بما في ذلك المدافعون عن حقوق الإنسان");
    }
    // "that" points back as "this" does (a blind conversation's "when did that issue come up in Geneva?" was
    // declined: "issue" is found nowhere, and nothing tied the question to the one on the rapporteurs).
    const raised = await two.core.answer("What did she raise with Algerian officials about UN special rapporteurs?");
    const before = [{ question: raised.question, citations: raised.kind === "answered" ? raised.citations : [] }];
    expect(quotes(await two.core.answer("when did that issue come up in Geneva?", { context: { turns: before } })).join(" ")).toContain("في نوفمبر الماضي حول الجزائر في جنيف");
  });

  it("answers a follow-up to a follow-up: a chain of short questions leans on the question that opened it", async () => {
    const turns: { question: string; citations: readonly Citation[] }[] = [];
    for (const question of ["What did Sison say about Security Council reform?", "and when?", "and where?"]) {
      const answer = await two.core.answer(question, { context: { turns } });
      expect(answer.kind, question).toBe("answered");
      turns.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
    }
    const arabic: { question: string; citations: readonly Citation[] }[] = [];
    for (const question of ["ماذا قالت سيسون عن إصلاح مجلس الأمن؟", "وين؟", "ووين؟"]) {
      const answer = await two.core.answer(question, { context: { turns: arabic } });
      expect(answer.kind, question).toBe("answered");
      arabic.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
    }
    // The chain's words do not make a new topic answerable, nor do two earlier questions' words together.
    expect((await two.core.answer("and the weather in Paris?", { context: { turns } })).kind).toBe("declined");
    const opened: { question: string; citations: readonly Citation[] }[] = [];
    for (const question of ["شو قال لعمامرة عن مجلس الأمن؟", "ماذا قالت سيسون عن الصحراء الغربية؟"]) {
      const answer = await two.core.answer(question, { context: { turns: opened } });
      expect(answer.kind, question).toBe("answered");
      opened.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
    }
    expect((await two.core.answer("ومين ربح الدوري الاسباني؟", { context: { turns: opened } })).kind).toBe("declined");
  });

  it("answers 'and about X?' and 'what happened in X?' in Arabic as in English (وعن, وبخصوص, حدث were words of the question)", async () => {
    const first = await two.core.answer("ماذا قالت سيسون عن الصحراء الغربية؟");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const followUp of ["وعن مالي؟", "وحول مالي؟", "وبخصوص مالي؟"]) {
      expect(quotes(await two.core.answer(followUp, { context: { turns } })).join(" ")).toContain("مينوسما");
    }
    for (const question of ["ماذا حدث في مالي؟", "ما الذي جرى في مالي؟", "What is happening in Mali?"]) {
      expect(quotes(await two.core.answer(question)).join(" ")).toContain("مينوسما");
    }
  });

  it("answers a short question that stands on its own as if asked alone, whatever was asked before", async () => {
    // Two words of its own or fewer, no opener or pronoun: it leaned on the turn before and quoted a tweet.
    const first = await two.core.answer("What did Sison say about Western Sahara?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const question of ["من هو لعمامرة؟", "Who is Staffan de Mistura?"]) {
      expect(quotes(await two.core.answer(question, { context: { turns } })), question).toEqual(quotes(await two.core.answer(question)));
    }
    // Without a question word of its own, a short one leans on the conversation ("والجزائر؟", and Algeria?: the
    // conjunction is written onto the word).
    expect(quotes(await two.core.answer("والجزائر؟", { context: { turns } }))).not.toEqual(quotes(await two.core.answer("والجزائر؟")));
    // A yes/no question opens with its own auxiliary: not bent either (found by a review; "Is Lamamra a
    // minister?" gained a Western Sahara quote).
    for (const question of ["Is Lamamra a minister?", "Is Mali stable?"]) {
      expect(quotes(await two.core.answer(question, { context: { turns } })), question).toEqual(quotes(await two.core.answer(question)));
    }
  });

  it("asked what someone said about a topic, quotes the topic, not the one sentence naming the speaker", async () => {
    // The briefing spells her سنسون where it reports what she said on Mali, and سيسون once, on Western Sahara:
    // her rarer name outranked the topic and every quote was about something else.
    // Asked yes or no too (blind conversations 85: the Egyptian "هي سيسون اتكلمت عن مالي؟").
    const yesOrNo = ["Did Sison talk about Mali?", "هل تحدثت سيسون عن مالي؟", "هي سيسون اتكلمت عن مالي؟"];
    for (const question of ["What did Sison say about Mali?", "Tell me what Sison said about Mali.", "ماذا قالت سيسون عن مالي؟", ...yesOrNo]) {
      const cited = quotes(await two.core.answer(question));
      expect(cited.length, question).toBeGreaterThan(0);
      for (const quote of cited) expect(quote, question).toMatch(/مالي|مينوسما|باماكو|باماكي/u);
    }
    // With "what", a "who" or من before the verb is the speaker's description, not a question of its own (a review).
    for (const question of ["What did the US official who visited Algeria say about Mali?", "المسؤولة من أمريكا شو قالت عن مالي؟"]) {
      expect(quotes(await two.core.answer(question))[0], question).toMatch(/مالي|مينوسما|باماكو|باماكي/u);
    }
  });

  it("answers a follow-up with no word of its own after an answer given with moderate confidence ('and when was that?')", async () => {
    const first = await two.core.answer("ما الذي ناقشته سيسون مع المجلس الوطني لحقوق الإنسان؟");
    expect(first.kind).toBe("answered");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const question of ["وامتى كان هذا؟", "ومتى كان ذلك؟"]) {
      const when = await two.core.answer(question, { context: { turns } });
      expect(when.kind, question).toBe("answered");
      // The tweet that dates the meeting is among the quotes.
      expect(when.kind === "answered" && when.citations.some((c) => c.label === "tweet by @State_IO, 23 Jan 2023" && c.quote.includes("#CNDH")), question).toBe(true);
    }
  });

  it("declines a follow-up the pair with the question before it only makes likely, not more likely than not", async () => {
    // الدوري (the league) also reads "role"; with the question on Lamamra the pair cleared the threshold for
    // questions asked alone.
    const first = await two.core.answer("شو قال لعمامرة عن مجلس الأمن؟");
    expect(first.kind).toBe("answered");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect((await two.core.answer("ومين ربح الدوري الاسباني؟", { context: { turns } })).kind).toBe("declined");
  });

  it("answers a follow-up whose own words the briefing mostly holds at the pair's threshold, not only more likely than not (blind conversations 92)", async () => {
    // What post his country is running for, after where Lamamra spoke: the pair's chance was 0.22, and it was declined.
    const post = await chain("ما موقف رمطان لعمامرة من إصلاح مجلس الأمن؟", "وأين كان عندما أدلى بذلك؟", "وما المنصب الذي تترشح له بلاده؟");
    expect(quotes(post).some((q) => q.includes("التزام الجزائر المرشحة لمنصب عضو غير دائم"))).toBe(true);
    const changed = await chain("لماذا تعرضت الجزائر لانتقادات دولية؟", "وهل تغير ذلك مؤخراً؟");
    expect(quotes(changed).some((q) => q.includes("سمحت البلاد بزيارة مبعوث أممي"))).toBe(true);
    // One opening another topic, whose words the briefing mostly lacks, must still be more likely than not.
    expect((await chain("ما موقف واشنطن من بعثة المينورسو؟", "وشو رأيها بكأس العالم؟")).kind).toBe("declined");
  });

  it("lends nothing from a declined turn: the next question is still judged on its own words", async () => {
    const first = await two.core.answer("Who won the World Cup?");
    expect(first.kind).toBe("declined");
    const turns = [{ question: first.question, citations: [] }];
    expect((await two.core.answer("and MINURSO?")).kind).toBe("answered");
    expect((await two.core.answer("and MINURSO?", { context: { turns } })).kind).toBe("answered");
  });

  it("reads punctuation or an emoji alone as no question, even after an answer", async () => {
    const first = await two.core.answer("What did Sison say about Western Sahara?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const question of ["?", "؟؟", "👍"]) expect((await two.core.answer(question, { context: { turns } })).kind, question).toBe("declined");
  });

  it("declines a follow-up that opens a new topic: a name found nowhere, or no word of its own found", async () => {
    const first = await two.core.answer("What did the US say about MINURSO?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const question of ["and how is the weather in Paris?", "how about the price of oil there?", "And what about the World Cup?"]) {
      expect((await two.core.answer(question, { context: { turns } })).kind, question).toBe("declined");
    }
  });

  it("reads a person pointed at ('this man', هذا الرجل, الراجل ده) as the one the last answer named, not as a new topic", async () => {
    const first = await two.core.answer("ما موقف الولايات المتحدة من ستافان دي ميستورا؟");
    expect(first.kind).toBe("answered");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const question of ["ومن يكون هذا الرجل بالضبط؟", "والراجل ده مين؟", "and who is this man?", "وش يكون هاذ الرجل؟"]) {
      const who = await two.core.answer(question, { context: { turns } });
      expect(quotes(who).some((q) => q.includes("ستافان دي ميستورا")), question).toBe(true);
    }
  });

  it("answers 'why, though?' and 'وغير الدائمة كم؟' as follow-ups: though and غير (non-) ask nothing of the text", async () => {
    const bamako = await two.core.answer("What's been going on between Algiers and Bamako lately?");
    const why = await two.core.answer("why, though?", { context: { turns: [{ question: bamako.question, citations: bamako.kind === "answered" ? bamako.citations : [] }] } });
    expect(quotes(why)[0]).toContain("الإشكالات التي طرأت");
    const seats = await two.core.answer("كم مقعد دائم تبي أفريقيا في مجلس الأمن حسب لعمامرة؟");
    const other = await two.core.answer("وغير الدائمة كم؟", { context: { turns: [{ question: seats.question, citations: seats.kind === "answered" ? seats.citations : [] }] } });
    expect(quotes(other).some((q) => q.includes("من ثلاثة إلى خمسة مقاعد"))).toBe(true);
  });

  it("reads a capital standing for its country as no word of a follow-up's own ('وواشنطن شو رأيها فيه؟')", async () => {
    const first = await two.core.answer("وش قالت سيسون عن مجلس الأمن؟");
    expect(first.kind).toBe("answered");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const followUp = await two.core.answer("وواشنطن شو رأيها فيه؟", { context: { turns } });
    expect(quotes(followUp).some((q) => q.includes("مجلس الأمن يمكنه الاستجابة لاحتياجات اليوم"))).toBe(true);
    // A name the briefings never write is still a new topic (found by a review, when تبي found the text's نريد).
    expect((await two.core.answer("طيب وش يبي ماكرون منه؟", { context: { turns } })).kind).toBe("declined");
  });

  it("ranks by a found present's other persons ('وهل أمريكا تدعمها؟': the text's 'نحن ندعم بقوة بعثة مينورسو', blind conversations 99)", async () => {
    const first = await two.core.answer("ما هي بعثة المينورسو المذكورة في المقال؟");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect(quotes(await two.core.answer("وهل أمريكا تدعمها؟", { context: { turns } })).join(" ")).toContain("نحن ندعم بقوة بعثة مينورسو");
  });

  it("answers a request to go on ('tell me more', 'كمّل', 'what else?') with a sentence the last answer did not quote first", async () => {
    const first = await two.core.answer("وش قالت المسؤولة الأمريكية عن المجتمع المدني؟");
    expect(first.kind).toBe("answered");
    const cited = first.kind === "answered" ? first.citations : [];
    const turns = [{ question: first.question, citations: cited }];
    for (const question of ["زين، كمّل، وش قالت بعد؟", "tell me more", "what else?", "شو كمان؟", "زدنا تفاصيل لو سمحت", "more details please", "So what happens next?", "طب وبعدين؟", "What's the next step?", "وما الخطوة التالية؟", "وما هي الخطوة المقبلة؟"]) {
      const more = await two.core.answer(question, { context: { turns } });
      expect(more.kind, question).toBe("answered");
      const next = more.kind === "answered" ? more.citations[0] : undefined;
      // Its first quote overlaps none of the last answer's.
      expect(cited.some((c) => next !== undefined && c.source === next.source && c.start < next.end && next.start < c.end), question).toBe(false);
    }
    // What she said next: the paragraph after the quote, its freedoms or, where the first answer quoted those already
    // (as since session 63, whose أمريكا meets the question's الأمريكية), what Algeria and America must raise.
    const goOn = await two.core.answer("زين، كمّل، وش قالت بعد؟", { context: { turns } });
    const freedoms = "ممارسة حرياتهم الأساسية في التعبير";
    expect(quotes(goOn)[0]).toContain(quotes(first).some((q) => q.includes(freedoms)) ? "الجزائر وأمريكا باعتبارهما عضوين منتخبين" : freedoms);
  });

  it("goes on after a chain of follow-ups, judged with the question that opened it (blind conversations 19)", async () => {
    // "وما الخطوه التاليه" after a follow-up was judged with that follow-up alone, whose words are few, and declined.
    const turns: { question: string; citations: readonly Citation[] }[] = [];
    for (const question of ["ما موقف واشنطن من اصلاح مجلس الامن", "ومن يقود جهودها في نيويورك"]) {
      const answer = await two.core.answer(question, { context: { turns } });
      expect(answer.kind, question).toBe("answered");
      turns.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
    }
    expect(quotes(await two.core.answer("وما الخطوه التاليه", { context: { turns } })).join(" ")).toContain("مفاوضات حكومية دولية بشأن إصلاح مجلس الأمن ستبدأ في نيويورك");
    // Not a wordless "and when?" or "and why?", which asks for what the text may not say (found by a review).
    const onSahara: { question: string; citations: readonly Citation[] }[] = [];
    for (const question of ["ماذا قالت سيسون عن الصحراء الغربية؟", "ومن يقود جهودها في نيويورك؟"]) {
      const answer = await two.core.answer(question, { context: { turns: onSahara } });
      onSahara.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
    }
    for (const question of ["وامتى؟", "وليش؟"]) expect((await two.core.answer(question, { context: { turns: onSahara } })).kind, question).toBe("declined");
  });

  it("goes on with a sentence on the topic or next to what was quoted, not one sharing only the speaker's name", async () => {
    const first = await two.core.answer("What did Sison say about Mali?");
    expect(first.kind).toBe("answered");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    // Every sentence naming Mali was quoted; the lead on Western Sahara (which names Sison) came first before.
    const more = quotes(await two.core.answer("tell me more", { context: { turns } }));
    expect(more[0]).toBeDefined();
    expect(more[0]).not.toContain("ستافان دي ميستورا");
  });

  it("says there is nothing more when a request to go on finds nothing left on the topic", async () => {
    const paragraphs = ["The minister said the new dam on the river will open in June.", "Talks with the neighbours on the dam went on in the capital."];
    await withBriefing("001_dam.txt", paragraphs, async (rag) => {
      const first = await rag.answer("What did the minister say about the dam?");
      expect(first.kind).toBe("answered");
      const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
      // Going on quotes what is left, each time something new, until nothing is.
      let more = await rag.answer("tell me more", { context: { turns } });
      for (let asked = 1; more.kind === "answered" && asked < paragraphs.length; asked += 1) {
        const next = more.citations[0];
        expect(turns.some((t) => t.citations.some((c) => next !== undefined && c.start < next.end && next.start < c.end))).toBe(false);
        turns.push({ question: "tell me more", citations: more.citations });
        more = await rag.answer("tell me more", { context: { turns } });
      }
      expect(more).toMatchObject({ kind: "declined", reason: "nothing-more" });
    });
  });

  it("answers 'Who said that?' with the sentence naming the speaker of the last answer's first quote, and where the report first names them", async () => {
    const asked = async (first: string, then: string): Promise<string[]> => {
      const answer = await two.core.answer(first);
      expect(answer.kind, first).toBe("answered");
      return quotes(await two.core.answer(then, { context: { turns: [{ question: first, citations: answer.kind === "answered" ? answer.citations : [] }] } }));
    };
    // The quote's speaker is named in the sentence before it ("وتابعت تقول" follows "ذكرت سنسون").
    expect((await asked("شو قيل عن حفظة السلام في مينوسما؟", "مين قال هالكلام؟"))[0]).toContain("ذكرت سنسون");
    // Named in the quote itself, by surname: the report's first naming gives the title.
    expect((await asked("What was said about Africa's representation on the Security Council?", "Who said that, and in what role?")).join(" ")).toContain("وزير الخارجية رمطان لعمامرة");
    // A headline's speaker is in the report's first sentences; صرّح is no word of the question's own.
    expect((await asked("ما موقف الولايات المتحدة من بعثة مينورسو؟", "ومن الذي صرّح بذلك؟"))[0]).toContain("ميشال سيسون");
  });

  it("answers who someone is with the sentence naming them first where the best quote only describes them as its speaker", async () => {
    // "قالت المسؤولة الأمريكية إنها …" matched "US official"; the report's first sentence names her, with her title
    // (three blind sets asked so, and were quoted a sentence that names no one).
    for (const question of ["who is the us official who visited algeria?", "شكون هي المسؤولة الأمريكية اللي جات للجزائر؟"]) {
      expect(quotes(await two.core.answer(question))[0], question).toContain("ميشال سيسون");
    }
    // Not whom she met, nor another American the question names otherwise (blind sets 13 and 36).
    const met = quotes(await two.core.answer("Who did the US diplomat sit down with at Algeria's interior ministry?"));
    expect(met[0]).not.toContain("ميشال سيسون");
    expect(met.join(" ")).toContain("Amirouche");
    expect(quotes(await two.core.answer("Who's the US PermRep in NY running the consultations on UNSC reform?")).join(" ")).toContain("ليندا توماس جرينفيلد");
    // Nor someone the description owns (found by a review); a name asked of the description is (blind set 38).
    expect(quotes(await two.core.answer("Who is the American diplomat's colleague working in New York on Security Council reform?"))[0]).not.toContain("ميشال سيسون");
    expect(quotes(await two.core.answer("وش اسم المسؤولة الأمريكية اللي جت الجزائر؟"))[0]).toContain("ميشال سيسون");
    // Not the name of another person, in a clause of its own (found by a review).
    expect(quotes(await two.core.answer("ما اسم الوزير الذي ناقشت معه الدبلوماسية الأمريكية إصلاح مجلس الأمن؟"))[0]).not.toContain("ميشال سيسون");
  });

  it("looks for the description past the best quote, which matched other words (blind sets 41, 42 and 53)", async () => {
    // The best quotes another American ("ممثلة أمريكا … ليندا توماس جرينفيلد") or a sentence whose "زيارات" matched
    // "visiting"; one below says "المسؤولة الأمريكية" or "الدبلوماسية الأمريكية", whom the lead names.
    for (const question of [
      "What is the name of the US official who came to Algeria?",
      "what is the name of the american lady official who came to visit Algeria?",
      "I'm teaching a lesson on this - who exactly is the American diplomat visiting, and what is her official title?",
    ]) {
      expect(quotes(await two.core.answer(question))[0], question).toContain("ميشال سيسون");
    }
    // Not where "who" asks of others, whom the description said something of (blind sets 1, 9 and 21).
    for (const question of ["من هم الشركاء الاساسيون للحكومة الجزائرية حسب المسؤولة الامريكية؟", "من الذين وصفتهم المسؤولة الأمريكية بأنهم شركاء أساسيون للحكومة؟"]) {
      expect(quotes(await two.core.answer(question))[0], question).toContain("المدافعون عن حقوق الإنسان");
    }
    // Nor where it cites the description as its source: "الصفة" asks what the two countries share (blind set 37).
    const shared = "ما الصفةُ المشتركةُ التي تجمعُ الجزائرَ والولاياتِ المتحدةَ في مجلسِ حقوقِ الإنسانِ بحسبِ المسؤولة؟";
    expect(quotes(await two.core.answer(shared))[0]).toContain("عضوين منتخبين");
  });

  it("answers which person did something as who that person is (blind set 55), and not where the person is another's object", async () => {
    for (const question of [
      "which US official was visiting Algiers?",
      "أي مسؤول أمريكي زار الجزائر؟",
      "I should be most grateful if you could tell me which official of the United States Department of State was visiting Algiers, and what precisely her portfolio within the Department is.",
    ]) {
      expect(quotes(await two.core.answer(question))[0], question).toContain("ميشال سيسون");
    }
    expect(quotes(await two.core.answer("Which Algerian minister did Sison talk to?"))[0]).toContain("Lamamra");
    // Whom she saw is the person asked, not she, whom the quote before describes (conversations 51).
    const first = await two.core.answer("Did Ms Sison call at the Algerian Ministry of the Interior?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const title = quotes(await two.core.answer("And what was the title of the official she saw there?", { context: { turns } }));
    expect(title[0]).not.toContain("ميشال سيسون");
  });

  it("declines a duration asked of a meeting whose quotes give none, and finds a tweet's stamp asked with نزلت (conversations 52, 53)", async () => {
    const ask = async (opening: string, question: string): Promise<Answer> => {
      const first = await two.core.answer(opening);
      return two.core.answer(question, { context: { turns: [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }] } });
    };
    expect((await ask("منو مراسل مراسلون بلا حدود اللي التقت بيه؟", "وشكد طولت القعدة وياه؟")).kind).toBe("declined");
    const posted = quotes(await ask("شو صار بالتغريدة تبع وزارة الداخلية الجزائرية؟ مين قابلت؟", "وإيمتى نزلت هالتغريدة؟"));
    expect(posted[0]).toContain("٦:٣٥ ص . ٢٤ يناير ٢٠٢٣");
  });

  it("asks when what was last answered happened: its quote's date, else declined where its passage gives none (conversations 63, 65, 66)", async () => {
    // The Sahel quote gives the accord's year, which no word of the question finds ("reached" was declined as not covered).
    expect(quotes(await chain("What did Sison say about Algeria's role in the Sahel?", "And in what year was it reached?"))[0]).toContain("لعام 2015");
    // The talks begin "very soon" (في وقت قصير جدًا): no date in their passage, and a post's stamp that "begin" finds is no answer.
    expect((await chain("What did Sison say about reforming the UN Security Council?", "Are there any negotiations on it coming up?", "And on what exact date do they begin?")).kind).toBe("declined");
    expect((await chain("What did she say about the intergovernmental negotiations on Security Council reform?", "Right, and what's the actual start date for them?")).kind).toBe("declined");
    expect((await chain("What Lamamra say about Security Council reform?", "He was in Congo for this meeting, yes?", "On which date this meeting happen?")).kind).toBe("declined");
    // The post's stamp dates the post, not since when its subject holds an office.
    expect((await chain("من هو مهدي عميروش وأين التقته سيسون؟", "ومنذ متى يتولى هذا المنصب بالنيابة؟")).kind).toBe("declined");
    // Asked of the post itself, the stamp is the answer.
    expect(quotes(await chain("Who did Sison meet at the interior ministry?", "When was that?"))[0]).toContain("٢٤ يناير ٢٠٢٣");
    // Any passage the answer quoted may give the date, not only its first quote's (conversations 2 and 54, whose
    // floors hold it on the briefing alone), by a sentence with words of the question's own where it has any (not
    // the accord's year, asked when the withdrawal was announced: conversations 16); a post's stamp where the
    // question asks of the post (conversations 50).
    expect((await chain("What peace deal did Algeria mediate in Mali?", "Which groups pulled out from it?", "On what exact date did they announce the withdrawal?")).kind).toBe("declined");
    // The Arabic verb's "they" points back as the English pronoun does (blind conversations 88).
    expect((await chain("ماذا قالت سيسون عن اتفاق الجزائر للسلام في مالي؟", "ومين هي التنظيمات اللي انسحبت منه؟", "وإمتى بالضبط أعلنوا الانسحاب؟")).kind).toBe("declined");
    // Nor the first quote's date where the question's own words are mostly in another candidate, nor a post's stamp
    // asked of what the post does not say (a review).
    expect(quotes(await chain("What did Sison say about Algeria's role in the Sahel?", "When did the Azawad groups announce their withdrawal from it?"))[0]).toContain("محور الجزائر باماكي");
    expect(quotes(await chain("What did Sison say about Algeria and the US on the Human Rights Council?", "And when was Algeria elected to it?"))[0]).not.toContain("يناير ٢٠٢٣");
    // The thing pointed at is the one last quoted, though another sentence names a meeting too (conversations 15).
    expect(quotes(await chain("Sison met the CNDH right?", "امتى كان هاللقاء؟"))[0]).toContain("٢٣ يناير ٢٠٢٣");
    // Past an article after the demonstrative (conversations 61).
    expect(quotes(await chain("Sison تلاقات مع le CNDH ولا؟", "وعلاش حكاو معاهم بالضبط؟", "ووقتاش كان هاد le meeting؟ عطيني la date")).join(" ")).toContain("٢٣ يناير ٢٠٢٣");
    expect(quotes(await chain("who did sison meet at the interior ministry", "wut did they stress", "when was that tweet posted")).join(" ")).toContain("٢٤ يناير ٢٠٢٣");
  });

  it("counts the replies of the post the last answer quoted, which no word of the question tells from the others (blind conversations 39)", async () => {
    const first = await two.core.answer("شن صار بين سيسون وخالد درارني؟");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const second = await two.core.answer("وهو يخدم مع أي منظمة؟", { context: { turns } });
    turns.push({ question: second.question, citations: second.kind === "answered" ? second.citations : [] });
    expect(quotes(second)[0]).toContain("Reporters Without Borders");
    expect(quotes(await two.core.answer("وقداش رد جات على التغريدة هذيكا؟", { context: { turns } }))[0]).toContain("١٢٠ رد");
    // Not where the question names another post (a review: the interior ministry's 196 for the CNDH tweet's 42).
    const ministry = await two.core.answer("Who did Sison meet at the interior ministry?");
    const asked = [{ question: ministry.question, citations: ministry.kind === "answered" ? ministry.citations : [] }];
    expect(quotes(await two.core.answer("And how many replies did the CNDH tweet get?", { context: { turns: asked } }))[0]).toContain("٤٢ رد");
  });

  describe("session 58's follow-ups", () => {

    it("asks the count before again of the post a question with no question word names (blind conversations 71, 51)", async () => {
      expect(quotes(await chain("كم رد على تغريدة لقائها مع لعمامرة؟", "وتغريدة لقائها مع دراريني؟"))[0]).toContain("١٢٠ رد");
      expect(quotes(await chain("How many replies did the Lamamra tweet get?", "And the one with the journalist?"))[0]).toContain("١٢٠ رد");
      // Asked anew, with its own question word, it is a question of its own.
      expect(quotes(await chain("How many replies did the Lamamra tweet get?", "What did she discuss with the journalist?"))[0]).toContain("We discussed the role");
    });

    it("ties 'that one' to the post last quoted and counts its replies with 'replied' (blind conversations 59)", async () => {
      expect(quotes(await chain("Which one of her posts talks about the foreign minister, y'all?", "How many folks replied to that one?")).join(" ")).toContain("٣٨٩ رد");
      expect(readsAsFollowUp("How many folks replied to that one?", 2)).toBe(true);
    });

    it("reads و joined to a preposition as going on from the turn before (blind conversations 71)", async () => {
      expect(readsAsFollowUp("وعلى إيش ركزوا في اللقاء؟", 2)).toBe(true);
      expect(readsAsFollowUp("وين تقع الجزائر؟", 2)).toBe(false);
      expect(quotes(await chain("متى التقت سيسون بأعضاء المجلس الوطني لحقوق الإنسان؟", "وعلى إيش ركزوا في اللقاء؟"))[0]).toContain("#CNDH");
      // "وهي" (and she) too; a wordless follow-up after it is judged back to the question that stands alone
      // (blind conversations 55), not with the tied one's weak words alone.
      expect(readsAsFollowUp("وهي قابلته ليه اصلا؟", 2)).toBe(true);
      expect(quotes(await chain("مين خالد درارني ده؟", "وهي قابلته ليه اصلا؟", "واتكلموا في ايه بالظبط؟")).join(" ")).toContain("We discussed the role");
    });

    it("answers a question pointing at the post just quoted from that post, however many words of its own it has (blind conversations 21, 70)", async () => {
      const asked = quotes(await chain("Which journalist did Sison say inspired her during the trip?", "Which US embassy account did she tag in that same tweet?"));
      expect(asked[0]).toContain("@USAmbtoAlgeria");
      expect(quotes(await chain("In Sison's tweet about meeting Khaled Drareni, what did they discuss?", "Which US embassy account was tagged in that one?"))[0]).toContain("@USAmbtoAlgeria");
      // Not "when was that posted?" (posting, not the post), left to the post's stamp.
      expect(quotes(await chain("Is there a tweet about Algeria's National Human Rights Council?", "when was that posted?")).join(" ")).toContain("١٨:٤ ص . ٢٣ يناير ٢٠٢٣");
    });

    it("keeps those rules to what they read (a review of the first version)", async () => {
      // "that" after a post's noun opens a clause; "that one?" alone still follows the post quoted.
      expect(quotes(await chain("Which journalist did Sison meet?", "Is there a tweet that mentions Mehdi Amirouche?"))[0]).toContain("Mehdi Amirouche");
      expect(quotes(await chain("Which journalist did Sison meet?", "that one?"))[0]).toContain("Reporters Without Borders");
      // A yes/no follow-up after a count names no post; nor does "the one about the Security Council", whose best
      // candidates are the report's; the Arabic "وماذا عن …" asks again.
      expect(quotes(await chain("How many replies did the Lamamra tweet get?", "And she met Lamamra in Algiers?"))[0]).toContain("Good conversation");
      expect(quotes(await chain("How many replies did the Lamamra tweet get?", "And the one about the Security Council?"))[0]).not.toContain("٤٢ رد");
      expect(quotes(await chain("كم رد على تغريدة لقائها مع لعمامرة؟", "وماذا عن تغريدة المجلس الوطني لحقوق الإنسان؟"))[0]).toContain("٤٢ رد");
      // A count with no word of its own follows the post quoted; pointing at an answer that quoted none, it is declined.
      expect(quotes(await chain("Which tweet mentions Mehdi Amirouche?", "How many replied?"))[0]).toContain("١٩٦ رد");
      expect((await chain("What did Sison say about Western Sahara?", "How many folks replied to that one?")).kind).toBe("declined");
      // A bare "why" after an Arabic opener is still a bare question word.
      expect((await chain("ما موقف أمريكا من إصلاح مجلس الأمن؟", "ومين بيقود الجهود دي في نيويورك؟", "طب وليه؟")).kind).toBe("declined");
      // Which body a woman is with is not the last quote's man's; a group that did something is no body someone is with.
      expect(quotes(await chain("Who did Sison meet at the interior ministry?", "And which organization does she work for?"))[0]).not.toContain("Mehdi Amirouche");
      expect(quotes(await chain("What peace deal did Algeria broker in Mali?", "Which group did they say withdrew from it?")).join(" ")).toContain("تنظيمات للأزواج");
    });

    it("answers what was discussed at a meeting the last answer's first quote told of from that quote (seven blind conversations)", async () => {
      expect(quotes(await chain("Sison met Algeria's foreign minister also, no?", "What all did they discuss?"))[0]).toContain("shared priorities");
      expect(quotes(await chain("Who did she meet at the interior ministry?", "What did they stress in that meeting?"))[0]).toContain("underscored the importance");
      expect(quotes(await chain("مين هو خالد درارني حسب التغريدة؟", "وشو كتبت عنه بالحرف؟"))[0]).toContain("Inspired today by my meeting");
      // The Arabic verb's "they" ties as the English pronoun does (blind conversations 76: "شو ناقشوا؟").
      expect(quotes(await chain("مع مين التقت سيسون من مراسلون بلا حدود؟", "شو ناقشوا؟"))[0]).toContain("Inspired today by my meeting");
      // And the two of them, form VI's dual (blind conversations 85: "وما الذي تناقشا فيه؟").
      expect(quotes(await chain("مع أي صحفي التقت سيسون؟", "ولأي منظمة يعمل؟", "وما الذي تناقشا فيه؟"))[0]).toContain("Inspired today by my meeting");
      // Any listed verb's dual, as شددا (conversations 91: "وما الذي شددا عليه؟" found لعمامرة's وشدد paragraph).
      expect(quotes(await chain("مع من التقت سيسون في وزارة الداخلية الجزائرية؟", "وما الذي شددا عليه؟"))[0]).toContain("underscored the importance");
      // Chatted, or talked (a function word) in that meeting (blind conversations 81: "what did they chat about?").
      expect(quotes(await chain("Did Sison talk with Algeria's foreign minister?", "what did they chat about?"))[0]).toContain("shared priorities");
      expect(quotes(await chain("Who did she meet at the interior ministry?", "What did they talk about in that meeting?"))[0]).toContain("underscored the importance");
      // Not with a word of its own besides: "What did they discuss about Mali?" is asked of Mali.
      expect(quotes(await chain("Sison met Algeria's foreign minister also, no?", "What did they discuss about Mali?"))[0]).toContain("مالي");
    });

    it("answers how she felt about what the last answer quoted from it: feeling is no topic word, as opinion is not (blind conversations 79 and 82)", async () => {
      expect(quotes(await chain("Which Reporters Without Borders correspondent did Sison meet?", "how'd she say she felt about it?"))[0]).toContain("Inspired today by my meeting");
      expect(quotes(await chain("مع مين التقت سيسون من مراسلون بلا حدود؟", "وشو كان إحساسها بعدها؟"))[0]).toContain("Inspired today by my meeting");
    });

    it("keeps the mended rules to what they read (a second review)", async () => {
      // A short first name after a clitic beside a name the briefing writes in Arabic.
      expect(quotes(await two.core.answer("هل التقت سيسون بمهدي؟")).join(" ")).toContain("Mehdi Amirouche");
      // A word of the question found in another post and not in the quoted one's card names that post.
      expect(quotes(await chain("Who did Sison meet at the interior ministry?", "And how many replies did the tweet about journalists get?"))[0]).toContain("١٢٠ رد");
      // What was discussed is asked of a meeting the last answer told of, and not past it ("else").
      expect(quotes(await chain("متى زارت سيسون الجزائر؟", "وشو ناقشوا؟"))[0]).toContain("ناقشت");
      expect(quotes(await chain("Who did Sison meet at the interior ministry?", "What else did they discuss?"))[0]).not.toContain("Mehdi Amirouche");
      // So is أيضاً with its tanween, which normalises to ايض (found when its lists were made one).
      expect(quotes(await chain("Who did Sison meet at the interior ministry?", "وماذا ناقشوا أيضاً؟"))[0]).not.toContain("Mehdi Amirouche");
      // "a member of" is being with a body.
      expect(quotes(await chain("Who is Khaled Drareni?", "What organization is he a member of?"))[0]).toContain("Reporters Without Borders");
    });

    it("answers which organisation someone is with from the quote that introduced them (blind conversations 2, 15, 31)", async () => {
      expect(quotes(await chain("Which journalist did Sison meet during the trip?", "Which organization is he with?"))[0]).toContain("Reporters Without Borders");
      expect(quotes(await chain("مين الصحفي اللي التقت فيه سيسون؟", "وهاد لأي منظمة بيشتغل؟"))[0]).toContain("Reporters Without Borders");
      // Not a group asked of no person ("Which groups pulled out of it?": blind conversations 37).
      expect(quotes(await chain("What peace deal did Algeria broker in Mali?", "Which groups pulled out of it?", "And where are they based?")).join(" ")).toContain("شمال مالي");
      // Not where the question's other words are elsewhere: a question of its own on what the quote does not hold.
      expect(quotes(await chain("Which journalist did Sison meet during the trip?", "And which organization runs the peacekeeping mission in Western Sahara?"))[0]).not.toContain("Reporters Without Borders");
    });

    it("declines whether the person introduced did too what the text says another did (six blind conversations)", async () => {
      // The visit is Sison's: "she too" asks it of Linda Thomas-Greenfield, whose passage does not tell of one.
      expect((await chain("من هي ليندا توماس جرينفيلد حسب المقال؟", "وهل زارت الجزائر هي أيضا؟")).kind).toBe("declined");
      expect((await chain("مين ليندا توماس جرينفيلد؟", "وإمتى رح تزور الجزائر هي كمان؟")).kind).toBe("declined");
      expect((await chain("من هي ليندا توماس جرينفيلد؟", "ماذا تفعل بشأن مجلس الأمن؟", "وهل زارت الجزائر هي أيضاً؟")).kind).toBe("declined");
      expect((await chain("Who is Linda Thomas-Greenfield?", "Did she too visit Algeria?")).kind).toBe("declined");
      // Answered where that passage tells of it, and "too" elsewhere asks what else she did, not another's deed.
      expect(quotes(await chain("مين ليندا توماس جرينفيلد؟", "وهل تعمل في نيويورك هي كمان؟"))[0]).toContain("نيويورك");
      expect(quotes(await chain("Who is Michele Sison?", "Did she meet Lamamra too?")).join(" ")).toContain("@Lamamra_dz");
      // Not of the briefing's subject, whom the lead introduces; not of a person the conversation has left; not هو
      // or هي as the copula (a review).
      expect((await chain("من هي ميشال سيسون؟", "وهل زارت الجزائر هي أيضا؟")).kind).toBe("answered");
      expect((await chain("Who is Michele Sison?", "Did she too meet Lamamra?")).kind).toBe("answered");
      expect((await chain("من هو ستافان دي ميستورا؟", "ماذا قالت سيسون عن بعثة مينورسو؟", "وهل زارت هي أيضا الجزائر؟")).kind).toBe("answered");
      expect((await chain("من هي ميشال سيسون؟", "وما هو أيضا موقفها من مينورسو؟")).kind).toBe("answered");
    });

    it("declines who heads a body where no quote names a head (six blind conversations on the rights council's head)", async () => {
      expect((await chain("Which Algerian human rights body did Sison meet with?", "Who heads it?")).kind).toBe("declined");
      expect((await chain("سيسون قابلت ناس من المجلس الوطني لحقوق الإنسان صاح؟", "طيب رئيس المجلس دا اسمو شنو؟")).kind).toBe("declined");
      // A leader the text names is asked otherwise, and answered.
      expect(quotes(await two.core.answer("Who leads the political process in Western Sahara?")).join(" ")).toContain("قيادة ستافان دي ميستورا");
    });

    it("declines what he told her back where no quote tells of a response (blind conversations 28 and 39)", async () => {
      expect((await chain("did the state department lady meet the foreign minister lamb amara", "what did he tell her back about that court candidate")).kind).toBe("declined");
    });

    it("answers when what was last answered happened, asked with no word of its own and no pronoun (blind conversations 75: \"وبأي سنة صار؟\")", async () => {
      // On the briefing alone: beside another briefing's years, the pair judgement answered it anyway.
      const project = tempProject();
      const rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir });
      try {
        const turns: { question: string; citations: readonly Citation[] }[] = [];
        for (const question of ["الجزائر شنو دورها بالساحل حسب سيسون؟", "وشنو الاتفاق اللي توسطت بي؟"]) {
          const answer = await rag.answer(question, { context: { turns } });
          turns.push({ question, citations: answer.kind === "answered" ? answer.citations : [] });
        }
        expect(quotes(await rag.answer("وبأي سنة صار؟", { context: { turns } }))[0]).toContain("لعام 2015");
        // Not a bare "and when?", which an occasion may answer (a review: declined after Lamamra's remarks).
        const remarks = await rag.answer("ماذا قال لعمامرة عن مجلس الأمن؟");
        const after = [{ question: remarks.question, citations: remarks.kind === "answered" ? remarks.citations : [] }];
        expect((await rag.answer("ومتى؟", { context: { turns: after } })).kind).toBe("answered");
      } finally {
        await rag.close();
        project.remove();
      }
    });
  });

  it("names the described speaker from the briefing the description is in, not the best quote's (found by a review)", async () => {
    const project = tempProject();
    try {
      writeFileSync(
        join(project.seedsDir, "001_rapporteurs.txt"),
        [
          "**زيارات المقررين الخاصين إلى الجزائر**",
          "قالت سفيرة الولايات المتحدة الأمريكية، إليزابيث أوبين، إن بلادها تتابع ملف التعاون الاقتصادي مع الجزائر.",
          "وتطرح مسألة زيارات المقررين الخاصين للأمم المتحدة إلى الجزائر منذ سنوات، وسط انتقادات منظمات حقوقية دولية.",
        ].join("\n\n"),
      );
      const rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir });
      const answer = await rag.answer("Who is the US official who talked about criticism from international rights organisations over special rapporteurs' visits?");
      expect(quotes(answer)[0]).not.toContain("إليزابيث أوبين");
    } finally {
      project.remove();
    }
  });

  it("answers a person's occupation the same way, asked alone or as a follow-up with no word of its own (blind conversations 36)", async () => {
    expect(quotes(await two.core.answer("What exactly is the job title of the American official who went to Algeria?"))[0]).toContain("ميشال سيسون");
    // The follow-up has no word of its own to match the description: it asks of the person the answer describes.
    const first = await two.core.answer("Who's the American official visiting Algeria in this piece?");
    expect(quotes(first)[0]).toContain("ميشال سيسون");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    // It quoted first "قالت المسؤولة الأمريكية إنها …", which names no one.
    expect(quotes(await two.core.answer("What's her exact job title?", { context: { turns } }))[0]).toContain("مساعدة وزير الخارجية الأمريكي");
  });

  it("answers 'What's his full name?' after a quote on the envoy with the sentence naming him, the name's words read off", async () => {
    const first = await two.core.answer("What did Sison say about the UN envoy for Western Sahara?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect(quotes(await two.core.answer("What's his full name?", { context: { turns } }))[0]).toContain("ستافان دي ميستورا");
  });

  it("reads 'the two of them' as the people answered, not as a number (blind conversations 39)", async () => {
    const first = await two.core.answer("Who did Sison meet from Reporters Without Borders?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const talked = await two.core.answer("And what did the two of them talk about?", { context: { turns } });
    expect(quotes(talked).join(" ")).toContain("independent journalists in advancing freedom of expression");
  });

  it("asks a question of its own after the headline as asked: 'What is Lamamra's title?' is no question on the page (found by a review)", async () => {
    const first = await two.core.answer("What is the headline of the article?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect(quotes(await two.core.answer("What is Lamamra's title?", { context: { turns } })).join(" ")).toContain("Lamamra");
  });

  it("asks a page's part of the report after the outlet, the follow-up's verb joined to و (blind conversations 34)", async () => {
    const first = await two.core.answer("المقال ده اتنشر في جريدة إيه؟");
    expect(quotes(first)[0]).toContain("القدس العربي");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect(quotes(await two.core.answer("واتنشر من قد إيه؟", { context: { turns } }))[0]).toBe("منذ 18 ساعة");
  });

  it("answers 'and from which city was it filed?' after the outlet with the dateline (three blind rounds), and only after it", async () => {
    const first = await two.core.answer("Which newspaper published this report?");
    expect(quotes(first)[0]).toContain("القدس العربي");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    for (const question of ["And from which city was it filed?", "ومن وين انكتب؟", "ومن أي مدينة؟"]) {
      expect(quotes(await two.core.answer(question, { context: { turns } }))[0], question).toContain("الجزائر- “القدس العربي”");
    }
    // A question of its own on a place is asked as it is.
    expect(quotes(await two.core.answer("where did Sison meet Amirouche?", { context: { turns } })).join(" ")).toContain("Amirouche");
  });

  it("reads a pronoun as the report after an answer on the page: 'How long ago was it posted?' after the outlet", async () => {
    const first = await two.core.answer("What outlet is this article from?");
    expect(quotes(first)[0]).toContain("القدس العربي");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect(quotes(await two.core.answer("How long ago was it posted?", { context: { turns } }))[0]).toBe("منذ 18 ساعة");
  });

  it.each([
    // No longer only the one mentioning its author.
    ["sisson tweet about the CNDH - what was it about", "when was it posted?"],
    // The dialects' "and when was it written", no word found nowhere (conversations 59).
    ["في تغريدة عن لقاء سيسون مع المجلس الوطني لحقوق الانسان، صح؟", "وايمتى انكتبت؟"],
  ])("quotes that tweet, with its date, for '%s' then '%s'", async (question, followUp) => {
    const first = await two.core.answer(question);
    expect(quotes(first)[0]).toContain("#CNDH");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const dated = quotes(await two.core.answer(followUp, { context: { turns } })).find((q) => q.includes("#CNDH"));
    expect(dated).toContain("٢٣ يناير ٢٠٢٣");
  });

  it("declines 'Who said that?' where no speaker is named near the quote: the report's own words (found by a review)", async () => {
    const first = await two.core.answer("Why was Algeria criticised internationally?");
    expect(quotes(first)[0]).toContain("عرضة للانتقادات الدولية");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect((await two.core.answer("Who said that?", { context: { turns } })).kind).toBe("declined");
  });

  it("declines 'Who said that?' after a declined question, rather than naming an older answer's speaker (found by a review)", async () => {
    const first = await two.core.answer("What was said about Africa's representation on the Security Council?");
    const declined = await two.core.answer("Who won the Spanish league this year?");
    expect(declined.kind).toBe("declined");
    const turns = [
      { question: first.question, citations: first.kind === "answered" ? first.citations : [] },
      { question: declined.question, citations: [] },
    ];
    expect((await two.core.answer("Who said that?", { context: { turns } })).kind).toBe("declined");
  });

  it("declines a follow-up whose only words are found nowhere, verbs too: a new topic (found by a review)", async () => {
    const who = await two.core.answer("من هي ميشال سيسون؟");
    const after = [{ question: who.question, citations: who.kind === "answered" ? who.citations : [] }];
    // Reading a present-tense verb found nowhere as no new topic (for "ومين بيشمل؟", the text's بما في ذلك) let
    // these through: where she lives, what she eats; and a noun's: how old she is, the best restaurant there.
    for (const question of ["وفين بتسكن؟", "وشو تاكل؟", "وكم عمرها؟", "طيب وش أحسن مطعم هناك؟"]) {
      expect((await two.core.answer(question, { context: { turns: after } })).kind, question).toBe("declined");
    }
  });

  it("declines a follow-up whose own words the briefing lacks, though a word spelt alike is there", async () => {
    // "food" once matched the tweet's "Good conversation" as a misspelling.
    const first = await two.core.answer("Who is Michele Sison?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    expect((await two.core.answer("and what is her favourite food?", { context: { turns } })).kind).toBe("declined");
  });

  it("follows every passage the turn before quoted from its first citation's briefing, not the first alone", async () => {
    // The settlement question's first quote was the headline; the peacekeepers it also named were in its second.
    const text = readFileSync(join(two.root, `seeds/${SEED_NAME}`), "utf8");
    const span = (from: string, to: string) => {
      const start = text.indexOf(from);
      return { source: `seeds/${SEED_NAME}`, start, end: text.indexOf(to, start) + to.length };
    };
    const citations = [span("مساعدة بلين", "دي ميستورا"), span("وأوضحت مساعدة", "الغربية والمنطقة")];
    const turns = [{ question: "What did the US official say about a settlement for Western Sahara?", citations }];
    const followUp = quotes(await two.core.answer("And does Washington also back the UN peacekeepers there?", { context: { turns } }));
    expect(followUp.slice(0, 3).join(" ")).toContain("نحن ندعم بقوة بعثة مينورسو لحفظ السلام");
  });

  it("favours the sentence the last answer quoted first, where a pronoun's referent is: 'where are they going to be held?'", async () => {
    const text = readFileSync(join(two.root, `seeds/${SEED_NAME}`), "utf8");
    const start = text.indexOf("هناك أيضًا مفاوضات حكومية دولية");
    const turns = [{ question: "What upcoming talks on Security Council reform did she mention?", citations: [{ source: `seeds/${SEED_NAME}`, start, end: text.indexOf(".", start) + 1 }] }];
    const followUp = quotes(await two.core.answer("Where are they going to be held?", { context: { turns } }));
    expect(followUp.slice(0, 3).join(" ")).toContain("ستبدأ في نيويورك");
  });

  it("weighs what a pronoun stands for as a word of the follow-up's own, not a context word (seven blind conversations)", async () => {
    expect(quotes(await chain("What did Algeria recently allow regarding UN envoys?", "Why was that seen as significant?")).join(" ")).toContain("كمؤشر انفتاح");
    expect(quotes(await chain("What went wrong with the Algiers agreement recently?", "where are those groups based")).join(" ")).toContain("شمال مالي");
    // Not where it points at words said: "this talk" is the last quote's, whose passage tells where it was said.
    expect(quotes(await chain("وش قال لعمامرة عن إصلاح مجلس الأمن؟", "وفي أي اجتماع قال هالكلام؟")).join(" ")).toContain("الاجتماع الوزاري");
    // Nor "say it" (a review: the civil society paragraph came first).
    expect(quotes(await chain("ماذا قالت سيسون عن المجتمع المدني؟", "At which press conference did she say it?"))[0]).toContain("ندوة صحفية");
  });

  it("keeps an Arabic follow-up in the briefing the turn before cited, as an English one", async () => {
    const first = await two.core.answer("What role did Algeria play in the Sahel?");
    const turns = [{ question: first.question, citations: first.kind === "answered" ? first.citations : [] }];
    const followUp = await two.core.answer("وما الاتفاق الذي توسطت فيه؟", { context: { turns } });
    expect(followUp.kind === "answered" && followUp.citations[0]?.source).toBe(`seeds/${SEED_NAME}`);
  });

  it("does not bend a question that stands on its own, in either language", async () => {
    const turns = [{ question: "Which agreement did Norway mediate?", citations: [{ source: "seeds/oslo.md", start: 8, end: 60 }] }];
    for (const question of ["من هو المبعوث الشخصي للأمين العام في الصحراء الغربية؟", "Who is the personal envoy of the Secretary-General for Western Sahara?"]) {
      const alone = quotes(await two.core.answer(question));
      expect(alone.length).toBeGreaterThan(0);
      expect(quotes(await two.core.answer(question, { context: { turns } }))).toEqual(alone);
    }
  });
});

describe("readsAsFollowUp", () => {
  it.each([
    ["ومن يقود العملية السياسية؟", 3, true],
    ["وماذا عن مالي؟", 1, true],
    ["وعن مالي؟", 1, true],
    ["وبالنسبة لمالي؟", 1, true],
    ["ماذا قالت عنها؟", 1, true],
    ["And about Mali?", 1, true],
    ["Which agreement did it mediate?", 2, true],
    ["when did that issue come up in Geneva?", 2, true],
    ["Is that deal still holding up?", 2, true],
    // "that" opening a clause or a relative one points back to nothing (found by a review).
    ["Who said that journalists are partners?", 2, false],
    ["Which tweet says that Algeria joins the council?", 4, false],
    ["How many seats does Africa want that are permanent?", 4, false],
    ["في أي عام وقعت الاتفاقية؟", 3, false],
    ["وزير الخارجية من هو؟", 2, false],
    ["ما هو موقف الجزائر من مالي؟", 3, false],
    ["فرنسا ماذا قالت؟", 2, false],
    ["What is the agreement that Algeria mediated in 2015 with Mali?", 5, false],
    ["وامتى كان هاد اللقاء؟", 1, true],
    // An Arabic verb's "they" ties as the English pronoun does; a noun ending so does not (a review: الهواء).
    ["شو ناقشوا؟", 1, true],
    ["ما هي نظرية فساد الهواء؟", 2, false],
    ["وشكون تخدم على هاد الملف في نيويورك؟", 3, true],
    ["شو قال دي ميستورا عن الحل؟", 3, false],
    ["واش كاين اتفاق بين الجزائر ومالي؟", 3, false],
    ["فاين كاين مقر بعثة المينورسو؟", 3, false],
    ["طيبة مدينة في مصر، ماذا قالت عنها؟", 4, true],
    ["طيبة مدينة في مصر، ما علاقتها بالجزائر؟", 4, false],
    ["و ماذا عن مالي؟", 1, true],
    ["هادى شنو؟", 1, true],
    ["Is there a date for the election in the country this year?", 5, false],
    // The Egyptian opener طب (well, …), and a plural pronoun on a preposition (منهم, of them).
    ["طب واتكلموا في ايه بالظبط؟", 0, true],
    ["وش المطلوب منهم حسب كلامها؟", 1, true],
    // A noun pointed at with هالـ (this meeting), in a short question only.
    ["امتى كان هاللقاء؟", 1, true],
    ["من هو ستافان دي ميستورا وشو دوره بهالملف؟", 4, false],
  ] as const)("%s (%i words of its own) -> %s", (question, terms, expected) => {
    expect(readsAsFollowUp(question, terms)).toBe(expected);
  });
});
