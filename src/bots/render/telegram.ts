/**
 * Answers and notices as Telegram HTML (parse_mode "HTML"): every piece of text escaped, quotes in
 * <blockquote> with [n] markers, sources under them, and each message part within Telegram's limit.
 */
import { Markup } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { detectLanguage, type Answer, type Language, type PassageView, type RagInfo } from "../../rag/index.js";
import { feedbackData, paragraphData } from "../../state/buttons.js";
import type { Reply } from "../ask.js";
import { declinedText, messages, sourceLine, sourceOf, withExample } from "../messages.js";
import { fitList } from "./fit-list.js";
import { countMarks, markMatches, matchedLine, renderMarks, withoutMarks } from "./marks.js";
import { renderNotice } from "./plain.js";
import { cutToFit, splitToFit } from "./split.js";
import { fitPassage, type PassageOptions } from "./window.js";

/** Telegram's limit on the text of one message. */
export const TELEGRAM_MAX_CHARS = 4096;

/**
 * The formatting entities (tag pairs) Telegram applies in one message: it ignores those past the 100th, found by
 * experiment (python-telegram-bot's MAX_MESSAGE_ENTITIES; tdlib/telegram-bot-api#820), not in the Bot API docs.
 */
export const TELEGRAM_MAX_ENTITIES = 100;

/** Escapes the characters Telegram HTML gives meaning to; the result is safe anywhere outside a tag. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch] ?? ch);
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Plain text wrapped in one tag pair; the unit the splitter packs. */
interface Block {
  readonly open: string;
  readonly close: string;
  readonly text: string;
  /** Starts with a blank line unless it opens a message. */
  readonly gap?: boolean;
  /**
   * A quote whose matched words the core marked (see marks.ts). Any other text has the marks' characters removed: in
   * a model's answer, a question word or a file name they are nobody's marks.
   */
  readonly marked?: boolean;
}

/** One message-sized piece of a block, as the packer weighs it. */
interface Piece {
  /** Its markup with the first `bold` matched words bold (the rest plain); never longer than with all of them. */
  readonly render: (bold: number) => string;
  /** Entities of its block's own tag pair (a block quote, a heading): 0 or 1. */
  readonly tags: number;
  /** Matched words it can show bold (each an entity). */
  readonly marks: number;
  readonly gap: boolean;
}

/**
 * The answer as Telegram HTML messages, each at most `limit` characters of markup (so also of text)
 * and well-formed on its own: blocks are packed whole, and an oversized block is cut on a line or
 * sentence boundary of its plain text before escaping, then wrapped in its tags again.
 */
export function renderAnswerHtml(answer: Answer, limit = TELEGRAM_MAX_CHARS): string[] {
  const m = messages(answer.language);
  if (answer.kind === "declined") return pack([{ open: "", close: "", text: declinedText(m, answer.reason) }], limit);
  const head: Block[] = answer.composed
    ? [
        { open: "", close: "", text: answer.composed.text },
        { open: "<b>", close: "</b>", text: m.quotes, gap: true },
      ]
    : [{ open: "<b>", close: "</b>", text: m.intro }];
  return pack(
    [
      ...head,
      ...answer.citations.flatMap((c) => {
        const line = matchedLine(c, answer.language);
        const quote = { open: "<blockquote>", close: "</blockquote>", text: `[${c.n}] ${markMatches(c)}`, marked: true };
        return line ? [quote, { open: "<i>", close: "</i>", text: line }] : [quote];
      }),
      { open: "<b>", close: "</b>", text: m.sources, gap: true },
      ...answer.citations.map((c) => ({ open: "", close: "", text: sourceLine(c, answer.language) })),
    ],
    limit,
  );
}

/**
 * A composed answer still being written, for the message edited as it streams: the verified text so far with
 * an ellipsis, cut to one message (the final edit replaces it with the whole answer and its sources).
 */
export function renderPartialHtml(text: string, limit = TELEGRAM_MAX_CHARS): string {
  const [first = ""] = splitToFit(`${withoutMarks(text).trim()} …`, (raw) => escapeHtml(raw.trim()), limit - 2, detectLanguage(text));
  return first;
}

/** A reply from the shared ask flow as Telegram HTML messages; none for a silent reply. */
export function renderReplyHtml(reply: Reply, limit = TELEGRAM_MAX_CHARS): string[] {
  switch (reply.kind) {
    case "answer":
      return renderAnswerHtml(reply.answer, limit);
    case "notice":
      return pack([{ open: "", close: "", text: renderNotice(reply.notice, "telegram") }], limit);
    case "silent":
      return [];
  }
}

/** "Show paragraph" buttons per row: their labels are long for a phone's width. */
const PARAGRAPHS_PER_ROW = 2;
const MAX_PARAGRAPH_BUTTONS = 10;

/**
 * The inline keyboard under an answer: "Show paragraph [n]" per citation, then 👍 / 👎 when feedback is
 * recorded; undefined for a notice, a declined answer, or an answer whose buttons could not be stored.
 * The callback data is only a short id (at most 64 bytes are allowed); the payload stays on the server.
 */
export function renderKeyboardTelegram(reply: Reply, options: { readonly feedback: boolean }): InlineKeyboardMarkup | undefined {
  if (reply.kind !== "answer" || reply.buttons === undefined || reply.answer.kind !== "answered") return undefined;
  const { buttons: id, answer } = reply;
  const m = messages(answer.language);
  const paragraphs = answer.citations.slice(0, MAX_PARAGRAPH_BUTTONS).map((c) => Markup.button.callback(m.showPassage(c.n, c.place.kind), paragraphData(id, c.n, answer.language)));
  const rows = [];
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_ROW) rows.push(paragraphs.slice(i, i + PARAGRAPHS_PER_ROW));
  if (options.feedback) rows.push([Markup.button.callback("👍", feedbackData(id, "up", answer.language)), Markup.button.callback("👎", feedbackData(id, "down", answer.language))]);
  return Markup.inlineKeyboard(rows).reply_markup;
}

/**
 * The passage behind quote [n] as one message: where it comes from, then the passage in a block quote, whole or, cut
 * to fit around the quote, so headed.
 */
export function renderPassageHtml(passage: PassageView, n: number, language: Language, { focus, limit = TELEGRAM_MAX_CHARS }: PassageOptions = {}): string {
  const render = (text: string, whole: boolean): string =>
    `<b>${escapeHtml(messages(language).passageFrom(n, sourceOf(passage, language), whole))}</b>\n<blockquote>${escapeHtml(text)}</blockquote>`;
  return fitPassage(passage.text, focus, render, limit);
}

/**
 * What /start and /help say: what the bot does, then how to ask (with the example question the briefings answer),
 * in a private chat and in a group.
 */
export function renderHelpHtml(language: Language, example?: string): string {
  return escapeHtml(renderNotice({ code: "help", language, ...(example !== undefined ? { example } : {}) }, "telegram"));
}

/** The usage text, for an empty question. */
export function renderUsageHtml(language: Language, example?: string): string {
  return escapeHtml(withExample(messages(language).usage, language, example));
}

/**
 * The blocks as messages within `limit` characters and TELEGRAM_MAX_ENTITIES entities each. Pieces are packed by
 * length and by their blocks' own tags (a message full of block quotes starts another); matched words are then bold
 * in reading order while entities are left, the rest plain: a quote without its block quote, or a heading not bold,
 * reads worse than a word not bold.
 */
function pack(blocks: readonly Block[], limit: number): string[] {
  const parts: Piece[][] = [];
  let current: Piece[] = [];
  let length = 0;
  let tags = 0;
  for (const block of blocks) {
    for (const piece of pieces(block, limit)) {
      const size = piece.render(Number.POSITIVE_INFINITY).length;
      const joined = length + (piece.gap ? 2 : 1) + size;
      if (current.length > 0 && joined <= limit && tags + piece.tags <= TELEGRAM_MAX_ENTITIES) {
        length = joined;
        tags += piece.tags;
      } else {
        if (current.length > 0) parts.push(current);
        current = [];
        length = size;
        tags = piece.tags;
      }
      current.push(piece);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts.map((message) => {
    let bold = TELEGRAM_MAX_ENTITIES - message.reduce((sum, piece) => sum + piece.tags, 0);
    return message
      .map((piece, i) => {
        const shown = Math.min(piece.marks, bold);
        bold -= shown;
        return `${i === 0 ? "" : piece.gap ? "\n\n" : "\n"}${piece.render(shown)}`;
      })
      .join("");
  });
}

function pieces({ open, close, text, gap = false, marked = false }: Block, limit: number): Piece[] {
  const budget = limit - 2; // room for the "\n\n" a gap adds
  if (budget - open.length - close.length < 16) throw new RangeError(`limit ${limit} leaves no room for text`);
  const raw = marked ? text : withoutMarks(text);
  const render = (piece: string, bold = Number.POSITIVE_INFINITY): string => `${open}${renderMarks(escapeHtml(piece.trim()), "<b>", "</b>", bold)}${close}`;
  return cutToFit(raw, (piece) => render(piece), budget, detectLanguage(raw)).map((piece) => ({
    render: (bold) => render(piece, bold),
    tags: open === "" ? 0 : 1,
    marks: countMarks(escapeHtml(piece.trim())),
    gap,
  }));
}

/** What `/about` shows: the briefings (as many as fit in one message), the index size, when it was built, the embedder. */
export function renderAboutHtml(info: RagInfo, language: Language = "en", limit = TELEGRAM_MAX_CHARS): string {
  const about = messages(language).about;
  // "2026-12-03 23:08 UTC": Telegram has no timestamp entity that shows the reader's own time zone.
  const built = Number.isNaN(Date.parse(info.builtAt)) ? info.builtAt : `${new Date(info.builtAt).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const tail = [
    about.passages(info.passages, info.sentences),
    `${about.built} ${escapeHtml(built)}`,
    `${about.embedder} <code>${escapeHtml(info.embedder)}</code>`,
  ];
  // The limit is on the markup, which is never shorter than the text Telegram shows from it.
  const text = fitList({
    head: `<b>${escapeHtml(about.briefings(info.briefings.length))}</b>`,
    items: info.briefings,
    line: (b) => `• <code>${escapeHtml(b)}</code>`,
    more: (count) => `• … +${count}`,
    tail,
    limit,
    // A <code> each, under the bold head and above the embedder's <code>: past 100 entities Telegram shows plain text.
    maxItems: TELEGRAM_MAX_ENTITIES - 2,
  });
  return text ?? tail.join("\n");
}
