/**
 * Broken indexes and seeds, end to end: through createRag (what `npm start` calls) and through the real
 * `npm start` process. A damaged index is logged and rebuilt; missing or empty seeds give one clear message and
 * exit 1 (no stack trace, no retry loop); binary and oversized seeds are skipped with a warning; an index that
 * cannot be written is built in memory with a warning and the bot answers anyway.
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { crc32 } from "node:zlib";
import hnswlib from "hnswlib-node";
import { describe, expect, it } from "vitest";
import { createRag, IndexError } from "../../src/rag/index.js";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { readSeeds } from "../../src/rag/seeds.js";
import { loadIndex } from "../../src/rag/store.js";
import { indexedProjects, REPO_ROOT, type TempProject } from "../helpers/project.js";
import { capturingLogger, parsedLogs } from "./helpers.js";

const QUESTION = "Who is Michele Sison?";
const FIFTY_MB = 50 * 1024 * 1024;
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("setpriv", ["--version"]).status === 0;

/** A project with the seeds and, unless `withIndex` is false, a copy of a good index. */
const project = indexedProjects((p) => chmodTree(p.root, 0o755));

function chmodTree(path: string, mode: number): void {
  chmodSync(path, mode);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chmodTree(join(path, name), mode);
}

/** A binary .txt and a 50 MB .md (sparse, so the test writes almost nothing) in `dir`. */
function addBadSeeds(dir: string): void {
  writeFileSync(join(dir, "scan.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
  writeFileSync(join(dir, "dump.md"), "# A data dump\n\n");
  truncateSync(join(dir, "dump.md"), FIFTY_MB);
}

const vectors = (dir: string): string => join(dir, "exact.index");
/** A file's bytes as an ArrayBuffer of its own (a small file's Buffer is a slice of a shared pool). */
const bytesOf = (path: string): ArrayBuffer => Uint8Array.from(readFileSync(path)).buffer;
/**
 * Writes damage to one of the files the manifest checksums, and records the damaged file's checksum, as a
 * writer that erred would have: what catches it then is the file's structure.
 */
function rewriteChecked(dir: string, file: string, data: ArrayBufferLike): void {
  writeFileSync(join(dir, file), new Uint8Array(data));
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { checksums: Record<string, number> };
  manifest.checksums[file] = crc32(new Uint8Array(data));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
}
/** Damage, and what the error's cause says when only one check can catch it. */
const damages: readonly (readonly [string, (dir: string) => void, RegExp?])[] = [
  ["a truncated vector file", (dir) => writeFileSync(vectors(dir), readFileSync(vectors(dir)).subarray(0, 1000))],
  ["an empty vector file", (dir) => writeFileSync(vectors(dir), "")],
  ["a vector file of garbage the same size", (dir) => writeFileSync(vectors(dir), Buffer.alloc(statSync(vectors(dir)).size, 0xa5))],
  ["a manifest that is not JSON", (dir) => writeFileSync(join(dir, "manifest.json"), '{ "format": 1, "chun')],
  ["a manifest of NUL bytes (power loss)", (dir) => writeFileSync(join(dir, "manifest.json"), Buffer.alloc(512))],
  ["a manifest without its passage count (which /about shows)", (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
    delete manifest["passages"];
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  }, /shape/],
  ["a truncated passage file", (dir) => writeFileSync(join(dir, "passages.bin"), readFileSync(join(dir, "passages.bin")).subarray(0, 1000))],
  ["a passage file naming a source that does not exist", (dir) => {
    const words = new Uint32Array(bytesOf(join(dir, "passages.bin")));
    words[7] = 0xffffff; // the first passage's source
    writeFileSync(join(dir, "passages.bin"), new Uint8Array(words.buffer));
  }],
  ["a passage file of another layout", (dir) => writeFileSync(join(dir, "passages.bin"), Buffer.alloc(4096, 0x5a))],
  ["a missing passage file", (dir) => rmSync(join(dir, "passages.bin"))],
  ["a lexicon that is null", (dir) => rewriteChecked(dir, "lexicon.json", new TextEncoder().encode("null").buffer), /shape/],
  ["a missing lexicon", (dir) => rmSync(join(dir, "lexicon.json"))],
  ["a missing vector file", (dir) => rmSync(vectors(dir))],
  ["a missing label file", (dir) => rmSync(join(dir, "labels.bin"))],
  ["a truncated label file", (dir) => rewriteChecked(dir, "labels.bin", bytesOf(join(dir, "labels.bin")).slice(0, 8)), /bytes for/],
  ["a truncated terms file", (dir) => rewriteChecked(dir, "terms.bin", bytesOf(join(dir, "terms.bin")).slice(0, 400)), /ends too early|claims|whole 32-bit/],
  ["a terms file naming keys that do not exist", (dir) => {
    const words = new Uint32Array(bytesOf(join(dir, "terms.bin")));
    words[3] = 0xffffff;
    rewriteChecked(dir, "terms.bin", words.buffer);
  }, /names a key/],
  ["labels naming one vector twice", (dir) => {
    const labels = new Int32Array(bytesOf(join(dir, "labels.bin")));
    labels[1] = labels[0] ?? 0;
    rewriteChecked(dir, "labels.bin", labels.buffer);
  }, /twice/],
  // Damage that leaves each file well-formed: only the manifest's checksums (format 7; of the vectors, format 8) catch it.
  ["one flipped bit in the vector file", (dir) => {
    const bytes = readFileSync(vectors(dir));
    bytes[bytes.length - 7] = (bytes[bytes.length - 7] ?? 0) ^ 0x10;
    writeFileSync(vectors(dir), bytes);
  }, /exact\.index does not match the manifest's checksum/],
  ["a vector file the manifest records no checksum of", (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { checksums: Record<string, number> };
    delete manifest.checksums["exact.index"];
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  }, /records no checksum of exact\.index/],
  ["two labels swapped, each still a vector of the file", (dir) => {
    const labels = new Int32Array(bytesOf(join(dir, "labels.bin")));
    [labels[0], labels[1]] = [labels[1] ?? 0, labels[0] ?? 0];
    writeFileSync(join(dir, "labels.bin"), new Uint8Array(labels.buffer));
  }, /checksum/],
  ["a key of terms.bin changed to another key", (dir) => {
    const words = new Uint32Array(bytesOf(join(dir, "terms.bin")));
    words[3] = words[3] === 0 ? 1 : 0; // the first sentence's first token's first key
    writeFileSync(join(dir, "terms.bin"), new Uint8Array(words.buffer));
  }, /checksum/],
  ["a letter of the lexicon changed, still JSON of its shape", (dir) => {
    const text = readFileSync(join(dir, "lexicon.json"), "utf8");
    const at = text.lastIndexOf("e");
    writeFileSync(join(dir, "lexicon.json"), `${text.slice(0, at)}o${text.slice(at + 1)}`);
  }, /checksum/],
  ["labels naming a vector the vector file does not hold", (dir) => {
    const labels = new Int32Array(bytesOf(join(dir, "labels.bin")));
    labels[1] = 1_000_000;
    rewriteChecked(dir, "labels.bin", labels.buffer);
  }, /holds a label that no sentence has|names points/],
];

async function expectFreshOnDisk(p: TempProject): Promise<void> {
  const seeds = await readSeeds(p.root, p.seedsDir);
  expect((await loadIndex(p.indexDir, seeds, new HashingEmbeddings())).status).toBe("fresh");
}

/** What loading `p`'s index says: a status, or the error it throws. */
async function load(p: TempProject): Promise<unknown> {
  const seeds = await readSeeds(p.root, p.seedsDir);
  return loadIndex(p.indexDir, seeds, new HashingEmbeddings()).then(
    (result) => result.status,
    (error: unknown) => error,
  );
}

describe("a damaged index", () => {
  // Every kind of damage is detected as IndexError("corrupt"), the one error createRag rebuilds on (below).
  it.each(damages.map(([name, damage, cause]) => ({ name, damage, cause })))("$name is detected as IndexError('corrupt')", async ({ damage, cause }) => {
    const p = project();
    damage(p.indexDir);
    const error = await load(p);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ code: "corrupt" });
    if (cause) expect(String((error as IndexError).cause)).toMatch(cause);
  });

  it("is logged and rebuilt by createRag, skipping a binary and a 50 MB seed with a warning; it answers and saves the index", async () => {
    const p = project();
    damages[0]?.[1](p.indexDir);
    addBadSeeds(p.seedsDir);
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    expect(parsedLogs(lines).filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "seed skipped: larger than the limit; split it into files under 5 MiB",
      "seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)",
      "index damaged; rebuilding it from the seeds",
    ]);
    expect(rag.info().briefings).toEqual(["seeds/000_9ae3e538818b189d.txt"]);
    expect((await rag.answer(QUESTION)).kind).toBe("answered");
    await expectFreshOnDisk(p);
  });

  // Once missed: a manifest that parses as JSON but has the wrong shape threw a TypeError (npm start then said
  // "Fatal" on every start until index/ was deleted by hand), and vector settings that disagreed with the
  // manifest loaded as fresh, after which every question failed.
  it.each([
    ["a manifest that is JSON null", (dir: string) => writeFileSync(join(dir, "manifest.json"), "null")],
    ["a manifest without its seed list", (dir: string) => {
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
      delete manifest["seeds"];
      writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
    }],
    ["vectors of other dimensions than the manifest's", (dir: string) => {
      const labels = new Int32Array(bytesOf(join(dir, "labels.bin")));
      const other = new hnswlib.BruteforceSearch("cosine", 7);
      other.initIndex(labels.length);
      for (const label of labels) other.addPoint([1, 0, 0, 0, 0, 0, label], label);
      other.writeIndexSync(join(dir, "exact.index"));
    }],
  ] as const)("%s is detected as IndexError('corrupt')", async (_name, damage) => {
    const p = project();
    damage(p.indexDir);
    const error = await load(p);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ code: "corrupt" });
  });
});

describe("seeds, through createRag", () => {
  it("a SEEDS_DIR outside the project is named by its own path, and one that is a file is told apart", async () => {
    const p = project(false, false);
    const file = join(p.root, "..", `${basename(p.root)}-seeds-file`);
    writeFileSync(file, "not a folder");
    try {
      await expect(createRag({ root: p.root, seedsDir: file, indexDir: p.indexDir })).rejects.toMatchObject({
        code: "no-seeds",
        message: `the seeds folder ${file} (SEEDS_DIR) is not a folder`,
      });
      // A folder below a file: the file is named, not the folder that is not there.
      await expect(createRag({ root: p.root, seedsDir: join(file, "seeds"), indexDir: p.indexDir })).rejects.toMatchObject({
        message: `the seeds folder ${join(file, "seeds")} (SEEDS_DIR) cannot be reached: ${file} is a file, not a folder`,
      });
      const missing = join(p.root, "..", `${basename(p.root)}-no-seeds`);
      await expect(createRag({ root: p.root, seedsDir: missing, indexDir: p.indexDir })).rejects.toMatchObject({
        message: `the seeds folder ${missing} (SEEDS_DIR) does not exist; put .txt or .md briefings in it`,
      });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it("a missing seeds/ is an IndexError('no-seeds') that names the folder", async () => {
    const p = project(false, false);
    await expect(createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir })).rejects.toThrow(
      expect.objectContaining({ name: "IndexError", code: "no-seeds", message: `the seeds folder seeds (SEEDS_DIR) does not exist; put .txt or .md briefings in ${join(p.root, "seeds")}` }),
    );
  });

  it("a seeds/ with no usable briefing is an IndexError('no-seeds'), each skipped briefing warned about, a PDF passed over", async () => {
    const p = project(false, false);
    mkdirSync(p.seedsDir);
    addBadSeeds(p.seedsDir);
    writeFileSync(join(p.seedsDir, "notes.pdf"), "%PDF-1.7");
    const { logger, lines } = capturingLogger("info");
    const error = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect(error).toMatchObject({ code: "no-seeds", message: `no .txt or .md briefing in seeds (SEEDS_DIR); put some in ${p.seedsDir}` });
    expect(parsedLogs(lines).map((l) => [l.msg, l["path"]])).toEqual([
      ["seed skipped: larger than the limit; split it into files under 5 MiB", "seeds/dump.md"],
      ["seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)", "seeds/scan.txt"],
    ]);
  });
});

describe("an index folder that is not the index's own, through createRag", () => {
  it("INDEX_DIR over the briefings or beside other files stops the start, naming them, and deletes nothing", async () => {
    const p = project(false);
    const seeds = readdirSync(p.seedsDir).sort();
    const error = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.seedsDir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "IndexError", code: "unwritable", message: expect.stringMatching(/\(INDEX_DIR\) holds other things \(.*000_9ae3e538818b189d\.txt.*\); a rebuild would replace it/u) });
    expect(readdirSync(p.seedsDir).sort()).toEqual(seeds);

    const notes = join(p.root, "mine");
    mkdirSync(join(notes, "drafts"), { recursive: true });
    writeFileSync(join(notes, "notes.json"), "{}");
    await expect(createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: notes })).rejects.toMatchObject({ code: "unwritable", message: expect.stringContaining("(drafts, notes.json)") });
    expect(readdirSync(notes).sort()).toEqual(["drafts", "notes.json"]);
    // Files named as an index's are not enough: only the names an index writes.
    const exports = join(p.root, "exports");
    mkdirSync(exports);
    writeFileSync(join(exports, "customers.json"), "[]");
    writeFileSync(join(exports, "backup-2026.bin"), "x");
    await expect(createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: exports })).rejects.toMatchObject({ code: "unwritable", message: expect.stringContaining("(backup-2026.bin, customers.json)") });
    expect(readdirSync(exports).sort()).toEqual(["backup-2026.bin", "customers.json"]);
    // A manifest.json no index wrote (a web app's) does not make the folder an index either.
    const site = join(p.root, "public");
    mkdirSync(site);
    writeFileSync(join(site, "manifest.json"), JSON.stringify({ name: "My app", icons: [] }));
    writeFileSync(join(site, "index.html"), "<html></html>");
    await expect(createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: site })).rejects.toMatchObject({ code: "unwritable", message: expect.stringContaining("(index.html)") });
    expect(readdirSync(site).sort()).toEqual(["index.html", "manifest.json"]);
    // An index of an earlier format that lost its manifest is still an index: rebuilt.
    const earlier = join(p.root, "old-index");
    mkdirSync(join(earlier, "hnswlib"), { recursive: true });
    writeFileSync(join(earlier, "graph.index"), "x");
    writeFileSync(join(earlier, "passages.json"), "{}");
    const rebuilt = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: earlier });
    expect((await rebuilt.answer(QUESTION)).kind).toBe("answered");
    rebuilt.close();
  });

  it("the index's own folder with an operator's files in it (a note, a backup) is not replaced over them", async () => {
    const p = project();
    writeFileSync(join(p.indexDir, "README.txt"), "what this folder is");
    mkdirSync(join(p.indexDir, "backup"));
    writeFileSync(join(p.indexDir, "backup", "notes.txt"), "important");
    // Up to date: loaded as it is, the files beside it untouched.
    const fresh = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir });
    expect((await fresh.answer(QUESTION)).kind).toBe("answered");
    await fresh.close();
    // An update (a briefing changed) would replace the folder: not written, naming them; answered from memory.
    writeFileSync(join(p.seedsDir, "002_more.md"), "Lamamra met the envoy in Algiers on Monday to discuss the Sahel.");
    const { logger, lines } = capturingLogger();
    const updated = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    expect((await updated.answer("Whom did Lamamra meet in Algiers on Monday?")).kind).toBe("answered");
    await updated.close();
    const unsaved = parsedLogs(lines).filter((l) => l.msg.includes("could not be saved"));
    expect(unsaved).toHaveLength(1);
    expect(JSON.stringify(unsaved[0])).toContain("holds other things (README.txt, backup)");
    expect(readFileSync(join(p.indexDir, "backup", "notes.txt"), "utf8")).toBe("important");
    expect(readFileSync(join(p.indexDir, "README.txt"), "utf8")).toBe("what this folder is");
  });

  it("INDEX_DIR naming a file is an IndexError that says so", async () => {
    const p = project(false);
    const file = join(p.root, "index-file");
    writeFileSync(file, "not a folder");
    await expect(createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: file })).rejects.toMatchObject({ name: "IndexError", code: "unwritable", message: expect.stringContaining("(INDEX_DIR) is a file") });
  });
});

describe("an index that cannot be written, through createRag", () => {
  it("a read-only index/ that is up to date is loaded without writing", async () => {
    const p = project();
    const before = readdirSync(p.indexDir, { recursive: true }).map((f) => `${String(f)}:${statSync(join(p.indexDir, String(f))).mtimeMs}`);
    chmodTree(p.indexDir, 0o555);
    const { logger, lines } = capturingLogger("info");
    const rag = await createRag({ root: p.root, seedsDir: p.seedsDir, indexDir: p.indexDir, logger });
    expect((await rag.answer(QUESTION)).kind).toBe("answered");
    expect(lines).toEqual([]);
    chmodTree(p.indexDir, 0o755);
    expect(readdirSync(p.indexDir, { recursive: true }).map((f) => `${String(f)}:${statSync(join(p.indexDir, String(f))).mtimeMs}`)).toEqual(before);
    expect(readdirSync(p.root).sort()).toEqual(["index", "seeds"]);
  });

  it("a damaged index in a read-only project is rebuilt in memory with a warning", { timeout: 60_000 }, async (ctx) => {
    const p = project();
    damages[0]?.[1](p.indexDir);
    chmodTree(p.root, 0o555);
    // Root writes through any mode bits (CI runs as root): there the core runs as nobody, in a process of its own,
    // which needs to read the repository (a clone in a folder only root may enter cannot be run so).
    const asNobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
    ctx.skip(isRoot && !hasSetpriv, "running as root without setpriv(1) to drop to another user");
    const tsx = join(REPO_ROOT, "node_modules", "tsx", "package.json");
    const nobodyReads = !isRoot || spawnSync(asNobody[0] as string, [...asNobody.slice(1), process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(tsx)})`]).status === 0;
    ctx.skip(!nobodyReads, `running as root, and another user (nobody) cannot read ${REPO_ROOT} to run the core`);
    const command = [...(isRoot ? asNobody : []), process.execPath, "--import", "tsx", join(REPO_ROOT, "tests/reliability/read-only-project.child.ts"), p.root, QUESTION];
    const child = spawn(command[0] as string, command.slice(1), { cwd: REPO_ROOT, env: { PATH: process.env["PATH"] ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      warnings: [
        "cannot take the index lock; building without it (if the index folder is read-only, make it writable by this user or set INDEX_DIR)",
        "index damaged; rebuilding it from the seeds",
        "index built in memory but could not be saved; it will be rebuilt next start (make the index folder writable by this user, or set INDEX_DIR)",
      ],
      kind: "answered",
    });
  });
});

describe("npm start with broken seeds or index", () => {
  /** The real `npm start` in console mode, `input` piped to it; resolves when it exits (killed after 60 s). */
  async function npmStart(p: TempProject, input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
    const started = Date.now();
    const child = spawn("npm", ["start", "--silent"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: p.root, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.on("error", () => undefined); // it may exit before reading its input
    child.stdin.end(input);
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const [code] = (await once(child, "exit")) as [number | null];
    clearTimeout(timer);
    return { code, stdout, stderr, ms: Date.now() - started };
  }

  // The four runs go in parallel to keep the suite short; each is a separate project.
  it("seeds missing or useless: exit 1 once with a clear message; damaged index: rebuilt and saved; unwritable index: answers with a warning", { timeout: 90_000 }, async () => {
    const missing = project(false, false);
    const useless = project(false, false);
    mkdirSync(useless.seedsDir);
    addBadSeeds(useless.seedsDir);
    const damaged = project();
    damages[0]?.[1](damaged.indexDir);
    addBadSeeds(damaged.seedsDir);
    const unwritable = project(false);
    writeFileSync(join(unwritable.root, "mount"), "not a folder: every write below it fails, as on a read-only mount");
    const elsewhere = project(false);
    mkdirSync(join(elsewhere.root, "notes"));
    writeFileSync(join(elsewhere.root, "notes", "todo.txt"), "keep me");
    const [a, b, c, d, e] = await Promise.all([
      npmStart(missing, `${QUESTION}\n`),
      npmStart(useless, `${QUESTION}\n`),
      npmStart(damaged, `${QUESTION}\n`),
      npmStart(unwritable, `${QUESTION}\n`, { INDEX_DIR: "mount/index" }),
      npmStart(elsewhere, `${QUESTION}\n`, { INDEX_DIR: "notes" }),
    ]);

    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`Cannot start: the seeds folder seeds (SEEDS_DIR) does not exist; put .txt or .md briefings in ${missing.seedsDir}.\n`);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`Cannot start: no .txt or .md briefing in seeds (SEEDS_DIR); put some in ${useless.seedsDir}.\n`);
    expect(b.stderr).toContain('"msg":"seed skipped: larger than the limit; split it into files under 5 MiB"');
    expect(b.stderr).toContain('"msg":"seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)"');
    for (const run of [a, b]) {
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toContain("Fatal");
      expect(run.stderr).not.toMatch(/^\s+at /mu); // no stack trace
      expect(run.stderr).not.toContain('"stack"'); // nor one in a log line
      expect(run.stderr.match(/Cannot start/gu)).toHaveLength(1);
    }

    expect(c.code).toBe(0);
    expect(c.stderr).toContain('"msg":"index damaged; rebuilding it from the seeds"');
    expect(c.stderr).toContain('"msg":"seed skipped: larger than the limit; split it into files under 5 MiB"');
    expect(c.stderr).toContain('"msg":"seed skipped: binary, not text (it holds a NUL byte; so does UTF-16 text: save it as UTF-8)"');
    expect(c.stdout).toContain("From the briefing:");
    await expectFreshOnDisk(damaged); // so the next start loads it instead of rebuilding again

    expect(d.code).toBe(0);
    expect(d.stderr).toContain('"msg":"index built in memory but could not be saved; it will be rebuilt next start (make the index folder writable by this user, or set INDEX_DIR)"');
    expect(d.stdout).toContain("From the briefing:");

    // An INDEX_DIR holding other things stops the start, names them, and is left as it was.
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`Cannot start: the index folder ${join(elsewhere.root, "notes")} (INDEX_DIR) holds other things (todo.txt); a rebuild would replace it, so give the index a folder of its own.\n`);
    expect(readFileSync(join(elsewhere.root, "notes", "todo.txt"), "utf8")).toBe("keep me");
  });
});
