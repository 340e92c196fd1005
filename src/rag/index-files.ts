/**
 * The files of an index folder by name: what a writer puts there (store.ts), and so what may be removed or put back
 * when a writer that died left a scratch copy of it beside the index (lock.ts, tidyLeftovers).
 */
import { isVectorFile } from "./vectors.js";

/** Written last: a folder without it is never taken for an index (see Manifest). */
export const MANIFEST_FILE = "manifest.json";
/** The passages and the table of matching keys (see passage-file.ts). */
export const PASSAGES_FILE = "passages.bin";
/** The lexicon pruned to the matching keys (SerializedLexicon). */
export const LEXICON_FILE = "lexicon.json";
/** Each sentence's label in the vector index. */
export const LABELS_FILE = "labels.bin";
/** The sentences' matching keys, packed (see packTerms). */
export const TERMS_FILE = "terms.bin";
/**
 * The files whose CRC-32 the manifest records, besides the vector files (see vectorFiles). passages.bin carries
 * its own.
 */
export const CHECKED_FILES = [LABELS_FILE, LEXICON_FILE, TERMS_FILE] as const;
/** The word lists parsed for the lexicon (see saveWordLists), so the next process's update does not parse them. */
export const WORD_LISTS_FILE = "wordlists.bin";
/** Files of earlier formats (see manifest.ts's FORMAT): one graph, the passages as JSON; and LangChain's folder before format 3. */
export const EARLIER_FILES: readonly string[] = ["graph.index", "passages.json"];
export const EARLIER_FOLDER = "hnswlib";

/** Whether `name` is a file an index writes (this format's names, earlier formats', the vectors' files). */
export const isIndexFile = (name: string): boolean =>
  [MANIFEST_FILE, PASSAGES_FILE, LEXICON_FILE, LABELS_FILE, TERMS_FILE, WORD_LISTS_FILE, ...EARLIER_FILES].includes(name) || isVectorFile(name);
