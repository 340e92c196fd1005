/**
 * npm run soak: a bounded load run of the real bot process (src/main.ts, exactly what `npm start` execs) against
 * the local fake Telegram Bot API and fake Discord (REST + Gateway), on loopback only. Three scenarios:
 *
 *   burst      50 users ask 4 questions each at once, over Telegram and Discord together (200 questions): every
 *              question must get exactly one answer; reports p50/p95 end-to-end latency and answers per second.
 *   sustained  10,000 questions through one process (32 outstanding at a time): reports RSS at the start, every
 *              1,000 questions and at the end; growth beyond LEAK_BOUND_MB is reported as a leak.
 *   shutdown   SIGTERM while 20 answers are in flight (the fakes hold the sends for 2 s, as a slow platform
 *              would): all 20 must be delivered and the process must exit 0 within 10 s.
 *
 * Prints a table and writes the figures between the soak markers of docs/reliability.md.
 *
 *   node --import tsx scripts/soak.ts [--questions 10000] [--users 100] [--no-write] [--deadline-ms 600000]
 *
 * (`--help` prints the usage; an unknown option or a wrong number is named, exit 2, and nothing is run or written.)
 *
 * Exit code 0 when every check passed, 1 otherwise. The whole run is bounded by `--deadline-ms` (10 minutes by default, which
 * tests/scripts/soak.test.ts shortens to see the cleanup at the deadline).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { positiveWhole, readOptions, runAsScript } from "../src/cli/args.js";
import { IDS, startFakeDiscord, type FakeDiscord, type FakeUser } from "../tests/fakes/discord-server.js";
import { faults, startFakeTelegram, type FakeTelegram } from "../tests/fakes/telegram-server.js";
import { tempProject, type TempProject } from "../tests/helpers/project.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOC = join(ROOT, "docs/reliability.md");
/** Growth of the JavaScript heap after a full garbage collection, from warm-up to the end, that counts as a leak. */
const LEAK_BOUND_MB = 10;
/**
 * Loaded into the bot process with --import (src/ is not changed): on the parent's "memory" message it runs a full
 * garbage collection (--expose-gc) and answers with process.memoryUsage(), so heap growth is measured without GC noise.
 */
const PROBE = `data:text/javascript,${encodeURIComponent(
  'if (process.send) { process.on("message", (m) => { if (m === "memory") { globalThis.gc?.(); process.send({ memory: process.memoryUsage() }); } }); process.channel?.unref(); }',
)}`;
const OUTSTANDING = 32;
const HOLD_MS = 2000;
/** The bot processes alive, for the deadline to kill. */
const running = new Set<ChildProcess>();

const USAGE = "usage: npm run soak -- [--no-write] [--questions N] [--users N] [--deadline-ms MS]   (defaults: 10000 questions, 100 users, 600000 ms)";
const OPTIONS = {
  help: { type: "boolean", short: "h" },
  "no-write": { type: "boolean" },
  questions: { type: "string" },
  users: { type: "string" },
  "deadline-ms": { type: "string" },
} as const;
/** The longest timer Node keeps: a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The command line of the soak, read. */
export interface SoakArgs {
  readonly help: boolean;
  /** Write the figures into docs/reliability.md (`--no-write` only prints them). */
  readonly write: boolean;
  /** Questions in the sustained run. */
  readonly questions: number;
  /** Distinct users per platform in the sustained run (each Discord user has a DM channel of their own). */
  readonly users: number;
  /** The whole run's bound, after which the bots are killed and the script exits 1. */
  readonly deadlineMs: number;
}

/**
 * `args` read, or what is wrong with them, naming the argument: an unknown option, or a value missing or not a whole
 * number in range (each of which used to start a soak of minutes that rewrote docs/reliability.md).
 */
export function readSoakArgs(args: readonly string[]): SoakArgs | { readonly error: string } {
  const read = readOptions(args, OPTIONS, { refusePositionals: "npm run soak takes only options" });
  if ("error" in read) return { error: read.error };
  const { values } = read;
  /** The whole number given for `name` (digits only: Number() would also take 1e3, 0x10 and " 7"), its default, or what is wrong. */
  const count = (name: "questions" | "users" | "deadline-ms", fallback: number, max: number, wanted: string): number | string => {
    const value = values[name];
    if (value === undefined) return fallback;
    return positiveWhole(value, max) ?? `--${name} expects ${wanted}, not ${JSON.stringify(value)}`;
  };
  const questions = count("questions", 10_000, Number.MAX_SAFE_INTEGER, "a whole number, 1 or more");
  if (typeof questions === "string") return { error: questions };
  const users = count("users", 100, Number.MAX_SAFE_INTEGER, "a whole number, 1 or more");
  if (typeof users === "string") return { error: users };
  const deadlineMs = count("deadline-ms", 10 * 60_000, MAX_TIMER_MS, `a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  if (typeof deadlineMs === "string") return { error: deadlineMs };
  return { help: values.help ?? false, write: !values["no-write"], questions, users, deadlineMs };
}

const QUESTIONS = readFileSync(join(ROOT, "tests/fixtures/extra-eval.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => (JSON.parse(line) as { question: string }).question);

interface Bot {
  readonly child: ChildProcess;
  readonly logTail: string[];
  logLines: number;
}

/** Where asked questions wait for their answer; fed by scanning what the fakes received. */
class Tracker {
  readonly asked = new Map<string, number>();
  readonly answers = new Map<string, number[]>();
  private tgCursor = 0;
  private dcCursor = 0;
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tg: FakeTelegram,
    private readonly dc: FakeDiscord,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.scan(), 5);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  ask(key: string): void {
    this.asked.set(key, Date.now());
  }

  /** Asked questions with at least one answer, in all and per platform. */
  answered = 0;
  readonly answeredOn = { tg: 0, dc: 0 };

  /** Resolves once `count` asked questions have an answer, or rejects after `timeoutMs`. */
  waitAnswered(count: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.answered < count) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`only ${this.answered} of ${count} questions answered after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  private scan(): void {
    const sent = this.tg.sent;
    for (; this.tgCursor < sent.length; this.tgCursor++) {
      const s = sent[this.tgCursor];
      const reply = s?.params.reply_parameters as { message_id?: number } | undefined;
      if (s && reply?.message_id !== undefined) this.record(`tg:${String(s.params.chat_id)}:${reply.message_id}`, s.at);
    }
    const messages = this.dc.messages;
    for (; this.dcCursor < messages.length; this.dcCursor++) {
      const m = messages[this.dcCursor];
      const ref = m?.messageReference?.["message_id"];
      if (m && typeof ref === "string") this.record(`dc:${ref}`, m.at);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  private record(key: string, at: number): void {
    const list = this.answers.get(key) ?? [];
    list.push(at);
    this.answers.set(key, list);
    if (list.length === 1 && this.asked.has(key)) {
      this.answered++;
      this.answeredOn[key.startsWith("tg:") ? "tg" : "dc"]++;
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface MemorySample {
  /** Questions answered when sampled. */
  readonly at: number;
  /** Resident set size, MB. */
  readonly rss: number;
  /** JavaScript heap in use right after a full garbage collection, MB. */
  readonly heap: number;
}

/** Asks the bot process (through the probe) for its memory after a full garbage collection. */
async function memory(bot: Bot, at: number): Promise<MemorySample> {
  const reply = new Promise<NodeJS.MemoryUsage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the bot process did not report its memory")), 10_000);
    bot.child.once("message", (m: { memory: NodeJS.MemoryUsage }) => {
      clearTimeout(timer);
      resolve(m.memory);
    });
  });
  bot.child.send("memory");
  const usage = await reply;
  return { at, rss: usage.rss / 2 ** 20, heap: usage.heapUsed / 2 ** 20 };
}

async function startBot(project: TempProject, tg: FakeTelegram, dc: FakeDiscord, env: Record<string, string> = {}): Promise<Bot> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", PROBE, "--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      BOT_ROOT: project.root,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      DISCORD_TOKEN: dc.token,
      DISCORD_API_BASE: dc.apiBase,
      DISCORD_GUILD_ID: IDS.guild,
      ...env,
    },
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const bot: Bot = { child, logTail: [], logLines: 0 };
  let partial = "";
  child.stderr?.on("data", (d: Buffer) => {
    const lines = (partial + d.toString()).split("\n");
    partial = lines.pop() ?? "";
    bot.logLines += lines.length;
    bot.logTail.push(...lines);
    bot.logTail.splice(0, Math.max(0, bot.logTail.length - 30));
  });
  child.stdout?.resume();
  const registrations = dc.calls.filter((c) => c.method === "PUT").length;
  const polls = tg.callsOf("getUpdates").length;
  try {
    await dc.waitFor(() => (dc.calls.filter((c) => c.method === "PUT").length > registrations ? true : undefined), 60_000, "Discord command registration");
    await tg.waitForCalls("getUpdates", polls + 1, 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`the bot did not start: ${String(error)}\n${bot.logTail.join("\n")}`);
  }
  return bot;
}

async function stopBot(bot: Bot, timeoutMs = 15_000): Promise<{ code: number | null; ms: number }> {
  const signalled = Date.now();
  if (bot.child.exitCode !== null) return { code: bot.child.exitCode, ms: 0 };
  bot.child.kill("SIGTERM");
  const timer = setTimeout(() => bot.child.kill("SIGKILL"), timeoutMs);
  const [code] = (await once(bot.child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, ms: Date.now() - signalled };
}

const discordUser = (n: number): FakeUser => ({ id: String(540000000000000000n + BigInt(n)), username: `soak${n}` });
const dmChannel = (n: number): string => String(440000000000000000n + BigInt(n));

/** Asks question `q` as user `n` of `platform`; returns the tracker key. */
function askOne(tg: FakeTelegram, dc: FakeDiscord, tracker: Tracker, platform: "tg" | "dc", n: number, q: string): string {
  if (platform === "tg") {
    const update = tg.push(tg.privateUpdate(q, { id: 20_000 + n, name: `soak${n}` }));
    const key = `tg:${update.message.chat.id}:${update.message.message_id}`;
    tracker.ask(key);
    return key;
  }
  const key = `dc:${dc.directMessage(q, { author: discordUser(n), channelId: dmChannel(n) })}`;
  tracker.ask(key);
  return key;
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
}

interface BurstResult {
  questions: number;
  answered: number;
  duplicates: number;
  all: Latency;
  tg: Latency;
  dc: Latency;
  perSecond: number;
  ok: boolean;
}

function latency(tracker: Tracker, keys: readonly string[]): Latency {
  const sorted = keys.map((k) => (tracker.answers.get(k)?.[0] ?? Number.NaN) - (tracker.asked.get(k) ?? 0)).sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

async function burst(project: TempProject, tg: FakeTelegram, dc: FakeDiscord): Promise<BurstResult> {
  const bot = await startBot(project, tg, dc);
  const tracker = new Tracker(tg, dc);
  tracker.start();
  try {
    const keys: string[] = [];
    const first = Date.now();
    for (let user = 0; user < 50; user++) {
      const platform = user % 2 === 0 ? "tg" : "dc";
      for (let i = 0; i < 4; i++) keys.push(askOne(tg, dc, tracker, platform, user, QUESTIONS[(user * 4 + i) % QUESTIONS.length] ?? "?"));
    }
    await tracker.waitAnswered(keys.length, 60_000);
    await sleep(1000); // time for a duplicate to show up
    const last = Math.max(...keys.map((k) => tracker.answers.get(k)?.[0] ?? 0));
    const duplicates = keys.filter((k) => (tracker.answers.get(k)?.length ?? 0) > 1).length;
    const answered = keys.filter((k) => tracker.answers.has(k)).length;
    return {
      questions: keys.length,
      answered,
      duplicates,
      all: latency(tracker, keys),
      tg: latency(tracker, keys.filter((k) => k.startsWith("tg:"))),
      dc: latency(tracker, keys.filter((k) => k.startsWith("dc:"))),
      perSecond: keys.length / ((last - first) / 1000),
      ok: answered === keys.length && duplicates === 0,
    };
  } finally {
    tracker.stop();
    await stopBot(bot);
  }
}

interface SustainedResult {
  questions: number;
  answered: number;
  duplicates: number;
  perSecond: number;
  tgPerSecond: number;
  dcPerSecond: number;
  samples: MemorySample[];
  rssGrowthMb: number;
  heapGrowthMb: number;
  logLines: number;
  ok: boolean;
}

async function sustained(project: TempProject, tg: FakeTelegram, dc: FakeDiscord, total: number, users: number): Promise<SustainedResult> {
  const bot = await startBot(project, tg, dc, { RATE_LIMIT_PER_MINUTE: "1000" });
  const tracker = new Tracker(tg, dc);
  tracker.start();
  const samples: MemorySample[] = [await memory(bot, 0)];
  try {
    const started = Date.now();
    const finished = { tg: 0, dc: 0 };
    const asked = { tg: 0, dc: 0 };
    const share = { tg: Math.ceil(total / 2), dc: Math.floor(total / 2) };
    const sampleEvery = Math.max(1, Math.floor(total / 10));
    while (tracker.answered < total) {
      for (const platform of ["tg", "dc"] as const) {
        while (asked[platform] < share[platform] && asked[platform] - tracker.answeredOn[platform] < OUTSTANDING / 2) {
          const n = asked[platform]++;
          askOne(tg, dc, tracker, platform, n % users, QUESTIONS[n % QUESTIONS.length] ?? "?");
        }
        if (!finished[platform] && tracker.answeredOn[platform] >= share[platform]) finished[platform] = Date.now();
      }
      const before = tracker.answered;
      await tracker.waitAnswered(Math.min(total, before + 1), 30_000);
      const done = tracker.answered;
      if (Math.floor(done / sampleEvery) > Math.floor(before / sampleEvery) || done === total) {
        samples.push(await memory(bot, done));
      }
    }
    const seconds = (Date.now() - started) / 1000;
    for (const platform of ["tg", "dc"] as const) finished[platform] ||= Date.now();
    await sleep(1000);
    const keys = [...tracker.asked.keys()];
    const duplicates = keys.filter((k) => (tracker.answers.get(k)?.length ?? 0) > 1).length;
    const answered = keys.filter((k) => tracker.answers.has(k)).length;
    // Growth after the warm-up (the first sample past the start), so that lazily loaded code does not count.
    const warm = samples[1] ?? samples[0];
    const last = samples.at(-1);
    const rssGrowthMb = (last?.rss ?? 0) - (warm?.rss ?? 0);
    const heapGrowthMb = (last?.heap ?? 0) - (warm?.heap ?? 0);
    const rate = (platform: "tg" | "dc"): number => share[platform] / ((finished[platform] - started) / 1000);
    return {
      questions: total,
      answered,
      duplicates,
      perSecond: total / seconds,
      tgPerSecond: rate("tg"),
      dcPerSecond: rate("dc"),
      samples,
      rssGrowthMb,
      heapGrowthMb,
      logLines: bot.logLines,
      ok: answered === total && duplicates === 0 && heapGrowthMb < LEAK_BOUND_MB,
    };
  } finally {
    tracker.stop();
    await stopBot(bot);
  }
}

interface ShutdownResult {
  inFlight: number;
  delivered: number;
  code: number | null;
  exitMs: number;
  ok: boolean;
}

async function shutdown(project: TempProject, tg: FakeTelegram, dc: FakeDiscord): Promise<ShutdownResult> {
  const bot = await startBot(project, tg, dc);
  const tracker = new Tracker(tg, dc);
  tracker.start();
  try {
    const sends = tg.callsOf("sendMessage").length;
    const posts = dc.calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/u.test(c.route)).length;
    tg.fail("sendMessage", faults.delay(HOLD_MS), 10);
    dc.delayNext({ method: "POST", route: /^\/channels\/\d+\/messages$/u, ms: HOLD_MS, times: 10 });
    const keys: string[] = [];
    for (let i = 0; i < 10; i++) {
      keys.push(askOne(tg, dc, tracker, "tg", 500 + i, QUESTIONS[i] ?? "?"));
      keys.push(askOne(tg, dc, tracker, "dc", 500 + i, QUESTIONS[i] ?? "?"));
    }
    await tg.waitForCalls("sendMessage", sends + 10, 30_000);
    await dc.waitFor(() => (dc.calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/u.test(c.route)).length >= posts + 10 ? true : undefined), 30_000, "10 Discord answers in flight");
    const inFlight = keys.filter((k) => !tracker.answers.has(k)).length;
    const { code, ms } = await stopBot(bot, 20_000);
    await sleep(200);
    const delivered = keys.filter((k) => tracker.answers.get(k)?.length === 1).length;
    return { inFlight, delivered, code, exitMs: ms, ok: inFlight === 20 && delivered === 20 && code === 0 && ms < 10_000 };
  } finally {
    tracker.stop();
    if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
  }
}

function report(b: BurstResult, s: SustainedResult, d: ShutdownResult, users: number): string {
  const ms = (x: number): string => `${Math.round(x)} ms`;
  const mb = (x: number): string => `${x.toFixed(1)} MB`;
  const sign = (x: number): string => `${x >= 0 ? "+" : ""}${mb(x)}`;
  const sampleRows = s.samples.map((m) => `${m.at.toLocaleString("en-US")}: ${mb(m.rss)} / ${mb(m.heap)}`).join(", ");
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, with \`npm run soak\``,
    "(the real `src/main.ts` process with the built-in extractive core, against the local fakes on loopback).",
    "",
    "| Scenario | Check | Result |",
    "| --- | --- | --- |",
    `| Burst: 50 users × 4 questions at once (25 on Telegram, 25 on Discord) | every question answered exactly once | ${b.answered}/${b.questions} answered, ${b.duplicates} duplicates ${b.ok ? "✅" : "❌"} |`,
    `| | end-to-end latency (question pushed to the fake → answer received by it) | all: p50 ${ms(b.all.p50)}, p95 ${ms(b.all.p95)}, max ${ms(b.all.max)} |`,
    `| | | Telegram: p50 ${ms(b.tg.p50)}, p95 ${ms(b.tg.p95)}; Discord: p50 ${ms(b.dc.p50)}, p95 ${ms(b.dc.p95)} |`,
    `| | throughput | ${b.perSecond.toFixed(0)} answers/s |`,
    `| Sustained: ${s.questions.toLocaleString("en-US")} questions through one process (half per platform, ${OUTSTANDING / 2} outstanding on each, ${users} users each) | every question answered exactly once | ${s.answered.toLocaleString("en-US")}/${s.questions.toLocaleString("en-US")} answered, ${s.duplicates} duplicates ${s.answered === s.questions && s.duplicates === 0 ? "✅" : "❌"} |`,
    `| | RSS at the start → at the end | ${mb(s.samples[0]?.rss ?? 0)} → ${mb(s.samples.at(-1)?.rss ?? 0)} (${sign(s.rssGrowthMb)} after warm-up) |`,
    `| | JavaScript heap after a full GC, start → end (leak bound: ${LEAK_BOUND_MB} MB growth after warm-up) | ${mb(s.samples[0]?.heap ?? 0)} → ${mb(s.samples.at(-1)?.heap ?? 0)} (${sign(s.heapGrowthMb)}) ${s.heapGrowthMb < LEAK_BOUND_MB ? "✅" : "❌ leak"} |`,
    `| | throughput | ${s.perSecond.toFixed(0)} answers/s overall; Telegram ${s.tgPerSecond.toFixed(0)}/s, Discord ${s.dcPerSecond.toFixed(0)}/s (${s.logLines.toLocaleString("en-US")} log lines at the default level) |`,
    `| Shutdown: SIGTERM with 20 answers in flight (fakes hold each send ${HOLD_MS} ms) | all delivered, exit 0 within 10 s | ${d.delivered}/${d.inFlight} delivered, exit ${String(d.code)} after ${ms(d.exitMs)} ${d.ok ? "✅" : "❌"} |`,
    "",
    `Samples (questions answered: RSS / heap after GC): ${sampleRows}.`,
  ].join("\n");
}

function writeDoc(section: string): void {
  const begin = "<!-- soak:begin -->";
  const end = "<!-- soak:end -->";
  const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : `# Reliability\n\n${begin}\n${end}\n`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  const next = from >= 0 && to > from ? `${doc.slice(0, from + begin.length)}\n${section}\n${doc.slice(to)}` : `${doc.trimEnd()}\n\n${begin}\n${section}\n${end}\n`;
  writeFileSync(DOC, next);
}

async function main({ write, questions, users, deadlineMs }: SoakArgs): Promise<void> {
  const project = tempProject();
  const deadline = setTimeout(() => {
    process.stderr.write(`soak: gave up after ${deadlineMs / 1000} s\n`);
    // process.exit skips the `finally` blocks: the bot does not watch for its parent going, and the project would stay.
    for (const child of running) child.kill("SIGKILL");
    project.remove();
    process.exit(1);
  }, deadlineMs);
  deadline.unref();
  // Started inside the try: one that cannot start still leaves no project behind.
  let tg: FakeTelegram | undefined;
  let dc: FakeDiscord | undefined;
  try {
    tg = await startFakeTelegram();
    dc = await startFakeDiscord();
    process.stderr.write("soak: burst (200 questions from 50 users at once)…\n");
    const b = await burst(project, tg, dc);
    process.stderr.write(`soak: sustained (${questions} questions)…\n`);
    const s = await sustained(project, tg, dc, questions, users);
    process.stderr.write("soak: shutdown (SIGTERM with 20 answers in flight)…\n");
    const d = await shutdown(project, tg, dc);
    const table = report(b, s, d, users);
    process.stdout.write(`${table}\n`);
    if (write) {
      writeDoc(table);
      process.stderr.write(`soak: figures written to ${DOC}\n`);
    }
    process.exitCode = b.ok && s.ok && d.ok ? 0 : 1;
  } finally {
    await tg?.close();
    await dc?.close();
    project.remove();
    clearTimeout(deadline);
  }
}

/** Run as a script (`npm run soak`), not imported (as the tests import readSoakArgs). */
await runAsScript(import.meta.url, USAGE, readSoakArgs, main);
