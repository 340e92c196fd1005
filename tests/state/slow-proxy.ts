/**
 * A TCP proxy in front of a real redis-server that holds back Redis's replies by `delayMs` (set at any time), in
 * order: a Redis that is up and connected but slow, as a loaded or distant one is. CLIENT PAUSE cannot make latency
 * flap from one call to the next; this can.
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import { freePort } from "../helpers/ports.js";

export interface SlowProxy {
  readonly url: string;
  /** How long each reply from Redis is held back, from when it arrives; 0 passes replies on at once. */
  delayMs: number;
  /** Resolves once no reply is held back (a late reply to a call that timed out has reached the client). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards to the redis-server on `redisPort`. */
export async function startSlowProxy(redisPort: number): Promise<SlowProxy> {
  const sockets = new Set<Socket>();
  /** Replies held back, over every connection. */
  let holding = 0;
  const port = await freePort();
  const proxy: SlowProxy = {
    url: `redis://127.0.0.1:${port}`,
    delayMs: 0,
    settled: async () => {
      while (holding > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((client) => {
    const upstream = connect(redisPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      // A connection torn down by either side (the test closing, ioredis reconnecting) is no test failure.
      socket.on("error", () => socket.destroy());
      socket.on("close", () => sockets.delete(socket));
    }
    // Replies leave in the order they came, each no earlier than its arrival plus the delay set then.
    const held: { due: number; chunk: Buffer }[] = [];
    let timer: NodeJS.Timeout | undefined;
    client.on("data", (chunk: Buffer) => upstream.write(chunk));
    client.on("close", () => {
      upstream.destroy();
      clearTimeout(timer);
      holding -= held.splice(0).length; // never delivered now
    });
    upstream.on("close", () => client.destroy());
    const release = (): void => {
      timer = undefined;
      while (held[0] !== undefined && held[0].due <= Date.now()) {
        client.write(held.shift()!.chunk);
        holding -= 1;
      }
      if (held[0] !== undefined) timer = setTimeout(release, held[0].due - Date.now());
    };
    upstream.on("data", (chunk: Buffer) => {
      held.push({ due: Date.now() + proxy.delayMs, chunk });
      holding += 1;
      if (timer === undefined) release();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return proxy;
}
