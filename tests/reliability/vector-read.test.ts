/**
 * hnswlib failing to read a vector file that passed the checks (removed meanwhile, a disk error): the load
 * fails as a damaged index, and no rejection goes unobserved.
 */
import hnswlib from "hnswlib-node";
import { describe, expect, it, vi } from "vitest";
import { HashingEmbeddings } from "../../src/rag/embeddings.js";
import { readSeeds } from "../../src/rag/seeds.js";
import { loadIndex } from "../../src/rag/store.js";
import { indexedProjects } from "../helpers/project.js";

const failNextRead = vi.hoisted(() => ({ on: false }));

vi.mock("hnswlib-node", async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof hnswlib }>()).default;
  /** hnswlib's exact copy, whose next readIndex fails when asked to. */
  class BruteforceSearch extends real.BruteforceSearch {
    override readIndex(path: string): Promise<boolean> {
      if (!failNextRead.on) return super.readIndex(path);
      failNextRead.on = false;
      return Promise.reject(new Error(`Hnswlib Error: failed to open file: ${path}`));
    }
  }
  return { default: { ...real, BruteforceSearch } };
});

const project = indexedProjects();

describe("a vector file hnswlib cannot read", () => {
  // Once missed: hnswlib's read failing while the labels were still being read was a rejection nothing awaited
  // yet (an unhandled rejection, which ends `npm start` under Node's default).
  it("is IndexError('corrupt'), with no unhandled rejection", async () => {
    const p = project();
    const seeds = await readSeeds(p.root, p.seedsDir);
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      failNextRead.on = true;
      await expect(loadIndex(p.indexDir, seeds, new HashingEmbeddings())).rejects.toMatchObject({ name: "IndexError", code: "corrupt" });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});
