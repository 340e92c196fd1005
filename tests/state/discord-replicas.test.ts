/**
 * Two Discord bot processes logged in with one token (the gateway sends both every event): with their state in
 * one real Redis, each message, command and button press is handled once (and counted once against the rate
 * limit); with state in each process, twice.
 */
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { createDiscordBot } from "../../src/bots/discord.js";
import { createInflight, type Inflight } from "../../src/bots/inflight.js";
import { messages } from "../../src/bots/messages.js";
import { createRateLimiter, createRedisRateLimiter } from "../../src/bots/rate-limit.js";
import type { BotHandle } from "../../src/bots/types.js";
import { createLogger } from "../../src/logger.js";
import { connectRedis, createState, type SharedRedis } from "../../src/state/index.js";
import { createFakeRag } from "../fakes/fake-rag.js";
import { IDS, startFakeDiscord, type FakeDiscord } from "../fakes/discord-server.js";
import { startRedis, type RedisServer } from "./redis-server.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

interface Process {
  readonly bot: BotHandle;
  readonly inflight: Inflight;
  readonly logs: string[];
  readonly connection: SharedRedis | undefined;
}

const running: { discord: FakeDiscord; processes: Process[] }[] = [];
afterEach(async () => {
  for (const { discord, processes } of running.splice(0)) {
    for (const p of processes) {
      await p.bot.stop();
      await p.connection?.close();
    }
    await discord.close();
  }
});

async function twoProcesses(shared: boolean, perMinute = 100): Promise<{ discord: FakeDiscord; processes: Process[] }> {
  const discord = await startFakeDiscord();
  const processes: Process[] = [];
  const entry = { discord, processes };
  running.push(entry);
  for (let i = 0; i < 2; i++) {
    const logs: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: "debug", secrets: [discord.token], destination });
    const connection = shared ? await connectRedis(redis.url, { logger }) : undefined;
    const state = createState({ logger, redis: connection });
    const limiter = connection ? createRedisRateLimiter(connection, perMinute) : createRateLimiter(perMinute);
    const rag = createFakeRag();
    const inflight = createInflight();
    const bot = createDiscordBot(
      { token: discord.token, guildId: IDS.guild, allowedGuilds: [], apiBase: discord.apiBase },
      { ask: createAsk({ rag, limiter, logger, state }), rag, logger, inflight },
    );
    await bot.start();
    processes.push({ bot, inflight, logs, connection });
  }
  return entry;
}

const byInteraction = (discord: FakeDiscord, id: string) => discord.messages.filter((m) => m.interactionId === id);

const idle = (discord: FakeDiscord, processes: readonly Process[], skipped: number): Promise<true> =>
  discord.waitFor(
    () => {
      // A message, command or button press skipped on the shared claim.
      const skips = processes.flatMap((p) => p.logs).filter((l) => l.includes("event already handled by another process")).length;
      return skips >= skipped && processes.every((p) => p.inflight.size === 0) ? true : undefined;
    },
    10_000,
    "both processes idle",
  );

describe("two Discord processes with one token", () => {
  it("sharing Redis, handle each message, command and button press once", async () => {
    const { discord, processes } = await twoProcesses(true);
    const dm = discord.directMessage("Who is Michele Sison?");
    const answer = await discord.waitFor(() => discord.messages.find((m) => m.messageReference?.["message_id"] === dm), 10_000, "the answer");
    const command = discord.command("ask", { values: { question: "Who is Michele Sison?" } });
    await discord.waitFor(() => discord.messages.find((m) => m.interactionId === command && m.content.includes("Sources:")), 10_000, "the /ask answer");
    const click = discord.click(answer.id, discord.buttonsOf(answer)[0]?.[0] ?? "");
    await discord.waitFor(() => discord.messages.find((m) => m.interactionId === click), 10_000, "the passage");
    await idle(discord, processes, 3);
    expect(discord.messages.filter((m) => m.messageReference?.["message_id"] === dm)).toHaveLength(1);
    // Each interaction acknowledged once: the other process's acknowledgement refused, and nothing more from it.
    const acknowledged = (id: string) => discord.calls.filter((c) => c.route.startsWith(`/interactions/${id}/`) && c.status < 400);
    expect(acknowledged(command)).toHaveLength(1);
    expect(acknowledged(click)).toHaveLength(1);
    expect(discord.messages.filter((m) => m.interactionId === command && m.content.includes("Sources:"))).toHaveLength(1);
    for (const p of processes) expect(p.logs.join("")).not.toContain('"level":50');
  });

  it("sharing Redis, count /help and /about once each against the sender's limit", async () => {
    // A limit of two: /help counted by both processes would leave /about refused.
    const { discord, processes } = await twoProcesses(true, 2);
    // A user of its own: the test before counted the default user's questions in the same Redis.
    const user = { id: "500000000000000777", username: "counted" };
    const help = discord.command("help", { user });
    await discord.waitFor(() => byInteraction(discord, help)[0], 10_000, "the help");
    await idle(discord, processes, 1);
    const about = discord.command("about", { user });
    const reply = await discord.waitFor(() => byInteraction(discord, about)[0], 10_000, "the about");
    await idle(discord, processes, 2);
    expect(reply.content).toContain("Passages:");
    expect(byInteraction(discord, help)[0]?.content).toContain(messages("en").help);
  });

  it("each with its own in-process state, both answer: why replicas need REDIS_URL", async () => {
    const { discord, processes } = await twoProcesses(false);
    const dm = discord.directMessage("Who is Michele Sison?");
    await discord.waitFor(() => (discord.messages.filter((m) => m.messageReference?.["message_id"] === dm).length === 2 ? true : undefined), 10_000, "two answers");
    await idle(discord, processes, 0);
  });
});
