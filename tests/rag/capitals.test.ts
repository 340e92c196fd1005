import { describe, expect, it } from "vitest";
import { countryOfCapital, loadCapitals } from "../../src/rag/capitals.js";
import { tokenize } from "../../src/rag/text/tokenize.js";

/** The countries the question's word `word` stands for, read in its place in the question. */
const countryIn = (question: string, word: string): readonly string[] => {
  const tokens = tokenize(question);
  return countryOfCapital(tokens, tokens.findIndex((t) => t.raw === word));
};

describe("national capitals", () => {
  it("are read from WordNet with their countries, and from FreeDict with their Arabic names", () => {
    const { byEnglish, byArabicName } = loadCapitals();
    expect(byEnglish.get("washington")).toContain("america");
    expect(byEnglish.get("rabat")).toContain("morocco");
    expect(byEnglish.get("bamako")).toEqual(["mali"]);
    expect(byArabicName.get("واشنطن")).toContain("america");
    expect(byEnglish.size).toBeGreaterThan(150);
  });

  it("stand for their government as a sentence's subject or owner, not after a preposition that makes them the place", () => {
    expect(countryIn("What does Washington want?", "Washington")).toContain("america");
    expect(countryIn("Is Washington's position new?", "Washington's")).toContain("america");
    expect(countryIn("ما موقف واشنطن من البعثة؟", "واشنطن")).toContain("america");
    expect(countryIn("الجزائر وواشنطن متفقتان؟", "وواشنطن")).toContain("america");
    for (const [question, word] of [["How is the weather in Washington?", "Washington"], ["Who is the mayor of Washington?", "Washington"], ["ما الطقس في واشنطن؟", "واشنطن"], ["من يسكن بواشنطن؟", "بواشنطن"]] as const) {
      expect(countryIn(question, word), question).toEqual([]);
    }
    expect(countryIn("What does Sison want?", "Sison")).toEqual([]);
  });
});
