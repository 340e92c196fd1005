import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderAboutHtml, renderAnswerHtml, renderHelpHtml, renderPartialHtml, renderReplyHtml, TELEGRAM_MAX_CHARS } from "../../../src/bots/render/telegram.js";
import { renderAnswerDiscord } from "../../../src/bots/render/discord.js";
import { renderAnswerPlain } from "../../../src/bots/render/plain.js";
import { messages } from "../../../src/bots/messages.js";
import type { Answer, Citation } from "../../../src/rag/index.js";
import { createFakeRag, FAKE_QUOTES, FAKE_SOURCE } from "../../fakes/fake-rag.js";
import { parseTelegramHtml } from "../../fakes/telegram-server.js";

function answered(quotes: readonly string[], language: "en" | "ar" = "en"): Answer {
  const citations: Citation[] = quotes.map((quote, i) => ({
    n: i + 1,
    source: "seeds/a&b <briefing>.md",
    label: `paragraph ${i + 1}`,
    place: { kind: "paragraph" as const, paragraph: i + 1 },
    quote,
    start: 0,
    end: quote.length,
    score: 1,
  }));
  return { kind: "answered", question: "q", language, citations, timings: { totalMs: 1 } };
}

function parsed(html: string): string {
  const result = parseTelegramHtml(html);
  if (!result.ok) throw new Error(`${result.error}\n${html}`);
  return result.text;
}

const squash = (s: string): string => s.replace(/\s+/g, "");

describe("escapeHtml", () => {
  it("escapes exactly the characters Telegram HTML gives meaning to", () => {
    expect(escapeHtml(`a < b && c > "d" *e_ @everyone`)).toBe("a &lt; b &amp;&amp; c &gt; &quot;d&quot; *e_ @everyone");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("renderAnswerHtml", () => {
  it("puts each verbatim quote in a blockquote with its [n] marker and lists the sources under them", async () => {
    const answer = await createFakeRag({ citations: 3 }).answer("Who is Michele Sison?");
    const parts = renderAnswerHtml(answer);
    expect(parts).toHaveLength(1);
    const html = parts[0] ?? "";
    expect(html).toContain(`<blockquote>[1] ${FAKE_QUOTES[0]}</blockquote>`);
    expect(html).toContain("<blockquote>[2] The envoy said &lt;progress&gt; &amp; &quot;cooperation&quot;");
    const text = parsed(html);
    for (const quote of FAKE_QUOTES) expect(text).toContain(quote);
    expect(text.indexOf(messages("en").sources)).toBeGreaterThan(text.indexOf(FAKE_QUOTES[2] ?? "?"));
    expect(text).toContain(`[3] ${FAKE_SOURCE}, paragraph 3`);
    // In an Arabic answer, in Arabic (found by a review: "paragraph 13" and "tweet by …, 23 Jan 2023" before).
    const arabic = renderAnswerHtml(await createFakeRag({ citations: 3 }).answer("من هي ميشال سيسون؟")).join("\n");
    expect(arabic).toContain(`\n\u200F[2] ${FAKE_SOURCE}، تغريدة \u200E@State_IO، 23 يناير 2023`);
    expect(arabic).toContain(`\n\u200F[3] ${FAKE_SOURCE}، الفقرة 3`);
    // Each Arabic source line opens with a right-to-left mark: it starts with a Latin path, which a client setting a
    // line by its first strong letter set left to right, the date out of order (found by a review). English has none.
    const discord = renderAnswerDiscord(await createFakeRag({ citations: 3 }).answer("من هي ميشال سيسون؟")).join("\n");
    const plain = renderAnswerPlain(await createFakeRag({ citations: 3 }).answer("من هي ميشال سيسون؟"));
    for (const text of [discord, plain]) expect(text).toMatch(/\n\u200F\[3\] /u);
    expect(html).not.toContain("\u200F");
  });

  it("renders a declined answer as the decline text alone", () => {
    const declined: Answer = { kind: "declined", question: "q", language: "ar", reason: "not-covered", timings: { totalMs: 1 } };
    expect(renderAnswerHtml(declined)).toEqual([escapeHtml(messages("ar").declined)]);
    // A request to go on with nothing left says that instead.
    expect(renderAnswerHtml({ ...declined, reason: "nothing-more" })).toEqual([escapeHtml(messages("ar").nothingMore)]);
  });

  it("keeps markup inside quotes and sources inert", () => {
    const hostile = `</blockquote><b>bold</b> &lt; <a href="x">link</a> & <script>`;
    const [html = "", ...rest] = renderAnswerHtml(answered([hostile]));
    expect(rest).toEqual([]);
    expect(parsed(html)).toContain(`[1] ${hostile}`);
    expect(parsed(html)).toContain("seeds/a&b <briefing>.md, paragraph 1");
  });

  it("splits a long answer into valid parts within 4096 characters, losing nothing", async () => {
    const answer = await createFakeRag().answer("give me the long version");
    if (answer.kind !== "answered") throw new Error("expected an answer");
    const parts = renderAnswerHtml(answer);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
    const text = parts.map(parsed).join("");
    for (const c of answer.citations) expect(squash(text)).toContain(squash(c.quote));
    // a quote longer than a message is cut after a sentence, never mid-word
    for (const part of parts) expect(parsed(part)).toMatch(/(\.|\.”|paragraph \d|:)$/);
  });

  it("words the answer in the question's language", () => {
    const [html = ""] = renderAnswerHtml(answered(["نص"], "ar"));
    expect(html.startsWith(`<b>${messages("ar").intro}</b>`)).toBe(true);
  });

  it("keeps every part valid and within the limit for any text (property)", () => {
    const piece = fc.constantFrom("&", "<", ">", '"', "a", "b", " ", "\n", ".", "😀", "ب", "&amp;", "</b>");
    const text = fc.array(piece, { maxLength: 400 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.integer({ min: 60, max: 400 }), (quotes, limit) => {
        const nonEmpty = quotes.map((q) => (q.trim() === "" ? "x" : q));
        const parts = renderAnswerHtml(answered(nonEmpty), limit);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
        const text = squash(parts.map(parsed).join(""));
        for (const q of nonEmpty) expect(text).toContain(squash(q));
      }),
    );
  });
});

describe("renderReplyHtml", () => {
  it("escapes notices and sends nothing for a silent reply", () => {
    expect(renderReplyHtml({ kind: "silent" })).toEqual([]);
    expect(renderReplyHtml({ kind: "notice", notice: { code: "too-long", language: "en", limit: 500 } })).toEqual([
      escapeHtml(messages("en").tooLong(500)),
    ]);
  });

  it("renders help with the usage example", () => {
    expect(parsed(renderHelpHtml("en"))).toBe(`${messages("en").help}\n\n${messages("en").usage}\n${messages("en").howToAskIn.telegram}`);
    const withExample = renderHelpHtml("ar", "ما موقف <واشنطن> من المينورسو؟");
    expect(withExample).toContain("&lt;واشنطن&gt;");
    expect(parsed(withExample)).toBe(
      `${messages("ar").help}\n\n${messages("ar").usage} ${messages("ar").forExample("ما موقف <واشنطن> من المينورسو؟")}\n${messages("ar").howToAskIn.telegram}`,
    );
  });

  it("says in the help and the greeting, in both languages, how to ask in a group: /ask, a mention or a reply", () => {
    // A group with privacy mode on delivers only commands, mentions and replies: anything else never reaches the bot.
    expect(parsed(renderHelpHtml("en"))).toContain("In a group, use /ask, mention me or reply to one of my messages.");
    expect(parsed(renderHelpHtml("ar"))).toContain("في المجموعات، استخدم \u200E/ask أو أشِر إليّ أو ردّ على إحدى رسائلي.");
    const [greeting = ""] = renderReplyHtml({ kind: "notice", notice: { code: "greeting", language: "en", example: "Who is Sison?" } });
    expect(parsed(greeting)).toBe(`${messages("en").greeting} ${messages("en").forExample("Who is Sison?")}\n${messages("en").howToAskIn.telegram}`);
    const [help = ""] = renderReplyHtml({ kind: "notice", notice: { code: "help", language: "ar" } });
    expect(parsed(help)).toBe(`${messages("ar").help}\n\n${messages("ar").usage}\n${messages("ar").howToAskIn.telegram}`);
    // The usage after an empty question does not: its asker has just addressed the bot.
    const [usage = ""] = renderReplyHtml({ kind: "notice", notice: { code: "empty", language: "en" } });
    expect(parsed(usage)).toBe(messages("en").usage);
  });
});

describe("renderAboutHtml", () => {
  it("lists the first briefings of ten thousand within one valid message and counts the rest", () => {
    // Rebuilding the whole text for each briefing left out took 22 s here; this is one pass. The "&" in the names
    // makes the markup longer than the text shown, and the markup is what is kept within the limit.
    // Names long enough that the length, not the entities (one <code> each), bounds the list.
    const briefings = Array.from({ length: 10_000 }, (_, i) => `seeds/a&b_${i}_${"x".repeat(40)}.md`);
    const html = renderAboutHtml({ briefings, passages: 1, sentences: 1, builtAt: "2024-01-01T00:00:00.000Z", embedder: "fake" }, "ar");
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
    const lines = parsed(html).split("\n");
    expect(lines[0]).toBe("نصوص الأخبار (10000):");
    const more = lines.findIndex((line) => line.startsWith("• … +"));
    const listed = lines.slice(1, more);
    expect(listed).toEqual(briefings.slice(0, listed.length).map((b) => `• ${b}`));
    expect(lines[more]).toBe(`• … +${10_000 - listed.length}`);
    // As many as fit: one more briefing (its line instead of a shorter count) would not.
    expect(html.length + `\n• <code>${escapeHtml(briefings[listed.length] ?? "")}</code>`.length).toBeGreaterThan(TELEGRAM_MAX_CHARS);
    expect(lines.slice(more + 1)).toEqual(["المقاطع: 1، الجمل: 1", "تاريخ بناء الفهرس: 2024-01-01 00:00 UTC", "نموذج التضمين: fake"]);
  });

  it("lists no more briefings than leave its entities within Telegram's 100 a message (from a review)", () => {
    // Each briefing is in <code>: past the 100th entity Telegram shows the rest as plain text.
    const briefings = Array.from({ length: 10_000 }, (_, i) => `b${i}.md`);
    const html = renderAboutHtml({ briefings, passages: 1, sentences: 1, builtAt: "2024-01-01T00:00:00.000Z", embedder: "fake" });
    expect(html.match(/<[a-z]/gu)?.length).toBeLessThanOrEqual(100);
    expect(parsed(html)).toMatch(/^• … \+\d+$/mu);
    expect(parsed(html)).toContain("• b0.md\n");
  });
});

describe("Telegram rendering of a composed answer", () => {
  it("puts the composed text first, then the verified quotes and the sources, all escaped", () => {
    const base = answered(["وقالت سيسون إن <بلادها> تدعم."]);
    const answer: Answer = { ...base, composed: { text: "Sison said her country <supports> the envoy & MINURSO [1]." } } as Answer;
    const [html] = renderAnswerHtml(answer);
    const parsed = parseTelegramHtml(html ?? "");
    if (!parsed.ok) throw new Error(parsed.error);
    const en = messages("en");
    expect(parsed.text).toBe(
      `Sison said her country <supports> the envoy & MINURSO [1].\n\n${en.quotes}\n[1] وقالت سيسون إن <بلادها> تدعم.\n\n${en.sources}\n[1] seeds/a&b <briefing>.md, paragraph 1`,
    );
  });

  it("renders a partial text as one escaped message with an ellipsis, however long", () => {
    expect(renderPartialHtml("A <b> & c [1].")).toBe("A &lt;b&gt; &amp; c [1]. …");
    const long = renderPartialHtml("x <y> ".repeat(2000));
    expect(long.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
    expect(parseTelegramHtml(long).ok).toBe(true);
  });
});

describe("renderPassageHtml and renderKeyboardTelegram", () => {
  it("fits a passage of any length in one valid HTML message", async () => {
    const { renderPassageHtml } = await import("../../../src/bots/render/telegram.js");
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6000 }), (text) => {
        const html = renderPassageHtml({ source: "seeds/a.txt", label: "tweet by @x", place: { kind: "tweet", author: "x" }, start: 0, end: text.length, text: `${text}<&>` }, 2, "ar");
        expect(html.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
        const parsed = parseTelegramHtml(html);
        expect(parsed.ok).toBe(true);
        // Headed "the whole passage" where it all fits, "part of the passage" where it is cut, where it comes from in Arabic.
        const where = "seeds/a.txt، تغريدة \u200E@x";
        const headings = [true, false].map((whole) => messages("ar").passageFrom(2, where, whole));
        if (parsed.ok) expect(headings.some((heading) => parsed.text.startsWith(heading))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("shows a long passage around the quote it was opened from", async () => {
    const { renderPassageHtml } = await import("../../../src/bots/render/telegram.js");
    const items = Array.from({ length: 400 }, (_, i) => `item ${i} <rule_${i}> & clause ${i}.`);
    const text = items.join(" ");
    const at = text.indexOf("item 332 ");
    const to = text.indexOf("item 335 ");
    const html = renderPassageHtml({ source: "seeds/a.md", label: "paragraph 1", place: { kind: "paragraph", paragraph: 1 }, start: 0, end: text.length, text }, 1, "en", { focus: { from: at, to } });
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.text).toContain(text.slice(at, to).trim());
      expect(parsed.text).toContain("\n… item");
      expect(parsed.text.endsWith(" …")).toBe(true);
    }
  });

  it("puts only short ids in the callback data, in Arabic for an Arabic answer", async () => {
    const { renderKeyboardTelegram } = await import("../../../src/bots/render/telegram.js");
    const answer = await createFakeRag({ citations: 3 }).answer("من هي ميشال سيسون؟");
    const keyboard = renderKeyboardTelegram({ kind: "answer", answer, buttons: "AbCdEfGh" }, { feedback: true });
    const buttons = keyboard?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => b.text)).toEqual(["اعرض الفقرة [1]", "اعرض التغريدة [2]", "اعرض الفقرة [3]", "👍", "👎"]);
    for (const b of buttons) expect(Buffer.byteLength("callback_data" in b ? b.callback_data : "x".repeat(65))).toBeLessThanOrEqual(64);
    expect(renderKeyboardTelegram({ kind: "notice", notice: { code: "failed", language: "en" } }, { feedback: true })).toBeUndefined();
  });
});
