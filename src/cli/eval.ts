/**
 * npm run eval -- ../shared/eval/dev.jsonl
 * Per question and in total: hit@1, hit@3, MRR@5 (per language too), decline accuracy, verbatim citations,
 * latency. `--json` prints the totals as one JSON object instead of the table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firstHit, percentile, summarize, type EvalRow } from "./metrics.js";
import { openRag, run, setup } from "./setup.js";

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

run(async () => {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new Error("usage: npm run eval -- <questions.jsonl> [--json]");
  const rows = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRow);
  const cli = setup();
  const rag = await openRag(cli);
  const sources = new Map<string, string>();
  const source = (path: string): string => {
    if (!sources.has(path)) sources.set(path, readFileSync(join(cli.config.root, path), "utf8"));
    return sources.get(path) ?? "";
  };

  const latencies: number[] = [];
  const ranks = new Map<string, (number | undefined)[]>();
  let citations = 0;
  let verbatim = 0;
  let answerableAnswered = 0;
  let answerable = 0;
  let unanswerableDeclined = 0;
  let unanswerable = 0;
  const lines: string[] = [];

  for (const row of rows) {
    const answer = await rag.answer(row.question);
    latencies.push(answer.timings.totalMs);
    const quotes = answer.kind === "answered" ? answer.citations : [];
    for (const c of quotes) {
      citations += 1;
      if (source(c.source).slice(c.start, c.end) === c.quote) verbatim += 1;
    }
    let verdict: string;
    if (row.answerable) {
      answerable += 1;
      if (answer.kind === "answered") answerableAnswered += 1;
      const rank = firstHit(quotes.map((c) => c.quote), row.evidence);
      for (const key of [row.lang, "all"]) ranks.set(key, [...(ranks.get(key) ?? []), rank]);
      verdict = answer.kind === "declined" ? "DECLINED" : rank === undefined ? "miss" : `hit@${rank}`;
    } else {
      unanswerable += 1;
      if (answer.kind === "declined") unanswerableDeclined += 1;
      verdict = answer.kind === "declined" ? "declined (ok)" : "ANSWERED";
    }
    lines.push(`${row.id.padEnd(6)} ${row.lang.padEnd(3)} ${verdict.padEnd(14)} ${answer.timings.totalMs.toFixed(2).padStart(7)} ms  ${row.question}`);
  }

  const byLanguage = Object.fromEntries([...ranks].map(([lang, r]) => [lang, summarize(r)]));
  const totals = {
    ...summarize(ranks.get("all") ?? []),
    byLanguage,
    answerableAnswered: answerable ? answerableAnswered / answerable : 1,
    unanswerableDeclined: unanswerable ? unanswerableDeclined / unanswerable : 1,
    verbatim: citations ? verbatim / citations : 1,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
  };
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(totals)}\n`);
    return;
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
  for (const [lang, s] of Object.entries(byLanguage)) {
    process.stdout.write(`${lang.padEnd(4)} n=${s.questions}  hit@1 ${pct(s.hit1)}  hit@3 ${pct(s.hit3)}  MRR@5 ${s.mrr5.toFixed(3)}\n`);
  }
  process.stdout.write(
    `answerable answered ${pct(totals.answerableAnswered)}  unanswerable declined ${pct(totals.unanswerableDeclined)}  verbatim ${pct(totals.verbatim)} (${citations} citations)\n` +
      `latency p50 ${totals.p50Ms.toFixed(2)} ms  p95 ${totals.p95Ms.toFixed(2)} ms\n`,
  );
});
