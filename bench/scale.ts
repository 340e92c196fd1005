/**
 * The scale study: `npm run bench -- --scale 1,100,1000,10000 [--json] [--chart docs/scale.svg] [--out f.json] [--reps 10] [--add-all]`.
 *
 * For each size N the corpus is the real briefing plus N - 1 SYNTHETIC ones (bench/synthetic.ts: for cost,
 * not quality), generated into a temporary folder that is removed afterwards. Each size is measured in three
 * fresh processes (build; load + query + recall; add, change and remove one briefing), so peak RSS belongs to
 * one task.
 */
import { fork } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { EXACT_MAX_VECTORS } from "../src/rag/vectors.js";
import { renderScaleChart } from "./chart.js";
import { scriptEnv } from "./measure.js";
import type { BuildResult, QueryResult, ScalePoint, UpdateResults } from "./scale-types.js";
import { scaleCorpus, writeSyntheticBriefings } from "./synthetic.js";

export interface ScaleOptions {
  readonly sizes: readonly number[];
  readonly json: boolean;
  /** Repository root: its seeds/ gives the real briefing and the vocabulary. */
  readonly root: string;
  readonly chart?: string;
  /** Time the updates (add, change, remove one briefing) at every size, not only up to 10,000. */
  readonly addAll?: boolean;
  /** Also write the figures as JSON to this file. */
  readonly out?: string;
  readonly reps?: number;
}

export type { ScalePoint } from "./scale-types.js";

/** Above this size the update steps (add, change, remove one briefing) run only with --add-all. */
const ADD_MAX = 10_000;

const log = (message: string): void => void process.stderr.write(`[scale] ${message}\n`);

function child<T>(root: string, args: readonly string[]): Promise<T> {
  // A build runs as `npm run index` would, the rest (load, answer, update) as `npm start`.
  const env = { ...process.env, ...scriptEnv(join(root, "package.json"), args[0] === "build" ? "index" : "start") };
  return new Promise((done, fail) => {
    // Room for the 10,000-briefing index; the peak RSS reported is what the process really used.
    const worker = fork(join(root, "bench/scale-child.ts"), [...args], { env, execArgv: ["--import", "tsx", "--max-old-space-size=16384"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: T | undefined;
    worker.on("message", (m) => (result = m as T));
    worker.on("error", fail);
    worker.on("exit", (code) => (result !== undefined ? done(result) : fail(new Error(`scale-child ${args[0]} exited with ${code}`))));
  });
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const fixed = (x: number): string => x.toFixed(x < 10 ? 2 : 1);

function table(points: readonly ScalePoint[]): string {
  const head = ["briefings", "sentences", "corpus MiB", "build s", "index MiB", "build RSS MiB", "start ms", "p50 ms", "p95 ms", "serve RSS MiB", "dense search", "hnsw recall@10", "ef=10", "add one s", "change one s", "remove one s", "re-embedded"];
  const rows = points.map((p) => [
    p.briefings.toLocaleString("en"),
    p.build.sentences.toLocaleString("en"),
    mib(p.corpusBytes),
    (p.build.buildMs / 1000).toFixed(2),
    mib(p.build.indexBytes),
    p.build.peakRssMiB.toFixed(0),
    p.query.startMs.toFixed(0),
    fixed(p.query.latency.p50Ms),
    fixed(p.query.latency.p95Ms),
    p.query.peakRssMiB.toFixed(0),
    p.build.sentences <= EXACT_MAX_VECTORS ? "exact" : "hnsw",
    p.query.recall10.toFixed(3),
    p.query.recall10DefaultEf.toFixed(3),
    p.add ? (p.add.updateMs / 1000).toFixed(2) : "-",
    p.change ? (p.change.updateMs / 1000).toFixed(2) : "-",
    p.remove ? (p.remove.updateMs / 1000).toFixed(2) : "-",
    p.add ? `${p.add.embeddedSentences} of ${p.add.totalSentences.toLocaleString("en")}` : "-",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => `${"-".repeat(w + 1)}:`).join("|")}|`, ...rows.map(line)].join("\n");
}

export async function runScale(options: ScaleOptions): Promise<ScalePoint[]> {
  const sizes = [...new Set(options.sizes)].filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error("--scale wants sizes such as 1,100,1000");
  const reps = options.reps ?? 10;
  const work = mkdtempSync(join(tmpdir(), "briefing-scale-"));
  const seedsDir = join(work, "seeds");
  mkdirSync(seedsDir, { recursive: true });
  const points: ScalePoint[] = [];
  try {
    const real = readdirSync(join(options.root, "seeds")).filter((n) => /\.(txt|md)$/i.test(n));
    let corpusBytes = 0;
    for (const name of real) {
      copyFileSync(join(options.root, "seeds", name), join(seedsDir, name));
      corpusBytes += statSync(join(seedsDir, name)).size;
    }
    const corpus = await scaleCorpus(work);
    let generated = 0;
    for (const size of sizes) {
      const synthetic = Math.max(0, size - real.length);
      log(`${size} briefings: generating ${synthetic - generated} more synthetic ones`);
      corpusBytes += await writeSyntheticBriefings(corpus, seedsDir, generated, synthetic);
      generated = synthetic;
      const indexDir = join(work, `index-${size}`);
      log(`${size}: build`);
      const build = await child<BuildResult>(options.root, ["build", work, indexDir]);
      log(`${size}: built in ${(build.buildMs / 1000).toFixed(1)} s; query`);
      const devFile = resolve(options.root, "../shared/eval/dev.jsonl");
      const query = await child<QueryResult>(options.root, ["query", work, indexDir, String(size), String(size >= 10_000 ? Math.max(3, Math.ceil(reps / 2)) : reps), devFile]);
      let updates: UpdateResults | undefined;
      if (size > 1 && (size <= ADD_MAX || options.addAll)) {
        log(`${size}: add, change and remove one briefing`);
        updates = await child<UpdateResults>(options.root, ["update", work, indexDir]);
      }
      rmSync(indexDir, { recursive: true, force: true });
      points.push({ briefings: size, corpusBytes, build, query, ...(updates ?? {}) });
      log(`${size}: p50 ${fixed(query.latency.p50Ms)} ms, p95 ${fixed(query.latency.p95Ms)} ms, recall@10 ${query.recall10.toFixed(3)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (options.chart) {
    writeFileSync(options.chart, renderScaleChart(points));
    log(`chart written to ${options.chart}`);
  }
  if (options.out) writeFileSync(options.out, `${JSON.stringify({ command: "npm run bench -- --scale", points }, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify({ command: "npm run bench -- --scale", points })}\n`);
  else process.stdout.write(`SYNTHETIC briefings (for cost, not quality)\n${table(points)}\n`);
  return points;
}
