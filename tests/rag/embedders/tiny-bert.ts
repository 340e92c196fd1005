/**
 * Writes a tiny BERT-shaped sentence-embedding model folder, as Optimum exports one, so the local-model path
 * is tested offline with no download: config.json, tokenizer.json (a WordPiece tokenizer over the words of
 * the given texts), tokenizer_config.json and onnx/model.onnx with random weights.
 *
 * The ONNX graph takes input_ids, attention_mask and token_type_ids (int64, [batch, seq]) and returns
 * last_hidden_state (float, [batch, seq, hidden]):
 *   h = tanh((word_embeddings[input_ids] + type_embeddings[token_type_ids]) · W + b) * attention_mask
 * The protobuf is written by hand (the few ONNX messages needed, field numbers from onnx.proto), so the test
 * needs no protobuf package. `expectedEmbedding` computes, in plain TypeScript, what mean pooling and L2
 * normalisation of that graph's output must give.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRandom } from "../../../bench/synthetic.js";

export interface TinyBert {
  readonly folder: string;
  readonly hidden: number;
  readonly vocab: ReadonlyMap<string, number>;
  /** The embedding the model must give `words` (already lower-case and in the vocabulary), mean pooled and normalised. */
  expectedEmbedding(words: readonly string[]): number[];
}

const SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

/** Writes the model folder into `folder` (created) with a vocabulary of the words in `texts`. */
export function writeTinyBert(folder: string, texts: readonly string[], hidden = 16, seed = 42): TinyBert {
  const words = [...new Set(texts.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))].sort();
  const tokens = [...SPECIAL, ...words];
  const vocab = new Map(tokens.map((t, i) => [t, i]));
  const random = createRandom(seed); // seeded: the same weights on every run
  const matrix = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => random() * 2 - 1));
  const wordEmbeddings = matrix(tokens.length, hidden);
  const typeEmbeddings = matrix(2, hidden);
  const weight = matrix(hidden, hidden);
  const bias = matrix(1, hidden)[0] ?? [];

  mkdirSync(join(folder, "onnx"), { recursive: true });
  writeFileSync(join(folder, "config.json"), JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: hidden, vocab_size: tokens.length, max_position_embeddings: 512, type_vocab_size: 2 }, null, 2));
  writeFileSync(join(folder, "tokenizer_config.json"), JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 512, unk_token: "[UNK]", cls_token: "[CLS]", sep_token: "[SEP]", pad_token: "[PAD]", mask_token: "[MASK]" }, null, 2));
  writeFileSync(join(folder, "tokenizer.json"), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(join(folder, "onnx", "model.onnx"), modelProto(wordEmbeddings, typeEmbeddings, weight, bias));

  return {
    folder,
    hidden,
    vocab,
    expectedEmbedding(input) {
      const ids = [vocab.get("[CLS]") ?? 2, ...input.map((w) => vocab.get(w) ?? 1), vocab.get("[SEP]") ?? 3];
      const sum = new Array<number>(hidden).fill(0);
      for (const id of ids) {
        const x = (wordEmbeddings[id] ?? []).map((v, j) => v + (typeEmbeddings[0]?.[j] ?? 0));
        for (let k = 0; k < hidden; k += 1) {
          let z = bias[k] ?? 0;
          for (let j = 0; j < hidden; j += 1) z += (x[j] ?? 0) * (weight[j]?.[k] ?? 0);
          sum[k] = (sum[k] ?? 0) + Math.tanh(z);
        }
      }
      const mean = sum.map((v) => v / ids.length);
      const norm = Math.hypot(...mean) || 1;
      return mean.map((v) => v / norm);
    },
  };
}

function tokenizerJson(vocab: ReadonlyMap<string, number>): unknown {
  const special = (content: string) => ({ id: vocab.get(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const cls = vocab.get("[CLS]");
  const sep = vocab.get("[SEP]");
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": { id: "[CLS]", ids: [cls], tokens: ["[CLS]"] }, "[SEP]": { id: "[SEP]", ids: [sep], tokens: ["[SEP]"] } },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab) },
  };
}

// --- The ONNX protobuf, by hand -------------------------------------------------------------------------

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

function varint(value: number | bigint): number[] {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

type Field = number[];
const key = (field: number, wire: number): number[] => varint((field << 3) | wire);
const int = (field: number, value: number): Field => [...key(field, 0), ...varint(value)];
const bytes = (field: number, data: Uint8Array | readonly number[]): Field => [...key(field, 2), ...varint(data.length), ...data];
const str = (field: number, text: string): Field => bytes(field, new TextEncoder().encode(text));
const message = (field: number, ...fields: Field[]): Field => bytes(field, fields.flat());

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian). */
function tensor(name: string, dims: readonly number[], values: readonly number[], type = FLOAT): Field[] {
  const raw = new Uint8Array(values.length * (type === FLOAT ? 4 : 8));
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => (type === FLOAT ? view.setFloat32(i * 4, v, true) : view.setBigInt64(i * 8, BigInt(v), true)));
  return [...dims.map((d) => int(1, d)), int(2, type), str(8, name), bytes(9, raw)];
}

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. */
function node(op: string, inputs: readonly string[], outputs: readonly string[], attributes: Field[][] = []): Field[] {
  return [...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, `${op}_${outputs[0]}`), str(4, op), ...attributes.map((a) => message(5, ...a))];
}

/** ValueInfoProto name = 1, type = 2 -> TypeProto.tensor_type = 1 -> elem_type = 1, shape = 2 -> dim = 1 -> dim_value = 1 | dim_param = 2. */
function valueInfo(name: string, type: number, shape: readonly (string | number)[]): Field[] {
  const dims = shape.map((d) => message(1, typeof d === "number" ? int(1, d) : str(2, d)));
  return [str(1, name), message(2, message(1, int(1, type), message(2, ...dims)))];
}

function modelProto(wordEmbeddings: number[][], typeEmbeddings: number[][], weight: number[][], bias: number[]): Uint8Array {
  const hidden = bias.length;
  const initializers = [
    tensor("word_embeddings", [wordEmbeddings.length, hidden], wordEmbeddings.flat()),
    tensor("type_embeddings", [2, hidden], typeEmbeddings.flat()),
    tensor("dense_weight", [hidden, hidden], weight.flat()),
    tensor("dense_bias", [hidden], bias),
    tensor("unsqueeze_axes", [1], [2], INT64),
  ];
  const nodes = [
    node("Gather", ["word_embeddings", "input_ids"], ["words"]),
    node("Gather", ["type_embeddings", "token_type_ids"], ["types"]),
    node("Add", ["words", "types"], ["embedded"]),
    node("MatMul", ["embedded", "dense_weight"], ["projected"]),
    node("Add", ["projected", "dense_bias"], ["biased"]),
    node("Tanh", ["biased"], ["activated"]),
    // AttributeProto: name = 1, i = 3, type = 20.
    node("Cast", ["attention_mask"], ["mask_float"], [[str(1, "to"), int(3, FLOAT), int(20, ATTRIBUTE_INT)]]),
    node("Unsqueeze", ["mask_float", "unsqueeze_axes"], ["mask_3d"]),
    node("Mul", ["activated", "mask_3d"], ["last_hidden_state"]),
  ];
  // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
  const graph = [
    ...nodes.map((n) => message(1, ...n)),
    str(2, "tiny_bert"),
    ...initializers.map((t) => message(5, ...t)),
    ...["input_ids", "attention_mask", "token_type_ids"].map((name) => message(11, ...valueInfo(name, INT64, ["batch", "sequence"]))),
    message(12, ...valueInfo("last_hidden_state", FLOAT, ["batch", "sequence", hidden])),
  ];
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 (domain = 1, version = 2).
  return Uint8Array.from([...int(1, 8), ...str(2, "briefing-bot tests"), ...message(7, ...graph), ...message(8, str(1, ""), int(2, 13))]);
}

