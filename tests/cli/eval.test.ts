/**
 * `npm run eval` on the span format of xquad-dev (over a read-only `--root`) and on conversations.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, SEED_NAME, tempProject, type TempProject } from "../helpers/project.js";

let project: TempProject;

beforeAll(() => {
  project = tempProject();
});
afterAll(() => {
  chmodSync(project.root, 0o755);
  project.remove();
});

/** Every entry under `dir` with its size and modification time: what a write there would change. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}

/**
 * `npm run eval -- <args>` over the temporary project (BOT_ROOT), with nothing else of this environment but PATH
 * and HOME: without BOT_ROOT it would read, and might rebuild, the working tree's own index/ from its seeds/.
 */
function npmEval(args: readonly string[], env: Readonly<Record<string, string>> = {}): SpawnSyncReturns<string> {
  return spawnSync("npm", ["run", "--silent", "eval", "--", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, ...env },
    timeout: 60_000,
  });
}

function evalJson(args: string[]): Record<string, unknown> {
  const result = npmEval([...args, "--json"], { LOG_LEVEL: "silent" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("npm run eval", () => {
  it("refuses a mistyped option or a second file with its usage (exit 2), instead of dropping it; --help prints the usage", () => {
    const cases: [string[], string][] = [
      [["q.jsonl", "--jsno"], "unknown option --jsno"],
      [["a.jsonl", "b.jsonl"], "one questions file at a time, not 2"],
      [[], "which questions file?"],
      [["q.jsonl", "--root"], "--root needs a folder"],
      [["q.jsonl", "--root", "--json"], "--root needs a folder"],
      [["q.jsonl", "--add-seeds"], "--add-seeds needs a folder"],
      [["q.jsonl", "--json=1"], "--json takes no value"],
    ];
    const usage = "usage: npm run eval -- <questions.jsonl> [--root DIR] [--add-seeds DIR]... [--json]\n";
    for (const [args, said] of cases) {
      const result = npmEval(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toBe(`${said}\n${usage}`);
    }
    expect(npmEval(["--help"])).toMatchObject({ status: 0, stdout: usage, stderr: "" });
  });

  // A dozen runs of npm, a few seconds each on a busy machine.
  it("refuses a questions file with a line that is not a row (exit 2), naming the file, the line and what is wrong", { timeout: 120_000 }, () => {
    const question = { id: "q1", lang: "en", question: "Who is Michele Sison?", evidence: ["Sison"], answerable: true };
    const conversation = { id: "c1", lang: "en", turns: [{ question: "Who is Michele Sison?" }, { question: "And her role?", evidence: ["x"] }] };
    const cases: [string, string[], string][] = [
      // The blank line is counted: the line number is the one an editor shows.
      ["not-json", [JSON.stringify(question), "", "{ not json"], ':3: not JSON ('],
      ["no-question", [JSON.stringify(question), JSON.stringify({ id: "q2", lang: "en", evidence: [], answerable: false })], ':2: "question" is missing'],
      ["question-not-text", [JSON.stringify({ ...question, question: 42 })], ':1: "question" must be text'],
      ["not-object", [JSON.stringify([question])], ":1: not a JSON object"],
      ["no-answerable", [JSON.stringify({ id: "q3", lang: "en", question: "Who?" })], ':1: "answerable" is missing'],
      ["evidence-text", [JSON.stringify({ ...question, evidence: "Sison" })], ':1: "evidence" must be a list of text'],
      ["span-text", [JSON.stringify({ ...question, start: "12" })], ':1: "start" must be a number'],
      ["turn-no-question", [JSON.stringify({ ...conversation, turns: [{ question: "Who?" }, { evidence: ["x"] }] })], ':1: turn 2: "question" is missing'],
      ["mixed", [JSON.stringify(conversation), JSON.stringify(question)], ':2: "turns" is missing (line 1 is a conversation)'],
      // Questions the core refuses to read: the run stopped at them, after every question before was asked.
      ["blank-question", [JSON.stringify(question), JSON.stringify({ ...question, question: " \t " })], ':2: "question": the question is empty'],
      ["long-question", [JSON.stringify({ ...question, question: "Who? ".repeat(120) })], ':1: "question": the question has 599 characters; the limit is 500'],
      ["turn-blank-question", [JSON.stringify({ ...conversation, turns: [{ question: "" }, { question: "And her role?", evidence: ["x"] }] })], ':1: turn 1: "question": the question is empty'],
    ];
    for (const [name, lines, message] of cases) {
      const file = join(project.root, `bad-${name}.jsonl`);
      writeFileSync(file, `${lines.join("\n")}\n`);
      const result = npmEval([file, "--json"]);
      expect(result.status, name).toBe(2);
      expect(result.stderr, name).toContain(`${file}${message}`);
      expect(result.stdout, name).toBe("");
    }
  });

  it("reports a malformed questions file (exit 2, file:line) before a configuration error; question lengths against the configured limit", { timeout: 60_000 }, () => {
    const evalWith = (file: string, env: Record<string, string>) => npmEval([file, "--json"], env);
    const question = { id: "q1", lang: "en", question: "Who is Michele Sison?", evidence: ["Sison"], answerable: true };
    const malformed = join(project.root, "malformed.jsonl");
    writeFileSync(malformed, `${JSON.stringify(question)}\n{ not json\n`);
    const broken = evalWith(malformed, { MAX_QUESTION_CHARS: "many" });
    expect(broken.stderr).toContain(`${malformed}:2: not JSON (`);
    expect(broken.stderr).not.toContain("MAX_QUESTION_CHARS");
    expect(broken.status).toBe(2);
    // A question's length is the one check that needs the configuration: against a bad limit, the limit is the error.
    const long = join(project.root, "long.jsonl");
    writeFileSync(long, `${JSON.stringify(question)}\n${JSON.stringify({ ...question, id: "q2", question: "Who is the envoy for Western Sahara?" })}\n`);
    const unknownLimit = evalWith(long, { MAX_QUESTION_CHARS: "many" });
    expect(unknownLimit.stderr).toContain("Configuration error: MAX_QUESTION_CHARS");
    expect(unknownLimit.status).toBe(1);
    const overLimit = evalWith(long, { MAX_QUESTION_CHARS: "30" });
    expect(overLimit.stderr).toContain(`${long}:2: "question": the question has 36 characters; the limit is 30`);
    expect(overLimit.status).toBe(2);
    expect(overLimit.stdout).toBe("");
  });

  it("scores the span format over a --root it does not write to, as score-xquad.mjs counts", () => {
    const source = `seeds/${SEED_NAME}`;
    const text = readFileSync(join(project.root, source), "utf8");
    const start = text.indexOf("ستافان دي ميستورا");
    const pstart = text.lastIndexOf("\n", start) + 1;
    const span = { source, start, end: start + "ستافان دي ميستورا".length, pstart, pend: text.indexOf("\n", start) };
    const rows = [
      { id: "a1", lang: "ar", question: "من هو المبعوث الشخصي للأمين العام في الصحراء الغربية؟", answerable: true, ...span },
      { id: "e1", lang: "en", question: "Who is the personal envoy of the Secretary-General for Western Sahara?", answerable: true, ...span },
      { id: "n1", lang: "en", question: "What is the capital of France?", answerable: false },
    ];
    writeFileSync(join(project.root, "questions.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n"));
    // Read-only to a user; root (as CI runs) writes there anyway, which the snapshot would show.
    chmodSync(project.root, 0o555);
    const before = snapshot(project.root);
    const scores = evalJson([join(project.root, "questions.jsonl"), "--root", project.root]) as Record<string, Record<string, number>>;
    expect(snapshot(project.root)).toEqual(before);
    expect(scores["ar"]).toMatchObject({ answerable: 1, span3: 1, para3: 1, falseDecline: 0 });
    expect(scores["en"]).toMatchObject({ answerable: 1, span3: 1, para3: 1, unanswerable: 1, declined: 1 });
    expect(scores["all"]).toMatchObject({ answerable: 2, unanswerable: 1 });
  });

  it("scores the evidence format when an unanswerable row leaves out its evidence", () => {
    const rows = [
      { id: "d1", lang: "ar", question: "من هو المبعوث الشخصي للأمين العام في الصحراء الغربية؟", evidence: ["ستافان دي ميستورا"], answerable: true },
      { id: "d2", lang: "ar", question: "ما هو سعر النفط اليوم؟", answerable: false },
    ];
    const file = join(project.root, "evidence.jsonl");
    chmodSync(project.root, 0o755);
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n"));
    const scores = evalJson([file]) as { questions: number; hit3: number; unanswerableDeclined: number };
    expect(scores).toMatchObject({ questions: 1, hit3: 1, unanswerableDeclined: 1 });
    // Without --root the configured corpus is scored: BOT_ROOT's, whose index the run built in the project.
    expect(existsSync(join(project.root, "index", "manifest.json"))).toBe(true);
  });

  it("scores conversations in context and asked alone", () => {
    const file = join(REPO_ROOT, "tests/fixtures/followups.jsonl");
    const out = evalJson([file]);
    expect(out).toEqual({ conversations: 2, inContext: 2, alone: expect.any(Number) });
  });
});
