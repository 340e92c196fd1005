import { describe, expect, it } from "vitest";
import { cliticReadings } from "../../../src/rag/text/clitics.js";
import { normalizeToken } from "../../../src/rag/text/normalize.js";

const readings = (word: string, options?: Parameters<typeof cliticReadings>[1]): string[] => cliticReadings(normalizeToken(word), options);

describe("cliticReadings", () => {
  it("reads و/ف, then ب/ل/ك, then the article, each way the word's first letters allow", () => {
    expect(readings("وبالبندقية").sort()).toEqual(["البندقيه", "بالبندقيه", "بندقيه"].sort());
    expect(readings("للمغول")).toEqual(["لمغول", "مغول"]); // ل, then لل (ل before the article)
    expect(readings("كاليفورنيا")).toEqual(["اليفورنيا", "يفورنيا"]); // ك and كال: the caller judges
  });

  it("never offers the word itself, and keeps the letters a rest needs", () => {
    expect(readings("مغول")).toEqual([]);
    expect(readings("لست")).toEqual([]); // ست: two letters
    expect(readings("لجنة", { minRest: 4 })).toEqual([]);
  });

  it("reads only the prepositions it is given", () => {
    expect(readings("كمية", { prepositions: "بل" })).toEqual([]);
    expect(readings("بألف", { prepositions: "بل" })).toEqual(["الف"]);
  });
});
