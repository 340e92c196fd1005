/**
 * The one place an embedder is chosen from configuration: EMBEDDINGS_MODEL_PATH (a local ONNX model, run in
 * process), else EMBEDDINGS_BASE_URL with EMBEDDINGS_MODEL (an OpenAI-compatible endpoint), else none, and
 * the core uses its built-in character n-gram vectors. Neural vectors are fused with the lexical retriever,
 * never substituted for it; the index manifest records the embedder, so a change rebuilds the index.
 */
import type { Logger } from "../../logger.js";
import type { IndexEmbeddings } from "./types.js";

export { EmbeddingsError, type EmbeddingsErrorCode } from "./errors.js";
export type { LocalOnnxEmbeddingsOptions } from "./local-onnx.js";
export type { OpenAIEmbeddingsOptions } from "./openai.js";

/** The parts of the configuration that choose the embedder (config.ts Config satisfies it). */
export interface EmbeddingsSelection {
  /** EMBEDDINGS_BASE_URL, EMBEDDINGS_MODEL and EMBEDDINGS_MODEL_PATH. */
  readonly embeddings: { readonly baseUrl: string | undefined; readonly model: string | undefined; readonly modelPath: string | undefined };
  /** LLM_API_KEY is sent to the embeddings endpoint only when it is the LLM's server too. */
  readonly llm?: { readonly baseUrl: string; readonly apiKey: string | undefined } | undefined;
}

/**
 * The configured embedder, ready (its dimensions known), or undefined for the built-in one.
 * @throws EmbeddingsError when the configured model cannot be used: startup should stop and say why.
 */
export async function createEmbeddings({ embeddings: selection, llm }: EmbeddingsSelection, logger?: Logger): Promise<IndexEmbeddings | undefined> {
  if (selection.modelPath) {
    if (selection.baseUrl) logger?.warn({}, "both EMBEDDINGS_MODEL_PATH and EMBEDDINGS_BASE_URL are set; using the local model");
    // Loaded only when configured: the default start should not pay for the clients it does not use.
    const { LocalOnnxEmbeddings } = await import("./local-onnx.js");
    const embeddings = await LocalOnnxEmbeddings.create({ path: selection.modelPath });
    logger?.info({ embedder: embeddings.id, dimensions: embeddings.dimensions }, "local ONNX embedding model loaded");
    return embeddings;
  }
  if (selection.baseUrl && selection.model) {
    const apiKey = llm && new URL(llm.baseUrl).origin === new URL(selection.baseUrl).origin ? llm.apiKey : undefined;
    const { OpenAICompatibleEmbeddings } = await import("./openai.js");
    const embeddings = await OpenAICompatibleEmbeddings.create({ baseUrl: selection.baseUrl, model: selection.model, apiKey });
    logger?.info({ embedder: embeddings.id, dimensions: embeddings.dimensions, server: new URL(selection.baseUrl).host }, "embedding endpoint ready");
    return embeddings;
  }
  return undefined;
}
