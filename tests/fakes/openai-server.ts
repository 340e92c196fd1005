/**
 * A local fake of an OpenAI-compatible server (what OpenAI, Ollama, vLLM, llama.cpp server and LM Studio
 * speak) on 127.0.0.1 with an ephemeral port, for driving the real ChatOpenAI and OpenAIEmbeddings.
 *
 * - POST /v1/chat/completions, streamed (SSE) or not, answers with the next scripted behaviour: a text,
 *   an HTTP error (429 with Retry-After, 500 …), malformed JSON, a slow reply, a dropped connection, or a text
 *   streamed part by part as the test releases each.
 *   With nothing scripted it uses `chat` (default: a fixed text).
 * - POST /v1/embeddings answers with deterministic unit vectors (character trigram hashing), so the same
 *   text always gets the same vector and similar texts get close ones.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { listenLocal } from "../helpers/ports.js";

export type ChatBehaviour =
  /** Answers `text`; streamed in pieces of `chunkChars` characters, `chunkDelayMs` apart. */
  | { readonly kind: "text"; readonly text: string; readonly chunkChars?: number; readonly chunkDelayMs?: number }
  /** An HTTP error; `retryAfterS` sets the Retry-After header. */
  | { readonly kind: "status"; readonly status: number; readonly retryAfterS?: number }
  /** A 200 whose body is not JSON (or, streamed, an event that is not). */
  | { readonly kind: "malformed" }
  /** Waits `delayMs` before answering `text` (default "late"), to go past the client's timeout. */
  | { readonly kind: "slow"; readonly delayMs: number; readonly text?: string }
  /** Closes the connection without an answer. */
  | { readonly kind: "drop" }
  /**
   * Answers the parts' texts joined; streamed one event per part, each once its `after` (when given) has settled
   * (not streamed: once every one has). The test releases each part when it chooses, so that what the client does
   * with one comes before or after what it does elsewhere as the test orders it, not as the machine's speed does.
   */
  | { readonly kind: "parts"; readonly parts: readonly StreamPart[] };

/** A piece of a streamed answer, held until `after` settles. */
export interface StreamPart {
  readonly text: string;
  readonly after?: Promise<unknown>;
}

export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

export interface ChatRequest {
  readonly model: string;
  readonly stream: boolean;
  readonly messages: readonly ChatMessage[];
  readonly authorization: string | undefined;
  /** The system and user messages' text. */
  readonly system: string;
  readonly user: string;
}

export interface EmbeddingsRequest {
  readonly model: string;
  readonly input: readonly string[];
  readonly encodingFormat: unknown;
  readonly authorization: string | undefined;
}

/** A passage as the bot fenced it in the user message. */
export interface FencedPassage {
  readonly n: number;
  readonly heading: string;
  readonly text: string;
}

export interface FakeOpenAIOptions {
  /** The behaviour when nothing is scripted; may look at the request (e.g. to quote a passage). */
  readonly chat?: (request: ChatRequest) => ChatBehaviour;
  /** Length of the embedding vectors. Default 24. */
  readonly dimensions?: number;
}

export interface FakeOpenAI {
  /** What to pass as LLM_BASE_URL or EMBEDDINGS_BASE_URL. */
  readonly baseUrl: string;
  readonly chatRequests: readonly ChatRequest[];
  readonly embeddingRequests: readonly EmbeddingsRequest[];
  /** Queues behaviours (or functions of the request) for the next chat requests, in order. */
  script(...behaviours: (ChatBehaviour | ((request: ChatRequest) => ChatBehaviour))[]): void;
  close(): Promise<void>;
}

/** The passages in a chat request's user message, as the prompt fenced them. */
export function passagesOf(request: ChatRequest): FencedPassage[] {
  const fence = request.user.match(/^(@@@[0-9a-f]+@@@) \[/mu)?.[1];
  if (!fence) return [];
  const out: FencedPassage[] = [];
  const pattern = new RegExp(`^${fence} \\[(\\d+)\\] (.*)\\n([\\s\\S]*?)\\n${fence} END$`, "gmu");
  for (const m of request.user.matchAll(pattern)) out.push({ n: Number(m[1]), heading: m[2] ?? "", text: m[3] ?? "" });
  return out;
}

/** The question at the end of a chat request's user message. */
export function questionOf(request: ChatRequest): string {
  return request.user.match(/^Question: (.*)$/mu)?.[1] ?? "";
}

/**
 * A scripted good answer for "Who is Michele Sison?": three cited sentences, the last quoting passage 1's
 * first words, streamed slowly in small pieces (so a streaming adapter sees several partial texts).
 */
export function threeSentences(request: ChatRequest): ChatBehaviour {
  const [a, b] = passagesOf(request);
  const words = a?.text.split(" ").slice(0, 4).join(" ") ?? "";
  const text = `Michele Sison is a US assistant secretary of state [${a?.n}]. She spoke in Algiers [${b?.n ?? a?.n}]. She said “${words}” [${a?.n}].`;
  return { kind: "text", text, chunkChars: 6, chunkDelayMs: 15 };
}

/** Deterministic unit vector of `text`: signed hashing of its character trigrams. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  const s = ` ${text.toLowerCase()} `;
  for (let i = 0; i + 3 <= s.length; i += 1) {
    let h = 2166136261;
    for (const ch of s.slice(i, i + 3)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    h >>>= 0;
    v[h % dimensions] = (v[h % dimensions] ?? 0) + (h & 1 ? 1 : -1);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const dimensions = options.dimensions ?? 24;
  const fallback = options.chat ?? (() => ({ kind: "text", text: "A fixed answer [1]." }) as const);
  const queue: (ChatBehaviour | ((request: ChatRequest) => ChatBehaviour))[] = [];
  const chatRequests: ChatRequest[] = [];
  const embeddingRequests: EmbeddingsRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `fake openai: ${String(error)}` } }));
    });
  });
  await listenLocal(server);
  const { port } = server.address() as AddressInfo;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (req.method === "POST" && path === "/v1/embeddings") return embeddings(body, req, res);
    if (req.method === "POST" && path === "/v1/chat/completions") return chat(body, req, res);
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
  }

  function embeddings(body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): void {
    const raw = body["input"];
    const input = (Array.isArray(raw) ? raw : [raw]).map(String);
    const model = String(body["model"] ?? "");
    embeddingRequests.push({ model, input, encodingFormat: body["encoding_format"], authorization: req.headers.authorization });
    const data = input.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text, dimensions) }));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data, model, usage: { prompt_tokens: 0, total_tokens: 0 } }));
  }

  async function chat(body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const messages = (Array.isArray(body["messages"]) ? body["messages"] : []) as { role: string; content: unknown }[];
    const text = (m: { content: unknown } | undefined): string =>
      typeof m?.content === "string" ? m.content : Array.isArray(m?.content) ? m.content.map((p: { text?: string }) => p.text ?? "").join("") : "";
    const request: ChatRequest = {
      model: String(body["model"] ?? ""),
      stream: body["stream"] === true,
      messages: messages.map((m) => ({ role: m.role, content: text(m) })),
      authorization: req.headers.authorization,
      system: text(messages.find((m) => m.role === "system" || m.role === "developer")),
      user: text(messages.find((m) => m.role === "user")),
    };
    chatRequests.push(request);
    const next = queue.shift() ?? fallback;
    const behaviour = typeof next === "function" ? next(request) : next;
    const id = `chatcmpl-fake-${chatRequests.length}`;
    const created = Math.floor(Date.now() / 1000);
    switch (behaviour.kind) {
      case "status": {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (behaviour.retryAfterS !== undefined) headers["retry-after"] = String(behaviour.retryAfterS);
        res.writeHead(behaviour.status, headers).end(JSON.stringify({ error: { message: `fake status ${behaviour.status}`, type: "server_error" } }));
        return;
      }
      case "drop":
        req.socket.destroy();
        return;
      case "malformed":
        if (request.stream) {
          res.writeHead(200, { "content-type": "text/event-stream" });
          res.end(`data: {"id":"${id}","choices":[{"delta":{"content":"Hal\ndata: [DONE]\n\n`);
        } else {
          res.writeHead(200, { "content-type": "application/json" }).end('{"id": "x", "choices": [ {"message": ');
        }
        return;
      case "slow":
        await wait(behaviour.delayMs);
        if (res.destroyed || req.socket.destroyed) return;
        return answer({ kind: "text", text: behaviour.text ?? "late" });
      case "text":
        return answer(behaviour);
      case "parts":
        return answer({ kind: "text", text: behaviour.parts.map((p) => p.text).join("") }, behaviour.parts);
    }

    /** Answers `b`; streamed as `parts` when given, else in `b`'s chunks. */
    async function answer(b: Extract<ChatBehaviour, { kind: "text" }>, parts?: readonly StreamPart[]): Promise<void> {
      if (!request.stream) {
        if (parts) await Promise.all(parts.map((p) => p.after));
        if (res.destroyed) return;
        const message = { role: "assistant", content: b.text };
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id,
            object: "chat.completion",
            created,
            model: request.model,
            choices: [{ index: 0, message, finish_reason: "stop", logprobs: null }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const event = (delta: Record<string, unknown>, finish: string | null): string =>
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: request.model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
      res.write(event({ role: "assistant", content: "" }, null));
      const size = b.chunkChars ?? 12;
      const chunks = parts ?? Array.from({ length: Math.ceil(b.text.length / size) }, (_, i): StreamPart => ({ text: b.text.slice(i * size, (i + 1) * size) }));
      for (const chunk of chunks) {
        if (chunk.after) await chunk.after;
        else if (b.chunkDelayMs) await wait(b.chunkDelayMs);
        if (res.destroyed) return;
        res.write(event({ content: chunk.text }, null));
      }
      res.write(event({}, "stop"));
      res.end("data: [DONE]\n\n");
    }
  }

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    chatRequests,
    embeddingRequests,
    script: (...behaviours) => void queue.push(...behaviours),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
