/**
 * The Redis rate limiter reading its script's reply: a reply of another shape is Redis unavailable (the question
 * counted in-process), never a crash or a verdict made of strings. Against a real redis-server, with the reply
 * altered between ioredis and the limiter: a real Redis always answers the script with three integers. Replicas
 * whose clocks differ: the shared window counts by Redis's clock. And the press limit, on a clock the test sets: a
 * person's pace is never refused, a flood is.
 */
import { Writable } from "node:stream";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPressLimiter, createRateLimiter, createRedisRateLimiter, PRESS_LIMIT, PRESS_WINDOW_MS, windowVerdict, type RateVerdict } from "../../src/bots/rate-limit.js";
import { createLogger, silentLogger } from "../../src/logger.js";
import { connectRedis, UnreadableReplyError, type SharedRedis } from "../../src/state/redis.js";
import { startRedis, type RedisServer } from "../state/redis-server.js";

describe("windowVerdict", () => {
  it("reads the script's three numbers", () => {
    expect(windowVerdict([1, 0, 0])).toEqual({ ok: true });
    expect(windowVerdict([0, 59_998, 1])).toEqual({ ok: false, retryAfterMs: 59_998, notify: true });
    expect(windowVerdict([0, 12, 0])).toEqual({ ok: false, retryAfterMs: 12, notify: false });
  });

  it("throws UnreadableReplyError for any other reply", () => {
    for (const reply of [null, undefined, "OK", 1, {}, [], [1, 0], [1, 0, 0, 0], ["1", 0, 0], [0, "59998", 1], [0, null, 1], [0, Number.NaN, 1], [0, Infinity, 1]]) {
      expect(() => windowVerdict(reply), String(reply)).toThrow(UnreadableReplyError);
    }
  });
});

describe("createPressLimiter", () => {
  it("never refuses a person pressing at a human pace, impatient runs included", async () => {
    const limiter = createPressLimiter();
    const refused: number[] = [];
    const press = async (at: number): Promise<void> => {
      if (!(await limiter.take("telegram:1", at)).ok) refused.push(at);
    };
    // Ten minutes of a keen reader: a new answer every ten seconds (faster than the question limit allows), both of
    // its paragraphs opened and a vote given, each button pressed twice in a row (a double tap); and every minute a
    // button slow to answer pressed again and again, twelve times in three seconds.
    for (let t = 0; t < 10 * 60_000; t += 10_000) {
      for (const at of [0, 150, 1000, 1150, 2000, 2150]) await press(t + at);
      if (t % 60_000 === 0) for (let i = 0; i < 12; i++) await press(t + 4000 + 250 * i);
    }
    expect(refused).toEqual([]);
  });

  it("holds a flood to PRESS_LIMIT a window, telling the wait until a press is taken again, and lets the presser go on after it", async () => {
    const limiter = createPressLimiter();
    // A script pressing every 10 ms for a second.
    const verdicts: RateVerdict[] = [];
    for (let at = 0; at < 1000; at += 10) verdicts.push(await limiter.take("discord:1", at));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(PRESS_LIMIT);
    expect(verdicts.slice(0, PRESS_LIMIT).every((v) => v.ok)).toBe(true);
    const first = verdicts[PRESS_LIMIT];
    expect(first).toEqual({ ok: false, retryAfterMs: PRESS_WINDOW_MS - PRESS_LIMIT * 10, notify: true });
    // Another presser is not held up by the flood.
    expect(await limiter.take("discord:2", 999)).toEqual({ ok: true });
    // Once the window of the first press is over, a press is taken again.
    expect(await limiter.take("discord:1", PRESS_WINDOW_MS)).toEqual({ ok: true });
  });
});

let redis: RedisServer;
const open: SharedRedis[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await redis.stop();
});

/** `real`, with every EVAL run on Redis but answered with `reply` instead of Redis's reply. */
function evalAnswering(real: SharedRedis, reply: unknown): SharedRedis {
  const altered = (client: Redis): Redis =>
    new Proxy(client, {
      get(target, property, receiver) {
        if (property !== "eval") return Reflect.get(target, property, receiver) as unknown;
        return async (...args: unknown[]) => {
          await (Reflect.get(target, property, receiver) as (...a: unknown[]) => Promise<unknown>).apply(receiver, args);
          return reply;
        };
      },
    });
  return {
    get available() {
      return real.available;
    },
    run: (call) => real.run((client) => call(altered(client))),
    close: () => real.close(),
  };
}

describe("createRedisRateLimiter with a real Redis", () => {
  it("counts a question in-process, and logs why, when the script's reply is not three numbers", async () => {
    for (const reply of [null, "OK", [1, 0], [0, "59998", 1]]) {
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const connection = await connectRedis(redis.url, { logger: createLogger({ level: "warn", secrets: [redis.url], destination }), callTimeoutMs: 500 });
      open.push(connection);
      const limiter = createRedisRateLimiter(evalAnswering(connection, reply), 1, 60_000, createRateLimiter(1, 60_000));
      const key = `telegram:odd-${JSON.stringify(reply)}`;
      // The in-process limiter decides: one question in the window, then a wait, told once.
      expect(await limiter.take(key, 1000), JSON.stringify(reply)).toEqual({ ok: true });
      expect(await limiter.take(key, 1001)).toEqual({ ok: false, retryAfterMs: 59_999, notify: true });
      expect(lines.join("")).toContain("the rate-limit script answered");
      // Logged as a refusal: Redis answered, so it is not said to be gone, and back, around every question.
      expect(lines.join("")).not.toMatch(/Redis is (unavailable|back)/u);
    }
  });

  it("still counts in Redis when its reply is read as it comes", async () => {
    const connection = await connectRedis(redis.url, { logger: silentLogger, callTimeoutMs: 500 });
    open.push(connection);
    // Two limiters over one Redis count the same questions: the verdicts come from Redis, not from either process.
    const a = createRedisRateLimiter(connection, 1);
    const b = createRedisRateLimiter(connection, 1);
    expect(await a.take("telegram:shared")).toEqual({ ok: true });
    const refused = await b.take("telegram:shared");
    expect(refused).toMatchObject({ ok: false, notify: true });
    expect(!refused.ok && refused.retryAfterMs > 0 && refused.retryAfterMs <= 60_000).toBe(true);
  });
});

describe("createRedisRateLimiter on replicas whose clocks differ", () => {
  const waits = (verdicts: readonly RateVerdict[]): number[] => verdicts.flatMap((v) => (v.ok ? [] : [v.retryAfterMs]));

  it("counts by Redis's clock: with one replica 50 s ahead of the other, a user still gets the limit and a wait within the window", async () => {
    const [one, other] = [await connectRedis(redis.url, { logger: silentLogger }), await connectRedis(redis.url, { logger: silentLogger })];
    open.push(one, other);
    const [ahead, behind] = [createRedisRateLimiter(one, 6), createRedisRateLimiter(other, 6)];
    // 40 questions 500 ms apart as each replica's clock reads them, taking turns: 20 s, one window, so 6 answered.
    const start = Date.now();
    const verdicts: RateVerdict[] = [];
    for (let i = 0; i < 40; i++) verdicts.push(i % 2 === 0 ? await ahead.take("telegram:skewed", start + 50_000 + 500 * i) : await behind.take("telegram:skewed", start + 500 * i));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(6);
    expect(waits(verdicts).every((ms) => ms > 0 && ms <= 60_000)).toBe(true);
  });

  it("tells a wait of at most the window when the window holds times ahead of Redis's clock (an older version's, a clock stepped back)", async () => {
    const connection = await connectRedis(redis.url, { logger: silentLogger });
    open.push(connection);
    await connection.run(async (c) => {
      const [seconds] = await c.time();
      for (let i = 0; i < 6; i++) await c.zadd("briefing-bot:rate:telegram:future", Number(seconds) * 1000 + 50_000, `ahead-${i}`);
    });
    const verdict = await createRedisRateLimiter(connection, 6).take("telegram:future");
    expect(verdict).toMatchObject({ ok: false, notify: true });
    expect(waits([verdict])[0]).toBeLessThanOrEqual(60_000);
  });
});
