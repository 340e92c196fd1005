/**
 * Two replicas of the real `npm start` sharing one real redis-server: Telegram in webhook mode behind one URL
 * (the test posts each update to the replica it chooses, or to both), Discord as two shards (one local fake each,
 * the same users on both). They must behave as one bot, and go on answering when Redis dies.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import type { Update } from "telegraf/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDS, startFakeDiscord, type FakeDiscord, type FakeUser } from "../fakes/discord-server.js";
import { startFakeTelegram, type FakeTelegram, type SentMessage } from "../fakes/telegram-server.js";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";
import { startRedis, type RedisServer } from "./redis-server.js";
import { freePort } from "../helpers/ports.js";

const SECRET = "replica-webhook-secret";
const HOOK = "/telegram/hook";

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

interface Replica {
  readonly name: string;
  readonly child: ChildProcessWithoutNullStreams;
  readonly discord: FakeDiscord;
  readonly webhookPort: number;
  readonly project: TempProject;
  stderr: string;
  logs(): LogLine[];
}

let redis: RedisServer;
let tg: FakeTelegram;
let a: Replica;
let b: Replica;

async function startReplica(name: string): Promise<Replica> {
  const discord = await startFakeDiscord();
  const webhookPort = await freePort();
  const project = tempProject();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      BOT_ROOT: project.root,
      LOG_LEVEL: "debug",
      REDIS_URL: redis.url,
      STATE_SALT: "replicas-share-this-salt",
      RATE_LIMIT_PER_MINUTE: "3",
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://bot.example.test${HOOK}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_WEBHOOK_PORT: String(webhookPort),
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: IDS.guild,
    },
  });
  const replica: Replica = {
    name,
    child,
    discord,
    webhookPort,
    project,
    stderr: "",
    logs() {
      return this.stderr
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as LogLine);
    },
  };
  child.stderr.on("data", (d: Buffer) => (replica.stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => (replica.stderr += d.toString()));
  return replica;
}

async function until<T>(probe: () => T | undefined, what: string, replicas: readonly Replica[] = [a, b], timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${replicas.map((r) => `--- ${r.name}\n${r.stderr.slice(-3000)}`).join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Posts `update` to a replica's webhook as Telegram would; resolves with the HTTP status once it is handled. */
async function deliver(replica: Replica, update: Update): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${replica.webhookPort}${HOOK}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

const repliesTo = (messageId: number, chatId: number): SentMessage[] =>
  tg.sent.filter((s) => s.message.chat.id === chatId && (s.params["reply_parameters"] as { message_id?: number } | undefined)?.message_id === messageId);

const answered = (replica: Replica, user: string): LogLine[] => replica.logs().filter((l) => l.msg === "answered" && l["user"] === user);

beforeAll(async () => {
  redis = await startRedis();
  tg = await startFakeTelegram();
  [a, b] = await Promise.all([startReplica("replica A"), startReplica("replica B")]);
  await until(() => (a.logs().some((l) => l.msg === "ready") && b.logs().some((l) => l.msg === "ready") ? true : undefined), "both replicas ready", [a, b], 90_000);
}, 120_000);

afterAll(async () => {
  for (const replica of [a, b]) {
    if (!replica) continue;
    if (replica.child.exitCode === null) {
      const exited = once(replica.child, "exit");
      replica.child.kill("SIGTERM");
      const timer = setTimeout(() => replica.child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await replica.discord.close();
    replica.project.remove();
    expect(replica.stderr).not.toContain(tg.token);
    expect(replica.stderr).not.toContain(replica.discord.token);
  }
  await tg?.close();
  await redis?.stop();
}, 30_000);

describe("two replicas sharing one Redis", () => {
  it("start with shared state", () => {
    for (const replica of [a, b]) expect(replica.logs().find((l) => l.msg === "ready")).toMatchObject({ state: "redis" });
  });

  it("a user rate-limited on one replica is limited on the other", { timeout: 60_000 }, async () => {
    const user: FakeUser = { id: "500000000000000777", username: "flooder" };
    for (let i = 0; i < 3; i++) {
      const id = a.discord.directMessage(`Who is Michele Sison? ${i}`, { author: user });
      await a.discord.waitFor(() => a.discord.messages.find((m) => m.messageReference?.["message_id"] === id), 30_000, "an answer on A");
    }
    const id = b.discord.directMessage("Who is Michele Sison?", { author: user });
    const notice = await b.discord.waitFor(() => b.discord.messages.find((m) => m.messageReference?.["message_id"] === id), 30_000, "the notice on B");
    expect(notice.content).toContain("You're asking faster than I can keep up");
    // Someone else is still answered on B.
    const other = b.discord.directMessage("Who is Michele Sison?", { author: { id: "500000000000000778", username: "calm" } });
    const reply = await b.discord.waitFor(() => b.discord.messages.find((m) => m.messageReference?.["message_id"] === other), 30_000, "an answer on B");
    expect(reply.content).toContain("From the briefing:");
  });

  it("a follow-up on one replica is asked with the context of the question asked on the other; buttons work on both", { timeout: 60_000 }, async () => {
    const from = { id: 2002, name: "Follow" };
    const first = tg.privateUpdate("Who is Michele Sison?", from);
    expect(await deliver(a, first)).toBe(200);
    const [answer] = await until(() => (repliesTo(first.message.message_id, first.message.chat.id).length > 0 ? repliesTo(first.message.message_id, first.message.chat.id) : undefined), "A's answer");
    const followUp = tg.privateUpdate("What did she discuss with her counterparts?", from);
    expect(await deliver(b, followUp)).toBe(200);
    await until(() => (repliesTo(followUp.message.message_id, followUp.message.chat.id).length > 0 ? true : undefined), "B's answer");
    expect(answered(a, "telegram:2002").map((l) => l["turns"])).toEqual([0]);
    expect(answered(b, "telegram:2002").map((l) => l["turns"])).toEqual([1]);

    // The paragraph button under A's answer, pressed and delivered to B.
    if (!answer) throw new Error("no answer");
    const [paragraphs] = tg.buttonsOf(answer);
    const click = tg.callbackUpdate(answer.message, paragraphs?.[0] ?? "", from);
    expect(await deliver(b, click)).toBe(200);
    const passage = await until(() => repliesTo(answer.message.message_id, answer.message.chat.id)[0], "the passage from B");
    expect(passage.params["text"]).toContain("The whole passage (seeds/000_9ae3e538818b189d.txt");
  });

  it("one Telegram update delivered to both replicas is answered once", { timeout: 60_000 }, async () => {
    const update = tg.privateUpdate("What role did Algeria play in the Sahel region?", { id: 2003 });
    const statuses = await Promise.all([deliver(a, update), deliver(b, update)]);
    expect(statuses).toEqual([200, 200]);
    const skipped = (r: Replica): boolean => r.logs().some((l) => l.msg === "duplicate update skipped" && l["update"] === update.update_id);
    await until(() => (skipped(a) || skipped(b) ? true : undefined), "one replica to skip the update");
    await until(() => (answered(a, "telegram:2003").length + answered(b, "telegram:2003").length > 0 ? true : undefined), "the answer");
    await until(() => (repliesTo(update.message.message_id, update.message.chat.id).length > 0 ? true : undefined), "the answer to be sent");
    expect(answered(a, "telegram:2003").length + answered(b, "telegram:2003").length).toBe(1);
    expect(repliesTo(update.message.message_id, update.message.chat.id)).toHaveLength(1);
  });

  it("Redis killed mid-run: one warning each, answers go on, and state is shared again once it is back", { timeout: 90_000 }, async () => {
    await redis.kill();
    for (let i = 0; i < 3; i++) {
      const update = tg.privateUpdate(`Who is Michele Sison? (${i})`, { id: 2100 + i });
      expect(await deliver(i % 2 === 0 ? a : b, update)).toBe(200);
      await until(() => (repliesTo(update.message.message_id, update.message.chat.id).length > 0 ? true : undefined), "an answer while Redis is down");
    }
    const id = a.discord.directMessage("Who is Michele Sison?", { author: { id: "500000000000000779", username: "during" } });
    await a.discord.waitFor(() => a.discord.messages.find((m) => m.messageReference?.["message_id"] === id), 30_000, "a Discord answer while Redis is down");
    const unavailable = (r: Replica): LogLine[] => r.logs().filter((l) => l.level === 40 && /^Redis is unavailable/u.test(l.msg));
    await until(() => (unavailable(a).length > 0 && unavailable(b).length > 0 ? true : undefined), "the warnings");
    expect(unavailable(a)).toHaveLength(1);
    expect(unavailable(b)).toHaveLength(1);
    for (const replica of [a, b]) expect(replica.logs().filter((l) => l.level >= 50)).toEqual([]);

    await redis.restart();
    const back = (r: Replica): boolean => r.logs().some((l) => /^Redis is back/u.test(l.msg));
    await until(() => (back(a) && back(b) ? true : undefined), "both replicas to reconnect");
    // Shared again: a follow-up on B continues a question asked on A after the restart.
    const from = { id: 2200, name: "After" };
    const first = tg.privateUpdate("Who is Michele Sison?", from);
    await deliver(a, first);
    await until(() => (repliesTo(first.message.message_id, first.message.chat.id).length > 0 ? true : undefined), "A's answer after the restart");
    const followUp = tg.privateUpdate("What did she discuss with her counterparts?", from);
    await deliver(b, followUp);
    await until(() => (answered(b, "telegram:2200").length > 0 ? true : undefined), "B's answer after the restart");
    expect(answered(b, "telegram:2200").map((l) => l["turns"])).toEqual([1]);
    expect(unavailable(a)).toHaveLength(1);
    for (const replica of [a, b]) expect(replica.stderr).not.toContain("replicas-share-this-salt");
  });
});
