/**
 * The local ONNX embedder with a tiny BERT-shaped model the test writes itself (random weights, a WordPiece
 * tokenizer over the briefing's words): loading offline, mean pooling and normalisation, and the index
 * round trip. transformers.js is an optional package: without it these tests are skipped locally and fail
 * in CI (CI=true), which installs it (see docs/llm.md).
 */
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logger.js";
import { createEmbeddings, EmbeddingsError } from "../../../src/rag/embedders/index.js";
import { LocalOnnxEmbeddings } from "../../../src/rag/embedders/local-onnx.js";
import { createRag } from "../../../src/rag/index.js";
import { storedVectors } from "../../../src/rag/vectors.js";
import { tempProject, type TempProject } from "../../helpers/project.js";
import { writeTinyBert, type TinyBert } from "./tiny-bert.js";

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve("@huggingface/transformers");
    return true;
  } catch {
    return false;
  }
})();

describe("transformers.js for EMBEDDINGS_MODEL_PATH", () => {
  it("is installed in CI, so the local-model tests below run there", (ctx) => {
    ctx.skip(process.env["CI"] !== "true", "checked where CI=true, as .ci/run sets it");
    expect(installed, "CI must run `npm install --no-save @huggingface/transformers@3.8.1` (see docs/llm.md)").toBe(true);
  });

  it("a folder without a model is refused, naming the missing file", async () => {
    const project = tempProject(false);
    try {
      const error = await LocalOnnxEmbeddings.create({ path: project.root }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddingsError);
      expect(error).toMatchObject({ code: "missing-model", message: expect.stringContaining("config.json") });
    } finally {
      project.remove();
    }
  });
});

describe("a local ONNX sentence-embedding model", () => {
  let project: TempProject;
  let model: TinyBert;

  // Skipped with the reason in the report where the optional runtime is missing (CI installs it: see above).
  beforeEach((ctx) => ctx.skip(!installed, "@huggingface/transformers is not installed (npm install --no-save @huggingface/transformers@3.8.1)"));
  beforeAll(() => {
    if (!installed) return;
    project = tempProject();
    const seed = readFileSync(join(project.seedsDir, "000_9ae3e538818b189d.txt"), "utf8");
    model = writeTinyBert(join(project.root, "models", "tiny-bert"), [seed, "Who is Michele Sison? alpha beta gamma"]);
  });
  afterAll(() => {
    if (installed) project.remove();
  });

  it("loads offline and gives the mean-pooled, normalised output of the graph", async () => {
    const embeddings = await LocalOnnxEmbeddings.create({ path: model.folder });
    expect(embeddings.dimensions).toBe(model.hidden);
    expect(embeddings.expandsQueries).toBe(false);
    expect(embeddings.id).toMatch(/^onnx:tiny-bert:[0-9a-f]{12}$/u);
    const [vector] = await embeddings.embedDocuments(["Alpha  beta"]);
    const expected = model.expectedEmbedding(["alpha", "beta"]);
    expect(vector).toHaveLength(expected.length);
    vector?.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 5));
    expect(Math.hypot(...(vector ?? []))).toBeCloseTo(1, 5);
  });

  it("pads batches without changing a text's vector, across batch boundaries", async () => {
    const embeddings = await LocalOnnxEmbeddings.create({ path: model.folder, batchSize: 2 });
    const texts = ["alpha", "alpha beta gamma michele sison", "ميشال سيسون", "gamma"];
    const batched = await embeddings.embedDocuments(texts);
    for (const [i, text] of texts.entries()) {
      const single = await embeddings.embedQuery(text);
      single.forEach((v, j) => expect(v).toBeCloseTo(batched[i]?.[j] ?? NaN, 5));
    }
    expect(batched[0]).not.toEqual(batched[3]);
  });

  it("is chosen by EMBEDDINGS_MODEL_PATH, builds the index, records itself in the manifest, and loads it back", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      secrets: [],
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const config = { embeddings: { baseUrl: "http://127.0.0.1:9/v1", model: "unused", modelPath: model.folder }, llm: undefined };
    const options = { root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, logger };

    await createRag(options); // first with the built-in embedder
    const embeddings = await createEmbeddings(config, logger);
    expect(embeddings).toBeInstanceOf(LocalOnnxEmbeddings);
    if (!embeddings) return;
    const first = await createRag({ ...options, embeddings });
    expect(lines.join("")).toContain("index built by another version or embedder; rebuilding it for this one");
    const manifest = JSON.parse(readFileSync(join(project.indexDir, "manifest.json"), "utf8")) as { embedder: unknown };
    expect(manifest.embedder).toEqual({ id: embeddings.id, dimensions: model.hidden });
    expect(first.info().embedder).toBe(embeddings.id);

    lines.length = 0;
    const second = await createRag({ ...options, embeddings });
    expect(lines.join("")).not.toContain("index built");
    expect((await storedVectors(second.index)).get(0)).toEqual((await storedVectors(first.index)).get(0));
    const answer = await second.answer("Who is Michele Sison?");
    expect(answer.kind).toBe("answered");
    if (answer.kind === "answered") {
      const text = readFileSync(join(project.root, answer.citations[0]?.source ?? ""), "utf8");
      for (const c of answer.citations) expect(text.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it("other weights in the same folder get another id, so the index is rebuilt", async () => {
    const before = (await LocalOnnxEmbeddings.create({ path: model.folder })).id;
    const config = JSON.parse(readFileSync(join(model.folder, "config.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(model.folder, "config.json"), JSON.stringify({ ...config, note: "retrained" }));
    expect((await LocalOnnxEmbeddings.create({ path: model.folder })).id).not.toBe(before);
  });
});
