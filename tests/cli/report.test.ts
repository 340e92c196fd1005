/**
 * `npm run report`: declined questions, 👎 answers with their question and citations, counts per day and
 * platform; from the state folder, and from Redis merged with it when REDIS_URL is set.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { createFeedbackLog } from "../../src/state/feedback.js";
import { connectRedis } from "../../src/state/redis.js";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";
import { freePort } from "../helpers/ports.js";
import { startRedis, type RedisServer } from "../state/redis-server.js";

let project: TempProject;
let redis: RedisServer;
const DAY = 24 * 60 * 60_000;
const citations = [{ n: 1, source: "seeds/000_9ae3e538818b189d.txt", label: "paragraph 2", start: 120, end: 260 }];

beforeAll(async () => {
  project = tempProject(false);
  redis = await startRedis();
});
afterAll(async () => {
  project.remove();
  await redis.stop();
});

function report(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npm", ["run", "--silent", "report", "--", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, ...env },
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

interface ReportJson {
  counts: { day: string; platform: string; declined: number; up: number; down: number }[];
  declined: { question: string; times: number; platforms: string[] }[];
  disliked: { platform: string; question: string; citations: typeof citations }[];
}

describe("npm run report", () => {
  it("prints declined questions, 👎 answers with citations, and counts per day and platform", { timeout: 60_000 }, async () => {
    const now = Date.now();
    let at = now - 2 * DAY;
    const log = createFeedbackLog({ dir: join(project.root, "state"), retentionDays: 30, logger: silentLogger, now: () => at });
    await log.record({ platform: "telegram", kind: "declined", user: "telegram:1", question: "What is the capital of France?", citations: [] });
    at = now - 40 * DAY; // past the retention period: not reported
    await log.record({ platform: "telegram", kind: "declined", user: "telegram:1", question: "An old question", citations: [] });
    at = now;
    await log.record({ platform: "discord", kind: "declined", user: "discord:1", question: "what is the  capital of France?", citations: [] });
    await log.record({ platform: "discord", kind: "down", user: "discord:1", question: "Who is Michele Sison?", citations });
    await log.record({ platform: "telegram", kind: "up", user: "telegram:2", question: "Who is Michele Sison?", citations });

    const text = report([]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('2× "What is the capital of France?"');
    expect(text.stdout).toContain('discord: "Who is Michele Sison?"');
    expect(text.stdout).toContain("[1] seeds/000_9ae3e538818b189d.txt, paragraph 2 (characters 120-260)");
    expect(text.stdout).not.toContain("An old question");

    const json = JSON.parse(report(["--json"]).stdout) as ReportJson;
    const today = new Date(now).toISOString().slice(0, 10);
    const before = new Date(now - 2 * DAY).toISOString().slice(0, 10);
    expect(json.counts).toEqual([
      { day: before, platform: "telegram", declined: 1, up: 0, down: 0 },
      { day: today, platform: "discord", declined: 1, up: 0, down: 1 },
      { day: today, platform: "telegram", declined: 0, up: 1, down: 0 },
    ]);
    expect(json.declined).toMatchObject([{ question: "What is the capital of France?", times: 2, platforms: ["discord", "telegram"] }]);
    expect(json.disliked).toEqual([{ at: expect.any(String), platform: "discord", question: "Who is Michele Sison?", citations }]);
    expect(JSON.parse(report(["--json", "--days", "1"]).stdout)).toMatchObject({ declined: [{ times: 1 }] });
    expect(report(["--days", "soon"]).status).toBe(2);
  });

  it("prints its usage on --help or -h and exits 0, as `npm run ask` does", () => {
    for (const flag of ["--help", "-h"]) {
      const asked = report([flag]);
      expect(asked).toMatchObject({ status: 0, stderr: "" });
      expect(asked.stdout).toMatch(/^usage: npm run report/u);
    }
  });

  it("says what is wrong with its command line, then its usage, exit 2", { timeout: 60_000 }, () => {
    for (const [args, wrong] of [
      [["--days", "abc"], '--days expects a whole number of days, 1 or more, not "abc"'],
      [["--days", "0"], '--days expects a whole number of days, 1 or more, not "0"'],
      [["--days", "1e3"], '--days expects a whole number of days, 1 or more, not "1e3"'],
      [["--days"], "--days expects a whole number of days, 1 or more"],
      [["--days", "-5"], '--days expects a whole number of days, 1 or more, not "-5"'],
      [["--bogus"], "unknown option --bogus"],
      [["-5"], "unknown option -5"],
      [["--json=1"], "--json takes no value"],
      [["7"], 'unexpected argument "7": the report takes only options'],
    ] as const) {
      const refused = report([...args]);
      expect(refused.status, args.join(" ")).toBe(2);
      expect(refused.stdout, args.join(" ")).toBe("");
      const lines = refused.stderr.trimEnd().split("\n");
      expect(lines[0], args.join(" ")).toContain(wrong);
      // Our words alone: Node's (which speak of a positional argument after '--') mean nothing to an operator.
      expect(lines, args.join(" ")).toHaveLength(2);
      expect(lines.at(-1), args.join(" ")).toMatch(/^usage: npm run report/u);
    }
    expect(JSON.parse(report(["--days=2", "--json"]).stdout)).toHaveProperty("counts");
  });

  it("says in its header when Redis cannot be reached, and that a longer --days than feedback is kept shows no more", { timeout: 60_000 }, async () => {
    const away = report(["--days", "365"], { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, LOG_LEVEL: "silent", FEEDBACK_RETENTION_DAYS: "30" });
    expect(away.status).toBe(0);
    const header = away.stdout.split("\n")[0] ?? "";
    expect(header).toContain("only: Redis could not be read, what it holds is not shown");
    expect(header).toContain("feedback is kept 30 days (FEEDBACK_RETENTION_DAYS)");
    expect(header.slice("Feedback since ".length, "Feedback since ".length + 10)).toBe(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
  });

  it("prints a control or invisible character of a recorded text as its escape, never raw", { timeout: 60_000 }, async () => {
    const dir = join(project.root, "state-hostile");
    const log = createFeedbackLog({ dir, retentionDays: 30, logger: silentLogger });
    // As an older version or a hand edit may have left it: the bot now stores the question as the core read it.
    await log.record({ platform: "tele\u202egram", kind: "down", user: "u", question: "Who is \u202eSison\u200b?\u0085\u{E0001}", citations: [{ ...citations[0]!, label: "para\u2067graph" }] });
    const text = report([], { STATE_DIR: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(String.raw`tele\u202egram: "Who is \u202eSison\u200b?\u0085\u{e0001}"`);
    expect(text.stdout).toContain(String.raw`para\u2067graph`);
    expect(text.stdout).not.toMatch(/[\u202e\u200b\u0085\u2067\u{E0001}]/u);
  });

  it("says in its header when the folder holds no feedback log, and when recording is off", { timeout: 60_000 }, async () => {
    const header = (env: Record<string, string>): string => report([], env).stdout.split("\n")[0] ?? "";
    expect(header({ STATE_DIR: join(project.root, "state-typo") })).toContain("no feedback.jsonl there: nothing was recorded in this folder");
    expect(header({ FEEDBACK_LOG: "off" })).toContain("FEEDBACK_LOG=off: nothing new is recorded");
    expect(header({})).not.toContain("no feedback.jsonl");
    // With Redis the file is written only while Redis is away: its absence is no news.
    expect(header({ STATE_DIR: join(project.root, "state-typo"), REDIS_URL: redis.url })).not.toContain("no feedback.jsonl");
  });

  it("with REDIS_URL reports what Redis holds together with the local folder", { timeout: 60_000 }, async () => {
    const connection = await connectRedis(redis.url, { logger: silentLogger });
    try {
      const shared = createFeedbackLog({ dir: join(project.root, "elsewhere"), retentionDays: 30, redis: connection, logger: silentLogger });
      await shared.record({ platform: "telegram", kind: "down", user: "telegram:3", question: "Recorded by another replica", citations });
    } finally {
      await connection.close();
    }
    const json = JSON.parse(report(["--json"], { REDIS_URL: redis.url }).stdout) as ReportJson & { sources: unknown };
    expect(json.disliked.map((d) => d.question)).toEqual(["Recorded by another replica", "Who is Michele Sison?"]);
    expect(json.sources).toMatchObject({ redis: "read" });
  });

  it("says in its JSON when Redis could not be read, so that a script does not take the folder's events for all", { timeout: 60_000 }, async () => {
    // Found by a review: --json exited 0 with the folder's events alone and nothing in the JSON saying so.
    const closed = await freePort();
    const json = JSON.parse(report(["--json"], { REDIS_URL: `redis://127.0.0.1:${closed}` }).stdout) as { sources: unknown };
    expect(json.sources).toMatchObject({ redis: "unread" });
    expect((JSON.parse(report(["--json"]).stdout) as { sources: unknown }).sources).toMatchObject({ redis: "not used" });
  });

  it("says Redis was not read when it answered but refused the read, in the JSON and the header", { timeout: 60_000 }, async () => {
    // Found by a review: a refused read (WRONGTYPE) fell back to the folder while the JSON said "read".
    const connection = await connectRedis(redis.url, { logger: silentLogger });
    try {
      await connection.run((c) => c.select(7).then(() => c.set("briefing-bot:feedback", "not a sorted set")));
    } finally {
      await connection.close();
    }
    const env = { REDIS_URL: `${redis.url}/7` };
    expect((JSON.parse(report(["--json"], env).stdout) as { sources: unknown }).sources).toMatchObject({ redis: "unread" });
    expect(report([], env).stdout.split("\n")[0]).toContain("only: Redis could not be read");
    const cleanup = await connectRedis(`${redis.url}/7`, { logger: silentLogger });
    await cleanup.run((c) => c.del("briefing-bot:feedback")).finally(() => cleanup.close());
  });
});
