import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isPassingWord, readPassingWords } from "../../../src/rag/text/passing-words.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";

describe("readPassingWords", () => {
  const dir = mkdtempSync(join(tmpdir(), "passing-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads each line's forms, normalised, and skips comments and blank lines", () => {
    const path = join(dir, "words.tsv");
    writeFileSync(path, "# a comment\n\nmeny mny\tmany\tManny\nقصة\tthe story of\ta plot\r\n");
    expect([...readPassingWords(path)].sort()).toEqual(["meny", "mny", normalizeToken("قصة")].sort());
  });
});

describe("isPassingWord", () => {
  it("knows the data file's words, chat's and the dialects'", () => {
    for (const word of ["meny", "po", "lah", "bro", "داك", "ماشي", "صح", "قصة", "حصدت"]) expect(isPassingWord(normalizeToken(word)), word).toBe(true);
    expect(isPassingWord("minurso")).toBe(false);
  });

  it("reads a joined و or ف off where three letters remain: وخلاص, not فصح (Easter, a review)", () => {
    expect(isPassingWord(normalizeToken("وخلاص"))).toBe(true);
    expect(isPassingWord(normalizeToken("فصح"))).toBe(false);
  });
});
