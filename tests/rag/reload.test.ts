/**
 * Hot reload in the core: the live rag swaps in a new index when briefings are added, changed or removed, keeps
 * the old one answering until then, and writes only while holding the index lock (see lock.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { createRag, type Answer } from "../../src/rag/index.js";
import { lockPath } from "../../src/rag/lock.js";
import { capturingLogger, parsedLogs } from "../reliability/helpers.js";
import { DAM_ARTICLE, DAM_BRIEFING, DAM_QUESTION } from "../helpers/briefings.js";
import { indexedProjects } from "../helpers/project.js";
import { firstCitation } from "../helpers/answers.js";

/** A project with the seeds and a copy of their index. */
const project = indexedProjects();

const quotes = (answer: Answer): string => (answer.kind === "answered" ? answer.citations.map((c) => c.quote).join("\n") : "");

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

  it("offers an example question only while the briefings answer it: replaced by others, the example goes", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const examples = { en: "Who is Michele Sison?", ar: "من هي ميشال سيسون؟" };
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger, examples, reload: { intervalMs: 3_600_000, watch: false } });
    try {
      expect(rag.info().examples).toEqual(examples);
      writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
      rmSync(join(p.seedsDir, "000_9ae3e538818b189d.txt"));
      expect(await rag.refresh()).toBe("reloaded");
      expect(rag.info().examples).toEqual({});
      const told = parsedLogs(lines).filter((l) => l.msg.includes("do not answer this example question"));
      expect(told.map((l) => l["language"]).sort()).toEqual(["ar", "en"]);
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
    const first = firstCitation(answer);
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

  it("reloads the other briefings beside a link in a loop, which is skipped with one warning", async () => {
    // Found by a review: the loop's ELOOP made every rescan fail, so no briefing added after it was ever read.
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    symlinkSync("loop2.txt", join(p.seedsDir, "loop1.txt"));
    symlinkSync("loop1.txt", join(p.seedsDir, "loop2.txt"));
    writeFileSync(join(p.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    expect(await rag.refresh()).toBe("reloaded");
    expect(await rag.refresh()).toBe("unchanged");
    expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt", "seeds/001_dam.txt"]);
    expect(quotes(await rag.answer(DAM_QUESTION))).toContain("Tavish Quennell");
    const logs = parsedLogs(lines);
    expect(logs.filter((l) => l.msg.startsWith("seed skipped")).map((l) => l["path"]).sort()).toEqual(["seeds/loop1.txt", "seeds/loop2.txt"]);
    expect(logs.some((l) => l.msg.startsWith("cannot read the seeds folder"))).toBe(false);
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

  it("says once that the seeds folder cannot be read while it stays so, and once that it can again (found by a review)", async () => {
    const p = project();
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger, reload: { intervalMs: 3_600_000, watch: false } });
    try {
      renameSync(p.seedsDir, `${p.seedsDir}.away`);
      for (let i = 0; i < 3; i += 1) expect(await rag.refresh()).toBe("failed");
      // Another trouble is said, once too.
      writeFileSync(p.seedsDir, "a file where the folder was");
      for (let i = 0; i < 3; i += 1) expect(await rag.refresh()).toBe("failed");
      rmSync(p.seedsDir);
      renameSync(`${p.seedsDir}.away`, p.seedsDir);
      expect(await rag.refresh()).toBe("unchanged");
      expect(await rag.refresh()).toBe("unchanged");
      const said = parsedLogs(lines).filter((l) => l.msg.startsWith("cannot read the seeds folder") || l.msg.startsWith("the seeds folder can be read again"));
      expect(said.map((l) => [l.msg, (l["err"] as { code?: string } | undefined)?.code])).toEqual([
        ["cannot read the seeds folder; still answering from the current index", "ENOENT"],
        ["cannot read the seeds folder; still answering from the current index", "ENOTDIR"],
        ["the seeds folder can be read again", undefined],
      ]);
      expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    } finally {
      await rag.close();
    }
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
