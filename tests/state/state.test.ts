/**
 * The state stores: in this process, and shared through a real redis-server by two instances as two replicas
 * would share them, including Redis dying mid-run and coming back.
 */
import { spawn } from "node:child_process";
import { createServer, type Socket } from "node:net";
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter, createRedisRateLimiter } from "../../src/bots/rate-limit.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { feedbackData, paragraphData, parseButtonData } from "../../src/state/buttons.js";
import { createConversationMemory, keptTurns, parseTurns } from "../../src/state/conversations.js";
import type { ConversationTurn } from "../../src/rag/index.js";
import { createFeedbackLog, FEEDBACK_FILE, type FeedbackLog, type FeedbackOptions } from "../../src/state/feedback.js";
import { connectRedis, createState, openState, StateUnavailableError, type BotState, type SharedRedis } from "../../src/state/index.js";
import { createMemoryStore, createSharedStore } from "../../src/state/kv.js";
import { SLOW_REDIS_REST_MS } from "../../src/state/redis.js";
import { freePort } from "../helpers/ports.js";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";
import { startRedis, type RedisServer } from "./redis-server.js";
import { startSlowProxy } from "./slow-proxy.js";

function collectingLogger(secrets: string[] = []): { logger: Logger; lines: () => { level: number; msg: string }[]; raw: string[] } {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: "debug", secrets, destination }), raw, lines: () => raw.map((l) => JSON.parse(l) as { level: number; msg: string }) };
}

const turn = (question: string) => ({ question, citations: [{ source: "seeds/a.txt", start: 1, end: 9 }] });
const payload = { platform: "telegram", question: "Who?", language: "en" as const, citations: [{ n: 1, source: "seeds/a.txt", label: "paragraph 1", start: 1, end: 9 }] };

describe("in-process state", () => {
  it("holds at most its bound in bytes, dropping the oldest, whatever is written", async () => {
    const store = createMemoryStore({ maxBytes: 10_000 });
    for (let i = 0; i < 1000; i++) await store.set(`key-${i}`, "v".repeat(200), 60_000);
    // 200 characters at 2 bytes, a short key and the overhead: about 530 bytes an entry, so 18 fit.
    expect(await store.get("key-999")).toBe("v".repeat(200));
    expect(await store.get("key-982")).toBeDefined();
    expect(await store.get("key-981")).toBeUndefined();
  });

  it("expires entries and holds at most its bound, dropping the oldest", async () => {
    let now = 1000;
    const store = createMemoryStore({ maxEntries: 3, now: () => now });
    await store.set("a", "1", 100);
    expect(await store.get("a")).toBe("1");
    now += 100;
    expect(await store.get("a")).toBeUndefined();
    for (const key of ["b", "c", "d", "e"]) await store.set(key, key, 1000);
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("e")).toBe("e");
    expect(await store.claim("e", "x", 1000)).toBe(false);
    expect(await store.claim("f", "x", 1000)).toBe(true);
  });

  it("button data stays far below Telegram's 64 bytes and parses back; foreign data does not parse", () => {
    expect(parseButtonData(paragraphData("AbCd-_12", 3, "ar"))).toEqual({ kind: "paragraph", id: "AbCd-_12", n: 3, language: "ar" });
    expect(parseButtonData(feedbackData("AbCd-_12", "down", "en"))).toEqual({ kind: "feedback", id: "AbCd-_12", vote: "down", language: "en" });
    // Buttons made before the language was recorded still work, without one.
    expect(parseButtonData("p:AbCd-_12:3")).toEqual({ kind: "paragraph", id: "AbCd-_12", n: 3 });
    expect(parseButtonData("f:AbCd-_12:up")).toEqual({ kind: "feedback", id: "AbCd-_12", vote: "up" });
    expect(Math.max(...[paragraphData("AbCd-_12", 999, "ar"), feedbackData("AbCd-_12", "down", "en")].map((d) => Buffer.byteLength(d)))).toBe(18);
    for (const data of ["", "p:x", "f:abc:maybe", "p:abc:1:2", "p:abc:up", "f:abc:1", "p:abc:1:fr", "x".repeat(64)]) expect(parseButtonData(data)).toBeUndefined();
  });

  it("reads malformed stored conversations as none", () => {
    expect(parseTurns("{")).toBeUndefined();
    expect(parseTurns('[{"question":1}]')).toBeUndefined();
    expect(parseTurns(JSON.stringify([turn("a"), turn("b"), turn("c"), turn("d")]))?.map((t) => t.question)).toEqual(["b", "c", "d"]);
  });

  it("a thread started from an answer goes on from that answer's conversation until it has its own", async () => {
    // Found by a review: a Discord thread started from an answer (it takes the answer's id) began with no context.
    const memory = createConversationMemory(createMemoryStore(), 60_000);
    await memory.link(["discord:77"], [turn("Who is Michele Sison?")]);
    const place = { chat: "discord:thread:77:u1", startedFrom: "discord:77" };
    expect((await memory.recall(place)).map((t) => t.question)).toEqual(["Who is Michele Sison?"]);
    await memory.append(place, turn("And about Mali?"));
    expect((await memory.recall(place)).map((t) => t.question)).toEqual(["Who is Michele Sison?", "And about Mali?"]);
    // Its own turns now stand, whatever the starter answer's conversation becomes.
    await memory.link(["discord:77"], [turn("Something else")]);
    expect((await memory.recall(place)).map((t) => t.question)).toEqual(["Who is Michele Sison?", "And about Mali?"]);
    expect(await memory.recall({ chat: "discord:thread:78:u1", startedFrom: "discord:78" })).toEqual([]);
  });

  it("keeps the last answered turn however many declined ones came after it", () => {
    // Found by a review: three declined questions pushed the answered one out, and "and why?" had nothing to follow.
    const declined = (question: string): ConversationTurn => ({ question, citations: [] });
    const turns = [turn("a"), turn("answered"), declined("x"), declined("y"), declined("z")];
    expect(keptTurns(turns).map((t) => t.question)).toEqual(["answered", "y", "z"]);
    expect(keptTurns([declined("x"), declined("y"), declined("z"), declined("w")]).map((t) => t.question)).toEqual(["y", "z", "w"]);
    expect(keptTurns([turn("a"), declined("x"), turn("b"), declined("y")]).map((t) => t.question)).toEqual(["x", "b", "y"]);
  });
});

describe("the feedback log in the state folder", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject(false);
  });
  afterAll(() => project.remove());

  it("keeps salted user hashes, a generated salt readable only by the owner, and reads back what it wrote", async () => {
    const dir = join(project.root, "state-a");
    const log = createFeedbackLog({ dir, retentionDays: 30, logger: collectingLogger().logger });
    await log.record({ platform: "telegram", kind: "declined", user: "telegram:1001", question: "Capital of France?", citations: [] });
    await log.record({ platform: "discord", kind: "down", user: "discord:5", question: "Who?", citations: payload.citations });
    const events = await log.list();
    expect(events.map((e) => [e.platform, e.kind, e.question])).toEqual([
      ["telegram", "declined", "Capital of France?"],
      ["discord", "down", "Who?"],
    ]);
    expect(events[0]?.user).toMatch(/^[0-9a-f]{16}$/u);
    expect(readFileSync(join(dir, FEEDBACK_FILE), "utf8")).not.toContain("1001");
    expect(statSync(join(dir, "salt")).mode & 0o077).toBe(0);
    // Another log over the same folder uses the same salt, so one user keeps one hash across restarts.
    const again = createFeedbackLog({ dir, retentionDays: 30, logger: collectingLogger().logger });
    await again.record({ platform: "telegram", kind: "up", user: "telegram:1001", question: "Q", citations: [] });
    const hashes = (await again.list()).filter((e) => e.platform === "telegram").map((e) => e.user);
    expect(new Set(hashes).size).toBe(1);
  });

  it("reads back an event recorded twice under one name once: a vote pressed again after a failure that was none", async () => {
    const log = createFeedbackLog({ dir: join(project.root, "state-once"), retentionDays: 30, logger: collectingLogger().logger });
    const vote = { platform: "telegram", kind: "up", user: "telegram:1001", question: "Who?", citations: payload.citations, once: "vote:abc:telegram:1001" } as const;
    await log.record(vote);
    await log.record(vote);
    await log.record({ ...vote, once: "vote:def:telegram:1001" });
    const { once: _, ...unnamed } = vote;
    await log.record(unnamed);
    const events = await log.list();
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it("drops events past the retention period and keeps at most maxEvents, oldest first out", async () => {
    const dir = join(project.root, "state-b");
    let now = Date.UTC(2026, 10, 1);
    const log = createFeedbackLog({ dir, retentionDays: 2, maxEvents: 20, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger, now: () => now });
    await log.record({ platform: "telegram", kind: "declined", user: "u", question: "old", citations: [] });
    now += 3 * 24 * 60 * 60_000;
    for (let i = 0; i < 45; i++) await log.record({ platform: "telegram", kind: "declined", user: "u", question: `q${i}`, citations: [] });
    const events = await log.list();
    expect(events).toHaveLength(20);
    expect(events[0]?.question).toBe("q25");
    expect(events.map((e) => e.question)).not.toContain("old");
    expect(events.at(-1)?.question).toBe("q44");
    // Compaction kept the file bounded: at most maxEvents plus the appends since the last compaction.
    const lines = readFileSync(join(dir, FEEDBACK_FILE), "utf8").trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(20 + 10);
    expect(existsSync(join(dir, "salt"))).toBe(false); // STATE_SALT given: none generated
  });

  it("loses no event when two processes share the folder and one trims the file while the other appends", async () => {
    const dir = join(project.root, "state-shared");
    // Two logs over one folder, as two replicas without Redis: each also trims the file every 100 of its own writes.
    const open = () => createFeedbackLog({ dir, retentionDays: 30, maxEvents: 1000, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger });
    const [a, b] = [open(), open()];
    const record = (log: FeedbackLog, question: string) => log.record({ platform: "telegram", kind: "declined", user: "u", question, citations: [] });
    let writing = 2;
    const writer = async (log: FeedbackLog, name: string): Promise<void> => {
      for (let i = 0; i < 90; i++) expect(await record(log, `${name}${i}`)).toBe(true);
      writing -= 1;
    };
    // And one trims it over and over meanwhile (as a prune at start or a daily one would, at the worst moment).
    const trimmer = async (log: FeedbackLog): Promise<void> => {
      while (writing > 0) await log.prune();
    };
    await Promise.all([writer(a, "a"), writer(b, "b"), trimmer(a)]);
    const questions = (await open().list()).map((e) => e.question);
    expect(new Set(questions).size).toBe(180);
    expect(questions).toHaveLength(180);
  });

  it("keeps what another process writes while the file is moved aside, and what lands in the moved file after its reading", async () => {
    const dir = join(project.root, "state-aside");
    const open = (hooks?: FeedbackOptions["hooks"]) => createFeedbackLog({ dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger, ...(hooks ? { hooks } : {}) });
    const other = open();
    const record = (log: FeedbackLog, question: string) => log.record({ platform: "telegram", kind: "declined", user: "u", question, citations: [] });
    const compacting = open({
      // Another process appends meanwhile: to a new file, which the compaction must add to, not replace.
      afterAside: async () => void (await record(other, "written to the new file")),
      // A writer that opened the file before it moved finishes its line there after the compaction read it.
      afterKept: async () => {
        const aside = readdirSync(dir).find((name) => name.endsWith(".aside"));
        if (aside) appendFileSync(join(dir, aside), `${JSON.stringify({ id: "late", at: Date.now(), platform: "telegram", kind: "declined", user: "u", question: "landed in the moved file", citations: [] })}\n`);
      },
    });
    await record(compacting, "before");
    await compacting.prune();
    // And a reader in the middle of a compaction sees every event too (covered by the test hooks below).
    expect((await open().list()).map((e) => e.question).sort()).toEqual(["before", "landed in the moved file", "written to the new file"]);
    expect(readdirSync(dir).filter((name) => name.startsWith(FEEDBACK_FILE)).sort()).toEqual([FEEDBACK_FILE]);
  });

  it("shows every event to a reader while another process compacts, and says an event not kept after five moves is not", async () => {
    const dir = join(project.root, "state-reader");
    const options = { dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger };
    const reader = createFeedbackLog(options);
    const seen: number[] = [];
    const look = async (): Promise<void> => void seen.push((await reader.list()).length);
    const compacting = createFeedbackLog({ ...options, hooks: { afterAside: look, afterKept: look } });
    for (let i = 0; i < 3; i++) await compacting.record({ platform: "telegram", kind: "up", user: "u", question: `q${i}`, citations: [] });
    await compacting.prune();
    expect(seen).toEqual([3, 3]);
    // Moved aside before every one of five writes: not counted as kept, so the vote can be given again.
    const unlucky = createFeedbackLog({ ...options, hooks: { beforeWrite: () => reader.prune() } });
    expect(await unlucky.record({ platform: "telegram", kind: "up", user: "u", question: "unlucky", citations: [] })).toBe(false);
  });

  it("gives processes starting together on a new folder one salt", async () => {
    const module = join(REPO_ROOT, "src", "state", "feedback.ts");
    for (let round = 0; round < 3; round++) {
      const dir = join(project.root, `state-salt-${round}`);
      const salts = await Promise.all(
        Array.from({ length: 6 }, () =>
          new Promise<string>((done, fail) => {
            const child = spawn(process.execPath, ["--import", "tsx", "-e", `import { loadSalt } from ${JSON.stringify(module)}; process.stdout.write(loadSalt(${JSON.stringify(dir)}));`], { cwd: REPO_ROOT });
            let out = "";
            child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
            child.on("error", fail);
            child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`exit ${code}`))));
          }),
        ),
      );
      expect(new Set(salts).size, `round ${round}`).toBe(1);
      expect(salts[0]).toMatch(/^[0-9a-f]{64}$/u);
      expect(readdirSync(dir)).toEqual(["salt"]);
    }
  }, 60_000);

  it("writes an event again when the file it went into was moved aside and read before the write landed", async () => {
    const dir = join(project.root, "state-late");
    const options = { dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger };
    const compacting = createFeedbackLog(options);
    await compacting.record({ platform: "telegram", kind: "up", user: "u", question: "before", citations: [] });
    let once = true;
    // The writer has the file open when the other process's whole compaction runs: its line lands in a file gone.
    const writer = createFeedbackLog({ ...options, hooks: { beforeWrite: async () => void (once && ((once = false), await compacting.prune())) } });
    expect(await writer.record({ platform: "telegram", kind: "up", user: "u", question: "late", citations: [] })).toBe(true);
    expect((await createFeedbackLog(options).list()).map((e) => e.question)).toEqual(["before", "late"]);
  });

  it("takes over a guard a crash left once, though another process saw it stale too and goes on after the takeover", async () => {
    const dir = join(project.root, "state-takeover-late");
    let compacting = 0;
    let most = 0;
    let aCompacting: () => void = () => undefined;
    const aIn = new Promise<void>((resolve) => (aCompacting = resolve));
    let aGoesOn: () => void = () => undefined;
    const aMayFinish = new Promise<void>((resolve) => (aGoesOn = resolve));
    const counting = { afterAside: async () => void (most = Math.max(most, ++compacting)), afterKept: async () => void (compacting -= 1) };
    const open = (hooks: FeedbackOptions["hooks"] = counting) =>
      createFeedbackLog({ dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger, hooks });
    const c = open();
    // A takes the stale guard over and compacts, held there until the others are done.
    const a = open({ ...counting, afterAside: async () => (await counting.afterAside(), aCompacting(), aMayFinish) });
    // B saw the same stale guard first, and goes on only once A compacts; whenever B moves a guard aside, C compacts.
    let bSees: () => void = () => undefined;
    const bSaw = new Promise<void>((resolve) => (bSees = resolve));
    const b = open({ ...counting, afterStaleSeen: async () => (bSees(), aIn), afterGuardMoved: () => c.prune() });
    await c.record({ platform: "telegram", kind: "up", user: "u", question: "first", citations: [] });
    const guard = join(dir, `${FEEDBACK_FILE}.compacting`);
    writeFileSync(guard, "a process that died compacting");
    const longAgo = new Date(Date.now() - 5 * 60_000);
    utimesSync(guard, longAgo, longAgo);
    const late = b.prune();
    await bSaw;
    const first = a.prune();
    await aIn;
    await late;
    aGoesOn();
    await first;
    expect(most).toBe(1);
    expect(existsSync(guard)).toBe(false);
    expect((await open().list()).map((e) => e.question)).toEqual(["first"]);
  });

  it("clears a takeover marker a crash left beside a stale guard, and takes the guard over at the next compaction", async () => {
    const dir = join(project.root, "state-takeover-marker");
    const log = createFeedbackLog({ dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger });
    await log.record({ platform: "telegram", kind: "up", user: "u", question: "kept", citations: [] });
    const guard = join(dir, `${FEEDBACK_FILE}.compacting`);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    for (const path of [guard, `${guard}.takeover`]) {
      writeFileSync(path, "a process that died taking over");
      utimesSync(path, longAgo, longAgo);
    }
    await log.prune();
    expect(existsSync(`${guard}.takeover`)).toBe(false);
    await log.prune();
    expect(existsSync(guard)).toBe(false);
    expect(readdirSync(dir)).toEqual([FEEDBACK_FILE]);
    expect((await log.list()).map((e) => e.question)).toEqual(["kept"]);
  });

  it("lets one process compact at a time, also when several take over a guard a crash left at once", async () => {
    for (let round = 0; round < 20; round++) {
      const dir = join(project.root, `state-takeover-${round}`);
      // How many compactions are between moving the file aside and appending what they keep: never two.
      let compacting = 0;
      let most = 0;
      const hooks = {
        afterAside: async () => void (most = Math.max(most, ++compacting)),
        afterKept: async () => void (compacting -= 1),
      };
      const open = () => createFeedbackLog({ dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger, hooks });
      const logs = [open(), open(), open()];
      await Promise.all(logs.map((log, i) => log.record({ platform: "telegram", kind: "up", user: "u", question: `first ${i}`, citations: [] })));
      const guard = join(dir, `${FEEDBACK_FILE}.compacting`);
      writeFileSync(guard, "a process that died compacting");
      const longAgo = new Date(Date.now() - 5 * 60_000);
      utimesSync(guard, longAgo, longAgo);
      let writing = true;
      const writer = async (): Promise<void> => {
        for (let i = 0; i < 20; i++) await logs[0]!.record({ platform: "telegram", kind: "up", user: "u", question: `w${i}`, citations: [] });
        writing = false;
      };
      const trimmer = async (log: FeedbackLog): Promise<void> => {
        do await log.prune();
        while (writing);
      };
      await Promise.all([writer(), ...logs.map(trimmer)]);
      expect((await open().list()).length, `round ${round}`).toBe(23);
      expect(existsSync(guard)).toBe(false);
      expect(most, `round ${round}`).toBe(1);
    }
  });

  it("leaves the file to another process's compaction while its guard stands, and takes over a guard left by a crash", async () => {
    const dir = join(project.root, "state-guard");
    let now = Date.UTC(2026, 10, 1);
    const log = createFeedbackLog({ dir, retentionDays: 1, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger, now: () => now });
    await log.record({ platform: "telegram", kind: "declined", user: "u", question: "old", citations: [] });
    now += 2 * 24 * 60 * 60_000;
    const lines = (): number => readFileSync(join(dir, FEEDBACK_FILE), "utf8").trim().split("\n").filter(Boolean).length;
    const guard = join(dir, `${FEEDBACK_FILE}.compacting`);
    writeFileSync(guard, "");
    await log.prune();
    expect(lines()).toBe(1); // another process is rewriting it: not this one too
    const longAgo = new Date(Date.now() - 5 * 60_000);
    utimesSync(guard, longAgo, longAgo);
    await log.prune();
    expect(lines()).toBe(0); // the expired event is gone, and so is the guard
    expect(existsSync(guard)).toBe(false);
    // A guard dated ahead of the clock (which stepped back since) is stale too, not a hold on every compaction.
    await log.record({ platform: "telegram", kind: "declined", user: "u", question: "recent", citations: [] });
    now += 2 * 24 * 60 * 60_000;
    writeFileSync(guard, "");
    const ahead = new Date(Date.now() + 60 * 60_000);
    utimesSync(guard, ahead, ahead);
    await log.prune();
    expect(lines()).toBe(0);
    expect(existsSync(guard)).toBe(false);
  });

  it("counts an event written as kept when trimming the file after it fails, and tries the trimming again later", async () => {
    const dir = join(project.root, "state-trim");
    const { logger, lines } = collectingLogger();
    // Every trimming fails once the file is moved aside (a full disk, say).
    const hooks = { afterAside: () => Promise.reject(new Error("no space left on device")) };
    // Every event in one millisecond, as a busy bot writes them: their order is the order written, aside or not
    // (the file's events were listed before those moved aside, and a failure under load showed it).
    const at = Date.UTC(2026, 10, 1);
    const log = createFeedbackLog({ dir, retentionDays: 30, maxEvents: 10, salt: "test-salt-0123456789", logger, hooks, now: () => at });
    const kept: boolean[] = [];
    for (let i = 0; i < 25; i++) kept.push(await log.record({ platform: "telegram", kind: "up", user: "u", question: `q${i}`, citations: [] }));
    expect(kept.every(Boolean)).toBe(true);
    // What a failed trimming left aside is still read (and the next one that succeeds takes it back in).
    expect(await log.list()).toHaveLength(10);
    expect((await log.list()).map((e) => e.question)).toEqual(Array.from({ length: 10 }, (_, i) => `q${i + 15}`));
    // Tried once per ten writes, not on every write after the first failure.
    expect(lines().filter((l) => l.msg.startsWith("could not compact"))).toHaveLength(2);
  });

  it("loses only the event, never the caller, when the salt cannot be written", async () => {
    const blocked = join(project.root, "not-a-folder");
    writeFileSync(blocked, "a file where the state folder should be");
    const { logger, lines } = collectingLogger();
    const log = createFeedbackLog({ dir: join(blocked, "state"), retentionDays: 30, logger });
    await expect(log.record({ platform: "discord", kind: "up", user: "u", question: "q", citations: [] })).resolves.toBe(false);
    expect(lines().map((l) => l.msg)).toContain("could not record feedback");
  });

  it("deletes expired events from the file at prune, with nothing recorded since, and at least daily while recording", async () => {
    const dir = join(project.root, "state-prune");
    const day = 24 * 60 * 60_000;
    let now = Date.UTC(2026, 10, 1);
    const options = { dir, retentionDays: 2, salt: "a-salt-of-sixteen-chars", logger: collectingLogger().logger, now: () => now };
    const earlier = createFeedbackLog(options);
    await earlier.record({ platform: "telegram", kind: "declined", user: "u", question: "a private question", citations: [] });
    const questions = (): string[] => readFileSync(join(dir, FEEDBACK_FILE), "utf8").trim().split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { question: string }).question);
    now += 3 * day;
    // A restarted bot, quiet since: its start deletes what is past the retention period.
    const restarted = createFeedbackLog(options);
    await restarted.prune();
    expect(questions()).toEqual([]);
    // A bot running for days with a write now and then: the write after a day rewrites the file.
    await restarted.record({ platform: "telegram", kind: "up", user: "u", question: "kept a while", citations: [] });
    now += 3 * day;
    await restarted.record({ platform: "telegram", kind: "up", user: "u", question: "new", citations: [] });
    expect(questions()).toEqual(["new"]);
    // No file yet: nothing to do, nothing created.
    await createFeedbackLog({ ...options, dir: join(project.root, "state-none") }).prune();
    expect(existsSync(join(project.root, "state-none"))).toBe(false);
  });

  it("with FEEDBACK_LOG=off records nothing, but still deletes what an earlier run recorded as it expires", async () => {
    const dir = join(project.root, "state-off");
    mkdirSync(dir, { recursive: true });
    const old = { id: "old", at: Date.now() - 40 * 24 * 60 * 60_000, platform: "telegram", kind: "declined", user: "x", question: "an old private question", citations: [] };
    const recent = { ...old, id: "recent", at: Date.now() - 60_000, question: "a recent one" };
    writeFileSync(join(dir, FEEDBACK_FILE), `${JSON.stringify(old)}\n${JSON.stringify(recent)}\n`);
    // As a bot opens it with FEEDBACK_LOG=off.
    const { feedback } = await openState(
      { dir, redisUrl: undefined, conversationTtlMs: 60_000, buttonTtlMs: 60_000, feedbackLog: false, feedbackRetentionDays: 30, salt: undefined },
      collectingLogger().logger,
    );
    expect(feedback.enabled).toBe(false);
    await expect(feedback.record({ platform: "telegram", kind: "up", user: "u", question: "q", citations: [] })).resolves.toBe(false);
    await feedback.prune();
    expect(readFileSync(join(dir, FEEDBACK_FILE), "utf8")).not.toContain("an old private question");
    expect(readFileSync(join(dir, FEEDBACK_FILE), "utf8")).toContain("a recent one");
  });

  it("reads past an event whose time or citations are not what it wrote (an edited or damaged line)", async () => {
    const dir = join(project.root, "state-odd");
    mkdirSync(dir, { recursive: true });
    const at = Date.now();
    const line = (extra: object): string => JSON.stringify({ id: randomUUID(), at, platform: "telegram", kind: "down", user: "x", question: "q", citations: [], ...extra });
    const citation = { n: 1, source: "seeds/a.txt", label: "paragraph 1", start: 0, end: 5 };
    writeFileSync(join(dir, FEEDBACK_FILE), [line({ at: 1e20 }), line({ at: Number.MAX_VALUE }), line({ question: "cited", citations: [null, 3, { n: "1" }, citation] })].join("\n"));
    const events = await createFeedbackLog({ dir, retentionDays: 30, logger: collectingLogger().logger }).list();
    expect(events.map((e) => [e.question, e.citations])).toEqual([["cited", [citation]]]);
  });

  it("skips a line cut short by a crash", async () => {
    const dir = join(project.root, "state-c");
    const log = createFeedbackLog({ dir, retentionDays: 30, logger: collectingLogger().logger });
    await log.record({ platform: "telegram", kind: "up", user: "u", question: "fine", citations: [] });
    writeFileSync(join(dir, FEEDBACK_FILE), `${readFileSync(join(dir, FEEDBACK_FILE), "utf8")}{"id":"x","at":`);
    expect((await log.list()).map((e) => e.question)).toEqual(["fine"]);
    // The next event starts a line of its own: glued to the cut one, it would not parse and be lost.
    expect(await log.record({ platform: "telegram", kind: "up", user: "u", question: "after", citations: [] })).toBe(true);
    expect((await log.list()).map((e) => e.question)).toEqual(["fine", "after"]);
    await log.prune();
    expect((await log.list()).map((e) => e.question)).toEqual(["fine", "after"]);
  });
});

describe("state shared through a real Redis", () => {
  let redis: RedisServer;
  let project: TempProject;
  const open: SharedRedis[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    project = tempProject(false);
  });
  afterAll(async () => {
    await redis.stop();
    project.remove();
  });
  afterEach(async () => {
    for (const connection of open.splice(0)) await connection.close();
  });

  async function replica(name: string, logger = collectingLogger().logger): Promise<{ state: BotState; redis: SharedRedis }> {
    const connection = await connectRedis(redis.url, { logger, callTimeoutMs: 300 });
    open.push(connection);
    const state = createState({ logger, redis: connection, feedback: { dir: join(project.root, name), retentionDays: 30, salt: "a-shared-salt-0123456789" } });
    return { state, redis: connection };
  }

  it("two replicas share conversations, buttons, update de-duplication, feedback and rate limits", async () => {
    const a = await replica("a");
    const b = await replica("b");
    await a.state.conversations.remember({ chat: "telegram:chat:1" }, [turn("first")]);
    expect(await b.state.conversations.recall({ chat: "telegram:chat:1" })).toEqual([turn("first")]);
    await a.state.conversations.link(["telegram:1:7"], [turn("first"), turn("second")]);
    expect((await b.state.conversations.recall({ replyTo: "telegram:1:7", chat: "telegram:chat:1" })).map((t) => t.question)).toEqual(["first", "second"]);

    const id = await a.state.buttons.put(payload);
    expect(await b.state.buttons.get(id)).toEqual(payload);
    expect(await b.state.buttons.get("nope1234")).toBeUndefined();

    expect(await a.state.updates.first("telegram:1:500")).toBe(true);
    expect(await b.state.updates.first("telegram:1:500")).toBe(false);

    // A vote given back (not recorded) by one replica can be given again at another.
    expect(await a.state.buttons.firstVote(id, "telegram:1", "up")).toBe(true);
    expect(await b.state.buttons.firstVote(id, "telegram:1", "up")).toBe(false);
    await a.state.buttons.forgetVote(id, "telegram:1");
    expect(await b.state.buttons.firstVote(id, "telegram:1", "up")).toBe(true);

    await a.state.feedback.record({ platform: "telegram", kind: "down", user: "telegram:1", question: "Who?", citations: payload.citations });
    expect((await b.state.feedback.list()).map((e) => [e.kind, e.question])).toEqual([["down", "Who?"]]);

    // On Redis's clock (the window's passing has its own test below, on a clock the test sets).
    const limitA = createRedisRateLimiter(a.redis, 2);
    const limitB = createRedisRateLimiter(b.redis, 2);
    expect(await limitA.take("telegram:9")).toEqual({ ok: true });
    expect(await limitB.take("telegram:9")).toEqual({ ok: true });
    expect(await limitA.take("telegram:9")).toMatchObject({ ok: false, notify: true });
    expect(await limitB.take("telegram:9")).toMatchObject({ ok: false, notify: false });
    expect(await limitB.take("telegram:10")).toEqual({ ok: true });
  });

  it("prune deletes feedback past the retention period from Redis too", async () => {
    const connection = await connectRedis(redis.url, { logger: collectingLogger().logger, callTimeoutMs: 300 });
    open.push(connection);
    let now = Date.now() - 5 * 24 * 60 * 60_000;
    const options = { dir: join(project.root, "prune-shared"), retentionDays: 2, salt: "a-shared-salt-0123456789", redis: connection, logger: collectingLogger().logger, now: () => now };
    await createFeedbackLog(options).record({ platform: "discord", kind: "declined", user: "u", question: "expired in Redis", citations: [] });
    now = Date.now();
    await createFeedbackLog(options).prune();
    const stored = await connection.run((c) => c.zrange("briefing-bot:feedback", 0, -1));
    expect(stored.filter((e) => e.includes("expired in Redis"))).toEqual([]);
  });

  it("trims the shared feedback log by Redis's clock: a replica two days ahead deletes none of the others' events", async () => {
    const behind = await replica("skew-behind");
    const ahead = await replica("skew-ahead");
    const options = { retentionDays: 1, salt: "a-shared-salt-0123456789", logger: collectingLogger().logger };
    const day = 24 * 60 * 60_000;
    const logBehind = createFeedbackLog({ ...options, dir: join(project.root, "skew-behind-log"), redis: behind.redis });
    const logAhead = createFeedbackLog({ ...options, dir: join(project.root, "skew-ahead-log"), redis: ahead.redis, now: () => Date.now() + 2 * day });
    for (let i = 0; i < 5; i++) await logBehind.record({ platform: "telegram", kind: "down", user: `u${i}`, question: `skew ${i}`, citations: [] });
    await logAhead.record({ platform: "telegram", kind: "up", user: "x", question: "skew ahead", citations: [] });
    await logAhead.prune();
    const stored = await behind.redis.run((c) => c.zrange("briefing-bot:feedback", 0, -1));
    expect(stored.filter((e) => e.includes('"skew ')).length).toBe(6);
  });

  it("warns that replicas sharing Redis without STATE_SALT hash one person differently, and keeps the salt out of Redis (from a review)", async () => {
    const a = await replica("salt-a");
    const logs = collectingLogger();
    const open = (name: string, salt?: string) => createFeedbackLog({ dir: join(project.root, name), retentionDays: 30, redis: a.redis, logger: logs.logger, ...(salt ? { salt } : {}) });
    await open("salt-log-a").record({ platform: "telegram", kind: "declined", user: "telegram:1001", question: "salted question", citations: [] });
    expect(logs.lines().filter((l) => l.msg.startsWith("REDIS_URL is set without STATE_SALT"))).toHaveLength(1);
    // Beside the hashes it salts, a salt would let whoever reads Redis try every Telegram id against them.
    expect(await a.redis.run((c) => c.keys("briefing-bot:salt*"))).toEqual([]);
    open("salt-log-b", "a-shared-salt-of-32-characters!!");
    expect(logs.lines().filter((l) => l.msg.startsWith("REDIS_URL is set without STATE_SALT"))).toHaveLength(1);
  });

  it("the Redis limiter counts the same sliding window as the in-process one", async () => {
    const { redis: connection } = await replica("c");
    let now = 0;
    const shared = createRedisRateLimiter(connection, 3, 10_000, undefined, { clock: () => now });
    const local = createRateLimiter(3, 10_000);
    for (const t of [0, 1, 2, 3, 4, 9_999, 10_000, 10_001, 10_002, 15_000, 20_001, 25_000]) {
      now = 5_000_000 + t;
      expect(await shared.take("discord:window", now)).toEqual(await local.take("discord:window", now));
    }
  });

  it("Redis killed mid-run: one warning, state goes on in-process, and back to Redis once it returns", { timeout: 30_000 }, async () => {
    const logs = collectingLogger([redis.url]);
    const a = await replica("d", logs.logger);
    const b = await replica("e");
    const limiter = createRedisRateLimiter(a.redis, 1);
    expect(await limiter.take("telegram:down", 1)).toEqual({ ok: true });

    await redis.kill();
    // Everything keeps working, in this process.
    for (let i = 0; i < 5; i++) {
      await a.state.conversations.remember({ chat: "discord:dm:1" }, [turn(`while down ${i}`)]);
      expect((await a.state.conversations.recall({ chat: "discord:dm:1" }))[0]?.question).toBe(`while down ${i}`);
      expect(await a.state.updates.first(`telegram:1:${600 + i}`)).toBe(true);
    }
    const id = await a.state.buttons.put(payload);
    expect(await a.state.buttons.get(id)).toEqual(payload);
    expect((await limiter.take("telegram:other", 2)).ok).toBe(true);
    await a.state.feedback.record({ platform: "discord", kind: "declined", user: "discord:1", question: "While Redis was down?", citations: [] });
    const warnings = logs.lines().filter((l) => l.level === 40 && /Redis/u.test(l.msg));
    expect(warnings.map((l) => l.msg)).toEqual(["Redis is unavailable: answering goes on with state kept in this process until it is back"]);
    expect(logs.lines().filter((l) => l.level >= 50)).toEqual([]);

    await redis.restart();
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 15_000;
      const check = (): void => {
        if (a.redis.available && b.redis.available) resolve();
        else if (Date.now() > deadline) reject(new Error("did not reconnect"));
        else setTimeout(check, 50);
      };
      check();
    });
    expect(logs.lines().filter((l) => /Redis is back/u.test(l.msg))).toHaveLength(1);
    await a.state.conversations.remember({ chat: "discord:dm:2" }, [turn("after")]);
    expect(await b.state.conversations.recall({ chat: "discord:dm:2" })).toEqual([turn("after")]);
    // What was recorded locally while Redis was away is still reported.
    expect((await a.state.feedback.list()).map((e) => e.question)).toContain("While Redis was down?");
    expect(logs.raw.join("")).not.toContain(redis.url);
  });

  it("a Redis too slow to answer counts as away (one warning), and as back once a call succeeds again", { timeout: 30_000 }, async () => {
    const logs = collectingLogger();
    const { state, redis: connection } = await replica("slow", logs.logger);
    const other = await replica("pauser");
    // CLIENT PAUSE holds every client's commands on the server while the connections stay up.
    await other.redis.run((c) => c.call("CLIENT", "PAUSE", "1500", "ALL"));
    for (let i = 0; i < 3; i++) expect(await state.updates.first(`slow-${i}`)).toBe(true); // in-process meanwhile
    expect(logs.lines().filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "Redis is unavailable: answering goes on with state kept in this process until it is back",
    ]);
    const deadline = Date.now() + 10_000;
    while (!logs.lines().some((l) => /Redis is back/u.test(l.msg)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await state.updates.first(`probe-${Date.now()}`);
    }
    expect(logs.lines().filter((l) => /Redis is back/u.test(l.msg))).toHaveLength(1);
    expect(connection.available).toBe(true);
    expect(await state.updates.first("after-the-pause")).toBe(true);
    expect(await other.state.updates.first("after-the-pause")).toBe(false);
  });

  it("rests a Redis that did not answer in time: calls skip it at once meanwhile, and flapping latency says 'away' and 'back' once", { timeout: 30_000 }, async () => {
    const proxy = await startSlowProxy(redis.port);
    try {
      const logs = collectingLogger();
      let now = 1_000_000;
      const connection = await connectRedis(proxy.url, { logger: logs.logger, callTimeoutMs: 200, now: () => now });
      open.push(connection);
      const state = createState({ logger: logs.logger, redis: connection });
      let reached = 0;
      const ping = () =>
        connection.run(async (c) => {
          reached += 1;
          return c.ping();
        });
      proxy.delayMs = 500;
      await expect(ping()).rejects.toThrow(StateUnavailableError);
      expect(connection.available).toBe(false);
      // Latency flapping from one call to the next during the rest: no call waits on Redis, fast or slow.
      for (let i = 0; i < 6; i++) {
        proxy.delayMs = i % 2 === 0 ? 0 : 500;
        await expect(ping()).rejects.toThrow(StateUnavailableError);
        expect(await state.updates.first(`resting-${i}`)).toBe(true); // in this process
        now += Math.floor((SLOW_REDIS_REST_MS - 1) / 6);
      }
      expect(reached).toBe(1);
      const warnings = () => logs.lines().filter((l) => l.level === 40).map((l) => l.msg);
      expect(warnings()).toEqual(["Redis is unavailable: answering goes on with state kept in this process until it is back"]);
      // The rest over, Redis answering in time again is used again, and said to be back once.
      proxy.delayMs = 0;
      await proxy.settled();
      now = 1_000_000 + SLOW_REDIS_REST_MS;
      expect(connection.available).toBe(true);
      expect(await ping()).toBe("PONG");
      expect(await ping()).toBe("PONG");
      expect(reached).toBe(3);
      expect(warnings()).toEqual([
        "Redis is unavailable: answering goes on with state kept in this process until it is back",
        "Redis is back: state is shared through it again",
      ]);
    } finally {
      await proxy.close();
    }
  });

  it("a REDIS_URL database Redis does not have: one warning naming it, state kept in this process, database 0 untouched", { timeout: 30_000 }, async () => {
    const logs = collectingLogger();
    const connection = await connectRedis(`${redis.url}/99`, { logger: logs.logger, callTimeoutMs: 300 });
    open.push(connection);
    expect(connection.available).toBe(false);
    await expect(connection.run((c) => c.ping())).rejects.toThrow(StateUnavailableError);
    const state = createState({ logger: logs.logger, redis: connection });
    await state.conversations.remember({ chat: "database-99" }, [turn("kept here")]);
    expect(await state.conversations.recall({ chat: "database-99" })).toEqual([turn("kept here")]);
    const zero = await replica("database-0");
    expect(await zero.redis.run((c) => c.keys("*database-99*"))).toEqual([]);
    const warnings = logs.lines().filter((l) => l.level === 40) as unknown as { msg: string; database: string; err: { message: string } }[];
    expect(warnings.map((l) => l.msg)).toEqual([`Redis at 127.0.0.1:${redis.port} refused database 99, which REDIS_URL names: state is kept in this process`]);
    expect(warnings[0]?.err.message).toContain("DB index is out of range");
  });

  it("a REDIS_URL whose password Redis refuses: one warning saying so, not that Redis is not reachable", { timeout: 30_000 }, async () => {
    // Found by a review: WRONGPASS was reported as "Redis is not reachable", which sends the operator to the network.
    const admin = await replica("auth-admin");
    await admin.redis.run((c) => c.call("ACL", "SETUSER", "guarded", "on", ">the-right-pass", "~*", "+@all"));
    const logs = collectingLogger();
    const connection = await connectRedis(`redis://guarded:a-wrong-pass@127.0.0.1:${redis.port}`, { logger: logs.logger, callTimeoutMs: 300 });
    open.push(connection);
    expect(connection.available).toBe(false);
    const warnings = logs.lines().filter((l) => l.level === 40) as unknown as { msg: string; err: { message: string } }[];
    expect(warnings.map((l) => l.msg)).toEqual([`Redis at 127.0.0.1:${redis.port} refused the user or password REDIS_URL gives: fix them there; state is kept in this process`]);
    expect(warnings[0]?.err.message).toMatch(/^WRONGPASS/u);
    expect(JSON.stringify(logs.lines())).not.toContain("a-wrong-pass");
    await admin.redis.run((c) => c.call("ACL", "DELUSER", "guarded"));
  });

  it("tries refused credentials again seldom, and uses Redis once they are accepted", { timeout: 30_000 }, async () => {
    // Found by a review: a refused password was tried every 2 s for as long as the bot ran, each a failed login in
    // Redis's ACL LOG.
    const admin = await replica("auth-retry-admin");
    await admin.redis.run((c) => c.call("ACL", "SETUSER", "retried", "on", ">the-right-pass", "~*", "+@all"));
    await admin.redis.run((c) => c.call("ACL", "LOG", "RESET"));
    const failedLogins = async (): Promise<number> => {
      const entries = (await admin.redis.run((c) => c.call("ACL", "LOG"))) as unknown[][];
      let count = 0;
      for (const entry of entries) {
        const fields = new Map<unknown, unknown>();
        for (let i = 0; i + 1 < entry.length; i += 2) fields.set(entry[i], entry[i + 1]);
        if (fields.get("reason") === "auth" && fields.get("username") === "retried") count += Number(fields.get("count"));
      }
      return count;
    };
    const logs = collectingLogger();
    const connection = await connectRedis(`redis://retried:the-new-pass@127.0.0.1:${redis.port}`, { logger: logs.logger, callTimeoutMs: 300 });
    open.push(connection);
    expect(connection.available).toBe(false);
    // Retries within 2 s (100, 200, 300 ms …) had logged in some six times in these 2.5 s.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await failedLogins()).toBe(1);
    await connection.close();
    const quick = await connectRedis(`redis://retried:the-new-pass@127.0.0.1:${redis.port}`, { logger: logs.logger, callTimeoutMs: 300, refusedRetryMs: 200 });
    open.push(quick);
    expect(quick.available).toBe(false);
    await admin.redis.run((c) => c.call("ACL", "SETUSER", "retried", "resetpass", ">the-new-pass"));
    await vi.waitFor(() => expect(quick.available).toBe(true), { timeout: 10_000 });
    await admin.redis.run((c) => c.call("ACL", "DELUSER", "retried"));
  });

  it("says so when Redis refuses the password after it changed under a running connection", { timeout: 30_000 }, async () => {
    // Found by a review: "unavailable" was said when the connection closed, and the refusal that followed never.
    const admin = await replica("auth-rotate-admin");
    await admin.redis.run((c) => c.call("ACL", "SETUSER", "rotated", "on", ">first-pass", "~*", "+@all"));
    const logs = collectingLogger();
    const connection = await connectRedis(`redis://rotated:first-pass@127.0.0.1:${redis.port}`, { logger: logs.logger, callTimeoutMs: 300 });
    open.push(connection);
    expect(connection.available).toBe(true);
    await admin.redis.run((c) => c.call("ACL", "SETUSER", "rotated", "resetpass", ">second-pass"));
    await admin.redis.run((c) => c.call("CLIENT", "KILL", "USER", "rotated"));
    const warnings = (): string[] => logs.lines().filter((l) => l.level === 40).map((l) => String(l["msg"]));
    await vi.waitFor(() => expect(warnings()).toContain(`Redis at 127.0.0.1:${redis.port} refused the user or password REDIS_URL gives: fix them there; state is kept in this process`), { timeout: 10_000 });
    expect(warnings().filter((w) => w.includes("refused the user or password"))).toHaveLength(1);
    await admin.redis.run((c) => c.call("ACL", "DELUSER", "rotated"));
  });

  it("names the refusal that made Redis discard a transaction (EXECABORT), not only the discarding", { timeout: 30_000 }, async () => {
    const logs = collectingLogger();
    const { redis: connection } = await replica("execabort", logs.logger);
    await connection.run((c) => c.call("CONFIG", "SET", "maxmemory", "1"));
    try {
      await expect(connection.run((c) => c.multi().set("briefing-bot:execabort", "x").exec())).rejects.toMatchObject({ refused: true });
    } finally {
      await connection.run((c) => c.call("CONFIG", "SET", "maxmemory", "0"));
    }
    const warnings = logs.lines().filter((l) => l.level === 40) as unknown as { msg: string; err: { message: string } }[];
    expect(warnings.map((l) => l.msg)).toEqual(["Redis refused a command: what it refuses is kept in this process"]);
    expect(warnings[0]?.err.message).toMatch(/^EXECABORT .*\(OOM command not allowed/u);
  });

  it("a Redis that refuses writes (out of memory) but serves reads: one warning, not one per call", { timeout: 30_000 }, async () => {
    const logs = collectingLogger();
    const { state, redis: connection } = await replica("full", logs.logger);
    const place = { chat: "full" };
    await connection.run((c) => c.call("CONFIG", "SET", "maxmemory", "1"));
    try {
      for (let i = 0; i < 5; i++) {
        await state.conversations.recall(place); // a read Redis serves
        await state.conversations.remember(place, []); // a write it refuses: kept in this process instead
      }
    } finally {
      await connection.run((c) => c.call("CONFIG", "SET", "maxmemory", "0"));
    }
    const warnings = logs.lines().filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toEqual(["Redis refused a command: what it refuses is kept in this process"]);
    // Two refusals taking turns: each logged once.
    for (let i = 0; i < 3; i++) {
      await connection.run((c) => c.call("NO-SUCH-COMMAND")).catch(() => undefined);
      await connection.run((c) => c.call("CONFIG", "SET", "maxmemory", "1")).then(() => state.conversations.remember(place, [])).finally(() => connection.run((c) => c.call("CONFIG", "SET", "maxmemory", "0")));
    }
    expect(logs.lines().filter((l) => l.level === 40)).toHaveLength(2);
    expect(JSON.stringify(warnings[0])).toContain("OOM");
    expect(connection.available).toBe(true);
  });

  it("reads back what Redis refused to store while it refuses; once it takes writes again, Redis is the truth", { timeout: 30_000 }, async () => {
    const a = await replica("refused-a");
    const b = await replica("refused-b");
    const place = { chat: "refused" };
    await a.state.conversations.remember(place, [turn("stored")]);
    await a.redis.run((c) => c.call("CONFIG", "SET", "maxmemory", "1"));
    try {
      await a.state.conversations.remember(place, [turn("stored"), turn("refused")]);
      expect(await a.state.conversations.recall(place)).toEqual([turn("stored"), turn("refused")]);
      expect(await b.state.conversations.recall(place)).toEqual([turn("stored")]);
    } finally {
      await a.redis.run((c) => c.call("CONFIG", "SET", "maxmemory", "0"));
    }
    // Another replica writes the key once Redis takes writes again; this one's next write, of any key, reaches
    // Redis, and from then on it reads what Redis holds, not its own older copy.
    await b.state.conversations.remember(place, [turn("newer")]);
    await a.state.conversations.remember({ chat: "elsewhere" }, [turn("any")]);
    expect(await a.state.conversations.recall(place)).toEqual([turn("newer")]);
  });

  it("follows the order Redis answered in: a refusal before a taken write is over, one after it stands", { timeout: 30_000 }, async () => {
    // A user Redis lets read every key but write one kind only: the other is refused (NOPERM); both go out at once.
    const admin = await replica("acl-admin");
    await admin.redis.run((c) => c.call("ACL", "SETUSER", "halfway", "on", ">halfway-pass", "%R~*", "%RW~briefing-bot:open:*", "+@all"));
    const url = new URL(redis.url);
    url.username = "halfway";
    url.password = "halfway-pass";
    const connection = await connectRedis(url.toString(), { logger: collectingLogger().logger, callTimeoutMs: 300 });
    open.push(connection);
    try {
      const store = createSharedStore(connection, createMemoryStore());
      await Promise.all([store.set("closed:k", "kept here", 60_000), store.set("open:k", "in Redis", 60_000)]);
      // Redis took a write after it refused one: it is the truth again, and it holds nothing for closed:k.
      expect(await store.get("closed:k")).toBeUndefined();
      expect(await store.get("open:k")).toBe("in Redis");
      // The other way round, the refusal is the newer fact: the key is read back from the process.
      await Promise.all([store.set("open:k", "in Redis again", 60_000), store.set("closed:k", "kept here", 60_000)]);
      expect(await store.get("closed:k")).toBe("kept here");
    } finally {
      await admin.redis.run((c) => c.call("ACL", "DELUSER", "halfway"));
    }
  });

  it("starts in-process with one warning when Redis is not there, and uses it once it is", { timeout: 30_000 }, async () => {
    const logs = collectingLogger();
    await redis.kill();
    const connection = await connectRedis(redis.url, { logger: logs.logger, connectWaitMs: 300, callTimeoutMs: 200 });
    open.push(connection);
    const state = createState({ logger: logs.logger, redis: connection });
    expect(await state.updates.first("x")).toBe(true);
    expect(logs.lines().filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "Redis is not reachable: starting with state kept in this process; it will be used once it answers",
    ]);
    await redis.restart();
    const deadline = Date.now() + 15_000;
    while (!connection.available && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connection.available).toBe(true);
    const other = await replica("f");
    expect(await state.updates.first("shared-after-start")).toBe(true);
    expect(await other.state.updates.first("shared-after-start")).toBe(false);
  });
});

describe("a Redis that cannot be reached", () => {
  it("is named in the one warning by host:port with the cause (ECONNREFUSED), never the password", { timeout: 30_000 }, async () => {
    const password = "s3cret-redis-pass";
    const port = await freePort(); // nothing listens there: the connection is refused at once
    const logs = collectingLogger();
    const connection = await connectRedis(`redis://:${password}@127.0.0.1:${port}/0`, { logger: logs.logger, connectWaitMs: 500, callTimeoutMs: 200 });
    try {
      const warnings = logs.lines().filter((l) => l.level === 40) as unknown as { msg: string; redis: string; err: { message: string; code: string } }[];
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ redis: `127.0.0.1:${port}`, err: { code: "ECONNREFUSED" } });
      expect(warnings[0]?.err.message).not.toBe("Connection is closed.");
      expect(logs.raw.join("")).not.toContain(password);
    } finally {
      await connection.close();
    }
  });
});

describe("a server on REDIS_URL that is not Redis", () => {
  it("is named as one that does not speak the Redis protocol, in the one warning", { timeout: 30_000 }, async () => {
    const sockets = new Set<Socket>();
    // An HTTP server, as on a port mistyped into REDIS_URL.
    const http = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("data", () => socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
    });
    const port = await freePort();
    await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
    const logs = collectingLogger();
    const connection = await connectRedis(`redis://127.0.0.1:${port}`, { logger: logs.logger, connectWaitMs: 1000, callTimeoutMs: 200 });
    try {
      expect(connection.available).toBe(false);
      const warnings = logs.lines().filter((l) => l.level === 40) as unknown as { msg: string; err: { message: string } }[];
      expect(warnings.map((l) => l.msg)).toEqual([`the server at 127.0.0.1:${port} does not speak the Redis protocol (check REDIS_URL): state is kept in this process`]);
      expect(warnings[0]?.err.message).not.toMatch(/Please report this|Stream isn't writeable/u);
    } finally {
      await connection.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});

describe("the feedback log after a failed write", () => {
  it("logs the failure and records the next event once the folder is usable again", async () => {
    const project = tempProject(false);
    try {
      const dir = join(project.root, "blocked");
      writeFileSync(dir, "a file where the state folder should be");
      const logs = collectingLogger();
      const log = createFeedbackLog({ dir, retentionDays: 30, salt: "a-salt-of-sixteen-chars", logger: logs.logger });
      await log.record({ platform: "telegram", kind: "declined", user: "u", question: "lost", citations: [] });
      expect(logs.lines().filter((l) => l.msg === "could not record feedback")).toHaveLength(1);
      rmSync(dir);
      await log.record({ platform: "telegram", kind: "declined", user: "u", question: "kept", citations: [] });
      expect((await log.list()).map((e) => e.question)).toEqual(["kept"]);
    } finally {
      project.remove();
    }
  });
});
