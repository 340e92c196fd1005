/**
 * The operator's command `npm run index` (src/cli/index-cmd.ts): it builds the index on disk or fails saying why,
 * never reporting an index it could not save.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, SEED_NAME, tempProject, type TempProject } from "../helpers/project.js";

let project: TempProject;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

function index(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  return indexIn(project, ...args);
}

function indexIn(project: TempProject, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  return indexWith(project, {}, ...args);
}

/** `npm run index` in `project`, with `env` added to its environment. */
function indexWith(project: TempProject, env: Record<string, string>, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npm", ["run", "--silent", "index", ...(args.length ? ["--", ...args] : [])], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", BOT_ROOT: project.root, LOG_LEVEL: "silent", ...env },
    timeout: 120_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe("npm run index", () => {
  it("takes only --force: --help prints its usage, anything else is refused, and neither builds", { timeout: 120_000 }, () => {
    for (const args of [["--help"], ["--force", "--help"]]) {
      const help = index(...args);
      expect(help).toMatchObject({ status: 0, stderr: "" });
      expect(help.stdout).toMatch(/^usage: npm run index \[-- --force\]\n(.*\n)*  --force /u);
    }
    const typo = index("--forse");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/^unknown option --forse\nusage: npm run index/u);
    expect(typo.stdout).toBe("");
    for (const [args, said] of [[["force"], 'unexpected argument "force": npm run index takes only --force'], [["--force=yes"], "--force takes no value"]] as const) {
      const refused = index(...args);
      expect(refused.status).toBe(2);
      expect(refused.stderr.split("\n")[0]).toBe(said);
    }
    expect(existsSync(join(project.indexDir, "manifest.json"))).toBe(false);
  });

  it("builds the index, then refuses to replace it over an operator's files, keeping them, with exit 1", { timeout: 240_000 }, () => {
    const built = index();
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^indexed 1 briefing\(s\): \d+ passages, \d+ sentences in \d+ ms -> /u);

    writeFileSync(join(project.indexDir, "README.txt"), "what this folder is");
    mkdirSync(join(project.indexDir, "backup"));
    writeFileSync(join(project.indexDir, "backup", "notes.txt"), "important");
    const refused = index();
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`the index folder ${project.indexDir} (INDEX_DIR) holds other things (README.txt, backup); a rebuild would replace it`);
    expect(readFileSync(join(project.indexDir, "backup", "notes.txt"), "utf8")).toBe("important");
    expect(readFileSync(join(project.indexDir, "README.txt"), "utf8")).toBe("what this folder is");
  });

  it("leaves an up-to-date index untouched, saying so; updates it when a briefing changes; --force rebuilds it", { timeout: 240_000 }, () => {
    const own = tempProject();
    try {
      /** Each file of the index by name, with its inode, and the folder's own inode. */
      const files = (): Record<string, number> =>
        Object.fromEntries([["", statSync(own.indexDir).ino], ...readdirSync(own.indexDir).map((name) => [name, statSync(join(own.indexDir, name)).ino])]);
      const manifest = (): string => readFileSync(join(own.indexDir, "manifest.json"), "utf8");
      const builtAt = (): string => (JSON.parse(manifest()) as { builtAt: string }).builtAt;
      const built = indexIn(own);
      expect(built.status, built.stderr).toBe(0);
      expect(built.stdout).toMatch(/^indexed 1 briefing\(s\)/u);
      const [before, written, firstBuilt] = [files(), manifest(), builtAt()];

      const again = indexIn(own);
      expect(again, again.stderr).toMatchObject({ status: 0, stdout: `index is up to date: 1 briefing(s), built ${firstBuilt} -> ${own.indexDir}\n` });
      expect(files()).toEqual(before);
      expect(manifest()).toBe(written);

      // A changed briefing is updated as before: a new build time, the new content's hash.
      appendFileSync(join(own.seedsDir, SEED_NAME), "\nA paragraph added to the briefing since it was indexed.\n");
      const updated = indexIn(own);
      expect(updated.status, updated.stderr).toBe(0);
      expect(updated.stdout).toMatch(/^indexed 1 briefing\(s\)/u);
      expect(builtAt()).not.toBe(firstBuilt);
      expect(manifest()).not.toBe(written);
      const current = files();
      expect(indexIn(own).stdout).toMatch(/^index is up to date: 1 briefing\(s\), built /u);
      expect(files()).toEqual(current);

      // A damaged index is never up to date: a bit flipped in the vectors is caught by their checksum, and rebuilt.
      const vectors = join(own.indexDir, "exact.index");
      const bytes = readFileSync(vectors);
      bytes[bytes.length - 7] = (bytes[bytes.length - 7] ?? 0) ^ 0x10;
      writeFileSync(vectors, bytes);
      const repaired = indexIn(own);
      expect(repaired.status, repaired.stderr).toBe(0);
      expect(repaired.stdout).toMatch(/^indexed 1 briefing\(s\)/u);
      expect(indexIn(own).stdout).toMatch(/^index is up to date: /u);
      const [repairedFiles, repairedAt] = [files(), builtAt()];

      // --force rebuilds an up-to-date index from scratch: every file new.
      const forced = indexIn(own, "--force");
      expect(forced.status, forced.stderr).toBe(0);
      expect(forced.stdout).toMatch(/^indexed 1 briefing\(s\)/u);
      expect(builtAt()).not.toBe(repairedAt);
      const after = files();
      for (const name of Object.keys(repairedFiles)) expect(after[name], name).not.toBe(repairedFiles[name]);
    } finally {
      own.remove();
    }
  });

  it("says in one line why it builds from scratch: no index yet, or one another version or embedder built (found by a review)", { timeout: 240_000 }, () => {
    const own = tempProject();
    try {
      const first = indexIn(own);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).toBe(`No index in ${own.indexDir} yet; building it.\n`);
      expect(first.stdout).toMatch(/^indexed 1 briefing\(s\)/u);

      // An index of another chunker (an older version of the program): rebuilt, saying so.
      const path = join(own.indexDir, "manifest.json");
      writeFileSync(path, JSON.stringify({ ...(JSON.parse(readFileSync(path, "utf8")) as object), chunker: "ingest-v1" }));
      const other = indexIn(own);
      expect(other.status, other.stderr).toBe(0);
      expect(other.stderr).toBe(
        `The index in ${own.indexDir} was built by another version of this program or with another embedder (now hashing-ngram-v1-384, 384 dimensions); rebuilding it from scratch.\n`,
      );
      expect(other.stdout).toMatch(/^indexed 1 briefing\(s\)/u);
      expect(indexIn(own)).toMatchObject({ status: 0, stderr: "", stdout: expect.stringMatching(/^index is up to date: /u) as unknown });
    } finally {
      own.remove();
    }
  });

  it("updates the folder an INDEX_DIR symbolic link leads to, keeping the link and writing nothing beside it (found by a review)", { timeout: 240_000 }, () => {
    const own = tempProject();
    try {
      const volume = join(own.root, "volume", "idx");
      const built = indexWith(own, { INDEX_DIR: volume });
      expect(built.status, built.stderr).toBe(0);
      const builtAt = (): string => (JSON.parse(readFileSync(join(volume, "manifest.json"), "utf8")) as { builtAt: string }).builtAt;
      const first = builtAt();
      symlinkSync(volume, own.indexDir);
      appendFileSync(join(own.seedsDir, SEED_NAME), "\nA paragraph added to the briefing since it was indexed.\n");
      const updated = indexIn(own);
      expect(updated.status, updated.stderr).toBe(0);
      expect(updated.stdout).toMatch(new RegExp(`^indexed 1 briefing\\(s\\).* -> ${volume}\n$`, "u"));
      expect(lstatSync(own.indexDir).isSymbolicLink()).toBe(true);
      expect(builtAt()).not.toBe(first);
      // The lock and the scratch folders went beside the folder itself, and are gone.
      expect(readdirSync(own.root).sort()).toEqual(["index", "seeds", "volume"]);
      expect(readdirSync(join(own.root, "volume"))).toEqual(["idx"]);
    } finally {
      own.remove();
    }
  });
});
