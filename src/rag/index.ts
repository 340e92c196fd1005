/**
 * The core's public surface: the only module the bots import from src/rag (the index and eval tools also reach
 * into store.ts and text/ for what only tooling needs).
 */
export type { Answer, AnswerOptions, Citation, CitedSpan, ComposedText, ConversationContext, ConversationTurn, DeclineReason, PassageView, WordMatch, Language, Passage, PassageKind, Place, Rag, RagInfo, Sentence, Timings } from "./types.js";
export { IndexError, QuestionError, type IndexErrorCode, type QuestionErrorCode } from "./errors.js";
export { detectLanguage } from "./text/language.js";
export { englishPlace } from "./place.js";
export { graphemeEnd, graphemes, graphemeStart } from "./text/graphemes.js";
export { smallTalk, type SmallTalk } from "./text/smalltalk.js";
export { cleanQuestion, createRag, normalizeQuestion, type CreateRagOptions } from "./rag.js";
export { LockError, type LockErrorCode } from "./lock.js";
export type { LiveRag, RefreshOutcome, ReloadOptions } from "./reload.js";
export { buildIndex, type BuildIndexOptions } from "./store.js";
export { createEmbeddings, EmbeddingsError, type EmbeddingsErrorCode, type EmbeddingsSelection } from "./embedders/index.js";
export { LlmError, type LlmErrorCode } from "./llm/errors.js";
export type { LlmOptions } from "./llm/client.js";
