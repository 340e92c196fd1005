/**
 * From one briefing file to passages that point into it. The file is never changed: a passage is a span
 * (start, end) of the source text, and so is each of its sentences.
 *
 * The briefings are scraped pages. Lines are classified first: page debris (relative times, reply counters,
 * "copy link", "read N replies", follow buttons) is dropped, the keyword list kept as a passage of its own that only
 * a question asking for it finds (see text/page-parts.ts); a tweet's author and time
 * stamp become the label of the tweet's passage; a paragraph that the page broke across a blank line
 * mid-sentence is joined again (see continuesAcrossBlankLine). A post embedded in the page (a tweet) is
 * recognised by the follow line before it or the time stamp after it. Link targets and HTML tags are no words of
 * the text: the text read is indexedText's, blanked where they stand, so its offsets are the source's.
 *
 * ingest() reads a file in three steps: splitLines and classify, then draftsOf (the lines to spans of passages),
 * then passagesOf (the spans to passages with their sentences and labels).
 */
import { englishPlace } from "./place.js";
import type { Passage, PassageKind, Sentence } from "./types.js";
import { MONTH_PATTERNS } from "./text/months.js";
import { foldDigits } from "./text/normalize.js";
import { isKeywordsHeading, isPublishedAgo, isReplyCounter } from "./text/page-parts.js";
import { HAS_WORD, MAX_SENTENCE_CHARS, segmentSentences } from "./text/segment.js";

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly text: string;
  /** `text` as indexed (indexedText), where the caller holds it already (Seed.indexedText caches it). */
  readonly indexed?: string;
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Blank lines between this one and the previous non-blank line. */
  readonly gap: number;
}

type LineKind =
  | { kind: "content" }
  | { kind: "headline"; open: boolean; close: boolean }
  | { kind: "debris" }
  | { kind: "follow"; handle: string }
  | { kind: "timestamp"; date: string; clock: boolean }
  // A post's reply counter ("٣٨٩ رد ⚬ نسخ الرابط").
  | { kind: "replies" }
  // How long ago the report went up ("منذ 18 ساعة").
  | { kind: "published" }
  | { kind: "keywords" };

const ARABIC_LETTERS = /[\u0621-\u064A]/gu;
const LATIN_LETTERS = /[A-Za-z]/g;
const SENTENCE_END = /[.!?؟…:"”»)\]*]$/u;

/**
 * A Markdown link `[text](url)`: its text and its opening `[text](` in groups 1 and 2, the url (no line break in it,
 * as CommonMark has it; parentheses one deep at most, x.com/a_(b)) in group 3. Neither part holds the bracket that
 * opens it: each try then stops at the next one, so a line of many unclosed "[" or "](" is not read to its end at
 * each.
 */
const LINK = /(\[([^[\]]*)\]\()((?:[^()\r\n]|\([^()\r\n]*\))*)\)/g;

/** Markdown links read as their text. */
const unlink = (s: string): string => s.replace(LINK, (_, _open: string, text: string) => text);
/**
 * HTML's elements, those a page pasted into a briefing may hold (SVG's path and g, a namespaced one such as Word's
 * o:p): "<y" or "<sources>" in prose is no tag.
 */
const ELEMENTS = [
  "a|abbr|address|area|article|aside|audio|b|base|bdi|big|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup",
  "data|dd|del|details|dfn|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|g|h[1-6]|head|header|hr|html|i|iframe",
  "img|input|ins|kbd|label|legend|li|link|main|mark|meta|nav|nobr|noscript|object|ol|option|p|path|picture|pre|q|rt|ruby|s|samp",
  "section|select|small|source|span|strike|strong|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title",
  "tr|tt|u|ul|var|video|wbr|[a-z]+:[a-z]+",
].join("|");
/** An attribute: `name`, `name="…"`, `name='…'` or `name=value` (a url with its query: `href=/a?b=1&c=2`). */
const ATTRIBUTE = `[A-Za-z_:][-A-Za-z0-9_:.]*(?:\\s*=\\s*(?:"[^"<>]*"|'[^'<>]*'|[^\\s"'<>\`]+))?`;
/**
 * An HTML tag (`<a href="…">`, `</p>`, `<br/>`, a tag spread over lines), a declaration (`<!DOCTYPE …>`, `<?xml …?>`),
 * a comment, or a script or style element whole (code, no text of the page). A tag is written as HTML writes one, an
 * element's name then attributes, so a "<" in prose ("fell to <a third of the total … ratio >2", "x<y holds when
 * y>x") starts none, and the prose up to the next ">" is not blanked. Each stops at the next "<": never a scan of
 * the rest of the file from every "<".
 */
const HTML_TAG = new RegExp(
  [
    `<(script|style)\\b[^<>\\r\\n]*>[^<]*<\\/\\1\\s*>`,
    `<!--[^<]*?-->`,
    `<!doctype[^<>]*>|<\\?xml[^<>]*\\?>`,
    `<\\/?(?:${ELEMENTS})(?![A-Za-z0-9:-])(?:\\s+${ATTRIBUTE})*\\s*\\/?>`,
  ].join("|"),
  "gi",
);

/**
 * The text as its words are indexed and marked in quotes: Markdown link targets and HTML tags are no words of the
 * briefing (a search for "example com" is not to find `[Lumara](https://example.com/…)`, nor "href" an `<a href>`),
 * so they are blanked to spaces, the link's brackets and parentheses kept. Of the same length as `text`: every
 * offset is the source's, and quotes are still sliced from the source. A bare URL is written in the text, and stays.
 */
export function indexedText(text: string): string {
  // Line ends kept: a tag or a script spread over lines leaves the lines, and the paragraphs, as they were.
  const blank = (s: string): string => s.replace(/[^\r\n\u0085\u2028\u2029]/g, " ");
  return text.replace(LINK, (_, open: string, _text: string, target: string) => `${open}${blank(target)})`).replace(HTML_TAG, blank);
}

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/** Longest time stamp line, its times of day blanked: a longer line is a sentence that mentions a date. */
const MAX_TIMESTAMP_CHARS = 60;

/** The date, ISO 8601 ("2023-01-23", or "2023-01" without a day), of a time stamp line such as "١٨:٤ ص . ٢٣ يناير ٢٠٢٣", if it is one. */
export function parseTimestamp(line: string): string | undefined {
  const text = foldDigits(unlink(line)).replace(/\d{1,2}:\d{1,2}/g, " ");
  if (text.length > MAX_TIMESTAMP_CHARS) return undefined;
  const year = text.match(/\b(19|20)\d{2}\b/)?.[0];
  const month = MONTH_PATTERNS.find(([re]) => re.test(text));
  if (!year || !month) return undefined;
  const monthAt = text.search(month[0]);
  const days = [...text.matchAll(/(?<!\d)(\d{1,2})(?!\d)/g)];
  const day = days.sort((a, b) => Math.abs((a.index ?? 0) - monthAt) - Math.abs((b.index ?? 0) - monthAt))[0]?.[1];
  // A day the month does not have (٣٠ فبراير) is no day: the month and year are still the stamp's.
  const inMonth = new Date(Date.UTC(Number(year), Number(month[1]), 0)).getUTCDate();
  return day === undefined || Number(day) < 1 || Number(day) > inMonth ? `${year}-${month[1]}` : `${year}-${month[1]}-${day.padStart(2, "0")}`;
}

/** A line of @handles and #hashtags only: a post's tags, or page debris when no post is open. */
const isTagLine = (text: string): boolean => /^(?:[@#][\p{L}\p{N}_]+\s*)+$/u.test(foldDigits(unlink(text)).trim());

/**
 * A time of day in a post's stamp ("٦:٣٥ ص", "10:02 PM", or only its ص, AM or PM where the page lost the
 * minutes). Not a lone م: after a date it is more often ميلادي (AD) than مساءً.
 */
const CLOCK = /\d{1,2}:\d{1,2}|(?:^|\s)(?:ص|am|pm)(?=\s|\.|$)/iu;

/** Most words on a time stamp line ("10:02 PM · Jan 23, 2023" has two): a line of more is one of the article. */
const MAX_TIMESTAMP_WORDS = 4;

/** A page's own publishing stamp: when the page was put up or changed, no line of the article. */
const PAGE_STAMP = /^(?:published|updated|posted|last updated|نشر|نُشر|تم النشر|تاريخ النشر|آخر تحديث|تحديث)(?![\p{L}])/iu;

function classify(raw: string): LineKind {
  const line = raw.trim();
  // A divider ("***", "---", "___"): no text, nor the opening of a bold title.
  if (/^(?:[*_-]\s*){3,}$/u.test(line)) return { kind: "debris" };
  if (/^#{1,3}\s/.test(line)) return { kind: "headline", open: true, close: true };
  // Bold that wraps a whole line, or opens on one line and closes at the end of a later one, is a title; bold
  // inside a line ("**Note:** the envoy met …", "the talks had **failed**") is emphasis in a paragraph.
  const bold = line.split("**").length - 1;
  if (line.startsWith("**") && (bold === 1 || (bold === 2 && line.length > 4 && line.endsWith("**")))) {
    return { kind: "headline", open: true, close: bold === 2 };
  }
  if (bold === 1 && line.endsWith("**")) return { kind: "headline", open: false, close: true };
  if (isReplyCounter(line)) return { kind: "replies" };
  const text = foldDigits(unlink(line)).trim();
  if (isPublishedAgo(text)) return { kind: "published" };
  const follow = text.match(/^[·•]?\s*(?:متابعة|follow)\s+@(\w+)/i);
  if (follow?.[1]) return { kind: "follow", handle: follow[1] };
  if (isKeywordsHeading(text)) return { kind: "keywords" };
  const date = parseTimestamp(text);
  if (date && count(text, /[\p{L}]+/gu) <= MAX_TIMESTAMP_WORDS) return { kind: "timestamp", date, clock: CLOCK.test(text) };
  // Each pattern is the whole line or anchored at an end of it: a paragraph that mentions reading or a link is kept.
  if (
    /^منذ \d+ \S+$/.test(text) ||
    /^\d+ (?:minutes?|hours?|days?) ago$/i.test(text) ||
    /(?:^|\s)نسخ الرابط$/u.test(text) ||
    /^قراءة\s+(?:\d+\s+)?(?:ردود|ردًا|ردا|رد|المحادثة)(?!\p{L})/u.test(text) ||
    // A reading time ("قراءة 3 دقائق", "5 min read").
    /^(?:مدة ال)?قراءة:?\s+\d+\s+(?:دقائق|دقيقة|د)\.?$|^\d+\s+(?:min|minute)s?\s+read$/iu.test(text) ||
    // A counter the page wrote with more than its count (see isReplyCounter for the one kept with its post).
    /^\d+ (?:ردود|ردًا|ردا|رد)(?!\p{L})/u.test(text) ||
    isTagLine(text)
  ) {
    return { kind: "debris" };
  }
  return { kind: "content" };
}

/** Unicode's own line ends: NEL, the line separator and the paragraph separator. */
const UNICODE_BREAKS = /[\u0085\u2028\u2029]/g;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let gap = 0;
  // A line ends at LF, CRLF or a lone CR (old Mac files), NEL or the line separator, so a file of any of them has its
  // paragraphs; the paragraph separator ends a paragraph, as a blank line after its line does.
  for (const match of text.matchAll(/[^\r\n\u0085\u2028\u2029]*(?:\r\n|[\r\n\u0085\u2028\u2029]|$)/g)) {
    const body = match[0].replace(/(?:\r\n|[\r\n\u0085\u2028\u2029])$/, "");
    if (match[0] === "") break;
    const blankAfter = match[0].endsWith("\u2029") ? 1 : 0;
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (!trimmed) {
      gap += 1 + blankAfter;
      continue;
    }
    const start = (match.index ?? 0) + lead;
    lines.push({ start, end: start + trimmed.length, text: trimmed, gap });
    gap = blankAfter;
  }
  return lines;
}

const isLatin = (s: string): boolean => count(s, LATIN_LETTERS) > count(s, ARABIC_LETTERS);

/** Latin text continued mid-sentence: a lower-case word or punctuation that cannot open a sentence. */
const LATIN_CONTINUATION = /^[\p{Ll},;)\]]/u;

/**
 * Whether `line`, after a blank line, continues the paragraph `draft` whose last line has no stop: when the
 * draft is a fragment of at most one sentence (a paragraph the page broke, or a title without a stop, which
 * then opens its first sentence), or when Latin text says so itself (the next line opens in lower case).
 * A paragraph of several sentences whose last line lacks a stop (a list, say) is over otherwise.
 */
function continuesAcrossBlankLine(text: string, draft: Draft, line: Line): boolean {
  if (isLatin(line.text) && LATIN_CONTINUATION.test(line.text)) return true;
  // Asked at each of the paragraph's lines, so its sentences are counted without segmenting it wherever that can
  // be told (segmenting it each time is quadratic in a paragraph of many lines). Longer than two of the longest
  // sentences segmentSentences makes, it is taken to hold two (it does, but for a run of symbols or a long blanked
  // link, which end it there all the same); with no word it holds none; without a stop and within one sentence's
  // length, one.
  const length = draft.end - draft.start;
  if (length > 2 * MAX_SENTENCE_CHARS) return false;
  const written = text.slice(draft.start, draft.end);
  if (!HAS_WORD.test(written) || (length <= MAX_SENTENCE_CHARS && !MAY_END_SENTENCE.test(written))) return true;
  return segmentSentences(text, draft.start, draft.end, true).length <= 1;
}

/** What may end a sentence where segmentSentences cuts one: UAX #29's STerm and ATerm, and the Arabic semicolon. */
const MAY_END_SENTENCE = /[\p{Sentence_Terminal}.\u2024\uFE52\uFF0E\u061B]/u;

/** Most words of an author line: a name with a title ("Ambassador Michele Sison"); a longer line is a sentence. */
const MAX_AUTHOR_WORDS = 6;

/** An author name line: a few Latin words right before a follow line ("Ambassador Michele Sison"). */
const isAuthorLine = (line: Line, next: LineKind | undefined): boolean =>
  next?.kind === "follow" && isLatin(line.text) && line.text.split(/\s+/).length <= MAX_AUTHOR_WORDS && !SENTENCE_END.test(line.text);

/** A span of the source that becomes one passage, grown line by line in draftsOf. */
interface Draft {
  kind: PassageKind;
  start: number;
  end: number;
  handle?: string;
  /** The author name line before the follow line. */
  byline?: { start: number; end: number };
  date?: string;
  /** A post's time stamp line, quoted with it: joined to its last sentence. */
  stamp?: { start: number; end: number };
  /** A post's reply counter line after it ("٣٨٩ رد ⚬ نسخ الرابط"), a sentence of its own. */
  replies?: { start: number; end: number };
  /** A headline's line saying how long ago the report went up ("منذ 18 ساعة"), a sentence of its own. */
  published?: { start: number; end: number };
  /** Index of the last line, to join a paragraph broken across a blank line. */
  lastLine: number;
  ended: boolean;
}

type TimestampLine = Extract<LineKind, { kind: "timestamp" }>;
type HeadlineLine = Extract<LineKind, { kind: "headline" }>;

/** The file as draftsOf reads it: its lines, their kinds, and the text sentences are cut from. */
interface Page {
  readonly lines: readonly Line[];
  readonly kinds: readonly LineKind[];
  readonly text: string;
}

/** What draftsOf carries from one line to the next. */
interface DraftState {
  readonly drafts: Draft[];
  /** A follow line's handle, until the post's first line takes it. */
  handle: string | undefined;
  /** An author name line, until the post's first line takes it. */
  byline: { start: number; end: number } | undefined;
  /** In a title whose bold has not closed yet. */
  inHeadline: boolean;
  /** In the keyword list, its words joined to its passage to its end (see endsKeywordList). */
  inKeywords: boolean;
  /** How many entries the keyword list's passage holds, or -1 once a line that is none has closed it. */
  keywordEntries: number;
}

/** Most words of a keyword list's entry: a content line of more ends the list, the page's text going on. */
const MAX_KEYWORD_WORDS = 8;
/** Most entries a keyword list's passage holds: a footer of short lines after it is no keyword. */
const MAX_KEYWORD_ENTRIES = 20;

/** Passages of one source file, in file order. */
export function ingest(file: SourceFile): Passage[] {
  const indexed = file.indexed ?? indexedText(file.text);
  const lines = splitLines(indexed);
  // Sentences are cut with Unicode's line ends read as line feeds, the only ones segmentSentences knows: none ends a
  // sentence inside a paragraph or is left at the end of one. One character for one: the offsets stay the source's.
  const text = indexed.replace(UNICODE_BREAKS, "\n");
  const drafts = draftsOf(lines, lines.map((l) => classify(l.text)), text);
  return passagesOf(drafts, file, text);
}

/** The file's lines, classified, as the spans of its passages: debris dropped, titles, paragraphs and posts joined. */
function draftsOf(lines: readonly Line[], kinds: readonly LineKind[], text: string): Draft[] {
  const page: Page = { lines, kinds, text };
  const state: DraftState = { drafts: [], handle: undefined, byline: undefined, inHeadline: false, inKeywords: false, keywordEntries: -1 };
  for (const [i, line] of lines.entries()) {
    const kind = kinds[i] ?? { kind: "content" };
    if (state.inKeywords) {
      if (!endsKeywordList(kind, line)) {
        // Each keyword, a short content line or a line of tags, joins the list's passage, up to the first line that
        // is none (the page's debris after the list, a post's card: still skipped to the list's end, as before).
        const list = state.drafts.at(-1);
        const entry = kind.kind === "content" || (kind.kind === "debris" && isTagLine(line.text));
        if (state.keywordEntries >= 0 && entry && list?.kind === "keywords" && state.keywordEntries < MAX_KEYWORD_ENTRIES) {
          extend(list, line.end, i);
          state.keywordEntries += 1;
        } else state.keywordEntries = -1;
        continue;
      }
      state.inKeywords = false;
    }
    switch (kind.kind) {
      case "keywords":
        // A passage of its own, the heading and its keywords: one sentence, quoted only where asked for.
        state.inKeywords = true;
        state.keywordEntries = 0;
        state.drafts.push({ kind: "keywords", start: line.start, end: line.end, lastLine: i, ended: true });
        break;
      case "follow":
        state.handle = kind.handle;
        break;
      case "timestamp":
        addTimestamp(page, state, line, i, kind);
        break;
      case "replies":
        addReplies(page, state, line, i);
        break;
      case "published":
        addPublished(state, line, i);
        break;
      case "debris": {
        const last = state.drafts.at(-1);
        if (last) last.ended = true;
        break;
      }
      case "headline":
        addHeadline(state, line, i, kind);
        break;
      case "content":
        addContent(page, state, line, i);
        break;
    }
  }
  return state.drafts;
}

/** Whether a line ends the keyword list: a content line longer than any keyword. */
const endsKeywordList = (kind: LineKind, line: Line): boolean =>
  kind.kind === "content" && line.text.split(/\s+/).length > MAX_KEYWORD_WORDS;

/** Line `i` as the last line of `draft`, which now ends at `end`. */
function extend(draft: Draft, end: number, i: number): void {
  draft.end = end;
  draft.lastLine = i;
}

/** A title's line: a new title, or the next line of one whose bold has not closed; the markers left out. */
function addHeadline(state: DraftState, line: Line, i: number, headline: HeadlineLine): void {
  const last = state.drafts.at(-1);
  const opening = headline.open ? line.text.match(/^(\*\*|#{1,3}\s)/)?.[0].length ?? 0 : 0;
  const closing = headline.close && line.text.endsWith("**") ? 2 : 0;
  if (headline.open || !state.inHeadline || last?.kind !== "headline") {
    state.drafts.push({ kind: "headline", start: line.start + opening, end: line.end - closing, lastLine: i, ended: false });
  } else {
    extend(last, line.end - closing, i);
  }
  state.inHeadline = !headline.close;
}

/** A line of text: a title's next line, a post's author or first line, a paragraph's next line or a new one. */
function addContent(page: Page, state: DraftState, line: Line, i: number): void {
  const last = state.drafts.at(-1);
  // A title whose bold never closed ends at the blank line after it, not at the next ** of the file.
  if (state.inHeadline && last?.kind === "headline" && line.gap === 0) {
    extend(last, line.end, i);
    return;
  }
  state.inHeadline = false;
  if (isAuthorLine(line, page.kinds[i + 1])) {
    state.byline = { start: line.start, end: line.end };
    return;
  }
  if (state.handle) {
    const { handle, byline } = state;
    state.drafts.push({ kind: "tweet", start: line.start, end: line.end, lastLine: i, ended: false, handle, ...(byline ? { byline } : {}) });
    state.handle = undefined;
    state.byline = undefined;
    return;
  }
  if (last && continuesParagraph(page, last, line, i)) {
    extend(last, line.end, i);
    return;
  }
  state.drafts.push({ kind: "paragraph", start: line.start, end: line.end, lastLine: i, ended: false });
}

/**
 * Whether line `i` goes on with the paragraph `draft` that the line before it ends: no debris came between, that
 * line has no stop and is of the same script, and no blank line parts them or continuesAcrossBlankLine says so.
 */
function continuesParagraph(page: Page, draft: Draft, line: Line, i: number): boolean {
  const previous = page.lines[i - 1];
  return (
    draft.kind === "paragraph" &&
    !draft.ended &&
    draft.lastLine === i - 1 &&
    previous !== undefined &&
    !SENTENCE_END.test(previous.text) &&
    isLatin(previous.text) === isLatin(line.text) &&
    (line.gap === 0 || continuesAcrossBlankLine(page.text, draft, line))
  );
}

/**
 * A time stamp line: the date of the post before it, or a line of the article. "When was it posted?": the stamp
 * is quoted with the post, and so are the post's tag lines between them.
 */
function addTimestamp(page: Page, state: DraftState, line: Line, i: number, stamp: TimestampLine): void {
  const last = state.drafts.at(-1);
  const onlyTags = last !== undefined && onlyTagsBefore(page.lines, i, last.lastLine);
  if (last && stampsLastDraft(last, stamp, onlyTags)) {
    last.kind = "tweet";
    last.date = stamp.date;
    if (onlyTags) {
      // Up to the last tag line, if there is one.
      if (i - 1 > last.lastLine) last.end = page.lines[i - 1]?.end ?? last.end;
      last.stamp = { start: line.start, end: line.end };
    }
    return;
  }
  // A date line that stamps nothing is a line of the article ("Bamako, 3 March 2023", "Talks resume 5 June
  // 2023 at 10:00."), unless it is the page's own publishing stamp ("Published 10:02 AM, …"), which goes.
  if (!PAGE_STAMP.test(line.text)) addContent(page, state, line, i);
}

/**
 * A reply counter: the count of the post before it, when only debris ("read the whole conversation") or the post's
 * stamp came between and no next post has begun (its author or follow line); else debris, as a counter is with no
 * post to count for.
 */
function addReplies(page: Page, state: DraftState, line: Line, i: number): void {
  const last = state.drafts.at(-1);
  if (!last) return;
  const between = page.kinds.slice(last.lastLine + 1, i);
  const nextPostBegun = state.handle !== undefined || state.byline !== undefined;
  if (last.kind === "tweet" && last.replies === undefined && !nextPostBegun && between.every((k) => k.kind === "debris" || k.kind === "timestamp")) {
    last.replies = { start: line.start, end: line.end };
  }
  last.ended = true;
}

/**
 * How long ago the report went up: the page's first headline's, on the line right after it; else debris, as it
 * was before questions could ask for it (a page's list of other reports, bold titles too, has such lines).
 */
function addPublished(state: DraftState, line: Line, i: number): void {
  const last = state.drafts.at(-1);
  if (!last) return;
  const firstHeadline = state.drafts.find((d) => d.kind === "headline") === last;
  if (firstHeadline && last.lastLine === i - 1 && last.published === undefined) last.published = { start: line.start, end: line.end };
  last.ended = true;
  // A title whose bold never closed ends here: the next line is not the title's.
  state.inHeadline = false;
}

/**
 * Whether a time stamp dates the draft before it, not yet dated: a post's, or a paragraph's that it marks as an
 * embedded post, even with no author line, when it tells the time of day as a post's does (a dateline, "Bamako, 3
 * March 2023", is a line of the article) and no debris has ended the paragraph or only tag lines stand between.
 */
function stampsLastDraft(last: Draft, stamp: TimestampLine, onlyTagsBetween: boolean): boolean {
  if (last.date !== undefined) return false;
  return last.kind === "tweet" || (last.kind === "paragraph" && stamp.clock && (!last.ended || onlyTagsBetween));
}

/**
 * Whether the lines between line `after` and line `i` are all tag lines. Read back from `i`, it stops at the first
 * other line (in a run of stamps, the stamp before): a run of page stamps is read in linear time.
 */
function onlyTagsBefore(lines: readonly Line[], i: number, after: number): boolean {
  for (let j = i - 1; j > after; j -= 1) {
    const between = lines[j];
    if (between && !isTagLine(between.text)) return false;
  }
  return true;
}

/** Passages of the drafts that hold a sentence, with their sentences, labels and paragraph numbers. */
function passagesOf(drafts: readonly Draft[], file: SourceFile, text: string): Passage[] {
  let paragraphs = 0;
  return drafts.flatMap((d, ordinal) => {
    // A keyword list is one sentence, its heading and its entries; a heading with none is no passage.
    if (d.kind === "keywords" && !/[\n\r]/u.test(text.slice(d.start, d.end))) return [];
    const segmented = d.kind === "keywords" ? [{ start: d.start, end: d.end }] : segmentSentences(text, d.start, d.end, d.kind === "paragraph");
    const sentences = d.kind === "tweet" ? [...withTagsJoined(text, segmented, d.stamp), ...(d.replies ? [d.replies] : [])] : [...segmented, ...(d.published ? [d.published] : [])];
    if (sentences.length === 0) return [];
    if (d.kind === "paragraph") paragraphs += 1;
    const passage: Passage = {
      id: `${file.path}#${ordinal}`,
      source: file.path,
      kind: d.kind,
      label: label(d, paragraphs),
      ...(d.kind === "paragraph" ? { paragraph: paragraphs } : {}),
      start: d.start,
      end: d.replies?.end ?? d.published?.end ?? d.stamp?.end ?? d.end,
      sentences,
      ...(d.kind === "tweet" ? postFields(d) : {}),
    };
    return [passage];
  });
}

/** A post's author (its handle), author name line and date, those it has. */
function postFields(d: Draft): Pick<Passage, "author" | "byline" | "date"> {
  return { ...(d.handle ? { author: d.handle } : {}), ...(d.byline ? { byline: d.byline } : {}), ...(d.date ? { date: d.date } : {}) };
}

/**
 * A post's sentences with its tag lines ("[@USAmbtoAlgeria](#)") and its time stamp joined to the sentence before
 * them: quoted with what they tag and date, never as quotes of their own.
 */
function withTagsJoined(text: string, sentences: readonly Sentence[], stamp: Sentence | undefined): Sentence[] {
  const out: Sentence[] = [];
  for (const s of [...sentences, ...(stamp ? [stamp] : [])]) {
    const previous = out.at(-1);
    if (previous && (s === stamp || isTagLine(text.slice(s.start, s.end)))) out[out.length - 1] = { start: previous.start, end: s.end };
    else out.push(s);
  }
  return out;
}

/** A passage's citation label (see englishPlace); `paragraph` is its number among the file's paragraphs. */
function label(d: Draft, paragraph: number): string {
  return englishPlace({ kind: d.kind, paragraph, ...(d.handle ? { author: d.handle } : {}), ...(d.date ? { date: d.date } : {}) });
}
