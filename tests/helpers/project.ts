import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createRag, type LiveRag, type Rag } from "../../src/rag/index.js";
import { OSLO_BRIEFING } from "./briefings.js";

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

/** Runs `use` on a rag over one briefing `name` of `paragraphs` (blank lines between), in a project removed after. */
export async function withBriefing(name: string, paragraphs: readonly string[], use: (rag: Rag) => Promise<void>): Promise<void> {
  const project = tempProject(false);
  try {
    mkdirSync(project.seedsDir, { recursive: true });
    writeFileSync(join(project.seedsDir, name), paragraphs.flatMap((p) => [p, ""]).join("\n"));
    await use(await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir }));
  } finally {
    project.remove();
  }
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

/** The briefing with OSLO_BRIEFING beside it (seeds/oslo.md), and a core over both. */
export interface TwoBriefings {
  readonly root: string;
  readonly core: LiveRag;
}

/** A project of two briefings and its core, made before the calling file's tests and removed after them. */
export function twoBriefings(): TwoBriefings {
  let project: TempProject | undefined;
  let rag: LiveRag | undefined;
  beforeAll(async () => {
    project = tempProject();
    writeFileSync(join(project.seedsDir, "oslo.md"), OSLO_BRIEFING);
    rag = await createRag({ root: project.root, seedsDir: project.seedsDir, indexDir: project.indexDir });
  });
  afterAll(async () => {
    await rag?.close();
    project?.remove();
  });
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("twoBriefings() is ready only inside its tests");
    return value;
  };
  return {
    get root() {
      return made(project).root;
    },
    get core() {
      return made(rag);
    },
  };
}
