import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { IndexError } from "../../src/rag/errors.js";
import { createRag } from "../../src/rag/index.js";
import { acquireIndexLock, scratchPrefix, scratchSuffix, tidyLeftovers } from "../../src/rag/lock.js";
import { Nearest } from "../../src/rag/dense.js";
import { Retriever } from "../../src/rag/retrieve.js";
import { readSeeds, type Seed } from "../../src/rag/seeds.js";
import { buildIndex, loadIndex, type LoadedIndex, type PassageStore } from "../../src/rag/store.js";
import { SEGMENT_LABELS, segmentOf, storedVectors } from "../../src/rag/vectors.js";
import { DAM_BRIEFING } from "../helpers/briefings.js";
import { warningLogger } from "../helpers/logger.js";
import { tempProject, type TempProject } from "../helpers/project.js";

/** Set to an errno code, hard links fail with it (as across file systems). */
const linkFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
/** Set, renaming that folder away fails with EBUSY (as a mount point's rename does). */
const mounted = vi.hoisted(() => ({ dir: undefined as string | undefined }));
/** Set, removing a folder whose path starts with it fails with EPERM (as an immutable file in it makes it fail). */
const undeletable = vi.hoisted(() => ({ prefix: undefined as string | undefined }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    link: async (from: string, to: string): Promise<void> => {
      if (linkFailure.code) throw Object.assign(new Error(`${linkFailure.code}: cannot link ${from}`), { code: linkFailure.code });
      return actual.link(from, to);
    },
    rename: async (from: string, to: string): Promise<void> => {
      if (from === mounted.dir) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}'`), { code: "EBUSY" });
      return actual.rename(from, to);
    },
    rm: async (path: string, options?: Parameters<typeof actual.rm>[1]): Promise<void> => {
      if (undeletable.prefix && path.startsWith(undeletable.prefix)) throw Object.assign(new Error(`EPERM: operation not permitted, rm '${path}'`), { code: "EPERM" });
      return actual.rm(path, options);
    },
  };
});

let project: TempProject;
const embeddings = new HashingEmbeddings();
const options = () => ({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });

beforeEach(() => {
  project = tempProject();
});

/** Points in the graph's segments, those marked deleted included. */
const pointCount = (index: LoadedIndex): number => (index.segments ?? []).reduce((n, s) => n + s.graph.getCurrentCount(), 0);
afterEach(() => project.remove());


/** An index of an older format: incompatible, rebuilt by the next start in the current format, then fresh. */
async function expectRebuiltAtStart(seeds: readonly Seed[]): Promise<void> {
  expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("incompatible");
  const rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings });
  expect((await rag.answer("Who is Michele Sison?")).kind).toBe("answered");
  expect(readdirSync(project.indexDir).sort()).toEqual(["exact.index", "labels.bin", "lexicon.json", "manifest.json", "passages.bin", "terms.bin", "wordlists.bin"]);
  expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("fresh");
}

describe("the index on disk", () => {
  it("round-trips: what is built loads back fresh with the same passages and vectors", async () => {
    const built = await buildIndex(options());
    expect(readdirSync(project.indexDir).sort()).toEqual(["exact.index", "labels.bin", "lexicon.json", "manifest.json", "passages.bin", "terms.bin", "wordlists.bin"]);
    const seeds = await readSeeds(project.root, project.seedsDir);
    const loaded = await loadIndex(project.indexDir, seeds, embeddings);
    expect(loaded.status).toBe("fresh");
    if (loaded.status !== "fresh") return;
    expect(loaded.index.store.passages).toEqual(built.store.passages);
    expect(loaded.index.store.packed).toEqual(built.store.packed);
    expect(loaded.index.store.lexicon).toEqual(built.store.lexicon);
    expect(loaded.index.manifest.seeds).toEqual([expect.objectContaining({ path: "seeds/000_9ae3e538818b189d.txt" })]);
    expect(loaded.index.labels).toEqual(built.labels);
    expect(loaded.index.exact?.getCurrentCount()).toBe(built.manifest.sentences);
    expect(loaded.index.segments).toBeUndefined();
    expect((await storedVectors(loaded.index)).get(3)).toEqual((await storedVectors(built)).get(3));
  });

  it("holds a graph in segments instead of the exact copy above the exact search's limit, and loads it back", async () => {
    const built = await buildIndex({ ...options(), exactMaxVectors: 10, graphSegmentSize: 8 });
    const sentences = built.manifest.sentences;
    const files = Array.from({ length: Math.ceil(sentences / 8) }, (_, id) => `graph-00${id}.index`);
    expect(files.length).toBeGreaterThan(2);
    expect(readdirSync(project.indexDir).sort()).toEqual([...files, "labels.bin", "lexicon.json", "manifest.json", "passages.bin", "terms.bin", "wordlists.bin"]);
    const loaded = await loadIndex(project.indexDir, await readSeeds(project.root, project.seedsDir), embeddings);
    if (loaded.status !== "fresh") throw new Error(loaded.status);
    expect(loaded.index.exact).toBeUndefined();
    expect(loaded.index.segments?.map((s) => [s.id, s.graph.getCurrentCount()])).toEqual(built.segments?.map((s) => [s.id, s.graph.getCurrentCount()]));
    expect(pointCount(loaded.index)).toBe(sentences);
    // Sentence 21 is point 5 of segment 2, labelled so.
    expect(loaded.index.labels[21]).toBe(2 * SEGMENT_LABELS + 5);
    expect(loaded.index.segments?.[2]?.graph.getPoint(2 * SEGMENT_LABELS + 5)).toEqual(built.segments?.[2]?.graph.getPoint(2 * SEGMENT_LABELS + 5));
  });

  it("refuses a graph segment with one flipped bit in its links as damaged (the first search crashed the process)", async () => {
    await buildIndex({ ...options(), exactMaxVectors: 10, graphSegmentSize: 8 });
    const manifest = JSON.parse(readFileSync(join(project.indexDir, "manifest.json"), "utf8")) as { checksums: Record<string, number> };
    expect(Object.keys(manifest.checksums).filter((f) => f.startsWith("graph-")).length).toBeGreaterThan(2);
    const file = join(project.indexDir, "graph-001.index");
    const bytes = readFileSync(file);
    // hnswlib's header is 96 bytes; then element 0's level-0 block: its link count, then its first neighbour's id.
    const id = 96 + 4;
    bytes.writeUInt32LE(bytes.readUInt32LE(id) ^ (1 << 30), id);
    writeFileSync(file, bytes);
    const error = await loadIndex(project.indexDir, await readSeeds(project.root, project.seedsDir), embeddings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ code: "corrupt" });
    expect(String((error as IndexError).cause)).toContain("graph-001.index does not match the manifest's checksum");
  });

  it("does not swap its index in once its lock was taken over by another writer (its own stays in memory)", async () => {
    await buildIndex(options());
    const before = readFileSync(join(project.indexDir, "manifest.json"), "utf8");
    const lock = await acquireIndexLock(project.indexDir);
    // Taken over while this writer stalled: the file now names another.
    writeFileSync(lock.path, JSON.stringify({ pid: 7, host: "builder-3f2a", at: new Date().toISOString(), beats: true }));
    writeFileSync(join(project.seedsDir, "dam.md"), DAM_BRIEFING);
    const { logger, warnings } = warningLogger();
    const built = await buildIndex({ ...options(), logger });
    expect(built.manifest.seeds).toHaveLength(2); // built, and answering from memory
    expect(readFileSync(join(project.indexDir, "manifest.json"), "utf8")).toBe(before);
    expect(warnings).toContain("index built in memory but could not be saved; it will be rebuilt next start (make the index folder writable by this user, or set INDEX_DIR)");
    await lock.release();
  });

  it("an update does not carry a segment damaged on disk since the start into the new index under a new checksum", async () => {
    const graphed = { ...options(), exactMaxVectors: 10, graphSegmentSize: 8 };
    const running = await buildIndex(graphed); // the bot's index, in memory
    const file = join(project.indexDir, "graph-001.index");
    const bytes = readFileSync(file);
    bytes[200] = (bytes[200] ?? 0) ^ 0x10;
    writeFileSync(file, bytes); // damaged on disk while the bot runs
    writeFileSync(join(project.seedsDir, "dam.md"), DAM_BRIEFING);
    const seeds = await readSeeds(project.root, project.seedsDir);
    await buildIndex(graphed, seeds, running); // a rescan's update, from memory
    expect(readFileSync(join(project.indexDir, "graph-001.index"))[200]).not.toBe(bytes[200]);
    expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("fresh");
  });

  it("moves the vectors into a graph, or back into an exact copy, when an update crosses the limit, embedding only new sentences", async () => {
    const first = await buildIndex(options());
    const fresh: string[] = [];
    const counting = new HashingEmbeddings();
    counting.embedDocuments = async (texts: string[]) => {
      fresh.push(...texts);
      return texts.map((t) => counting.embed(t));
    };
    writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING);
    const seeds = await readSeeds(project.root, project.seedsDir);
    const limit = first.manifest.sentences;
    const graphed = await buildIndex({ ...options(), embeddings: counting, exactMaxVectors: limit }, seeds, first);
    expect(graphed.exact).toBeUndefined();
    expect(pointCount(graphed)).toBe(graphed.manifest.sentences);
    expect(fresh).toEqual([expect.stringContaining("Dredging of the Annaba harbour")]);
    const scratch = await buildIndex({ ...options(), indexDir: join(project.root, "scratch") }, seeds);
    await expectSameRankings(graphed, scratch, "into a graph");

    fresh.length = 0;
    const back = await buildIndex({ ...options(), embeddings: counting }, seeds, graphed);
    expect(back.segments).toBeUndefined();
    expect(back.exact?.getCurrentCount()).toBe(back.manifest.sentences);
    expect(fresh).toEqual([]);
    await expectSameRankings(back, scratch, "back into an exact copy");
  });

  it("leaves no temporary folders behind", async () => {
    await buildIndex(options());
    await buildIndex(options());
    expect(readdirSync(project.root).sort()).toEqual(["index", "seeds"]);
  });

  it("is stale when a seed changes, and the rebuild re-embeds only the changed file", async () => {
    writeFileSync(join(project.seedsDir, "extra.md"), "# Extra\n\nThe mission in Bamako continues.\n");
    const first = await buildIndex(options());
    writeFileSync(join(project.seedsDir, "extra.md"), "# Extra\n\nThe mission in Bamako ended.\n");
    const seeds = await readSeeds(project.root, project.seedsDir);
    const result = await loadIndex(project.indexDir, seeds, embeddings);
    expect(result.status).toBe("stale");
    if (result.status !== "stale") return;

    const embedded: string[] = [];
    const counting = Object.assign(new HashingEmbeddings(), {});
    counting.embedDocuments = async (texts: string[]) => {
      embedded.push(...texts);
      return texts.map((t) => counting.embed(t));
    };
    const second = await buildIndex({ ...options(), embeddings: counting }, seeds, result.previous);
    expect(embedded).toEqual(["Extra", "The mission in Bamako ended."]);
    expect(second.manifest.sentences).toBe(first.manifest.sentences);
    expect((await storedVectors(second)).get(second.labels[0] ?? -1)).toEqual((await storedVectors(first)).get(first.labels[0] ?? -1));
  });

  it("is incompatible when written in format 2 (LangChain's hnswlib/ folder), and a start rebuilds it in the current format", async () => {
    await buildIndex(options());
    const manifestFile = join(project.indexDir, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, format: 2 }));
    rmSync(join(project.indexDir, "labels.bin"));
    rmSync(join(project.indexDir, "exact.index"));
    mkdirSync(join(project.indexDir, "hnswlib"));
    writeFileSync(join(project.indexDir, "hnswlib", "docstore.json"), "[]");
    const seeds = await readSeeds(project.root, project.seedsDir);
    await expectRebuiltAtStart(seeds);
  });

  it("is incompatible when built by another embedder", async () => {
    await buildIndex(options());
    const seeds = await readSeeds(project.root, project.seedsDir);
    const other = new HashingEmbeddings({ dimensions: 128 });
    expect((await loadIndex(project.indexDir, seeds, other)).status).toBe("incompatible");
  });

  it.each([
    ["a truncated vector file", (dir: string) => writeFileSync(join(dir, "exact.index"), readFileSync(join(dir, "exact.index")).subarray(0, 100))],
    ["a corrupt manifest", (dir: string) => writeFileSync(join(dir, "manifest.json"), "{ not json")],
    ["a corrupt passage file", (dir: string) => writeFileSync(join(dir, "passages.bin"), '{"passages": 3}')],
    ["a corrupt lexicon", (dir: string) => writeFileSync(join(dir, "lexicon.json"), '{"enWord": 3}')],
    ["a missing manifest", (dir: string) => rmSync(join(dir, "manifest.json"))],
    ["an empty manifest", (dir: string) => writeFileSync(join(dir, "manifest.json"), "")],
  ])("reports %s as IndexError('corrupt')", async (_name, damage) => {
    await buildIndex(options());
    damage(project.indexDir);
    const seeds = await readSeeds(project.root, project.seedsDir);
    const error = await loadIndex(project.indexDir, seeds, embeddings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).code).toBe("corrupt");
  });

  it("hands the passage store of a fresh index, not of a stale one, to be prepared while the vectors are read", async () => {
    await buildIndex(options());
    const prepared: PassageStore[] = [];
    const prepare = (store: PassageStore): number => prepared.push(store);
    const fresh = await loadIndex(project.indexDir, readSeeds(project.root, project.seedsDir), embeddings, { prepare });
    if (fresh.status !== "fresh") throw new Error(fresh.status);
    expect(prepared).toEqual([fresh.index.store]);
    expect(prepared[0]).toBe(fresh.index.store);
    writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING);
    const stale = await loadIndex(project.indexDir, readSeeds(project.root, project.seedsDir), embeddings, { prepare });
    expect(stale.status).toBe("stale");
    expect(prepared).toHaveLength(1);
  });

  it("is missing when there is no index folder", async () => {
    const seeds = await readSeeds(project.root, project.seedsDir);
    expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("missing");
  });
});

describe("briefings the build cannot use, an index it cannot write", () => {
  it("refuses briefings that hold no sentence as IndexError('no-seeds')", async () => {
    const empty = tempProject(false);
    try {
      mkdirSync(empty.seedsDir);
      writeFileSync(join(empty.seedsDir, "blank.txt"), "  \n\n\t\n");
      writeFileSync(join(empty.seedsDir, "debris.md"), "منذ 18 ساعة\n\n[نسخ الرابط](#)\n");
      await expect(buildIndex({ root: empty.root, seedsDir: empty.seedsDir, indexDir: empty.indexDir, embeddings })).rejects.toMatchObject({
        name: "IndexError",
        code: "no-seeds",
      });
      expect(existsSync(empty.indexDir)).toBe(false);
    } finally {
      empty.remove();
    }
  });

  it("keeps answering from memory when index/ cannot be written", async () => {
    writeFileSync(join(project.root, "index"), "a file where the folder should be");
    const index = await buildIndex(options());
    expect(index.manifest.sentences).toBeGreaterThan(20);
    expect(existsSync(join(project.root, "index.tmp"))).toBe(false);
  });
});

/** A briefing of 160 distinct sentences: with it the index holds more vectors than the graph's ef, so the retriever searches exactly. */
function longBriefing(): string {
  const towns = ["Gao", "Timbuktu", "Kidal", "Mopti", "Segou", "Kayes", "Sikasso", "Menaka"];
  const paragraphs = Array.from({ length: 32 }, (_, p) =>
    Array.from({ length: 5 }, (_, s) => `The ${towns[(p + s) % 8]} council reported ${p * 5 + s + 3} new wells and ${(p * 7 + s) % 11} closed roads in week ${p + 1}.`).join(" "),
  );
  return `Sahel water report\n\n${paragraphs.join("\n\n")}\n`;
}

const PORT_BRIEFING = "Port works resume\n\nDredging of the Annaba harbour resumed on Monday after a three-week strike by crane operators.\n";
const QUESTIONS = ["Who inaugurated the Lumara River dam?", "How many wells did the Kidal council report?", "Who is Michele Sison?", "When did dredging of the Annaba harbour resume?", "What role did Algeria play in the Sahel region?"];

/** Each question's ten best sentences (briefing and offsets) and their scores: what answers are made of. */
async function rankings(index: LoadedIndex): Promise<{ order: string[][]; scores: number[] }> {
  const retriever = new Retriever(index, embeddings);
  const order: string[][] = [];
  const scores: number[] = [];
  for (const q of QUESTIONS) {
    const r = await retriever.retrieve(q);
    const top = r.ranked.slice(0, 10);
    order.push(top.map((x) => `${x.sentence.passage.source}:${x.sentence.start}-${x.sentence.end}`));
    scores.push(r.confidence, ...top.map((x) => x.score));
  }
  return { order, scores };
}

/**
 * The same rankings, scores equal to float32 rounding: a vector read back from the graph (float32) and stored
 * again differs from a freshly embedded one in the last bits.
 */
async function expectSameRankings(index: LoadedIndex, reference: LoadedIndex, step: string): Promise<void> {
  const [got, want] = [await rankings(index), await rankings(reference)];
  expect(got.order, step).toEqual(want.order);
  got.scores.forEach((score, i) => expect(score, step).toBeCloseTo(want.scores[i] ?? NaN, 5));
}

// Up to the limit the vectors are an exact copy, above it a graph; both are updated in place, not rebuilt.
describe.each([
  ["the exact copy", undefined],
  ["the graph", 10],
] as const)("incremental updates of %s", (_kind, exactMaxVectors) => {
  const options = () => ({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir, embeddings, ...(exactMaxVectors ? { exactMaxVectors } : {}) });
  const points = (index: LoadedIndex): number => (index.segments ? pointCount(index) : (index.exact?.getCurrentCount() ?? -1));

  it("adding, changing or removing one briefing embeds and moves only its sentences, and answers as a full rebuild would", { timeout: 120_000 }, async () => {
    writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    writeFileSync(join(project.seedsDir, "002_water.txt"), longBriefing());
    let index = await buildIndex(options());
    const steps: readonly (readonly [string, string, () => void])[] = [
      ["add", "seeds/003_port.txt", () => writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING)],
      ["change", "seeds/001_dam.txt", () => writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING.replace("forty thousand", "fifty thousand"))],
      ["remove", "seeds/003_port.txt", () => rmSync(join(project.seedsDir, "003_port.txt"))],
      ["add again", "seeds/003_port.txt", () => writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING)],
    ];
    for (const [step, path, change] of steps) {
      change();
      const seeds = await readSeeds(project.root, project.seedsDir);
      const embedded: string[] = [];
      const counting = new HashingEmbeddings();
      counting.embedDocuments = async (texts: string[]) => {
        embedded.push(...texts);
        return texts.map((t) => counting.embed(t));
      };
      const before = index.labels;
      const next = await buildIndex({ ...options(), embeddings: counting }, seeds, index);
      const text = seeds.find((s) => s.path === path)?.readText() ?? "";
      const own = next.store.passages.filter((p) => p.source === path).flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));
      expect(embedded, step).toEqual(own);

      // Unchanged sentences keep their point (same label, same vector); the vectors were updated, not rebuilt.
      const after = next.labels;
      const waterAt = (i: LoadedIndex) => i.store.passages.findIndex((p) => p.source === "seeds/002_water.txt");
      const firstWater = (i: LoadedIndex) => i.store.passages.slice(0, waterAt(i)).reduce((n, p) => n + p.sentences.length, 0);
      expect(after[firstWater(next) + 7], step).toBe(before[firstWater(index) + 7]);
      expect((await storedVectors(next)).get(after[firstWater(next) + 7] ?? -1)).toEqual((await storedVectors(index)).get(before[firstWater(index) + 7] ?? -1));

      // A removed briefing's points leave the exact copy; in the graph they stay, marked deleted, until new points take their slots.
      const removed = index.manifest.sentences - next.manifest.sentences;
      if (step === "remove") expect(points(next)).toBe(next.manifest.sentences + (next.segments ? removed : 0));
      const scratch = await buildIndex({ ...options(), indexDir: join(project.root, "scratch") }, seeds);
      expect(next.store, step).toEqual(scratch.store);
      await expectSameRankings(next, scratch, step);
      if (next.exact) {
        // The exact copy on disk (assembled from the previous file, not written by hnswlib) is the one in memory.
        const written = join(project.root, "written.index");
        await next.exact.writeIndex(written);
        expect(readFileSync(join(project.indexDir, "exact.index")).equals(readFileSync(written)), step).toBe(true);
      }
      const loaded = await loadIndex(project.indexDir, seeds, embeddings);
      expect(loaded.status, step).toBe("fresh");
      if (loaded.status === "fresh") await expectSameRankings(loaded.index, scratch, step);
      index = next;
    }
    // The briefing added again took the slots its removal had left marked deleted.
    expect(points(index)).toBe(index.manifest.sentences);
  });

  it("updates an index whose files were removed meanwhile from the vectors in memory", async () => {
    const first = await buildIndex(options());
    rmSync(project.indexDir, { recursive: true });
    writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING);
    const seeds = await readSeeds(project.root, project.seedsDir);
    const next = await buildIndex(options(), seeds, first);
    expect(points(next)).toBe(next.manifest.sentences);
    const scratch = await buildIndex({ ...options(), indexDir: join(project.root, "scratch") }, seeds);
    await expectSameRankings(next, scratch, "from memory");
  });

  it("rebuilds the graph from the stored vectors, embedding nothing, once most of it is deleted", async () => {
    writeFileSync(join(project.seedsDir, "002_water.txt"), longBriefing());
    const first = await buildIndex(options());
    rmSync(join(project.seedsDir, "002_water.txt"));
    const seeds = await readSeeds(project.root, project.seedsDir);
    const counting = new HashingEmbeddings();
    counting.embedDocuments = async (texts: string[]) => {
      if (texts.length > 0) throw new Error(`embedded ${texts.length} sentences`);
      return [];
    };
    const next = await buildIndex({ ...options(), embeddings: counting }, seeds, first);
    expect(points(next)).toBe(next.manifest.sentences);
    const scratch = await buildIndex({ ...options(), indexDir: join(project.root, "scratch") }, seeds);
    await expectSameRankings(next, scratch, "rebuilt");
  });
});

describe("incremental updates and tweet authors", () => {
  /** A briefing quoting one post by `author` that mentions `mentioned`. */
  const post = (title: string, author: string, mentioned: string): string =>
    [`**${title}**`, "", "The council met on Monday to discuss the water supply of the region.", "", "", "Ambassador Lena Morgan", "", `· follow @${author}`, "", `We welcomed the talks on the Kidal wells with our partners today. [@${mentioned}](#)`, "", "9:14 AM · Mar 3, 2023", ""].join("\n");

  it("analyses again the sentences naming an author who came or went, and keys every sentence as a full build", async () => {
    writeFileSync(join(project.seedsDir, "010_a.txt"), post("Talks in Kidal", "alpha_office", "Beta_Office"));
    writeFileSync(join(project.seedsDir, "011_c.txt"), post("Wells repaired", "gamma_office", "delta_office"));
    let index = await buildIndex(options());
    const steps: readonly (readonly [string, () => void])[] = [
      // @Beta_Office, named in 010_a, becomes an author (in another case); then stops being one.
      ["add", () => writeFileSync(join(project.seedsDir, "012_b.txt"), post("Harbour works", "beta_office", "alpha_office"))],
      ["change", () => writeFileSync(join(project.seedsDir, "012_b.txt"), post("Harbour works", "epsilon_office", "alpha_office"))],
      ["remove", () => rmSync(join(project.seedsDir, "011_c.txt"))],
    ];
    for (const [step, change] of steps) {
      change();
      const seeds = await readSeeds(project.root, project.seedsDir);
      index = await buildIndex(options(), seeds, index);
      const scratch = await buildIndex({ ...options(), indexDir: join(project.root, "scratch") }, seeds);
      expect(index.store, step).toEqual(scratch.store);
    }
  });
});

/** A briefing of `count` distinct sentences about `town` (its title, without a full stop, joins the first). */
const townBriefing = (town: string, count: number): string =>
  `${town} wells report\n\n${Array.from({ length: count }, (_, i) => `The ${town} council counted ${i * 7 + 3} new wells and ${i + 2} repaired pumps in district ${i + 1}.`).join(" ")}\n`;

/** The labels of `path`'s sentences in `index`. */
function labelsOf(index: LoadedIndex, path: string): number[] {
  const out: number[] = [];
  let at = 0;
  for (const passage of index.store.passages) {
    for (let i = 0; i < passage.sentences.length; i += 1, at += 1) if (passage.source === path) out.push(index.labels[at] as number);
  }
  return out;
}

/** The inode of each segment file in the index folder, by segment number. */
const segmentInodes = (dir: string): Map<number, number> =>
  new Map(readdirSync(dir).flatMap((name) => (/^graph-\d+\.index$/.test(name) ? [[Number(name.slice(6, -6)), statSync(join(dir, name)).ino] as const] : [])));

/** Whether the graph's segments hold every live label, each in the segment its high bits name, and each once. */
function expectLabelsInTheirSegments(index: LoadedIndex): void {
  expect(new Set(index.labels).size).toBe(index.labels.length);
  const ids = new Map((index.segments ?? []).map((s) => [s.id, new Set(s.graph.getIdsList())]));
  for (const label of index.labels) expect(ids.get(segmentOf(label))?.has(label), `label ${label}`).toBe(true);
}

describe("the graph in segments", () => {
  const small = () => ({ ...options(), exactMaxVectors: 5, graphSegmentSize: 8 });

  it("an update copies and writes only the segments it changes; the others are shared in memory and linked on disk", { timeout: 60_000 }, async () => {
    writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    writeFileSync(join(project.seedsDir, "002_water.txt"), longBriefing());
    let index = await buildIndex(small());
    expect(index.segments?.length).toBeGreaterThan(20);
    for (const [step, text] of [["change", DAM_BRIEFING.replace("forty thousand", "fifty thousand")], ["change back", DAM_BRIEFING], ["change again", DAM_BRIEFING.replace("3 March", "4 March")]] as const) {
      const inodes = segmentInodes(project.indexDir);
      const before = index.segments ?? [];
      const last = before[before.length - 1]?.id ?? -1;
      const gone = labelsOf(index, "seeds/001_dam.txt");
      const goneVectors = await storedVectors(index);
      writeFileSync(join(project.seedsDir, "001_dam.txt"), text);
      const next = await buildIndex(small(), await readSeeds(project.root, project.seedsDir), index);

      // Touched: the segments the dam's sentences leave, and the last one, which takes their successors (and the one
      // opened after it when it fills: how full it is depends on the other briefings' sentence counts).
      const after = segmentInodes(project.indexDir);
      const opened = [...after.keys()].filter((id) => id > last);
      expect(opened.length, step).toBeLessThanOrEqual(1);
      const touched = new Set([...gone.map(segmentOf), last, ...opened]);
      expect(touched.size, step).toBeLessThan(6);
      expect([...after.keys()].filter((id) => id <= last), step).toEqual(before.map((s) => s.id));
      for (const segment of next.segments ?? []) {
        const old = before.find((s) => s.id === segment.id);
        expect(segment === old, `${step}: segment ${segment.id} shared`).toBe(!touched.has(segment.id));
        expect(after.get(segment.id) === inodes.get(segment.id), `${step}: segment ${segment.id} linked`).toBe(!touched.has(segment.id));
      }
      // A touched segment keeps the dam's old point, marked deleted: it is never found again.
      const added = labelsOf(next, "seeds/001_dam.txt");
      expect(added.every((label) => [last, ...opened].includes(segmentOf(label))), step).toBe(true);
      expect(added.some((label) => gone.includes(label)), step).toBe(false);
      expectLabelsInTheirSegments(next);
      const nearest = new Nearest(40);
      for (const label of gone) {
        nearest.search(next.segments ?? [], goneVectors.get(label) ?? [], 40);
        expect([...nearest.labels.subarray(0, nearest.count)].filter((l) => gone.includes(l)), step).toEqual([]);
      }
      const loaded = await loadIndex(project.indexDir, await readSeeds(project.root, project.seedsDir), embeddings);
      if (loaded.status !== "fresh") throw new Error(loaded.status);
      expectLabelsInTheirSegments(loaded.index);
      await expectSameRankings(loaded.index, next, step);
      index = next;
    }
  });

  it("rebuilds a segment from its live vectors once more than a quarter of its points are deleted, and starts a new one when the last is full", async () => {
    // 10, 3 and 10 sentences: segment 1 holds two of Gao's, Kidal's three and three of Mopti's.
    writeFileSync(join(project.seedsDir, "001_gao.txt"), townBriefing("Gao", 10));
    writeFileSync(join(project.seedsDir, "002_kidal.txt"), townBriefing("Kidal", 3));
    writeFileSync(join(project.seedsDir, "003_mopti.txt"), townBriefing("Mopti", 10));
    rmSync(join(project.seedsDir, "000_9ae3e538818b189d.txt"));
    const first = await buildIndex(small());
    expect(first.segments?.map((s) => s.graph.getCurrentCount())).toEqual([8, 8, 7]);
    const kidal = labelsOf(first, "seeds/002_kidal.txt");
    expect(kidal.map(segmentOf)).toEqual([1, 1, 1]);
    const vectors = await storedVectors(first);

    rmSync(join(project.seedsDir, "002_kidal.txt"));
    let seeds = await readSeeds(project.root, project.seedsDir);
    const removed = await buildIndex(small(), seeds, first);
    const [s0, s1, s2] = removed.segments ?? [];
    expect(s0).toBe(first.segments?.[0]);
    expect(s2).toBe(first.segments?.[2]);
    // Rebuilt: its five live points without the three deleted ones, keeping their labels.
    expect(s1).not.toBe(first.segments?.[1]);
    expect(s1?.graph.getCurrentCount()).toBe(5);
    expect(new Set(s1?.graph.getIdsList())).toEqual(new Set(first.labels.filter((l) => segmentOf(l) === 1 && !kidal.includes(l))));
    expectLabelsInTheirSegments(removed);
    // Kidal's sentences are never returned: not by their own vectors, not for a question about them.
    const nearest = new Nearest(40);
    for (const label of kidal) {
      nearest.search(removed.segments ?? [], vectors.get(label) ?? [], 40);
      expect([...nearest.labels.subarray(0, nearest.count)].filter((l) => kidal.includes(l))).toEqual([]);
    }
    const retrieval = await new Retriever(removed, embeddings).retrieve("How many wells did the Kidal council count?");
    expect(retrieval.ranked.filter((r) => r.sentence.passage.source === "seeds/002_kidal.txt")).toEqual([]);
    const scratch = await buildIndex({ ...small(), indexDir: join(project.root, "scratch") }, seeds);
    await expectSameRankings(removed, scratch, "removed");

    // Back again: one point fills the last segment (7 live), the other two start segment 3.
    writeFileSync(join(project.seedsDir, "002_kidal.txt"), townBriefing("Kidal", 3));
    seeds = await readSeeds(project.root, project.seedsDir);
    const again = await buildIndex(small(), seeds, removed);
    expect(again.segments?.map((s) => [s.id, s.graph.getCurrentCount()])).toEqual([[0, 8], [1, 5], [2, 8], [3, 2]]);
    expect(labelsOf(again, "seeds/002_kidal.txt")).toEqual([2 * SEGMENT_LABELS + 7, 3 * SEGMENT_LABELS, 3 * SEGMENT_LABELS + 1]);
    expect(again.segments?.[0]).toBe(first.segments?.[0]);
    expect(again.segments?.[1]).toBe(s1);
    expectLabelsInTheirSegments(again);
    const loaded = await loadIndex(project.indexDir, seeds, embeddings);
    if (loaded.status !== "fresh") throw new Error(loaded.status);
    await expectSameRankings(loaded.index, again, "added again");
  });

  it("drops a segment left without live points", async () => {
    writeFileSync(join(project.seedsDir, "001_gao.txt"), townBriefing("Gao", 8));
    writeFileSync(join(project.seedsDir, "002_kidal.txt"), townBriefing("Kidal", 8));
    rmSync(join(project.seedsDir, "000_9ae3e538818b189d.txt"));
    const first = await buildIndex(small());
    expect(first.segments?.map((s) => s.id)).toEqual([0, 1]);
    rmSync(join(project.seedsDir, "001_gao.txt"));
    const next = await buildIndex(small(), await readSeeds(project.root, project.seedsDir), first);
    expect(next.segments?.map((s) => s.id)).toEqual([1]);
    expect(readdirSync(project.indexDir).filter((n) => n.startsWith("graph-"))).toEqual(["graph-001.index"]);
    const loaded = await loadIndex(project.indexDir, await readSeeds(project.root, project.seedsDir), embeddings);
    expect(loaded.status).toBe("fresh");
  });

  it("the old index keeps answering as before while an update runs, and after it", async () => {
    writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    writeFileSync(join(project.seedsDir, "002_water.txt"), longBriefing());
    writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING);
    const old = await buildIndex(small());
    const baseline = await rankings(old);
    expect(baseline.order.flat().some((s) => s.startsWith("seeds/003_port.txt"))).toBe(true);
    rmSync(join(project.seedsDir, "003_port.txt"));
    rmSync(join(project.seedsDir, "001_dam.txt"));
    let settled = false;
    const update = buildIndex(small(), await readSeeds(project.root, project.seedsDir), old).finally(() => (settled = true));
    let during = 0;
    while (!settled) {
      expect(await rankings(old)).toEqual(baseline);
      during += 1;
      // A turn of the event loop: the update's reads and writes go on meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const next = await update;
    expect(during).toBeGreaterThan(0);
    expect(await rankings(old)).toEqual(baseline);
    expect((await rankings(next)).order.flat().filter((s) => s.startsWith("seeds/003_port.txt") || s.startsWith("seeds/001_dam.txt"))).toEqual([]);
  });

  it("is incompatible when written in format 4 (one graph.index), and a start rebuilds it in the current format", async () => {
    await buildIndex({ ...options(), exactMaxVectors: 5 });
    const manifestFile = join(project.indexDir, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, format: 4 }));
    renameSync(join(project.indexDir, "graph-000.index"), join(project.indexDir, "graph.index"));
    const seeds = await readSeeds(project.root, project.seedsDir);
    await expectRebuiltAtStart(seeds);
  });

  it("reports a label whose segment file is missing as IndexError('corrupt')", async () => {
    await buildIndex(small());
    rmSync(join(project.indexDir, "graph-002.index"));
    const error = await loadIndex(project.indexDir, await readSeeds(project.root, project.seedsDir), embeddings).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "IndexError", code: "corrupt", cause: expect.objectContaining({ message: expect.stringContaining("graph-002.index") }) });
  });

  it("writes the unchanged segments when they cannot be linked (another file system)", async () => {
    writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    const first = await buildIndex(small());
    const inodes = segmentInodes(project.indexDir);
    const bytes = new Map([...inodes.keys()].map((id) => [id, readFileSync(join(project.indexDir, `graph-00${id}.index`))]));
    writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING);
    const seeds = await readSeeds(project.root, project.seedsDir);
    linkFailure.code = "EXDEV";
    const next = await buildIndex(small(), seeds, first).finally(() => (linkFailure.code = undefined));
    const after = segmentInodes(project.indexDir);
    const last = Math.max(...inodes.keys());
    for (const [id, ino] of after) {
      expect(ino, `segment ${id}`).not.toBe(inodes.get(id));
      if (id !== last) expect(readFileSync(join(project.indexDir, `graph-00${id}.index`)).equals(bytes.get(id) ?? Buffer.alloc(0)), `segment ${id}`).toBe(true);
    }
    expect(next.segments?.slice(0, -1)).toEqual(first.segments?.slice(0, -1));
    const loaded = await loadIndex(project.indexDir, seeds, embeddings);
    if (loaded.status !== "fresh") throw new Error(loaded.status);
    await expectSameRankings(loaded.index, next, "written");
  });

  it("an interrupted write leaves linked files that tidying removes or puts back whole", async () => {
    writeFileSync(join(project.seedsDir, "001_dam.txt"), DAM_BRIEFING);
    const first = await buildIndex(small());
    writeFileSync(join(project.seedsDir, "003_port.txt"), PORT_BRIEFING);
    const seeds = await readSeeds(project.root, project.seedsDir);
    const next = await buildIndex(small(), seeds, first);
    const files = readdirSync(project.indexDir);
    const content = new Map(files.map((f) => [f, readFileSync(join(project.indexDir, f))]));
    const expectWhole = (): void => {
      expect(readdirSync(project.indexDir).sort()).toEqual([...files].sort());
      for (const f of files) {
        expect(readFileSync(join(project.indexDir, f)).equals(content.get(f) ?? Buffer.alloc(0)), f).toBe(true);
        expect(statSync(join(project.indexDir, f)).nlink, f).toBe(1);
      }
    };
    // A writer died while linking the segments into its new folder: the folder goes, the index stays whole.
    // Named as a writer names them (an operator's index.tmp-notes is left alone: see lock.test.ts).
    const tmp = `${scratchPrefix(project.indexDir, "tmp")}${scratchSuffix()}`;
    mkdirSync(tmp);
    for (const f of files.filter((n) => n.startsWith("graph-"))) linkSync(join(project.indexDir, f), join(tmp, f));
    await tidyLeftovers(project.indexDir);
    expect(existsSync(tmp)).toBe(false);
    expectWhole();
    // A writer died between moving the old folder aside and the new one (complete, linked) in: the new one goes back.
    mkdirSync(tmp);
    for (const f of files) linkSync(join(project.indexDir, f), join(tmp, f));
    renameSync(project.indexDir, `${scratchPrefix(project.indexDir, "old")}${scratchSuffix()}`);
    await tidyLeftovers(project.indexDir);
    expect(readdirSync(project.root).sort()).toEqual(["index", "seeds"]);
    expectWhole();
    const loaded = await loadIndex(project.indexDir, seeds, embeddings);
    if (loaded.status !== "fresh") throw new Error(loaded.status);
    await expectSameRankings(loaded.index, next, "put back");
  });
});

describe("the graph's segments built in worker threads", () => {
  it("are the segments the main thread builds, byte for byte, in a build and when an update rebuilds one", { timeout: 120_000 }, async () => {
    rmSync(join(project.seedsDir, "000_9ae3e538818b189d.txt"));
    writeFileSync(join(project.seedsDir, "001_gao.txt"), townBriefing("Gao", 1100));
    writeFileSync(join(project.seedsDir, "002_kidal.txt"), townBriefing("Kidal", 1100));
    writeFileSync(join(project.seedsDir, "003_mopti.txt"), townBriefing("Mopti", 400));
    const other = join(project.root, "main-thread");
    const inWorkers = { ...options(), exactMaxVectors: 5, graphSegmentSize: 1536, graphWorkers: 2 };
    const onMain = { ...inWorkers, indexDir: other, graphWorkers: 0 };
    const files = (dir: string): Map<string, Buffer> => new Map(readdirSync(dir).filter((n) => n.startsWith("graph-")).map((n) => [n, readFileSync(join(dir, n))]));
    const expectSameSegments = (step: string): void => {
      const [a, b] = [files(project.indexDir), files(other)];
      expect([...a.keys()], step).toEqual([...b.keys()]);
      for (const [name, bytes] of a) expect(bytes.equals(b.get(name) ?? Buffer.alloc(0)), `${step}: ${name}`).toBe(true);
    };
    const first = await buildIndex(inWorkers);
    const firstOnMain = await buildIndex(onMain);
    // Segment 0 (1,536 points) and 1 (1,064) are built in workers.
    expect(first.segments?.map((s) => s.graph.getCurrentCount())).toEqual([1536, 1064]);
    expectSameSegments("build");
    expect(await rankings(first)).toEqual(await rankings(firstOnMain));

    // Kidal's removal leaves segment 0 with 1,100 live points of 1,536: rebuilt in a worker.
    rmSync(join(project.seedsDir, "002_kidal.txt"));
    const seeds = await readSeeds(project.root, project.seedsDir);
    const next = await buildIndex(inWorkers, seeds, first);
    const nextOnMain = await buildIndex(onMain, seeds, firstOnMain);
    expect(next.segments?.map((s) => s.graph.getCurrentCount())).toEqual([1100, 400]);
    expectSameSegments("update");
    expect(readdirSync(project.root).sort()).toEqual(["index", "main-thread", "seeds"]);
    const loaded = await loadIndex(project.indexDir, seeds, embeddings);
    if (loaded.status !== "fresh") throw new Error(loaded.status);
    await expectSameRankings(loaded.index, nextOnMain, "update");
  });
});

describe("the previous index, moved aside by a rebuild", () => {
  it("left behind when it cannot be removed, does not make the written index a failure", async () => {
    await buildIndex(options());
    undeletable.prefix = `${project.indexDir}.old-`;
    try {
      writeFileSync(join(project.seedsDir, "new.md"), "A second briefing, so the index must be written again.");
      const { logger, warnings } = warningLogger();
      await buildIndex({ ...options(), mustSave: true, logger });
      expect(warnings).toContain("could not remove the previous index; the next rebuild removes it");
      const seeds = await readSeeds(project.root, project.seedsDir);
      expect((await loadIndex(project.indexDir, seeds, embeddings)).status).toBe("fresh");
    } finally {
      undeletable.prefix = undefined;
    }
  });
});

describe("an index folder that is a mount point", () => {
  it("is said to be one when replacing it fails with EBUSY, with what to do instead", async () => {
    await buildIndex(options());
    mounted.dir = project.indexDir;
    try {
      writeFileSync(join(project.seedsDir, "new.md"), "A second briefing, so the index must be written again.");
      await expect(buildIndex({ ...options(), mustSave: true })).rejects.toMatchObject({
        name: "IndexError",
        code: "unwritable",
        message: expect.stringContaining("it may be a mount point, which cannot be replaced: mount its parent instead and point INDEX_DIR at a folder inside it"),
      });
      // The index there is left as it was.
      expect(existsSync(join(project.indexDir, "manifest.json"))).toBe(true);
    } finally {
      mounted.dir = undefined;
    }
  });

  it("keeps that error when removing the new folder fails too, the removal's failure beside it (found by a review)", async () => {
    await buildIndex(options());
    mounted.dir = project.indexDir;
    undeletable.prefix = `${project.indexDir}.tmp-`;
    try {
      writeFileSync(join(project.seedsDir, "new.md"), "A second briefing, so the index must be written again.");
      const error: unknown = await buildIndex({ ...options(), mustSave: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: "IndexError", code: "unwritable", message: expect.stringContaining("it may be a mount point") });
      const cause = (error as Error).cause;
      expect(cause).toBeInstanceOf(AggregateError);
      const [written, ...cleanup] = (cause as AggregateError).errors as Error[];
      expect(written).toMatchObject({ code: "EBUSY" });
      expect(cleanup.map((e) => [e.message, (e.cause as { code?: string }).code])).toEqual([[expect.stringMatching(/^removing .*\.tmp-.* failed; the next writer removes it$/), "EPERM"]]);
    } finally {
      mounted.dir = undefined;
      undeletable.prefix = undefined;
    }
  });
});
