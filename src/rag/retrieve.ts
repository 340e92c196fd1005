/**
 * Question -> ranked sentences, and whether to answer. The question's terms (a follow-up's also the earlier
 * questions' words, weighing less) are searched by BM25 in the sentences and in the passages, and the question's
 * vector among the sentences' (dense.ts). A fused score, the weighted sum of those three each scaled to [0, 1],
 * keeps the best RERANK_CANDIDATES; the fitted re-ranker (model.ts) orders them for the languages
 * data/models.json lists in rank.languages (English), the fused score for the others, and a conversation's
 * cited briefings, passages and quote add a bonus. decide() then answers or declines: the decline model fitted
 * for a corpus of one article or of several, thresholded for the question's language.
 */
import { silentLogger, type Logger } from "../logger.js";
import { asksForKeywords, NAMED, queryTerms, rankWeight, speakerWeight, type QueryContext, type QueryTerm } from "./analyze.js";
import { DenseSearch } from "./dense.js";
import type { IndexEmbeddings } from "./embedders/types.js";
import { FuzzyVocabulary } from "./fuzzy.js";
import { LexicalIndex, type LexicalResult } from "./lexical.js";
import { loadLexicon, type Lexicon } from "./lexicon.js";
import { seedTexts, textIfUnchanged, type SourceTexts } from "./seeds.js";
import type { LoadedIndex, PassageStore } from "./store.js";
import { DECLINE_FEATURES, featureVector, loadModels, logit, RANK_FEATURES, rankFeature, sigmoid, type Models } from "./model.js";
import { questionType, sentenceHolds, type SentenceHolds } from "./text/question-type.js";
import { holdsPhrase, quotedPhrases } from "./text/quoted.js";
import { detectLanguage } from "./text/language.js";
import type { Language, Passage, Sentence } from "./types.js";

/**
 * The fused score's weights: the sentence's own BM25 leads; its passage's BM25 and its vector's cosine each add
 * about a third of that, as evidence around the sentence rather than in it.
 */
const WEIGHT_SENTENCE = 1;
const WEIGHT_PASSAGE = 0.35;
const WEIGHT_DENSE = 0.35;
/**
 * The effective number of briefings (the inverse of the sum of their squared shares of the sentences) from which
 * the corpus counts as several articles: two of about one size (up to about two to one), not an article and a
 * note beside it. As a fraction, so that the test is exact in integers.
 */
const MANY_SOURCES = { numerator: 9, denominator: 5 };

/** Which decline model decides: the corpus is one article, or several articles' worth (see MANY_SOURCES). */
export type DeclineScope = "one article" | "several articles";
/** Top-ranked sentences whose passages are checked for focus. */
const FOCUS_CANDIDATES = 10;
/** The margin (log-odds) of a lone candidate over a runner-up there is none of: a clear lead. */
const LONE_MARGIN = 5;
/**
 * The decline model reads a question's number of words up to this many (the 95th percentile of the questions it was
 * fitted on): a longer question is answered more often there, and a logistic model extrapolates that without end
 * (thirty words on another topic were answered for their number).
 */
const MAX_TERMS_READ = 10;

/** Characters a question's only word may have and still be too short to say what it asks (see tooShortToTell). */
const MAX_UNCLEAR_CHARS = 3;

/**
 * Whether a question's only word is too short to say what it asks: a stray number of three digits at most ("6",
 * which found a tweet's time ٦:٣٥), two Latin letters ("xx", which the dictionary reads as twenty), or three that no
 * word list knows and no capital makes a name ("rty", which sounds like ورد). The model, fitted on real questions,
 * gave such lines near certainty. Words they are not: an acronym in capitals ("UN", "ICJ"), a word the lists know
 * ("oil", "How old is she?"), a capitalised one after the first word ("Who is Ali?"), an Arabic one ("مصر").
 * @param question the question, as the core read it (a name is capitalised after its first word)
 * @param known the English words the word lists know
 */
export function tooShortToTell(term: Pick<QueryTerm, "word" | "raw">, question: string, known: ReadonlySet<string>): boolean {
  const raw = term.raw ?? term.word;
  if ([...raw].length > MAX_UNCLEAR_CHARS) return false;
  if (/^\p{Nd}+$/u.test(raw)) return true;
  if (!/^[A-Za-z]+$/.test(raw) || (raw.length > 1 && raw === raw.toUpperCase())) return false;
  if (raw.length < MAX_UNCLEAR_CHARS) return true;
  const name = /^[A-Z]/.test(raw) && !question.trimStart().startsWith(raw);
  return !name && !known.has(raw.toLowerCase());
}

export interface IndexedSentence extends Sentence {
  readonly passage: Passage;
  /** Position of the passage in the store (a number, not the passages' BM25 index). */
  readonly passageIndex: number;
  /** Position of the sentence among all sentences (its document number in the sentence index). */
  readonly position: number;
}

export interface Ranked {
  readonly sentence: IndexedSentence;
  readonly score: number;
  /** The re-ranker's features (RANK_FEATURES order). */
  readonly features: Float64Array;
  /** The re-ranker's probability that the sentence holds the answer (without any conversation bonus). */
  readonly probability: number;
  /** Whether the sentence, or one beside it in its passage that its quote may take in, may name someone (see NAMED). */
  readonly named: boolean;
}

export interface Retrieval {
  readonly terms: readonly QueryTerm[];
  /** IDF-weighted share of the question's terms that occur anywhere in the briefings (0..1). */
  readonly coverage: number;
  /**
   * The same share counting only the terms that one passage holds, for the best of the top-ranked
   * passages (0..1): a question whose words are found only far apart in the briefings is not answered there.
   */
  readonly focus: number;
  /** Sentences with any lexical or vector evidence, best first, at most RERANK_CANDIDATES of them. */
  readonly ranked: readonly Ranked[];
  /** The decline model's features (DECLINE_FEATURES order). */
  readonly features: Float64Array;
  /** The decline model's probability that the briefings answer the question (0..1). */
  readonly confidence: number;
  /** Whether that probability reaches the decline model's threshold for the question's language. */
  readonly answerable: boolean;
  /** A request to go on with nothing left on its topic that the conversation's answers have not quoted. */
  readonly exhausted?: boolean;
}

/** What earlier turns of a conversation lend a follow-up question (see rag.ts). */
export interface RetrievalContext {
  /** The earlier questions' words: matched with a small weight, never counted as the question's coverage. */
  readonly words: string;
  /** The words a pronoun of the question stands for ("what does the US think of it?"): matched with more weight. */
  readonly referent?: string;
  /** Briefings and passages (by position) the earlier answers cited: their sentences are favoured. */
  readonly sources: ReadonlySet<string>;
  readonly passages: ReadonlySet<number>;
  /**
   * The sentences (by position) of the last answer's first quote: what a pronoun in the follow-up most often
   * stands for ("Where are they going to be held?" after the quote on the talks).
   */
  readonly sentences?: ReadonlySet<number>;
}

/** A context word scores this share of a question word: the question's own words dominate. */
const CONTEXT_WEIGHT = 0.15;
/**
 * A word of what a follow-up's pronoun stands for scores this share (see RetrievalContext.referent): more than a
 * context word, less than the question's own. Over the 89 conversation sets of session 61, last turns right in
 * context: 1,538 at a context word's 0.15, 1,540 at 0.3, 1,543 at 0.5, 1,546 at 1 (six sets down one or more: a
 * pronoun standing for a phrase of the question itself, "And the UN mission in Mali, what's that one called?");
 * 1,545 at 0.5 with the limits of pointsAtTheTopic and REFERENT_MAX_TERMS (conversation.ts).
 */
const REFERENT_WEIGHT = 0.5;
/** Log-odds added to a candidate from a briefing, or a passage, that the conversation cited. */
const CONTEXT_SOURCE_BONUS = 3;
const CONTEXT_PASSAGE_BONUS = 2;
/**
 * Log-odds added besides to a sentence of the last answer's first quote, which a follow-up's pronoun most often
 * stands for: less than its passage's, as more did worse (figures in docs/quality.md).
 */
const CONTEXT_SENTENCE_BONUS = 1;
/** The same bonuses for languages the fused score orders (its scale: at most 1.7, BM25 sentence weighing 1). */
const FUSED_SOURCE_BONUS = 1;
const FUSED_PASSAGE_BONUS = 0.6;
const FUSED_SENTENCE_BONUS = 0.3;

/** A missing word's length counts up to this many letters (longer words say no more). */
const MAX_MISSING_LETTERS = 12;

/** Candidates, best by the fused score, that the fitted re-ranker orders. */
const RERANK_CANDIDATES = 30;

/** A log-odds is read of a probability no nearer 0 or 1 than this, so that it stays finite. */
const PROBABILITY_FLOOR = 1e-9;

/** A sentence offered to {@link BestOf}, with its fused score. */
interface Candidate {
  readonly sentence: IndexedSentence;
  readonly score: number;
}

interface Entry extends Candidate {
  /** Arrival order: the last tie-break, as a stable sort of all candidates would have it. */
  readonly n: number;
}

/** Best first: higher score, then earlier in its file, then earlier arrival. */
const better = (a: Entry, b: Entry): number => b.score - a.score || a.sentence.start - b.sentence.start || a.n - b.n;

/** A candidate by the fused score, with its three parts (sentence, passage, dense), each scaled to [0, 1]. */
interface Fused {
  readonly sentence: IndexedSentence;
  readonly score: number;
  readonly parts: readonly [number, number, number];
}

/** A candidate in the answer's order, with what the decline reads of it. */
interface Ordered {
  readonly sentence: IndexedSentence;
  readonly score: number;
  readonly features: Float64Array;
  readonly probability: number;
  readonly named: boolean;
  /** Its place by the fused score. */
  readonly rank: number;
  /** Its score without the conversation's bonus: the re-ranker's log-odds, or the fused score. */
  readonly alone: number;
}

/** How much of the question the briefings hold (see Retriever.coverageOf). */
interface Coverage {
  /** The idf-weighted share of the question's terms found anywhere. */
  readonly coverage: number;
  /** The question's own terms (not a word's other forms, nor what one stands for). */
  readonly counted: number;
  readonly missing: number;
  readonly missingNames: number;
  readonly missingKnownNames: number;
  /** Countries the question names that no briefing does ("How did Morocco react?"): see Retriever.decide. */
  readonly missingCountries: number;
  /** Terms found only as a near spelling. */
  readonly fuzzy: number;
  readonly longestMissing: number;
  /** The question's one counted term, when it has exactly one. */
  readonly lone: QueryTerm | undefined;
  /** The weighted share of the found terms a sentence or passage (`doc` of `index`) holds. */
  readonly share: (index: LexicalIndex, doc: number) => number;
}

/** The `k` best entries offered, in the order a stable sort of all of them would give (a bounded heap). */
class BestOf {
  /** A heap whose root is the worst entry kept. */
  private readonly heap: Entry[] = [];
  private offered = 0;

  constructor(private readonly k: number) {}

  /** A score below this cannot enter (the worst kept, once k are kept). */
  get floor(): number {
    return this.heap.length >= this.k ? (this.heap[0] as Entry).score : -Infinity;
  }

  offer(sentence: IndexedSentence, score: number): void {
    const heap = this.heap;
    const worst = heap[0];
    const entry = { sentence, score, n: this.offered };
    this.offered += 1;
    if (heap.length < this.k) {
      heap.push(entry);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (better(heap[parent] as Entry, entry) >= 0) break;
        heap[at] = heap[parent] as Entry;
        at = parent;
      }
      heap[at] = entry;
      return;
    }
    // Not better than the worst kept (a lower score, or the same one later in its file or offered later): not kept.
    if (!worst || better(entry, worst) >= 0) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && better(heap[right] as Entry, heap[left] as Entry) > 0 ? right : left;
      if (better(heap[child] as Entry, entry) <= 0) break;
      heap[at] = heap[child] as Entry;
      at = child;
    }
    heap[at] = entry;
  }

  sorted(): Candidate[] {
    return [...this.heap].sort(better).map(({ sentence, score }) => ({ sentence, score }));
  }
}

export class Retriever {
  readonly sentences: readonly IndexedSentence[];
  /** BM25 over the sentences, and over the passages (each a document of its sentences). */
  private readonly sentenceBm25: LexicalIndex;
  private readonly passageBm25: LexicalIndex;
  /** What reading a question's terms needs: the lexicon, the corpus's keys, the vocabularies for misspellings. */
  private readonly queryContext: QueryContext;
  private readonly denseSearch: DenseSearch;
  /** Per sentence position, its passage's (the fused score's passage part, read per matched sentence). */
  private readonly passageOf: Uint32Array;
  private readonly texts: SourceTexts;
  private readonly passages: readonly Passage[];
  /** Passage positions of each briefing. */
  private readonly passagesBySource = new Map<string, number[]>();
  /** Each briefing's number of sentences. */
  private readonly sourceSentences = new Map<string, number>();
  /** Which decline model decides: the corpus is one article or several articles' worth (see MANY_SOURCES). */
  readonly declineScope: DeclineScope;
  /** What each sentence holds for typed questions, computed when first needed. */
  private readonly holds = new Map<number, SentenceHolds>();

  /** @throws IndexError("corrupt") when the index holds no vectors */
  constructor(
    index: LoadedIndex,
    embeddings: IndexEmbeddings,
    private readonly logger: Logger = silentLogger,
    private readonly models: Models = loadModels(),
  ) {
    this.texts = seedTexts(index.seeds);
    this.passages = index.store.passages;
    this.passages.forEach((p, i) => {
      const list = this.passagesBySource.get(p.source);
      if (list) list.push(i);
      else this.passagesBySource.set(p.source, [i]);
    });
    // Made ahead by prepareRetrieval (a start does it while the vectors are read), or now; used once.
    const ready = prepared.get(index.store) ?? prepare(index.store);
    prepared.delete(index.store);
    ({ sentences: this.sentences, passageOf: this.passageOf, sentenceBm25: this.sentenceBm25, passageBm25: this.passageBm25 } = ready);
    for (const { passage } of this.sentences) this.sourceSentences.set(passage.source, (this.sourceSentences.get(passage.source) ?? 0) + 1);
    // n² / Σ count² ≥ 9/5, in integers (exact below 31 million sentences: 9 n² < 2^53).
    let squares = 0;
    for (const count of this.sourceSentences.values()) squares += count * count;
    const n = this.sentences.length;
    this.declineScope = squares > 0 && MANY_SOURCES.denominator * n * n >= MANY_SOURCES.numerator * squares ? "several articles" : "one article";
    const loaded = ready.lexicon;
    const sentenceBm25 = this.sentenceBm25;
    const vocabulary = new FuzzyVocabulary(function* plain() {
      for (const key of sentenceBm25.keys()) if (/^[\p{L}\p{N}]/u.test(key)) yield key;
    });
    const english = new FuzzyVocabulary(() => loaded.enWord.keys());
    this.queryContext = { lexicon: loaded, has: (key) => sentenceBm25.has(key), vocabulary, english };
    // Indexed after the start, a slice at a time between answers (or at once by the first question needing them).
    for (const words of [vocabulary, english]) {
      words.prepare().catch((error: unknown) => this.logger.warn({ err: error }, "indexing a fuzzy vocabulary failed; the first question needing it will"));
    }
    this.denseSearch = new DenseSearch(index, embeddings, logger);
  }

  /** The question's terms, as the lexicon translates them. */
  terms(question: string): QueryTerm[] {
    return queryTerms(question, this.queryContext);
  }

  /** The terms of the question's own words: not those the analyser added (see QueryTerm.synthetic). */
  ownTerms(question: string): QueryTerm[] {
    return this.terms(question).filter((t) => !t.synthetic);
  }

  /** The text of the sentence at `position`, or undefined where there is none or its briefing changed since indexing. */
  sentenceText(position: number): string | undefined {
    const sentence = this.sentences[position];
    return sentence && textIfUnchanged(this.texts, sentence.passage.source)?.slice(sentence.start, sentence.end);
  }

  /** The passage (by position) holding offset `start` of `source`, or the post whose card holds it, if any. */
  passageAt(source: string, start: number): number | undefined {
    return this.passagesBySource.get(source)?.find((i) => {
      const p = this.passages[i];
      // Or its post's card, where a quote asked whose the post is begins (see withByline in answer.ts).
      return p !== undefined && ((p.start <= start && start < p.end) || (p.byline !== undefined && p.byline.start <= start && start < p.start));
    });
  }

  /** The sentences (by position) of the passage holding `start` that the span [start, end) of `source` overlaps. */
  sentencesAt(source: string, start: number, end: number): number[] {
    const at = this.passageAt(source, start);
    if (at === undefined) return [];
    // A passage's sentences are consecutive: the first is found by bisection over their passages, in order.
    let low = 0;
    let high = this.passageOf.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.passageOf[mid] as number) < at) low = mid + 1;
      else high = mid;
    }
    const out: number[] = [];
    for (let i = low; i < this.sentences.length && this.passageOf[i] === at; i += 1) {
      const sentence = this.sentences[i] as IndexedSentence;
      if (sentence.start < end && sentence.end > start) out.push(sentence.position);
    }
    return out;
  }

  async retrieve(question: string, conversation?: RetrievalContext): Promise<Retrieval> {
    const own = this.terms(question);
    if (own.length === 0 && !conversation) return nothingFound(own);
    // A word's other forms (synthetic) do not keep the earlier question's own words out.
    const ownKeys = new Set(own.flatMap((t) => (t.synthetic ? [] : t.keys)));
    // Not the keyword list's key: "What are the keywords?" asked before says nothing of the next topic.
    const lent = (words: string, weight: number): QueryTerm[] =>
      this.terms(words)
        .filter((t) => !t.synthetic && !asksForKeywords(t) && !t.keys.some((k) => ownKeys.has(k)))
        .map((t) => ({ ...t, weight: t.weight * weight, synthetic: true }));
    const referent = conversation?.referent === undefined ? [] : lent(conversation.referent, REFERENT_WEIGHT);
    const referentKeys = new Set(referent.flatMap((t) => t.keys));
    const borrowed = conversation ? [...referent, ...lent(conversation.words, CONTEXT_WEIGHT).filter((t) => !t.keys.some((k) => referentKeys.has(k)))] : [];
    const terms = [...own, ...borrowed];
    if (terms.length === 0) return nothingFound(terms);
    // The vectors first: from the lexical searches on nothing awaits, since their results are the indexes' own
    // buffers until their next search (another question's, which could otherwise run in between).
    const dense = await this.denseSearch.search(question, terms);
    const lexical = this.sentenceBm25.search(terms);
    const fused = this.fuse(lexical, this.passageBm25.search(terms), dense);
    const cover = this.coverageOf(lexical);
    const language = detectLanguage(question);
    const ordered = this.rank(question, language, fused, cover, conversation);
    const order = this.quotedFirst(question, ordered);
    const ranked = order.map(({ sentence, features, probability, named, score }) => ({ sentence, features, probability, named, score }));
    // The decline reads the ranking's own order: a quoted phrase says where to look, not whether (a review).
    const { coverage, focus, features, confidence, answerable } = this.decide(question, language, ordered, cover, Math.log1p(lexical.max), Math.max(0, ...dense.values()));
    return { terms, coverage, focus, ranked, features, confidence, answerable };
  }

  /**
   * The best RERANK_CANDIDATES sentences by the fused score (the dense neighbours, then every lexically matched
   * sentence not among them, offered in that order), each with the score's three parts scaled to [0, 1].
   */
  private fuse(sentenceScores: LexicalResult, passageScores: LexicalResult, dense: ReadonlyMap<number, number>): Fused[] {
    const maxSentence = sentenceScores.max;
    const maxPassage = passageScores.max;
    const best = new BestOf(RERANK_CANDIDATES);
    // The weighted sum of the parts, computed without an array: every matched sentence is scored.
    const fusedOf = (i: number, passage: number, vector: number): number =>
      WEIGHT_SENTENCE * ((sentenceScores.scores[i] ?? 0) / (maxSentence || 1)) +
      WEIGHT_PASSAGE * ((passageScores.scores[passage] ?? 0) / (maxPassage || 1)) +
      WEIGHT_DENSE * Math.max(0, vector);
    for (const [i, vector] of dense) {
      const sentence = this.sentences[i];
      // A keyword list, near in meaning to most questions on its report, is a candidate only where its key found
      // it (a question asking for the keywords): else it took a place among the best that a sentence should have.
      if (sentence?.passage.kind === "keywords" && !(sentenceScores.scores[i] ?? 0)) continue;
      if (sentence) best.offer(sentence, fusedOf(i, sentence.passageIndex, vector));
    }
    // Every other matched sentence (most of a large corpus's, for a frequent word): scored from typed arrays
    // alone (its dense part 0), and its sentence looked up only when it can enter.
    const passageOf = this.passageOf;
    for (const i of sentenceScores.matched) {
      const score = fusedOf(i, passageOf[i] as number, 0);
      if (score < best.floor || dense.has(i)) continue;
      const sentence = this.sentences[i];
      if (sentence) best.offer(sentence, score);
    }
    // The parts are kept for the best only.
    return best.sorted().map(({ sentence, score }) => {
      const i = sentence.position;
      const parts = [
        (sentenceScores.scores[i] ?? 0) / (maxSentence || 1),
        (passageScores.scores[sentence.passageIndex] ?? 0) / (maxPassage || 1),
        Math.max(0, dense.get(i) ?? 0),
      ] as const;
      return { sentence, score, parts };
    });
  }

  /**
   * How much of the question the briefings hold, term by term: a term found nowhere weighs what the rarest term
   * would, so one unknown word counts fully. Read before the next search reuses `lexical`'s buffers.
   */
  private coverageOf(lexical: LexicalResult): Coverage {
    let covered = 0;
    let total = 0;
    /** The whole the shares below are of: a speaker's words weigh in it as they rank (see rankWeight). */
    let shareTotal = 0;
    let missingNames = 0;
    let missing = 0;
    let fuzzy = 0;
    /** Letters of the longest question word found nowhere: a long word missing is a topic missing. */
    let longestMissing = 0;
    let missingKnownNames = 0;
    let missingCountries = 0;
    let counted = 0;
    let lone: QueryTerm | undefined;
    const weights: { keys: readonly string[]; weight: number }[] = [];
    for (const hit of lexical.terms) {
      if (hit.term.synthetic || hit.term.standsFor !== undefined) continue;
      counted += 1;
      lone = counted === 1 ? hit.term : undefined;
      const found = hit.df > 0;
      const idf = this.sentenceBm25.idf(found ? hit.df : 0);
      total += idf;
      shareTotal += idf * speakerWeight(hit.term);
      if (!found) {
        missing += 1;
        if (hit.term.name) missingNames += 1;
        // A name the dictionary knows ("France") translates reliably, and an Arabic word that is surely a name (see
        // QueryTerm.knownName) is spelt as the briefings would: found nowhere, they do not name it.
        if (hit.term.name && (hit.term.knownName || this.queryContext.lexicon.known.has(hit.term.word))) missingKnownNames += 1;
        if (hit.term.country) missingCountries += 1;
        longestMissing = Math.max(longestMissing, Math.min([...hit.term.word].length, MAX_MISSING_LETTERS));
        continue;
      }
      if (hit.term.weight < 1) fuzzy += 1;
      covered += idf * hit.term.weight;
      weights.push({ keys: hit.term.authorKeys ? [...hit.term.keys, ...hit.term.authorKeys] : hit.term.keys, weight: idf * rankWeight(hit.term) });
    }
    const share = (index: LexicalIndex, doc: number): number => {
      let held = 0;
      for (const { keys, weight } of weights) if (index.contains(doc, keys)) held += weight;
      return shareTotal > 0 ? held / shareTotal : 0;
    };
    return { coverage: total > 0 ? covered / total : 0, counted, missing, missingNames, missingKnownNames, missingCountries, fuzzy, longestMissing, lone, share };
  }

  /**
   * The fused candidates with their re-ranking features, in the order the answer quotes them: the re-ranker's
   * (for the languages it orders) or the fused score's, either with the conversation's bonus.
   */
  private rank(question: string, language: Language, fused: readonly Fused[], { share }: Coverage, conversation: RetrievalContext | undefined): Ordered[] {
    // A candidate's share is also its neighbours' "previous"/"next" feature: computed once per sentence.
    const sentenceShares = new Map<number, number>();
    const sentenceShare = (doc: number): number => {
      let value = sentenceShares.get(doc);
      if (value === undefined) {
        value = share(this.sentenceBm25, doc);
        sentenceShares.set(doc, value);
      }
      return value;
    };
    const reranked = this.rerankOf(language);
    const type = questionType(question);
    const typed = type.quantity || type.time;
    const bestBase = fused[0]?.score || 1;
    return fused
      .map((r, rank) => {
        const at = r.sentence.position;
        const [sentence, passage, vector] = r.parts;
        const neighbour = (j: number): number => (this.sentences[j]?.passageIndex === r.sentence.passageIndex ? sentenceShare(j) : 0);
        const holds = this.sentenceHolds(at, r.sentence);
        const features = featureVector(RANK_FEATURES, {
          sentence,
          passage,
          dense: vector,
          base: r.score / bestBase,
          sentenceCover: sentenceShare(at),
          passageCover: share(this.passageBm25, r.sentence.passageIndex),
          previousCover: neighbour(at - 1),
          nextCover: neighbour(at + 1),
          inverseRank: 1 / (1 + rank),
          quantityNumber: type.quantity && holds.number ? 1 : 0,
          timeDate: type.time && holds.date ? 1 : 0,
          typedWithoutNumber: typed && !holds.number ? 1 : 0,
          logLength: Math.log1p(r.sentence.end - r.sentence.start),
          firstInPassage: r.sentence.start === r.sentence.passage.sentences[0]?.start ? 1 : 0,
        });
        const z = logit(this.models.rank, features);
        const inSource = conversation?.sources.has(r.sentence.passage.source) ?? false;
        const inPassage = conversation?.passages.has(r.sentence.passageIndex) ?? false;
        const quoted = conversation?.sentences?.has(r.sentence.position) ?? false;
        // The conversation's bonus, in log-odds for the re-ranker's order and in fused-score units for the other.
        const score = reranked
          ? sigmoid(z + (inSource ? CONTEXT_SOURCE_BONUS : 0) + (inPassage ? CONTEXT_PASSAGE_BONUS : 0) + (quoted ? CONTEXT_SENTENCE_BONUS : 0))
          : r.score + (inSource ? FUSED_SOURCE_BONUS : 0) + (inPassage ? FUSED_PASSAGE_BONUS : 0) + (quoted ? FUSED_SENTENCE_BONUS : 0);
        return { sentence: r.sentence, features, probability: sigmoid(z), named: this.namesSomeone(at), score, rank, alone: reranked ? z : r.score };
      })
      .sort((a, b) => b.score - a.score || a.rank - b.rank);
  }

  /**
   * Whether to answer: the decline model over the question's features (how much of it the briefings hold, in one
   * sentence and one passage, and how clearly the best sentence wins), thresholded for the question's language.
   */
  private decide(
    question: string,
    language: Language,
    order: readonly Ordered[],
    cover: Coverage,
    bestLexical: number,
    bestDense: number,
  ): Pick<Retrieval, "coverage" | "focus" | "features" | "confidence" | "answerable"> {
    const { coverage, counted, missing, share } = cover;
    const passages = new Set(order.slice(0, FOCUS_CANDIDATES).map((r) => r.sentence.passageIndex));
    let focus = 0;
    for (const passage of passages) focus = Math.max(focus, share(this.passageBm25, passage));
    const top = order[0];
    const second = order[1];
    // The decline model reads the re-ranker's probabilities, whichever order the quotes are in.
    const margin = top && second ? probabilityToLogit(top.probability) - probabilityToLogit(second.probability) : top ? LONE_MARGIN : 0;
    const arabic = language === "ar" ? 1 : 0;
    const missingShare = counted ? missing / counted : 1;
    const bestSentenceCover = rankFeature(top?.features, "sentenceCover");
    // Where the briefings hold several articles, the evidence for a question they answer converges on one of
    // them; for a question on another topic its words are found scattered across many. Read as the share of the
    // leading candidates from the best one's briefing, beyond what that briefing's size alone would give it, in
    // the order without the conversation's bonus (the models were fitted on questions asked alone).
    const manySources = this.declineScope === "several articles" ? 1 : 0;
    const sourceShare = manySources ? this.sourceShare(order) : 0;
    const features = featureVector(DECLINE_FEATURES, {
      coverage,
      focus,
      bestProbability: top?.probability ?? 0,
      margin,
      bestSentenceCover,
      missingNames: cover.missingNames,
      missingShare,
      terms: Math.min(counted, MAX_TERMS_READ),
      arabic,
      fuzzyShare: counted ? cover.fuzzy / counted : 0,
      bestLexical,
      bestDense,
      arabicCoverage: arabic * coverage,
      arabicMissingShare: arabic * missingShare,
      arabicSentenceCover: arabic * bestSentenceCover,
      longestMissing: cover.longestMissing,
      arabicLongestMissing: arabic * cover.longestMissing,
      missingKnownNames: cover.missingKnownNames,
      manySources,
      sourceShare,
    });
    const decline = manySources ? this.models.declineMany : this.models.decline;
    const confidence = top ? sigmoid(logit(decline, features)) : 0;
    // A question none of whose own words the briefings hold (nonsense, another topic's names) has no answer there,
    // whatever the model makes of its length and the nearest vectors; nor has one too short to say what it asks.
    const nothingHeld = counted > 0 && coverage === 0;
    const unclear = cover.lone !== undefined && tooShortToTell(cover.lone, question, this.queryContext.lexicon.known);
    return { coverage, focus, features, confidence, answerable: top !== undefined && !nothingHeld && !unclear && cover.missingCountries === 0 && confidence >= decline.threshold[language] };
  }

  /**
   * `order` with the candidates holding a phrase the question quotes word for word first ("What did she mean by
   * “listening tour”?"), in their order: the user points at that sentence, whatever else the question's words find.
   */
  private quotedFirst<T extends { readonly sentence: IndexedSentence }>(question: string, order: readonly T[]): readonly T[] {
    const phrases = quotedPhrases(question);
    if (phrases.length === 0) return order;
    const quoting = new Set(order.filter((r) => phrases.some((phrase) => holdsPhrase(this.sentenceText(r.sentence.position) ?? "", phrase))));
    return quoting.size === 0 ? order : [...quoting, ...order.filter((r) => !quoting.has(r))];
  }

  /** The leading candidates' share from the best one's briefing, less that briefing's share of all sentences. */
  private sourceShare(candidates: readonly { readonly sentence: IndexedSentence; readonly alone: number; readonly rank: number }[]): number {
    const leading = [...candidates].sort((a, b) => b.alone - a.alone || a.rank - b.rank).slice(0, FOCUS_CANDIDATES);
    const source = leading[0]?.sentence.passage.source;
    if (source === undefined) return 0;
    const same = leading.filter((r) => r.sentence.passage.source === source).length;
    return same / leading.length - (this.sourceSentences.get(source) ?? 0) / this.sentences.length;
  }

  /** Whether the fitted re-ranker orders this language's questions (else the fused score does; see model.ts). */
  private rerankOf(language: Language): boolean {
    return this.models.rank.languages?.includes(language) ?? true;
  }

  /**
   * Whether the sentence at `at`, or one beside it in its passage, may name someone (NAMED). Any may in an index that
   * marks none (built before the mark, or of briefings without a name): only a mark's absence declines.
   */
  private namesSomeone(at: number): boolean {
    if (!this.queryContext.has(NAMED)) return true;
    const passage = this.sentences[at]?.passageIndex;
    return [at - 1, at, at + 1].some((j) => this.sentences[j]?.passageIndex === passage && this.sentenceBm25.contains(j, [NAMED]));
  }

  private sentenceHolds(at: number, sentence: IndexedSentence): SentenceHolds {
    let holds = this.holds.get(at);
    if (!holds) {
      // A briefing changed since it was indexed holds nothing typed here (quoting it fails, see toCitation).
      const text = textIfUnchanged(this.texts, sentence.passage.source) ?? "";
      holds = sentenceHolds(text.slice(sentence.start, sentence.end));
      this.holds.set(at, holds);
    }
    return holds;
  }
}

/** What a {@link Retriever} builds from the passage store alone. */
interface Prepared {
  readonly sentences: readonly IndexedSentence[];
  /** Per sentence position, its passage's. */
  readonly passageOf: Uint32Array;
  readonly sentenceBm25: LexicalIndex;
  readonly passageBm25: LexicalIndex;
  readonly lexicon: Lexicon;
}

/** Made ahead by {@link prepareRetrieval}, taken by the next Retriever over the same passage store. */
const prepared = new WeakMap<PassageStore, Prepared>();

function prepare(store: PassageStore): Prepared {
  const { passages, packed, lexicon } = store;
  const sentences: IndexedSentence[] = [];
  // Filled in the same loop (Uint32Array.from with a mapping function took 70-140 ms at 300,000 sentences).
  const passageOf = new Uint32Array(packed.words[0] ?? 0);
  passages.forEach((passage, passageIndex) => {
    // A literal of one shape (a spread of each sentence took over a second at 300,000 sentences).
    for (const { start, end } of passage.sentences) {
      passageOf[sentences.length] = passageIndex;
      sentences.push({ start, end, passage, passageIndex, position: sentences.length });
    }
  });
  // Built from the numbered keys as loaded (terms.bin): no key string is looked up.
  const sentenceBm25 = new LexicalIndex(packed);
  const passageBm25 = LexicalIndex.grouped(sentenceBm25, packed, Uint32Array.from(passages, (p) => p.sentences.length));
  return { sentences, passageOf, sentenceBm25, passageBm25, lexicon: loadLexicon(lexicon) };
}

/**
 * Builds now what the next {@link Retriever} over `store` needs from the passage store alone (the lexical
 * indexes: seconds at 10,000 briefings), so that a start does it while hnswlib reads the vectors off the main
 * thread instead of after (see loadIndex's `prepare`).
 */
export function prepareRetrieval(store: PassageStore): void {
  if (!prepared.has(store)) prepared.set(store, prepare(store));
}

/** The retrieval of a question with no words to look for: nothing ranked, declined. */
const nothingFound = (terms: readonly QueryTerm[]): Retrieval => ({
  terms,
  coverage: 0,
  focus: 0,
  ranked: [],
  features: new Float64Array(DECLINE_FEATURES.length),
  confidence: 0,
  answerable: false,
});

/** The log-odds of probability `p` (the inverse of sigmoid), kept finite at 0 and 1. */
const probabilityToLogit = (p: number): number => Math.log(Math.max(p, PROBABILITY_FLOOR) / Math.max(1 - p, PROBABILITY_FLOOR));
