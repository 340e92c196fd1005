import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Citation, RagInfo } from "../../../src/rag/types.js";
import { messages } from "../../../src/bots/messages.js";
import {
  DISCORD_MESSAGE_LIMIT,
  escapeDiscord,
  renderAboutDiscord,
  renderAnswerDiscord,
  renderHelpDiscord,
  renderPartialDiscord,
  renderReplyDiscord,
} from "../../../src/bots/render/discord.js";
import { createFakeRag, FAKE_QUOTES } from "../../fakes/fake-rag.js";
import { discordProblem } from "../../reliability/helpers.js";

const timings = { totalMs: 1 };

function answered(quotes: readonly string[], language: "en" | "ar" = "en", question = "Who is Michele Sison?"): Answer {
  const citations: Citation[] = quotes.map((quote, i) => ({
    n: i + 1,
    source: "seeds/brief_1.md",
    label: i === 1 ? "tweet by @State_IO, 23 Jan 2023" : `paragraph ${i + 1}`,
    place: i === 1 ? { kind: "tweet" as const, author: "State_IO", date: "2023-01-23" } : { kind: "paragraph" as const, paragraph: i + 1 },
    quote,
    start: 0,
    end: quote.length,
    score: 1,
  }));
  return { kind: "answered", question, language, citations, timings };
}

/** Undoes escapeDiscord: drops the backslash escapes and the zero-width space after @. */
function unescape(text: string): string {
  return text.replace(/\\(.)/gsu, "$1").replace(/@\u200b/gu, "@");
}

/** The text of citation 1 as a reader sees it across all messages: its block-quote lines, unescaped. */
function quoteText(parts: readonly string[]): string {
  const lines = parts.flatMap((p) => p.split("\n")).filter((l) => /^>( |$)/u.test(l));
  return unescape(lines.map((l) => l.replace(/^> ?/u, "").replace(/^\[1\] /u, "")).join("\n"));
}

const squash = (s: string): string => s.replace(/\s+/gu, "");

describe("escapeDiscord", () => {
  it("escapes Markdown, mention syntax and @everyone, and leaves & alone", () => {
    expect(escapeDiscord("*b* _i_ ~~s~~ ||x|| `c` & <@123> @everyone @here")).toBe(
      "\\*b\\* \\_i\\_ \\~\\~s\\~\\~ \\|\\|x\\|\\| \\`c\\` & \\<@123> @\u200beveryone @\u200bhere",
    );
  });

  it("escapes line-start syntax: headings, subtext, block quotes, lists and masked links", () => {
    expect(escapeDiscord("# h\n-# sub\n> q\n- item\n1. first [t](http://x)")).toBe(
      "\\# h\n\\-# sub\n\\> q\n\\- item\n1\\. first \\[t]\\(http://x)",
    );
  });

  it.each([
    ["every masked link of a line, not only the first (a tweet of the briefing holds two)", "the role of [@RSF_inter](#) with [@khaleddrareni](#)"],
    ["a link after a backslash of the text's own", "[x](u) \\[click](https://evil.example)"],
    ["a link whose text holds brackets", "[a](b) [[x]](https://evil.example)"],
  ])("escapes %s", (_, text) => {
    const escaped = escapeDiscord(text);
    expect(discordProblem(escaped)).toBeUndefined();
    expect(unescape(escaped)).toBe(text);
  });

  it("keeps the citation numbers it writes before escaped text from opening a link around it", () => {
    // The briefing's tweets hold "[@handle](#)" debris: a quote may begin past its "[", and a file name hold "](".
    const cited = (quote: string, source: string): Answer => ({
      kind: "answered",
      question: "Who?",
      language: "en",
      citations: [{ n: 1, source, label: "paragraph 1", place: { kind: "paragraph", paragraph: 1 }, quote, start: 0, end: quote.length, score: 1 }],
      timings,
    });
    for (const answer of [cited("khaleddrareni](https://evil.example). We discussed the role.", "seeds/a.txt"), cited("A quote.", "seeds/x](https://evil.example).md")]) {
      for (const message of renderAnswerDiscord(answer)) expect(discordProblem(message), message).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }), (quote, source) => {
        for (const message of renderAnswerDiscord(cited(`x${quote}`, source))) expect(discordProblem(message), message).toBeUndefined();
      }),
    );
    // Nor can a "[" of one piece and a "](" of another the renderer joins (two citations' sources and labels, the
    // echoed question and a composed answer) make one.
    const piece = fc.array(fc.constantFrom("[", "]", "(", ")", "](", "x", " ", "\\", "\n"), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(piece, piece, piece, piece, piece, piece, (question, composed, label1, source2, quote1, quote2) => {
        const two = answered([`q${quote1}`, `q${quote2}`], "en", `q${question}`);
        if (two.kind !== "answered") return;
        const answer: Answer = {
          ...two,
          composed: { text: `c${composed}` },
          citations: two.citations.map((c, i) => (i === 0 ? { ...c, label: label1 } : { ...c, source: source2 })),
        };
        for (const message of renderAnswerDiscord(answer, { echoQuestion: true })) expect(discordProblem(message), message).toBeUndefined();
      }),
    );
  });

  it("sees the links it must escape", () => {
    expect(discordProblem("[x](u)")).toBe("an unescaped masked link");
    expect(discordProblem("\\\\[x](u)")).toBe("an unescaped masked link");
    expect(discordProblem("[[x]](u)")).toBe("an unescaped masked link");
    expect(discordProblem("\\[x](u) [1] \\[y](v)")).toBeUndefined();
  });

  it("is undone exactly by removing the escapes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }).filter((s) => !s.includes("\u200b")), (s) => {
        expect(unescape(escapeDiscord(s))).toBe(s);
      }),
    );
  });
});

describe("renderAnswerDiscord", () => {
  it("shows each quote as a numbered block quote, then the sources under them", () => {
    const [message, ...rest] = renderAnswerDiscord(answered(FAKE_QUOTES.slice(0, 2)));
    expect(rest).toEqual([]);
    expect(message).toBe(
      [
        "From the briefing:",
        `> [1] ${FAKE_QUOTES[0]}`,
        "",
        "> [2] The envoy said \\<progress> & \"cooperation\" were \\*essential\\* to the\\_talks.",
        "",
        "Sources:",
        "[1] seeds/brief\\_1.md, paragraph 1",
        "[2] seeds/brief\\_1.md, tweet by @State\\_IO, 23 Jan 2023",
      ].join("\n"),
    );
  });

  it("keeps every line of a multi-line quote inside the block quote", () => {
    const [message] = renderAnswerDiscord(answered(["First line.\nSecond line.  \n\nAfter a blank line."]));
    // A blank line is "> " with its space (a bare ">" would end the quote and show); text lines lose trailing spaces.
    expect(message).toContain("> [1] First line.\n> Second line.\n> \n> After a blank line.");
  });

  it("words an Arabic answer in Arabic", () => {
    const [message] = renderAnswerDiscord(answered([FAKE_QUOTES[2] ?? ""], "ar", "من هي سيسون؟"));
    expect(message).toContain(messages("ar").intro);
    expect(message).toContain(messages("ar").sources);
    expect(message).toContain(`> [1] ${FAKE_QUOTES[2]}`);
  });

  it("echoes the escaped question on request, shortened when long", () => {
    const [message] = renderAnswerDiscord(answered(["Q."], "en", "Is *this* <@1> @everyone?"), { echoQuestion: true });
    expect(message?.split("\n")[0]).toBe("❓ Is \\*this\\* \\<@1> @\u200beveryone?");
    const [long] = renderAnswerDiscord(answered(["Q."], "en", "why ".repeat(200)), { echoQuestion: true });
    expect(long?.split("\n")[0]?.length).toBeLessThan(250);
  });

  it("shortens an echoed question between code points, never inside a surrogate pair, streamed or not", () => {
    const question = `${"a".repeat(199)}😀😀 more`;
    const [message] = renderAnswerDiscord(answered(["Q."], "en", question), { echoQuestion: true });
    expect(message?.split("\n")[0]).toBe(`❓ ${"a".repeat(199)}😀…`);
    expect(renderPartialDiscord("Text.", "en", { echoQuestion: true, question }).split("\n")[0]).toBe(`❓ ${"a".repeat(199)}😀…`);
  });

  it("shortens an echoed question between grapheme clusters: never half a flag, never a letter without its marks (from a review)", () => {
    const a = "a".repeat(199);
    const cases: [string, string][] = [
      [`${a}🇩🇿🇲🇱 more`, `${a}🇩🇿`],
      [`${a}e\u0301x more`, `${a}e\u0301`],
      [`${"ب".repeat(199)}بِّي more`, `${"ب".repeat(199)}بِّ`],
    ];
    for (const [question, shown] of cases) {
      const [message] = renderAnswerDiscord(answered(["Q."], "en", question), { echoQuestion: true });
      expect(message?.split("\n")[0]).toBe(`❓ ${shown}…`);
      expect(renderPartialDiscord("Text.", "en", { echoQuestion: true, question }).split("\n")[0]).toBe(`❓ ${shown}…`);
    }
  });

  it("leaves the renderer's mark characters out of an echoed question (from a review)", () => {
    const question = "Who is \uE000Sison\uE001? \uE001x\uE000";
    const [message] = renderAnswerDiscord(answered(["Q."], "en", question), { echoQuestion: true });
    expect(message?.split("\n")[0]).toBe("❓ Who is Sison? x");
    expect(renderPartialDiscord("Text.", "en", { echoQuestion: true, question }).split("\n")[0]).toBe("❓ Who is Sison? x");
  });

  it("strips from a streamed echo the invisible characters the core strips from the question", () => {
    // The core hands back the question without them; a partial answer echoes the question as the user typed it.
    const typed = "Who is \u202Eosinaz\u202C\u200b Sison?\u0007";
    const [final] = renderAnswerDiscord(answered(["Q."], "en", "Who is osinaz Sison?"), { echoQuestion: true });
    expect(renderPartialDiscord("Text.", "en", { echoQuestion: true, question: typed }).split("\n")[0]).toBe(final?.split("\n")[0]);
  });

  it("renders a declined answer as the decline text", () => {
    const declined: Answer = { kind: "declined", question: "What is the capital of France?", language: "en", reason: "not-covered", timings };
    expect(renderAnswerDiscord(declined)).toEqual([messages("en").declined]);
    expect(renderAnswerDiscord({ ...declined, reason: "nothing-more" })).toEqual([messages("en").nothingMore]);
  });

  it("splits a long answer on sentence boundaries into messages of at most 2000 characters", async () => {
    const answer = await createFakeRag().answer("tell me the long story");
    const parts = renderAnswerDiscord(answer);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    // Every piece of a quote ends where a sentence ends.
    for (const part of parts) {
      const quoteLines = part.split("\n").filter((l) => l.startsWith("> "));
      if (quoteLines.length) expect(quoteLines.at(-1)).toMatch(/"summit"\.$|"SUMMIT"\.$/u);
    }
    expect(parts.at(-1)).toContain("[3] seeds/fake-briefing.md");
    expect(parts.join("\n").match(/^> \[\d\] /gmu)).toHaveLength(3);
  });

  it("cuts a sentence longer than a message between words, and a word longer than that between characters", () => {
    const sentence = `${"word ".repeat(600)}end.`;
    const word = "x".repeat(4500);
    for (const quote of [sentence, word]) {
      const parts = renderAnswerDiscord(answered([quote]));
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(squash(quoteText(parts))).toBe(squash(quote));
    }
  });

  it("never exceeds the limit and never loses or reorders a character of a quote", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 3000 }).filter((s) => !s.includes("\u200b") && s.trim() !== ""),
        fc.integer({ min: 120, max: 2000 }),
        (quote, limit) => {
          const parts = renderAnswerDiscord(answered([quote]), { limit });
          for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
          expect(squash(quoteText(parts))).toBe(squash(quote));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("renderReplyDiscord", () => {
  it("renders notices with the shared wording and a silent reply as nothing", () => {
    expect(renderReplyDiscord({ kind: "notice", notice: { code: "rate-limited", language: "en", retryAfterMs: 4200 } })).toEqual([
      messages("en").rateLimited(5),
    ]);
    expect(renderReplyDiscord({ kind: "notice", notice: { code: "empty", language: "en" } })).toEqual([messages("en").usage]);
    expect(renderReplyDiscord({ kind: "silent" })).toEqual([]);
  });
});

describe("/help and /about", () => {
  it("help is the shared help text and usage example, in English and then in Arabic (Discord has no Arabic locale)", () => {
    const [en, ar] = [messages("en"), messages("ar")];
    expect(renderHelpDiscord()).toBe(`${en.help}\n\n${en.usage}\n${en.howToAskIn.discord}\n\n${ar.help}\n\n${ar.usage}\n${ar.howToAskIn.discord}`);
  });

  it("help and the greeting say, in both languages, how to ask in a server: a mention or /ask", () => {
    // In a server the bot receives only the messages that mention it (no Message Content intent), and /ask.
    const help = renderHelpDiscord();
    expect(help).toContain("In a server, mention me or use /ask.");
    expect(help).toContain("في الخوادم، أشِر إليّ أو استخدم \u200E/ask.");
    const [greeting] = renderReplyDiscord({ kind: "notice", notice: { code: "greeting", language: "ar" } });
    expect(greeting).toBe(`${messages("ar").greeting}\n${messages("ar").howToAskIn.discord}`);
    const [helpSaid] = renderReplyDiscord({ kind: "notice", notice: { code: "help", language: "en" } });
    expect(helpSaid).toBe(`${messages("en").help}\n\n${messages("en").usage}\n${messages("en").howToAskIn.discord}`);
  });

  it("help suggests each language's example question, its Markdown shown as written", () => {
    const help = renderHelpDiscord({ en: "What did *Sison* say about __Mali__?" });
    expect(help).toContain(`${messages("en").usage} For example: What did \\*Sison\\* say about \\_\\_Mali\\_\\_?`);
    expect(help.endsWith(`${messages("ar").usage}\n${messages("ar").howToAskIn.discord}`)).toBe(true);
    // A notice with the example is escaped the same way.
    const [usage] = renderReplyDiscord({ kind: "notice", notice: { code: "empty", language: "en", example: "Who is *Sison*?" } });
    expect(usage).toBe(`${messages("en").usage} For example: Who is \\*Sison\\*?`);
  });

  it("help fits one message with the longest example questions configuration allows, escaped at worst", () => {
    // 200 characters each (config.ts), every one a character Markdown escaping doubles.
    const help = renderHelpDiscord({ en: "*".repeat(200), ar: "_".repeat(200) });
    expect(help.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
  });

  it("about lists the briefings, the passage count and when the index was built as a Discord timestamp", () => {
    const info: RagInfo = { briefings: ["seeds/brief_1.md"], passages: 42, sentences: 300, builtAt: "2024-01-01T00:00:00.000Z", embedder: "fake" };
    const text = renderAboutDiscord(info);
    expect(text).toContain("- seeds/brief\\_1.md");
    expect(text).toContain("Passages: 42 (300 sentences)");
    expect(text).toContain("<t:1704067200:F>");
  });

  it("about stays within one message however many briefings there are", () => {
    const briefings = Array.from({ length: 500 }, (_, i) => `seeds/briefing-${i}.md`);
    const text = renderAboutDiscord({ briefings, passages: 1, sentences: 1, builtAt: "not a date", embedder: "fake" });
    expect(text.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    expect(text).toMatch(/- … \+\d+\n/u);
    expect(text).toContain("Index built: not a date");
  });

  it("about lists the first briefings of ten thousand within one message and counts the rest", () => {
    // Rebuilding the whole text for each briefing left out took 15 s here; this is one pass.
    const briefings = Array.from({ length: 10_000 }, (_, i) => `seeds/briefing_${i}.md`);
    const text = renderAboutDiscord({ briefings, passages: 1, sentences: 1, builtAt: "not a date", embedder: "fake" });
    expect(text.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    const lines = text.split("\n");
    expect(lines[0]).toBe("Briefings (10000):");
    const more = lines.findIndex((line) => line.startsWith("- … +"));
    const listed = lines.slice(1, more);
    expect(listed).toEqual(briefings.slice(0, listed.length).map((b) => `- ${escapeDiscord(b)}`));
    expect(lines[more]).toBe(`- … +${10_000 - listed.length}`);
    // As many as fit: one more briefing (its line instead of a shorter count) would not.
    expect(text.length + `\n- ${escapeDiscord(briefings[listed.length] ?? "")}`.length).toBeGreaterThan(DISCORD_MESSAGE_LIMIT);
    expect(lines.slice(more + 1)).toEqual(["Passages: 1 (1 sentences)", "Index built: not a date", "Embedder: fake"]);
  });
});

describe("Discord rendering of a composed answer", () => {
  it("puts the escaped composed text first, then the verified quotes and the sources", () => {
    const base = answered([FAKE_QUOTES[2] ?? ""]);
    const answer = { ...base, composed: { text: "Sison **supports** the envoy @everyone [1]." } } as Answer;
    const [content] = renderAnswerDiscord(answer, { echoQuestion: true });
    const en = messages("en");
    expect(content).toBe(`❓ Who is Michele Sison?\nSison \\*\\*supports\\*\\* the envoy @\u200beveryone [1].\n\n${en.quotes}\n> [1] ${FAKE_QUOTES[2]}\n\n${en.sources}\n[1] seeds/brief\\_1.md, paragraph 1`);
  });

  it("renders a partial text as one message within the limit, with an ellipsis", () => {
    expect(renderPartialDiscord("Sison _said_ [1].", "en", { echoQuestion: true, question: "Who?" })).toBe("❓ Who?\nSison \\_said\\_ [1]. …");
    expect(renderPartialDiscord("word ".repeat(1000), "en").length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
  });
});

describe("renderPassageDiscord", () => {
  it("fits a passage of any length in one message, cut with an ellipsis, never inside a surrogate pair", async () => {
    const { renderPassageDiscord } = await import("../../../src/bots/render/discord.js");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 3000 }), fc.integer({ min: 200, max: 2000 }), (text, limit) => {
        const view = { source: "seeds/a.txt", label: "paragraph 3", place: { kind: "paragraph" as const, paragraph: 3 }, start: 0, end: text.length, text: `${text}x` };
        const content = renderPassageDiscord(view, 3, "en", { limit });
        expect(content.length).toBeLessThanOrEqual(limit);
        expect(content.startsWith("[3] The whole passage (seeds/a.txt, paragraph 3):\n> ")).toBe(true);
        expect(content).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
      }),
      { numRuns: 60 },
    );
  });

  it("shows a passage that fits whole under its heading whole, however little room is left (from a review)", async () => {
    const { renderPassageDiscord } = await import("../../../src/bots/render/discord.js");
    const text = "word ".repeat(50).trim();
    const view = { source: "seeds/a.txt", label: "paragraph 3", place: { kind: "paragraph" as const, paragraph: 3 }, start: 0, end: text.length, text };
    const exact = renderPassageDiscord(view, 1, "en", { limit: 10_000 }).length;
    // Room for the whole passage under "The whole passage", not under the longer "Part of the passage".
    const content = renderPassageDiscord(view, 1, "en", { limit: exact });
    expect(content.startsWith("[1] The whole passage (seeds/a.txt, paragraph 3):")).toBe(true);
    expect(content).not.toContain("…");
    expect(renderPassageDiscord(view, 1, "en", { limit: exact - 1 }).startsWith("[1] Part of the passage")).toBe(true);
  });

  it("shows a long passage around the quote it was opened from, escaped text counted as sent", async () => {
    const { renderPassageDiscord } = await import("../../../src/bots/render/discord.js");
    const filler = Array.from({ length: 300 }, (_, i) => `the <panel> reviewed_${i} & *noted*`).join(", ");
    const quote = "committee chair Ms. Quill resigned on 3 March";
    const text = `${filler}, ${quote}, ${filler}.`;
    const at = text.indexOf(quote);
    const content = renderPassageDiscord({ source: "seeds/a.md", label: "paragraph 1", place: { kind: "paragraph", paragraph: 1 }, start: 100, end: 100 + text.length, text }, 1, "en", { focus: { from: at, to: at + quote.length } });
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.length).toBeGreaterThan(1800); // the room is used, though escaping lengthens the text
    expect(content).toContain(quote);
    expect(content.startsWith("[1] Part of the passage (seeds/a.md, paragraph 1):\n> … ")).toBe(true);
    expect(content.endsWith(" …")).toBe(true);
  });

  it("renders the buttons only for an answered question whose payload was stored", async () => {
    const { renderButtonsDiscord } = await import("../../../src/bots/render/discord.js");
    const answer = await createFakeRag({ citations: 3 }).answer("Who is Michele Sison?");
    expect(renderButtonsDiscord({ kind: "answer", answer }, { feedback: true })).toEqual([]);
    const rows = renderButtonsDiscord({ kind: "answer", answer, buttons: "AbCdEfGh" }, { feedback: false }).map((r) => r.toJSON());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.components.map((b) => ("custom_id" in b ? b.custom_id : ""))).toEqual(["p:AbCdEfGh:1:en", "p:AbCdEfGh:2:en", "p:AbCdEfGh:3:en"]);
  });
});
