/**
 * npm run bench:xquad [-- DIR] [--json]   (--help for the usage; an unknown option is named, exit 2)
 *
 * The engines of `npm run bench` side by side on a folder in xquad-dev's format (DIR/seeds, DIR/questions.jsonl;
 * default ../shared/eval/xquad-dev), scored as ../shared/eval/score-xquad.mjs scores: span-hit@1/@3 and
 * paragraph-hit@3 per question language, false declines, unanswerable questions declined, latency per question
 * and index build time. DIR is only read; the index goes to a temporary folder.
 *
 * Engines answer with quote texts (chunks, passages or sentences); each is located in its briefing (its first
 * occurrence) to be scored as a span.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readOptions, runAsScript } from "../src/cli/args.js";
import { scoreSpans, type CitedSpan, type SpanRow, type SpanScores } from "../src/cli/metrics.js";
import { HashingEmbeddings } from "../src/rag/embeddings.js";
import { createRag } from "../src/rag/rag.js";
import { readSeeds, type Seed } from "../src/rag/seeds.js";
import { buildIndex } from "../src/rag/store.js";
import { bm25Engine, defaultEngine, langchainChunksEngine, type Engine } from "./engines.js";
import { latencyStats, percentile } from "./measure.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const log = (line: string): void => void process.stderr.write(`[bench:xquad] ${line}\n`);
const USAGE = "usage: npm run bench:xquad -- [DIR] [--json]   (DIR in xquad-dev's format; default ../shared/eval/xquad-dev)";
const OPTIONS = { help: { type: "boolean", short: "h" }, json: { type: "boolean" } } as const;

/** The command line of `npm run bench:xquad`, read. */
export interface XquadArgs {
  readonly help: boolean;
  readonly json: boolean;
  /** The folder in xquad-dev's format, as given. */
  readonly dir?: string;
}

/** `args` read, or what is wrong with them, naming the argument (an unknown option, a second folder). */
export function readXquadArgs(args: readonly string[]): XquadArgs | { readonly error: string } {
  const read = readOptions(args, OPTIONS);
  if ("error" in read) return { error: read.error };
  const [dir, second] = read.positionals;
  if (second !== undefined) return { error: `unexpected argument ${JSON.stringify(second)}: npm run bench:xquad takes one folder` };
  const { help = false, json = false } = read.values;
  return { help, json, ...(dir === undefined ? {} : { dir }) };
}

interface EngineResult {
  readonly name: string;
  readonly scores: Record<string, SpanScores>;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/** Where each quote stands in the briefings (its first occurrence), or nothing when the engine declined. */
function locate(seeds: readonly Seed[], quotes: readonly string[]): CitedSpan[] {
  return quotes.flatMap((quote) => {
    for (const seed of seeds) {
      const start = quote ? seed.readText().indexOf(quote) : -1;
      if (start >= 0) return [{ source: seed.path, start, end: start + quote.length }];
    }
    return [];
  });
}

async function run(engine: Engine, rows: readonly SpanRow[], seeds: readonly Seed[]): Promise<EngineResult> {
  const replies: (CitedSpan[] | undefined)[] = [];
  const ms: number[] = [];
  for (const row of rows) {
    const t = performance.now();
    const reply = await engine.ask(row.question);
    ms.push(performance.now() - t);
    replies.push(reply.declined ? undefined : locate(seeds, reply.quotes));
  }
  const latency = latencyStats(ms);
  return { name: engine.name, scores: scoreSpans(rows, replies), p50Ms: latency.p50Ms, p95Ms: latency.p95Ms };
}

const pct = (x = 0): string => `${(x * 100).toFixed(1)}%`;

function table(results: readonly EngineResult[]): string {
  const lines = [
    "| engine | questions | span-hit@1 | span-hit@3 | paragraph-hit@3 | false declines | unanswerable declined | p50 ms | p95 ms |",
    "| --- | --- | --: | --: | --: | --: | --: | --: | --: |",
  ];
  for (const r of results) {
    for (const lang of ["en", "ar"]) {
      const s = r.scores[lang];
      if (!s) continue;
      lines.push(`| ${r.name} | ${lang} | ${pct(s.span1)} | ${pct(s.span3)} | ${pct(s.para3)} | ${pct(s.falseDecline)} | ${pct(s.declined)} | ${r.p50Ms.toFixed(2)} | ${r.p95Ms.toFixed(2)} |`);
    }
  }
  return lines.join("\n");
}

/** The engines on the folder `dir` (absolute), as a table or, with `json`, one JSON object. */
async function main(dir: string, json: boolean): Promise<void> {
  const rows = readFileSync(join(dir, "questions.jsonl"), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as SpanRow);
  const work = mkdtempSync(join(tmpdir(), "briefing-bench-xquad-"));
  try {
    const embeddings = new HashingEmbeddings();
    const seedsDir = join(dir, "seeds");
    const seeds = await readSeeds(dir, seedsDir);
    const builds: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const indexDir = join(work, `index-${i}`);
      const t = performance.now();
      await buildIndex({ root: dir, seedsDir, indexDir, embeddings }, seeds);
      builds.push(performance.now() - t);
    }
    log(`index of ${seeds.length} briefings built 3 times, median ${Math.round(percentile(builds, 50))} ms`);
    const rag = await createRag({ root: dir, seedsDir, indexDir: join(work, "index-0"), embeddings });
    const engines: Engine[] = [
      defaultEngine(rag),
      await langchainChunksEngine(seeds, embeddings),
      bm25Engine(rag.index),
    ];
    const results: EngineResult[] = [];
    for (const engine of engines) {
      log(`${engine.name}: ${rows.length} questions`);
      results.push(await run(engine, rows, seeds));
    }
    const report = { command: "npm run bench:xquad", dir, questions: rows.length, buildMs: { median: percentile(builds, 50), runs: builds }, engines: results };
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else process.stdout.write(`${table(results)}\n\nindex build of ${seeds.length} briefings: median ${Math.round(percentile(builds, 50))} ms of 3\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Run as a script (`npm run bench:xquad`), not imported (as the tests import readXquadArgs). */
await runAsScript(import.meta.url, USAGE, readXquadArgs, async (args) => {
  const dir = resolve(args.dir ?? join(ROOT, "../shared/eval/xquad-dev"));
  // A mistyped folder is the caller's to fix, like a mistyped option (and a stack trace says less).
  if (existsSync(join(dir, "questions.jsonl"))) await main(dir, args.json);
  else {
    process.stderr.write(`no ${join(dir, "questions.jsonl")}: bench:xquad reads a folder in xquad-dev's format (DIR/questions.jsonl, DIR/seeds)\n`);
    process.exitCode = 2;
  }
});
