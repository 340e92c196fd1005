/**
 * The OpenAI-compatible embedder: the real OpenAIEmbeddings against the local fake server, and the factory.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddings, EmbeddingsError } from "../../../src/rag/embedders/index.js";
import { OpenAICompatibleEmbeddings } from "../../../src/rag/embedders/openai.js";
import { createRag } from "../../../src/rag/index.js";
import { fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from "../../fakes/openai-server.js";
import { tempProject, type TempProject } from "../../helpers/project.js";

let fake: FakeOpenAI;
let project: TempProject;

beforeAll(async () => {
  fake = await startFakeOpenAI({ dimensions: 24 });
  project = tempProject();
});
afterAll(async () => {
  await fake.close();
  project.remove();
});

const none = { baseUrl: undefined, model: undefined, modelPath: undefined };

describe("embeddings from an OpenAI-compatible endpoint", () => {
  it("learns the vector length from a probe and returns the server's vectors", async () => {
    const embeddings = await OpenAICompatibleEmbeddings.create({ baseUrl: fake.baseUrl, model: "bge-m3" });
    expect(embeddings).toMatchObject({ id: "openai-compatible:bge-m3", dimensions: 24, expandsQueries: false });
    expect(await embeddings.embedQuery("Michele Sison")).toEqual(fakeEmbedding("Michele Sison", 24));
    expect(await embeddings.embedDocuments(["a b", "c d"])).toEqual([fakeEmbedding("a b", 24), fakeEmbedding("c d", 24)]);
    expect(fake.embeddingRequests.at(-1)).toMatchObject({ model: "bge-m3", encodingFormat: "float", input: ["a b", "c d"] });
  });

  it("is chosen by EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL; LLM_API_KEY goes only to the LLM's own server", async () => {
    expect(await createEmbeddings({ embeddings: none })).toBeUndefined();
    const selection = { embeddings: { ...none, baseUrl: fake.baseUrl, model: "bge-m3" } };
    await createEmbeddings({ ...selection, llm: { baseUrl: fake.baseUrl, apiKey: "sk-same-server" } });
    expect(fake.embeddingRequests.at(-1)?.authorization).toBe("Bearer sk-same-server");
    const embeddings = await createEmbeddings({ ...selection, llm: { baseUrl: "https://api.example.test/v1", apiKey: "sk-other-server" } });
    expect(fake.embeddingRequests.at(-1)?.authorization).toBe("Bearer not-needed");
    expect(embeddings).toBeInstanceOf(OpenAICompatibleEmbeddings);
  });

  it("builds the index with its vectors (fused with the lexical retriever), and a new model rebuilds it", async () => {
    const options = { root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir };
    const first = await OpenAICompatibleEmbeddings.create({ baseUrl: fake.baseUrl, model: "model-a" });
    const rag = await createRag({ ...options, embeddings: first });
    const manifest = () => JSON.parse(readFileSync(join(project.indexDir, "manifest.json"), "utf8")) as { embedder: unknown; builtAt: string };
    expect(manifest().embedder).toEqual({ id: "openai-compatible:model-a", dimensions: 24 });
    const before = fake.embeddingRequests.length;
    const answer = await rag.answer("Who is Michele Sison?");
    expect(answer.kind).toBe("answered");
    expect(fake.embeddingRequests.slice(before).map((r) => r.input)).toEqual([["Who is Michele Sison?"]]); // the question, not its translations

    const builtAt = manifest().builtAt;
    await createRag({ ...options, embeddings: first });
    expect(manifest().builtAt).toBe(builtAt);
    await createRag({ ...options, embeddings: await OpenAICompatibleEmbeddings.create({ baseUrl: fake.baseUrl, model: "model-b" }) });
    expect(manifest().embedder).toEqual({ id: "openai-compatible:model-b", dimensions: 24 });
  });

  it("an unreachable server stops startup with an error naming the server and model, never the key", async () => {
    const closed = await startFakeOpenAI();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await OpenAICompatibleEmbeddings.create({ baseUrl, model: "bge-m3", apiKey: "sk-secret-value", maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingsError);
    expect(error).toMatchObject({ code: "unavailable" });
    expect(String((error as Error).message)).toContain("bge-m3");
    expect(String((error as Error).message)).not.toContain("sk-secret-value");
  });
});
