/**
 * Graph segments built in worker threads: the same graphs as the main thread builds, and failures reported.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGraphWorkers, GraphWorkerError, type GraphJob, type GraphWorkersOptions } from "../../src/rag/graph-workers.js";

/** Builds `ids`' jobs in workers, submitted all at once. */
async function buildGraphsInWorkers(ids: readonly number[], jobOf: (id: number) => GraphJob, options: GraphWorkersOptions): Promise<void> {
  const workers = createGraphWorkers(options);
  for (const id of ids) workers.submit(jobOf(id));
  await workers.finish();
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "graph-workers-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DIMENSIONS = 12;

/** Job `id`: 200 + 50 * id deterministic pseudo-random points, labelled from id * 1000. */
function job(id: number): GraphJob {
  const count = 200 + 50 * id;
  let state = id + 1;
  const vectors = Float32Array.from({ length: count * DIMENSIONS }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 31 - 1;
  });
  return { id, labels: Int32Array.from({ length: count }, (_, i) => id * 1000 + i), vectors };
}

describe("graph workers", () => {
  it("writes, for each job, the file of the graph the main thread builds of the same points", async () => {
    const written: number[] = [];
    await buildGraphsInWorkers([0, 1, 2], job, {
      workers: 2,
      dimensions: DIMENSIONS,
      fileOf: (id) => join(dir, `w-${id}.index`),
      onWritten: async (id) => void written.push(id),
    });
    expect(written.sort()).toEqual([0, 1, 2]);
    for (const id of [0, 1, 2]) {
      const { labels, vectors } = job(id);
      const graph = new hnswlib.HierarchicalNSW("cosine", DIMENSIONS);
      graph.initIndex(labels.length);
      labels.forEach((label, i) => graph.addPoint(Array.from(vectors.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS)), label));
      await graph.writeIndex(join(dir, `main-${id}.index`));
      expect(readFileSync(join(dir, `w-${id}.index`)).equals(readFileSync(join(dir, `main-${id}.index`))), `segment ${id}`).toBe(true);
    }
  });

  it("reports a segment it cannot build as GraphWorkerError naming it, after the files already written were handled", async () => {
    const written: number[] = [];
    // Segment 1's vectors are short of its points: hnswlib refuses a point that is not all numbers.
    const broken = (id: number): GraphJob => (id === 1 ? { ...job(1), vectors: job(1).vectors.slice(0, 10 * DIMENSIONS) } : job(id));
    const error = await buildGraphsInWorkers([0, 1, 2], broken, {
      workers: 1,
      dimensions: DIMENSIONS,
      fileOf: (id) => join(dir, `w-${id}.index`),
      onWritten: async (id) => void written.push(id),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphWorkerError);
    expect(error).toMatchObject({ segment: 1, message: expect.stringContaining("building graph segment 1 failed") });
    expect(written).toEqual([0]);
  });

  it("reports a failure of reading a written file", async () => {
    const error = await buildGraphsInWorkers([0], job, {
      workers: 2,
      dimensions: DIMENSIONS,
      fileOf: (id) => join(dir, `w-${id}.index`),
      onWritten: async () => {
        throw new Error("cannot read it back");
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: "cannot read it back" });
  });

  it("skips what is left once abandoned, and finishes without an error", async () => {
    const written: number[] = [];
    const workers = createGraphWorkers({ workers: 1, dimensions: DIMENSIONS, fileOf: (id) => join(dir, `w-${id}.index`), onWritten: async (id) => void written.push(id) });
    for (const id of [5, 6, 7]) workers.submit(job(id));
    workers.abandon();
    await workers.finish();
    expect(written.length).toBeLessThan(3);
  });
});
