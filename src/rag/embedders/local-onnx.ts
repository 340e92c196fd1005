/**
 * Neural embeddings computed in process from a local ONNX sentence-embedding model folder (as exported by
 * Optimum / published by Xenova: config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), with
 * transformers.js: mean pooling over the attention mask, then L2 normalisation. Nothing is downloaded:
 * remote models are switched off and the folder is read as is.
 *
 * transformers.js (and its ONNX runtime, a few hundred MB) is not part of the default install: it is loaded
 * on first use, with a clear message when it is missing. See docs/llm.md.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import type { IndexEmbeddings } from "./types.js";
import { EmbeddingsError } from "./errors.js";

/** The package, and the version tested with this code. */
export const TRANSFORMERS_PACKAGE = "@huggingface/transformers";
export const TRANSFORMERS_VERSION = "3.8.1";

const REQUIRED_FILES = ["config.json", "tokenizer.json", join("onnx", "model.onnx")];
const PROBE = "dimension probe";

/** The part of transformers.js used here. */
interface Tensor {
  tolist(): unknown;
}
type FeatureExtractor = ((texts: string[], options: { pooling: "mean"; normalize: boolean }) => Promise<Tensor>) & { dispose?: () => Promise<void> };
interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline(task: "feature-extraction", model: string, options: Record<string, unknown>): Promise<FeatureExtractor>;
}

export interface LocalOnnxEmbeddingsOptions {
  /** The model folder. */
  readonly path: string;
  /** Texts per forward pass. Default 16. */
  readonly batchSize?: number;
}

/** Loads transformers.js, or says how to install it. */
export async function loadTransformers(): Promise<TransformersModule> {
  const specifier: string = TRANSFORMERS_PACKAGE; // a variable, so the type check does not need the package
  try {
    return (await import(specifier)) as TransformersModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new EmbeddingsError(
        "missing-package",
        `EMBEDDINGS_MODEL_PATH needs ${TRANSFORMERS_PACKAGE}: run \`npm install --no-save ${TRANSFORMERS_PACKAGE}@${TRANSFORMERS_VERSION}\` (see docs/llm.md)`,
        { cause: error },
      );
    }
    throw new EmbeddingsError("missing-package", `cannot load ${TRANSFORMERS_PACKAGE}`, { cause: error });
  }
}

/** An embedder the index can record; create it with {@link LocalOnnxEmbeddings.create}. */
export class LocalOnnxEmbeddings extends Embeddings implements IndexEmbeddings {
  /** A multilingual model meets a question in one language and a passage in another by itself. */
  readonly expandsQueries = false;

  private constructor(
    private readonly extractor: FeatureExtractor,
    readonly id: string,
    readonly dimensions: number,
    private readonly batchSize: number,
  ) {
    super({});
  }

  /**
   * Checks the folder, loads the model offline and learns the vector length.
   * @throws EmbeddingsError "missing-model" (naming the missing file), "missing-package" or "bad-model".
   */
  static async create(options: LocalOnnxEmbeddingsOptions): Promise<LocalOnnxEmbeddings> {
    const folder = resolve(options.path);
    for (const file of REQUIRED_FILES) {
      if (!existsSync(join(folder, file))) throw new EmbeddingsError("missing-model", `EMBEDDINGS_MODEL_PATH ${folder} has no ${file}`);
    }
    const transformers = await loadTransformers();
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    transformers.env.localModelPath = `${dirname(folder)}/`;
    let extractor: FeatureExtractor;
    let probe: number[] | undefined;
    try {
      extractor = await transformers.pipeline("feature-extraction", basename(folder), { local_files_only: true, dtype: "fp32", device: "cpu" });
      probe = vectors(await extractor([PROBE], { pooling: "mean", normalize: true }))[0];
    } catch (error) {
      throw new EmbeddingsError("bad-model", `cannot run the ONNX model in ${folder}`, { cause: error });
    }
    if (!probe || probe.length === 0) throw new EmbeddingsError("bad-model", `the ONNX model in ${folder} gives no vector`);
    return new LocalOnnxEmbeddings(extractor, await modelId(folder), probe.length, options.batchSize ?? 16);
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += this.batchSize) {
      out.push(...vectors(await this.extractor(documents.slice(i, i + this.batchSize), { pooling: "mean", normalize: true })));
    }
    return out;
  }

  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    if (!vector) throw new EmbeddingsError("bad-model", "the ONNX model gave no vector");
    return vector;
  }

  /** Frees the ONNX session. */
  async dispose(): Promise<void> {
    await this.extractor.dispose?.();
  }
}

function vectors(tensor: Tensor): number[][] {
  const list = tensor.tolist();
  if (!Array.isArray(list) || !list.every((row) => Array.isArray(row) && row.every((x) => typeof x === "number" && Number.isFinite(x)))) {
    throw new EmbeddingsError("bad-model", "the ONNX model's pooled output is not a list of vectors");
  }
  return list as number[][];
}

/** Folder name plus a fingerprint of its config and file sizes: other weights in the same folder rebuild the index. */
async function modelId(folder: string): Promise<string> {
  const hash = createHash("sha256").update(await readFile(join(folder, "config.json")));
  for (const file of REQUIRED_FILES.slice(1)) hash.update(`:${(await stat(join(folder, file))).size}`);
  return `onnx:${basename(folder)}:${hash.digest("hex").slice(0, 12)}`;
}
