/**
 * npm run bench                         the engines side by side on ../shared/eval/dev.jsonl, as a table
 * npm run bench -- --json               the same as one JSON object on stdout (progress goes to stderr)
 * npm run bench -- --reps 100           more timed repetitions per question (default 50)
 * npm run bench -- --questions a.jsonl  another question set (the extra set is scored alongside as well)
 * npm run bench -- --scale 1,100,1000   the scale study on synthetic briefings instead (see bench/scale.ts);
 *                                       --chart docs/scale.svg draws it, --out file.json keeps the figures
 * npm run bench -- --help               the usage; an unknown option or a wrong value is named, exit 2
 *
 * Every engine answers the same questions over the same briefing in this one process; latency is per
 * question, measured over `reps` rounds after 3 warm-up rounds. For the default engine the bench also
 * measures the index build, the cold start of `ask` in a new process, the throughput of 1 and 2 serving
 * processes (one per core), and the serving process's peak RSS.
 */
import { spawn, fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { positiveWhole, readOptions, runAsScript } from "../src/cli/args.js";
import type { EvalRow } from "../src/cli/metrics.js";
import { HashingEmbeddings } from "../src/rag/embeddings.js";
import { createRag } from "../src/rag/index.js";
import { readSeeds } from "../src/rag/seeds.js";
import { buildIndex } from "../src/rag/store.js";
import { bm25Engine, defaultEngine, exactSearchOf, langchainChunksEngine, vectorEngine, type Engine } from "./engines.js";
import { latencyStats, percentile, scoreReplies, timeEach, type EngineReply, type LatencyStats, type QualityScores } from "./measure.js";
import type { WorkerReport } from "./qps-worker.js";
import { runScale } from "./scale.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEV = resolve(ROOT, "../shared/eval/dev.jsonl");
const EXTRA = join(ROOT, "tests/fixtures/extra-eval.jsonl");

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const USAGE =
  "usage: npm run bench -- [--json] [--reps N] [--questions FILE]   |   npm run bench -- --scale 1,100,1000 [--chart FILE.svg] [--out FILE.json] [--add-all] [--reps N] [--json]";

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  reps: { type: "string" },
  questions: { type: "string" },
  scale: { type: "string" },
  chart: { type: "string" },
  out: { type: "string" },
  "add-all": { type: "boolean" },
} as const;
/** Options of the scale study alone. */
const SCALE_ONLY = ["chart", "out", "add-all"] as const;

/** The command line of `npm run bench`, read. */
export interface BenchArgs {
  readonly help: boolean;
  readonly json: boolean;
  /** Timed rounds per question (the comparison's default is 50, the scale study's 10). */
  readonly reps?: number;
  /** Another question set than ../shared/eval/dev.jsonl. */
  readonly questions?: string;
  /** The scale study instead of the comparison: its sizes, and where to draw and keep its figures. */
  readonly scale?: { readonly sizes: readonly number[]; readonly chart?: string; readonly out?: string; readonly addAll: boolean };
}

/**
 * `args` read, or what is wrong with them, naming the argument: an unknown option, a value missing or not a whole
 * number, or a scale option without --scale (each of which used to start a benchmark of minutes regardless).
 */
export function readBenchArgs(args: readonly string[]): BenchArgs | { readonly error: string } {
  const read = readOptions(args, OPTIONS, { refusePositionals: "npm run bench takes only options (--questions FILE for another question set)" });
  if ("error" in read) return { error: read.error };
  const { values } = read;
  const { reps, scale, questions, chart, out } = values;
  if (reps !== undefined && positiveWhole(reps) === undefined) return { error: `--reps expects a whole number, 1 or more, not ${JSON.stringify(reps)}` };
  const common = { help: values.help ?? false, json: values.json ?? false, ...(reps === undefined ? {} : { reps: Number(reps) }) };
  if (scale === undefined) {
    const misplaced = SCALE_ONLY.find((name) => values[name] !== undefined);
    if (misplaced) return { error: `--${misplaced} applies only to the scale study (--scale)` };
    return { ...common, ...(questions === undefined ? {} : { questions }) };
  }
  if (questions !== undefined) return { error: "--questions does not apply to the scale study (--scale)" };
  const sizes = scale.split(",");
  if (!sizes.every((n) => positiveWhole(n) !== undefined)) return { error: `--scale expects sizes such as 1,100,1000 (whole numbers, 1 or more), not ${JSON.stringify(scale)}` };
  return { ...common, scale: { sizes: sizes.map(Number), ...(chart === undefined ? {} : { chart }), ...(out === undefined ? {} : { out }), addAll: values["add-all"] ?? false } };
}

const readRows = (file: string): EvalRow[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRow);

export interface EngineResult {
  readonly name: string;
  readonly hit1: number;
  readonly hit3: number;
  readonly mrr5: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly quality: QualityScores;
  readonly latency: LatencyStats;
  /** The same metrics on the extra question set, when present. */
  readonly extra?: QualityScores;
}

export interface DefaultExtras {
  readonly buildMs: { readonly first: number; readonly median: number; readonly runs: readonly number[] };
  readonly coldStartMs: { readonly median: number; readonly max: number; readonly runs: readonly number[] };
  readonly qps: { readonly oneProcess: number; readonly twoProcesses: number; readonly cores: number };
  readonly peakRssMiB: number;
}

async function replies(engine: Engine, rows: readonly EvalRow[]): Promise<EngineReply[]> {
  const out: EngineReply[] = [];
  for (const row of rows) out.push(await engine.ask(row.question));
  return out;
}

/** Times from spawning `node --import tsx src/cli/ask.ts --json <question>` to its first line of stdout. */
function coldStart(question: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ask.ts", "--json", question], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let took: number | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (took === undefined && out.includes("\n")) took = performance.now() - started;
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0 || took === undefined) fail(new Error(`ask exited with ${code}: ${out.slice(0, 200)}`));
      else if (!(JSON.parse(out) as { answered?: boolean }).answered) fail(new Error(`cold-start question was not answered: ${out.slice(0, 200)}`));
      else done(took);
    });
  });
}

/** Questions per second of `processes` serving processes answering for `durationMs` at the same time. */
async function throughput(processes: number, args: readonly string[], durationMs: number): Promise<{ qps: number; peakRssMiB: number }> {
  const workers = Array.from({ length: processes }, () => fork(join(ROOT, "bench/qps-worker.ts"), [...args], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  await Promise.all(workers.map((w) => new Promise<void>((ready, fail) => {
    w.once("message", () => ready());
    w.once("error", fail);
    w.once("exit", (code) => fail(new Error(`qps worker exited early (${code})`)));
  })));
  const reports = await Promise.all(
    workers.map(
      (w) =>
        new Promise<WorkerReport>((done) => {
          w.removeAllListeners("exit");
          w.once("message", (m) => done(m as WorkerReport));
          w.send({ durationMs });
        }),
    ),
  );
  return { qps: reports.reduce((n, r) => n + (r.answered * 1000) / r.elapsedMs, 0), peakRssMiB: Math.max(...reports.map((r) => r.peakRssMiB)) };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ms = (x: number): string => x.toFixed(x < 10 ? 2 : 1);

function table(results: readonly EngineResult[], extras: DefaultExtras, questions: string): string {
  const languages = [...new Set(results.flatMap((r) => Object.keys(r.quality.byLanguage)))].sort();
  const head = ["engine", "hit@1", "hit@3", "MRR@5", ...languages.map((l) => `MRR@5 ${l}`), "decline acc.", "unans. declined", "chars/answer", "p50 ms", "p95 ms"];
  const rows = results.map((r) => [
    r.name,
    pct(r.hit1),
    pct(r.hit3),
    r.mrr5.toFixed(3),
    ...languages.map((l) => r.quality.byLanguage[l]?.mrr5.toFixed(3) ?? "-"),
    pct(r.quality.declineAccuracy),
    pct(r.quality.unanswerableDeclined),
    Math.round(r.quality.answerChars).toString(),
    ms(r.p50Ms),
    ms(r.p95Ms),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const out = [line(head), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)];
  const extraRows = results.filter((r) => r.extra);
  if (extraRows.length) {
    out.push("", "extra set (tests/fixtures/extra-eval.jsonl): " + extraRows.map((r) => `${r.name} hit@1 ${pct(r.extra?.hit1 ?? 0)} MRR@5 ${(r.extra?.mrr5 ?? 0).toFixed(3)}`).join(" · "));
  }
  out.push(
    "",
    `questions: ${questions}; latency per question over ${results[0]?.latency.samples ?? 0} timed answers after warm-up`,
    `default engine: index build ${ms(extras.buildMs.first)} ms first, ${ms(extras.buildMs.median)} ms median of ${extras.buildMs.runs.length}` +
      ` · cold start (new process to first answer) ${ms(extras.coldStartMs.median)} ms median, ${ms(extras.coldStartMs.max)} ms max of ${extras.coldStartMs.runs.length}` +
      ` · ${extras.qps.oneProcess.toFixed(0)} q/s in 1 process, ${extras.qps.twoProcesses.toFixed(0)} q/s in 2 processes (${extras.qps.cores} cores)` +
      ` · peak RSS of a serving process ${extras.peakRssMiB.toFixed(0)} MiB`,
  );
  return out.join("\n");
}

async function main(args: BenchArgs): Promise<void> {
  const { json, scale } = args;
  if (scale) {
    await runScale({
      sizes: scale.sizes,
      json,
      root: ROOT,
      ...(scale.chart ? { chart: resolve(scale.chart) } : {}),
      ...(scale.out ? { out: resolve(scale.out) } : {}),
      ...(scale.addAll ? { addAll: true } : {}),
      ...(args.reps === undefined ? {} : { reps: args.reps }),
    });
    return;
  }
  const reps = args.reps ?? 50;
  const questionsFile = resolve(args.questions ?? DEV);
  const rows = readRows(questionsFile);
  const extraRows = existsSync(EXTRA) && questionsFile !== EXTRA ? readRows(EXTRA) : [];
  const work = mkdtempSync(join(tmpdir(), "briefing-bench-"));
  const indexDir = join(work, "index");
  try {
    const embeddings = new HashingEmbeddings();
    const seedsDir = join(ROOT, "seeds");
    const seeds = await readSeeds(ROOT, seedsDir);
    log(`building the index of ${seeds.length} briefing(s) 5 times`);
    const builds: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      rmSync(indexDir, { recursive: true, force: true });
      const t = performance.now();
      await buildIndex({ root: ROOT, seedsDir, indexDir, embeddings }, seeds);
      builds.push(performance.now() - t);
    }
    const rag = await createRag({ root: ROOT, seedsDir, indexDir, embeddings });
    const engines: Engine[] = [
      defaultEngine(rag),
      await langchainChunksEngine(seeds, embeddings),
      bm25Engine(rag.index),
      await vectorEngine(rag.index, embeddings, undefined),
      await vectorEngine(rag.index, embeddings, await exactSearchOf(rag.index)),
    ];
    const results: EngineResult[] = [];
    for (const engine of engines) {
      log(`${engine.name}: answering ${rows.length} questions, then ${reps} timed rounds`);
      const quality = scoreReplies(rows, await replies(engine, rows));
      const extra = extraRows.length ? scoreReplies(extraRows, await replies(engine, extraRows)) : undefined;
      const latency = latencyStats(await timeEach(rows.map((r) => r.question), (q) => engine.ask(q), { warmup: 3, reps }));
      results.push({ name: engine.name, hit1: quality.hit1, hit3: quality.hit3, mrr5: quality.mrr5, p50Ms: latency.p50Ms, p95Ms: latency.p95Ms, quality, latency, ...(extra ? { extra } : {}) });
    }

    log("cold start: 7 new processes of `ask --json`");
    const env = { ...process.env, BOT_ROOT: ROOT, INDEX_DIR: indexDir, LOG_LEVEL: "silent" };
    const cold: number[] = [];
    const firstAnswerable = rows.find((r) => r.answerable)?.question ?? "Who is Michele Sison?";
    for (let i = 0; i < 7; i += 1) cold.push(await coldStart(firstAnswerable, env));

    log("throughput: 1 and 2 serving processes, 5 s each");
    const questionsJson = join(work, "questions.json");
    writeFileSync(questionsJson, JSON.stringify([...rows, ...extraRows].map((r) => r.question)));
    const workerArgs = [ROOT, seedsDir, indexDir, questionsJson];
    const one = await throughput(1, workerArgs, 5000);
    const two = await throughput(2, workerArgs, 5000);
    const extras: DefaultExtras = {
      buildMs: { first: builds[0] ?? 0, median: percentile(builds, 50), runs: builds },
      coldStartMs: { median: percentile(cold, 50), max: Math.max(...cold), runs: cold },
      qps: { oneProcess: one.qps, twoProcesses: two.qps, cores: cpus().length },
      peakRssMiB: Math.max(one.peakRssMiB, two.peakRssMiB),
    };
    const report = {
      command: "npm run bench",
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version, platform: `${process.platform}-${process.arch}` },
      questions: { file: questionsFile, count: rows.length, answerable: rows.filter((r) => r.answerable).length, extra: extraRows.length },
      briefings: seeds.map((s) => s.path),
      reps,
      engines: results,
      default: extras,
    };
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else process.stdout.write(`${table(results, extras, `${questionsFile.replace(`${resolve(ROOT, "..")}/`, "../")} (${rows.length})`)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Run as a script (`npm run bench`), not imported (as the tests import readBenchArgs). */
await runAsScript(import.meta.url, USAGE, readBenchArgs, main);
