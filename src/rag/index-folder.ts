/** What an index folder may hold, checked before a rebuild replaces it whole (see refuseForeign). */
import { existsSync, type Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { IndexError } from "./errors.js";
import { EARLIER_FOLDER, isIndexFile, MANIFEST_FILE } from "./index-files.js";

/** The entries of the index folder, [] when it does not exist; a path that is not a folder is named as INDEX_DIR's. */
export async function indexEntries(indexDir: string): Promise<Dirent[]> {
  try {
    return await readdir(indexDir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file on the way to it (a read-only mount, say) leaves no index there: it is built in memory (see rag.ts).
    if (code === "ENOENT" || (code === "ENOTDIR" && !existsSync(indexDir))) return [];
    if (code === "ENOTDIR") throw new IndexError("unwritable", `the index folder ${indexDir} (INDEX_DIR) is a file; give the index a folder of its own`, { cause: error });
    throw error;
  }
}

/**
 * Whether `indexDir`'s manifest.json is one an index wrote, of any format (a web app's manifest.json is not):
 * otherwise the folder is checked for things an index does not hold before it is taken for a damaged index.
 */
export async function hasIndexManifest(indexDir: string): Promise<boolean> {
  const raw = await readFile(join(indexDir, MANIFEST_FILE), "utf8").catch(() => undefined);
  if (raw === undefined) return false;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return false;
  }
  return typeof value === "object" && value !== null && typeof (value as { format?: unknown }).format === "number";
}

/**
 * Refuses an index folder that holds anything an index does not (a subfolder, a briefing, a note): a rebuild
 * replaces the folder whole, and neither INDEX_DIR set to the wrong place nor an operator's note beside a real
 * index may be deleted by it. Loading reads only the index's files, so it refuses only a folder with no index's
 * manifest, which would be taken for a damaged index and rebuilt.
 */
export function refuseForeign(indexDir: string, entries: readonly Dirent[]): void {
  const foreign = entries.filter((e) => (e.isDirectory() ? e.name !== EARLIER_FOLDER : !e.isFile() || !isIndexFile(e.name))).map((e) => e.name).sort();
  if (foreign.length === 0) return;
  const named = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", …" : "");
  throw new IndexError("unwritable", `the index folder ${indexDir} (INDEX_DIR) holds other things (${named}); a rebuild would replace it, so give the index a folder of its own`);
}

/**
 * Refuses an index folder that holds anything an index does not (see refuseForeign): before a write, and for a
 * writer with nothing to write (`npm run index` over an up-to-date index), so an operator's file there is named
 * now rather than at the next update.
 * @throws IndexError("unwritable") naming those things.
 */
export async function checkIndexFolder(indexDir: string): Promise<void> {
  refuseForeign(indexDir, await indexEntries(indexDir));
}
