/**
 * Answer and notices as plain text: the console chat, `npm run ask` and the JSON `text` field.
 */
import type { Answer, Language, RagInfo } from "../../rag/index.js";
import type { Notice, Reply } from "../ask.js";
import { declinedText, messages, sourceLine, waitSeconds, withExample, withHowToAsk, type ChatPlatform } from "../messages.js";
import { matchedLine } from "./marks.js";

/**
 * The answer as a person reads it: numbered verbatim quotes, then where each came from; a composed answer
 * (from the language model) comes first, its [n] markers pointing at those quotes.
 */
export function renderAnswerPlain(answer: Answer): string {
  const m = messages(answer.language);
  if (answer.kind === "declined") return declinedText(m, answer.reason);
  // Under a quote in the other language, the words that matched ("matched: Sahel → الساحل"), as the chat
  // platforms show them.
  const quotes = answer.citations.flatMap((c) => {
    const line = matchedLine(c, answer.language);
    return line ? [`[${c.n}] “${c.quote}”`, `    ${line}`] : [`[${c.n}] “${c.quote}”`];
  });
  const sources = answer.citations.map((c) => sourceLine(c, answer.language));
  const head = answer.composed ? [answer.composed.text, "", m.quotes] : [m.intro];
  return [...head, ...quotes, "", m.sources, ...sources].join("\n");
}

/**
 * A notice (too long, rate limited, failure …) in the asker's language. On a chat `platform`, the greeting and the
 * help also say how to ask in a group or server there (see withHowToAsk).
 */
export function renderNotice(notice: Notice, platform?: ChatPlatform): string {
  const m = messages(notice.language);
  switch (notice.code) {
    case "empty":
      return withExample(m.usage, notice.language, notice.example);
    case "too-long":
      return m.tooLong(notice.limit ?? 0);
    case "not-text":
      return m.notText;
    case "rate-limited":
      return m.rateLimited(waitSeconds(notice.retryAfterMs));
    case "failed":
      return m.failed;
    case "stale":
      return m.stale;
    case "greeting":
      return withHowToAsk(withExample(m.greeting, notice.language, notice.example), notice.language, platform);
    case "thanks":
      return m.welcome;
    case "help":
      return `${m.help}\n\n${withHowToAsk(withExample(m.usage, notice.language, notice.example), notice.language, platform)}`;
    case "ack":
      return withExample(m.usage, notice.language, notice.example);
  }
}

/** A reply as plain text, or undefined for a silent one. */
export function renderReplyPlain(reply: Reply): string | undefined {
  switch (reply.kind) {
    case "answer":
      return renderAnswerPlain(reply.answer);
    case "notice":
      return renderNotice(reply.notice);
    case "silent":
      return undefined;
  }
}

/**
 * The console's /help: what the bot does and how to ask, with the example questions the briefings answer, in
 * both languages (a terminal has no locale to go by).
 */
export function renderHelpPlain(examples: RagInfo["examples"] = {}): string {
  const usage = (language: Language): string[] => [messages(language).help, withExample(messages(language).usage, language, examples[language])];
  return [...usage("en"), "", ...usage("ar"), "", "Commands: /help, /about. Ctrl-D quits."].join("\n");
}

/** Briefings the console's /about lists by name; the rest are counted. */
const ABOUT_BRIEFINGS = 20;

/** The console's /about: the briefings, the index size, when it was built, the embedder. */
export function renderAboutPlain(info: RagInfo): string {
  const shown = info.briefings.slice(0, ABOUT_BRIEFINGS).map((b) => `- ${b}`);
  const more = info.briefings.length - shown.length;
  return [
    `Briefings (${info.briefings.length}):`,
    ...shown,
    ...(more > 0 ? [`- … +${more}`] : []),
    `Passages: ${info.passages} (${info.sentences} sentences)`,
    `Index built: ${info.builtAt}`,
    `Embedder: ${info.embedder}`,
  ].join("\n");
}
