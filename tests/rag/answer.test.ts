import { describe, expect, it } from "vitest";
import { chooseCitations, quoteSpans, type ChosenQuote } from "../../src/rag/answer.js";
import { RANK_FEATURES } from "../../src/rag/model.js";
import type { IndexedSentence, Ranked } from "../../src/rag/retrieve.js";
import type { Passage } from "../../src/rag/types.js";
import { withBriefing } from "../helpers/project.js";

/** A passage of `text`'s sentences (each ending in a full stop), and its candidates to quote. */
function passageOf(text: string, passageIndex = 0) {
  const bounds = [...text.matchAll(/[^.]+\./g)].map((m) => ({ start: (m.index ?? 0) + (m.index ? 1 : 0), end: (m.index ?? 0) + m[0].length }));
  const passage: Passage = { id: `s#${passageIndex}`, source: passageIndex ? `s${passageIndex}` : "s", kind: "paragraph", label: `paragraph ${passageIndex + 1}`, start: 0, end: text.length, sentences: bounds };
  const ranked = (at: number, previousCover: number, nextCover: number, score = 1): Ranked => {
    const features = new Float64Array(RANK_FEATURES.length);
    features[RANK_FEATURES.indexOf("previousCover")] = previousCover;
    features[RANK_FEATURES.indexOf("nextCover")] = nextCover;
    const sentence: IndexedSentence = { ...(bounds[at] as { start: number; end: number }), passage, passageIndex, position: at };
    return { sentence, score, features, probability: 0.5, named: true };
  };
  const quoted = (r: Ranked): string => {
    const [{ start, end } = { start: 0, end: 0 }] = quoteSpans(r);
    return text.slice(start, end);
  };
  return { ranked, quoted };
}

const short = "First sentence about the envoy. Second sentence names Staffan de Mistura. Third sentence adds the date.";
// The three do not fit in 400 characters together; any two do.
const long = `First sentence about the envoy and ${"the long road of talks ".repeat(11)}behind it. Second sentence names Staffan de Mistura. Third sentence adds the date of the next round in Geneva and who will attend it.`;
const { ranked, quoted } = passageOf(long);

describe("quoteSpans: the widest quote", () => {
  it("takes in both neighbours when the three sentences fit in 400 characters (a short sentence is read with its context)", () => {
    const three = passageOf(short);
    expect(three.quoted(three.ranked(1, 0, 0))).toBe(short);
    expect(three.quoted(three.ranked(1, 0.5, 0.2))).toBe(short);
    expect(three.quoted(three.ranked(0, 0, 0))).toBe("First sentence about the envoy. Second sentence names Staffan de Mistura.");
  });

  it("takes in the next sentence by default", () => {
    expect(quoted(ranked(1, 0, 0))).toBe(long.slice(long.indexOf("Second")));
  });

  it("takes in the sentence before instead when it holds more of the question's words", () => {
    expect(quoted(ranked(1, 0.5, 0.2))).toBe(long.slice(0, long.indexOf(" Third")));
  });

  it("takes in the other neighbour at the ends of its passage, where the one asked for is missing", () => {
    expect(quoted(ranked(2, 0, 0))).toBe(long.slice(long.indexOf("Second")));
    expect(quoted(ranked(0, 0.9, 0))).toBe(long.slice(0, long.indexOf(" Third")));
  });

  it("quotes the sentence alone when no neighbour fits beside it", () => {
    const lonely = passageOf(`${"A very long opening sentence that goes on and on ".repeat(9)}. Short one. ${"Another very long closing sentence that goes on ".repeat(9)}.`);
    expect(lonely.quoted(lonely.ranked(1, 0, 0))).toBe("Short one.");
  });

});

describe("chooseCitations", () => {
  it("never lets two quotes overlap, whichever neighbour each takes in", () => {
    const chosen = chooseCitations([ranked(1, 0, 0, 1), ranked(2, 0.9, 0, 0.9), ranked(0, 0, 0, 0.8)]);
    const spans = chosen.map((c) => c.span);
    for (const a of spans) for (const b of spans) if (a !== b) expect(a.end <= b.start || b.end <= a.start).toBe(true);
  });

  it("joins a quote that runs on from a better one's into it, and gives the slot to the next sentence", () => {
    const text = "One opens. Two follows. Three is the best. Four closes it. Five ends.";
    const five = passageOf(text);
    const other = passageOf("Elsewhere a sentence.", 1);
    // Three is quoted with Two and Four; One and Five each run on from that quote: one passage read on, not three
    // numbered quotes of consecutive text, and the third candidate, from another passage, is quoted too.
    const chosen = chooseCitations([five.ranked(2, 0, 0, 1), five.ranked(0, 0, 0, 0.9), five.ranked(4, 0, 0, 0.8), other.ranked(0, 0, 0, 0.7)]);
    expect(chosen.map((c) => c.ranked.sentence.position)).toEqual([2, 0]);
    expect(chosen.map((c) => c.ranked.sentence.passageIndex)).toEqual([0, 1]);
    expect(chosen[0]?.span).toEqual({ start: 0, end: text.length });
  });

  it("joins a chain: a quote that runs on from two chosen ones joins both, when the whole fits (found by a review)", () => {
    // Ten sentences of 58 characters. S1 is quoted S0-S2, S5 as S4-S6; S3, between them, alone: it ran on from
    // both, and joined only the first, leaving two numbered quotes of consecutive text (404 characters together).
    const text = Array.from({ length: 10 }, (_, i) => `Sentence ${i} ${"y".repeat(46)}.`).join(" ");
    const ten = passageOf(text);
    const chosen = chooseCitations([ten.ranked(1, 0, 0, 1), ten.ranked(5, 0, 0, 0.9), ten.ranked(3, 0, 0, 0.8)]);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]?.ranked.sentence.position).toBe(1);
    const quote = text.slice(chosen[0]?.span.start, chosen[0]?.span.end);
    expect(quote.startsWith("Sentence 0")).toBe(true);
    expect(quote.endsWith(`Sentence 6 ${"y".repeat(46)}.`)).toBe(true);
  });

  it("quotes a sentence narrower, on its own, when its widest quote would overlap a better one's and the two would be too long as one", () => {
    // Five sentences of 190 characters: the best (Three) is quoted with Four (two fit in 400 characters, three do
    // not). Two's quotes with Three overlap it, so Two is quoted with One: together with Three's quote that would
    // be 763 characters, over the 600 a joined quote may take, so it stands alone. Five runs on from Three's
    // quote: joined, 572 characters.
    const sentence = (name: string): string => `${name} ${"x".repeat(188 - name.length)}.`;
    const text = ["One", "Two", "Three", "Four", "Five"].map(sentence).join(" ");
    const five = passageOf(text);
    const chosen = chooseCitations([five.ranked(2, 0, 0, 1), five.ranked(1, 0, 0, 0.9), five.ranked(4, 0, 0, 0.8)]);
    const quotes = chosen.map((c) => text.slice(c.span.start, c.span.end));
    expect(quotes.map((q) => q.split(" ").filter((w) => !w.startsWith("x")))).toEqual([["Three", "Four", "Five"], ["One", "Two"]]);
    expect(quotes[0]).toHaveLength(572);
  });
});

describe("the same words twice (found by a review)", () => {
  it("chooseCitations quotes a sentence that a chosen quote shows word for word not again, nor narrower", () => {
    // Two copies of a paragraph: the first copy's quote takes in both neighbours. The second's first sentence was
    // quoted with its next one, a quote of other text but words already shown; its second sentence, then overlapping
    // that, is not: three quotes, one a copy.
    const first = passageOf(short);
    const copy = passageOf(short, 1);
    const other = passageOf("Elsewhere a sentence.", 2);
    const texts = new Map([["s", short], ["s1", short], ["s2", "Elsewhere a sentence."]]);
    const candidates = [first.ranked(1, 0, 0, 1), copy.ranked(0, 0, 0, 0.95), copy.ranked(1, 0, 0, 0.9), other.ranked(0, 0, 0, 0.8)];
    const quotes = (chosen: ChosenQuote[]) => chosen.map((c) => [c.ranked.sentence.passageIndex, texts.get(c.ranked.sentence.passage.source)?.slice(c.span.start, c.span.end)]);
    expect(quotes(chooseCitations(candidates))).toEqual([
      [0, short],
      [1, short.slice(0, short.indexOf(" Third"))],
      [2, "Elsewhere a sentence."],
    ]);
    expect(quotes(chooseCitations(candidates, { texts }))).toEqual([
      [0, short],
      [2, "Elsewhere a sentence."],
    ]);
  });

  it("a copy spaced or broken across lines differently is a copy too", () => {
    const first = passageOf(short);
    const spaced = short.replace(/ /g, (_, at: number) => (at % 2 ? "\n" : "  "));
    const copy = passageOf(spaced, 1);
    const texts = new Map([["s", short], ["s1", spaced]]);
    const chosen = chooseCitations([first.ranked(0, 0, 0, 1), copy.ranked(1, 0, 0, 0.9)], { texts });
    expect(chosen.map((c) => c.ranked.sentence.passageIndex)).toEqual([0]);
  });

  it("a paragraph the briefing repeats is quoted once", async () => {
    const dam = "The Lumara River dam was finished in March after ten years of work by the northern cooperative.";
    await withBriefing("001_dam.txt", [dam, "The mayor opened a new school for the children of the valley on Tuesday.", dam, dam], async (rag) => {
      const answer = await rag.answer("When was the Lumara River dam finished?");
      expect(answer.kind === "answered" && answer.citations.map((c) => c.quote)).toEqual([dam]);
    });
  });
});

describe("a link in a Markdown briefing (found by a review)", () => {
  it("marks no word of its target in a quote, which is still the source's", async () => {
    const dam = "The [Lumara River](https://example.com/lumara?x=1) dam was finished in March after ten years of work.";
    await withBriefing("001_dam.md", [dam, "The mayor opened a new school for the children of the valley on Tuesday."], async (rag) => {
      const answer = await rag.answer("When was the Lumara dam finished?");
      if (answer.kind !== "answered") throw new Error("expected an answer");
      const [citation] = answer.citations;
      expect(citation?.quote).toBe(dam);
      expect(citation?.matches?.map((m) => [m.start, citation.quote.slice(m.start, m.end)])).toEqual([
        [5, "Lumara"],
        [dam.indexOf("dam"), "dam"],
        [dam.indexOf("finished"), "finished"],
      ]);
    });
  });
});

describe("a question asking for a name", () => {
  const visit = [
    "The envoy of the mission visited the northern region last week and met the council of the region.",
    "The council of the region discussed the budget of the schools and the roads of the valley.",
    // Someone named elsewhere: an index that marks no name declines nothing for want of one.
    "The school of the valley was opened by the mayor, Anna Berg, in the spring.",
  ];

  it("is declined when its best quote may name no one, answered by one that does, and where nothing is marked", async () => {
    await withBriefing("001_envoy.txt", visit, async (rag) => {
      expect((await rag.answer("What is the name of the envoy who visited the northern region?")).kind).toBe("declined");
      // The same words without asking for a name are answered.
      expect((await rag.answer("Who visited the northern region last week?")).kind).toBe("answered");
    });
    await withBriefing("001_envoy.txt", ["The envoy of the mission, Staffan Mistura, visited the northern region last week.", ...visit.slice(1)], async (rag) => {
      const named = await rag.answer("What is the name of the envoy who visited the northern region?");
      expect(named.kind === "answered" && named.citations[0]?.quote).toContain("Staffan Mistura");
    });
    await withBriefing("001_envoy.txt", visit.slice(0, 2), async (rag) => {
      expect((await rag.answer("What is the name of the envoy who visited the northern region?")).kind).toBe("answered");
    });
  });

  it("of a person posted somewhere, is declined where no quote names that place near the person (eight blind sets)", async () => {
    const posted = [
      "The ambassador to the United Nations, Anna Berg, will lead the talks on the budget of the region in New York next month.",
      "The minister of Norway met the council of the region in the northern region on Monday.",
      "The council of the region discussed the budget of the schools and the roads of Norway.",
    ];
    await withBriefing("001_posted.txt", posted, async (rag) => {
      // The report names the ambassador to the United Nations, not one to Norway, though it names Norway.
      expect((await rag.answer("What is the name of the ambassador to Norway?")).kind).toBe("declined");
      // Nor by another person's noun near the place (found by a review: "… to Algeria who met the … minister?").
      expect((await rag.answer("What is the name of the ambassador to Norway who met the minister of Norway?")).kind).toBe("declined");
      const named = await rag.answer("What is the name of the ambassador to the United Nations?");
      expect(named.kind === "answered" && named.citations[0]?.quote).toContain("Anna Berg");
    });
  });
});

describe("a question asking for someone's response", () => {
  const paragraphs = [
    "The envoy told the minister that the talks on the mission would resume on Friday in Geneva.",
    "وقالت المبعوثة للوزير إن المحادثات حول البعثة ستستأنف يوم الجمعة في جنيف.",
    "The minister was asked about the talks and answered that his country would attend.",
  ];

  it("is declined when no quote says a response was given: the briefing quotes what was said, no one's answer to it (blind sets 3, 11, 31, 37, 45)", async () => {
    await withBriefing("001_talks.txt", paragraphs.slice(0, 2), async (rag) => {
      expect((await rag.answer("How did the minister respond to the envoy on the talks?")).kind).toBe("declined");
      expect((await rag.answer("شو كان رد الوزير على كلام المبعوثة عن المحادثات؟")).kind).toBe("declined");
      expect((await rag.answer("Did the minister say anything back about the talks in Geneva?")).kind).toBe("declined");
      // The same words without asking for a response are answered.
      expect((await rag.answer("What did the envoy say about the talks in Geneva?")).kind).toBe("answered");
    });
  });

  it("is answered by a quote that says one was given", async () => {
    await withBriefing("001_talks.txt", paragraphs, async (rag) => {
      const answered = await rag.answer("What did the minister answer about the talks?");
      expect(answered.kind === "answered" && answered.citations.some((c) => c.quote.includes("answered that"))).toBe(true);
    });
  });
});

describe("a question asking for a quantity", () => {
  const paragraphs = [
    "The peacekeepers of the mission protect the civilians of the northern region with dedication.",
    "The envoy said the talks on the mission would resume on Friday in Geneva.",
    "وقال المبعوث إن حفظة السلام في البعثة يعملون بتفان لحماية المدنيين في الشمال.",
    // A year is no count: this must not answer "how many peacekeepers" (found by a review).
    "The peacekeepers of the mission came to the region under the accord of 2015.",
  ];

  it("is declined when no quote holds a number that could answer it", async () => {
    await withBriefing("001_mission.txt", paragraphs, async (rag) => {
      expect((await rag.answer("How many peacekeepers does the mission have?")).kind).toBe("declined");
      expect((await rag.answer("كم عدد حفظة السلام في البعثة؟")).kind).toBe("declined");
      // The same words without asking for a number are answered.
      expect((await rag.answer("What do the peacekeepers of the mission do?")).kind).toBe("answered");
    });
  });

  it("asked in a unit of time, needs a count of that unit: a three-year term answers no \"how many days\"", async () => {
    const visit = [
      "Every day of the envoy's visit to the region lasted late into the evening.",
      "During the visit the envoy met the council of the region as it begins its three-year term.",
    ];
    await withBriefing("001_visit.txt", visit, async (rag) => {
      expect((await rag.answer("How many days did the envoy's visit to the region last?")).kind).toBe("declined");
      const years = await rag.answer("How many years is the council's term?");
      expect(years.kind === "answered" && years.citations.some((c) => c.quote.includes("three-year term"))).toBe(true);
    });
    await withBriefing("001_visit.txt", [...visit, "The envoy's visit to the region lasted three days."], async (rag) => {
      const days = await rag.answer("How many days did the envoy's visit to the region last?");
      expect(days.kind === "answered" && days.citations.some((c) => c.quote.includes("three days"))).toBe(true);
    });
  });

  it("counting things, is not answered by a number of years: a three-year term counts no peacekeepers (seven blind sets)", async () => {
    const term = [...paragraphs, "The peacekeepers of the mission met the council of the region as it begins its three-year term."];
    await withBriefing("001_mission.txt", term, async (rag) => {
      expect((await rag.answer("How many peacekeepers does the mission have?")).kind).toBe("declined");
      expect((await rag.answer("كم عدد حفظة السلام في البعثة؟")).kind).toBe("declined");
      // A duration is answered by it.
      const long = await rag.answer("How long is the term of the council of the region?");
      expect(long.kind === "answered" && long.citations.some((c) => c.quote.includes("three-year term"))).toBe(true);
    });
  });

  it("asking for a date or a year, is declined when no quote dates anything; a plain \"when\" is not", async () => {
    await withBriefing("001_mission.txt", paragraphs, async (rag) => {
      expect((await rag.answer("On what date will the talks on the mission resume?")).kind).toBe("declined");
      expect((await rag.answer("When will the talks on the mission resume?")).kind).toBe("answered");
      // Asked exactly, a "when" wants a date too.
      expect((await rag.answer("When exactly will the talks on the mission resume?")).kind).toBe("declined");
    });
    await withBriefing("001_mission.txt", [...paragraphs, "The envoy said the talks on the mission would resume on 3 March in Geneva."], async (rag) => {
      const date = await rag.answer("On what date will the talks on the mission resume?");
      expect(date.kind === "answered" && date.citations.some((c) => c.quote.includes("3 March"))).toBe(true);
    });
  });

  it("is answered by a number; a time needs none (a weekday, a season, an event answer a \"when\" as often)", async () => {
    await withBriefing("001_mission.txt", [...paragraphs, "The mission has 250 peacekeepers in the northern region."], async (rag) => {
      const howMany = await rag.answer("How many peacekeepers does the mission have?");
      expect(howMany.kind === "answered" && howMany.citations.some((c) => c.quote.includes("250"))).toBe(true);
      const when = await rag.answer("When will the talks on the mission resume?");
      expect(when.kind === "answered" && when.citations[0]?.quote).toContain("on Friday");
    });
  });
});

describe("a post's author asked", () => {
  const paragraphs = [
    "The mission was set up in 1991 to organise a vote in the region.",
    "Its mandate was renewed last October, the council said in a statement.",
    "Ambassador Jane Roe\n· Follow @State_IO",
    "Met today with the minister of the region @region_mfa to discuss the talks on the mission and its mandate.",
    "10:02 PM · Jan 23, 2023",
  ];

  it("quotes the post with its card's name and follow lines (blind sets 2, 14, 17, 26 and 51 asked whose the tweets are)", async () => {
    await withBriefing("001_mission.txt", paragraphs, async (rag) => {
      const whose = await rag.answer("Whose tweets are these?");
      expect(whose.kind === "answered" && whose.citations.some((c) => c.quote.startsWith("Ambassador Jane Roe\n· Follow @State_IO\n\nMet today"))).toBe(true);
      // Asked what the post says, the quote is the post's sentences alone.
      const what = await rag.answer("What did she discuss with the minister of the region?");
      expect(what.kind === "answered" && what.citations.some((c) => c.quote.startsWith("Met today")) && what.citations.every((c) => !c.quote.includes("Jane Roe"))).toBe(true);
    });
  });
});
