import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DECLINE_FEATURES, declineFeature, loadModels, logit, MODELS_PATH, RANK_FEATURES, rankFeature, sigmoid, SOURCE_FEATURES, type LogisticModel } from "../../src/rag/model.js";

describe("the fitted models", () => {
  it("data/models.json matches this version's features, each decline model with a threshold per language", () => {
    const models = loadModels();
    expect(models.rank.features).toEqual(RANK_FEATURES);
    for (const decline of [models.decline, models.declineMany]) {
      expect(decline.features).toEqual(DECLINE_FEATURES);
      for (const t of Object.values(decline.threshold)) expect(t).toBeGreaterThan(0), expect(t).toBeLessThan(1);
      expect(Object.keys(decline.threshold).sort()).toEqual(["ar", "en"]);
    }
    // The one-briefing model never sees the source features (0 there), so it gives them no weight.
    for (const name of SOURCE_FEATURES) expect(models.decline.weights[DECLINE_FEATURES.indexOf(name)]).toBe(0);
  });

  it("refuses a models file without the decline model for several briefings", () => {
    const dir = mkdtempSync(join(tmpdir(), "models-"));
    try {
      const { declineMany: _, ...older } = JSON.parse(readFileSync(MODELS_PATH, "utf8")) as Record<string, unknown>;
      const file = join(dir, "models.json");
      writeFileSync(file, JSON.stringify(older));
      expect(() => loadModels(file)).toThrow(/scripts\/fit-models\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a models file fitted for other features, naming the script that refits it", () => {
    const dir = mkdtempSync(join(tmpdir(), "models-"));
    try {
      const stale = JSON.parse(readFileSync(MODELS_PATH, "utf8")) as { rank: LogisticModel };
      const file = join(dir, "models.json");
      writeFileSync(file, JSON.stringify({ ...stale, rank: { ...stale.rank, features: ["sentence"] } }));
      expect(() => loadModels(file)).toThrow(/scripts\/fit-models\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a models file holding a weight that is not a number (a fit without samples writes NaN as null)", () => {
    const dir = mkdtempSync(join(tmpdir(), "models-"));
    try {
      const fitted = JSON.parse(readFileSync(MODELS_PATH, "utf8")) as { rank: LogisticModel };
      const file = join(dir, "models.json");
      writeFileSync(file, JSON.stringify({ ...fitted, rank: { ...fitted.rank, weights: fitted.rank.weights.map((w, i) => (i === 2 ? null : w)) } }));
      expect(() => loadModels(file)).toThrow(/not a number.*scripts\/fit-models\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a feature by its name, 0 when the vector is missing", () => {
    const rank = Float64Array.from(RANK_FEATURES, (_, i) => i + 1);
    expect(rankFeature(rank, "previousCover")).toBe(RANK_FEATURES.indexOf("previousCover") + 1);
    expect(rankFeature(undefined, "nextCover")).toBe(0);
    const decline = Float64Array.from(DECLINE_FEATURES, (_, i) => 10 * i);
    expect(declineFeature(decline, "missingShare")).toBe(10 * DECLINE_FEATURES.indexOf("missingShare"));
  });

  it("standardises each feature before weighting it", () => {
    const model: LogisticModel = { features: ["a", "b"], mean: [1, 0], scale: [2, 1], weights: [4, -1], bias: 0.5 };
    expect(logit(model, [3, 2])).toBeCloseTo(0.5 + 4 * 1 - 2);
    expect(sigmoid(0)).toBe(0.5);
  });
});
