/**
 * createRag(): loads the index (building it when missing, stale, incompatible or corrupt) and answers.
 */
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { silentLogger, type Logger } from "../logger.js";
import { composeAnswer } from "./answer.js";
import { HashingEmbeddings } from "./embeddings.js";
import { IndexError, QuestionError } from "./errors.js";
import type { Composer } from "./llm/compose.js";
import type { LlmOptions } from "./llm/client.js";
import { declineFeature } from "./model.js";
import { prepareRetrieval, Retriever, type Retrieval } from "./retrieve.js";
import { normalizedSet } from "./text/normalize.js";
import { isJoinedQuestionWord, isQuestionWord } from "./text/stopwords.js";
import { tokenize } from "./text/tokenize.js";
import { acquireIndexLock, LockError } from "./lock.js";
import { createLiveRag, folderSignature, type Core, type LiveRag, type ReloadOptions } from "./reload.js";
import { currentTexts, readSeeds, textIfUnchanged, type Seed, type SeedCache } from "./seeds.js";
import { buildIndex, loadIndex, seedsOnRecord, type IndexEmbeddings, type LoadedIndex, type LoadResult } from "./store.js";
import { detectLanguage } from "./text/language.js";
import type { Answer, AnswerOptions, ConversationContext, PassageView, RagInfo } from "./types.js";

export interface CreateRagOptions {
  /** Citation sources are relative to this folder. */
  readonly root: string;
  readonly seedsDir: string;
  readonly indexDir: string;
  readonly logger?: Logger;
  /** Longer questions are refused with QuestionError("too-long"). */
  readonly maxQuestionChars?: number;
  /** The embedder behind the hnswlib index; character n-gram hashing by default (no model needed). */
  readonly embeddings?: IndexEmbeddings;
  /** A chat model to compose answers in the asker's language; without it, answers are the quotes alone. */
  readonly llm?: LlmOptions;
  /** Watch the seeds and swap in a new index when briefings are added, changed or removed (a running bot). */
  readonly reload?: ReloadOptions;
}

export const DEFAULT_MAX_QUESTION_CHARS = 500;
// Control characters (but tab and newline) and every invisible format character: zero-width, bidi marks,
// overrides and isolates, word joiner, soft hyphen, byte-order mark (Unicode categories Cc and Cf).
const UNSAFE = /[\p{Cf}\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/** `text` without the characters the core strips from a question (for a question echoed before the core saw it). */
export const withoutUnsafe = (text: string): string => text.replace(UNSAFE, "");

/** Loads or builds the index for the seeds and returns the core's port (reloading the seeds when `reload` asks). */
export async function createRag(options: CreateRagOptions): Promise<LiveRag> {
  const logger = options.logger ?? silentLogger;
  const embeddings = options.embeddings ?? new HashingEmbeddings();
  const maxChars = options.maxQuestionChars ?? DEFAULT_MAX_QUESTION_CHARS;
  // Taken before the seeds are read, so that a briefing changed meanwhile is still seen as a change.
  const signature =
    options.reload && options.reload.intervalMs > 0
      ? await folderSignature(options.seedsDir).catch((error: unknown) => {
          logger.debug({ err: error }, "cannot list the seeds folder yet; the first rescan will read it");
          return undefined;
        })
      : undefined;
  // The briefings the index records with their stamps are not read at start (only when quoted), and a running
  // bot's rescans read again only the files whose stamp changed.
  const seedCache = seedsOnRecord(options.root, options.indexDir);
  const index = await loadOrBuild({ ...options, logger, embeddings }, seedCache);
  const watched = options.reload && options.reload.intervalMs > 0;
  // The chat client is loaded only when an LLM is configured, to keep the offline cold start short.
  const composer: Composer | undefined = options.llm
    ? (await import("./llm/compose.js")).createComposer(options.llm, { logger: logger.child({ llm: options.llm.model }) })
    : undefined;
  if (options.llm) logger.info({ model: options.llm.model, server: new URL(options.llm.baseUrl).host }, "answers composed by a language model");
  const shared: CoreDeps = { embeddings, logger, maxChars, composer };
  const build = { root: options.root, seedsDir: options.seedsDir, indexDir: options.indexDir, embeddings, logger };
  const core = createCore(index, shared);
  if (core.declineScope === "several articles") logger.info({ declineScope: core.declineScope }, "the briefings are several articles: the decline model fitted for several decides");
  return createLiveRag(core, {
    ...build,
    makeCore: (next) => createCore(next, shared),
    update: (seeds, previous) => buildIndex(build, seeds, previous),
    ...(options.reload ? { reload: options.reload } : {}),
    ...(signature !== undefined ? { initialSignature: signature } : {}),
    ...(watched ? { seedCache } : {}),
  });
}

interface CoreDeps {
  readonly embeddings: IndexEmbeddings;
  readonly logger: Logger;
  readonly maxChars: number;
  readonly composer: Composer | undefined;
}

/** The core over one loaded index: immutable, so answers in flight finish on it after a newer one is swapped in. */
function createCore(index: LoadedIndex, { embeddings, logger, maxChars, composer }: CoreDeps): Core {
  const retriever = new Retriever(index, embeddings, logger);
  const textsNow = currentTexts(index.seeds);
  const info: RagInfo = {
    briefings: index.manifest.seeds.map((s) => s.path),
    passages: index.manifest.passages,
    sentences: index.manifest.sentences,
    builtAt: index.manifest.builtAt,
    embedder: index.manifest.embedder.id,
  };

  return {
    index,
    declineScope: retriever.declineScope,
    info: () => info,
    passage(source: string, start: number): PassageView | undefined {
      const at = retriever.passageAt(source, start);
      const passage = at === undefined ? undefined : index.store.passages[at];
      const text = textIfUnchanged(textsNow(), source, logger);
      if (!passage || text === undefined) return undefined;
      return { source, label: passage.label, start: passage.start, end: passage.end, text: text.slice(passage.start, passage.end) };
    },
    async answer(input: unknown, answerOptions: AnswerOptions = {}): Promise<Answer> {
      const startedAt = performance.now();
      const question = cleanQuestion(input, maxChars);
      answerOptions.signal?.throwIfAborted();
      const retrieval = await retrieveInConversation(retriever, question, answerOptions.context);
      answerOptions.signal?.throwIfAborted();
      const language = detectLanguage(question);
      const texts = textsNow();
      const answer = composeAnswer({ question, language, retrieval, texts, startedAt });
      // The core declines on its own before any model is asked; the model only words what was found.
      if (!composer || answer.kind !== "answered") return answer;
      const { signal, onText } = answerOptions;
      const outcome = await composer.compose({ question, language, retrieval, texts, signal, onText });
      signal?.throwIfAborted();
      const timings = { totalMs: performance.now() - startedAt };
      switch (outcome.kind) {
        case "composed":
          return { ...answer, citations: outcome.citations, composed: { text: outcome.text }, timings };
        case "declined":
          logger.info({}, "the model found no answer in the passages; declining");
          return { kind: "declined", question, language, reason: "not-covered", timings };
        case "failed":
          logger.warn({ err: outcome.error, code: outcome.error.code }, "no usable answer from the model; answering with quotes");
          return { ...answer, timings };
      }
    },
  };
}

/** Earlier turns weighed at most; older ones have drifted from what is asked now. */
const MAX_CONTEXT_TURNS = 3;
/** A question with at most this many content words and no question word of its own leans on what was said before ("and Mali?"). */
const FOLLOW_UP_MAX_TERMS = 2;
/** An English question's own opening: a question word, or the auxiliary or verb of a yes/no or imperative one. */
const QUESTION_EN =
  /^\s*(who|whom|whose|whos|what|whats|when|where|which|why|how|is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|describe|explain|list|name)\b/i;
/** The chance a follow-up judged together with the question before it must reach (see retrieveInConversation). */
const PAIR_MIN_CONFIDENCE = 0.5;
/** A pronoun ties a question to the last turn only in a short question ("what did it mediate?"). */
const PRONOUN_MAX_TERMS = 4;
// Openers that tie a question to the one before: "and …", "what about …"; "طيب …", "وماذا عن …", "وعن …",
// "وبالنسبة لـ …"; and a question word with و or ف joined to it ("ومين", "وامتى", "فوين"), formal or dialect.
const OPENER_EN = /^\s*(and|so|also|then|but|what about|how about)\b/i;
const OPENER_AR_FIRST: ReadonlySet<string> = normalizedSet("طيب وعن فعن وحول فحول وبخصوص فبخصوص وبالنسبة فبالنسبة وبشأن فبشأن وبعدين");
const OPENER_AR_ABOUT: ReadonlySet<string> = normalizedSet("ماذا شو وماذا وشو فماذا فشو");
const PRONOUN_EN = /\b(it|its|they|them|their|he|him|his|she|her|this|these|those)\b/i;
// Attached pronouns on prepositions and the demonstratives, formal and dialect: عنها، فيه، ذلك، هاد … Not هو/هي,
// as in "ما هو"; not دي/دا, which are also the particle of names (دي ميستورا).
const PRONOUN_AR: ReadonlySet<string> = normalizedSet(
  "ذلك تلك هذا هذه هؤلاء هناك فيها فيه عنها عنه منها منه لها له لهم عليها عليه بها به هاد هادا هادي هاذا هاذي هيدا هيدي هاي ده",
);

/**
 * Whether a question opens with a question word of its own (not one joined to و or ف, as "ومين" follows up), in
 * its first two words ("في أي عام", "إلى أين").
 */
function opensWithQuestionWord(question: string): boolean {
  const [first = "", second = ""] = tokenize(question).map((t) => t.text);
  return QUESTION_EN.test(question) || [first, second].some((w) => isQuestionWord(w) && !isJoinedQuestionWord(w));
}

/** Whether a question reads as following up on the turn before: an opener, or a pronoun in a short question. */
export function readsAsFollowUp(question: string, ownTerms: number): boolean {
  const words = tokenize(question).map((t) => t.text);
  const [first = "", second = ""] = words;
  if (OPENER_EN.test(question) || first === "و" || first === "ف" || OPENER_AR_FIRST.has(first) || isJoinedQuestionWord(first)) return true;
  if (OPENER_AR_ABOUT.has(first) && second === "عن") return true;
  return ownTerms <= PRONOUN_MAX_TERMS && (PRONOUN_EN.test(question) || words.some((w) => PRONOUN_AR.has(w)));
}

/**
 * The retrieval for a question asked after `context`'s turns. A question that stands on its own (no opener or
 * pronoun tying it to the last turn, answerable alone, and more than FOLLOW_UP_MAX_TERMS words of its own or its
 * own question word) is retrieved alone, so the context never bends it; a follow-up borrows the earlier
 * questions' words and favours what they cited.
 */
async function retrieveInConversation(retriever: Retriever, question: string, context: ConversationContext | undefined): Promise<Retrieval> {
  const alone = await retriever.retrieve(question);
  const turns = context?.turns.slice(-MAX_CONTEXT_TURNS) ?? [];
  if (turns.length === 0) return alone;
  const ownTerms = alone.terms.filter((t) => !t.synthetic).length;
  // Punctuation or an emoji alone ("?", "👍") asks nothing, not even to go on.
  if (ownTerms === 0 && tokenize(question).length === 0) return alone;
  const tied = readsAsFollowUp(question, ownTerms);
  // Answerable alone and tied by nothing, a question is a new one when it has words enough of its own, or when it
  // opens with its own question word however short it is ("من هو لعمامرة؟", "Who is Staffan de Mistura?"). A
  // short one without ("والجزائر؟", "Mali?") leans on what was said before.
  if (!tied && alone.answerable && (ownTerms > FOLLOW_UP_MAX_TERMS || (ownTerms > 0 && opensWithQuestionWord(question)))) return alone;
  const sources = new Set<string>();
  const passages = new Set<number>();
  // Each turn's first citation, its best answer: a weaker third quote from another briefing must not pull the
  // follow-up there.
  for (const turn of turns) {
    const c = turn.citations[0];
    if (!c) continue;
    sources.add(c.source);
    const at = retriever.passageAt(c.source, c.start);
    if (at !== undefined) passages.add(at);
  }
  const inContext = await retriever.retrieve(question, { words: turns.map((t) => t.question).join(" "), sources, passages });
  // Whether the briefings cover what is asked. A question answerable on its own words is. A follow-up ("which
  // region does he cover for them?", "ووين صار؟") is also judged together with the last question that was
  // answered, unless its own words open a new topic (a name found nowhere in the briefings, or no word found at
  // all: "and the weather in Paris?"). The context picks where to look; it does not make an off-topic question
  // answerable, and a declined turn lends nothing.
  if (alone.answerable) return { ...inContext, confidence: alone.confidence, features: alone.features, answerable: true };
  const answered = turns.filter((t) => t.citations.length > 0).at(-1);
  const newTopic = ownTerms > 0 && (declineFeature(alone.features, "missingNames") > 0 || declineFeature(alone.features, "missingShare") >= 1);
  if (!(tied || ownTerms === 0) || !answered || newTopic) return { ...inContext, confidence: alone.confidence, features: alone.features, answerable: false };
  // The pair holds the words of a question already answered, which lift its chance however little the follow-up
  // adds ("ومين ربح الدوري الاسباني؟", who won the Spanish league, after a question on Lamamra): it must be more
  // likely answered than not, not only clear the threshold set for questions asked alone.
  const judged = await retriever.retrieve(`${answered.question}\n${question}`);
  const answerable = judged.answerable && judged.confidence >= PAIR_MIN_CONFIDENCE;
  return { ...inContext, confidence: judged.confidence, features: judged.features, answerable };
}

/** The question as the core reads it, or a QuestionError saying why not. */
export function cleanQuestion(input: unknown, maxChars: number): string {
  if (typeof input !== "string") throw new QuestionError("not-text", "the question is not text");
  const question = withoutUnsafe(input).replace(/\s+/g, " ").trim();
  if (!question) throw new QuestionError("empty", "the question is empty");
  // Characters in code points, nearer a person's count than UTF-16 units: most emoji count one, not two.
  const length = question.length > maxChars ? [...question].length : question.length;
  if (length > maxChars) {
    throw new QuestionError("too-long", `the question has ${length} characters; the limit is ${maxChars}`, maxChars);
  }
  return question;
}

/** How long a starting bot waits for another process (`npm run index`, another replica) to finish writing the index. */
const START_LOCK_WAIT_MS = 15 * 60_000;

type LoadOutcome = LoadResult | { readonly status: "corrupt"; readonly error: IndexError };

async function tryLoad(indexDir: string, seeds: readonly Seed[] | Promise<readonly Seed[]>, embeddings: IndexEmbeddings): Promise<LoadOutcome> {
  try {
    return await loadIndex(indexDir, seeds, embeddings, { prepare: prepareRetrieval });
  } catch (error) {
    if (!(error instanceof IndexError) || error.code !== "corrupt") throw error;
    return { status: "corrupt", error };
  }
}

/**
 * The index for the seeds: loaded when fresh, else built under the index lock (another writer may have built
 * it meanwhile, so it is looked at again once the lock is held).
 */
async function loadOrBuild(options: CreateRagOptions & { logger: Logger; embeddings: IndexEmbeddings & EmbeddingsInterface }, seedCache?: SeedCache): Promise<LoadedIndex> {
  const { logger, indexDir } = options;
  // Whether some briefings are taken on the manifest's word (seedsOnRecord) rather than read.
  const onRecord = (seedCache?.size ?? 0) > 0;
  // The index is read while the seeds are (both wait on the disk much of the time); a seeds error comes first.
  const reading = readSeeds(options.root, options.seedsDir, logger, seedCache);
  const [seeds, first] = await Promise.all([reading, tryLoad(indexDir, reading, options.embeddings)]);
  if (first.status === "fresh") return first.index;
  const lock = await acquireIndexLock(indexDir, { waitMs: START_LOCK_WAIT_MS, logger, purpose: "start" }).catch((error: unknown) => {
    // A read-only folder: the index is built in memory (and not saved), as before there was a lock.
    if (!(error instanceof LockError) || error.code !== "io") throw error;
    logger.warn({ err: error }, "cannot take the index lock; building without it");
    return undefined;
  });
  // Every briefing read, none taken on the manifest's word: for a build from scratch (the manifest is not
  // trusted), or an update that met a briefing whose stamp did not tell its change.
  const readAll = async (): Promise<readonly Seed[]> => {
    if (!onRecord) return seeds;
    seedCache?.clear();
    return readSeeds(options.root, options.seedsDir, logger, seedCache);
  };
  try {
    const result = lock ? await tryLoad(indexDir, seeds, options.embeddings) : first;
    switch (result.status) {
      case "fresh":
        return result.index;
      case "stale":
        logger.info({ indexDir }, "seeds changed since the index was built; updating it");
        return await buildIndex(options, seeds, result.previous).catch(async (error: unknown) => {
          // A briefing taken by its stamp that no longer holds what was indexed: update from every file read.
          if (!(error instanceof IndexError) || error.code !== "changed") throw error;
          logger.warn({ err: error }, "a briefing changed without its stamp changing; reading every briefing");
          return buildIndex(options, await readAll(), result.previous);
        });
      case "incompatible":
        logger.info(
          { indexDir, embedder: options.embeddings.id, dimensions: options.embeddings.dimensions },
          "index built by another version or embedder; rebuilding it for this one",
        );
        return await buildIndex(options, await readAll());
      case "missing":
        logger.info({ indexDir }, "no index yet; building it");
        return await buildIndex(options, await readAll());
      case "corrupt":
        logger.warn({ err: result.error, indexDir }, "index damaged; rebuilding it from the seeds");
        return await buildIndex(options, await readAll());
      default:
        return result satisfies never;
    }
  } finally {
    await lock?.release();
  }
}
