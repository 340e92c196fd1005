/**
 * Hot reload end to end: the real `npm start` process (console chat, questions on stdin) answers from a
 * briefing added to seeds/ while it runs, and stops quoting it once it is removed, without a restart.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempProject, type TempProject } from "./helpers/project.js";
import { acquireIndexLock, lockPath } from "../src/rag/lock.js";
import { DAM_BRIEFING, DAM_QUESTION } from "./helpers/briefings.js";

const INTRO = "From the briefing:";
const DECLINED = "I couldn't find anything in the briefing";

let project: TempProject;
let child: ChildProcessWithoutNullStreams | undefined;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  project.remove();
});

/** The replies printed so far: each starts with the answer's intro or the decline. */
const replies = (stdout: string): string[] => stdout.split(new RegExp(`(?=${INTRO}|${DECLINED})`)).filter((r) => r.startsWith(INTRO) || r.startsWith(DECLINED));

describe("npm start with briefings changing under it", () => {
  it("answers from a briefing added while it runs and stops quoting it once removed", { timeout: 180_000 }, async () => {
    const started = spawn("npm", ["start", "--silent"], {
      cwd: REPO_ROOT,
      // The default RELOAD_INTERVAL_MS (5 s) with the folder watched; info logs to see the reload.
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, LOG_LEVEL: "info" },
    });
    child = started;
    const output = { stdout: "", stderr: "" };
    started.stdout.on("data", (d: Buffer) => (output.stdout += d.toString()));
    started.stderr.on("data", (d: Buffer) => (output.stderr += d.toString()));

    /** Asks one question on stdin and returns its reply. */
    const ask = async (question: string): Promise<string> => {
      const before = replies(output.stdout).length;
      started.stdin.write(`${question}\n`);
      for (;;) {
        const now = replies(output.stdout);
        // A reply is complete once the next one started, or the output ends with the blank line after it.
        if (now.length > before && output.stdout.endsWith("\n\n")) return now[before] ?? "";
        if (started.exitCode !== null) throw new Error(`npm start exited (${started.exitCode}):\n${output.stderr}`);
        await sleep(50);
      }
    };
    /** Asks again (once a second) until `accept` takes the reply; the deadline is the test's timeout. */
    const askUntil = async (question: string, accept: (reply: string) => boolean): Promise<string> => {
      for (;;) {
        const reply = await ask(question);
        if (accept(reply)) return reply;
        await sleep(1000);
      }
    };

    const first = await ask(DAM_QUESTION);
    expect(first).not.toContain("Tavish Quennell");

    writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    const added = await askUntil(DAM_QUESTION, (reply) => reply.includes("Tavish Quennell"));
    expect(added).toContain("seeds/001_dam.txt, paragraph");
    expect(added.startsWith(INTRO)).toBe(true);
    expect(output.stderr).toContain("briefings reloaded");

    rmSync(join(project.seedsDir, "001_dam.txt"));
    const removed = await askUntil(DAM_QUESTION, (reply) => !reply.includes("Tavish Quennell"));
    expect(removed).not.toContain("seeds/001_dam.txt");
    expect(await ask("Who is Michele Sison?")).toContain("ميشال سيسون");

    started.stdin.end();
    const [code] = (await once(started, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});

describe("npm run index while another process writes the index", () => {
  it("waits for the lock (saying so once), then builds, and leaves no lock behind", { timeout: 120_000 }, async () => {
    const p = tempProject();
    try {
      const lock = await acquireIndexLock(p.indexDir);
      const indexing = spawn("npm", ["run", "--silent", "index"], {
        cwd: REPO_ROOT,
        env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: p.root },
      });
      const output = { stdout: "", stderr: "" };
      indexing.stdout.on("data", (d: Buffer) => (output.stdout += d.toString()));
      indexing.stderr.on("data", (d: Buffer) => (output.stderr += d.toString()));
      await expect.poll(() => output.stderr, { timeout: 60_000, interval: 100 }).toContain("is writing the index; waiting for it to finish");
      expect(existsSync(p.indexDir)).toBe(false); // nothing written while we hold the lock
      await lock.release();
      const [code] = (await once(indexing, "exit")) as [number | null];
      expect(code, output.stderr).toBe(0);
      expect(output.stdout).toMatch(/^indexed 1 briefing\(s\)/);
      expect(output.stderr.match(/waiting/g)).toHaveLength(1);
      expect(existsSync(lockPath(p.indexDir))).toBe(false);
      expect(existsSync(join(p.indexDir, "manifest.json"))).toBe(true);
    } finally {
      p.remove();
    }
  });
});
