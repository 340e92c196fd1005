/**
 * What the benchmarks compute: exact nearest neighbours over unit vectors, the recall of an approximate
 * search against them, latency percentiles, and the scoring of an engine's replies on an evaluation set.
 * Pure functions, tested in tests/bench.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { percentile, scoreReplies, type EngineReply, type QualityScores } from "../src/cli/metrics.js";

export { percentile, scoreReplies, type EngineReply, type QualityScores };

function dot(query: ArrayLike<number>, data: Float32Array, base: number, dimensions: number): number {
  let sum = 0;
  for (let d = 0; d < dimensions; d += 1) sum += (query[d] as number) * (data[base + d] as number);
  return sum;
}

/** Brute-force cosine search over unit vectors held in one Float32Array, row after row. */
export class ExactSearch {
  readonly count: number;

  constructor(
    private readonly data: Float32Array,
    readonly dimensions: number,
  ) {
    this.count = Math.floor(data.length / dimensions);
  }

  /** Copies `count` vectors out of a reader such as hnswlib's `getPoint(label)`. */
  static fromPoints(count: number, dimensions: number, point: (label: number) => readonly number[]): ExactSearch {
    const data = new Float32Array(count * dimensions);
    for (let label = 0; label < count; label += 1) data.set(point(label), label * dimensions);
    return new ExactSearch(data, dimensions);
  }

  /** Cosine of `query` (a unit vector) and vector `label`. */
  similarity(query: ArrayLike<number>, label: number): number {
    return dot(query, this.data, label * this.dimensions, this.dimensions);
  }

  /** The `k` most similar vectors, best first (ties by label). */
  search(query: ArrayLike<number>, k: number): { readonly labels: number[]; readonly similarities: number[] } {
    const labels: number[] = [];
    const similarities: number[] = [];
    const q = Float32Array.from(query as ArrayLike<number>);
    for (let label = 0; label < this.count; label += 1) {
      const s = dot(q, this.data, label * this.dimensions, this.dimensions);
      if (labels.length === k && s <= (similarities[k - 1] ?? -Infinity)) continue;
      let at = labels.length === k ? k - 1 : labels.length;
      while (at > 0 && (similarities[at - 1] ?? 0) < s) at -= 1;
      labels.splice(at, 0, label);
      similarities.splice(at, 0, s);
      if (labels.length > k) {
        labels.pop();
        similarities.pop();
      }
    }
    return { labels, similarities };
  }
}

/**
 * The environment an npm script sets before it runs node (`NAME=value ... [exec] node ...` in package.json), as
 * the shell expands it from this process's environment, so that a benchmark's child process runs as the script
 * would: `npm start` adds huge pages to glibc's malloc tunables (GLIBC_TUNABLES), which makes hnswlib's reads
 * of the graph (page faults, mostly) a third cheaper.
 */
export function scriptEnv(packageJson: string, script: string): Record<string, string> {
  const scripts = (JSON.parse(readFileSync(packageJson, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  const command = scripts[script];
  if (command === undefined) throw new Error(`package.json has no "${script}" script`);
  const assignments: string[] = [];
  for (const word of command.split(/\s+/)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=\S*$/.test(word)) break;
    assignments.push(word);
  }
  if (assignments.length === 0) return {};
  // The shell that runs npm scripts expands them; printed one per line, in order.
  const names = assignments.map((a) => a.slice(0, a.indexOf("=")));
  const shown = execFileSync("sh", ["-c", `${assignments.join(" ")}; printf '%s\\n' ${names.map((n) => `"$${n}"`).join(" ")}`], { encoding: "utf8" });
  const values = shown.split("\n");
  return Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""]));
}

/**
 * Share of the exact top `k` that the approximate search found. A returned label whose exact similarity ties
 * the k-th best counts as found: with duplicate sentences, which of the tied ones comes back is arbitrary.
 */
export function recallAtK(approximate: readonly number[], exact: { readonly labels: readonly number[]; readonly similarities: readonly number[] }, similarity: (label: number) => number, k: number): number {
  const wanted = exact.labels.slice(0, k);
  if (wanted.length === 0) return 1;
  const threshold = (exact.similarities[wanted.length - 1] ?? 0) - 1e-6;
  const exactSet = new Set(wanted);
  const found = new Set<number>();
  for (const label of approximate.slice(0, k)) {
    if (exactSet.has(label) || similarity(label) >= threshold) found.add(label);
  }
  return Math.min(1, found.size / wanted.length);
}

export interface LatencyStats {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
}

export function latencyStats(ms: readonly number[]): LatencyStats {
  return {
    samples: ms.length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    meanMs: ms.length ? ms.reduce((a, b) => a + b, 0) / ms.length : 0,
  };
}

/** Times `run(item)` for each item, `reps` rounds after `warmup` untimed rounds. */
export async function timeEach<T>(items: readonly T[], run: (item: T) => Promise<unknown>, { warmup = 3, reps = 30 } = {}): Promise<number[]> {
  for (let r = 0; r < warmup; r += 1) for (const item of items) await run(item);
  const ms: number[] = [];
  for (let r = 0; r < reps; r += 1) {
    for (const item of items) {
      const t = performance.now();
      await run(item);
      ms.push(performance.now() - t);
    }
  }
  return ms;
}

/** What an engine replied: quotes best first, or a decline. */
/** Peak resident set of this process so far, in MiB (Linux reports maxRSS in KiB). */
export const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
