/**
 * npm run eval -- <questions.jsonl> [--root DIR] [--add-seeds DIR]... [--json]
 *
 * Three formats, told apart by their rows:
 * - evidence (`"evidence": [...]`, dev.jsonl): hit@1, hit@3, MRR@5 per language, decline accuracy, verbatim
 *   citations, latency;
 * - span (`"start"`, `"end"`, `"pstart"`, `"pend"`, xquad-dev): span-hit@1/@3, paragraph-hit@3, false declines
 *   and declines per language, as ../shared/eval/score-xquad.mjs counts them;
 * - conversations (`"turns": [...]`, followups-dev.jsonl): the last turn scored (evidence in the top three, or
 *   a decline), asked in the context of the earlier turns and asked alone.
 *
 * `--root DIR` reads the briefings from DIR/seeds (sources relative to DIR, as xquad-dev's are) and writes the
 * index to a temporary folder, so DIR may be read-only. `--add-seeds DIR` adds DIR's briefings to the corpus.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { smallTalk, type Answer, type ConversationTurn, type Rag } from "../rag/index.js";
import { nextTurns } from "../state/conversations.js";
import { readOptions, saidUsage } from "./args.js";
import { QuestionsFileError, readRows, type ConversationRow, type Turn } from "./eval-rows.js";
import { firstHit, percentile, scoreReplies, scoreSpans, type EngineReply, type EvalRow, type SpanRow } from "./metrics.js";
import { openRag, run, setup, type Cli } from "./setup.js";

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The configured corpus, or DIR/seeds plus any added briefings in a temporary root with its own index. */
function corpus(cli: Cli, { root: rootArg, added }: { readonly root: string | undefined; readonly added: readonly string[] }): { cli: Cli; cleanup: () => void } {
  if (!rootArg && added.length === 0) return { cli, cleanup: () => undefined };
  const work = mkdtempSync(join(tmpdir(), "briefing-eval-"));
  let root = rootArg ? resolve(rootArg) : cli.config.root;
  let seedsDir = rootArg ? join(root, "seeds") : cli.config.seedsDir;
  if (added.length > 0) {
    root = work;
    cpSync(rootArg ? join(resolve(rootArg), "seeds") : cli.config.seedsDir, join(work, "seeds"), { recursive: true });
    for (const dir of added) cpSync(resolve(dir), join(work, "seeds", basename(resolve(dir)) === "seeds" ? "" : basename(resolve(dir))), { recursive: true });
    seedsDir = join(work, "seeds");
  }
  const config = { ...cli.config, root, seedsDir, indexDir: join(work, "index") };
  return { cli: { ...cli, config }, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

const spansOf = (answer: Answer) => (answer.kind === "answered" ? answer.citations.map(({ source, start, end }) => ({ source, start, end })) : undefined);

async function evalSpans(rag: Rag, rows: readonly SpanRow[], json: boolean): Promise<void> {
  const replies = [];
  const latencies: number[] = [];
  for (const row of rows) {
    const answer = await rag.answer(row.question);
    latencies.push(answer.timings.totalMs);
    replies.push(spansOf(answer));
  }
  const scores = scoreSpans(rows, replies);
  const totals = { ...scores, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
  if (json) return void process.stdout.write(`${JSON.stringify(totals)}\n`);
  for (const [lang, s] of Object.entries(scores)) {
    process.stdout.write(
      `${lang.padEnd(4)} answerable ${s.answerable}: span-hit@1 ${pct(s.span1)}  span-hit@3 ${pct(s.span3)}  para-hit@3 ${pct(s.para3)}  false declines ${pct(s.falseDecline)}` +
        ` | unanswerable ${s.unanswerable}: declined ${pct(s.declined)}\n`,
    );
  }
  process.stdout.write(`latency p50 ${totals.p50Ms.toFixed(2)} ms  p95 ${totals.p95Ms.toFixed(2)} ms\n`);
}

async function evalConversations(rag: Rag, rows: readonly ConversationRow[], json: boolean): Promise<void> {
  const verdict = (answer: Answer, turn: Turn): boolean =>
    turn.answerable === false ? answer.kind === "declined" : answer.kind === "answered" && (firstHit(answer.citations.map((c) => c.quote), turn.evidence ?? []) ?? 4) <= 3;
  let inContext = 0;
  let alone = 0;
  const lines: string[] = [];
  for (const row of rows) {
    const last = row.turns[row.turns.length - 1];
    if (!last) continue;
    // The turns as the bots keep them: small talk is none, and a conversation keeps its last few (keptTurns).
    let turns: ConversationTurn[] = [];
    for (const turn of row.turns.slice(0, -1)) {
      if (smallTalk(turn.question) !== undefined) continue;
      const answer = await rag.answer(turn.question, { context: { turns } });
      turns = nextTurns(turns, turn.question, spansOf(answer) ?? []);
    }
    const withContext = verdict(await rag.answer(last.question, { context: { turns } }), last);
    const without = verdict(await rag.answer(last.question), last);
    inContext += withContext ? 1 : 0;
    alone += without ? 1 : 0;
    lines.push(`${row.id.padEnd(6)} ${row.lang.padEnd(3)} in context ${withContext ? "right" : "WRONG"}  alone ${without ? "right" : "WRONG"}  ${last.question}`);
  }
  if (json) return void process.stdout.write(`${JSON.stringify({ conversations: rows.length, inContext, alone })}\n`);
  process.stdout.write(`${lines.join("\n")}\n\nlast turn right: in context ${inContext}/${rows.length}, asked alone ${alone}/${rows.length}\n`);
}

async function evalEvidence(rag: Rag, rows: readonly EvalRow[], json: boolean, root: string): Promise<void> {
  const sources = new Map<string, string>();
  const source = (path: string): string => {
    if (!sources.has(path)) sources.set(path, readFileSync(join(root, path), "utf8"));
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
  if (json) return void process.stdout.write(`${JSON.stringify(totals)}\n`);
  process.stdout.write(`${lines.join("\n")}\n\n`);
  for (const [lang, s] of Object.entries(byLanguage)) {
    process.stdout.write(`${lang.padEnd(4)} n=${s.questions}  hit@1 ${pct(s.hit1)}  hit@3 ${pct(s.hit3)}  MRR@5 ${s.mrr5.toFixed(3)}\n`);
  }
  process.stdout.write(
    `answerable answered ${pct(totals.answerableAnswered)}  unanswerable declined ${pct(totals.unanswerableDeclined)}  verbatim ${pct(totals.verbatim)} (${citations} citations)\n` +
      `latency p50 ${totals.p50Ms.toFixed(2)} ms  p95 ${totals.p95Ms.toFixed(2)} ms\n`,
  );
}

/**
 * `check`'s result, or undefined when the questions file is not one (its QuestionsFileError said on stderr, exit
 * code 2): a file that is not a questions file is the caller's to fix, like a mistyped option.
 */
function questionsFile<T>(check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof QuestionsFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return undefined;
  }
}

const USAGE = "usage: npm run eval -- <questions.jsonl> [--root DIR] [--add-seeds DIR]... [--json]";
const OPTIONS = { root: { type: "string" }, "add-seeds": { type: "string", multiple: true }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

/**
 * The command line read, or what is wrong with it: a mistyped option ("--jsno") or a second file would otherwise be
 * dropped without a word, and "--root" without its folder would score the configured corpus.
 */
function readArgs(args: readonly string[]): { file: string; root: string | undefined; added: readonly string[]; json: boolean; help: false } | { error: string } | { help: true } {
  const read = readOptions(args, OPTIONS);
  if ("error" in read) return { error: read.code === "needs-value" ? `${read.argument} needs a folder` : read.error };
  if (read.values.help) return { help: true };
  const [file, ...more] = read.positionals;
  if (file === undefined) return { error: "which questions file?" };
  if (more.length > 0) return { error: `one questions file at a time, not ${read.positionals.length}` };
  return { file, root: read.values.root, added: read.values["add-seeds"] ?? [], json: read.values.json ?? false, help: false };
}

run(async () => {
  const args = readArgs(process.argv.slice(2));
  if (saidUsage(args, USAGE) || !("file" in args)) return;
  const { file, json } = args;
  // The questions file is read before the configuration: an operator fixing it sees its problem first, whatever
  // the environment holds (a configuration error is exit 1, a file that is not a questions file exit 2).
  const questions = questionsFile(() => readRows(file));
  if (!questions) return;
  const configured = setup();
  // Only the length of its questions waits for the configuration: the limit is MAX_QUESTION_CHARS.
  const read = questionsFile(() => questions.checked(configured.config.maxQuestionChars));
  if (!read) return;
  const { cli, cleanup } = corpus(configured, args);
  try {
    const rag = await openRag(cli);
    if (read.kind === "conversations") await evalConversations(rag, read.rows, json);
    else if (read.rows.some((r) => typeof r.start === "number")) await evalSpans(rag, read.rows, json);
    else await evalEvidence(rag, read.rows, json, cli.config.root);
  } finally {
    cleanup();
  }
});
