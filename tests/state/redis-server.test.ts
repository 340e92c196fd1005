/** The tests' own redis-server helper: that it is redis-server the tests reach, not whatever holds the port. */
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type RedisServer } from "./redis-server.js";

describe("the tests' redis-server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(() => server.stop());

  it("restarts on its own port once another listener lets it go, and not before", async () => {
    await server.kill();
    // Another process takes the port meanwhile, as another test file's server could; it accepts connections
    // but is no Redis. The restart must wait for its own server, not take that one for it.
    const squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(server.port, "127.0.0.1", resolve));
    let restarted = false;
    const restarting = server.restart().then(() => (restarted = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(restarted).toBe(false);
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    await restarting;
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      await expect(client.ping()).resolves.toBe("PONG");
    } finally {
      client.disconnect();
    }
  });
});
