/**
 * Shared pieces of the reliability tests: the hostile-question corpus, log capture, and checks that a message
 * shown on Discord or Telegram is inert (no pings, no markup the user did not intend, no secrets).
 */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.js";
import type { LogLevel } from "../../src/config.js";
import { parseTelegramHtml } from "../fakes/telegram-server.js";

/** usage, too-long: that notice; answer: a polite answer or decline; decline: the core declines it. */
export type HostileExpectation = "usage" | "too-long" | "answer" | "decline";

/** One entry of tests/fixtures/hostile-questions.json, with long texts expanded. */
export interface HostileQuestion {
  readonly id: string;
  readonly why: string;
  readonly text: string;
  readonly expect: HostileExpectation;
}

interface RawHostileQuestion {
  readonly id: string;
  readonly why: string;
  readonly text?: string;
  readonly repeat?: { readonly unit: string; readonly count: number };
  readonly suffix?: string;
  readonly expect: HostileExpectation;
}

/** The hostile-question corpus, long entries expanded from their `repeat`. */
export function hostileQuestions(): HostileQuestion[] {
  const url = new URL("../fixtures/hostile-questions.json", import.meta.url);
  const raw = JSON.parse(readFileSync(url, "utf8")) as { questions: RawHostileQuestion[] };
  return raw.questions.map(({ id, why, text, repeat, suffix, expect }) => ({
    id,
    why,
    expect,
    text: text ?? `${repeat ? repeat.unit.repeat(repeat.count) : ""}${suffix ?? ""}`,
  }));
}

/** A logger writing JSON lines into `lines`. With no secrets given, nothing is redacted: leaks would show. */
export function capturingLogger(level: LogLevel = "debug", secrets: readonly string[] = []): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level, secrets, destination }), lines };
}

/** Parsed log lines. */
export function parsedLogs(lines: readonly string[]): { level: number; msg: string; [key: string]: unknown }[] {
  return lines.map((line) => JSON.parse(line) as { level: number; msg: string });
}

/** Why `rendered` could ping someone or render markup the bot did not write, or undefined when it is inert. */
export function discordProblem(rendered: string): string | undefined {
  // The bot's own bold: matched words (with the spaces and escaped punctuation between them) between ** and ** on
  // one line; their text stays for the checks below.
  const content = rendered.replace(/(?<!\\)\*\*((?:\\.|[^*\\\n])+?)\*\*/gu, "$1");
  if (/(?<!\\)</u.test(content)) return "an unescaped < (a mention, channel, role or timestamp could render)";
  if (/@(everyone|here)/u.test(content)) return "a bare @everyone or @here";
  // A "[" after an even number of backslashes (each pair a literal one) opens a link; its text may hold
  // bracketed parts (simple-markdown's link rule, which Discord uses).
  if (/(?:^|[^\\])(?:\\\\)*\[(?:\[[^\]]*\]|[^[\]]|\](?=[^[]*\]))*\]\(/u.test(content)) return "an unescaped masked link";
  if (/(?<!\\)(\*\*|__|~~|\|\||`)/u.test(content)) return "unescaped Markdown";
  return undefined;
}

// b: headings and matched words; i: the "matched" line under a quote in the other language.
const TELEGRAM_BOT_TAGS = new Set(["b", "i", "blockquote"]);

/** Why `html` would be refused by Telegram or carry a tag the bot did not write, or undefined when it is fine. */
export function telegramProblem(html: string): string | undefined {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) return parsed.error;
  if (parsed.text.length > 4096) return "longer than 4096 characters";
  for (const match of html.matchAll(/<\/?([a-z-]+)/gu)) {
    if (!TELEGRAM_BOT_TAGS.has(match[1] ?? "")) return `a <${match[1]}> tag the bot does not write`;
  }
  return undefined;
}
