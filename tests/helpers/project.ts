import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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
