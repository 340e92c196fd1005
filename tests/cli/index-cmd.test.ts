/**
 * The operator's command `npm run index` (src/cli/index-cmd.ts): it builds the index on disk or fails saying why,
 * never reporting an index it could not save.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";

let project: TempProject;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

function index(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npm", ["run", "--silent", "index", ...(args.length ? ["--", ...args] : [])], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, LOG_LEVEL: "silent" },
    timeout: 120_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe("npm run index", () => {
  it("takes no options: --help prints its usage, anything else is refused, and neither builds", { timeout: 120_000 }, () => {
    const help = index("--help");
    expect(help).toMatchObject({ status: 0, stderr: "" });
    expect(help.stdout).toMatch(/^usage: npm run index/u);
    const typo = index("--forse");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("unknown argument: --forse");
    expect(typo.stdout).toBe("");
    expect(existsSync(join(project.indexDir, "manifest.json"))).toBe(false);
  });

  it("builds the index, then refuses to replace it over an operator's files, keeping them, with exit 1", { timeout: 240_000 }, () => {
    const built = index();
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^indexed 1 briefing\(s\): \d+ passages, \d+ sentences in \d+ ms -> /u);

    writeFileSync(join(project.indexDir, "README.txt"), "what this folder is");
    mkdirSync(join(project.indexDir, "backup"));
    writeFileSync(join(project.indexDir, "backup", "notes.txt"), "important");
    const refused = index();
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`the index folder ${project.indexDir} (INDEX_DIR) holds other things (README.txt, backup); a rebuild would replace it`);
    expect(readFileSync(join(project.indexDir, "backup", "notes.txt"), "utf8")).toBe("important");
    expect(readFileSync(join(project.indexDir, "README.txt"), "utf8")).toBe("what this folder is");
  });
});
