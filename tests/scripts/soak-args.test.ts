/**
 * The command line of `npm run soak` (scripts/soak.ts), read strictly: `--help` or a typo must not start a soak of
 * minutes that rewrites docs/reliability.md (found by a review). The soak itself is tested in soak.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSoakArgs } from "../../scripts/soak.js";
import { REPO_ROOT } from "../helpers/project.js";

const DEFAULTS = { help: false, write: true, questions: 10_000, users: 100, deadlineMs: 600_000 };

describe("readSoakArgs", () => {
  it("reads the options, each defaulting as documented", () => {
    expect(readSoakArgs([])).toEqual(DEFAULTS);
    expect(readSoakArgs(["--no-write", "--questions", "500", "--users=7", "--deadline-ms", "6000"])).toEqual({ ...DEFAULTS, write: false, questions: 500, users: 7, deadlineMs: 6000 });
    for (const help of ["--help", "-h"]) expect(readSoakArgs([help])).toMatchObject({ help: true });
  });

  it.each([
    [["--questions", "abc"], '--questions expects a whole number, 1 or more, not "abc"'],
    [["--questions", "0"], '--questions expects a whole number, 1 or more, not "0"'],
    [["--users", "-3"], '--users expects a whole number, 1 or more, not "-3"'],
    [["--users", "2.5"], '--users expects a whole number, 1 or more, not "2.5"'],
    [["--deadline-ms", "1e4"], '--deadline-ms expects a whole number of milliseconds from 1 to 2147483647, not "1e4"'],
    [["--deadline-ms", "9999999999"], '--deadline-ms expects a whole number of milliseconds from 1 to 2147483647, not "9999999999"'],
    [["--questions"], "--questions needs a value"],
    [["--users", "--no-write"], "--users needs a value"],
    [["--nowrite"], "unknown option --nowrite"],
    [["-n"], "unknown option -n"],
    [["--help", "--nowrite"], "unknown option --nowrite"],
    [["--no-write=1"], "--no-write takes no value"],
    [["500"], 'unexpected argument "500": npm run soak takes only options'],
  ])("refuses %j: %s", (args, error) => {
    expect(readSoakArgs(args)).toEqual({ error });
  });
});

describe("npm run soak on the command line", () => {
  /** `npm run --silent soak -- ...args` in a TMPDIR of its own; `--deadline-ms` keeps a run taken by mistake short. */
  function soak(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
    const tmp = mkdtempSync(join(tmpdir(), "soak-args-"));
    try {
      const result = spawnSync("npm", ["run", "--silent", "soak", "--", ...args, "--deadline-ms", "3000"], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", TMPDIR: tmp },
        timeout: 60_000,
      });
      return { stdout: result.stdout, stderr: result.stderr, status: result.status };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  it("--help prints the usage and exits 0, leaving docs/reliability.md alone", { timeout: 60_000 }, () => {
    const doc = join(REPO_ROOT, "docs/reliability.md");
    const before = statSync(doc).mtimeMs;
    const help = soak(["--help"]);
    expect(help).toMatchObject({ status: 0, stderr: "" });
    expect(help.stdout).toMatch(/^usage: npm run soak -- /u);
    expect(statSync(doc).mtimeMs).toBe(before);
  });

  it("names a wrong option or value, then the usage, exit 2", { timeout: 60_000 }, () => {
    for (const [args, error] of [
      [["--nowrite"], "unknown option --nowrite"],
      [["--questions", "abc"], '--questions expects a whole number, 1 or more, not "abc"'],
    ] as const) {
      const refused = soak(args);
      expect(refused.status, error).toBe(2);
      expect(refused.stdout, error).toBe("");
      expect(refused.stderr.split("\n"), error).toEqual([error, expect.stringMatching(/^usage: npm run soak -- /u), ""]);
    }
  });
});
