/**
 * The dense search's parts: the table from vector labels to sentences, and the nearest neighbours of a graph in
 * segments merged.
 */
import hnswlib from "hnswlib-node";
import { describe, expect, it } from "vitest";
import { LabelTable, Nearest } from "../../src/rag/dense.js";
import { buildSegments } from "../../src/rag/vectors.js";

describe("the table of labels", () => {
  it("gives each label's sentence position, as a Map of them would, and nothing for a label no sentence has", () => {
    // An exact copy's labels (0, 1, ...), a segment's (its number times 2^20 plus its own), the largest label.
    const labels = Int32Array.from([0, 1, 65_535, 65_536, 3 * 2 ** 20 + 7, 9 * 2 ** 20, 2 ** 31 - 1, 70_000]);
    const table = new LabelTable(labels);
    expect(table.size).toBe(labels.length);
    labels.forEach((label, at) => expect(table.get(label)).toBe(at));
    for (const absent of [2, 65_537, 3 * 2 ** 20 + 8, 5 * 2 ** 20, 2 ** 31 - 2]) expect(table.get(absent)).toBeUndefined();
  });
});

describe("the dense search over a graph in segments", () => {
  /** Deterministic pseudo-random vectors (a linear congruential generator), in [-1, 1). */
  const vectors = (count: number, dimensions: number, seed: number): number[][] => {
    let state = seed;
    const next = (): number => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 2 ** 31 - 1;
    };
    return Array.from({ length: count }, () => Array.from({ length: dimensions }, next));
  };

  it("returns the exact nearest neighbours of every segment merged, nearest first, also when a segment is smaller than k", () => {
    const dimensions = 16;
    const points = vectors(310, dimensions, 7);
    // Six segments of 50 points and one of 10: each small enough for the graph search to be exact.
    const { labels, segments } = buildSegments(points.length, 50, dimensions, (at) => points[at] ?? []);
    expect(segments.map((s) => s.graph.getCurrentCount())).toEqual([50, 50, 50, 50, 50, 50, 10]);
    const exact = new hnswlib.BruteforceSearch("cosine", dimensions);
    exact.initIndex(points.length);
    points.forEach((point, at) => exact.addPoint(point, labels[at] as number));
    const nearest = new Nearest(40);
    for (const query of vectors(25, dimensions, 11)) {
      const want = exact.searchKnn(query, 40);
      nearest.search(segments, query, 40);
      expect(nearest.count).toBe(40);
      expect([...nearest.labels]).toEqual(want.neighbors);
      nearest.distances.forEach((d, i) => expect(d).toBeCloseTo(want.distances[i] ?? NaN, 5));
      nearest.search(segments, query, 3);
      expect([...nearest.labels.subarray(0, nearest.count)]).toEqual(want.neighbors.slice(0, 3));
    }
  });
});
