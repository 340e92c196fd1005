/**
 * Ranked evidence -> Answer. Quotes are slices of the source text, never retyped; the core declines when the
 * fitted decline model (model.ts) gives the question too low a chance of being answered by the briefings.
 */
import { matchedWords } from "./analyze.js";
import { rankFeature } from "./model.js";
import { indexedText } from "./ingest.js";
import type { IndexedSentence, Ranked, Retrieval } from "./retrieve.js";
import { sourceText, type SourceTexts } from "./seeds.js";
import { normalizeToken } from "./text/normalize.js";
import { asksPostAuthor, pagePartOf, type PagePart } from "./text/page-parts.js";
import { isPersonNoun, mayAnswerDate, mayAnswerHead, mayAnswerQuantity, mayAnswerResponse, questionType, type Posting } from "./text/question-type.js";
import { tokenize } from "./text/tokenize.js";
import type { Answer, Citation, Language, Passage, Place, Sentence } from "./types.js";

/** A quote takes in its sentence's neighbours in the passage while they fit in this many characters. */
const MAX_QUOTE_CHARS = 400;
/** Two quotes of consecutive sentences are one quote where together they take at most this many characters. */
const MAX_JOINED_QUOTE_CHARS = 600;
/** Citations shown at most. */
export const MAX_CITATIONS = 3;
/** A further citation must score at least this share of the best one. */
const MIN_RELATIVE_SCORE = 0.3;

export interface ComposeInput {
  readonly question: string;
  readonly language: Language;
  readonly retrieval: Retrieval;
  /** Source text by path, to slice quotes from. */
  readonly texts: SourceTexts;
  readonly startedAt: number;
}

/** The extractive answer: the best sentences as numbered verbatim quotes, or a decline when support is too low. */
export function composeAnswer({ question, language, retrieval, texts, startedAt }: ComposeInput): Answer {
  const best = retrieval.ranked[0];
  const timings = () => ({ totalMs: performance.now() - startedAt });
  const notCovered = (): Answer => ({ kind: "declined", question, language, reason: "not-covered", timings: timings() });
  if (retrieval.exhausted) return { kind: "declined", question, language, reason: "nothing-more", timings: timings() };
  if (!best || !retrieval.answerable) return notCovered();
  // A post's author asked ("Whose tweets are these?"): its quotes take in the card's name and follow lines.
  const ofAuthor = asksPostAuthor(tokenize(question));
  const citable = chooseCitations(retrieval.ranked, { texts });
  const chosen = ofAuthor ? citable.map(withByline) : citable;
  const quoted = chosen.map(({ ranked, span }, i) => toCitation(ranked, texts, i + 1, span));
  // "How many peacekeepers …?" quoted only sentences about the peacekeepers, none with a number: a question asking
  // for a quantity that no quote could answer is one the briefings do not answer. So is one asking for a date, a
  // year or a century ("On what date did that meeting take place?") that no quote dates. Not any "when": it is
  // answered as often by a weekday, a season or an event ("on Friday", "after the elections") as by a date.
  const type = questionType(question);
  if (type.quantity && !quoted.some((c) => mayAnswerQuantity(c.quote, type.unit, { things: type.things, duration: type.duration, tenure: type.tenure }))) return notCovered();
  if (type.dated && !quoted.some((c) => mayAnswerDate(c.quote))) return notCovered();
  // So is one asking for someone's response ("شو كان رد المغرب على تصريحاتها؟", "What did he say back?") that no
  // quote says was given: the report quotes what she said, and no one's answer to it.
  // A post's reply counter ("١٩٦ رد") is no one's answer.
  if (type.response && !quoted.some((c) => pagePartOf(c.quote) !== "replies" && mayAnswerResponse(c.quote))) return notCovered();
  // And one asking who heads something ("Who heads it?" after the rights council) that no quote names a head of
  // anything in: the report names the council, not who chairs it.
  if (type.head && !quoted.some((c) => mayAnswerHead(c.quote))) return notCovered();
  const citations = quoted.map((citation, i) => withMatches(citation, (chosen[i] as ChosenQuote).ranked, texts, retrieval));
  // So is one asking for a person's name ("What is the name of the UN envoy who visited?") whose best quote on that
  // person (the first that matched the person's noun, else the first) may name no one: the report says only that an
  // envoy came (its quote on Bamako names others). Its quotes' matched words say which is on the person.
  if (type.name !== undefined) {
    const onPerson = citations.findIndex((c) => isAbout(c, type.name?.persons ?? []));
    if (chosen[Math.max(0, onPerson)]?.ranked.named === false) return notCovered();
    // Nor one on a person posted somewhere ("the US ambassador to Algeria") with no quote naming the place near that
    // person: the report names the US ambassador to the UN, and tags an account of the one to Algeria.
    const { postedTo = [] } = type.name;
    if (postedTo.length > 0 && !citations.some((c) => postedTo.some((posting) => postedNear(c, posting)))) return notCovered();
  }
  return { kind: "answered", question, language, citations, timings: timings() };
}

/** Whether a quote matched one of `persons`, question words as written. */
function isAbout(citation: Citation, persons: readonly string[]): boolean {
  const asked = new Set(persons.map(bareWord));
  return citation.matches?.some((m) => asked.has(bareWord(m.word))) ?? false;
}

/**
 * How near a person's noun, in characters, a quote names where they are posted ("المبعوث الشخصي للأمين العام للأمم
 * المتحدة في الصحراء الغربية").
 */
const POSTED_NEAR_CHARS = 80;

/**
 * Whether a quote matched the posting's person, with a person's noun of its own (not "لمنصب", a post, which
 * "ambassador" finds through "ambassadorship"), and its place near it on the same line (see POSTED_NEAR_CHARS; a
 * tweet's byline is a line of its own).
 */
function postedNear(citation: Citation, { person, place }: Posting): boolean {
  const matches = citation.matches ?? [];
  const onPerson = matches.filter((p) => bareWord(p.word) === bareWord(person) && isPersonNoun(normalizeToken(citation.quote.slice(p.start, p.end))));
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= POSTED_NEAR_CHARS && !citation.quote.slice(Math.min(a, b), Math.max(a, b)).includes("\n");
  return onPerson.some((p) => matches.some((m) => bareWord(m.word) === bareWord(place) && near(m.start, p.start)));
}

/** A question word as written, in lower case and without an English possessive ("Envoy's": envoy). */
const bareWord = (word: string): string => word.toLowerCase().replace(/['’]s$/u, "");

/**
 * `citation` of `ranked` with the words in its quote that matched the question (see matchedWords), read from the
 * quote as its words were indexed (indexedText: no link target or HTML tag, of the quote's length), blanked over its
 * passage (from its post's card, where the quote opens there) rather than over the whole file at every answer.
 */
export function withMatches(citation: Citation, { sentence: { passage } }: Ranked, texts: SourceTexts, { terms }: Pick<Retrieval, "terms">): Citation {
  // From the quote's start where it opens before its passage (a post's card: see withByline).
  const from = Math.min(passage.start, citation.start);
  const indexed = indexedText(sourceText(texts, passage.source).slice(from, passage.end)).slice(citation.start - from, citation.end - from);
  return { ...citation, matches: matchedWords(indexed, terms) };
}

/** A ranked sentence chosen to be quoted, and the span it is quoted as. */
export interface ChosenQuote {
  readonly ranked: Ranked;
  readonly span: Sentence;
  /** Quoted alone and joined to no other quote (the report's publishing time). */
  readonly apart?: boolean;
}

/**
 * The sentences quoted, best first: at most `max` (MAX_CITATIONS), each scoring at least `minRelativeScore`
 * (MIN_RELATIVE_SCORE) of the best, no quote overlapping a better one's. A sentence whose widest quote would
 * overlap one is quoted narrower (one neighbour, then alone) rather than dropped: a wide quote must not hide the
 * next-best sentence beside it. With `texts`, a sentence whose words a chosen quote already shows (a paragraph the
 * briefing repeats, the same text in two briefings, spaced or broken across lines differently) is not quoted again.
 * (Capping the quotes per passage was measured with scripts/fit-models.ts: it finds the right paragraph a little
 * more often but the right sentence less often.)
 */
export function chooseCitations(
  ranked: readonly Ranked[],
  {
    max = MAX_CITATIONS,
    minRelativeScore = MIN_RELATIVE_SCORE,
    texts,
  }: { readonly max?: number; readonly minRelativeScore?: number; readonly texts?: SourceTexts } = {},
): ChosenQuote[] {
  const best = ranked[0];
  if (!best) return [];
  const chosen: ChosenQuote[] = [];
  const textOf = (source: string, s: Sentence): string => (texts ? wordsOf(sourceText(texts, source).slice(s.start, s.end)) : "");
  // Sentence by sentence, not quote by quote: a copy of a widened quote would be quoted narrower, still a copy.
  const shown = (sentence: IndexedSentence): boolean => {
    const own = textOf(sentence.passage.source, sentence);
    return chosen.some(({ ranked: { sentence: { passage } }, span }) =>
      passage.sentences.some((s) => s.start >= span.start && s.end <= span.end && textOf(passage.source, s) === own),
    );
  };
  // The page's parts kept as sentences (a post's reply counter, the report's publishing time, the keyword list:
  // text/page-parts.ts)
  // are quoted where the question asks for one, which its key alone finds (a counter then after each quote of its
  // post too); else never, whatever their passage's words found, and never as a neighbour.
  const partOf = (source: string, s: Sentence): PagePart | undefined => (texts ? pagePartOf(sourceText(texts, source).slice(s.start, s.end)) : undefined);
  const countsReplies = ranked.some((r) => rankFeature(r.features, "sentence") > 0 && partOf(r.sentence.passage.source, r.sentence) === "replies");
  for (const r of ranked) {
    if (chosen.length >= max || r.score < best.score * minRelativeScore) break;
    if (texts && shown(r.sentence)) continue;
    const { passage } = r.sentence;
    const overlaps = (s: Sentence): boolean => chosen.some((c) => c.ranked.sentence.passage.source === passage.source && c.span.start < s.end && s.start < c.span.end);
    const own = partOf(passage.source, r.sentence);
    if (own !== undefined && rankFeature(r.features, "sentence") === 0) continue;
    const last = passage.sentences.at(-1);
    const toCounter = (s: Sentence): Sentence =>
      countsReplies && last && s.end <= last.start && last.end - s.start <= MAX_JOINED_QUOTE_CHARS && partOf(passage.source, last) === "replies" ? { start: s.start, end: last.end } : s;
    // The publishing time is quoted alone: the headline before it says nothing of when.
    const alone = own === "published";
    const spans = alone ? [{ start: r.sentence.start, end: r.sentence.end }] : quoteSpans(r, (s) => partOf(passage.source, s) !== undefined).map(toCounter);
    const span = spans.find((s) => !overlaps(s));
    if (span === undefined) continue;
    chosen.push({ ranked: r, span, ...(alone ? { apart: true } : {}) });
    joinRunOns(chosen, chosen.length - 1);
  }
  return chosen;
}

/** How far before a post's first sentence its card's name line may stand (the follow line and blank lines between). */
const MAX_BYLINE_GAP_CHARS = 80;

/**
 * A post's quote from its card's author name line on ("Ambassador Michele Sison\n\n· متابعة @State_IO\n\n…"), where
 * it opens with the post's first sentence: still one slice of the source.
 */
function withByline(quote: ChosenQuote): ChosenQuote {
  const { passage } = quote.ranked.sentence;
  const { byline } = passage;
  if (passage.kind !== "tweet" || byline === undefined || quote.span.start !== passage.sentences[0]?.start) return quote;
  if (byline.end > quote.span.start || quote.span.start - byline.end > MAX_BYLINE_GAP_CHARS) return quote;
  return { ...quote, span: { start: byline.start, end: quote.span.end } };
}

/** A sentence's words, however spaced or broken across lines: what tells a repeat. */
const wordsOf = (text: string): string => text.replace(/\s+/gu, " ").trim();

/**
 * Joins the quote at `at` with every chosen quote it runs on from (same passage, no sentence between them), and
 * then the joined one with the next, while the whole fits in MAX_JOINED_QUOTE_CHARS: one passage read on, not
 * numbered quotes of consecutive text. The better quote (the earlier) keeps its place and its sentence.
 */
function joinRunOns(chosen: ChosenQuote[], at: number): void {
  for (let index = at; ; ) {
    const quote = chosen[index] as ChosenQuote;
    if (quote.apart) return;
    const { passageIndex, passage } = quote.ranked.sentence;
    const other = chosen.findIndex(
      (c, j) =>
        j !== index &&
        !c.apart &&
        c.ranked.sentence.passageIndex === passageIndex &&
        touching(passage.sentences, c.span, quote.span) &&
        Math.max(c.span.end, quote.span.end) - Math.min(c.span.start, quote.span.start) <= MAX_JOINED_QUOTE_CHARS,
    );
    if (other < 0) return;
    const [keep, drop] = other < index ? [other, index] : [index, other];
    const kept = chosen[keep] as ChosenQuote;
    const dropped = chosen[drop] as ChosenQuote;
    chosen[keep] = { ranked: kept.ranked, span: { start: Math.min(kept.span.start, dropped.span.start), end: Math.max(kept.span.end, dropped.span.end) } };
    chosen.splice(drop, 1);
    index = keep;
  }
}

/**
 * The spans a ranked sentence may be quoted as, best first, each within MAX_QUOTE_CHARS: the sentence and both its
 * neighbours in the passage, then with one neighbour, then alone. A sentence is often completed by the next ("He
 * was born there. In 1990 he …"), or continues the one before ("He is also the oldest …"): a short one is quoted
 * with both (cross-validated span-hit@3 English 82.0 -> 82.8%, Arabic 89.5 -> 90.6%, the quote no longer than
 * before). Else with the next one, unless the one before holds more of the question's words (on xquad-dev that
 * choice finds the answer span in the top three quotes for 1 more question in 100), then with the other (at the
 * passage's end, the one before), then alone: chooseCitations takes the first that overlaps no better quote. A
 * page's part kept as a sentence (`pagePart`: a post's reply counter, the report's publishing time, see
 * text/page-parts.ts) is no neighbour (chooseCitations quotes it where asked).
 */
export function quoteSpans({ sentence, features }: Pick<Ranked, "sentence" | "features">, pagePart: (s: Sentence) => boolean = () => false): Sentence[] {
  const { sentences } = sentence.passage;
  const at = sentences.findIndex((s) => s.start === sentence.start);
  const neighbour = (s: Sentence | undefined): Sentence | undefined => (s && !pagePart(s) ? s : undefined);
  const next = at >= 0 ? neighbour(sentences[at + 1]) : undefined;
  const previous = at > 0 ? neighbour(sentences[at - 1]) : undefined;
  const span = (from: Sentence, to: Sentence): Sentence[] => (to.end - from.start <= MAX_QUOTE_CHARS ? [{ start: from.start, end: to.end }] : []);
  const withPrevious = previous ? span(previous, sentence) : [];
  const withNext = next ? span(sentence, next) : [];
  const previousFirst = rankFeature(features, "previousCover") > rankFeature(features, "nextCover");
  return [
    ...(previous && next ? span(previous, next) : []),
    ...(previousFirst ? [...withPrevious, ...withNext] : [...withNext, ...withPrevious]),
    { start: sentence.start, end: sentence.end },
  ];
}

/** Whether two spans of a passage's sentences are consecutive: no sentence of the passage lies between them. */
function touching(sentences: readonly Sentence[], a: Sentence, b: Sentence): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return !sentences.some((s) => s.start >= first.end && s.end <= second.start);
}

/** A ranked sentence as citation number `n`: its quote (`span`, chosen by chooseCitations) sliced from the source text, never retyped. */
export function toCitation(ranked: Ranked, texts: SourceTexts, n: number, span: Sentence): Citation {
  const { sentence, score } = ranked;
  const { passage } = sentence;
  const { start, end } = span;
  return { n, source: passage.source, label: passage.label, place: placeOf(passage), quote: sourceText(texts, passage.source).slice(start, end), start, end, score: round(score) };
}

/** The place of a quote from `passage`: its kind, and its paragraph number or its tweet's author and date. */
export function placeOf({ kind, paragraph, author, date }: Passage): Place {
  return { kind, ...(paragraph !== undefined ? { paragraph } : {}), ...(author !== undefined ? { author } : {}), ...(date !== undefined ? { date } : {}) };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
