/**
 * Answer, notices, /help and /about as Discord message contents: Markdown escaped, quotes as block quotes,
 * every message within Discord's 2000-character limit, long answers split on sentence boundaries.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, escapeMarkdown, time, TimestampStyles } from "discord.js";
import { graphemes, normalizeQuestion, type Answer, type Language, type PassageView, type RagInfo } from "../../rag/index.js";
import { feedbackData, paragraphData } from "../../state/buttons.js";
import type { Reply } from "../ask.js";
import { declinedText, messages, sourceLineStart, sourceOf, withExample, withHowToAsk } from "../messages.js";
import { fitList } from "./fit-list.js";
import { markMatches, matchedLine, renderMarks, withoutMarks } from "./marks.js";
import { renderNotice } from "./plain.js";
import { splitToFit } from "./split.js";
import { fitPassage, type PassageOptions } from "./window.js";

/** Discord's limit on the content of one message, in UTF-16 code units (what `string.length` counts). */
export const DISCORD_MESSAGE_LIMIT = 2000;

/**
 * How much of a question is echoed above the answer to /ask (the slash command hides it otherwise), in characters
 * as a reader counts them (grapheme clusters).
 */
const ECHO_CHARS = 200;

export interface DiscordRenderOptions {
  /** Echo the question above the answer (for /ask, where the channel does not show it). */
  readonly echoQuestion?: boolean;
  /** Characters per message; {@link DISCORD_MESSAGE_LIMIT} unless a test wants a smaller one. */
  readonly limit?: number;
  /** The question to echo, for a partial answer (a full one carries its own). */
  readonly question?: string;
}

/**
 * Makes user or source text show literally: Markdown (including headings, lists, masked links, block quotes and
 * subtext) is escaped, `<` is escaped so `<@id>`, `<#id>` and `<t:…>` stay text, and `@everyone`/`@here` get a
 * zero-width space. Pings are also refused by `allowedMentions`; this keeps the text from even looking like one.
 */
export function escapeDiscord(text: string): string {
  // Masked links are escaped here rather than by discord.js, which escapes the first of a line only ("[@a](#)
  // and [@b](#)") and none whose text holds brackets: every "[" with a "](" after it, which is every "[" that
  // could open one ("[1]" stays as it is). discord.js doubles backslashes, so "\\[" stays a backslash then
  // an escaped bracket.
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: false }).replace(/^(\s*)(>|-#)/gmu, "$1\\$2");
  const lastLinkEnd = escaped.lastIndexOf("](");
  return escaped
    .replace(/\[/gu, (bracket, at: number) => (at < lastLinkEnd ? "\\[" : bracket))
    // And the "(" of every "](", so that no link closes here whatever "[" opened it: one in another piece the
    // renderer joins to this one (the echoed question before a composed answer, a label before a file name).
    .replace(/\]\(/gu, "]\\(")
    .replace(/</gu, "\\<")
    .replace(/@(everyone|here)/gu, "@\u200b$1");
}

/** The answer as one or more messages: numbered block quotes, then the sources under them. */
export function renderAnswerDiscord(answer: Answer, options: DiscordRenderOptions = {}): string[] {
  const limit = options.limit ?? DISCORD_MESSAGE_LIMIT;
  const m = messages(answer.language);
  const units: string[] = [];
  if (options.echoQuestion) units.push(...splitToFit(echo(answer.question), (raw) => `❓ ${escapeDiscord(raw)}`, limit, answer.language));
  if (answer.kind === "declined") {
    units.push(declinedText(m, answer.reason));
    return pack(units, limit);
  }
  // Only the quotes carry marks (the core's); the marks' characters anywhere else are nobody's, and left out.
  if (answer.composed) units.push(...splitToFit(withoutMarks(answer.composed.text), (raw) => escapeDiscord(raw.trim()), limit, answer.language), "", m.quotes);
  else units.push(m.intro);
  for (const citation of answer.citations) {
    units.push(...splitToFit(markMatches(citation), (raw, first) => blockQuote(raw, first ? citation.n : undefined), limit, answer.language));
    const line = matchedLine(citation, answer.language);
    if (line) units.push(...splitToFit(withoutMarks(line), (raw) => `-# ${escapeDiscord(raw.trim())}`, limit, answer.language));
    units.push("");
  }
  units.push(m.sources);
  for (const c of answer.citations) {
    units.push(...splitToFit(withoutMarks(sourceOf(c, answer.language)), (raw, first) => sourceLineStart(answer.language) + (first ? `[${c.n}] ` : "") + escapeDiscord(raw.trim()), limit, answer.language));
  }
  return pack(units, limit);
}

/**
 * A composed answer still being written, for the message edited as it streams: the verified text so far with
 * an ellipsis, one message at most (the final edit replaces it with the whole answer and its sources).
 */
export function renderPartialDiscord(text: string, language: Language, options: DiscordRenderOptions = {}): string {
  const limit = options.limit ?? DISCORD_MESSAGE_LIMIT;
  const units: string[] = [];
  if (options.echoQuestion) units.push(...splitToFit(echo(options.question ?? ""), (raw) => `❓ ${escapeDiscord(raw)}`, limit, language));
  units.push(...splitToFit(`${withoutMarks(text).trim()} …`, (raw) => escapeDiscord(raw.trim()), limit, language));
  return pack(units, limit)[0] ?? "…";
}

/** Any reply of the shared ask flow; `[]` for a silent one (a flood after its one notice). */
export function renderReplyDiscord(reply: Reply, options: DiscordRenderOptions = {}): string[] {
  switch (reply.kind) {
    case "answer":
      return renderAnswerDiscord(reply.answer, options);
    case "notice":
      return [escapeDiscord(withoutMarks(renderNotice(reply.notice, "discord")))];
    case "silent":
      return [];
  }
}

/** Buttons in a row (Discord allows 5) and rows of "show paragraph" buttons at most (one more holds 👍/👎). */
const BUTTONS_PER_ROW = 5;
const PARAGRAPH_ROWS = 2;

/**
 * The buttons under an answer: "Show paragraph [n]" per citation, then 👍 / 👎 when feedback is recorded. None
 * for a notice, a declined answer, or an answer whose buttons could not be stored.
 */
export function renderButtonsDiscord(reply: Reply, options: { readonly feedback: boolean }): ActionRowBuilder<ButtonBuilder>[] {
  if (reply.kind !== "answer" || reply.buttons === undefined || reply.answer.kind !== "answered") return [];
  const { buttons: id, answer } = reply;
  const m = messages(answer.language);
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  const paragraphs = answer.citations.slice(0, BUTTONS_PER_ROW * PARAGRAPH_ROWS);
  for (let i = 0; i < paragraphs.length; i += BUTTONS_PER_ROW) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        paragraphs
          .slice(i, i + BUTTONS_PER_ROW)
          .map((c) => new ButtonBuilder().setCustomId(paragraphData(id, c.n, answer.language)).setLabel(m.showPassage(c.n, c.place.kind)).setStyle(ButtonStyle.Secondary)),
      ),
    );
  }
  if (options.feedback) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(feedbackData(id, "up", answer.language)).setEmoji("👍").setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setCustomId(feedbackData(id, "down", answer.language)).setEmoji("👎").setStyle(ButtonStyle.Secondary),
      ),
    );
  }
  return rows;
}

/** The passage behind quote [n], as one message: where it comes from, then the text quoted, whole or cut to fit (so headed). */
export function renderPassageDiscord(passage: PassageView, n: number, language: Language, { focus, limit = DISCORD_MESSAGE_LIMIT }: PassageOptions = {}): string {
  const render = (text: string, whole: boolean): string => `${escapeDiscord(messages(language).passageFrom(n, sourceOf(passage, language), whole))}\n${blockQuote(text)}`;
  return fitPassage(passage.text, focus, render, limit);
}

/**
 * The /help text in English, then in Arabic: Discord has no Arabic locale to tell an Arabic speaker by, and a
 * reader who asks in Arabic should be told so in Arabic. Each says how to ask in a server too.
 */
export function renderHelpDiscord(examples: RagInfo["examples"] = {}): string {
  return (["en", "ar"] as const)
    .map((language) => `${messages(language).help}\n\n${escapeDiscord(withHowToAsk(withExample(messages(language).usage, language, examples[language]), language, "discord"))}`)
    .join("\n\n");
}

/**
 * The /about text: which briefings, how many passages, when the index was built (in the reader's time zone). In
 * English, the labels the other platforms' English /about has: Discord has no Arabic locale to answer in.
 */
export function renderAboutDiscord(info: RagInfo, limit = DISCORD_MESSAGE_LIMIT): string {
  const { about } = messages("en");
  const built = new Date(info.builtAt);
  const when = Number.isNaN(built.getTime())
    ? escapeDiscord(info.builtAt)
    : `${time(built, TimestampStyles.LongDateTime)} (${time(built, TimestampStyles.RelativeTime)})`;
  const tail = [
    about.passages(info.passages, info.sentences),
    `${about.built} ${when}`,
    `${about.embedder} ${escapeDiscord(info.embedder)}`,
  ];
  // Keep within one message however many briefings there are: list as many as fit, then count the rest.
  const text = fitList({
    head: about.briefings(info.briefings.length),
    items: info.briefings,
    line: (b) => `- ${escapeDiscord(b)}`,
    more: (count) => `- … +${count}`,
    tail,
    limit,
  });
  return text ?? tail.join("\n").slice(0, limit);
}

/**
 * The question on one line, cut to ECHO_CHARS grapheme clusters: a cut between code points may show half a flag
 * or drop a letter's diacritics (one inside a surrogate pair is invalid UTF-16, which Discord refuses). A streamed
 * echo gets the question as typed, so the characters the core strips from it are stripped here; so are the marks'
 * characters, which are a user's and not the renderer's marks.
 */
function echo(question: string): string {
  const chars = graphemes(withoutMarks(normalizeQuestion(question)));
  return chars.length > ECHO_CHARS ? `${chars.slice(0, ECHO_CHARS).join("")}…` : chars.join("");
}


/** `raw` as a block quote, with the matched words bold and, on its first line, citation number `n`. */
function blockQuote(raw: string, n?: number): string {
  const escaped = renderMarks(escapeDiscord(raw.trim()), "**", "**");
  const marker = n === undefined ? "" : `[${n}] `;
  const lines = escaped.split("\n");
  // A blank line keeps the space of "> ": Discord shows a bare ">" as text, which splits the quote in two.
  return lines.map((line, i) => `> ${`${i === 0 ? marker : ""}${line}`.trimEnd()}`).join("\n");
}

/** Joins units into as few messages as fit `limit`; a unit is never cut here (splitToFit already sized it). */
function pack(units: readonly string[], limit: number): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    while (current.at(-1) === "") current.pop();
    if (current.length) out.push(current.join("\n"));
    current = [];
  };
  for (const unit of units) {
    if (current.length === 0 && unit === "") continue;
    if ([...current, unit].join("\n").length > limit) flush();
    if (current.length === 0 && unit === "") continue;
    current.push(unit);
  }
  flush();
  return out;
}
