import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createRag } from "../../src/rag/index.js";

/** The repository root, for tests that need the real seeds. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SEED_NAME = "000_9ae3e538818b189d.txt";

export interface TempProject {
  readonly root: string;
  readonly seedsDir: string;
  readonly indexDir: string;
  remove(): void;
}

/** A throwaway project root holding a copy of seeds/ (or nothing, with `withSeeds: false`). */
export function tempProject(withSeeds = true): TempProject {
  const root = mkdtempSync(join(tmpdir(), "briefing-bot-"));
  const seedsDir = join(root, "seeds");
  if (withSeeds) cpSync(join(REPO_ROOT, "seeds"), seedsDir, { recursive: true });
  return { root, seedsDir, indexDir: join(root, "index"), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Projects for one test file that start from a copy of one index, built once (building it in every test would be
 * slow). Registers the hooks that build it and remove every project after each test (`beforeRemove` first, as
 * for a test that made files read-only), and returns the factory: a project with the seeds unless `withSeeds` is
 * false, and a copy of the index unless `withIndex` is false.
 */
export function indexedProjects(beforeRemove?: (p: TempProject) => void): (withIndex?: boolean, withSeeds?: boolean) => TempProject {
  let pristine: TempProject | undefined;
  const made: TempProject[] = [];
  beforeAll(async () => {
    pristine = tempProject();
    await createRag({ root: pristine.root, seedsDir: pristine.seedsDir, indexDir: pristine.indexDir });
  });
  afterAll(() => pristine?.remove());
  afterEach(() => {
    for (const p of made.splice(0)) {
      beforeRemove?.(p);
      p.remove();
    }
  });
  return (withIndex = true, withSeeds = true) => {
    const p = tempProject(withSeeds);
    made.push(p);
    if (withIndex && pristine) cpSync(pristine.indexDir, p.indexDir, { recursive: true });
    return p;
  };
}
