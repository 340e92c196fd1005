import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buildSegments,
  checkedVectors,
  EXACT_FILE,
  readVectors,
  SEGMENT_LABELS,
  segmentOf,
  storedVectors,
  writeVectors,
  type SentenceVectors,
} from "../../src/rag/vectors.js";
import { REPO_ROOT } from "../helpers/project.js";

const DIMENSIONS = 8;
/** Point `at`'s vector: distinct for each point, so a point read back is known by its vector. */
const vectorAt = (at: number): number[] => Array.from({ length: DIMENSIONS }, (_, d) => Math.sin(at * 7 + d) + (d === at % DIMENSIONS ? 2 : 0));
/** storedVectors reads through the index's manifest for the dimensions only. */
const asIndex = (vectors: SentenceVectors) => ({ ...vectors, manifest: { embedder: { id: "test", dimensions: DIMENSIONS } } }) as unknown as Parameters<typeof storedVectors>[0];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "vectors-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the graph in segments", () => {
  it("labels a point by its segment and its place there, and holds each vector under its label", async () => {
    const { labels, segments } = buildSegments(25, 10, DIMENSIONS, vectorAt);
    expect(segments.map((s) => s.id)).toEqual([0, 1, 2]);
    expect(labels[0]).toBe(0);
    expect(labels[13]).toBe(SEGMENT_LABELS + 3);
    expect(Array.from(labels, segmentOf)).toEqual(Array.from({ length: 25 }, (_, at) => Math.floor(at / 10)));
    const stored = await storedVectors(asIndex({ labels, segments }));
    expect(stored.size).toBe(25);
    const norm = (v: readonly number[]) => Math.hypot(...v);
    // Cosine graphs store normalised vectors.
    for (const at of [0, 9, 13, 24]) {
      const got = stored.get(labels[at] as number);
      expect(got).toHaveLength(DIMENSIONS);
      const want = vectorAt(at).map((x) => x / norm(vectorAt(at)));
      got?.forEach((x, d) => expect(x).toBeCloseTo(want[d] ?? NaN, 5));
    }
  });
});

describe("writing and reading the vectors", () => {
  it("reads back the segments it wrote, checked against the sentences' labels", async () => {
    const built = buildSegments(25, 10, DIMENSIONS, vectorAt);
    await writeVectors(dir, built);
    const read = await readVectors(dir, DIMENSIONS);
    expect(read.exact).toBeUndefined();
    const { segments } = checkedVectors(read, built.labels);
    expect(segments?.map((s) => s.graph.getCurrentCount())).toEqual([10, 10, 5]);
  });

  it("refuses a folder holding no vectors, and labels that name a segment it does not hold", async () => {
    expect(() => checkedVectors({ exact: undefined, segments: undefined }, Int32Array.of(0))).toThrow(`neither ${EXACT_FILE} nor graph segments`);
    const built = buildSegments(15, 10, DIMENSIONS, vectorAt);
    await writeVectors(dir, built);
    const read = await readVectors(dir, DIMENSIONS);
    expect(() => checkedVectors(read, Int32Array.of(0, 3 * SEGMENT_LABELS))).toThrow("labels.bin names points of graph-003.index, which the index does not hold");
    // More sentences in segment 1 than it holds points (5).
    const tooMany = Int32Array.from({ length: 7 }, (_, i) => SEGMENT_LABELS + i);
    expect(() => checkedVectors(read, tooMany)).toThrow("graph-001.index holds 5 points for 7 sentences");
  });

  it("reads back an exact copy it wrote, and refuses one whose labels are not the sentences'", async () => {
    const exact = new hnswlib.BruteforceSearch("cosine", DIMENSIONS);
    exact.initIndex(8);
    for (const label of [0, 1, 2, 3]) exact.addPoint(vectorAt(label), label);
    await writeVectors(dir, { labels: Int32Array.of(0, 1, 2, 3), exact });
    const read = await readVectors(dir, DIMENSIONS);
    expect(read.segments).toBeUndefined();
    expect(read.exact?.labels).toEqual([0, 1, 2, 3]);
    expect(checkedVectors(read, Int32Array.of(3, 2, 1, 0)).exact?.getCurrentCount()).toBe(4);
    expect(() => checkedVectors(read, Int32Array.of(0, 1, 2))).toThrow(`${EXACT_FILE} holds 4 vectors for 3 sentences`);
    expect(() => checkedVectors(read, Int32Array.of(0, 1, 2, 9))).toThrow(`${EXACT_FILE} holds a label that no sentence has`);
    // Read with other dimensions, the file's size gives it away.
    await expect(readVectors(dir, DIMENSIONS + 1)).rejects.toThrow(`not vectors of ${DIMENSIONS + 1} dimensions`);
  });
});

describe("writeFilteredExact", () => {
  it("closes the files it opened when a later one cannot be opened", () => {
    // In a process of its own: this worker's file descriptors are not its own to count. Only descriptors of the
    // files in the scratch folder count: the runtime opens others of its own now and then (one run in twelve).
    const script = `
      import { mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync } from "node:fs";
      import { tmpdir } from "node:os";
      import { join } from "node:path";
      import hnswlib from "hnswlib-node";
      import { writeFilteredExact } from "./src/rag/vectors.ts";
      const dir = realpathSync(mkdtempSync(join(tmpdir(), "exact-")));
      const small = (label) => {
        const index = new hnswlib.BruteforceSearch("cosine", 4);
        index.initIndex(2);
        index.addPoint([1, 2, 3, label], label);
        index.writeIndexSync(join(dir, label + ".index"));
        return join(dir, label + ".index");
      };
      const [source, added] = [small(1), small(2)];
      const target = (fd) => { try { return readlinkSync("/proc/self/fd/" + fd); } catch { return ""; } };
      const fds = () => readdirSync("/proc/self/fd").filter((fd) => target(fd).startsWith(dir)).length;
      const before = fds();
      const error = await writeFilteredExact(source, added, new Set(), 4, join(dir, "missing", "out.index")).catch((e) => e.code);
      process.stdout.write(JSON.stringify({ error, before, leaked: fds() - before }));
      rmSync(dir, { recursive: true, force: true });`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ error: "ENOENT", before: 0, leaked: 0 });
  });
});

