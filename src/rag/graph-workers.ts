/**
 * Graph segments built in worker threads. hnswlib builds a graph on one core, one point at a time (most of a
 * build at 10,000 briefings); segments built side by side use every core. Each worker writes its segment's file
 * (hnswlib's own format), which the main thread reads back and later moves into the index folder.
 *
 * The worker is plain JavaScript evaluated from a string: a worker does not inherit the TypeScript loader the
 * process runs under (Node 20), and it needs nothing but hnswlib-node, required by its resolved path.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** One segment to build: its points' labels and their vectors, `dimensions` numbers each, in that order. */
export interface GraphJob {
  readonly id: number;
  readonly labels: Int32Array<ArrayBuffer>;
  readonly vectors: Float32Array<ArrayBuffer>;
}

export interface GraphWorkersOptions {
  /** Worker threads at most (started as jobs come). */
  readonly workers: number;
  readonly dimensions: number;
  /** The file a segment's graph is written to. */
  readonly fileOf: (id: number) => string;
  /** Called as each segment's file is written (the others are still being built meanwhile). */
  readonly onWritten: (id: number, file: string) => Promise<void>;
}

/** Worker threads building graph segments (see createGraphWorkers). */
export interface GraphWorkers {
  /**
   * Hands `job` to the worker with the fewest points so far (starting one while there are fewer than
   * `workers`); its arrays are moved to the worker, not copied. After a failure it does nothing (finish throws).
   */
  submit(job: GraphJob): void;
  /**
   * Waits until every job submitted is written and its `onWritten` has settled (or one failed), then stops the
   * workers. Call it once, also when the caller gives up: it is what stops them.
   * @throws GraphWorkerError when a worker failed or ended early, or what `onWritten` threw (an AggregateError
   * when several failed).
   */
  finish(): Promise<void>;
  /** Tells the workers to skip what is left (the caller no longer wants it): finish then returns soon. */
  abandon(): void;
}

/**
 * What a worker runs: for each job, the graph as vectors.ts's newGraph makes it, its points added in order. Once
 * the shared stop flag is set (another segment failed) it skips its jobs, or the rest of one, and says so: a
 * worker is stopped only when idle, because terminating one inside a call of the native addon aborts the whole
 * process.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const hnswlib = require(workerData.hnswlib);
const stop = new Int32Array(workerData.stop);
const stopped = () => Atomics.load(stop, 0) !== 0;
parentPort.on("message", async ({ id, labels, vectors, dimensions, file }) => {
  try {
    if (stopped()) return parentPort.postMessage({ id, skipped: true });
    // A point that is not all numbers crashes the native addon: the shape is checked first.
    if (vectors.length !== labels.length * dimensions) throw new Error(labels.length + " points of " + dimensions + " dimensions, but " + vectors.length + " numbers");
    const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
    graph.initIndex(Math.max(1, labels.length));
    const point = new Array(dimensions);
    for (let i = 0; i < labels.length; i += 1) {
      if (i % 1024 === 0 && stopped()) return parentPort.postMessage({ id, skipped: true });
      for (let d = 0; d < dimensions; d += 1) point[d] = vectors[i * dimensions + d];
      graph.addPoint(point, labels[i]);
    }
    await graph.writeIndex(file);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

/** A worker's failure, with the segment it was building. */
export class GraphWorkerError extends Error {
  override readonly name = "GraphWorkerError";
  constructor(
    readonly segment: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Worker threads that build graph segments and write each to `options.fileOf(id)`. Jobs are handed out as they
 * are submitted, so a worker does not wait for the main thread to give it the next: the main thread can go on
 * with other work (embedding the next segment's sentences, analysing the matching keys) meanwhile.
 */
export function createGraphWorkers(options: GraphWorkersOptions): GraphWorkers {
  const hnswlibPath = createRequire(import.meta.url).resolve("hnswlib-node");
  /** Set to 1 after a failure: the workers skip what is left (see WORKER_SOURCE). */
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const slots: { readonly worker: Worker; points: number; jobs: number; crashed: boolean }[] = [];
  const reads: Promise<void>[] = [];
  const failures: unknown[] = [];
  let pending = 0;
  let wake: (() => void) | undefined;
  const settle = (slot: (typeof slots)[number], jobs: number): void => {
    slot.jobs -= jobs;
    pending -= jobs;
    if (pending === 0) wake?.();
  };
  const fail = (error: unknown): void => {
    failures.push(error);
    Atomics.store(stop, 0, 1);
  };
  const start = (): (typeof slots)[number] => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hnswlib: hnswlibPath, stop: stop.buffer } });
    const slot = { worker, points: 0, jobs: 0, crashed: false };
    worker.on("message", (message: { id: number; error?: string; skipped?: boolean }) => {
      if (message.error !== undefined) fail(new GraphWorkerError(message.id, `building graph segment ${message.id} failed: ${message.error}`));
      else if (!message.skipped) reads.push(options.onWritten(message.id, options.fileOf(message.id)).catch(fail));
      settle(slot, 1);
    });
    worker.on("error", (error) => {
      slot.crashed = true;
      fail(new GraphWorkerError(undefined, "a graph worker failed", { cause: error }));
    });
    // A worker that ends with segments still to build (finish stops them only once they are all built); one that
    // crashed has said so already.
    worker.on("exit", (code) => {
      if (slot.jobs === 0) return;
      if (!slot.crashed) fail(new GraphWorkerError(undefined, `a graph worker exited with code ${code} before its segments were built`));
      settle(slot, slot.jobs);
    });
    return slot;
  };
  return {
    submit(job) {
      if (failures.length > 0) return;
      let slot = slots.length > 0 ? slots.reduce((a, b) => (b.points < a.points ? b : a)) : undefined;
      if (!slot || (slot.points > 0 && slots.length < options.workers)) {
        try {
          slot = start();
        } catch (error) {
          return fail(new GraphWorkerError(job.id, "cannot start a graph worker", { cause: error }));
        }
        slots.push(slot);
      }
      slot.points += job.labels.length;
      slot.jobs += 1;
      pending += 1;
      const message = { id: job.id, labels: job.labels, vectors: job.vectors, dimensions: options.dimensions, file: options.fileOf(job.id) };
      slot.worker.postMessage(message, [job.labels.buffer, job.vectors.buffer]);
    },
    async finish() {
      // After a failure the workers skip what is left, so this wait is short; each is idle when stopped.
      if (pending > 0) await new Promise<void>((resolve) => (wake = resolve));
      await Promise.all(slots.map((s) => s.worker.terminate()));
      // Every read settles before this returns or throws: none is left reading a file its caller may remove.
      await Promise.all(reads);
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, "building the graph segments failed");
    },
    abandon() {
      Atomics.store(stop, 0, 1);
    },
  };
}
