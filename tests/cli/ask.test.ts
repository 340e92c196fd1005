/**
 * The command-line contract the held-out evaluation uses: `npm run --silent ask -- --json [--batch]`.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages, withExample } from "../../src/bots/messages.js";
import { REPO_ROOT, SEED_NAME, tempProject, type TempProject } from "../helpers/project.js";

let project: TempProject;

beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

function npm(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npm", ["run", "--silent", ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

interface Json {
  id?: string | number;
  question: string;
  answered: boolean;
  text: string;
  citations: { n: number; source: string; label: string; quote: string; start: number; end: number; score: number }[];
  timings: { totalMs: number };
  error?: string;
}

function expectContract(json: Json): void {
  expect(Object.keys(json).sort()).toEqual(expect.arrayContaining(["answered", "citations", "question", "text", "timings"]));
  expect(typeof json.timings.totalMs).toBe("number");
  json.citations.forEach((c, i) => {
    expect(c.n).toBe(i + 1);
    expect(readFileSync(join(project.root, c.source), "utf8").slice(c.start, c.end)).toBe(c.quote);
  });
}

describe("npm run ask", () => {
  it("--json prints one object with verbatim citations relative to the project root", { timeout: 60_000 }, () => {
    const { stdout, status } = npm(["ask", "--", "--json", "What role did Algeria play in the Sahel region?"]);
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] ?? "") as Json;
    expectContract(json);
    expect(json.answered).toBe(true);
    expect(json.citations[0]).toMatchObject({ source: "seeds/000_9ae3e538818b189d.txt", label: expect.stringMatching(/^paragraph \d+$/u) });
    expect(json.citations[0]?.quote).toContain("لعبت دوراً رئيسياً");
    expect(json.text).toContain(`[1] “${json.citations[0]?.quote}”`);
  });

  it("--json --batch answers JSON lines in order, echoing ids, and survives bad lines", { timeout: 60_000 }, () => {
    const input = [
      JSON.stringify({ id: "a", question: "Who is Michele Sison?" }),
      JSON.stringify({ id: "b", question: "What is the capital of France?" }),
      "{ not json",
      "null",
      JSON.stringify({ id: 7, question: "x".repeat(5000) }),
      JSON.stringify({ id: "c", question: "ما الذي ناقشته مع نظرائها حول المقررين الخاصين؟" }),
      JSON.stringify({ id: null, question: "Who is Michele Sison?" }),
      JSON.stringify({ id: { a: 1 }, question: "Who is Michele Sison?" }),
      JSON.stringify({ id: "d", question: "And about Mali?", conversation: { a: 1 } }),
      JSON.stringify({ id: "e", question: "Who is Michele Sison?", conversation: null }),
      "",
      `\uFEFF${JSON.stringify({ id: "f", question: "Who is Michele Sison?" })}`,
      JSON.stringify({ id: 8 }),
      JSON.stringify({ id: 9, question: 42 }),
    ].join("\n");
    const { stdout, status } = npm(["ask", "--", "--json", "--batch"], input);
    expect(status).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as Json);
    expect(rows.map((r) => [r.id, r.answered, r.error])).toEqual([
      ["a", true, undefined],
      ["b", false, undefined],
      [undefined, false, "malformed"],
      [undefined, false, "malformed"],
      [7, false, "too-long"], // a number stays a number: matched to its line by equality
      ["c", true, undefined],
      [undefined, true, undefined], // a null id is no id, not "null"
      [undefined, false, "malformed"], // nor an object "[object Object]": its answer could not be matched
      ["d", false, "malformed"], // not asked without the conversation it names
      ["e", true, undefined], // a null conversation is none
      ["f", true, undefined], // a byte-order mark before the JSON (a file saved on Windows) is not part of it
      [8, false, "malformed"], // no question at all is a malformed line, not a question that is not text
      [9, false, "not-text"],
    ]);
    // A refused line names its line number (a blank line is skipped, but counted).
    expect(rows.filter((r) => r.error === "malformed").map((r) => (r as { line?: number }).line)).toEqual([3, 4, 8, 9, 13]);
    expect(rows[11]?.text).toBe('"question" is missing');
    expect(rows[7]?.text).toBe('"id" must be a string or a number');
    rows.forEach(expectContract);
    expect(rows[1]?.text).toContain("I couldn't find anything in the briefing");
    expect(rows[5]?.citations[0]?.quote).toContain("أهمية زيارات المقررين الخاصين للأمم المتحدة");
    expect(rows[8]?.text).toBe('"conversation" must be a string or a number');
  });

  it("--json --batch keeps small talk out of a conversation's turns, as the bots do", { timeout: 60_000 }, () => {
    // Found by a review: "thanks", "ok" and "hello" were turns here (the bots skip them), so "and why?" saw only them.
    const input = ["What happened between Algeria and Bamako last week?", "thanks", "ok", "hello", "and why?"]
      .map((question, i) => JSON.stringify({ id: i, question, conversation: "talk" }))
      .join("\n");
    const { stdout, status } = npm(["ask", "--", "--json", "--batch"], input);
    expect(status).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as Json & { contextTurns?: number });
    expect(rows.map((r) => r.contextTurns)).toEqual([0, 1, 1, 1, 1]);
    expect(rows[4]?.answered).toBe(true);
  });

  it("--json --batch refuses a question that is not text as \"not-text\", in a conversation or not, and goes on", { timeout: 60_000 }, () => {
    const odd = [null, true, 0, [], ["Who is Michele Sison?"], { text: "Who is Michele Sison?" }];
    const input = [
      ...odd.map((question, i) => JSON.stringify({ id: i, question })),
      JSON.stringify({ id: "in-conversation", question: { a: 1 }, conversation: "odd" }),
      // Refused, it is no turn of the conversation: the next line has none before it.
      JSON.stringify({ id: "next", question: "Who is Michele Sison?", conversation: "odd" }),
    ].join("\n");
    const { stdout, status } = npm(["ask", "--", "--json", "--batch"], input);
    expect(status).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l) as Json & { contextTurns?: number });
    expect(rows.map((r) => [r.id, r.question, r.answered, r.error])).toEqual([
      ...odd.map((_, i) => [i, "", false, "not-text"]),
      ["in-conversation", "", false, "not-text"],
      ["next", "Who is Michele Sison?", true, undefined],
    ]);
    expect(rows.map((r) => r.contextTurns)).toEqual([...odd.map(() => undefined), 0, 0]);
    rows.forEach(expectContract);
  });

  it("--json --batch answers every line when one fails: a briefing edited under it is reported on that line", { timeout: 60_000 }, async () => {
    const own = tempProject();
    try {
      const child = spawn("npm", ["run", "--silent", "ask", "--", "--json", "--batch"], {
        cwd: REPO_ROOT,
        env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: own.root },
        stdio: ["pipe", "pipe", "ignore"],
      });
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const next = async (): Promise<Json> => JSON.parse(String((await lines.next()).value)) as Json;
      child.stdin.write(`${JSON.stringify({ id: "before", question: "Who is Michele Sison?" })}\n`);
      expect((await next()).answered).toBe(true);
      // The index was read at start; the briefing now holds other text at every offset it recorded.
      const seed = join(own.seedsDir, SEED_NAME);
      writeFileSync(seed, `A LINE ADDED ON TOP.\n\n${readFileSync(seed, "utf8")}`);
      const after = [
        { id: "after", question: "Who is Michele Sison?" },
        { id: "in-conversation", question: "Who is Michele Sison?", conversation: "c1" },
        { id: "empty", question: " " },
      ];
      child.stdin.end(after.map((r) => `${JSON.stringify(r)}\n`).join(""));
      const rows = [await next(), await next(), await next()];
      expect(rows.map((r) => [r.id, r.answered, r.error])).toEqual([
        ["after", false, "failed"],
        ["in-conversation", false, "failed"],
        ["empty", false, "empty"],
      ]);
      expect(rows[1]).toMatchObject({ conversation: "c1", contextTurns: 0 });
      rows.forEach(expectContract);
      expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    } finally {
      own.remove();
    }
  });

  it("prints the answer as a person reads it, and usage without a question", { timeout: 60_000 }, () => {
    const answer = npm(["ask", "--", "ما هو سعر النفط اليوم؟"]);
    expect(answer.status).toBe(0);
    expect(answer.stdout.trim()).toBe("لم أجد في نص الخبر ما يجيب عن هذا السؤال، ولن أخمّن. جرّب السؤال عن موضوع يتناوله الخبر.");
    const usage = npm(["ask"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run ask");
  });

  it("answers small talk said alone as the bots do, as a person reads it; --json stays the core's answer", { timeout: 60_000 }, () => {
    // The default example questions (EXAMPLE_QUESTION_EN, _AR), which the briefing answers, so the greeting offers them.
    const hi = npm(["ask", "--", "hi"]);
    expect(hi.status).toBe(0);
    expect(hi.stdout).toBe(`${withExample(messages("en").greeting, "en", "Who is Michele Sison?")}\n`);
    expect(npm(["ask", "--", "مرحبا"]).stdout).toBe(`${withExample(messages("ar").greeting, "ar", "من هي ميشال سيسون؟")}\n`);
    // The JSON is the contract the evaluations score: the core's answer to whatever it is given.
    const json = JSON.parse(npm(["ask", "--", "--json", "hi"]).stdout) as Json;
    expectContract(json);
    expect(json).toMatchObject({ question: "hi", answered: false, text: messages("en").declined });
    expect(json.error).toBeUndefined();
  });

  it("reads its options strictly: --help is help, a misspelt option is an error, not part of the question", { timeout: 60_000 }, () => {
    const help = npm(["ask", "--", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run ask");
    const misspelt = npm(["ask", "--", "--jsno", "Who is Michele Sison?"]);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toContain("--jsno");
    expect(misspelt.stdout).toBe("");
    const both = npm(["ask", "--", "--json", "--batch", "Who is Michele Sison?"]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--batch reads its questions from stdin");
  });

  it("names an unknown option in its own words, with how to ask a question beginning with \"-\" through npm (found by a review)", { timeout: 60_000 }, () => {
    for (const [arg, named] of [
      ["-5", "-5"],
      ["-hx", "-hx"],
      ["--jsno", "--jsno"],
      ["--jsno=1", "--jsno"],
    ] as const) {
      const refused = npm(["ask", "--", arg]);
      expect(refused.status, arg).toBe(2);
      expect(refused.stdout, arg).toBe("");
      // Node's own text ("place it at the end of the command after '--'") is wrong through npm, which eats one "--".
      expect(refused.stderr.split("\n"), arg).toEqual([
        `unknown option ${named}; a question beginning with "-" goes after a second --: npm run ask -- -- ${JSON.stringify(arg)}`,
        expect.stringMatching(/^usage: npm run ask/u),
        "",
      ]);
    }
    const value = npm(["ask", "--", "--json=yes", "Who is Michele Sison?"]);
    expect(value.status).toBe(2);
    expect(value.stderr.split("\n")[0]).toBe("--json takes no value");
    // As the message says: after a second --, it is the question.
    const asked = npm(["ask", "--", "--", "-5 degrees in Oslo?"]);
    expect(asked.status).toBe(0);
    expect(asked.stderr).toBe("");
    expect(asked.stdout.trim()).not.toBe("");
  });

  it("--json answers an empty question with the JSON of a refused one, as the contract says", { timeout: 60_000 }, () => {
    for (const question of ["", "   "]) {
      const { stdout, status } = npm(["ask", "--", "--json", question]);
      expect(status).toBe(0);
      const json = JSON.parse(stdout) as Json;
      expectContract(json);
      expect(json).toMatchObject({ answered: false, error: "empty" });
    }
  });
});

describe("npm run eval", () => {
  it("reports hit@1, hit@3, MRR@5 per language, decline accuracy and verbatim share", { timeout: 60_000 }, () => {
    const { stdout, status } = npm(["eval", "--", join(REPO_ROOT, "tests/fixtures/extra-eval.jsonl"), "--json"]);
    expect(status).toBe(0);
    const totals = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(totals)).toEqual(
      expect.arrayContaining(["hit1", "hit3", "mrr5", "byLanguage", "answerableAnswered", "unanswerableDeclined", "verbatim", "p50Ms", "p95Ms"]),
    );
    expect(totals["verbatim"]).toBe(1);
    expect(Object.keys(totals["byLanguage"] as object).sort()).toEqual(["all", "ar", "en"]);
  });
});
