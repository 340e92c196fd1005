/**
 * Neural embeddings from an OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, llama.cpp server,
 * LM Studio, text-embeddings-inference …) through LangChain's OpenAIEmbeddings with `configuration.baseURL`.
 * The vector length is learnt by embedding a probe string, so the index manifest records what the model gives.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { IndexEmbeddings } from "./types.js";
import { EmbeddingsError } from "./errors.js";

export interface OpenAIEmbeddingsOptions {
  /** The server's OpenAI-compatible root, e.g. "http://127.0.0.1:11434/v1". */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string | undefined;
  /** Per request. Default 60 s: a first request may wait for the server to load the model. */
  readonly timeoutMs?: number;
  /** Texts per request. Default 64. */
  readonly batchSize?: number;
  /** Retries of a failed request (LangChain's exponential backoff). Default 3. */
  readonly maxRetries?: number;
  /**
   * A question's embedding, per attempt. Default 5 s, one retry: a person is waiting, and when the server is
   * down the retriever answers from the lexical index alone rather than after minutes.
   */
  readonly queryTimeoutMs?: number;
}

const PROBE = "dimension probe";

/** An embedder the index can record; create it with {@link OpenAICompatibleEmbeddings.create}. */
export class OpenAICompatibleEmbeddings extends Embeddings implements IndexEmbeddings {
  /** A multilingual model meets a question in one language and a passage in another by itself. */
  readonly expandsQueries = false;

  private constructor(
    private readonly inner: OpenAIEmbeddings,
    private readonly query: OpenAIEmbeddings,
    readonly model: string,
    readonly dimensions: number,
  ) {
    super({});
  }

  /** Connects and learns the vector length; throws EmbeddingsError("unavailable") naming the server, not the key. */
  static async create(options: OpenAIEmbeddingsOptions): Promise<OpenAICompatibleEmbeddings> {
    const client = (timeout: number, maxRetries: number): OpenAIEmbeddings =>
      new OpenAIEmbeddings({
        model: options.model,
        apiKey: options.apiKey ?? "not-needed",
        configuration: { baseURL: options.baseUrl },
        batchSize: options.batchSize ?? 64,
        timeout,
        maxRetries,
        encodingFormat: "float",
      });
    const inner = client(options.timeoutMs ?? 60_000, options.maxRetries ?? 3);
    const query = client(options.queryTimeoutMs ?? 5_000, 1);
    let probe: number[] | undefined;
    try {
      probe = await inner.embedQuery(PROBE);
    } catch (error) {
      throw new EmbeddingsError("unavailable", `cannot embed with ${options.model} at ${new URL(options.baseUrl).host}`, { cause: error });
    }
    if (!Array.isArray(probe) || probe.length === 0 || !probe.every(Number.isFinite)) {
      throw new EmbeddingsError("bad-model", `${options.model} at ${new URL(options.baseUrl).host} returned no usable vector`);
    }
    return new OpenAICompatibleEmbeddings(inner, query, options.model, probe.length);
  }

  /** Recorded in the index manifest (with the dimensions): another model rebuilds the index. */
  get id(): string {
    return `openai-compatible:${this.model}`;
  }

  override embedDocuments(documents: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(documents);
  }

  override embedQuery(document: string): Promise<number[]> {
    return this.query.embedQuery(document);
  }
}
