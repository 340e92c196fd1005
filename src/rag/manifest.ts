/**
 * manifest.json: what an index was built by and from (format, versions, embedder, seeds) and the checksums of its
 * files; whether an index can be loaded or reused by this version, and the checks of its files against it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IndexEmbeddings } from "./embedders/types.js";
import { MANIFEST_FILE } from "./index-files.js";
import { lexiconFingerprint } from "./lexicon.js";
import { modelsFingerprint } from "./model.js";
import type { SeedRecord } from "./seeds.js";
import { settleAll } from "./settle.js";
import { fileCrc32, vectorFiles } from "./vectors.js";

/** The on-disk layout (see store.ts): bump when it changes, so that an index of another format is rebuilt, not read. */
export const FORMAT = 8;
/** Bump when ingestion (passages, sentences, labels) or the matching keys change. */
const CHUNKER_VERSION = "ingest-v22";
const ANALYZER_VERSION = "keys-v270";
/** The analyser's identity in the manifest: its version, the word lists and the fitted models it was built with. */
export const analyzerId = (): string => `${ANALYZER_VERSION}+${lexiconFingerprint()}+${modelsFingerprint()}`;

export interface Manifest {
  readonly format: number;
  readonly chunker: string;
  readonly analyzer: string;
  readonly embedder: { readonly id: string; readonly dimensions: number };
  readonly builtAt: string;
  readonly seeds: readonly SeedRecord[];
  readonly passages: number;
  readonly sentences: number;
  /**
   * CRC-32 of each file in CHECKED_FILES and each vector file as written (on disk; a manifest built in memory has
   * none): a bit flipped in a key's number or a label would otherwise read as another valid one, and one in a graph
   * segment's links crashes hnswlib at the first search.
   */
  readonly checksums?: Readonly<Record<string, number>>;
}

/** The manifest of an index this version builds now with `embeddings` (the checksums are added as it is written). */
export function createManifest(
  embeddings: IndexEmbeddings,
  seeds: readonly SeedRecord[],
  counts: { readonly passages: number; readonly sentences: number },
): Manifest {
  return {
    format: FORMAT,
    chunker: CHUNKER_VERSION,
    analyzer: analyzerId(),
    embedder: { id: embeddings.id, dimensions: embeddings.dimensions },
    builtAt: new Date().toISOString(),
    seeds,
    passages: counts.passages,
    sentences: counts.sentences,
  };
}

/** Whether the index of `manifest` has the passages and sentences this version's ingestion makes. */
export const sameChunker = (manifest: Manifest): boolean => manifest.chunker === CHUNKER_VERSION;

/** Whether the index of `manifest` has this version's sentences, embedded by `embeddings` (its vectors can be reused). */
export function sameChunkerAndEmbedder(manifest: Manifest, embeddings: IndexEmbeddings): boolean {
  return sameChunker(manifest) && sameEmbedder(manifest, embeddings);
}

/** Whether the index of `manifest` can be loaded for `embeddings`: this version's format, chunker and analyser, and that embedder. */
export function isCompatible(manifest: Manifest, embeddings: IndexEmbeddings): boolean {
  return manifest.format === FORMAT && sameChunker(manifest) && manifest.analyzer === analyzerId() && sameEmbedder(manifest, embeddings);
}

const sameEmbedder = ({ embedder }: Manifest, embeddings: IndexEmbeddings): boolean =>
  embedder.id === embeddings.id && embedder.dimensions === embeddings.dimensions;

/**
 * The manifest of `text`.
 * @throws SyntaxError when it is not JSON; Error when it lacks a manifest's fields (an older or damaged build's).
 */
export function parseManifest(text: string): Manifest {
  const value: unknown = JSON.parse(text);
  if (!isManifest(value)) throw new Error(`${MANIFEST_FILE} does not have the manifest's shape`);
  return value;
}

/** The manifest in `indexDir`. @throws as parseManifest does, or the file system's error (ENOENT: none). */
export async function readManifest(indexDir: string): Promise<Manifest> {
  return parseManifest(await readFile(join(indexDir, MANIFEST_FILE), "utf8"));
}

/** Whether parsed JSON has the fields a manifest must have (it may come from an older or damaged build). */
function isManifest(value: unknown): value is Manifest {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  const embedder = m["embedder"] as Record<string, unknown> | null | undefined;
  return (
    typeof m["format"] === "number" &&
    typeof m["chunker"] === "string" &&
    typeof m["analyzer"] === "string" &&
    typeof embedder === "object" &&
    embedder !== null &&
    typeof embedder["id"] === "string" &&
    typeof embedder["dimensions"] === "number" &&
    typeof m["builtAt"] === "string" &&
    typeof m["sentences"] === "number" &&
    typeof m["passages"] === "number" &&
    (m["checksums"] === undefined || isChecksums(m["checksums"])) &&
    Array.isArray(m["seeds"]) &&
    (m["seeds"] as unknown[]).every((s) => typeof s === "object" && s !== null && typeof (s as SeedRecord).path === "string" && typeof (s as SeedRecord).sha256 === "string")
  );
}

/** Whether a manifest's `checksums` is a table of 32-bit unsigned numbers. */
function isChecksums(value: unknown): value is Readonly<Record<string, number>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((crc) => Number.isInteger(crc) && crc >= 0 && crc < 2 ** 32);
}

/**
 * Checks `actual`, the CRC-32 of file `name`, against the one `manifest` records of it.
 * @throws Error when the manifest records none, or another one.
 */
export function expectChecksum(manifest: Manifest, name: string, actual: number): void {
  const expected = manifest.checksums?.[name];
  if (expected === undefined) throw new Error(`the manifest records no checksum of ${name}`);
  if (actual !== expected) throw new Error(`${name} does not match the manifest's checksum`);
}

/** @throws Error when a vector file of `indexDir` has no checksum in `manifest`, or another one. */
export async function checkVectorFiles(indexDir: string, manifest: Manifest): Promise<void> {
  await settleAll((await vectorFiles(indexDir)).map(async (name) => expectChecksum(manifest, name, await fileCrc32(join(indexDir, name)))));
}
