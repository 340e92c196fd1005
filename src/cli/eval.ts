/**
 * npm run eval -- ../shared/eval/dev.jsonl
 * Per question and in total: hit@1, hit@3, MRR@5 (per language too), decline accuracy, verbatim citations,
 * latency. `--json` prints the totals as one JSON object instead of the table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firstHit, percentile, scoreReplies, type EngineReply, type EvalRow } from "./metrics.js";
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
  const replies: EngineReply[] = [];
  let citations = 0;
  let verbatim = 0;
  const lines: string[] = [];

  for (const row of rows) {
    const answer = await rag.answer(row.question);
    latencies.push(answer.timings.totalMs);
    const quotes = answer.kind === "answered" ? answer.citations : [];
    for (const c of quotes) {
      citations += 1;
      if (source(c.source).slice(c.start, c.end) === c.quote) verbatim += 1;
    }
    replies.push({ declined: answer.kind === "declined", quotes: quotes.map((c) => c.quote) });
    const rank = firstHit(quotes.map((c) => c.quote), row.evidence);
    const verdict = row.answerable
      ? answer.kind === "declined" ? "DECLINED" : rank === undefined ? "miss" : `hit@${rank}`
      : answer.kind === "declined" ? "declined (ok)" : "ANSWERED";
    lines.push(`${row.id.padEnd(6)} ${row.lang.padEnd(3)} ${verdict.padEnd(14)} ${answer.timings.totalMs.toFixed(2).padStart(7)} ms  ${row.question}`);
  }

  const scores = scoreReplies(rows, replies);
  const { questions, hit1, hit3, mrr5 } = scores;
  const byLanguage = { ...scores.byLanguage, all: { questions, hit1, hit3, mrr5 } };
  const totals = {
    questions,
    hit1,
    hit3,
    mrr5,
    byLanguage,
    answerableAnswered: scores.answerableAnswered,
    unanswerableDeclined: scores.unanswerableDeclined,
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
