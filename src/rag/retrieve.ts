/**
 * Question -> ranked sentences. Three signals, each scaled to [0, 1] over the candidates and summed with
 * fixed weights: BM25 of the sentence, BM25 of its passage (context), and the cosine of the sentence's
 * vector in the hnswlib index.
 */
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { ARABIC_NAME, LATIN_NAME, queryTerms, type QueryContext, type QueryTerm } from "./analyze.js";
import { FuzzyVocabulary } from "./fuzzy.js";
import { LexicalIndex } from "./lexical.js";
import { loadLexicon } from "./lexicon.js";
import type { IndexEmbeddings, LoadedIndex } from "./store.js";
import type { Passage, Sentence } from "./types.js";

const WEIGHT_SENTENCE = 1;
const WEIGHT_PASSAGE = 0.35;
const WEIGHT_DENSE = 0.35;
/** Nearest neighbours asked of the vector index, and its search breadth (ef) for recall. */
const DENSE_K = 40;
const DENSE_EF = 128;

export interface IndexedSentence extends Sentence {
  readonly passage: Passage;
  /** Position of the passage in the store. */
  readonly passageIndex: number;
}

export interface Ranked {
  readonly sentence: IndexedSentence;
  readonly score: number;
}

export interface Retrieval {
  readonly terms: readonly QueryTerm[];
  /** IDF-weighted share of the question's terms that occur anywhere in the briefings (0..1). */
  readonly coverage: number;
  /** Sentences with any lexical or vector evidence, best first. */
  readonly ranked: readonly Ranked[];
}

export class Retriever {
  readonly sentences: readonly IndexedSentence[];
  private readonly sentenceIndex: LexicalIndex;
  private readonly passageIndex: LexicalIndex;
  private readonly context: QueryContext;
  private readonly vectors: HNSWLib;

  constructor(
    index: LoadedIndex,
    private readonly embeddings: IndexEmbeddings,
  ) {
    const { passages, terms, lexicon } = index.store;
    this.sentences = passages.flatMap((passage, passageIndex) => passage.sentences.map((s) => ({ ...s, passage, passageIndex })));
    this.sentenceIndex = new LexicalIndex(terms);
    let at = 0;
    this.passageIndex = new LexicalIndex(
      passages.map((p) => {
        const tokens = terms.slice(at, at + p.sentences.length).flat();
        at += p.sentences.length;
        return tokens;
      }),
    );
    const loaded = loadLexicon(lexicon);
    const plain = [...this.sentenceIndex.keys()].filter((k) => /^[\p{L}\p{N}]/u.test(k));
    this.context = {
      lexicon: loaded,
      has: (key) => this.sentenceIndex.has(key),
      vocabulary: new FuzzyVocabulary(plain),
    };
    this.vectors = index.vectors;
    this.vectors.index.setEf(DENSE_EF);
  }

  /** The question's terms, as the lexicon translates them. */
  terms(question: string): QueryTerm[] {
    return queryTerms(question, this.context);
  }

  async retrieve(question: string): Promise<Retrieval> {
    const terms = this.terms(question);
    if (terms.length === 0) return { terms, coverage: 0, ranked: [] };
    const lexical = this.sentenceIndex.search(terms);
    const context = this.passageIndex.search(terms);


    const dense = await this.dense(question, terms);
    const maxSentence = Math.max(0, ...lexical.scores);
    const maxPassage = Math.max(0, ...context.scores);
    const candidates = new Set<number>(dense.keys());
    lexical.scores.forEach((s, i) => s > 0 && candidates.add(i));

    const ranked: Ranked[] = [];
    for (const i of candidates) {
      const sentence = this.sentences[i];
      if (!sentence) continue;
      const score =
        WEIGHT_SENTENCE * ((lexical.scores[i] ?? 0) / (maxSentence || 1)) +
        WEIGHT_PASSAGE * ((context.scores[sentence.passageIndex] ?? 0) / (maxPassage || 1)) +
        WEIGHT_DENSE * Math.max(0, dense.get(i) ?? 0);
      ranked.push({ sentence, score });
    }
    ranked.sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);

    // Coverage: a term found nowhere weighs what the rarest term would, so one unknown word counts fully.
    let covered = 0;
    let total = 0;
    for (const hit of lexical.terms) {
      if (hit.term.synthetic) continue;
      const found = hit.tf.size > 0;
      const idf = this.sentenceIndex.idf(found ? hit.tf.size : 0);
      total += idf;
      if (found) covered += idf * hit.term.weight;
    }
    return { terms, coverage: total > 0 ? covered / total : 0, ranked };
  }

  /** Cosine similarity of the nearest sentences, by sentence position. */
  private async dense(question: string, terms: readonly QueryTerm[]): Promise<Map<number, number>> {
    const count = this.vectors.index.getCurrentCount();
    if (count === 0) return new Map();
    // A lexical embedder cannot cross languages by itself: give it the question's translations too.
    const text = this.embeddings.expandsQueries
      ? [question, ...terms.flatMap((t) => t.keys.filter((k) => !k.startsWith(ARABIC_NAME) && !k.startsWith(LATIN_NAME)))].join(" ")
      : question;
    const vector = await this.embeddings.embedQuery(text);
    const results = await this.vectors.similaritySearchVectorWithScore(vector, Math.min(DENSE_K, count));
    const out = new Map<number, number>();
    for (const [doc, distance] of results) {
      const at = Number(doc.metadata["sentence"]);
      if (Number.isInteger(at)) out.set(at, 1 - distance);
    }
    return out;
  }
}
