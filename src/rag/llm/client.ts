/**
 * The chat model: LangChain's ChatOpenAI pointed at any OpenAI-compatible server (OpenAI, Ollama, vLLM,
 * llama.cpp server, LM Studio) through `configuration.baseURL`. One deadline covers the whole call, retries
 * included; 429, 5xx and dropped connections are retried with exponential backoff (honouring Retry-After
 * within the deadline) until the first token arrives. After that a failure is final: the caller falls back.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { HumanMessage, SystemMessage, type AIMessageChunk } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import type { Logger } from "../../logger.js";
import { LlmError } from "./errors.js";

export { LlmError, type LlmErrorCode } from "./errors.js";

/** The generation settings; LLM_BASE_URL, LLM_MODEL, LLM_API_KEY and LLM_TIMEOUT_MS fill the first four. */
export interface LlmOptions {
  /** The server's OpenAI-compatible root, e.g. "http://127.0.0.1:11434/v1". */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as a bearer token; servers that need none get a placeholder. */
  readonly apiKey?: string | undefined;
  /** The whole generation, retries included, gives up after this long. */
  readonly timeoutMs: number;
  /** Retries after a 429, a 5xx or a dropped connection (before any text arrived). Default 2. */
  readonly retries?: number;
  /** First wait before a retry; doubles each time. Default 500 ms. */
  readonly backoffMs?: number;
  /** Least time between two partial-text callbacks. Default 1000 ms. */
  readonly streamIntervalMs?: number;
  /** Passages given to the model. Default 8. */
  readonly maxPassages?: number;
  /** Default 0.1: answers should stick to the passages. */
  readonly temperature?: number;
  /** Most tokens the model may write. Default 600. */
  readonly maxTokens?: number;
}

export interface GenerateOptions {
  readonly signal?: AbortSignal | undefined;
  /** Streams: called with each piece of text as it arrives. Without it, one non-streamed request. */
  readonly onDelta?: ((delta: string) => void) | undefined;
}

/** A chat model that turns a system and a user message into text. */
export interface ChatClient {
  generate(system: string, user: string, options?: GenerateOptions): Promise<string>;
}

const PLACEHOLDER_KEY = "not-needed";
const MAX_BACKOFF_MS = 10_000;

/** Creates the client; nothing is sent until `generate`. */
export function createChatClient(options: LlmOptions, logger: Logger): ChatClient {
  const { timeoutMs, retries = 2, backoffMs = 500 } = options;
  const model = new ChatOpenAI({
    model: options.model,
    apiKey: options.apiKey ?? PLACEHOLDER_KEY,
    configuration: { baseURL: options.baseUrl },
    temperature: options.temperature ?? 0.1,
    maxTokens: options.maxTokens ?? 600,
    timeout: timeoutMs,
    // Retries are ours: LangChain's would wait seconds between tries and retry after text has streamed.
    maxRetries: 0,
    streamUsage: false,
  });

  return {
    async generate(system, user, { signal, onDelta } = {}) {
      const endsAt = Date.now() + timeoutMs;
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      const messages = [new SystemMessage(system), new HumanMessage(user)];
      for (let attempt = 0; ; attempt += 1) {
        let received = "";
        try {
          if (onDelta) {
            const stream = await model.stream(messages, { signal: combined });
            for await (const chunk of stream) {
              const text = textOf(chunk);
              if (!text) continue;
              received += text;
              onDelta(text);
            }
          } else {
            received = textOf(await model.invoke(messages, { signal: combined }));
          }
          if (!received.trim()) throw new LlmError("bad-response", "the model returned no text");
          return received;
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          if (deadline.aborted) throw new LlmError("timeout", `no complete answer from the model within ${timeoutMs} ms`, { cause: error });
          if (error instanceof LlmError) throw error;
          const status = statusOf(error);
          const retryable = status === 429 || (status !== undefined && status >= 500) || (status === undefined && isConnectionError(error));
          if (!retryable || received !== "" || attempt >= retries) throw classify(error, status);
          const wait = Math.min(retryAfterMs(error) ?? backoffMs * 2 ** attempt * (0.8 + Math.random() * 0.4), MAX_BACKOFF_MS);
          // A wait past the deadline would only delay the answer without the model (and be called a timeout).
          if (wait >= endsAt - Date.now()) throw classify(error, status);
          logger.warn({ status, attempt: attempt + 1, waitMs: Math.round(wait) }, "model call failed; retrying");
          await sleep(wait, undefined, { signal: combined }).catch((abort: unknown) => {
            if (signal?.aborted) throw signal.reason;
            throw new LlmError("timeout", `no complete answer from the model within ${timeoutMs} ms`, { cause: abort });
          });
        }
      }
    },
  };
}

function textOf(message: AIMessageChunk | { content: unknown; text?: string }): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part: unknown) => (typeof part === "string" ? part : typeof (part as { text?: unknown })?.text === "string" ? (part as { text: string }).text : "")).join("");
  }
  throw new LlmError("bad-response", "the model's reply has no text content");
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === "object" && error !== null && "status" in error ? (error as { status: unknown }).status : undefined;
  return typeof status === "number" ? status : undefined;
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`;
  return /APIConnectionError|Connection error|ECONNRESET|ECONNREFUSED|socket hang up|terminated|other side closed/iu.test(text);
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = typeof error === "object" && error !== null && "headers" in error ? (error as { headers: unknown }).headers : undefined;
  let value: string | null | undefined;
  if (headers instanceof Headers) value = headers.get("retry-after");
  else if (headers && typeof headers === "object") value = (headers as Record<string, string | undefined>)["retry-after"];
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function classify(error: unknown, status: number | undefined): LlmError {
  const reason = error instanceof Error ? error.message : String(error);
  if (status === 429) return new LlmError("rate-limited", "the model server kept refusing with 429", { cause: error });
  if (status !== undefined && status >= 500) return new LlmError("unavailable", `the model server failed with ${status}`, { cause: error });
  if (status !== undefined) return new LlmError("refused", `the model server refused the request with ${status}`, { cause: error });
  if (isConnectionError(error)) return new LlmError("unavailable", "cannot reach the model server", { cause: error });
  return new LlmError("bad-response", `unusable reply from the model server: ${reason.slice(0, 200)}`, { cause: error });
}
