import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentTerms, queryTerms, type QueryContext } from "../../src/rag/analyze.js";
import { FuzzyVocabulary } from "../../src/rag/fuzzy.js";
import { buildLexicon, lexiconFingerprint, loadLexicon } from "../../src/rag/lexicon.js";

let dir: string;
let paths: { dictionary: string; glossary: string };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lexicon-"));
  paths = { dictionary: join(dir, "dict.tsv"), glossary: join(dir, "glossary.tsv") };
  writeFileSync(
    paths.dictionary,
    ["# comment", "ga\tولاية جورجيا\t", "gas\tالغاز\t", "mission\tالمهمة\t", "cup\tالكأس\tشكل كأس", "played\t\tلعب"].join("\n"),
  );
  writeFileSync(paths.glossary, ["mission\tبعثة|مهمة", "peacekeepers\tحفظة السلام"].join("\n"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Keys of a tiny Arabic corpus. */
const corpus = (text: string): Set<string> => new Set(documentTerms(text).flat());

function context(text: string): QueryContext {
  const keys = corpus(text);
  const lexicon = loadLexicon(buildLexicon(keys, paths));
  return { lexicon, has: (k) => keys.has(k), vocabulary: new FuzzyVocabulary([...keys].filter((k) => /^[\p{L}\p{N}]/u.test(k))) };
}

const keysOf = (question: string, ctx: QueryContext): string[] => queryTerms(question, ctx).flatMap((t) => [...t.keys]);

describe("the bilingual lexicon", () => {
  it("keeps only translations the corpus can match, glossary first", () => {
    const ctx = context("ندعم بعثة مينورسو لحفظ السلام ولاية");
    const mission = queryTerms("mission", ctx)[0];
    expect(mission?.keys).toEqual(expect.arrayContaining(["mission", "بعث"]));
    expect(mission?.keys.some((k) => k.startsWith("مهم"))).toBe(false); // المهمة is not in this corpus
  });

  it("translates a word by its own entry before its stem: 'gas' does not borrow from 'GA'", () => {
    const ctx = context("ولاية جورجيا");
    expect(keysOf("gas", ctx).filter((k) => /[\u0600-\u06FF]/.test(k))).toEqual([]);
    expect(keysOf("ga", ctx).some((k) => /[\u0600-\u06FF]/.test(k))).toBe(true);
  });

  it("keeps a glossary phrase of several words but not a multi-word description from the inverted side", () => {
    const ctx = context("يعمل حفظة السلام في مالي. شكل الدولة");
    expect(keysOf("peacekeepers", ctx)).toEqual(expect.arrayContaining(["حفظ", "سلام"]));
    expect(keysOf("cup", ctx).some((k) => k.startsWith("شكل"))).toBe(false);
  });

  it("finds an inflected English form through the inverted side", () => {
    expect(keysOf("played", context("الجزائر لعبت دورا"))).toContain("لعب");
  });

  it("reaches a translation through WordNet's related words only when the word has none of its own", () => {
    const wordnet = join(dir, "wordnet.tsv");
    writeFileSync(wordnet, ["# comment", "won\twin\t\t", "physician\t\t\tdoctor|md", "funding\t\tfund\t", "mission\t\t\tdelegation"].join("\n"));
    writeFileSync(paths.dictionary, ["win\tفاز\t", "doctor\tطبيب\t", "fund\tصندوق\t", "mission\tالمهمة\t", "delegation\tوفد\t"].join("\n"));
    const keys = corpus("فاز الفريق. قال الطبيب. الصندوق الدولي. المهمة والوفد");
    const ctx: QueryContext = { lexicon: loadLexicon(buildLexicon(keys, { ...paths, wordnet })), has: (k) => keys.has(k), vocabulary: new FuzzyVocabulary([]) };
    expect(keysOf("won", ctx)).toContain("فاز"); // an irregular form, through its base
    expect(keysOf("physicians", ctx)).toContain("طبيب"); // a regular inflection, through its stem's synonyms
    expect(keysOf("funding", ctx)).toContain("صندوق"); // a derivation
    expect(keysOf("mission", ctx).some((k) => k.startsWith("وفد"))).toBe(false); // has a translation of its own
  });

  it("prunes to each corpus anew though the word lists are parsed once per process", () => {
    const first = buildLexicon(corpus("ندعم بعثة مينورسو"), paths);
    const second = buildLexicon(corpus("المهمة صعبة"), paths);
    expect(first.enWord["mission"]).toEqual(["بعث"]);
    expect(second.enWord["mission"]).toEqual(["مهم", "مهمه"]);
    expect(buildLexicon(corpus("ندعم بعثة مينورسو"), paths)).toEqual(first);
  });

  it("changes its fingerprint when a word list changes", () => {
    const before = lexiconFingerprint(paths);
    writeFileSync(paths.glossary, "mission\tبعثة\n");
    const other = { ...paths, glossary: join(dir, "glossary2.tsv") };
    writeFileSync(other.glossary, "mission\tبعثة\n");
    expect(lexiconFingerprint(other)).not.toBe(before);
    expect(lexiconFingerprint(other)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("fuzzy spellings", () => {
  it("reaches an inflected form the stemmers miss, but never a short or function-word stem", () => {
    const ctx = context("تعرضت الجزائر للانتقادات الدولية. وكانت الدولة");
    const criticised = queryTerms("انتقدوا", ctx)[0];
    expect(criticised?.keys).toContain("انتقاد");
    expect(criticised?.weight).toBeGreaterThan(0.5);
    expect(criticised?.weight).toBeLessThan(1);
    expect(keysOf("سكان", ctx)).not.toContain("كان");
  });

  it("never reads a word the dictionary spells as a misspelling of another: 'food' is not 'good'", () => {
    writeFileSync(paths.dictionary, "\nfood\tطعام\t", { flag: "a" });
    const ctx = context("a good day");
    expect(keysOf("food", ctx)).not.toContain("good");
    expect(keysOf("goodd", ctx)).toContain("good");
  });
});
