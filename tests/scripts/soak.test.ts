/**
 * `npm run soak` (scripts/soak.ts) leaves nothing behind: not when its deadline cuts the run (process.exit skips the
 * `finally` blocks, and a bot process does not watch for its parent going), and not when a fake server cannot
 * start. Each run gets a TMPDIR of its own, where its temporary project is made; its bot processes are found by the
 * BOT_ROOT in their environment (Linux's /proc).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project.js";

/** The processes whose BOT_ROOT is a project under `tmp`: the soak's bots. */
function botsUnder(tmp: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/u.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").some((v) => v.startsWith(`BOT_ROOT=${tmp}/`));
      } catch (error) {
        // Gone meanwhile, or another user's: not one of these bots.
        if (error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "EACCES" || error.code === "ESRCH")) return false;
        throw error;
      }
    })
    .map(Number);
}

/** The temporary projects (tests/helpers/project.ts names them) left under `tmp`; tsx's cache there is not one. */
const projectsUnder = (tmp: string): string[] => readdirSync(tmp).filter((name) => name.startsWith("briefing-bot-"));

interface SoakRun {
  readonly code: number | null;
  readonly stderr: string;
  /** Bot processes seen while the script ran. */
  readonly botsSeen: number;
  /** Bot processes and temporary projects left once it exited. */
  readonly botsLeft: number[];
  readonly projectsLeft: string[];
}

/** Runs the soak script with `args` (never writing docs/) in a TMPDIR of its own, watching for its bot processes. */
async function soak(args: readonly string[], env: Record<string, string> = {}): Promise<SoakRun> {
  const tmp = mkdtempSync(join(tmpdir(), "soak-test-"));
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/soak.ts", "--no-write", ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", TMPDIR: tmp, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const seen = new Set<number>();
    const watch = setInterval(() => botsUnder(tmp).forEach((pid) => seen.add(pid)), 100);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearInterval(watch);
    // A bot killed at the deadline is gone at once; one let be would still be there after this while.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const botsLeft = botsUnder(tmp);
    for (const pid of botsLeft) process.kill(pid, "SIGKILL");
    return { code, stderr, botsSeen: seen.size, botsLeft, projectsLeft: projectsUnder(tmp) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Linux-only (/proc). No run to the end: its burst of 200 questions and the 2 s holds of its shutdown are fixed, which
// takes 12 s on a quiet machine and over 20 s on a busy one; the run cut at its deadline starts the same bots.
describe.runIf(process.platform === "linux").concurrent("npm run soak", () => {
  it("at its deadline kills the bot process and removes the temporary project before exiting 1", { timeout: 60_000 }, async () => {
    // Questions enough to be still asking at the deadline, with a bot running.
    const run = await soak(["--questions", "1000000", "--deadline-ms", "6000"]);
    expect(run.stderr).toContain("soak: gave up after 6 s");
    expect(run.code).toBe(1);
    expect(run.botsSeen).toBeGreaterThan(0);
    expect(run.botsLeft).toEqual([]);
    expect(run.projectsLeft).toEqual([]);
  });

  // Loaded before the script: no server can listen, so the first fake's start fails, by a throw or, as a port taken
  // does, by an "error" event (which left the start pending and the project behind until the fakes listened for it).
  it.each([
    ["throws", 'throw new Error("soak test: no server may listen");'],
    ["emits an error", 'process.nextTick(() => this.emit("error", new Error("soak test: no server may listen"))); return this;'],
  ])("a fake server whose listen() %s leaves no temporary project behind", { timeout: 60_000 }, async (_how, body) => {
    const refuse = `import net from "node:net"; net.Server.prototype.listen = function () { ${body} };`;
    const run = await soak([], { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(refuse)}` });
    expect(run.stderr).toContain("soak test: no server may listen");
    expect(run.code).not.toBe(0);
    expect(run.botsSeen).toBe(0);
    expect(run.projectsLeft).toEqual([]);
  });
});
