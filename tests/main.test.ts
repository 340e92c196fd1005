/**
 * The real `npm start` process, configured only by environment variables, against the local fakes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { Telegraf } from "telegraf";
import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import { IDS, startFakeDiscord, type FakeDiscord } from "./fakes/discord-server.js";
import { faults, parseTelegramHtml, startFakeTelegram, type FakeTelegram } from "./fakes/telegram-server.js";
import { freePort } from "./helpers/ports.js";
import { REPO_ROOT, tempProject, type TempProject } from "./helpers/project.js";

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: { stdout: string; stderr: string };
}

let project: TempProject;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** `npm start` with nothing but PATH, HOME and `env`. */
function start(env: Record<string, string>): Started {
  const child = spawn("npm", ["start", "--silent"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, ...env },
  });
  children.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (d: Buffer) => (output.stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output.stderr += d.toString()));
  return { child, output };
}

async function exitCode(child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const [code] = (await once(child, "exit")) as [number | null];
  clearTimeout(timer);
  return code;
}

/** The process's "ready" log line, written once every bot that could start has (or `timeoutMs` passed). */
async function ready({ child, output }: Started, timeoutMs: number): Promise<{ bots: string[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Complete lines only: the last may still be arriving.
    const line = (output.stdout + output.stderr).split("\n").slice(0, -1).find((l) => l.includes('"msg":"ready"'));
    if (line) return JSON.parse(line) as { bots: string[] };
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}\n${output.stderr}`);
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms\n${output.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm start", () => {
  it("with no token, chats on the console: one answer per piped question, then exits 0", { timeout: 90_000 }, async () => {
    const { child, output } = start({});
    // More questions than the per-user rate limit (6 a minute): the console has none, every line is answered.
    const questions = ["Who is Michele Sison?", ...Array.from({ length: 8 }, (_, i) => `What role did Algeria play in the Sahel region? ${i}`)];
    child.stdin.end(`/help\n/about\n${questions.join("\n")}\nWhat is the capital of France?\n`);
    expect(await exitCode(child, 60_000)).toBe(0);
    // The bots' commands work on the console too, and are not asked as questions ("help" matches مساعدة).
    const [commands = ""] = output.stdout.split("From the briefing:");
    expect(commands).toContain("Commands: /help, /about");
    expect(commands).toContain("Briefings (1):\n- seeds/000_9ae3e538818b189d.txt");
    expect(commands).toMatch(/Passages: \d+ \(\d+ sentences\)/);
    const answers = output.stdout.split("From the briefing:").slice(1);
    expect(answers).toHaveLength(questions.length);
    expect(answers[0]).toContain("ميشال سيسون");
    expect(answers[0]).toContain("seeds/000_9ae3e538818b189d.txt, paragraph 2");
    for (const answer of answers.slice(1)) expect(answer).toContain("لعبت دوراً رئيسياً");
    expect(output.stdout).not.toContain("faster than I can keep up");
    expect(output.stdout.trim().endsWith("I couldn't find anything in the briefing that answers that, so I won't guess. Try asking about something it covers.")).toBe(true);
    expect(output.stderr).toContain("set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN");
  });

  it("piped to a slow reader, exits only once every answer is written", { timeout: 90_000 }, async () => {
    // A shell pipe to a reader that sleeps before it reads: far more answer text (about 230 kB) than a pipe
    // holds (64 kB) waits in the process when the input has long been answered.
    const count = 300;
    const child = spawn("bash", ["-c", "set -o pipefail; npm start --silent | (sleep 4; cat)"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, LOG_LEVEL: "silent" },
    });
    children.push(child);
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stdin.end("What role did Algeria play in the Sahel region?\n".repeat(count));
    expect(await exitCode(child, 60_000)).toBe(0);
    expect(stdout.split("From the briefing:")).toHaveLength(count + 1);
  });

  it("with REDIS_URL unreachable, warns once without the password and answers from in-process state", { timeout: 90_000 }, async () => {
    const password = "s3cret-redis-pass";
    // Nothing listens on port 1: the connection is refused at once.
    const { child, output } = start({ REDIS_URL: `redis://:${password}@127.0.0.1:1/0`, LOG_LEVEL: "warn" });
    child.stdin.end("Who is Michele Sison?\n");
    expect(await exitCode(child, 60_000)).toBe(0);
    expect(output.stdout).toContain("ميشال سيسون");
    const warnings = output.stderr.split("\n").filter((line) => line.includes("Redis is not reachable"));
    expect(warnings).toHaveLength(1);
    expect(output.stdout + output.stderr).not.toContain(password);
  });

  describe("with platform tokens, on the fakes", () => {
    let telegram: FakeTelegram;
    let discord: FakeDiscord;
    beforeAll(async () => {
      telegram = await startFakeTelegram();
      discord = await startFakeDiscord();
    });
    afterAll(async () => {
      await telegram.close();
      await discord.close();
    });
    /** The environment of a bot on both fakes. */
    const bothTokens = (): Record<string, string> => ({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: IDS.guild,
    });

    it("runs the bot that could start when the other cannot, and says which one is running", { timeout: 120_000 }, async () => {
      const { child, output } = start({
        TELEGRAM_BOT_TOKEN: "999999:WRONG-token_abcdefghijklmnopqrs",
        TELEGRAM_API_ROOT: telegram.apiRoot,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        DISCORD_GUILD_ID: IDS.guild,
      });
      expect((await ready({ child, output }, 60_000)).bots).toEqual(["discord"]);
      expect(output.stdout + output.stderr).toContain("bot failed to start");
      child.kill("SIGTERM");
      expect(await exitCode(child, 15_000)).toBe(0);
    });

    it("starts again, later, the bot that could not start while the other runs, and it then answers", { timeout: 120_000 }, async () => {
      // Discord refuses the first connection (4014: an intent not enabled yet, which the operator may enable in
      // the developer portal while the bot runs); Telegram starts.
      discord.refuseIdentify(4014);
      const started = start(bothTokens());
      const { child, output } = started;
      expect((await ready(started, 60_000)).bots).toEqual(["telegram"]);
      const logs = (): string => output.stdout + output.stderr;
      expect(logs()).toMatch(/"bot":"discord","retryInSeconds":5,"msg":"bot failed to start"/u);
      await discord.waitFor(() => (logs().includes('"msg":"bot started"') ? true : undefined), 30_000, "Discord started on the second attempt");
      expect(logs()).toMatch(/"bot":"discord","attempts":2,"msg":"bot started"/u);

      const question = discord.directMessage("What role did Algeria play in the Sahel region?");
      const reply = await discord
        .waitFor(() => discord.messages.find((m) => m.messageReference?.["message_id"] === question), 30_000, "the Discord reply")
        .catch((error: unknown) => {
          throw new Error(`${String(error)}\n${output.stderr}`);
        });
      expect(reply.content.replaceAll("**", "")).toContain("لعبت دوراً رئيسياً في تسهيل الاستقرار الإقليمي");
      child.kill("SIGTERM");
      expect(await exitCode(child, 15_000)).toBe(0);
    });

    it("a webhook set elsewhere ends Telegram's polling, not the process: Discord goes on, Telegram polls again once it is deleted", { timeout: 120_000 }, async () => {
      // Found by a review: the whole process exited 1 (Discord with it), to meet the same webhook at its next start.
      // A Telegram of its own: the update left waiting under the webhook is answered once polling resumes.
      const own = await startFakeTelegram();
      const replica = new Telegraf(own.token, { telegram: { apiRoot: own.apiRoot } }).telegram;
      const started = start({ ...bothTokens(), TELEGRAM_BOT_TOKEN: own.token, TELEGRAM_API_ROOT: own.apiRoot });
      const { child, output } = started;
      const logs = (): string => output.stdout + output.stderr;
      try {
        expect((await ready(started, 60_000)).bots.sort()).toEqual(["discord", "telegram"]);
        await replica.setWebhook("https://replicas.example.test/telegram/hook");
        own.push(own.privateUpdate("Who is Michele Sison?")); // wakes the long poll; the next one meets the 409
        await discord.waitFor(() => (logs().includes('"bot":"telegram","retryInSeconds":5,"msg":"bot failed to start"') ? true : undefined), 30_000, "Telegram tried again later");
        expect(logs()).toContain("WebhookSetError");
        const question = discord.directMessage("What role did Algeria play in the Sahel region?");
        await discord.waitFor(() => discord.messages.find((m) => m.messageReference?.["message_id"] === question), 30_000, "the Discord reply");
        await replica.deleteWebhook();
        await discord.waitFor(() => (logs().includes('"bot":"telegram","attempts":2,"msg":"bot started"') ? true : undefined), 30_000, "Telegram polling again");
        const [answer] = await own.waitForSent(1, 30_000);
        expect(parseTelegramHtml(String(answer?.params["text"])).ok).toBe(true);
      } finally {
        child.kill("SIGTERM");
      }
      expect(await exitCode(child, 15_000)).toBe(0);
      await own.close();
    });

    it("closes the webhook of a Telegram bot whose start failed at once, not only when it is tried again", { timeout: 120_000 }, async () => {
      // Refused at start and at the tries after it that the test can live to see.
      telegram.fail("setWebhook", faults.badRequest("bad webhook: Failed to resolve host"), 3);
      const port = await freePort();
      const secret = "s3cret-Token_42xxxx";
      const started = start({ ...bothTokens(), TELEGRAM_WEBHOOK_URL: "https://bot.example.test/hook", TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_WEBHOOK_PORT: String(port) });
      try {
        expect((await ready(started, 60_000)).bots).toEqual(["discord"]);
        // Its server was listening before setWebhook failed; left so, it took updates and answered them.
        const posted = fetch(`http://127.0.0.1:${port}/hook`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
          body: JSON.stringify(telegram.privateUpdate("Who is Michele Sison?")),
        });
        await expect(posted).rejects.toThrow();
      } finally {
        started.child.kill("SIGTERM");
        expect(await exitCode(started.child, 15_000)).toBe(0);
      }
    });

    it("exits within the shutdown grace though the Bot API never answers the last offset sync", { timeout: 120_000 }, async () => {
      const started = start({ TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, SHUTDOWN_GRACE_MS: "2000" });
      expect((await ready(started, 60_000)).bots).toEqual(["telegram"]);
      // telegraf confirms the last offset with getUpdates(limit 1) when it stops; held for a minute here.
      telegram.fail("getUpdates", faults.delay(60_000), 1, (params) => params["limit"] === 1);
      started.child.kill("SIGTERM");
      // Past the 2 s grace and a margin for a loaded machine, the helper kills it and the code is null.
      expect(await exitCode(started.child, 20_000)).toBe(0);
      expect(started.output.stdout + started.output.stderr).toContain("a bot was still stopping at the shutdown deadline");
    });

    it("answers over Telegram and Discord with verbatim quotes, then exits 0 on SIGTERM without leaking tokens", { timeout: 120_000 }, async () => {
      discord.delayNext({ method: "GET", route: /^\/gateway\/bot$/u, ms: 3000 });
      const callsBefore = discord.calls.length;
      const started = start({ ...bothTokens(), LOG_LEVEL: "debug" });
      const { child, output } = started;
      // Both bots up before anyone writes: a message sent before the Discord client identified is lost, as on
      // Discord. The commands the previous test registered are still on the fake, so they cannot tell; a slow
      // Discord (its gateway address 3 s late) makes sure Telegram is up first, which once let this test write too early.
      expect((await ready(started, 60_000)).bots.sort()).toEqual(["discord", "telegram"]);
      const registered = discord.calls.slice(callsBefore).filter((c) => c.method === "PUT" && c.route === `/applications/${IDS.bot}/guilds/${IDS.guild}/commands`);
      expect(registered.map((c) => c.status)).toEqual([200]);

      telegram.push(telegram.privateUpdate("ما الذي ناقشته مع نظرائها حول المقررين الخاصين؟"));
      const [sent] = await telegram.waitForSent(1, 30_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${output.stderr}`);
      });
      expect(sent?.params["parse_mode"]).toBe("HTML");
      // What the reader sees: the matched words are bold, so compare the text without the markup.
      const shown = parseTelegramHtml(String(sent?.params["text"]));
      expect(shown.ok && shown.text).toContain("أهمية زيارات المقررين الخاصين للأمم المتحدة");

      const question = discord.guildMessage(`<@${IDS.bot}> What role did Algeria play in the Sahel region?`);
      const reply = await discord
        .waitFor(() => discord.messages.find((m) => m.messageReference?.["message_id"] === question), 30_000, "the Discord reply")
        .catch((error: unknown) => {
          throw new Error(`${String(error)}\n${output.stderr}`);
        });
      expect(reply.content.replaceAll("**", "")).toContain("لعبت دوراً رئيسياً في تسهيل الاستقرار الإقليمي");
      expect(reply.allowedMentions).toMatchObject({ parse: [] });

      child.kill("SIGTERM");
      expect(await exitCode(child, 15_000)).toBe(0);
      const logs = output.stdout + output.stderr;
      expect(logs).toContain("ready");
      expect(logs).not.toContain(telegram.token);
      expect(logs).not.toContain(discord.token);
    });
  });
});
