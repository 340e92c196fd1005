/**
 * Answer and notices as plain text: the console chat, `npm run ask` and the JSON `text` field.
 */
import type { Answer } from "../../rag/index.js";
import type { Notice, Reply } from "../ask.js";
import { messages } from "../messages.js";
import { matchedLine } from "./marks.js";

/**
 * The answer as a person reads it: numbered verbatim quotes, then where each came from; a composed answer
 * (from the language model) comes first, its [n] markers pointing at those quotes.
 */
export function renderAnswerPlain(answer: Answer): string {
  const m = messages(answer.language);
  if (answer.kind === "declined") return m.declined;
  // Under a quote in the other language, the words that matched ("matched: Sahel → الساحل"), as the chat
  // platforms show them.
  const quotes = answer.citations.flatMap((c) => {
    const line = matchedLine(c, answer.language);
    return line ? [`[${c.n}] “${c.quote}”`, `    ${line}`] : [`[${c.n}] “${c.quote}”`];
  });
  const sources = answer.citations.map((c) => `[${c.n}] ${c.source}, ${c.label}`);
  const head = answer.composed ? [answer.composed.text, "", m.quotes] : [m.intro];
  return [...head, ...quotes, "", m.sources, ...sources].join("\n");
}

/** A notice (too long, rate limited, failure …) in the asker's language. */
export function renderNotice(notice: Notice): string {
  const m = messages(notice.language);
  switch (notice.code) {
    case "empty":
      return m.usage;
    case "too-long":
      return m.tooLong(notice.limit ?? 0);
    case "not-text":
      return m.notText;
    case "rate-limited":
      return m.rateLimited(Math.max(1, Math.ceil(notice.retryAfterMs / 1000)));
    case "failed":
      return m.failed;
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
