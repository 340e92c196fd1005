/**
 * A real redis-server for tests, on a free loopback port, with nothing persisted. `.ci/run` installs the Debian
 * package when it is missing; a developer without it gets a message that says how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { freePort } from "../helpers/ports.js";

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Kills the server at once (SIGKILL), as a crash or a lost host would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** What redis-server logs once it listens, and when its port is taken. */
const READY = /Ready to accept connections/;
const PORT_TAKEN = /Address already in use/;
/** Ports tried for a first start; waits for a restart on its own port, 100 ms apart, while another holds it. */
const START_TRIES = 5;
const RESTART_TRIES = 50;

/**
 * Starts redis-server on a free port; resolves once it says it accepts connections. Its own log line, not a
 * connection to the port, says so: a port another test file's server took between freePort() and the spawn
 * would accept a connection too, and the tests would talk to that server.
 */
export async function startRedis(): Promise<RedisServer> {
  if (spawnSync("redis-server", ["--version"]).error) {
    throw new Error("redis-server is not installed: run `apt-get update && apt-get install -y redis-server` (.ci/run does this)");
  }
  let port = 0;
  let child: ChildProcess | undefined;

  /** One start on `port`: true once ready, false when the port is taken, an error for anything else. */
  const launchOnce = async (): Promise<boolean> => {
    let output = "";
    const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = once(proc, "exit") as Promise<[number | null]>;
    const ready = new Promise<true>((resolve) => {
      const read = (d: Buffer): void => {
        output += d.toString();
        if (READY.test(output)) resolve(true);
      };
      proc.stdout?.on("data", read);
      proc.stderr?.on("data", read);
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), 10_000)));
    const outcome = await Promise.race([ready, exited.then(([code]) => code), late]).finally(() => clearTimeout(timer));
    if (outcome === true) {
      child = proc;
      return true;
    }
    if (outcome === "late") {
      proc.kill("SIGKILL");
      throw new Error(`redis-server did not accept connections on ${port} within 10 s: ${output}`);
    }
    if (PORT_TAKEN.test(output)) return false;
    throw new Error(`redis-server exited with ${String(outcome)}: ${output}`);
  };

  const restart = async (): Promise<void> => {
    for (let i = 0; i < RESTART_TRIES; i += 1) {
      if (await launchOnce()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server could not have its port ${port} back: another process holds it`);
  };

  const end = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = once(proc, "exit");
    proc.kill(signal);
    await exited;
  };

  for (let i = 0; ; i += 1) {
    port = await freePort();
    if (await launchOnce()) break;
    if (i + 1 === START_TRIES) throw new Error(`redis-server found every port taken (${START_TRIES} tried)`);
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => end("SIGKILL"),
    restart,
    stop: () => end("SIGTERM"),
  };
}
