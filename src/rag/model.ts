/**
 * The two fitted decisions of the core, read from `data/models.json` (written by `scripts/fit-models.ts`,
 * cross-validated on the development sets): a logistic re-ranker over each candidate sentence's features (its
 * order learnt from pairs of candidates, its scale calibrated to a chance of holding the answer), and a logistic
 * answer-or-decline model over the question's. Its hash is part of the index's identity.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Language } from "./types.js";

export const MODELS_PATH = fileURLToPath(new URL("../../data/models.json", import.meta.url));

/** Features of one candidate sentence, in this order (see retrieve.ts for their definitions). */
export const RANK_FEATURES = [
  "sentence", "passage", "dense", "base", "sentenceCover", "passageCover", "previousCover", "nextCover",
  "inverseRank", "quantityNumber", "timeDate", "typedWithoutNumber", "logLength", "firstInPassage",
] as const;

/** Features of one question, in this order (see retrieve.ts). */
export const DECLINE_FEATURES = [
  "coverage", "focus", "bestProbability", "margin", "bestSentenceCover", "missingNames", "missingShare", "terms", "arabic",
  "fuzzyShare", "bestLexical", "bestDense", "arabicCoverage", "arabicMissingShare", "arabicSentenceCover",
  "longestMissing", "arabicLongestMissing", "missingKnownNames", "manySources", "sourceShare",
] as const;

/** The decline features that read how the evidence spreads over several briefings (0 for a corpus of one). */
export const SOURCE_FEATURES = ["manySources", "sourceShare"] as const satisfies readonly (typeof DECLINE_FEATURES)[number][];

export type RankFeature = (typeof RANK_FEATURES)[number];
export type DeclineFeature = (typeof DECLINE_FEATURES)[number];

/**
 * A feature vector in the order of `names` from values given by name: a feature left out or misspelt is a type
 * error, where a positional array would feed the models a shifted vector without a word.
 */
export function featureVector<const N extends readonly string[]>(names: N, values: Readonly<Record<N[number], number>>): Float64Array {
  return Float64Array.from(names, (name: N[number]) => values[name]);
}

/** One named feature of a candidate's re-ranking vector (RANK_FEATURES order); 0 when absent. */
export function rankFeature(features: ArrayLike<number> | undefined, name: RankFeature): number {
  return features?.[RANK_FEATURES.indexOf(name)] ?? 0;
}

/** One named feature of a question's decline vector (DECLINE_FEATURES order); 0 when absent. */
export function declineFeature(features: ArrayLike<number>, name: DeclineFeature): number {
  return features[DECLINE_FEATURES.indexOf(name)] ?? 0;
}

/** A logistic model: P = sigmoid(bias + Σ weights[i] * (x[i] - mean[i]) / scale[i]). */
export interface LogisticModel {
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

/** A decline model: answers when P(answerable) is at least the threshold of the question's language. */
export type DeclineModel = LogisticModel & { readonly threshold: Readonly<Record<Language, number>> };

export interface Models {
  /**
   * The re-ranker, and the question languages it orders (where it beat the fused score in cross-validation);
   * for the others its probabilities still feed the decline model but the fused score orders the quotes.
   */
  readonly rank: LogisticModel & { readonly languages?: readonly Language[] };
  /**
   * Answers when P(answerable) is at least the threshold of the question's language: `decline` where the
   * briefings are one article (the source features are then 0 and weigh nothing), `declineMany` where they are
   * several, fitted with the source evidence and thresholded on a corpus of several articles.
   */
  readonly decline: DeclineModel;
  readonly declineMany: DeclineModel;
  /** How the models were fitted and how they scored in cross-validation, for the record. */
  readonly fitted?: unknown;
}

/** The linear part of a logistic model (its log-odds) for features `x`. */
export function logit(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i += 1) {
    z += (model.weights[i] ?? 0) * (((x[i] ?? 0) - (model.mean[i] ?? 0)) / (model.scale[i] || 1));
  }
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

let cached: { models: Models; hash: string } | undefined;
let fingerprint: string | undefined;

/** The fitted models, read once. */
export function loadModels(path = MODELS_PATH): Models {
  if (path !== MODELS_PATH) return readModels(path).models;
  cached ??= readModels(path);
  return cached.models;
}

/**
 * A short hash of the models file, recorded in the index manifest. It does not check the file against this
 * version's features, so scripts/fit-models.ts can build its indexes before it writes a refitted file.
 */
export function modelsFingerprint(): string {
  fingerprint ??= cached?.hash ?? hashOf(readFileSync(MODELS_PATH, "utf8"));
  return fingerprint;
}

const hashOf = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 12);

function readModels(path: string): { models: Models; hash: string } {
  const text = readFileSync(path, "utf8");
  const models = JSON.parse(text) as Models;
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(models.rank.features, RANK_FEATURES) || ![models.decline, models.declineMany].every((m) => m !== undefined && same(m.features, DECLINE_FEATURES))) {
    throw new Error(`${path} does not match this version's features; refit it with scripts/fit-models.ts`);
  }
  // A null read as 0 would load a model that silently ignores its features.
  const finite = (m: LogisticModel): boolean => [...m.mean, ...m.scale, ...m.weights, m.bias].every(Number.isFinite);
  if (![models.rank, models.decline, models.declineMany].every(finite)) {
    throw new Error(`${path} holds a weight that is not a number; refit it with scripts/fit-models.ts`);
  }
  return { models, hash: hashOf(text) };
}
