import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { createRag } from "../../src/rag/index.js";
import { indexedText } from "../../src/rag/ingest.js";
import { currentTexts, MAX_SEED_BYTES, readSeeds, recordedSeed, seedTexts, type SeedCache, type SeedRecord } from "../../src/rag/seeds.js";
import { folderSignature } from "../../src/rag/reload.js";
import type { Manifest } from "../../src/rag/manifest.js";
import { buildIndex, loadIndex, seedsOnRecord } from "../../src/rag/store.js";
import { warningLogger } from "../helpers/logger.js";
import { capturingLogger, parsedLogs } from "../reliability/helpers.js";
import { SEED_NAME, tempProject, type TempProject } from "../helpers/project.js";

let project: TempProject;
const embeddings = new HashingEmbeddings();

beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.remove());

describe("reading seeds", () => {
  it("fails clearly when seeds/ is missing or holds no briefing", async () => {
    const empty = tempProject(false);
    try {
      await expect(readSeeds(empty.root, empty.seedsDir)).rejects.toMatchObject({ name: "IndexError", code: "no-seeds" });
    } finally {
      empty.remove();
    }
  });

  it("skips binary and oversized files with a warning and keeps the rest", async () => {
    writeFileSync(join(project.seedsDir, "binary.txt"), Buffer.from([0x41, 0x00, 0x42, 0xff]));
    writeFileSync(join(project.seedsDir, "huge.md"), Buffer.alloc(MAX_SEED_BYTES + 1, 0x61));
    writeFileSync(join(project.seedsDir, "notes.pdf"), "ignored: not .txt or .md");
    const warnings: string[] = [];
    const logger = { warn: (_: object, msg?: string) => warnings.push(msg ?? "") } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    expect(warnings).toEqual(["seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)", "seed skipped: larger than the limit; split it into files under 5 MiB"]);
  });

  it("indexes a briefing holding a few U+FFFD characters with one warning; skips one that is mostly not UTF-8", async () => {
    const text = "The Yuan dynasty ruled China from 1271 to 1368. Its capital was Khanbaliq. ".repeat(20);
    writeFileSync(join(project.seedsDir, "yuan.txt"), `${text.slice(0, 200)}\uFFFD\uFFFD${text.slice(200)}\uFFFD`);
    writeFileSync(join(project.seedsDir, "latin1.txt"), Buffer.from("caf\xe9 d\xe9j\xe0 vu \xe0 la cr\xe8me ".repeat(10), "latin1"));
    const warnings: [object, string][] = [];
    const logger = { warn: (fields: object, msg?: string) => warnings.push([fields, msg ?? ""]) } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual(["seeds/000_9ae3e538818b189d.txt", "seeds/yuan.txt"]);
    expect(warnings).toEqual([
      [{ path: "seeds/latin1.txt", badCharacters: 50 }, "seed skipped: not UTF-8 text; save it as UTF-8"],
      [{ path: "seeds/yuan.txt", badCharacters: 3 }, "seed indexed despite invalid characters (U+FFFD)"],
    ]);
  });

  it("says a briefing of valid UTF-8 holding a NUL byte is binary, not that it is not UTF-8 (found by a review)", async () => {
    writeFileSync(join(project.seedsDir, "nul.txt"), "Valid text\u0000 that holds a NUL byte.\n");
    const warnings: [object, string][] = [];
    const logger = { warn: (fields: object, msg?: string) => warnings.push([fields, msg ?? ""]) } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    expect(warnings).toEqual([[{ path: "seeds/nul.txt", nulByteAt: 10 }, "seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)"]]);
  });

  it("indexes a briefing's text with its link targets and HTML tags blanked, and quotes the file's", async () => {
    const md = "The [Lumara River](https://example.com/lumara) dam <b>opened</b>.\n";
    writeFileSync(join(project.seedsDir, "dam.md"), md);
    const seeds = await readSeeds(project.root, project.seedsDir);
    const seed = seeds.find((s) => s.path === "seeds/dam.md");
    expect(seed?.readText()).toBe(md);
    expect(seed?.indexedText()).toBe(indexedText(md));
    expect(seedTexts(seeds).get("seeds/dam.md")).toBe(indexedText(md));
    expect(currentTexts(seeds)().get("seeds/dam.md")).toBe(md);
  });

  it("skips a seed it cannot read (a dangling link) with a warning and keeps the rest", async () => {
    symlinkSync(join(project.seedsDir, "gone.txt"), join(project.seedsDir, "broken.txt"));
    const warnings: string[] = [];
    const logger = { warn: (_: object, msg?: string) => warnings.push(msg ?? "") } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    expect(warnings).toEqual(["seed skipped: unreadable"]);
    // At a running bot's rescans (with the cache) it is said once while it stays so, and again once it changes.
    const cache: SeedCache = new Map();
    warnings.length = 0;
    for (let i = 0; i < 3; i++) await readSeeds(project.root, project.seedsDir, logger, cache);
    expect(warnings).toEqual(["seed skipped: unreadable"]);
    writeFileSync(join(project.seedsDir, "gone.txt"), "Now it exists.");
    expect((await readSeeds(project.root, project.seedsDir, logger, cache)).map((s) => s.path)).toContain("seeds/broken.txt");
  });

  it("names a file whose name is not UTF-8 as the trouble, rather than calling it missing", async () => {
    writeFileSync(Buffer.concat([Buffer.from(`${project.seedsDir}/r`), Buffer.from([0xe9]), Buffer.from("sum.txt")]), "A briefing under a Latin-1 name.");
    const warned: { fields: object; msg: string }[] = [];
    const logger = { warn: (fields: object, msg?: string) => warned.push({ fields, msg: msg ?? "" }) } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual([`seeds/${SEED_NAME}`]);
    expect(warned).toEqual([{ fields: { path: "seeds/r\uFFFDsum.txt" }, msg: "seed skipped: its file name is not UTF-8; rename the file" }]);
  });

  it("skips hidden files, everything in hidden folders, and empty files (with a warning)", async () => {
    mkdirSync(join(project.seedsDir, ".git"));
    writeFileSync(join(project.seedsDir, ".git", "COMMIT_EDITMSG.md"), "Add the briefing");
    mkdirSync(join(project.seedsDir, "more", ".old"), { recursive: true });
    writeFileSync(join(project.seedsDir, "more", ".old", "draft.txt"), "An old draft.");
    writeFileSync(join(project.seedsDir, "more", ".hidden.txt"), "Hidden.");
    writeFileSync(join(project.seedsDir, "more", "kept.md"), "A briefing in a subfolder.");
    writeFileSync(join(project.seedsDir, "empty.md"), " \n\n");
    const warnings: string[] = [];
    const logger = { warn: (_: object, msg?: string) => warnings.push(msg ?? "") } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual(["seeds/000_9ae3e538818b189d.txt", "seeds/more/kept.md"]);
    expect(warnings).toEqual(["seed skipped: empty"]);
  });

  it("indexes a text once however many copies or links hold it, and follows a linked folder once, loops included", async () => {
    const briefing = join(project.seedsDir, SEED_NAME);
    writeFileSync(join(project.seedsDir, "brief (copy).txt"), readFileSync(briefing));
    symlinkSync(briefing, join(project.seedsDir, "linked.txt"));
    mkdirSync(join(project.root, "elsewhere", "inner"), { recursive: true });
    writeFileSync(join(project.root, "elsewhere", "inner", "other.md"), "Another briefing, kept elsewhere.");
    symlinkSync(join(project.root, "elsewhere"), join(project.seedsDir, "kept-elsewhere"));
    symlinkSync(join(project.root, "elsewhere"), join(project.seedsDir, "same-folder-again"));
    symlinkSync(join(project.root, "elsewhere"), join(project.root, "elsewhere", "inner", "loop"));
    const warned: { path: string; sameAs?: string; msg: string }[] = [];
    const logger = { warn: (fields: { path: string; sameAs?: string }, msg?: string) => warned.push({ ...fields, msg: msg ?? "" }) } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual([`seeds/${SEED_NAME}`, "seeds/kept-elsewhere/inner/other.md"]);
    expect(warned).toEqual([
      { path: "seeds/brief (copy).txt", sameAs: `seeds/${SEED_NAME}`, msg: "seed skipped: the same text as another briefing" },
      { path: "seeds/linked.txt", sameAs: `seeds/${SEED_NAME}`, msg: "seed skipped: the same text as another briefing" },
    ]);
    // A running bot's rescans (with the cache) say it once while it stays a copy.
    const cache: SeedCache = new Map();
    warned.length = 0;
    for (let i = 0; i < 3; i++) await readSeeds(project.root, project.seedsDir, logger, cache);
    expect(warned.map((w) => w.path)).toEqual(["seeds/brief (copy).txt", "seeds/linked.txt"]);
    // No longer a copy (its original edited), then one again (the edit undone): said again.
    const text = readFileSync(briefing);
    writeFileSync(briefing, "The original, edited for a while.");
    await readSeeds(project.root, project.seedsDir, logger, cache);
    writeFileSync(briefing, text);
    warned.length = 0;
    await readSeeds(project.root, project.seedsDir, logger, cache);
    // (The link is read again with its target, so it is said again too.)
    expect(warned.map((w) => w.path)).toEqual(["seeds/brief (copy).txt", "seeds/linked.txt"]);
  });

  it("skips a folder below it that cannot be read and a link up to the seeds or above, serving the rest", async () => {
    writeFileSync(join(project.seedsDir, "a.txt"), "A second briefing.");
    const badFolder = Buffer.concat([Buffer.from(`${project.seedsDir}/Archives r`), Buffer.from([0xe9]), Buffer.from("sum")]);
    mkdirSync(badFolder);
    writeFileSync(Buffer.concat([badFolder, Buffer.from("/b.txt")]), "Under a folder with a Latin-1 name.");
    symlinkSync(project.root, join(project.seedsDir, "up"));
    symlinkSync("/", join(project.seedsDir, "root"));
    mkdirSync(join(project.seedsDir, "sub"));
    symlinkSync(project.seedsDir, join(project.seedsDir, "sub", "self"));
    writeFileSync(join(project.root, "notes.md"), "The project's own notes, not a briefing.");
    const warned: string[] = [];
    const logger = { warn: (_: object, msg?: string) => warned.push(msg ?? "") } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual([`seeds/${SEED_NAME}`, "seeds/a.txt"]);
    expect(warned.sort()).toEqual([
      "a folder in the seeds skipped: its name is not UTF-8; rename it",
      "a link in the seeds folder to the seeds folder or above it is not followed",
      "a link in the seeds folder to the seeds folder or above it is not followed",
      "a link in the seeds folder to the seeds folder or above it is not followed",
    ]);
    // A running bot's rescans look past them too, without a word each time.
    await expect(folderSignature(project.seedsDir)).resolves.toContain("a.txt");
  });

  it("says once, not at every reload that reads the seeds again, that a link up is not followed or a folder skipped (found by a review)", async () => {
    const badFolder = Buffer.concat([Buffer.from(`${project.seedsDir}/Archives r`), Buffer.from([0xe9]), Buffer.from("sum")]);
    mkdirSync(badFolder);
    symlinkSync(project.root, join(project.seedsDir, "up"));
    const warned: string[] = [];
    const logger = { warn: (_: object, msg?: string) => warned.push(msg ?? "") } as never;
    const cache: SeedCache = new Map();
    const read = async (): Promise<void> => void (await readSeeds(project.root, project.seedsDir, logger, cache));
    await read();
    // What makes a running bot read the seeds again: a briefing added, then one edited.
    writeFileSync(join(project.seedsDir, "a.txt"), "A second briefing.");
    await read();
    writeFileSync(join(project.seedsDir, "a.txt"), "A second briefing, edited.");
    await read();
    expect(warned.sort()).toEqual([
      "a folder in the seeds skipped: its name is not UTF-8; rename it",
      "a link in the seeds folder to the seeds folder or above it is not followed",
    ]);
    // Gone, then back: said again, once.
    rmSync(join(project.seedsDir, "up"));
    await read();
    symlinkSync(project.root, join(project.seedsDir, "up"));
    await read();
    await read();
    expect(warned.filter((m) => m.endsWith("is not followed"))).toHaveLength(2);
  });

  it("takes the folder's signature from the briefing files alone: a .git folder's objects change nothing", async () => {
    mkdirSync(join(project.seedsDir, ".git", "objects"), { recursive: true });
    writeFileSync(join(project.seedsDir, "notes.odt"), "not a briefing");
    const before = await folderSignature(project.seedsDir);
    writeFileSync(join(project.seedsDir, ".git", "objects", "ab12"), "an object");
    writeFileSync(join(project.seedsDir, "notes.odt"), "still not a briefing, changed");
    expect(await folderSignature(project.seedsDir)).toBe(before);
    writeFileSync(join(project.seedsDir, "new.md"), "A new briefing.");
    expect(await folderSignature(project.seedsDir)).not.toBe(before);
  });
});

const manifestOf = (p: TempProject): Manifest => JSON.parse(readFileSync(join(p.indexDir, "manifest.json"), "utf8")) as Manifest;
const writeManifest = (p: TempProject, manifest: Manifest): void => writeFileSync(join(p.indexDir, "manifest.json"), JSON.stringify(manifest));

describe("briefings known by their stamp", () => {
  const seedFile = (): string => join(project.seedsDir, SEED_NAME);
  const path = `seeds/${SEED_NAME}`;
  const options = () => ({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
  /** Runs `work` as if 10 s had passed since the files were written: they are settled, their stamps recorded. */
  const later = async <T>(work: () => Promise<T>): Promise<T> => {
    const now = Date.now() + 10_000;
    const clock = vi.spyOn(Date, "now").mockReturnValue(now);
    try {
      return await work();
    } finally {
      clock.mockRestore();
    }
  };

  it("records size, mtime, ctime, inode and device of a settled file, not of one just changed", async () => {
    await later(() => buildIndex(options()));
    const info = statSync(seedFile(), { bigint: true });
    expect(manifestOf(project).seeds.find((s) => s.path === path)?.stamp).toBe(`${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}:${info.dev}`);
    // As if the file had just been written (a real clock made this flaky: a slow first build settled it).
    const clock = vi.spyOn(Date, "now").mockReturnValue(Number(info.ctimeNs / 1_000_000n) + 1);
    try {
      await buildIndex(options());
    } finally {
      clock.mockRestore();
    }
    expect(manifestOf(project).seeds.find((s) => s.path === path)?.stamp).toBeUndefined();
  });

  it("takes a file whose stamp is unchanged as indexed without reading it", async () => {
    await later(() => buildIndex(options()));
    // The manifest vouches for a text the file does not hold: only reading the file could tell.
    const manifest = manifestOf(project);
    writeManifest(project, { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: "0".repeat(64) })) });
    const seeds = await readSeeds(project.root, project.seedsDir, undefined, seedsOnRecord(project.root, project.indexDir));
    expect(seeds.map((s) => s.sha256)).toEqual(["0".repeat(64)]);
    expect(() => seedTexts(seeds).get(path)).toThrow(expect.objectContaining({ name: "IndexError", code: "changed" }));
  });

  it("while a briefing taken by its stamp no longer holds what was indexed: no passage shown, its quotes refused", async () => {
    await later(() => buildIndex(options()));
    const manifest = manifestOf(project);
    writeManifest(project, { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: "0".repeat(64) })) });
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings }));
    expect(rag.passage(path, 0)).toBeUndefined();
    await expect(rag.answer("Who is Michele Sison?")).rejects.toMatchObject({ name: "IndexError", code: "changed" });
  });

  it("a running bot whose update meets such a briefing reads every file at its next rescan", async () => {
    await later(() => buildIndex(options()));
    const manifest = manifestOf(project);
    writeManifest(project, { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: "0".repeat(64) })) });
    const reload = { intervalMs: 3_600_000, watch: false };
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings, reload }));
    try {
      writeFileSync(join(project.seedsDir, "other.txt"), readFileSync(seedFile(), "utf8").replaceAll("@State_IO", "@Other_IO"));
      expect(await rag.refresh()).toBe("failed");
      expect(await rag.refresh()).toBe("reloaded");
      expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    } finally {
      rag.close();
    }
  });

  it("a running bot whose answer meets a briefing recorded with a wrong SHA-256 and its own stamp reads every file again, answers, and saves the true SHA-256 (found by a review)", async () => {
    await later(() => buildIndex(options()));
    const manifest = manifestOf(project);
    const truth = manifest.seeds.map((s) => s.sha256);
    // One flipped bit in the manifest (a hand edit): the stamp still matches the file, so nothing reads it.
    const flipped = (sha: string): string => (Number.parseInt(sha[0] ?? "0", 16) ^ 1).toString(16) + sha.slice(1);
    writeManifest(project, { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: flipped(s.sha256) })) });
    const { logger, lines } = capturingLogger("info");
    const reload = { intervalMs: 3_600_000, watch: false };
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings, logger, reload }));
    try {
      const answer = await rag.answer("Who is Michele Sison?");
      expect(answer.kind).toBe("answered");
      const source = readFileSync(seedFile(), "utf8");
      for (const c of answer.kind === "answered" ? answer.citations : []) expect(source.slice(c.start, c.end)).toBe(c.quote);
      expect(parsedLogs(lines).filter((l) => l.msg === "briefings reloaded").map((l) => l["changed"])).toEqual([[path]]);
      expect(manifestOf(project).seeds.map((s) => s.sha256)).toEqual(truth);
      expect(await rag.refresh()).toBe("unchanged");
    } finally {
      await rag.close();
    }
    // The next start takes the briefing by its (true) record, without the trouble.
    const restarted = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings }));
    expect((await restarted.answer("Who is Michele Sison?")).kind).toBe("answered");
  });

  it("a running bot left with no briefing answers a question quoting one never read with 'changed', saying so in its log once", async () => {
    await later(() => buildIndex(options()));
    const { logger, lines } = capturingLogger("info");
    const reload = { intervalMs: 3_600_000, watch: false };
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings, logger, reload }));
    try {
      rmSync(seedFile());
      expect(await rag.refresh()).toBe("failed");
      // Each question reads the folder again (the stamps told nothing), but the trouble is logged once.
      await expect(rag.answer("Who is Michele Sison?")).rejects.toMatchObject({ name: "IndexError", code: "changed" });
      await expect(rag.answer("Who is Michele Sison?")).rejects.toMatchObject({ name: "IndexError", code: "changed" });
      expect(parsedLogs(lines).filter((l) => l.msg.startsWith("no usable briefing left"))).toHaveLength(1);
    } finally {
      await rag.close();
    }
  });

  it("reads a file again when edited to the same size with its mtime put back (the ctime moved)", async () => {
    await later(() => buildIndex(options()));
    const before = statSync(seedFile());
    const altered = readFileSync(seedFile());
    altered.write("X", 0);
    writeFileSync(seedFile(), altered);
    utimesSync(seedFile(), before.atime, before.mtime);
    const seeds = await later(() => readSeeds(project.root, project.seedsDir, undefined, seedsOnRecord(project.root, project.indexDir)));
    expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("stale");
    expect(seedTexts(seeds).get(path)).toBe(indexedText(altered.toString("utf8")));
  });

  it("gives a recorded seed's text once read and checked against its SHA-256, and IndexError('changed') when gone", async () => {
    await later(() => buildIndex(options()));
    const record = manifestOf(project).seeds[0] as SeedRecord;
    expect(recordedSeed(project.root, record).readText()).toBe(readFileSync(seedFile(), "utf8"));
    expect(() => recordedSeed(project.root, { ...record, sha256: "f".repeat(64) }).readText()).toThrow(/changed since it was indexed/);
    expect(() => recordedSeed(project.root, { ...record, path: "seeds/gone.txt" }).readText()).toThrow(/gone or unreadable/);
  });

  it("reads a file again when its stamp changed, and a start updates the index with it", async () => {
    const extra = join(project.seedsDir, "camps.txt");
    writeFileSync(extra, "The ambassador toured the Tindouf camps on Thursday.\n");
    await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings }));
    writeFileSync(extra, "The ambassador toured the Tindouf camps on Friday.\n");
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings }));
    const answer = await rag.answer("When did the ambassador tour the Tindouf camps?");
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toBe("The ambassador toured the Tindouf camps on Friday.");
  });

  it("rebuilds a damaged index from the files themselves, not from the stamps its manifest claims", async () => {
    await later(() => buildIndex(options()));
    const manifest = manifestOf(project);
    writeManifest(project, { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: "0".repeat(64) })) });
    writeFileSync(join(project.indexDir, "passages.bin"), "{ damaged");
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings }));
    const answer = await rag.answer("Who is Michele Sison?");
    expect(answer.kind).toBe("answered");
    const source = readFileSync(seedFile(), "utf8");
    for (const c of answer.kind === "answered" ? answer.citations : []) expect(source.slice(c.start, c.end)).toBe(c.quote);
    expect(manifestOf(project).seeds[0]?.sha256).not.toBe("0".repeat(64));
  });

  it("updates a stale index from every file read when one taken by its stamp turns out changed", async () => {
    await later(() => buildIndex(options()));
    const manifest = manifestOf(project);
    writeManifest(project, { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: "0".repeat(64) })) });
    // A new tweet author: the update reads the unchanged briefing's sentences that name an @handle.
    writeFileSync(join(project.seedsDir, "other.txt"), readFileSync(seedFile(), "utf8").replaceAll("@State_IO", "@Other_IO"));
    const { logger, warnings } = warningLogger();
    const rag = await later(() => createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings, logger }));
    expect(warnings).toContain("a briefing changed without its stamp changing; reading every briefing");
    expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
    expect(manifestOf(project).seeds.every((s) => s.sha256 !== "0".repeat(64))).toBe(true);
  });
});
