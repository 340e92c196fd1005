import { readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { createRag } from "../../src/rag/index.js";
import { MAX_SEED_BYTES, readSeeds, seedTexts } from "../../src/rag/seeds.js";
import { buildIndex, loadIndex, seedsOnRecord, type Manifest } from "../../src/rag/store.js";
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
    expect(warnings).toEqual(["seed skipped: not UTF-8 text", "seed skipped: larger than the limit"]);
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
      [{ path: "seeds/latin1.txt", badCharacters: 50 }, "seed skipped: not UTF-8 text"],
      [{ path: "seeds/yuan.txt", badCharacters: 3 }, "seed indexed despite invalid characters (U+FFFD)"],
    ]);
  });

  it("skips a seed it cannot read (a dangling link) with a warning and keeps the rest", async () => {
    symlinkSync(join(project.seedsDir, "gone.txt"), join(project.seedsDir, "broken.txt"));
    const warnings: string[] = [];
    const logger = { warn: (_: object, msg?: string) => warnings.push(msg ?? "") } as never;
    const seeds = await readSeeds(project.root, project.seedsDir, logger);
    expect(seeds.map((s) => s.path)).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    expect(warnings).toEqual(["seed skipped: unreadable"]);
  });
});

const manifestOf = (p: TempProject): Manifest => JSON.parse(readFileSync(join(p.indexDir, "manifest.json"), "utf8")) as Manifest;
/** Sets a file's mtime an hour back: long settled, as briefings that were not just written are. */
const settle = (file: string): void => utimesSync(file, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));

describe("briefings known by their stamp", () => {
  const seedFile = (): string => join(project.seedsDir, SEED_NAME);

  it("records the size, mtime and inode of a settled file, not of one just written (its mtime may not move again)", async () => {
    settle(seedFile());
    writeFileSync(join(project.seedsDir, "fresh.txt"), "The talks in Algiers covered Mali and the Sahel. ".repeat(5));
    await buildIndex({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
    const info = statSync(seedFile());
    const seeds = manifestOf(project).seeds;
    expect(seeds.find((s) => s.path === `seeds/${SEED_NAME}`)?.stamp).toBe(`${info.size}:${info.mtimeMs}:${info.ino}`);
    expect(seeds.find((s) => s.path === "seeds/fresh.txt")?.stamp).toBeUndefined();
  });

  it("takes a file whose stamp is unchanged as indexed without reading it, and checks its text when a quote needs it", async () => {
    settle(seedFile());
    await buildIndex({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
    const before = statSync(seedFile());
    // Another text of the same size, the mtime put back: only reading the file could tell.
    const original = readFileSync(seedFile());
    const altered = Buffer.from(original);
    altered.write("X", 0);
    writeFileSync(seedFile(), altered);
    utimesSync(seedFile(), before.atime, before.mtime);

    const seeds = await readSeeds(project.root, project.seedsDir, undefined, seedsOnRecord(project.root, project.indexDir));
    expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("fresh");
    expect(() => seedTexts(seeds).get(`seeds/${SEED_NAME}`)).toThrow(expect.objectContaining({ name: "IndexError", code: "changed" }));

    writeFileSync(seedFile(), original);
    utimesSync(seedFile(), before.atime, before.mtime);
    const again = await readSeeds(project.root, project.seedsDir, undefined, seedsOnRecord(project.root, project.indexDir));
    expect(seedTexts(again).get(`seeds/${SEED_NAME}`)).toBe(original.toString("utf8"));
  });

  it("reads a file again when its stamp changed, and a start updates the index with it", async () => {
    const extra = join(project.seedsDir, "camps.txt");
    writeFileSync(extra, "The ambassador toured the Tindouf camps on Thursday.\n");
    settle(seedFile());
    settle(extra);
    await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
    writeFileSync(extra, "The ambassador toured the Tindouf camps on Friday.\n");
    const rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
    const answer = await rag.answer("When did the ambassador tour the Tindouf camps?");
    expect(answer.kind === "answered" && answer.citations[0]?.quote).toBe("The ambassador toured the Tindouf camps on Friday.");
  });

  it("rebuilds a damaged index from the files themselves, not from the stamps its manifest claims", async () => {
    settle(seedFile());
    await buildIndex({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
    const manifest = manifestOf(project);
    // A manifest that vouches for a text the file does not hold, beside a damaged passage store.
    const lying = { ...manifest, seeds: manifest.seeds.map((s) => ({ ...s, sha256: "0".repeat(64) })) };
    writeFileSync(join(project.indexDir, "manifest.json"), JSON.stringify(lying));
    writeFileSync(join(project.indexDir, "passages.bin"), "{ damaged");
    const rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
    const answer = await rag.answer("Who is Michele Sison?");
    expect(answer.kind).toBe("answered");
    const source = readFileSync(seedFile(), "utf8");
    for (const c of answer.kind === "answered" ? answer.citations : []) expect(source.slice(c.start, c.end)).toBe(c.quote);
    expect(manifestOf(project).seeds[0]?.sha256).not.toBe("0".repeat(64));
  });
});
