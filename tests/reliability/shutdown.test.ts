/**
 * The real `npm start` process against both fakes: SIGTERM while 20 answers are in flight (the fakes hold the
 * sends, as a slow platform would) delivers all 20, then exits 0. The logs at the default level hold neither
 * the text of the questions nor any token or key.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/bots/messages.js";
import { IDS, startFakeDiscord, type FakeDiscord } from "../fakes/discord-server.js";
import { startFakeOpenAI, threeSentences, type FakeOpenAI } from "../fakes/openai-server.js";
import { faults, parseTelegramHtml, startFakeTelegram, type FakeTelegram } from "../fakes/telegram-server.js";
import { REPO_ROOT, tempProject, type TempProject } from "../helpers/project.js";

const HOLD_MS = 1500;
const PER_PLATFORM = 10;
const LLM_API_KEY = "sk-test-llm-key-0123456789abcdef";

let project: TempProject;
let telegram: FakeTelegram;
let discord: FakeDiscord;
let child: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  project = tempProject();
  telegram = await startFakeTelegram();
  discord = await startFakeDiscord();
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});
afterAll(async () => {
  await telegram.close();
  await discord.close();
  project.remove();
});

/** `npm start` against both fakes, once both bots are up. */
async function startBot(env: Record<string, string> = {}): Promise<{
  started: ChildProcessWithoutNullStreams;
  output: { logs: string };
  failWithLogs: (error: unknown) => never;
}> {
  const started = spawn("npm", ["start", "--silent"], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? "",
      BOT_ROOT: project.root,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: IDS.guild,
      LLM_API_KEY,
      ...env,
    },
  });
  child = started;
  const output = { logs: "" };
  started.stdout.on("data", (d: Buffer) => (output.logs += d.toString()));
  started.stderr.on("data", (d: Buffer) => (output.logs += d.toString()));
  const failWithLogs = (error: unknown): never => {
    throw new Error(`${String(error)}\n${output.logs}`);
  };
  const registrations = discord.calls.filter((c) => c.method === "PUT").length;
  const polls = telegram.callsOf("getUpdates").length;
  await discord.waitFor(() => (discord.calls.filter((c) => c.method === "PUT").length > registrations ? true : undefined), 60_000, "command registration").catch(failWithLogs);
  await telegram.waitForCalls("getUpdates", polls + 1, 30_000).catch(failWithLogs);
  return { started, output, failWithLogs };
}

/**
 * SIGTERM, then the exit code: null when the process had to be killed, 20 s on, far past any grace these tests
 * give (the only time bound here: how fast the process exits within it is for benchmarks, not for tests).
 */
async function exit(started: ChildProcessWithoutNullStreams): Promise<number | null> {
  started.kill("SIGTERM");
  const timer = setTimeout(() => started.kill("SIGKILL"), 20_000);
  const [code] = (await once(started, "exit")) as [number | null];
  clearTimeout(timer);
  return code;
}

/** What src/main.ts logs when its shutdown deadline (SHUTDOWN_GRACE_MS) cut something off. */
const AT_DEADLINE = "at the shutdown deadline";

describe("npm start, SIGTERM with 20 answers in flight", () => {
  it("delivers all 20, then exits 0; logs hold no question text and no secret", { timeout: 90_000 }, async () => {
    const { started, output, failWithLogs } = await startBot();

    telegram.fail("sendMessage", faults.delay(HOLD_MS), PER_PLATFORM);
    discord.delayNext({ method: "PATCH", route: /\/messages\/@original$/u, ms: HOLD_MS, times: PER_PLATFORM });
    const questions = Array.from({ length: PER_PLATFORM }, (_, i) => `What role did Algeria play in the Sahel region? quokka-${i}`);
    const updates = questions.map((q, i) => telegram.push(telegram.privateUpdate(q, { id: 4000 + i })));
    const interactions = questions.map((q, i) => discord.command("ask", { values: { question: q }, user: { id: `53000000000000000${i}`, username: `u${i}` } }));

    // All 20 answers have reached the platforms, which are holding them: they are in flight.
    await telegram.waitForCalls("sendMessage", PER_PLATFORM, 30_000).catch(failWithLogs);
    await discord.waitFor(() => (discord.calls.filter((c) => c.method === "PATCH").length >= PER_PLATFORM ? true : undefined), 30_000, "20 answers in flight").catch(failWithLogs);
    expect(telegram.sent).toHaveLength(0);
    expect(discord.messages.filter((m) => m.via === "interaction-edit")).toHaveLength(0);

    const code = await exit(started);

    expect(code).toBe(0);
    expect(telegram.sent.map((s) => (s.params.reply_parameters as { message_id: number }).message_id).sort()).toEqual(
      updates.map((u) => u.message.message_id).sort(),
    );
    for (const sent of telegram.sent) expect(String(sent.params.text)).not.toContain(messages("en").failed);
    for (const id of interactions) {
      const edits = discord.messages.filter((m) => m.interactionId === id);
      expect(edits).toHaveLength(1);
      expect(edits[0]?.content).toMatch(/^❓ What role did Algeria play in the Sahel region\? quokka-\d\n/u);
      expect(edits[0]?.content).not.toContain(messages("en").failed);
    }
    const logs = output.logs;
    expect(logs).toContain('"msg":"shutting down"');
    // All done within the grace (8 s by default), not cut off at its deadline.
    expect(logs).not.toContain(AT_DEADLINE);
    expect(logs).not.toContain("quokka");
    expect(logs).not.toContain("What role did Algeria");
    for (const secret of [telegram.token, telegram.token.split(":")[1] ?? "?", discord.token, LLM_API_KEY]) expect(logs).not.toContain(secret);
  });

  // Once missed: the Discord adapter waited its own 15 s for answers in flight, whatever SHUTDOWN_GRACE_MS said.
  it("an answer stuck at Discord does not hold the exit past SHUTDOWN_GRACE_MS", { timeout: 90_000 }, async () => {
    const { started, output, failWithLogs } = await startBot({ SHUTDOWN_GRACE_MS: "500" });
    // Held far past exit()'s 20 s: only the bot's own deadline can end the wait for it.
    discord.delayNext({ method: "PATCH", route: /\/messages\/@original$/u, ms: 60_000 });
    discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    const patches = discord.calls.filter((c) => c.method === "PATCH").length;
    await discord.waitFor(() => (discord.calls.filter((c) => c.method === "PATCH").length > patches ? true : undefined), 30_000, "the answer in flight").catch(failWithLogs);
    const code = await exit(started);
    expect(code, output.logs).toBe(0);
    // Given up on at the deadline, still held by Discord: not waited for, nor lost without a word.
    const lines = output.logs.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "answers still in flight at the shutdown deadline", left: 1 }));
  });

  // Once missed: the exit cut a model's answer mid-stream, leaving its half message ending in "…" for good.
  it("an answer a model is still writing is sent with its quotes before the exit", { timeout: 90_000 }, async () => {
    const llm: FakeOpenAI = await startFakeOpenAI({
      // The first sentence at once, the rest far slower than the grace.
      chat: (request) => ({ ...threeSentences(request), chunkChars: 2, chunkDelayMs: 400 }),
    });
    try {
      const { started, output, failWithLogs } = await startBot({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: "fake", LLM_TIMEOUT_MS: "120000", SHUTDOWN_GRACE_MS: "4000" });
      telegram.push(telegram.privateUpdate("Who is Michele Sison?", { id: 4100 }));
      const sent = telegram.sent.length;
      await telegram.waitForSent(sent + 1, 30_000).catch(failWithLogs);
      const streamed = telegram.sent.at(-1);
      expect(String(streamed?.params.text)).toMatch(/ …$/u); // a half message, still being written
      const code = await exit(started);
      expect(code, output.logs).toBe(0);
      // The model let go of at the wrap-up (2 s before the deadline), not waited for: the rest of its stream, 2
      // characters every 400 ms, would take several times the grace.
      expect(output.logs).toContain("the model was still wording the answer when told to wrap up; answering with quotes");
      const edits = telegram.callsOf("editMessageText").filter((c) => c.params.message_id === streamed?.message.message_id);
      const last = parseTelegramHtml(String(edits.at(-1)?.params.text ?? ""));
      if (!last.ok) throw new Error(last.error);
      expect(last.text).not.toMatch(/ …$/u);
      expect(last.text).toContain(`${messages("en").sources}\n[1] seeds/`);
    } finally {
      await llm.close();
    }
  });
});
