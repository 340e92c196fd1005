/**
 * `ask --json --batch` conversations: lines with the same "conversation" id are one conversation, in order, and
 * with REDIS_URL a conversation started in one batch process continues in the next.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";
import { startRedis, type RedisServer } from "../state/redis-server.js";

let project: TempProject;
let redis: RedisServer;

beforeAll(async () => {
  project = tempProject();
  redis = await startRedis();
});
afterAll(async () => {
  project.remove();
  await redis.stop();
});

interface Row {
  id?: string;
  question: string;
  answered: boolean;
  citations: { source: string; start: number; end: number }[];
  conversation?: string;
  contextTurns?: number;
  error?: string;
}

function batch(lines: object[], env: Record<string, string> = {}): Row[] {
  return batchRun(lines, env).rows;
}

function batchRun(lines: object[], env: Record<string, string> = {}): { rows: Row[]; stderr: string } {
  const result = spawnSync("npm", ["run", "--silent", "ask", "--", "--json", "--batch"], {
    cwd: REPO_ROOT,
    input: lines.map((l) => JSON.stringify(l)).join("\n"),
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, ...env },
    timeout: 90_000,
  });
  if (result.status !== 0) throw new Error(`ask --batch exited ${result.status}: ${result.stderr}`);
  return { rows: result.stdout.trim().split("\n").map((l) => JSON.parse(l) as Row), stderr: result.stderr };
}

/** Sets one of the test server's settings with redis-cli (installed with redis-server). */
function redisConfig(name: string, value: string): void {
  const result = spawnSync("redis-cli", ["-p", String(redis.port), "config", "set", name, value], { encoding: "utf8" });
  if (result.status !== 0 || result.stdout.trim() !== "OK") throw new Error(`redis-cli config set ${name} ${value}: ${result.stdout}${result.stderr}`);
}

describe("npm run ask -- --json --batch with conversations", () => {
  it("passes the earlier turns of the same conversation only, in order, at most three", { timeout: 90_000 }, () => {
    const rows = batch([
      { id: "1", conversation: "a", question: "Who is Michele Sison?" },
      { id: "2", conversation: "b", question: "What role did Algeria play in the Sahel region?" },
      { id: "3", conversation: "a", question: "What did she discuss with her counterparts?" },
      { id: "4", question: "What is the capital of France?" },
      { id: "5", conversation: "a", question: "x".repeat(5000) },
      { id: "6", conversation: "a", question: "And about Mali?" },
      { id: "7", conversation: "a", question: "And the special rapporteurs?" },
      { id: "8", conversation: "a", question: "Anything else?" },
    ]);
    expect(rows.map((r) => [r.id, r.conversation, r.contextTurns])).toEqual([
      ["1", "a", 0],
      ["2", "b", 0],
      ["3", "a", 1],
      ["4", undefined, undefined], // a line without a conversation keeps the old contract
      ["5", "a", 2],
      ["6", "a", 2], // a refused line (too long) is no turn
      ["7", "a", 3],
      ["8", "a", 3],
    ]);
    expect(rows[4]?.error).toBe("too-long");
  });

  it("with REDIS_URL a conversation started in one process continues in another", { timeout: 120_000 }, () => {
    const env = { REDIS_URL: redis.url };
    const first = batch([{ id: "1", conversation: "shared", question: "Who is Michele Sison?" }], env);
    expect(first[0]).toMatchObject({ answered: true, contextTurns: 0 });
    const second = batch([{ id: "2", conversation: "shared", question: "What did she discuss with her counterparts?" }], env);
    expect(second[0]).toMatchObject({ conversation: "shared", contextTurns: 1 });
    // Without Redis the next process starts afresh.
    expect(batch([{ id: "3", conversation: "shared", question: "And about Mali?" }])[0]?.contextTurns).toBe(0);
  });

  it("keeps every answer when Redis refuses to store a turn (out of memory), with a warning", { timeout: 120_000 }, () => {
    const env = { REDIS_URL: redis.url };
    expect(batch([{ id: "1", conversation: "full", question: "Who is Michele Sison?" }], env)[0]).toMatchObject({ contextTurns: 0 });
    // Reads still work; every write is refused with an OOM error.
    redisConfig("maxmemory", "1");
    try {
      const { rows, stderr } = batchRun(
        [
          { id: "2", conversation: "full", question: "What did she discuss with her counterparts?" },
          { id: "3", conversation: "full", question: "And about Mali?" },
        ],
        env,
      );
      expect(rows.map((r) => [r.id, r.answered, r.contextTurns, r.error])).toEqual([
        ["2", true, 1, undefined],
        ["3", true, 2, undefined], // the second turn, refused by Redis, is read back from this process
      ]);
      // A refused write goes to this process's store, which reads of that key then prefer, with one warning that
      // says so.
      expect(stderr.split("\n").filter((l) => /OOM command not allowed.*Redis refused a command/u.test(l))).toHaveLength(1);
      expect(stderr).not.toContain("Redis is unavailable");
    } finally {
      redisConfig("maxmemory", "0");
    }
  });
});
