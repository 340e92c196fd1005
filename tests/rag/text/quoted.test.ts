import { describe, expect, it } from "vitest";
import { holdsPhrase, quotedPhrases } from "../../../src/rag/text/quoted.js";

describe("quotedPhrases", () => {
  it("reads the phrases a question quotes, between double marks of any script or single ones apart from letters", () => {
    expect(quotedPhrases('شو قصدها بـ"جولة استماع" اللي ذكرتها؟')).toEqual([["جوله", "استماع"]]);
    expect(quotedPhrases("What did she mean by “shared priorities”?")).toEqual([["shared", "priorities"]]);
    expect(quotedPhrases("What did she mean by 'listening tour'? Sison's words")).toEqual([["listening", "tour"]]);
    expect(quotedPhrases("ما معنى «حفظ السلام» هنا؟")).toEqual([["حفظ", "السلام"]]);
  });

  it("reads no apostrophe as a quotation mark, nor one quoted word as a phrase", () => {
    expect(quotedPhrases("Sison's and Lamamra's talks")).toEqual([]);
    expect(quotedPhrases("l'article et l'auteur")).toEqual([]);
    expect(quotedPhrases("Whose is the 'follow' label?")).toEqual([]);
    // Short quotes pair their marks; function words alone are no phrase (a second review).
    expect(quotedPhrases('What did she say about "US" and the "UN"?')).toEqual([]);
    expect(quotedPhrases('What does "in the" refer to?')).toEqual([]);
  });
});

describe("holdsPhrase", () => {
  it("finds the phrase's words in a row, in their normal forms", () => {
    expect(holdsPhrase("في “ما يمكن أن أسميه جولة استماع ونحن نبحث”", ["جوله", "استماع"])).toBe(true);
    expect(holdsPhrase("جولة في الاستماع", ["جوله", "استماع"])).toBe(false);
  });
});
