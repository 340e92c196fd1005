/**
 * The command lines of `npm run bench` (bench/run.ts) and `npm run bench:xquad` (bench/xquad.ts): read strictly, so
 * that `--help` or a typo never starts a benchmark of several minutes (found by a review).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readBenchArgs } from "../../bench/run.js";
import { readXquadArgs } from "../../bench/xquad.js";
import { REPO_ROOT } from "../helpers/project.js";

/** `npm run --silent <script> -- ...args`. */
function npm(script: string, args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LOG_LEVEL: "silent" },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

// A questions file and a folder that do not exist: a command line taken for a run ends at once instead of benchmarking.
const NO_QUESTIONS = ["--questions", "/nonexistent/questions.jsonl"];
const NO_DIR = "/nonexistent/xquad-dev";

describe("readBenchArgs", () => {
  it("reads the options of the engine comparison and of the scale study", () => {
    expect(readBenchArgs([])).toEqual({ help: false, json: false });
    expect(readBenchArgs(["--json", "--reps", "100", "--questions", "a.jsonl"])).toEqual({ help: false, json: true, reps: 100, questions: "a.jsonl" });
    expect(readBenchArgs(["--reps=7"])).toEqual({ help: false, json: false, reps: 7 });
    expect(readBenchArgs(["--scale", "1,100,1000", "--chart", "c.svg", "--out", "o.json", "--add-all", "--reps", "3"])).toEqual({
      help: false,
      json: false,
      reps: 3,
      scale: { sizes: [1, 100, 1000], chart: "c.svg", out: "o.json", addAll: true },
    });
    expect(readBenchArgs(["--scale", "10"])).toEqual({ help: false, json: false, scale: { sizes: [10], addAll: false } });
    for (const help of ["--help", "-h"]) expect(readBenchArgs([help, "--json"])).toMatchObject({ help: true });
  });

  it.each([
    [["--reps", "abc"], '--reps expects a whole number, 1 or more, not "abc"'],
    [["--reps", "0"], '--reps expects a whole number, 1 or more, not "0"'],
    [["--reps", "2.5"], '--reps expects a whole number, 1 or more, not "2.5"'],
    [["--reps", "1e3"], '--reps expects a whole number, 1 or more, not "1e3"'],
    [["--reps", "-5"], '--reps expects a whole number, 1 or more, not "-5"'],
    [["--reps"], "--reps needs a value"],
    [["--questions", "--json"], "--questions needs a value"],
    [["--bogus"], "unknown option --bogus"],
    [["-x"], "unknown option -x"],
    [["--help", "--bogus"], "unknown option --bogus"],
    [["--json=yes"], "--json takes no value"],
    [["dev.jsonl"], 'unexpected argument "dev.jsonl": npm run bench takes only options (--questions FILE for another question set)'],
    [["--scale", "1,abc"], '--scale expects sizes such as 1,100,1000 (whole numbers, 1 or more), not "1,abc"'],
    [["--scale", "0"], '--scale expects sizes such as 1,100,1000 (whole numbers, 1 or more), not "0"'],
    [["--scale", ""], '--scale expects sizes such as 1,100,1000 (whole numbers, 1 or more), not ""'],
    [["--chart", "c.svg"], "--chart applies only to the scale study (--scale)"],
    [["--add-all"], "--add-all applies only to the scale study (--scale)"],
    [["--scale", "10", "--questions", "q.jsonl"], "--questions does not apply to the scale study (--scale)"],
  ])("refuses %j: %s", (args, error) => {
    expect(readBenchArgs(args)).toEqual({ error });
  });
});

describe("readXquadArgs", () => {
  it("reads --json and one folder", () => {
    expect(readXquadArgs([])).toEqual({ help: false, json: false });
    expect(readXquadArgs(["DIR", "--json"])).toEqual({ help: false, json: true, dir: "DIR" });
    expect(readXquadArgs(["--", "-odd folder"])).toEqual({ help: false, json: false, dir: "-odd folder" });
    expect(readXquadArgs(["-h"])).toMatchObject({ help: true });
  });

  it.each([
    [["--bogus"], "unknown option --bogus"],
    [["-json"], "unknown option -json"],
    [["--json=1"], "--json takes no value"],
    [["a", "b"], 'unexpected argument "b": npm run bench:xquad takes one folder'],
  ])("refuses %j: %s", (args, error) => {
    expect(readXquadArgs(args)).toEqual({ error });
  });
});

describe("npm run bench and bench:xquad on the command line", () => {
  it("--help prints the usage and exits 0 without benchmarking", { timeout: 60_000 }, () => {
    for (const [script, args] of [["bench", ["--help", ...NO_QUESTIONS]], ["bench:xquad", ["--help", NO_DIR]]] as const) {
      const help = npm(script, args);
      expect(help, script).toMatchObject({ status: 0, stderr: "" });
      expect(help.stdout, script).toMatch(new RegExp(`^usage: npm run ${script} `, "u"));
    }
  });

  it("names a wrong option or value, then the usage, exit 2", { timeout: 60_000 }, () => {
    for (const [script, args, error] of [
      ["bench", ["--bogus", ...NO_QUESTIONS], "unknown option --bogus"],
      ["bench", ["--reps", "abc", ...NO_QUESTIONS], '--reps expects a whole number, 1 or more, not "abc"'],
      ["bench:xquad", ["--bogus", NO_DIR], "unknown option --bogus"],
    ] as const) {
      const refused = npm(script, args);
      expect(refused.status, error).toBe(2);
      expect(refused.stdout, error).toBe("");
      expect(refused.stderr.split("\n"), error).toEqual([error, expect.stringMatching(new RegExp(`^usage: npm run ${script} `, "u")), ""]);
    }
  });

  it("bench:xquad says which folder is not in xquad-dev's format, exit 2", { timeout: 60_000 }, () => {
    const missing = npm("bench:xquad", [NO_DIR]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`no ${NO_DIR}/questions.jsonl: bench:xquad reads a folder in xquad-dev's format (DIR/questions.jsonl, DIR/seeds)\n`);
  });
});
