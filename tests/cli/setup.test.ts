/**
 * What the command-line tools share (src/cli/setup.ts): a configuration error said as `npm start` says it, exit 1;
 * a command line a tool does not take, exit 2.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";

let project: TempProject;

beforeAll(() => {
  project = tempProject(false);
});
afterAll(() => project.remove());

/** `npm <args>` with nothing but PATH, HOME, BOT_ROOT and `env`. */
function npm(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npm", ["--silent", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    input: "",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, ...env },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Each tool with arguments it takes, after the "--" that keeps npm from reading them. */
const TOOLS = [
  ["run", "ask", "--", "Who is Michele Sison?"],
  ["run", "index", "--"],
  ["run", "report", "--"],
];

describe("the command-line tools", () => {
  it("say a configuration error in the words of npm start, with its exit code 1", { timeout: 120_000 }, () => {
    const bad = { MAX_QUESTION_CHARS: "many" };
    const line = "Configuration error: MAX_QUESTION_CHARS: expected a whole number from 20 to 4000. See .env.example.\n";
    expect(npm(["start"], bad)).toMatchObject({ status: 1, stderr: line });
    for (const tool of TOOLS) expect(npm(tool, bad), tool.join(" ")).toMatchObject({ status: 1, stderr: line, stdout: "" });
  });

  it("refuse an option they do not take with exit code 2, naming it, before reading the configuration", { timeout: 120_000 }, () => {
    for (const tool of [...TOOLS, ["run", "eval", "--", "questions.jsonl"]]) {
      const refused = npm([...tool, "--bogus"], { MAX_QUESTION_CHARS: "many" });
      expect(refused.status, tool.join(" ")).toBe(2);
      expect(refused.stderr, tool.join(" ")).toContain("--bogus");
      expect(refused.stderr, tool.join(" ")).toMatch(/^usage: npm run /mu);
      expect(refused.stderr, tool.join(" ")).not.toContain("MAX_QUESTION_CHARS");
    }
  });
});
