/**
 * The index lock (src/rag/lock.ts): one writer at a time, stale locks taken over by one writer, and what an
 * interrupted write left beside the index tidied by the next writer.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, readdirSync, lutimesSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { acquireIndexLock, LockError, lockLost, lockPath } from "../../src/rag/lock.js";
import { capturingLogger, parsedLogs } from "../reliability/helpers.js";
import { indexedProjects } from "../helpers/project.js";

/** A project with the seeds and a copy of their index. */
const project = indexedProjects();

/** Set to an errno code, writing a file whose name ends in `.lock` through its handle fails with it (a full disk). */
const writeFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
/** Set to an errno code, reading a file whose name ends in `.lock` fails with it (a disk error). */
const readFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
/** Set to an errno code, hard links fail with it (a file system without them). */
const linkFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
/** Set to an errno code, renaming a folder whose name holds `.old-` fails with it (putting an index back fails). */
const renameFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
/** Set, runs once right after the lock's takeover guard is looked at (lstat): another writer acting in that gap. */
const afterGuardLook = vi.hoisted(() => ({ run: undefined as (() => void) | undefined }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const code = writeFailure.code;
      if (code && String(args[0]).endsWith(".lock")) {
        handle.writeFile = async () => {
          throw Object.assign(new Error(`${code}: cannot write ${String(args[0])}`), { code });
        };
      }
      return handle;
    },
    readFile: async (...args: Parameters<typeof actual.readFile>) => {
      const code = readFailure.code;
      if (code && String(args[0]).endsWith(".lock")) throw Object.assign(new Error(`${code}: cannot read ${String(args[0])}`), { code });
      return actual.readFile(...args);
    },
    rename: async (...args: Parameters<typeof actual.rename>) => {
      const code = renameFailure.code;
      if (code && String(args[0]).includes(".old-")) throw Object.assign(new Error(`${code}: cannot rename ${String(args[0])}`), { code });
      return actual.rename(...args);
    },
    link: async (...args: Parameters<typeof actual.link>) => {
      const code = linkFailure.code;
      if (code) throw Object.assign(new Error(`${code}: cannot link ${String(args[0])}`), { code });
      return actual.link(...args);
    },
    lstat: async (...args: Parameters<typeof actual.lstat>) => {
      const info = await actual.lstat(...args);
      const run = afterGuardLook.run;
      if (run && String(args[0]).endsWith(".takeover")) {
        afterGuardLook.run = undefined;
        run();
      }
      return info;
    },
  };
});

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the index lock", () => {
  it("is held by one writer at a time and removed on release", async () => {
    const p = project();
    const lock = await acquireIndexLock(p.indexDir);
    expect(lock.path).toBe(lockPath(p.indexDir));
    expect(JSON.parse(readFileSync(lock.path, "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    const second = await acquireIndexLock(p.indexDir).then(
      () => "taken",
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(LockError);
    expect(second).toMatchObject({ code: "busy", owner: { pid: process.pid } });
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
    const again = await acquireIndexLock(p.indexDir);
    await again.release();
  });

  it("is taken for an index folder whose parent does not exist yet, the parent made (so nothing writes unlocked)", async () => {
    const p = project();
    const indexDir = join(p.root, "data", "deep", "index");
    const lock = await acquireIndexLock(indexDir);
    expect(existsSync(lockPath(indexDir))).toBe(true);
    await lock.release();
    // A parent that cannot be made (a file in its way) is the lock's io error, naming the lock.
    writeFileSync(join(p.root, "blocked"), "a file");
    await expect(acquireIndexLock(join(p.root, "blocked", "index"))).rejects.toMatchObject({ name: "LockError", code: "io" });
  });

  it("names the file that stands where a folder on the way to the index should be, not only ENOTDIR (found by a review)", async () => {
    const p = project();
    const file = join(p.root, "data");
    writeFileSync(file, "a file");
    for (const indexDir of [join(file, "index"), join(file, "deep", "er", "index")]) {
      const error = await acquireIndexLock(indexDir).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "LockError", code: "io", cause: { code: "ENOTDIR" } });
      expect((error as Error).message).toBe(`cannot create the index lock ${lockPath(indexDir)}: ${file} is a file, not a folder`);
    }
  });

  it("leaves no empty lock behind when it cannot write its owner into the file (a full disk), and says so", async () => {
    const p = project();
    writeFailure.code = "ENOSPC";
    try {
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "io", message: expect.stringContaining("cannot write the index lock") });
    } finally {
      writeFailure.code = undefined;
    }
    expect(existsSync(lockPath(p.indexDir))).toBe(false);
    await (await acquireIndexLock(p.indexDir)).release();
  });

  it("tells a lock taken over from one it cannot read: the read's error, not \"lost\"", async () => {
    const p = project();
    const lock = await acquireIndexLock(p.indexDir);
    expect(await lockLost(p.indexDir)).toBe(false);
    readFailure.code = "EIO";
    try {
      await expect(lockLost(p.indexDir)).rejects.toMatchObject({ code: "EIO" });
    } finally {
      readFailure.code = undefined;
    }
    writeFileSync(lock.path, JSON.stringify({ pid: process.pid, host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    expect(await lockLost(p.indexDir)).toBe(true);
    await lock.release();
    expect(await lockLost(p.indexDir)).toBe(false);
  });

  it("waits for a writer to finish when asked to", async () => {
    const p = project();
    const first = await acquireIndexLock(p.indexDir);
    // A start waiting says so as a warning: the console chat and npm run ask log nothing quieter.
    const { logger, lines } = capturingLogger();
    const waiting = acquireIndexLock(p.indexDir, { waitMs: 60_000, pollMs: 20, logger, purpose: "start" });
    setTimeout(() => void first.release(), 100);
    const second = await waiting;
    expect(JSON.parse(readFileSync(second.path, "utf8")).pid).toBe(process.pid);
    expect(parsedLogs(lines).filter((l) => l.msg.includes("waiting for it"))).toEqual([expect.objectContaining({ level: 40, purpose: "start" })]);
    await second.release();
  });

  it("takes over a lock whose process is gone, with one warning", async () => {
    const p = project();
    const pid = deadPid();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid, host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    const { logger, lines } = capturingLogger();
    const lock = await acquireIndexLock(p.indexDir, { logger });
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    expect(parsedLogs(lines).filter((l) => l.msg.includes("gone"))).toEqual([expect.objectContaining({ pid })]);
    await lock.release();
  });

  it("takes over a lock naming this process that it does not hold (a container restarted with the same pid)", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: process.pid, host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    const lock = await acquireIndexLock(p.indexDir);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).at).not.toBe("2026-01-01T00:00:00.000Z");
    // One it does hold is still its own: a second taking waits for it.
    await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
    await lock.release();
  });

  it.runIf(process.platform === "linux")("takes over a lock whose pid now names another process, or from an earlier boot; honours another pid namespace's", async () => {
    const p = project();
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const pid = child.pid ?? -1;
      const ns = readlinkSync("/proc/self/ns/pid");
      const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
      const ticks = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[19]);
      const write = (owner: object) => writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid, host: hostname(), at: new Date().toISOString(), ...owner }));
      // The pid names a process that started at another tick than the lock's writer: that writer is gone.
      write({ ns, boot, start: ticks + 1 });
      await (await acquireIndexLock(p.indexDir)).release();
      // A lock from another boot (this machine before a reboot, or another of the same host name): its pid says
      // nothing here, and one its writer no longer touches is taken over.
      write({ ns, boot: "00000000-0000-0000-0000-000000000000", start: ticks, beats: true });
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
      await (await acquireIndexLock(p.indexDir, { silentMs: 100, waitMs: 5_000, pollMs: 20 })).release();
      // The process that took it is alive: waited for, whatever the clock says.
      write({ ns, boot, start: ticks, at: "2020-01-01T00:00:00.000Z" });
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy", owner: { pid } });
      // A lock of an earlier version (no start tick) whose pid a process started after it now holds.
      writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid, host: hostname(), at: new Date(Date.now() - 3_600_000).toISOString() }));
      await (await acquireIndexLock(p.indexDir)).release();
      // Another pid namespace (a container beside this one, or this one's earlier run) cannot be checked by its
      // pid: honoured, and named, while its holder touches it; taken over once it has not for two minutes.
      const other = { pid: process.pid, host: hostname(), at: new Date().toISOString(), ns: "pid:[1]", boot, start: 5, beats: true };
      writeFileSync(lockPath(p.indexDir), JSON.stringify(other));
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy", message: expect.stringContaining("in another pid namespace") });
      // Untouched while this process watches it, by this process's clock (the holder's may be minutes off):
      // taken over (ten minutes by default; shortened here).
      await (await acquireIndexLock(p.indexDir, { silentMs: 100, waitMs: 5_000, pollMs: 20 })).release();
      // One from an earlier boot in another namespace may be a live container of the same host name on another
      // machine: it too waits for its silence.
      writeFileSync(lockPath(p.indexDir), JSON.stringify({ ...other, boot: "00000000-0000-0000-0000-000000000000" }));
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
      await (await acquireIndexLock(p.indexDir, { silentMs: 100, waitMs: 5_000, pollMs: 20 })).release();
      // So is one from another boot in this namespace's name: the init namespace is named alike on every machine,
      // and another machine of the same host name may be writing.
      writeFileSync(lockPath(p.indexDir), JSON.stringify({ ...other, ns, boot: "00000000-0000-0000-0000-000000000000" }));
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
      await (await acquireIndexLock(p.indexDir, { silentMs: 100, waitMs: 5_000, pollMs: 20 })).release();
      // Without a start tick (no /proc: macOS, Windows), a touched lock whose pid is alive is judged by its silence.
      writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid, host: hostname(), at: new Date().toISOString(), beats: true }));
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
      await (await acquireIndexLock(p.indexDir, { silentMs: 100, waitMs: 5_000, pollMs: 20 })).release();
    } finally {
      child.kill();
    }
  });

  it("takes a lock with no owner written for damaged only once seen unchanged a while, whatever time the file says", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), "");
    const old = new Date(Date.now() - 3_600_000); // a clock an hour behind this one's, say
    utimesSync(lockPath(p.indexDir), old, old);
    await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
    await (await acquireIndexLock(p.indexDir, { silentMs: 100, waitMs: 5_000, pollMs: 20 })).release();
  });

  it("releases without a fuss when what stands at the lock's path is no longer its own readable lock", async () => {
    const p = project();
    const lock = await acquireIndexLock(p.indexDir);
    rmSync(lock.path);
    mkdirSync(lock.path); // a folder: reading it fails
    await expect(lock.release()).resolves.toBeUndefined();
    expect(lstatSync(lock.path).isDirectory()).toBe(true);
  });

  it("touches the lock it holds, through its own file: never a lock that replaced it", async () => {
    const p = project();
    // A short beat, so that the test waits for touches rather than for the 5 s one.
    const lock = await acquireIndexLock(p.indexDir, { heartbeatMs: 20 });
    const old = new Date(Date.now() - 600_000);
    const touched = (file: string) => expect.poll(() => statSync(file).mtimeMs, { timeout: 15_000, interval: 20 }).toBeGreaterThan(old.getTime() + 500_000);
    utimesSync(lock.path, old, old);
    await touched(lock.path);
    // Taken over meanwhile (its writer stalled): the new holder's file is left as it is. The old file is moved
    // aside rather than removed, so that its touches show when the holder has beaten since the takeover.
    const aside = `${lock.path}.taken-over`;
    renameSync(lock.path, aside);
    utimesSync(aside, old, old);
    writeFileSync(lock.path, JSON.stringify({ pid: 7, host: "builder-3f2a", at: new Date().toISOString(), beats: true }));
    utimesSync(lock.path, old, old);
    await touched(aside); // still beating, through its own file
    expect(statSync(lock.path).mtimeMs).toBeLessThan(old.getTime() + 1000); // untouched
    await lock.release();
    expect(existsSync(lock.path)).toBe(true); // not ours to remove
  });

  it("names another host's lock, and reports one over an hour old at once instead of waiting", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: 7, host: "builder-3f2a", at: new Date().toISOString() }));
    await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy", message: expect.stringContaining("process 7 on host builder-3f2a") });
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: 7, host: "builder-3f2a", at: "2026-01-01T00:00:00.000Z" }));
    // At once: waiting the hour asked for would outlast the test's timeout.
    const error = await acquireIndexLock(p.indexDir, { waitMs: 3_600_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "blocked", message: expect.stringMatching(/process 7 on host builder-3f2a at 2026-01-01T00:00:00\.000Z, over an hour ago; if no process there is writing the index, remove the lock$/u) });
  });

  it.runIf(process.platform === "linux")("says when a lock out of sight that its holder touches is taken for gone: another host's, an earlier boot's", async () => {
    const p = project();
    const at = new Date().toISOString();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: 7, host: "builder-3f2a", at, beats: true }));
    await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({
      code: "busy",
      message: expect.stringContaining("process 7 on host builder-3f2a; its lock is taken for gone once untouched for 10 min"),
    });
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const earlier = `${boot.slice(0, -1)}${boot.endsWith("0") ? "1" : "0"}`;
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: 7, host: hostname(), at, ns: readlinkSync("/proc/self/ns/pid"), boot: earlier, start: 1, beats: true }));
    await expect(acquireIndexLock(p.indexDir, { silentMs: 30_000 })).rejects.toMatchObject({
      code: "busy",
      message: expect.stringContaining(`process 7 in an earlier boot of host ${hostname()} (or on another machine of that name); its lock is taken for gone once untouched for 30 s`),
    });
  });

  it("is taken over by one of two writers that find the same stale lock at once, never both", async () => {
    const p = project();
    const pid = deadPid();
    for (let round = 0; round < 100; round += 1) {
      writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid, host: hostname(), at: `2026-01-01T00:00:${String(round % 60).padStart(2, "0")}.000Z` }));
      // Both see the dead writer's lock; one takes it over and the other must then find that one's lock held.
      const tries = await Promise.allSettled([acquireIndexLock(p.indexDir), acquireIndexLock(p.indexDir)]);
      const held = tries.flatMap((t) => (t.status === "fulfilled" ? [t.value] : []));
      expect(held, `round ${round}`).toHaveLength(1);
      expect(tries.find((t) => t.status === "rejected")).toMatchObject({ reason: { code: "busy" } });
      await Promise.all(held.map((lock) => lock.release()));
      expect(existsSync(lockPath(p.indexDir))).toBe(false);
    }
    expect(existsSync(`${lockPath(p.indexDir)}.takeover`)).toBe(false);
  });

  it("says a fresh lock with no owner written yet is being written or damaged, with no pid", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), "");
    const error = await acquireIndexLock(p.indexDir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "busy", owner: undefined });
    expect(String(error)).toContain("is being written or is damaged");
    expect(String(error)).not.toMatch(/process -1|pid -1/u);
  });

  it("says blocked at once, with what to do, when something that is no lock stands in its place (a folder, a dangling link)", async () => {
    const p = project();
    mkdirSync(lockPath(p.indexDir));
    const folder = await acquireIndexLock(p.indexDir, { waitMs: 60_000 }).catch((e: unknown) => e);
    expect(folder).toBeInstanceOf(LockError);
    expect(folder).toMatchObject({ code: "blocked", cause: { code: "EISDIR" } });
    expect(String(folder)).toContain("remove it if no process is writing the index");
    // A link to nothing: open("wx") finds the path taken, reading it finds nothing. This once looped for ever.
    rmSync(lockPath(p.indexDir), { recursive: true });
    symlinkSync(join(p.root, "nowhere"), lockPath(p.indexDir));
    await expect(acquireIndexLock(p.indexDir, { waitMs: 60_000 })).rejects.toMatchObject({ name: "LockError", code: "blocked" });
  });

  it("with no wait, says busy at once while another writer's takeover guard stands beside a stale lock", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: deadPid(), host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    writeFileSync(`${lockPath(p.indexDir)}.takeover`, "another writer's token");
    await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ name: "LockError", code: "busy" });
    expect(readFileSync(`${lockPath(p.indexDir)}.takeover`, "utf8")).toBe("another writer's token");
  });

  it("takes a guard dated in the future (a clock set back) for debris, and a leftover guard with no lock is tidied", async () => {
    const p = project();
    const guard = `${lockPath(p.indexDir)}.takeover`;
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: deadPid(), host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    writeFileSync(guard, "");
    utimesSync(guard, new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_600_000));
    const lock = await acquireIndexLock(p.indexDir, { waitMs: 60_000, pollMs: 20 });
    expect(existsSync(guard)).toBe(false);
    await lock.release();
    writeFileSync(guard, "");
    utimesSync(guard, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await (await acquireIndexLock(p.indexDir)).release();
    expect(existsSync(guard)).toBe(false);
  });

  it("takes a dangling symbolic link standing as the guard for debris once it is old", async () => {
    const p = project();
    const guard = `${lockPath(p.indexDir)}.takeover`;
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: deadPid(), host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    symlinkSync(join(p.root, "nowhere"), guard);
    lutimesSync(guard, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = await acquireIndexLock(p.indexDir);
    expect(lstatSync(guard, { throwIfNoEntry: false })).toBeUndefined();
    await lock.release();
  });

  it("says blocked at once, young or old, when a folder stands where the takeover guard goes", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: deadPid(), host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    const guard = `${lockPath(p.indexDir)}.takeover`;
    mkdirSync(guard);
    const young = await acquireIndexLock(p.indexDir, { waitMs: 60_000 }).catch((e: unknown) => e);
    expect(young).toMatchObject({ name: "LockError", code: "blocked" });
    expect(String(young)).toContain("is a folder; remove it if no process is writing the index");
    // Once old it was removed without `recursive`, which failed: "io", on which a caller builds without the lock.
    utimesSync(guard, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await expect(acquireIndexLock(p.indexDir, { waitMs: 60_000 })).rejects.toMatchObject({ name: "LockError", code: "blocked" });
    expect(existsSync(guard)).toBe(true);
  });

  it("takes over a stale lock past the guard a crash during a takeover left, once the guard is old", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: deadPid(), host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    const guard = `${lockPath(p.indexDir)}.takeover`;
    writeFileSync(guard, "");
    utimesSync(guard, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = await acquireIndexLock(p.indexDir);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    expect(existsSync(guard)).toBe(false);
    await lock.release();
  });

  it("removes an old guard only while it is still the one found old: a guard another writer just took stands", async () => {
    const p = project();
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: deadPid(), host: hostname(), at: "2026-01-01T00:00:00.000Z" }));
    const guard = `${lockPath(p.indexDir)}.takeover`;
    writeFileSync(guard, "");
    utimesSync(guard, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    // Between this writer's look at the old guard and its removal, another removed it and took its own.
    afterGuardLook.run = () => {
      rmSync(guard);
      writeFileSync(guard, "4242 another writer's token");
    };
    await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy", message: expect.stringContaining("taking over the stale index lock") });
    expect(readFileSync(guard, "utf8")).toBe("4242 another writer's token");
    expect(JSON.parse(readFileSync(lockPath(p.indexDir), "utf8")).at).toBe("2026-01-01T00:00:00.000Z");
    expect(readdirSync(dirname(lockPath(p.indexDir))).filter((e) => e.includes("takeover"))).toEqual([".index.lock.takeover"]);

    // The same where the file system has no hard links: the guard is put back by a copy.
    writeFileSync(guard, "");
    utimesSync(guard, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    afterGuardLook.run = () => {
      rmSync(guard);
      writeFileSync(guard, "4343 another writer's token");
    };
    linkFailure.code = "EPERM";
    try {
      await expect(acquireIndexLock(p.indexDir)).rejects.toMatchObject({ code: "busy" });
    } finally {
      linkFailure.code = undefined;
    }
    expect(readFileSync(guard, "utf8")).toBe("4343 another writer's token");
    expect(readdirSync(dirname(lockPath(p.indexDir))).filter((e) => e.includes("takeover"))).toEqual([".index.lock.takeover"]);
  });
});

describe("an interrupted index write", () => {
  /** A scratch folder as a writer names it (store.ts: pid and time in base 36; mkdtemp's six characters for work). */
  const scratch = (indexDir: string, kind: "tmp" | "old" | "work", files: Record<string, string> = { "exact.index": "" }, suffix?: string): string => {
    const dir = `${indexDir}.${kind}-${suffix ?? (kind === "work" ? "Xy9z0Q" : `${process.pid}-${(Date.now() + Math.floor(Math.random() * 1e6)).toString(36)}`)}`;
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };

  it("leaves folders beside the index that the next writer removes", async () => {
    const p = project();
    const leftovers = [
      scratch(p.indexDir, "tmp", { "passages.bin": "", "graph-000.index": "" }),
      scratch(p.indexDir, "work", { "previous.index": "", "added.index": "", "exact.index": "" }),
      scratch(p.indexDir, "old", { "manifest.json": "{}", "labels.bin": "" }),
      scratch(p.indexDir, "tmp", {}), // made, nothing written yet
    ];
    const { logger, lines } = capturingLogger();
    await (await acquireIndexLock(p.indexDir, { logger })).release();
    for (const dir of leftovers) expect(existsSync(dir), dir).toBe(false);
    expect(existsSync(join(p.indexDir, "manifest.json"))).toBe(true);
    expect(parsedLogs(lines).filter((l) => l.msg.includes("interrupted"))).toHaveLength(1);
  });

  it("puts back the index a writer moved aside: the new one when it was complete, else the old one", async () => {
    const p = project();
    const manifest = readFileSync(join(p.indexDir, "manifest.json"), "utf8");
    // Died after moving the old index aside, before moving the complete new one in.
    const old = `${p.indexDir}.old-1-${Date.now().toString(36)}`;
    renameSync(p.indexDir, old);
    const fresh = scratch(p.indexDir, "tmp", { "manifest.json": manifest, "labels.bin": "new" });
    const incomplete = scratch(p.indexDir, "tmp", { "labels.bin": "incomplete" }); // no manifest
    await (await acquireIndexLock(p.indexDir)).release();
    expect(readFileSync(join(p.indexDir, "labels.bin"), "utf8")).toBe("new");
    expect(existsSync(old) || existsSync(fresh) || existsSync(incomplete)).toBe(false);

    // No complete new one: the old one goes back.
    const older = `${p.indexDir}.old-3-${Date.now().toString(36)}`;
    renameSync(p.indexDir, older);
    const partial = scratch(p.indexDir, "tmp", { "passages.bin": "" });
    await (await acquireIndexLock(p.indexDir)).release();
    expect(readFileSync(join(p.indexDir, "manifest.json"), "utf8")).toBe(manifest);
    expect(existsSync(partial) || existsSync(older)).toBe(false);
  });

  it("never removes nor puts in place an operator's folder named like a scratch folder (found by a review)", async () => {
    const p = project();
    const manifest = readFileSync(join(p.indexDir, "manifest.json"), "utf8");
    // A backup by date (cp -r index index.old-2026-12-01), notes, and a copy of a writer's shape holding other things.
    const backup = `${p.indexDir}.old-2026-12-01`;
    cpSync(p.indexDir, backup, { recursive: true });
    const notes = scratch(p.indexDir, "tmp", { "todo.txt": "keep" }, "notes");
    const shaped = scratch(p.indexDir, "old", { "manifest.json": manifest, "README.txt": "nightly copy" }, `42-${Date.now().toString(36)}`);
    const inner = scratch(p.indexDir, "work", {}, "Ab12Cd");
    mkdirSync(join(inner, "keep"));
    const { logger, lines } = capturingLogger();
    await (await acquireIndexLock(p.indexDir, { logger })).release();
    for (const dir of [backup, notes, shaped, inner]) expect(existsSync(dir), dir).toBe(true);
    expect(readFileSync(join(notes, "todo.txt"), "utf8")).toBe("keep");
    expect(parsedLogs(lines).filter((l) => l.msg.includes("interrupted"))).toHaveLength(0);
    expect(parsedLogs(lines).find((l) => l.msg.includes("named like"))).toMatchObject({ left: [basename(shaped), basename(inner)].sort() });

    // With the index gone, a backup of it is not taken for one a write moved aside: nothing is put in its place.
    rmSync(p.indexDir, { recursive: true });
    const mine = `${p.indexDir}.old-mybackup`;
    cpSync(backup, mine, { recursive: true });
    await (await acquireIndexLock(p.indexDir)).release();
    expect(existsSync(p.indexDir)).toBe(false);
    expect(existsSync(join(mine, "manifest.json")) && existsSync(join(backup, "manifest.json"))).toBe(true);
  });

  it("leaves no takeover guard a crash left moved aside: an old one is removed by the next writer, a young one kept", async () => {
    const p = project();
    const lock = lockPath(p.indexDir);
    const old = `${lock}.takeover.aside-1234`;
    const young = `${lock}.takeover.aside-5678`;
    writeFileSync(old, "");
    utimesSync(old, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    writeFileSync(young, "");
    await (await acquireIndexLock(p.indexDir)).release();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true); // another writer's, in the instant it moves an old guard aside
  });

  it("still takes the lock when tidying fails, with a warning", async () => {
    const p = project();
    // No index, and a moved-aside one that cannot be put back.
    renameSync(p.indexDir, `${p.indexDir}.old-9-${Date.now().toString(36)}`);
    const { logger, lines } = capturingLogger();
    renameFailure.code = "EIO";
    let lock: Awaited<ReturnType<typeof acquireIndexLock>>;
    try {
      lock = await acquireIndexLock(p.indexDir, { logger });
    } finally {
      renameFailure.code = undefined;
    }
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
    expect(parsedLogs(lines).filter((l) => l.msg.includes("could not tidy"))).toHaveLength(1);
  });
});
