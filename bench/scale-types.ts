/**
 * The figures of the scale study, shared by the study (scale.ts), its child processes (scale-child.ts) and the
 * chart (chart.ts); kept apart so that the chart does not import the study that draws it.
 */
import type { LatencyStats } from "./measure.js";

export interface BuildResult {
  readonly buildMs: number;
  readonly indexBytes: number;
  readonly passages: number;
  readonly sentences: number;
  readonly peakRssMiB: number;
}

export interface QueryResult {
  /** createRag on the built index: read and hash the seeds, load the index, build the in-memory structures. */
  readonly startMs: number;
  readonly latency: LatencyStats;
  /** Peak RSS after loading and answering (before the recall study allocates its exact copy). */
  readonly peakRssMiB: number;
  /** Mean recall@10 of an hnswlib graph against brute force (the index's own above EXACT_MAX_VECTORS sentences, else one built for the comparison), at the engine's ef (128) and at hnswlib's default (10). */
  readonly recall10: number;
  readonly recall10DefaultEf: number;
  readonly recallQueries: number;
  /** hit@1 of the real dev questions with the real article among size - 1 synthetic ones. */
  readonly devHit1: number;
}

/** One briefing added, changed or removed, and the index updated for it (buildIndex with the previous index). */
export interface UpdateResult {
  /** Reading the seeds and loading the index before the update (the first update only; 0 for the others). */
  readonly loadMs: number;
  /** buildIndex: analyse, embed what is new, update the vector graph, save the index. */
  readonly updateMs: number;
  readonly embeddedSentences: number;
  readonly totalSentences: number;
}

/** The three updates, timed one after the other on the same index. */
export interface UpdateResults {
  readonly add: UpdateResult;
  readonly change: UpdateResult;
  readonly remove: UpdateResult;
}

export interface ScalePoint {
  readonly briefings: number;
  readonly corpusBytes: number;
  readonly build: BuildResult;
  readonly query: QueryResult;
  readonly add?: UpdateResult;
  readonly change?: UpdateResult;
  readonly remove?: UpdateResult;
}
