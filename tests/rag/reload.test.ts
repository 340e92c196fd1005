/**
 * Hot reload in the core: the live rag swaps in a new index when briefings are added, changed or removed, keeps
 * the old one answering until then, and writes only while holding the index lock.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readlinkSync, lutimesSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { createRag, type Answer } from "../../src/rag/index.js";
import { acquireIndexLock, LockError, lockPath } from "../../src/rag/lock.js";
import { capturingLogger, parsedLogs } from "../reliability/helpers.js";
import { DAM_ARTICLE, DAM_BRIEFING, DAM_QUESTION } from "../helpers/briefings.js";
import { indexedProjects } from "../helpers/project.js";

/** A project with the seeds and a copy of their index. */
const project = indexedProjects();

const quotes = (answer: Answer): string => (answer.kind === "answered" ? answer.citations.map((c) => c.quote).join("\n") : "");

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

  it("waits for a writer to finish when asked to", async () => {
    const p = project();
    const first = await acquireIndexLock(p.indexDir);
    const waiting = acquireIndexLock(p.indexDir, { waitMs: 60_000, pollMs: 20 });
    setTimeout(() => void first.release(), 100);
    const second = await waiting;
    expect(JSON.parse(readFileSync(second.path, "utf8")).pid).toBe(process.pid);
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

  it("touches the lock it holds, through its own file: never a lock that replaced it", { timeout: 20_000 }, async () => {
    const p = project();
    const lock = await acquireIndexLock(p.indexDir);
    const old = new Date(Date.now() - 600_000);
    utimesSync(lock.path, old, old);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(statSync(lock.path).mtimeMs).toBeGreaterThan(old.getTime() + 500_000); // touched
    // Taken over meanwhile (its writer stalled): the new holder's file is left as it is.
    rmSync(lock.path);
    writeFileSync(lock.path, JSON.stringify({ pid: 7, host: "builder-3f2a", at: new Date().toISOString(), beats: true }));
    utimesSync(lock.path, old, old);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
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
});

describe("an interrupted index write", () => {
  const scratch = (indexDir: string, suffix: string): string => {
    const dir = `${indexDir}${suffix}`;
    mkdirSync(join(dir, "inner"), { recursive: true });
    return dir;
  };

  it("leaves folders beside the index that the next writer removes", async () => {
    const p = project();
    const leftovers = [".tmp-123-abc", ".work-XyZ12", ".old-123-abc"].map((suffix) => scratch(p.indexDir, suffix));
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
    renameSync(p.indexDir, `${p.indexDir}.old-1-a`);
    const fresh = scratch(p.indexDir, ".tmp-1-a");
    writeFileSync(join(fresh, "manifest.json"), manifest);
    scratch(p.indexDir, ".tmp-2-b"); // an incomplete one: no manifest
    await (await acquireIndexLock(p.indexDir)).release();
    expect(existsSync(join(p.indexDir, "inner"))).toBe(true); // the new one
    expect(existsSync(`${p.indexDir}.old-1-a`) || existsSync(fresh) || existsSync(`${p.indexDir}.tmp-2-b`)).toBe(false);

    // No complete new one: the old one goes back.
    renameSync(p.indexDir, `${p.indexDir}.old-3-c`);
    scratch(p.indexDir, ".tmp-3-c");
    await (await acquireIndexLock(p.indexDir)).release();
    expect(readFileSync(join(p.indexDir, "manifest.json"), "utf8")).toBe(manifest);
    expect(existsSync(`${p.indexDir}.tmp-3-c`)).toBe(false);
  });

  it("still takes the lock when tidying fails, with a warning", async () => {
    const p = project();
    // No index, and a moved-aside one that is a dangling link: putting it back fails.
    rmSync(p.indexDir, { recursive: true, force: true });
    symlinkSync(join(p.root, "nowhere"), `${p.indexDir}.old-9-z`);
    const { logger, lines } = capturingLogger();
    const lock = await acquireIndexLock(p.indexDir, { logger });
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
    expect(parsedLogs(lines).filter((l) => l.msg.includes("could not tidy"))).toHaveLength(1);
  });
});

describe("a live rag", () => {
  it("notices an edit that keeps the size and puts the mtime back (tar, cp -p): the ctime moved", async () => {
    const p = project();
    const file = join(p.seedsDir, "001_dam.txt");
    // An mtime of whole seconds, as tar and cp -p set it, so that it can be put back exactly.
    const stamp = Math.floor(Date.now() / 1000) - 3600;
    writeFileSync(file, DAM_BRIEFING);
    utimesSync(file, stamp, stamp);
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, reload: { intervalMs: 3_600_000, watch: false } });
    try {
      expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Tavish Quennell");
      const before = statSync(file, { bigint: true });
      writeFileSync(file, DAM_BRIEFING.replace("Tavish Quennell", "Marcus Quennell"));
      utimesSync(file, stamp, stamp);
      const after = statSync(file, { bigint: true });
      expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
      expect(await rag.refresh()).toBe("reloaded");
      expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Marcus Quennell");
    } finally {
      rag.close();
    }
  });

  it("answers from an added briefing after a refresh, from the old index until the swap", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    expect(await rag.refresh()).toBe("unchanged");
    expect(quotes(await rag.answer(DAM_QUESTION))).not.toContain("Tavish Quennell");

    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    const refreshing = rag.refresh();
    expect(rag.refresh()).toBe(refreshing); // concurrent calls share one rescan
    // Until the new index is ready, the old one answers and /about shows it.
    expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    const during = rag.answer(DAM_QUESTION);
    expect(await refreshing).toBe("reloaded");
    expect(quotes(await during)).not.toContain("Tavish Quennell");

    expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt", "seeds/001_dam.txt"]);
    const answer = await rag.answer(DAM_QUESTION);
    expect(answer.kind).toBe("answered");
    const first = answer.kind === "answered" ? answer.citations[0] : undefined;
    expect(first?.source).toBe("seeds/001_dam.txt");
    expect(first?.quote).toContain("Tavish Quennell");
    expect(DAM_BRIEFING.slice(first?.start, first?.end)).toBe(first?.quote);
    expect(rag.passage("seeds/001_dam.txt", first?.start ?? -1)?.text).toContain("Tavish Quennell");
    expect(parsedLogs(lines).find((l) => l.msg === "briefings reloaded")).toMatchObject({ added: ["seeds/001_dam.txt"], changed: [], removed: [] });

    // The index on disk was written too: a fresh start loads it instead of building.
    const restarted = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    expect(restarted.info()).toEqual(rag.info());
  });

  it("decides with the decline model for several articles while an article of the briefing's size is beside it, and says so", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    expect(rag.declineScope).toBe("one article");
    writeFileSync(join(p.seedsDir, "dams.txt"), DAM_ARTICLE);
    expect(await rag.refresh()).toBe("reloaded");
    expect(rag.declineScope).toBe("several articles");
    expect(parsedLogs(lines).filter((l) => l["declineScope"] !== undefined).map((l) => l["declineScope"])).toEqual(["several articles"]);
    rmSync(join(p.seedsDir, "dams.txt"));
    expect(await rag.refresh()).toBe("reloaded");
    expect(rag.declineScope).toBe("one article");
    const restarted = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    expect(restarted.declineScope).toBe("one article");
  });

  it("drops a removed briefing's quotes and follows a changed one", async () => {
    const p = project();
    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Tavish Quennell");

    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING.replaceAll("Tavish Quennell", "Orla Brennick"));
    expect(await rag.refresh()).toBe("reloaded");
    const changed = quotes(await rag.answer(DAM_QUESTION));
    expect(changed).toContain("Orla Brennick");
    expect(changed).not.toContain("Tavish Quennell");

    rmSync(join(p.seedsDir, "001_dam.txt"));
    expect(await rag.refresh()).toBe("reloaded");
    expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    expect(quotes(await rag.answer(DAM_QUESTION))).not.toContain("Orla Brennick");
    expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    const reloads = parsedLogs(lines).filter((l) => l.msg === "briefings reloaded");
    expect(reloads.map((l) => [l["changed"], l["removed"]])).toEqual([
      [["seeds/001_dam.txt"], []],
      [[], ["seeds/001_dam.txt"]],
    ]);
  });

  it("quotes a briefing edited before a rescan saw it from the file as it is now: the index is updated first", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, reload: { intervalMs: 3_600_000, watch: false } });
    const file = join(p.seedsDir, "000_9ae3e538818b189d.txt");
    expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    // Every offset after the new first line moves; the kept text of the old file no longer matches the file.
    writeFileSync(file, `A LINE ADDED ON TOP.\n\n${readFileSync(file, "utf8")}`);
    const answer = await rag.answer("Who is Michele Sison?");
    expect(answer.kind).toBe("answered");
    const text = readFileSync(file, "utf8");
    if (answer.kind === "answered") for (const c of answer.citations) expect(text.slice(c.start, c.end)).toBe(c.quote);
    rag.close();
  });

  it("updates the index once for an answer that meets an edited briefing, even when the update fails", async () => {
    const p = project();
    const embeddings = new HashingEmbeddings();
    let down = false;
    let tries = 0;
    const embed = embeddings.embedDocuments.bind(embeddings);
    embeddings.embedDocuments = async (texts: string[]) => {
      if (!down) return embed(texts);
      tries += 1;
      throw new Error("embedding server unreachable");
    };
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, embeddings, reload: { intervalMs: 3_600_000, watch: false } });
    const file = join(p.seedsDir, "000_9ae3e538818b189d.txt");
    down = true;
    writeFileSync(file, `A LINE ADDED ON TOP.\n\n${readFileSync(file, "utf8")}`);
    await expect(rag.answer("Who is Michele Sison?")).rejects.toMatchObject({ name: "IndexError", code: "changed" });
    expect(tries).toBe(1);
    rag.close();
  });

  it("close() waits for a rescan writing the index: the lock is released and no scratch folder is left", { timeout: 60_000 }, async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, reload: { intervalMs: 3_600_000, watch: false } });
    writeFileSync(join(p.seedsDir, "long.md"), Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} tells of the harbour works at Quennell ${i}.`).join("\n\n"));
    let over = false;
    const refreshed = rag.refresh().finally(() => (over = true));
    while (!existsSync(lockPath(p.indexDir)) && !over) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(over).toBe(false); // closed while the rescan holds the lock
    await rag.close();
    expect(existsSync(lockPath(p.indexDir))).toBe(false);
    expect(readdirSync(join(p.indexDir, "..")).filter((name) => name.startsWith("index."))).toEqual([]);
    expect(await refreshed).toBe("reloaded");
  });

  it("once closed (shutting down), does not index an edited briefing from an answer: the question fails", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, reload: { intervalMs: 3_600_000, watch: false } });
    const file = join(p.seedsDir, "000_9ae3e538818b189d.txt");
    const built = statSync(join(p.indexDir, "manifest.json")).mtimeMs;
    rag.close();
    writeFileSync(file, `A LINE ADDED ON TOP.\n\n${readFileSync(file, "utf8")}`);
    await expect(rag.answer("Who is Michele Sison?")).rejects.toMatchObject({ name: "IndexError", code: "changed" });
    expect(statSync(join(p.indexDir, "manifest.json")).mtimeMs).toBe(built);
  });

  it("with reloading off, refuses to quote a briefing edited since it was indexed rather than quote it wrong", async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    const file = join(p.seedsDir, "000_9ae3e538818b189d.txt");
    expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    writeFileSync(file, `A LINE ADDED ON TOP.\n\n${readFileSync(file, "utf8")}`);
    await expect(rag.answer("Who is Michele Sison?")).rejects.toMatchObject({ name: "IndexError", code: "changed" });
  });

  it("skips a binary new file with one warning and keeps serving the rest", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    writeFileSync(join(p.seedsDir, "scan.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]));
    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    expect(await rag.refresh()).toBe("reloaded");
    expect(await rag.refresh()).toBe("unchanged");
    expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt", "seeds/001_dam.txt"]);
    expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Tavish Quennell");
    expect(parsedLogs(lines).filter((l) => l.msg.startsWith("seed skipped"))).toEqual([expect.objectContaining({ path: "seeds/scan.txt" })]);
  });

  it("keeps answering when every briefing is removed, and reloads when one comes back", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    rmSync(join(p.seedsDir, "000_9ae3e538818b189d.txt"));
    expect(await rag.refresh()).toBe("failed");
    expect(parsedLogs(lines).some((l) => l.msg.startsWith("no usable briefing left"))).toBe(true);
    expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    expect(await rag.refresh()).toBe("reloaded");
    expect(rag.info().briefings).toEqual(["seeds/001_dam.txt"]);
  });

  it("skips a rescan while another process holds the lock (one log line), and updates once it is free", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    // The parent of this test process is alive and is not us: its lock is honoured.
    writeFileSync(lockPath(p.indexDir), JSON.stringify({ pid: process.ppid, host: hostname(), at: new Date().toISOString() }));
    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    expect(await rag.refresh()).toBe("busy");
    expect(await rag.refresh()).toBe("busy");
    expect(rag.info().briefings).toHaveLength(1);
    expect(parsedLogs(lines).filter((l) => l.msg.includes("another process is writing the index"))).toHaveLength(1);
    // Then something that is no lock in its place: a warning of its own, once, saying what to remove.
    rmSync(lockPath(p.indexDir));
    mkdirSync(lockPath(p.indexDir));
    expect(await rag.refresh()).toBe("busy");
    expect(await rag.refresh()).toBe("busy");
    const blocked = parsedLogs(lines).filter((l) => l.msg.includes("the index lock is blocked"));
    expect(blocked).toHaveLength(1);
    expect(JSON.stringify(blocked[0])).toContain("remove it if no process is writing the index");
    rmSync(lockPath(p.indexDir), { recursive: true });
    expect(await rag.refresh()).toBe("reloaded");
    expect(rag.info().briefings).toHaveLength(2);
    expect(existsSync(lockPath(p.indexDir))).toBe(false);
  });

  it("reads again only the files that moved: a bad file is reported once per version", async () => {
    const p = project();
    writeFileSync(join(p.seedsDir, "scan.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]));
    const { logger, lines } = capturingLogger("info");
    // Rescans only when asked (an hour apart, no watching), with the folder's state taken at the start.
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger, reload: { intervalMs: 3_600_000, watch: false } });
    try {
      expect(await rag.refresh()).toBe("unchanged");
      expect(await rag.refresh()).toBe("unchanged");
      expect(parsedLogs(lines).filter((l) => l.msg.startsWith("seed skipped"))).toHaveLength(1);
      writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
      expect(await rag.refresh()).toBe("reloaded");
      expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt", "seeds/001_dam.txt"]);
      // Only the new file was read: the bad one, unchanged, is not warned about again.
      expect(parsedLogs(lines).filter((l) => l.msg.startsWith("seed skipped"))).toHaveLength(1);
      writeFileSync(join(p.seedsDir, "scan.txt"), Buffer.from([0x00, 0x01, 0x02]));
      expect(await rag.refresh()).toBe("unchanged");
      expect(parsedLogs(lines).filter((l) => l.msg.startsWith("seed skipped"))).toHaveLength(2);
    } finally {
      rag.close();
    }
  });

  it("retries an update that failed at each rescan, reporting it once, and answers from the old index meanwhile", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const embeddings = new HashingEmbeddings();
    let down = false;
    const embed = embeddings.embedDocuments.bind(embeddings);
    embeddings.embedDocuments = async (texts: string[]) => {
      if (down) throw new Error("embedding server unreachable");
      return embed(texts);
    };
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger, embeddings });
    down = true;
    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    expect(await rag.refresh()).toBe("failed");
    expect(await rag.refresh()).toBe("failed");
    expect(parsedLogs(lines).filter((l) => l.msg.startsWith("updating the index failed"))).toHaveLength(1);
    expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    expect(existsSync(lockPath(p.indexDir))).toBe(false);
    down = false;
    expect(await rag.refresh()).toBe("reloaded");
    expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Tavish Quennell");
  });

  it("notices a new briefing by itself when reloading is on", { timeout: 30_000 }, async () => {
    const p = project();
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, reload: { intervalMs: 200, debounceMs: 50 } });
    try {
      writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
      await expect.poll(() => rag.info().briefings.length, { timeout: 20_000, interval: 50 }).toBe(2);
      expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Tavish Quennell");
    } finally {
      rag.close();
    }
  });
});

describe("RELOAD_INTERVAL_MS", () => {
  it("defaults to 5 s, takes 0 for off, and names itself when bad", () => {
    expect(loadConfig({}).reloadIntervalMs).toBe(5000);
    expect(loadConfig({ RELOAD_INTERVAL_MS: "0" }).reloadIntervalMs).toBe(0);
    expect(loadConfig({ RELOAD_INTERVAL_MS: "1500" }).reloadIntervalMs).toBe(1500);
    expect(() => loadConfig({ RELOAD_INTERVAL_MS: "soon" })).toThrow(/^RELOAD_INTERVAL_MS: /);
    expect(() => loadConfig({ RELOAD_INTERVAL_MS: "-1" })).toThrow(ConfigError);
  });
});
