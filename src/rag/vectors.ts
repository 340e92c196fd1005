/**
 * The sentence vectors of an index, in memory and on disk: up to EXACT_MAX_VECTORS sentences an exact copy
 * (hnswlib's BruteforceSearch, exact.index), above an hnswlib graph in segments (graph-000.index, ...), each
 * segment's number in its file's name and in its labels' high bits (segmentOf).
 *
 * Built from scratch, a graph's segments are embedded one after another and built in worker threads
 * (graph-workers.ts). An update keeps the unchanged sentences' labels and vectors: the exact copy is copied
 * without the gone points; of the graph, only the segments holding a gone point or taking a new one are copied
 * and updated, the others shared with the previous index and never changed. store.ts decides what to build and
 * writes the rest of the index around these files.
 */
import { existsSync } from "node:fs";
import { link, mkdtemp, open, readdir, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import hnswlib, { type BruteforceSearch, type HierarchicalNSW } from "hnswlib-node";
import { createGraphWorkers, type GraphWorkers } from "./graph-workers.js";
import { attempt, settleAll } from "./settle.js";
import type { IndexEmbeddings } from "./embedders/types.js";
import type { LoadedIndex } from "./store.js";
import type { Logger } from "../logger.js";

/**
 * Points in one segment of the graph at most. Smaller segments build faster (hnswlib's insertion cost grows
 * with the graph: 317,653 vectors took about 455 s as one graph, 223 s as ten of 32,768, on one core), find
 * more of the true neighbours (recall@10 0.70 as one graph, 0.91 in segments of 32,768 at ef 128) and make an
 * update's copy smaller; but a question searches every segment.
 */
export const GRAPH_SEGMENT_SIZE = 32_768;
/**
 * Labels per segment: a segment's labels are its number times this plus a number of its own, so the segment
 * holding a label is `segmentOf(label)` without any table. 2^20 leaves room for a segment's labels to be used
 * up by many updates (new points take new labels) and for 2,047 segments in a 31-bit label.
 */
export const SEGMENT_LABELS = 2 ** 20;
/**
 * The search breadth (ef) of each segment of the graph, for recall (set here on every segment made
 * or read). Over the 317,653 vectors of 10,000 synthetic briefings in segments of 32,768 points, the synthetic
 * questions' recall@10 was 0.88 at ef 40, 0.91 at 64 and 0.93 at 128, for about 3.7, 4.9 and 8.5 ms a question
 * over the ten segments (a diagnostic, with the questions not expanded by their translations).
 */
export const DENSE_EF = 128;
/**
 * Up to this many sentence vectors the dense search is exact (a native brute-force scan, about 3 ms per
 * 30,000 vectors); beyond it the hnswlib graph answers. Hashing vectors of news text are nearly orthogonal,
 * which makes graph search miss neighbours (recall@10 about 0.7 at 30,000 vectors with ef 128).
 */
export const EXACT_MAX_VECTORS = 100_000;
/** The highest segment number (labels are non-negative 32-bit integers). */
const MAX_SEGMENT_ID = 2 ** 31 / SEGMENT_LABELS - 1;
/** The number of the segment holding a point of the graph. */
export const segmentOf = (label: number): number => Math.floor(label / SEGMENT_LABELS);
/** A segment's file in the index folder. */
export const segmentFile = (id: number): string => `graph-${String(id).padStart(3, "0")}.index`;
const SEGMENT_FILE_NAME = /^graph-(\d{3,})\.index$/;
/** Whether `name` is one of an index's vector files: the exact copy or a graph segment. */
export const isVectorFile = (name: string): boolean => name === EXACT_FILE || SEGMENT_FILE_NAME.test(name);

/** The exact copy of the vectors (hnswlib's BruteforceSearch file). */
export const EXACT_FILE = "exact.index";
/** The exact copy's files an update writes in its work folder only: the previous copy, and the points it adds. */
export const PREVIOUS_EXACT_FILE = "previous.index";
export const ADDED_EXACT_FILE = "added.index";

/** One segment of the graph: an hnswlib graph of at most GRAPH_SEGMENT_SIZE points, in a file of its own. */
export interface GraphSegment {
  /** Its number: its file's name (see segmentFile) and its labels' high bits (see segmentOf). */
  readonly id: number;
  readonly graph: HierarchicalNSW;
}

/**
 * Beyond this share of deleted points (briefings removed, not replaced) a segment of the graph is rebuilt from
 * its live vectors.
 */
const MAX_DELETED_SHARE = 0.25;

/** The sentence vectors of an index: each sentence's label, and the exact copy or the graph holding them. */
export interface SentenceVectors {
  readonly labels: Int32Array;
  readonly exact?: BruteforceSearch;
  readonly segments?: readonly GraphSegment[];
}

/** Vectors as built, with the files that already hold some of them. */
export interface BuiltVectors extends SentenceVectors {
  /** A file that holds `exact` as hnswlib would write it (an update's), to be moved into the index folder. */
  readonly exactFile?: string;
  /** Files that hold some of `segments` as hnswlib wrote them (built in workers), to be moved into the index folder. */
  readonly segmentFiles?: ReadonlyMap<GraphSegment, string>;
}

/** Sentence vectors under way: `finish` waits for what worker threads still build (call it exactly once). */
export interface PendingVectors {
  finish(): Promise<BuiltVectors>;
  /** Tells the worker threads to skip what is left (the build failed otherwise); call finish after it. */
  abandon(): void;
}

/** Vectors that are ready. */
const ready = (vectors: BuiltVectors): PendingVectors => ({ finish: async () => vectors, abandon: () => undefined });

/** What {@link startVectors} builds the vectors of. */
export interface VectorsPlan {
  readonly embeddings: IndexEmbeddings;
  readonly logger: Logger | undefined;
  /** Up to this many sentences the vectors go into an exact copy, above into a graph. */
  readonly exactMaxVectors: number;
  /** Points in one segment of the graph at most. */
  readonly segmentSize: number;
  /** Worker threads that build the graph's segments of WORKER_MIN_POINTS points or more; 0 builds them here. */
  readonly workers: number;
  /** Each sentence's position in `previous` (its vector is reused), or -1; one entry per sentence. */
  readonly reused: Int32Array;
  /** The text of the sentence at a position, asked only of the sentences to embed. */
  readonly sentenceText: (at: number) => string;
  /** An index of the same embedder and chunker whose vectors the unchanged sentences keep. */
  readonly previous: LoadedIndex | undefined;
  /** The index folder, when it holds `previous`'s vectors as they are in memory (read from there). */
  readonly saved: string | undefined;
  /** A scratch folder beside the index for an update's files and the segments built in workers. */
  readonly workDir: string | undefined;
}

/**
 * The sentence vectors. Up to `exactMaxVectors` sentences they go into an exact copy (hnswlib's
 * BruteforceSearch; the graph would only approximate it), above into an hnswlib graph in segments. With a
 * `previous`, the unchanged sentences keep their labels and vectors: the exact copy is copied without the gone
 * points, or the graph's segments holding a gone point or taking a new one are copied and updated in place of a
 * rebuild (see updateSegments); only the new sentences are embedded. A graph built from scratch is embedded
 * segment by segment, each handed to a worker thread as soon as it is (see buildGraph): this returns once all
 * are handed out.
 * @param meanwhile work of the caller's (the keys' analysis), run once: after the segments are handed out for
 * a graph built from scratch (while the workers build them), else first.
 */
export async function startVectors(plan: VectorsPlan, meanwhile: () => void): Promise<PendingVectors> {
  const { embeddings, logger, exactMaxVectors: exactMax, segmentSize, reused, sentenceText, previous: old, saved, workDir } = plan;
  const dimensions = embeddings.dimensions;
  const count = reused.length;
  const builder: SegmentBuilder = { dimensions, workers: plan.workers, workDir };
  if (!old && count > exactMax) {
    const pending = await buildGraph(count, segmentSize, builder, (first, end) => embeddings.embedDocuments(Array.from({ length: end - first }, (_, i) => sentenceText(first + i))));
    meanwhile();
    return pending;
  }
  meanwhile();
  const fresh: number[] = [];
  reused.forEach((at, position) => {
    if (at < 0 || !old) fresh.push(position);
  });
  const embedded = await embeddings.embedDocuments(fresh.map(sentenceText));
  const vectorOf = new Map(fresh.map((at, i) => [at, embedded[i] as number[]]));
  const kept = new Set<number>();
  if (old) reused.forEach((at) => at >= 0 && kept.add(at));
  const gone: number[] = [];
  old?.labels.forEach((label, at) => !kept.has(at) && gone.push(label));

  if (count <= exactMax && old?.exact && workDir) {
    let next = 0;
    for (const label of old.labels) next = Math.max(next, label + 1);
    const labels = Int32Array.from(reused, (at) => (at >= 0 ? (old.labels[at] as number) : next++));
    const added = fresh.map((at) => [labels[at] as number, vectorOf.get(at) as number[]] as const);
    const exact = await updatedExact(old.exact, dimensions, new Set(gone), added, workDir, saved && join(saved, EXACT_FILE));
    return ready({ labels, exact, exactFile: join(workDir, EXACT_FILE) });
  }
  if (count > exactMax && old?.segments && workDir) {
    const updated = await updateSegments({ previous: old, segments: old.segments, reused, gone, vectorOf, segmentSize, saved, workDir, logger, builder });
    if (updated) return ready(updated);
    logger?.info({ sentences: count }, "the graph's segment numbers are used up; rebuilding it from the stored vectors");
  }
  // New vectors; those of unchanged sentences read back from `previous`, never embedded twice.
  const stored = old ? await storedVectors(old) : undefined;
  const vectorAt = (at: number): number[] => vectorOf.get(at) ?? (stored?.get(old?.labels[reused[at] as number] as number) as number[]);
  if (count <= exactMax) {
    // Labelled by sentence position.
    const labels = Int32Array.from({ length: count }, (_, at) => at);
    const exact = new hnswlib.BruteforceSearch("cosine", dimensions);
    exact.initIndex(exactCapacity(count));
    for (let at = 0; at < count; at += 1) exact.addPoint(vectorAt(at), at);
    return ready({ labels, exact });
  }
  return buildGraph(count, segmentSize, builder, async (first, end) => Array.from({ length: end - first }, (_, i) => vectorAt(first + i)));
}

/**
 * A graph in segments of `segmentSize` points built from scratch over `count` vectors in sentence order (as
 * {@link buildSegments} builds it): each segment's vectors asked of `vectorsOf(first, end)` in turn and handed
 * to a worker thread (see segmentBuilder) before the next are asked for. Returns once all are handed out.
 */
async function buildGraph(count: number, segmentSize: number, builder: SegmentBuilder, vectorsOf: (first: number, end: number) => Promise<number[][]>): Promise<PendingVectors> {
  const { labels, segments: planned } = planSegments(count, segmentSize);
  const ids: number[] = [];
  const building = segmentBuilder(builder);
  try {
    for (const { id, first, end } of planned) {
      const vectors = await vectorsOf(first, end);
      building.add({ id, labels: labels.subarray(first, end), vectorAt: (i) => vectors[i] as number[] });
      ids.push(id);
    }
  } catch (error) {
    // The workers are stopped before the failure is reported.
    building.abandon();
    const stopped = await building.finish().then(
      () => undefined,
      (stopError: unknown) => stopError,
    );
    throw stopped === undefined ? error : new AggregateError([error, stopped], "building the graph failed");
  }
  return {
    abandon: () => building.abandon(),
    finish: async () => {
      const { graphs, files } = await building.finish();
      const segments = ids.map((id) => ({ id, graph: graphs.get(id) as HierarchicalNSW }));
      return { labels, segments, segmentFiles: filesOf(segments, files) };
    },
  };
}

/** The segments whose graph a file holds, with that file. */
const filesOf = (segments: readonly GraphSegment[], files: ReadonlyMap<number, string>): Map<GraphSegment, string> =>
  new Map(segments.flatMap((s) => (files.has(s.id) ? [[s, files.get(s.id) as string] as const] : [])));

/** A segment to build from scratch: its number, and its points' labels and vectors in order. */
interface SegmentPlan {
  readonly id: number;
  readonly labels: Int32Array;
  readonly vectorAt: (i: number) => number[];
}

/** Where segments are built: worker threads (writing into `workDir`) or, with none, the main thread. */
interface SegmentBuilder {
  readonly dimensions: number;
  readonly workers: number;
  readonly workDir: string | undefined;
}

/**
 * A segment of fewer points than this is built on the main thread: a worker's start and the read of its file
 * cost more than it saves (a point costs from tens of microseconds in a small graph to about a millisecond in
 * one of 32,768).
 */
export const WORKER_MIN_POINTS = 1024;

/** Segments being built from scratch (see segmentBuilder). */
interface SegmentBuilding {
  /** Builds the segment of `plan`: in a worker thread when it is large enough, else here and now. */
  add(plan: SegmentPlan): void;
  /**
   * The graphs added, by segment number, once all are built; `files` names those built in workers (each
   * written to a file in the work folder and read back here while the others are built). Call it once, also
   * when giving up: it stops the workers.
   */
  finish(): Promise<{ graphs: Map<number, HierarchicalNSW>; files: Map<number, string> }>;
  /** Tells the workers to skip what is left; finish then returns soon (with what was built). */
  abandon(): void;
}

/**
 * Builds segments as newGraph makes them: those of WORKER_MIN_POINTS points or more in worker threads (as they
 * are added, while the caller goes on), the others on the main thread. Either way each is the same graph, byte
 * for byte.
 */
function segmentBuilder({ dimensions, workers: count, workDir }: SegmentBuilder): SegmentBuilding {
  const graphs = new Map<number, HierarchicalNSW>();
  const files = new Map<number, string>();
  let workers: GraphWorkers | undefined;
  return {
    add(plan) {
      if (count > 0 && workDir && plan.labels.length >= WORKER_MIN_POINTS) {
        workers ??= createGraphWorkers({
          workers: count,
          dimensions,
          fileOf: (id) => join(workDir, segmentFile(id)),
          onWritten: async (id, file) => {
            const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
            await graph.readIndex(file);
            graph.setEf(DENSE_EF);
            graphs.set(id, graph);
            files.set(id, file);
          },
        });
        const vectors = new Float32Array(plan.labels.length * dimensions);
        for (let i = 0; i < plan.labels.length; i += 1) vectors.set(plan.vectorAt(i), i * dimensions);
        workers.submit({ id: plan.id, labels: Int32Array.from(plan.labels), vectors });
        return;
      }
      const graph = newGraph(dimensions, plan.labels.length);
      plan.labels.forEach((label, i) => graph.addPoint(plan.vectorAt(i), label));
      graphs.set(plan.id, graph);
    },
    async finish() {
      await workers?.finish();
      return { graphs, files };
    },
    abandon() {
      workers?.abandon();
    },
  };
}

/**
 * How `count` sentences in order fall into graph segments of `segmentSize` points: sentence `at` is point
 * `at % segmentSize` of segment `at / segmentSize`, labelled by both (see segmentOf); segment `id` holds the
 * sentences [first, end).
 * @throws Error when they need more segments than a label can number.
 */
function planSegments(count: number, segmentSize: number): { labels: Int32Array; segments: { id: number; first: number; end: number }[] } {
  if (Math.ceil(count / segmentSize) > MAX_SEGMENT_ID + 1) throw new Error(`${count} sentences need more than ${MAX_SEGMENT_ID + 1} graph segments of ${segmentSize}`);
  const labels = new Int32Array(count);
  const segments: { id: number; first: number; end: number }[] = [];
  for (let id = 0; id * segmentSize < count; id += 1) {
    const first = id * segmentSize;
    const end = Math.min(count, first + segmentSize);
    for (let at = first; at < end; at += 1) labels[at] = id * SEGMENT_LABELS + (at - first);
    segments.push({ id, first, end });
  }
  return { labels, segments };
}

/**
 * A graph in segments of `segmentSize` points over `count` vectors in sentence order, built here on the main
 * thread (a build of the index builds the same graph, planned alike, in worker threads; see buildGraph).
 */
export function buildSegments(count: number, segmentSize: number, dimensions: number, vectorAt: (at: number) => number[]): { labels: Int32Array; segments: GraphSegment[] } {
  const { labels, segments: planned } = planSegments(count, segmentSize);
  const segments = planned.map(({ id, first, end }) => {
    const graph = newGraph(dimensions, end - first);
    for (let at = first; at < end; at += 1) graph.addPoint(vectorAt(at), labels[at] as number);
    return { id, graph };
  });
  return { labels, segments };
}

/** An empty graph for `capacity` points, searched at the retriever's breadth. */
function newGraph(dimensions: number, capacity: number): HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
  // hnswlib-node's defaults (M 16, efConstruction 200, seed 100), as LangChain's HNSWLib store used them; the
  // graph workers (graph-workers.ts) make theirs the same way.
  graph.initIndex(Math.max(1, capacity));
  graph.setEf(DENSE_EF);
  return graph;
}

/** What {@link updateSegments} is given. */
interface SegmentUpdate {
  readonly previous: LoadedIndex;
  /** `previous`'s segments. */
  readonly segments: readonly GraphSegment[];
  /** Each new sentence's position in `previous`, or -1 for a new sentence (its vector in `vectorOf`). */
  readonly reused: Int32Array;
  /** The labels of `previous` whose sentence is gone. */
  readonly gone: readonly number[];
  readonly vectorOf: ReadonlyMap<number, number[]>;
  readonly segmentSize: number;
  /** The index folder, when it holds `previous`'s segment files (copies are read from there). */
  readonly saved: string | undefined;
  /** A scratch folder for copies of segments that are not saved. */
  readonly workDir: string;
  readonly logger: Logger | undefined;
  /** Where rebuilt and new segments are built. */
  readonly builder: SegmentBuilder;
}

/**
 * `previous`'s graph updated for the new sentences, touching only the segments that change. A gone point is
 * marked deleted in its segment; new points go into the last segment while it holds fewer than `segmentSize`
 * live points (taking the slots of deleted ones first), then into new segments. A touched segment is copied
 * (hnswlib copies only through a file: read from the index folder when it holds it) and changed, or, once more
 * than MAX_DELETED_SHARE of its points would be deleted, rebuilt from its live vectors; one left without live
 * points is dropped. The others are `previous`'s own objects, shared, never changed. Undefined when the segment
 * numbers are used up (the caller rebuilds the graph with fresh labels).
 */
async function updateSegments(update: SegmentUpdate): Promise<{ labels: Int32Array; segments: GraphSegment[]; segmentFiles: Map<GraphSegment, string> } | undefined> {
  const { previous, segments, reused, gone, vectorOf, segmentSize, saved, workDir, logger, builder } = update;
  const dimensions = previous.manifest.embedder.dimensions;
  /** Live points per segment once the gone ones are deleted, and the labels gone from each. */
  const live = new Map<number, number>();
  for (const label of previous.labels) live.set(segmentOf(label), (live.get(segmentOf(label)) ?? 0) + 1);
  const goneFrom = new Map<number, number[]>();
  for (const label of gone) {
    const id = segmentOf(label);
    live.set(id, (live.get(id) ?? 0) - 1);
    const list = goneFrom.get(id);
    if (list) list.push(label);
    else goneFrom.set(id, [label]);
  }
  // Where the new points go: the last segment while it has room (in points, and in labels: a deleted point
  // keeps its label until its slot is taken, so a new point always takes a label never used in its segment).
  const last = segments[segments.length - 1];
  let target = last?.id ?? -1;
  let room = 0;
  let nextLabel = 0;
  if (last) {
    let used = -1;
    for (const label of last.graph.getIdsList()) used = Math.max(used, label - last.id * SEGMENT_LABELS);
    room = Math.min(segmentSize - (live.get(last.id) ?? 0), SEGMENT_LABELS - used - 1);
    nextLabel = last.id * SEGMENT_LABELS + used + 1;
  }
  const labels = new Int32Array(reused.length);
  const addedTo = new Map<number, [label: number, vector: number[]][]>();
  for (let position = 0; position < reused.length; position += 1) {
    const at = reused[position] as number;
    if (at >= 0) {
      labels[position] = previous.labels[at] as number;
      continue;
    }
    if (room <= 0) {
      if (target + 1 > MAX_SEGMENT_ID) return undefined;
      target += 1;
      room = segmentSize;
      nextLabel = target * SEGMENT_LABELS;
    }
    labels[position] = nextLabel;
    const points = addedTo.get(target) ?? [];
    if (points.length === 0) addedTo.set(target, points);
    points.push([nextLabel, vectorOf.get(position) as number[]]);
    nextLabel += 1;
    room -= 1;
  }

  /** The new index's segments in order; a copy or a build fills its place once done. */
  const next: (GraphSegment | undefined)[] = [];
  const copies: Promise<void>[] = [];
  /** Segments built from scratch (rebuilt or new), put in their place in `next` once built. */
  const plans: (SegmentPlan & { readonly place: number })[] = [];
  const touched = { copied: 0, rebuilt: 0, dropped: 0, created: 0 };
  for (const segment of segments) {
    const { id, graph } = segment;
    const goneHere = goneFrom.get(id) ?? [];
    const added = addedTo.get(id) ?? [];
    if (goneHere.length === 0 && added.length === 0) {
      next.push(segment);
      continue;
    }
    const liveAfter = (live.get(id) ?? 0) + added.length;
    if (liveAfter === 0) {
      touched.dropped += 1;
      continue;
    }
    const slots = Math.max(graph.getCurrentCount(), liveAfter);
    if (slots - liveAfter > slots * MAX_DELETED_SHARE) {
      // Its live points, in sentence order, read out of the shared segment (which stays as it is), then the new ones.
      const kept = labels.filter((label, position) => (reused[position] as number) >= 0 && segmentOf(label) === id);
      plans.push({
        id,
        place: next.length,
        labels: Int32Array.from([...kept, ...added.map(([label]) => label)]),
        vectorAt: (i) => (i < kept.length ? graph.getPoint(kept[i] as number) : (added[i - kept.length] as [number, number[]])[1]),
      });
      next.push(undefined);
      touched.rebuilt += 1;
      continue;
    }
    const place = next.length;
    next.push(undefined);
    copies.push(
      copySegment(segment, dimensions, workDir, saved).then((copy) => {
        for (const label of goneHere) copy.markDelete(label);
        if (slots > copy.getMaxElements()) copy.resizeIndex(slots);
        for (const [label, vector] of added) copy.addPoint(vector, label, true);
        next[place] = { id, graph: copy };
      }),
    );
    touched.copied += 1;
  }
  for (const [id, added] of addedTo) {
    if (id <= (last?.id ?? -1)) continue;
    plans.push({ id, place: next.length, labels: Int32Array.from(added, ([label]) => label), vectorAt: (i) => (added[i] as [number, number[]])[1] });
    next.push(undefined);
    touched.created += 1;
  }
  // Every copy and build settles before the first failure is reported: none is left using a file in the background.
  const building = segmentBuilder(builder);
  const built = attempt(() => plans.forEach((plan) => building.add(plan)));
  const finished = building.finish();
  await settleAll([...copies, finished, "error" in built ? Promise.reject(built.error) : Promise.resolve()]);
  const { graphs, files } = await finished;
  for (const { id, place } of plans) next[place] = { id, graph: graphs.get(id) as HierarchicalNSW };
  const updated = next.map((s, at) => {
    if (!s) throw new Error(`graph segment at ${at} was neither kept, copied nor built`);
    return s;
  });
  logger?.debug({ segments: updated.length, shared: updated.filter((s) => segments.includes(s)).length, ...touched }, "graph segments updated");
  return { labels, segments: updated, segmentFiles: filesOf(updated, files) };
}

/** Room left in a new exact copy for the sentences of briefings added later (it cannot be resized). */
const exactCapacity = (count: number): number => count + Math.max(64, Math.ceil(count / 4));

/** Every sentence vector of `index` by label: read out of its graph's segments, or out of its exact copy's file. */
export async function storedVectors(index: LoadedIndex): Promise<ReadonlyMap<number, number[]>> {
  const out = new Map<number, number[]>();
  if (index.segments) {
    const byId = new Map(index.segments.map((s) => [s.id, s.graph]));
    for (const label of index.labels) {
      const graph = byId.get(segmentOf(label));
      if (!graph) throw new Error(`no graph segment ${segmentOf(label)} for label ${label}`);
      out.set(label, graph.getPoint(label));
    }
    return out;
  }
  if (!index.exact) return out;
  const dimensions = index.manifest.embedder.dimensions;
  const bytes = await exactBytes(index.exact);
  const slot = readU64(bytes, 8);
  const count = readU64(bytes, 16);
  for (let i = 0; i < count; i += 1) {
    const at = EXACT_HEADER + i * slot;
    const vector = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d += 1) vector[d] = bytes.readFloatLE(at + d * 4);
    out.set(readU64(bytes, at + dimensions * 4), vector);
  }
  return out;
}

/** hnswlib's BruteforceSearch file: three 8-byte counts (slots, slot size, points), then the slots. */
const EXACT_HEADER = 24;

/** An 8-byte little-endian count or label of that file (without a BigInt per read). */
const readU64 = (bytes: Buffer, at: number): number => bytes.readUInt32LE(at) + bytes.readUInt32LE(at + 4) * 0x1_0000_0000;

/** The bytes of `exact` in its file format (hnswlib copies no other way). */
async function exactBytes(exact: BruteforceSearch): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "briefing-exact-"));
  try {
    const file = join(dir, EXACT_FILE);
    await exact.writeIndex(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Slots an exact copy is rewritten through at a time: one small reused buffer, not the whole file in memory. */
const COPY_SLOTS = 4096;

/**
 * Writes into `file` the exact copy that `source` holds (hnswlib's BruteforceSearch file) without the points
 * labelled `gone`, followed by the points `added` holds (a file of the same layout), in that order, as copying
 * the kept points and adding the new ones through hnswlib would place them; with room for more when it is full.
 * hnswlib's removePoint cannot be used on an index read from a file (it does not rebuild its label map on
 * loading), and reading the whole file into memory costs far more than streaming it (a 60 MB allocation faults
 * its pages in one by one).
 */
export async function writeFilteredExact(source: string, added: string, gone: ReadonlySet<number>, dimensions: number, file: string): Promise<void> {
  const dataSize = dimensions * 4;
  const slot = dataSize + 8;
  // Opened one after another inside the try, so a failed open still closes those before it.
  const handles: FileHandle[] = [];
  const opened = async (path: string, flags: string): Promise<FileHandle> => {
    const handle = await open(path, flags);
    handles.push(handle);
    return handle;
  };
  try {
    const [from, extra, to] = [await opened(source, "r"), await opened(added, "r"), await opened(file, "w")];
    const header = async (handle: FileHandle, name: string): Promise<{ slots: number; count: number }> => {
      const bytes = Buffer.alloc(EXACT_HEADER);
      await handle.read(bytes, 0, EXACT_HEADER, 0);
      if (readU64(bytes, 8) !== slot) throw new Error(`unexpected exact index slot size ${readU64(bytes, 8)} in ${name} for ${dimensions} dimensions`);
      return { slots: readU64(bytes, 0), count: readU64(bytes, 16) };
    };
    const { slots, count } = await header(from, source);
    const { count: addedCount } = await header(extra, added);
    const buffer = Buffer.allocUnsafe(COPY_SLOTS * slot);
    let written = 0;
    for (let first = 0; first < count; first += COPY_SLOTS) {
      const n = Math.min(COPY_SLOTS, count - first);
      const { bytesRead } = await from.read(buffer, 0, n * slot, EXACT_HEADER + first * slot);
      if (bytesRead !== n * slot) throw new Error(`${source} ends inside its slots`);
      // The kept slots moved down over the gone ones, in order.
      let kept = 0;
      for (let i = 0; i < n; i += 1) {
        if (gone.size > 0 && gone.has(readU64(buffer, i * slot + dataSize))) continue;
        if (kept !== i) buffer.copy(buffer, kept * slot, i * slot, (i + 1) * slot);
        kept += 1;
      }
      await to.write(buffer, 0, kept * slot, EXACT_HEADER + written * slot);
      written += kept;
    }
    for (let first = 0; first < addedCount; first += COPY_SLOTS) {
      const n = Math.min(COPY_SLOTS, addedCount - first);
      const { bytesRead } = await extra.read(buffer, 0, n * slot, EXACT_HEADER + first * slot);
      if (bytesRead !== n * slot) throw new Error(`${added} ends inside its slots`);
      await to.write(buffer, 0, n * slot, EXACT_HEADER + (written + first) * slot);
    }
    const total = written + addedCount;
    const capacity = total > slots ? exactCapacity(total) : slots;
    const head = Buffer.alloc(EXACT_HEADER);
    head.writeBigUInt64LE(BigInt(capacity), 0);
    head.writeBigUInt64LE(BigInt(slot), 8);
    head.writeBigUInt64LE(BigInt(total), 16);
    await to.write(head, 0, EXACT_HEADER, 0);
    // The free slots, as hnswlib writes them (their bytes are never read): the file system's zeros.
    await to.truncate(EXACT_HEADER + capacity * slot);
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}

/**
 * The exact copy of an update, written into `dir` as EXACT_FILE and read from there: `previous`'s points (read
 * from `savedFile` when it holds them) without those labelled `gone`, then `fresh` (label and vector) in order.
 * The new points are normalised and stored by hnswlib itself (in a small index of their own), so their bytes
 * are those addPoint would store.
 */
async function updatedExact(
  previous: BruteforceSearch,
  dimensions: number,
  gone: ReadonlySet<number>,
  fresh: readonly (readonly [label: number, vector: number[]])[],
  dir: string,
  savedFile?: string,
): Promise<BruteforceSearch> {
  let source = savedFile;
  if (!source) {
    source = join(dir, PREVIOUS_EXACT_FILE);
    await previous.writeIndex(source);
  }
  const added = new hnswlib.BruteforceSearch("cosine", dimensions);
  added.initIndex(Math.max(1, fresh.length));
  for (const [label, vector] of fresh) added.addPoint(vector, label);
  const addedFile = join(dir, ADDED_EXACT_FILE);
  await added.writeIndex(addedFile);
  const file = join(dir, EXACT_FILE);
  await writeFilteredExact(source, addedFile, gone, dimensions, file);
  await rm(addedFile, { force: true });
  if (!savedFile) await rm(source, { force: true });
  const copy = new hnswlib.BruteforceSearch("cosine", dimensions);
  await copy.readIndex(file);
  return copy;
}

/**
 * An independent copy of a segment (through a file: hnswlib copies no other way), open to replacing deleted
 * points; read from its file in `savedDir` when that holds it, else written into `workDir` first.
 */
async function copySegment(segment: GraphSegment, dimensions: number, workDir: string, savedDir?: string): Promise<HierarchicalNSW> {
  const copy = new hnswlib.HierarchicalNSW("cosine", dimensions);
  const savedFile = savedDir && join(savedDir, segmentFile(segment.id));
  if (savedFile && existsSync(savedFile)) {
    await copy.readIndex(savedFile, true);
  } else {
    const file = join(workDir, segmentFile(segment.id));
    await segment.graph.writeIndex(file);
    await copy.readIndex(file, true);
    await rm(file, { force: true });
  }
  copy.setEf(DENSE_EF);
  return copy;
}

/** How {@link writeVectors} may place the vectors' files instead of having hnswlib write them. */
export interface VectorFiles {
  /** A file holding the exact copy as hnswlib writes it: moved into the folder. */
  readonly exactFile?: string;
  /** Files holding some of the segments as hnswlib writes them: moved into the folder. */
  readonly segmentFiles?: ReadonlyMap<GraphSegment, string>;
  /**
   * A folder holding some of the segments as they are (the previous index, whose segments an update left
   * unchanged): their files are hard-linked from there, or written when linking fails (another file system).
   */
  readonly unchanged?: {
    readonly dir: string;
    readonly segments: ReadonlySet<GraphSegment>;
    /** The checksums the folder's manifest records for its files, which they matched when the update began. */
    readonly checksums?: Readonly<Record<string, number>>;
  };
  readonly logger?: Logger;
}

/**
 * Puts the files of `vectors` into the folder `dir` (hnswlib writes off the main thread); every write settles
 * before a failure is reported, so none is left writing into a folder its caller removes.
 */
export async function writeVectors(dir: string, { exact, segments = [] }: SentenceVectors, files: VectorFiles = {}): Promise<ReadonlySet<string>> {
  const linked = new Set<string>();
  await settleAll([
    ...(exact ? [moveOrWriteExact(exact, join(dir, EXACT_FILE), files.exactFile)] : []),
    ...segments.map(async (segment) => {
      if (await placeSegment(segment, dir, files)) linked.add(segmentFile(segment.id));
    }),
  ]);
  return linked;
}

/**
 * Puts `segment`'s file into the folder `dir`: a hard link to the file of an unchanged segment (see
 * VectorFiles.unchanged), the file a worker built it in moved there, else written by hnswlib (also when linking
 * or moving fails, as across file systems). True when it is a hard link.
 */
async function placeSegment(segment: GraphSegment, dir: string, { unchanged, segmentFiles, logger }: VectorFiles): Promise<boolean> {
  const name = segmentFile(segment.id);
  const file = segmentFiles?.get(segment);
  if (file) {
    try {
      await rename(file, join(dir, name));
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  if (unchanged?.segments.has(segment)) {
    try {
      await link(join(unchanged.dir, name), join(dir, name));
      return true;
    } catch (error) {
      logger?.debug({ err: error, segment: name }, "cannot link the unchanged graph segment into the new index; writing it");
    }
  }
  await segment.graph.writeIndex(join(dir, name));
  return false;
}

/** Moves `file` (which holds `exact`) to `target`, or writes `exact` there when it is on another file system. */
async function moveOrWriteExact(exact: BruteforceSearch, target: string, file?: string): Promise<void> {
  if (file) {
    try {
      await rename(file, target);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    }
  }
  await exact.writeIndex(target);
}

/** An exact copy read from its file, with the labels the file holds (checked against the sentences' by {@link checkExact}). */
interface ReadExact {
  readonly index: BruteforceSearch;
  readonly labels: readonly number[];
}

/**
 * The saved exact copy, if the index has one.
 * @throws Error when it is damaged: its size disagrees with its counts or the dimensions.
 */
async function readExact(indexDir: string, dimensions: number): Promise<ReadExact | undefined> {
  const file = join(indexDir, EXACT_FILE);
  if (!existsSync(file)) return undefined;
  const handle = await open(file, "r");
  try {
    const slot = dimensions * 4 + 8;
    const { size } = await handle.stat();
    const head = Buffer.alloc(EXACT_HEADER);
    await handle.read(head, 0, EXACT_HEADER, 0);
    const slots = size >= EXACT_HEADER ? readU64(head, 0) : -1;
    const count = size >= EXACT_HEADER ? readU64(head, 16) : -1;
    // hnswlib's file: three 8-byte counts, then for each slot the vector (float32) and its 8-byte label.
    if (size !== EXACT_HEADER + slots * slot || count > slots || readU64(head, 8) !== slot) {
      throw new Error(`${EXACT_FILE} holds ${count} vectors in ${size} bytes, not vectors of ${dimensions} dimensions`);
    }
    const index = new hnswlib.BruteforceSearch("cosine", dimensions);
    // The labels are read through a small buffer while hnswlib reads the file (the whole file in one Buffer
    // would cost as much again in page faults). Both are awaited, so neither fails unobserved.
    const readLabels = async (): Promise<number[]> => {
      const labels: number[] = [];
      const buffer = Buffer.allocUnsafe(COPY_SLOTS * slot);
      for (let first = 0; first < count; first += COPY_SLOTS) {
        const n = Math.min(COPY_SLOTS, count - first);
        await handle.read(buffer, 0, n * slot, EXACT_HEADER + first * slot);
        for (let i = 0; i < n; i += 1) labels.push(readU64(buffer, i * slot + dimensions * 4));
      }
      return labels;
    };
    const [read, labels] = await Promise.allSettled([index.readIndex(file), readLabels()]);
    if (read.status === "rejected") throw read.reason;
    if (labels.status === "rejected") throw labels.reason;
    return { index, labels: labels.value };
  } finally {
    await handle.close();
  }
}

/** @throws Error when the exact copy does not hold one vector for each of the sentences' labels. */
function checkExact(exact: ReadExact, labels: Int32Array): void {
  if (exact.labels.length !== labels.length) throw new Error(`${EXACT_FILE} holds ${exact.labels.length} vectors for ${labels.length} sentences`);
  const wanted = new Set(labels);
  for (const label of exact.labels) if (!wanted.delete(label)) throw new Error(`${EXACT_FILE} holds a label that no sentence has`);
}

/**
 * Segments read at once. hnswlib reads in libuv's thread pool (4 threads by default), which every asynchronous
 * file operation shares: all ten segments of 10,000 briefings at once kept the seeds' listing waiting for
 * seconds behind them.
 */
const SEGMENT_READERS = 2;

/**
 * The saved graph's segments, by number, if the index has any: read SEGMENT_READERS at a time (hnswlib reads off
 * the main thread, in the thread pool).
 * @throws Error when one is unreadable or its dimensions are not the manifest's.
 */
async function readSegments(indexDir: string, dimensions: number): Promise<GraphSegment[] | undefined> {
  const ids = (await readdir(indexDir)).flatMap((name) => {
    const match = SEGMENT_FILE_NAME.exec(name);
    return match ? [Number(match[1])] : [];
  });
  if (ids.length === 0) return undefined;
  ids.sort((a, b) => a - b);
  const read = async (id: number): Promise<GraphSegment> => {
    const graph = new hnswlib.HierarchicalNSW("cosine", dimensions);
    await graph.readIndex(join(indexDir, segmentFile(id)));
    if (graph.getNumDimensions() !== dimensions) throw new Error(`${segmentFile(id)} holds points of ${graph.getNumDimensions()} dimensions, not ${dimensions}`);
    graph.setEf(DENSE_EF);
    return { id, graph };
  };
  const segments: GraphSegment[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < ids.length) {
      const at = next++;
      segments[at] = await read(ids[at] as number);
    }
  };
  await settleAll(Array.from({ length: Math.min(SEGMENT_READERS, ids.length) }, reader));
  return segments;
}

/** @throws Error when a label names a segment the index does not hold, or a segment holds fewer points than its labels. */
function checkSegments(segments: readonly GraphSegment[], labels: Int32Array): void {
  const live = new Map<number, number>();
  for (const label of labels) live.set(segmentOf(label), (live.get(segmentOf(label)) ?? 0) + 1);
  const byId = new Map(segments.map((s) => [s.id, s.graph]));
  for (const [id, count] of live) {
    const graph = byId.get(id);
    if (!graph) throw new Error(`labels.bin names points of ${segmentFile(id)}, which the index does not hold`);
    if (graph.getCurrentCount() < count) throw new Error(`${segmentFile(id)} holds ${graph.getCurrentCount()} points for ${count} sentences`);
  }
}

/** The names of the vector files in the folder `dir` (its exact copy, its graph's segments), sorted. */
export async function vectorFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(isVectorFile).sort();
}

/**
 * The CRC-32 of the file at `path`, read a megabyte at a time into one buffer (a graph segment is tens of
 * megabytes; a buffer per chunk left hundreds of megabytes for the collector at 10,000 briefings).
 */
export async function fileCrc32(path: string): Promise<number> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let crc = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return crc;
      crc = crc32(buffer.subarray(0, bytesRead), crc);
    }
  } finally {
    await handle.close();
  }
}

/** The vectors an index folder holds, as read (see {@link checkedVectors}). */
export interface ReadVectors {
  readonly exact: ReadExact | undefined;
  readonly segments: GraphSegment[] | undefined;
}

/**
 * Reads the vectors saved in `indexDir`: its exact copy or its graph's segments (hnswlib reads off the main
 * thread).
 * @throws Error when a file is unreadable or damaged.
 */
export async function readVectors(indexDir: string, dimensions: number): Promise<ReadVectors> {
  // Both reads settle before a failure is reported: none is left reading a folder its caller may replace.
  const [exact, segments] = await Promise.allSettled([readExact(indexDir, dimensions), readSegments(indexDir, dimensions)]);
  if (exact.status === "rejected") throw exact.reason;
  if (segments.status === "rejected") throw segments.reason;
  return { exact: exact.value, segments: segments.value };
}

/**
 * The vectors read, once checked against the sentences' `labels`.
 * @throws Error when there are none, or they do not hold one point for each label.
 */
export function checkedVectors({ exact, segments }: ReadVectors, labels: Int32Array): Omit<SentenceVectors, "labels"> {
  if (!exact && !segments) throw new Error(`neither ${EXACT_FILE} nor graph segments (${segmentFile(0)}, ...) hold the vectors`);
  if (exact) checkExact(exact, labels);
  if (segments) checkSegments(segments, labels);
  return { ...(exact ? { exact: exact.index } : {}), ...(segments ? { segments } : {}) };
}
