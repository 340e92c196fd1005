import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderAnswerDiscord, renderPartialDiscord, renderReplyDiscord } from "../../../src/bots/render/discord.js";
import { MARK_CLOSE, MARK_OPEN, markMatches, matchedLine, renderMarks } from "../../../src/bots/render/marks.js";
import { renderAnswerPlain } from "../../../src/bots/render/plain.js";
import { messages } from "../../../src/bots/messages.js";
import { renderAnswerHtml, renderPartialHtml, renderReplyHtml, TELEGRAM_MAX_CHARS } from "../../../src/bots/render/telegram.js";
import type { Answer, Citation } from "../../../src/rag/index.js";
import { parseTelegramHtml } from "../../fakes/telegram-server.js";

const QUOTE = "وبشأن الوضع في منطقة الساحل، ذكرت أن الجزائر لعبت دوراً رئيسياً <في> تسهيل الاستقرار";
const at = (word: string): { start: number; end: number } => ({ start: QUOTE.indexOf(word), end: QUOTE.indexOf(word) + word.length });
const CITATION: Citation = {
  n: 1,
  source: "seeds/briefing.txt",
  label: "paragraph 4",
  place: { kind: "paragraph", paragraph: 4 },
  quote: QUOTE,
  start: 100,
  end: 100 + QUOTE.length,
  score: 0.9,
  matches: [
    { ...at("الساحل"), word: "Sahel" },
    { ...at("الجزائر"), word: "Algeria" },
    { ...at("لعبت"), word: "play" },
  ],
};
const answer = (language: "en" | "ar", citation: Citation = CITATION): Answer => ({
  kind: "answered",
  question: "What role did Algeria play in the Sahel?",
  language,
  citations: [citation],
  timings: { totalMs: 1 },
});

describe("matched words", () => {
  it("are bold in Telegram HTML, with a line naming what matched when the quote is in the other language", () => {
    const [html = ""] = renderAnswerHtml(answer("en"));
    expect(html).toContain("<b>الساحل</b>");
    // Words with only a space between them are one bold run: one entity of Telegram's 100 a message.
    expect(html).toContain("<b>الجزائر لعبت</b>");
    expect(html).toContain("&lt;في&gt;");
    expect(html).toContain("<i>matched: Sahel → الساحل, Algeria → الجزائر, play → لعبت</i>");
    expect(parseTelegramHtml(html).ok).toBe(true);
  });

  it("are bold in Discord Markdown, with the line as subtext", () => {
    const [text = ""] = renderAnswerDiscord(answer("en"));
    expect(text).toContain("**الساحل**");
    expect(text).toContain("\\<في>");
    expect(text).toContain("-# matched: Sahel → الساحل, Algeria → الجزائر, play → لعبت");
  });

  it("are named under the quote in plain text too (console chat, npm run ask)", () => {
    expect(renderAnswerPlain(answer("en"))).toContain(`[1] “${QUOTE}”\n    matched: Sahel → الساحل, Algeria → الجزائر, play → لعبت\n`);
    const composed: Answer = { kind: "answered", question: "Q?", language: "en", citations: [CITATION], composed: { text: "A key role [1]." }, timings: { totalMs: 1 } };
    expect(renderAnswerPlain(composed)).toContain("    matched: Sahel → الساحل");
    expect(renderAnswerPlain(answer("ar", { ...CITATION, matches: [{ ...at("الساحل"), word: "الساحل" }] }))).not.toContain(messages("ar").matched);
  });

  it("point from the question's word to the quote's in either direction of reading: ← in an Arabic answer", () => {
    // The Arabic line runs right to left and an arrow is not mirrored: "→" would point from the tweet's word
    // back to the question's.
    const tweet = { quote: "We underscored the importance of human rights.", matches: [{ start: 33, end: 38, word: "الإنسان" }] };
    expect(matchedLine(tweet, "ar")).toBe(`${messages("ar").matched} الإنسان ← human`);
    expect(matchedLine(CITATION, "en")).toContain("Sahel → الساحل");
  });

  it("need no 'matched' line when every matched word is written in the question word's script", () => {
    const arabic: Citation = { ...CITATION, matches: [{ ...at("الساحل"), word: "الساحل" }, { ...at("الجزائر"), word: "الجزائر" }] };
    expect(matchedLine(arabic, "ar")).toBeUndefined();
    const [html = ""] = renderAnswerHtml(answer("ar", arabic));
    expect(html).toContain("<b>الساحل</b>");
    expect(html).not.toContain("<i>");
  });

  // The briefing's tweets end in an Arabic timestamp: "January" matches its "يناير", which is the only bold word.
  const TWEET = "Good conversation with Algerian Foreign Minister @Lamamra_dz about shared priorities across the @UN system and advancing human rights, as Algeria joins the U.S. on the @UN_HRC.\n\n\n\n٢٠٢٣ ص ٢٣ يناير";
  const inTweet = (found: string, word: string, from = 0): { start: number; end: number; word: string } => ({ start: TWEET.indexOf(found, from), end: TWEET.indexOf(found, from) + found.length, word });

  it("name a match across scripts inside a quote in the answer's language: January → يناير under an English tweet", () => {
    const tweet = { quote: TWEET, matches: [inTweet("يناير", "January")] };
    expect(matchedLine(tweet, "en")).toBe("matched: January → يناير");
    const [text = ""] = renderAnswerDiscord(answer("en", { ...CITATION, ...tweet, end: 100 + TWEET.length }));
    expect(text).toContain("**يناير**");
    expect(text).toContain("-# matched: January → يناير");
  });

  it("name Latin question words matched in an Arabic quote of an Arabic answer, listed with the Arabic comma", () => {
    // "ماذا قالت عن UN_HRC؟": HRC matched حقوق, UN matched للأمم.
    const quote = "وبخصوص ملف حقوق الإنسان، قالت المسؤولة الأمريكية إنها ناقشت أهمية زيارات المقررين الخاصين للأمم المتحدة.";
    const span = (found: string, word: string): { start: number; end: number; word: string } => ({ start: quote.indexOf(found), end: quote.indexOf(found) + found.length, word });
    const paragraph = { quote, matches: [span("حقوق", "HRC"), span("الإنسان", "HRC"), span("للأمم", "UN"), span("المتحدة", "UN")] };
    expect(matchedLine(paragraph, "ar")).toBe(`${messages("ar").matched} HRC ← حقوق، UN ← للأمم`);
  });

  it("leave out a pair in one script, whatever the quote's language: Algeria ← Algerian under an English tweet in an Arabic answer", () => {
    const tweet = { quote: TWEET, matches: [inTweet("Algerian", "Algeria"), inTweet("Algeria", "Algeria", TWEET.indexOf("as Algeria"))] };
    expect(matchedLine(tweet, "ar")).toBeUndefined();
    // Beside a pair that crosses, only that one is named.
    expect(matchedLine({ quote: TWEET, matches: [...tweet.matches, inTweet("human", "الإنسان")] }, "ar")).toBe(`${messages("ar").matched} الإنسان ← human`);
  });

  it("ignore the marks' own characters in a source and keep every piece of a long quote well-formed", () => {
    expect(markMatches({ quote: `a${MARK_OPEN}b`, matches: [] })).toBe("ab");
    expect(renderMarks(`x${MARK_OPEN}cut`, "<b>", "</b>")).toBe("xcut");
    expect(renderMarks(`${MARK_CLOSE}y ${MARK_OPEN}z${MARK_CLOSE}`, "<b>", "</b>")).toBe("y <b>z</b>");
    const long = Array.from({ length: 600 }, (_, i) => `word${i}`).join(" ");
    const matches = Array.from({ length: 600 }, (_, i) => ({ start: long.indexOf(`word${i} `), end: long.indexOf(`word${i} `) + `word${i}`.length, word: "w" })).filter((m) => m.start >= 0);
    const parts = renderAnswerHtml(answer("en", { ...CITATION, quote: long, end: 100 + long.length, matches }), 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(500);
      expect(parseTelegramHtml(part).ok, part).toBe(true);
    }
  });

  it("touching each other (run-on words split in two) are one bold run, so Discord sees no \"****\"", () => {
    const quote = "قالت السفيرةليندا إن";
    const start = quote.indexOf("السفيرة");
    const matches = [
      { start, end: start + "السفيرة".length, word: "ambassador" },
      { start: start + "السفيرة".length, end: start + "السفيرةليندا".length, word: "Linda" },
    ];
    expect(markMatches({ quote, matches })).toBe(`قالت ${MARK_OPEN}السفيرةليندا${MARK_CLOSE} إن`);
    const [text = ""] = renderAnswerDiscord(answer("en", { ...CITATION, quote, end: 100 + quote.length, matches }));
    expect(text).toContain("> [1] قالت **السفيرةليندا** إن");
    const [html = ""] = renderAnswerHtml(answer("en", { ...CITATION, quote, end: 100 + quote.length, matches }));
    expect(html).toContain("قالت <b>السفيرةليندا</b> إن");
  });

  it("never break Telegram's parser, whatever the quote and the match offsets", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.tuple(fc.nat(300), fc.nat(20))), (quote, spans) => {
        const matches = spans.map(([s, n]) => ({ start: s, end: s + n, word: "w" })).filter((m) => m.end <= quote.length && m.end > m.start);
        for (const part of renderAnswerHtml(answer("en", { ...CITATION, quote, end: 100 + quote.length, matches }), TELEGRAM_MAX_CHARS)) {
          expect(parseTelegramHtml(part).ok).toBe(true);
        }
      }),
    );
  });
});

describe("the matched line and digits (from a review)", () => {
  it("names no pair whose words differ only in their digits: ٢٠٢٣ matching 2023 needs no explaining", () => {
    const quote = "في عام 2023 زارت الجزائر";
    const at = quote.indexOf("2023");
    const citation = { quote, matches: [{ start: at, end: at + 4, word: "٢٠٢٣" }] };
    expect(matchedLine(citation, "ar")).toBeUndefined();
    expect(matchedLine({ quote: "In ٢٠٢٣", matches: [{ start: 3, end: 7, word: "2023" }] }, "en")).toBeUndefined();
  });
});

/** The formatting entities a Telegram HTML message holds: one per tag pair (text is escaped, so every "<" opens a tag). */
const entities = (html: string): number => (html.match(/<[a-z]/gu) ?? []).length;
/** Telegram applies the first 100 entities of a message and ignores the rest (python-telegram-bot's MAX_MESSAGE_ENTITIES). */
const MAX_ENTITIES = 100;

/** A citation of `quote` with every occurrence of `words` matched. */
function citationOf(n: number, quote: string, words: readonly string[], word = "w"): Citation {
  const matches = [...quote.matchAll(new RegExp(`(?<!\\p{L})(?:${words.join("|")})(?!\\p{L})`, "gu"))].map((m) => ({ start: m.index, end: m.index + m[0].length, word }));
  return { ...CITATION, n, label: `paragraph ${n}`, place: { kind: "paragraph", paragraph: n }, quote, end: 100 + quote.length, matches };
}

const answerOf = (citations: readonly Citation[], composed?: string): Answer => ({
  kind: "answered",
  question: "q",
  language: "en",
  citations,
  ...(composed === undefined ? {} : { composed: { text: composed } }),
  timings: { totalMs: 1 },
});

describe("matched words within Telegram's 100 entities a message (from a review)", () => {
  const WORDS = ["Algeria", "Sahel", "Mali", "envoy", "stability", "security", "talks", "Niger", "region", "support", "peace", "mediation"];
  /** `count` words cycling through WORDS, a sentence of each twelve. */
  const repeating = (count: number): string =>
    Array.from({ length: count }, (_, i) => `${WORDS[i % WORDS.length] ?? ""}${i % WORDS.length === WORDS.length - 1 ? "." : ""}`).join(" ");

  it("are one bold run where only spaces or punctuation separate them, but never across a line", () => {
    expect(renderMarks(`${MARK_OPEN}a${MARK_CLOSE} ${MARK_OPEN}b${MARK_CLOSE}, ${MARK_OPEN}c${MARK_CLOSE} x ${MARK_OPEN}d${MARK_CLOSE}`, "<b>", "</b>")).toBe("<b>a b, c</b> x <b>d</b>");
    // Discord's block quote starts every line anew.
    expect(renderMarks(`${MARK_OPEN}a${MARK_CLOSE}\n${MARK_OPEN}b${MARK_CLOSE}`, "**", "**")).toBe("**a**\n**b**");
  });

  it("a briefing repeating the question's twelve words: three quotes, a few bold runs instead of 154", () => {
    const citations = [citationOf(1, repeating(56), WORDS), citationOf(2, repeating(56), WORDS), citationOf(3, repeating(42), WORDS)];
    const parts = renderAnswerHtml(answerOf(citations));
    expect(parts).toHaveLength(1);
    const [html = ""] = parts;
    // The intro and the sources heading, and one run for each quote.
    expect(html.match(/<b>/gu)).toHaveLength(5);
    expect(html).toContain(`<blockquote>[1] <b>${repeating(56)}</b></blockquote>`);
  });

  it("lose their bold past the 100th entity of a message, the quotes' block quotes and the headings kept", () => {
    // Each matched word between two that did not match: 180 runs no merging joins.
    const alternating = (count: number): string => Array.from({ length: count }, (_, i) => `${WORDS[i % WORDS.length] ?? ""} and`).join(" ");
    const citations = [1, 2, 3].map((n) => citationOf(n, alternating(60), WORDS));
    const parts = renderAnswerHtml(answerOf(citations));
    const m = messages("en");
    for (const part of parts) {
      expect(entities(part)).toBeLessThanOrEqual(MAX_ENTITIES);
      expect(parseTelegramHtml(part).ok).toBe(true);
    }
    const html = parts.join("\n");
    expect(html).toContain(`<b>${m.intro}</b>`);
    expect(html).toContain(`<b>${m.sources}</b>`);
    expect(html.match(/<blockquote>/gu)).toHaveLength(3);
    // Nothing of the text is lost; the first quote, read first, keeps its bold.
    const text = parts.map((part) => (parseTelegramHtml(part) as { text: string }).text).join("\n");
    for (const c of citations) expect(text).toContain(`[${c.n}] ${c.quote}`);
    expect(html).toContain(`[1] <b>Algeria</b> and <b>Sahel</b> and`);
  });

  it("never push a message's block quotes and italic lines past 100 entities either: many short quotes", () => {
    const citations = Array.from({ length: 100 }, (_, i) => citationOf(i + 1, `الساحل ${i}`, ["الساحل"], "Sahel"));
    const parts = renderAnswerHtml(answerOf(citations));
    for (const part of parts) {
      expect(entities(part)).toBeLessThanOrEqual(MAX_ENTITIES);
      expect(parseTelegramHtml(part).ok).toBe(true);
    }
    const html = parts.join("\n");
    expect(html.match(/<blockquote>/gu)).toHaveLength(100);
    expect(html.match(/<i>matched: Sahel → الساحل<\/i>/gu)).toHaveLength(100);
  });
});

describe("the marks' characters outside the quotes (from a review)", () => {
  const O = MARK_OPEN;
  const C = MARK_CLOSE;
  // A model's text, a question word (named in the matched line) and a file name holding the marks' characters.
  const cited: Citation = { ...CITATION, source: `seeds/${O}brief${C}.txt`, matches: [{ ...at("الساحل"), word: `${O}Sahel${C}` }] };
  const composed = answerOf([cited], `The ${O}envoy${C} said ${C}so${O} [1].`);
  const noMarks = /[\uE000\uE001]/u;

  it("are left out of Telegram's composed text, matched line, sources and notices: only the core's quotes are bold", () => {
    const html = renderAnswerHtml(composed).join("\n");
    expect(html).toContain("The envoy said so [1].");
    expect(html).toContain("<b>الساحل</b>");
    expect(html).toContain("<i>matched: Sahel → الساحل</i>");
    expect(html).toContain("[1] seeds/brief.txt, paragraph 4");
    expect(html).not.toMatch(noMarks);
    expect(html.match(/<b>/gu)).toHaveLength(3); // the "quotes" and "sources" headings and الساحل
    expect(renderPartialHtml(`The ${O}envoy${C} said`)).toBe("The envoy said …");
    expect(renderReplyHtml({ kind: "notice", notice: { code: "empty", language: "en", example: `Who is ${O}Sison${C}?` } }).join("\n")).not.toMatch(/<b>|[\uE000\uE001]/u);
  });

  it("are left out of Discord's composed text, matched line, sources and notices: only the core's quotes are bold", () => {
    const text = renderAnswerDiscord(composed).join("\n");
    expect(text).toContain("The envoy said so [1].");
    expect(text).toContain("**الساحل**");
    expect(text).toContain("-# matched: Sahel → الساحل");
    expect(text).toContain("[1] seeds/brief.txt, paragraph 4");
    expect(text).not.toMatch(noMarks);
    expect(renderPartialDiscord(`The ${O}envoy${C} said`, "en")).toBe("The envoy said …");
    expect(renderReplyDiscord({ kind: "notice", notice: { code: "empty", language: "en", example: `Who is ${O}Sison${C}?` } }).join("\n")).not.toMatch(noMarks);
  });
});
