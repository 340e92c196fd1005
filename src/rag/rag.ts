/**
 * createRag(): loads the index (building it when missing, stale, incompatible or corrupt) and answers.
 */
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { silentLogger, type Logger } from "../logger.js";
import { composeAnswer, placeOf } from "./answer.js";
import { HashingEmbeddings } from "./embeddings.js";
import { IndexError, QuestionError } from "./errors.js";
import type { Composed, Composer } from "./llm/compose.js";
import type { LlmOptions } from "./llm/client.js";
import { retrieveInConversation } from "./conversation.js";
import { prepareRetrieval, Retriever } from "./retrieve.js";
import { acquireIndexLock, LockError } from "./lock.js";
import { createLiveRag, folderSignature, reloadsOn, type Core, type LiveRag, type ReloadOptions } from "./reload.js";
import { currentTexts, readSeeds, textIfUnchanged, type Seed, type SeedCache } from "./seeds.js";
import type { IndexEmbeddings } from "./embedders/types.js";
import { buildIndex, loadIndex, seedsOnRecord, type LoadedIndex, type LoadResult } from "./store.js";
import { detectLanguage } from "./text/language.js";
import type { Answer, AnswerOptions, Language, PassageView, RagInfo } from "./types.js";

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
  /** Example questions for /help and the greeting, by language: each offered only while the briefings answer it. */
  readonly examples?: Partial<Readonly<Record<Language, string>>>;
}

export const DEFAULT_MAX_QUESTION_CHARS = 500;
// Control characters (but the white space ones, tab to carriage return, which separate words) and every invisible
// format character: zero-width, bidi marks, overrides and isolates, word joiner, soft hyphen, byte-order mark
// (Unicode categories Cc and Cf); and half a surrogate pair, which no text holds (Cs: a pair is one code point).
const UNSAFE = /[\p{Cf}\p{Cs}\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu;
/**
 * A terminal's escape sequences, whole (a colour: ESC [ 31 m; a title or link: ESC ] … BEL, ESC \ or ST; a
 * two-character one): stripping their ESC alone would leave "[31m" glued to a word. An unterminated title loses
 * its ESC only (it would otherwise take the rest of the question), and the 8-bit CSI is left to UNSAFE alone: the
 * letter after it is more likely a word's than a sequence's end. So is a space after a lone ESC (the rare ESC SP
 * announcers aside): "Algeria<ESC> play" lost " p".
 */
const TERMINAL_ESCAPE = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)|\u001B[!-/]*[0-Z\\^-~]/gu;

/**
 * Control characters that separate, as the white space ones do: the information separators (file, group, record
 * and unit, U+001C-U+001F) and the next-line character (NEL, U+0085), a line break that JavaScript's \s does not
 * know. Dropped, they glued two words into one ("Sison<NEL>Algeria" was "SisonAlgeria"); the other controls, a NUL
 * or a bell inside a word, are dropped as UNSAFE says.
 */
const SEPARATOR_CONTROL = /[\u001C-\u001F\u0085]/gu;

/** `text` without the characters the core strips from a question (for a question echoed before the core saw it). */
const withoutUnsafe = (text: string): string => text.replace(TERMINAL_ESCAPE, "").replace(SEPARATOR_CONTROL, " ").replace(UNSAFE, "");

/**
 * `text` as the core reads a question, before its length is checked: without unsafe characters, white space
 * collapsed. For a question echoed where the core did not read it (a refused line, a streamed echo).
 */
export const normalizeQuestion = (text: string): string => withoutUnsafe(text).replace(/\s+/gu, " ").trim();

/**
 * The example questions the briefings answer (asked as a user would, without the language model): the bot
 * suggests a question about Michele Sison only while a briefing names her. One it cannot check is left out.
 */
async function answeredExamples(retriever: Retriever, examples: Partial<Readonly<Record<Language, string>>>, logger: Logger): Promise<Partial<Record<Language, string>>> {
  const checked = await Promise.all(
    (Object.entries(examples) as [Language, string][]).map(async ([language, question]): Promise<[Language, string][]> => {
      try {
        if ((await retriever.retrieve(question)).answerable) return [[language, question]];
        logger.info({ language, question }, "the briefings do not answer this example question; /help and the greeting offer none in this language");
      } catch (error) {
        logger.warn({ err: error, language }, "could not check the example question; /help and the greeting offer none in this language until the briefings are read again");
      }
      return [];
    }),
  );
  return Object.fromEntries(checked.flat());
}

/** Loads or builds the index for the seeds and returns the core's port (reloading the seeds when `reload` asks). */
export async function createRag(options: CreateRagOptions): Promise<LiveRag> {
  const logger = options.logger ?? silentLogger;
  const embeddings = options.embeddings ?? new HashingEmbeddings();
  const maxChars = options.maxQuestionChars ?? DEFAULT_MAX_QUESTION_CHARS;
  const reloading = reloadsOn(options.reload);
  // Taken before the seeds are read, so that a briefing changed meanwhile is still seen as a change.
  const signature = reloading
    ? await folderSignature(options.seedsDir).catch((error: unknown) => {
        logger.debug({ err: error }, "cannot list the seeds folder yet; the first rescan will read it");
        return undefined;
      })
    : undefined;
  // The briefings the index records with their stamps are not read at start (only when quoted), and a running
  // bot's rescans read again only the files whose stamp changed.
  const seedCache = seedsOnRecord(options.root, options.indexDir);
  const index = await loadOrBuild({ ...options, logger, embeddings }, seedCache);
  // The chat client is loaded only when an LLM is configured, to keep the offline cold start short.
  const composer: Composer | undefined = options.llm
    ? (await import("./llm/compose.js")).createComposer(options.llm, { logger: logger.child({ llm: options.llm.model }) })
    : undefined;
  if (options.llm) logger.info({ model: options.llm.model, server: new URL(options.llm.baseUrl).host }, "answers composed by a language model");
  const shared: CoreDeps = { embeddings, logger, maxChars, composer, examples: options.examples ?? {} };
  const build = { root: options.root, seedsDir: options.seedsDir, indexDir: options.indexDir, embeddings, logger };
  const core = await createCore(index, shared);
  if (core.declineScope === "several articles") logger.info({ declineScope: core.declineScope }, "the briefings are several articles: the decline model fitted for several decides");
  return createLiveRag(core, {
    ...build,
    makeCore: (next) => createCore(next, shared),
    update: (seeds, previous) => buildIndex(build, seeds, previous),
    ...(options.reload ? { reload: options.reload } : {}),
    ...(signature !== undefined ? { initialSignature: signature } : {}),
    ...(reloading ? { seedCache } : {}),
  });
}

interface CoreDeps {
  readonly embeddings: IndexEmbeddings;
  readonly logger: Logger;
  readonly maxChars: number;
  readonly composer: Composer | undefined;
  readonly examples: Partial<Readonly<Record<Language, string>>>;
}

/** The core over one loaded index: immutable, so answers in flight finish on it after a newer one is swapped in. */
async function createCore(index: LoadedIndex, { embeddings, logger, maxChars, composer, examples }: CoreDeps): Promise<Core> {
  const retriever = new Retriever(index, embeddings, logger);
  const textsNow = currentTexts(index.seeds);
  const info: RagInfo = {
    briefings: index.manifest.seeds.map((s) => s.path),
    passages: index.manifest.passages,
    sentences: index.manifest.sentences,
    builtAt: index.manifest.builtAt,
    embedder: index.manifest.embedder.id,
    examples: await answeredExamples(retriever, examples, logger),
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
      return { source, label: passage.label, place: placeOf(passage), start: passage.start, end: passage.end, text: text.slice(passage.start, passage.end) };
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
      const { signal, wrapUp, onText } = answerOptions;
      const either = signal && wrapUp ? AbortSignal.any([signal, wrapUp]) : (signal ?? wrapUp);
      let outcome: Composed;
      try {
        outcome = await composer.compose({ question, language, retrieval, texts, signal: either, onText });
      } catch (error) {
        // The asker gone, the answer rejects with the asker's reason (see AnswerOptions.signal), even where the
        // wrap-up came first and stopped the model.
        signal?.throwIfAborted();
        // Told to wrap up, the quotes found are the answer: what the model had worded is dropped. Only that abort:
        // any other failure meanwhile (a bug) is thrown as it would be otherwise.
        if (!wrapUp?.aborted || error !== wrapUp.reason) throw error;
        logger.info({}, "the model was still wording the answer when told to wrap up; answering with quotes");
        return { ...answer, timings: { totalMs: performance.now() - startedAt } };
      }
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

/** The question as the core reads it, or a QuestionError saying why not. */
export function cleanQuestion(input: unknown, maxChars: number): string {
  if (typeof input !== "string") throw new QuestionError("not-text", "the question is not text");
  const question = normalizeQuestion(input);
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
    logger.warn({ err: error }, "cannot take the index lock; building without it (if the index folder is read-only, make it writable by this user or set INDEX_DIR)");
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
