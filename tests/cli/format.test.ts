/**
 * The JSON contract of `npm run ask -- --json` (README, "The JSON answer"): which fields an answer, a decline and a
 * refused question carry, and what `text` shows. The answers are written by hand, so the contract is checked
 * without an index.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/bots/messages.js";
import { answerJson, noticeJson } from "../../src/cli/format.js";
import { cleanQuestion, QuestionError, type Answer, type Citation } from "../../src/rag/index.js";

const PARAGRAPH: Citation = {
  n: 1,
  source: "seeds/a.txt",
  label: "paragraph 7",
  place: { kind: "paragraph", paragraph: 7 },
  quote: "Michele Sison spoke in Algiers.",
  start: 120,
  end: 151,
  score: 0.9,
  matches: [{ start: 8, end: 13, word: "Sison" }],
};

/** An Arabic quote found by an English word: the plain text names the pair under it. */
const TWEET: Citation = {
  n: 2,
  source: "seeds/b.txt",
  label: "tweet by @State_IO, 23 Jan 2023",
  place: { kind: "tweet", author: "State_IO", date: "2023-01-23" },
  quote: "زارت الجزائر",
  start: 40,
  end: 52,
  score: 0.5,
  matches: [{ start: 5, end: 12, word: "Algeria" }],
};

const ANSWERED: Answer = { kind: "answered", question: "Who visited Algeria?", language: "en", citations: [PARAGRAPH, TWEET], timings: { totalMs: 12.34567 } };

/** `value` after a trip through JSON: what a caller of `ask --json` reads. */
const overJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("answerJson", () => {
  it("gives an answer's question, its citations whole and in order, and the reply as shown; no id or error unless there is one", () => {
    const json = answerJson(ANSWERED);
    expect(Object.keys(json).sort()).toEqual(["answered", "citations", "question", "text", "timings"]);
    expect(json).toMatchObject({ question: "Who visited Algeria?", answered: true });
    expect(json.citations).toStrictEqual([PARAGRAPH, TWEET]);
    // The reply as the console shows it: intro, numbered quotes (the cross-script match named under the
    // tweet), then where each quote comes from.
    expect(json.text).toBe(
      [
        "From the briefing:",
        "[1] “Michele Sison spoke in Algiers.”",
        "[2] “زارت الجزائر”",
        "    matched: Algeria → الجزائر",
        "",
        "Sources:",
        "[1] seeds/a.txt, paragraph 7",
        "[2] seeds/b.txt, tweet by @State_IO, 23 Jan 2023",
      ].join("\n"),
    );
    // Every field survives JSON as it is: none is undefined, a function or a class instance.
    expect(overJson(json)).toStrictEqual(json);
  });

  it("rounds the time to the microsecond: 12.34567 ms is 12.346", () => {
    expect(answerJson(ANSWERED).timings).toStrictEqual({ totalMs: 12.346 });
  });

  it("puts the composed text first, its quotes after under their own heading", () => {
    const composed: Answer = { ...ANSWERED, citations: [{ ...PARAGRAPH, matches: [] }], composed: { text: "Michele Sison spoke in Algiers [1]." } };
    expect(answerJson(composed).text).toBe(
      ["Michele Sison spoke in Algiers [1].", "", "In the briefing's words:", "[1] “Michele Sison spoke in Algiers.”", "", "Sources:", "[1] seeds/a.txt, paragraph 7"].join("\n"),
    );
  });

  it("echoes the batch line's id as given, 0 and the empty string included", () => {
    expect(answerJson(ANSWERED, "q-7").id).toBe("q-7");
    expect(answerJson(ANSWERED, 0).id).toBe(0);
    expect(answerJson(ANSWERED, "").id).toBe("");
  });

  it("gives a decline as not answered, with no citations and the decline in the asker's language", () => {
    const declined: Answer = { kind: "declined", question: "ما هو سعر النفط اليوم؟", language: "ar", reason: "not-covered", timings: { totalMs: 3 } };
    const json = answerJson(declined, 4);
    expect(json).toStrictEqual({ id: 4, question: "ما هو سعر النفط اليوم؟", answered: false, text: messages("ar").declined, citations: [], timings: { totalMs: 3 }, reason: "not-covered" });
    expect(json.text).not.toBe(messages("en").declined);
  });

  it("gives a request to go on with nothing left as not answered, saying so and why", () => {
    const exhausted: Answer = { kind: "declined", question: "tell me more", language: "en", reason: "nothing-more", timings: { totalMs: 2 } };
    expect(answerJson(exhausted)).toMatchObject({ answered: false, text: messages("en").nothingMore, reason: "nothing-more" });
    expect(messages("en").nothingMore).not.toBe(messages("en").declined);
  });
});

describe("noticeJson", () => {
  /** The QuestionError the core throws for `question` under `limit`. */
  function refusal(question: unknown, limit = 500): QuestionError {
    try {
      cleanQuestion(question, limit);
    } catch (error) {
      if (error instanceof QuestionError) return error;
      throw error;
    }
    throw new Error("the question was accepted");
  }

  it("gives a refused question as not answered, with its code as error, the notice as text, no citations and no time", () => {
    const question = "Who is the personal envoy for Western Sahara?";
    const json = noticeJson(question, refusal(question, 20), "q1");
    expect(json).toStrictEqual({
      id: "q1",
      question,
      answered: false,
      text: messages("en").tooLong(20),
      citations: [],
      timings: { totalMs: 0 },
      error: "too-long",
    });
    expect(overJson(json)).toStrictEqual(json);
  });

  it("echoes a refused question as the core reads questions: no half surrogate pair, control or bidi override, white space collapsed", () => {
    // Found by a review: "\udc00" came back raw, which strict JSON readers refuse, and an answered line did not.
    expect(noticeJson("\udc00", refusal("\udc00"))).toMatchObject({ question: "", error: "empty" });
    expect(noticeJson("\u202e\u2066", refusal("\u202e\u2066"))).toMatchObject({ question: "", error: "empty" });
    const long = `\ud800Who  is\tSison?\u202e${"x".repeat(30)}\u009b31m`;
    expect(noticeJson(long, refusal(long, 20))).toMatchObject({ question: `Who is Sison?${"x".repeat(30)}31m`, error: "too-long" });
  });

  it("words the notice in the question's language", () => {
    const question = "من هو المبعوث الشخصي للأمين العام في الصحراء الغربية؟";
    expect(noticeJson(question, refusal(question, 20))).toMatchObject({ text: messages("ar").tooLong(20), error: "too-long" });
    expect(noticeJson("   ", refusal("   "))).toMatchObject({ question: "", text: messages("en").usage, error: "empty" });
  });

  it("gives a question that is not text as the empty question, with the not-text notice", () => {
    const json = noticeJson(42, refusal(42));
    expect(json).toMatchObject({ question: "", answered: false, text: messages("en").notText, error: "not-text" });
    expect(json).not.toHaveProperty("id");
  });

  it("says `failed` when answering failed rather than the question being refused", () => {
    expect(noticeJson("Who is Michele Sison?", undefined, 3)).toStrictEqual({
      id: 3,
      question: "Who is Michele Sison?",
      answered: false,
      text: messages("en").failed,
      citations: [],
      timings: { totalMs: 0 },
      error: "failed",
    });
  });
});
