import { describe, expect, it } from "vitest";
import { AnswerVerifier, DECLINE_TOKEN, nextBoundary, quotesIn } from "../../../src/rag/llm/verify.js";

const PASSAGES = [
  "قالت مساعدة وزير الخارجية الأمريكي، لشؤون المنظمات الدولية، ميشال سيسون، إن بلادها تدعم جهود المبعوث الشخصي.",
  "Joined @State_IO to meet with acting Secretary General Mehdi Amirouche at @interieur_dz.",
  "نحن ندعم بقوة بعثة مينورسو لحفظ السلام ولعملية حفظ السلام.",
];

/** Feeds `output` in pieces of `size` characters; returns every text shown along the way and the result. */
function run(output: string, size = 7, passages = PASSAGES) {
  const verifier = new AnswerVerifier(passages);
  const shown: string[] = [];
  for (let i = 0; i < output.length; i += size) if (verifier.push(output.slice(i, i + size))) shown.push(verifier.text);
  return { shown, result: verifier.finish() };
}

describe("checking a model's answer", () => {
  it("keeps cited sentences and verified quotes, renumbering passages in the order first cited (a quote cites its passage)", () => {
    const { result } = run("Michele Sison is the U.S. Assistant Secretary for International Organizations [3]. She met Mehdi Amirouche [2]. She said her country “تدعم جهود المبعوث” [3, 2].");
    expect(result).toEqual({
      text: "Michele Sison is the U.S. Assistant Secretary for International Organizations [1]. She met Mehdi Amirouche [2]. She said her country “تدعم جهود المبعوث” [1, 2, 3].",
      cited: [3, 2, 1],
      declined: false,
      dropped: [],
    });
  });

  it("drops controls, bidi overrides and private-use characters (the renderers' match marks among them) from the model's text, not from its quotes' check", () => {
    // Found by a review: U+E000/U+E001 became bold in Telegram, U+202E reversed the rest of the line.
    const { shown, result } = run("She said \uE000Algeria\uE001 joins \u202Ethe council\u0007 [1]. «نحن ندعم بقوة بعثة مينورسو»\u2066\uF8FF\u{F0000} [3].", 5);
    expect(result.text).toBe("She said Algeria joins the council [1]. «نحن ندعم بقوة بعثة مينورسو» [2].");
    expect(result.dropped).toEqual([]);
    for (const text of shown) expect(text).not.toMatch(/[\u0007\u202E\u2066\p{Co}]/u);
    // The controls that separate part words as a space would (found by a review: "MehdiAmirouche").
    expect(run("She met Mehdi\u0085Amirouche and\u000B\u000Bothers [2].").result.text).toBe("She met Mehdi Amirouche and  others [1].");
  });

  it("a quote cites its own passage, even in a sentence with no marker", () => {
    const { result } = run("She said: «نحن ندعم بقوة بعثة مينورسو».");
    expect(result.text).toBe("She said: «نحن ندعم بقوة بعثة مينورسو» [1].");
    expect(result.cited).toEqual([3]);
  });

  it("matches quotes exactly after collapsing white space, allowing edge punctuation and an ellipsis for omitted words", () => {
    const { result } = run("It “supports  the\nenvoy” — no: “ندعم بقوة بعثة … لحفظ السلام.” [3].", 100, ["It supports the envoy.", PASSAGES[2] ?? ""]);
    expect(result.dropped).toEqual([]);
    expect(result.cited).toEqual([1, 2]);
  });

  it("drops a whole sentence whose quote is not in the passages, and says which quote", () => {
    const { result } = run("She met Mehdi Amirouche [2]. She said “the United States will leave MINURSO” [3]. She supports the envoy [1].");
    expect(result.text).toBe("She met Mehdi Amirouche [1]. She supports the envoy [2].");
    expect(result.cited).toEqual([2, 1]);
    expect(result.dropped).toEqual([
      { text: "She said “the United States will leave MINURSO” [3].", reason: "unverified-quote", quote: "the United States will leave MINURSO" },
    ]);
  });

  it("drops sentences that cite nothing, and markers that name no passage", () => {
    const { result } = run("Here is what I found. She met Mehdi Amirouche [2]. Algeria is large [9].");
    expect(result.text).toBe("She met Mehdi Amirouche [1].");
    expect(result.dropped.map((d) => [d.text, d.reason])).toEqual([
      ["Here is what I found.", "uncited"],
      ["Algeria is large [9].", "uncited"],
    ]);
  });

  it("with nothing cited, returns no text and no citations (the caller falls back)", () => {
    const { result } = run("Sison visited Algiers. She talked about human rights.");
    expect(result).toMatchObject({ text: "", cited: [], declined: false });
    expect(result.dropped).toHaveLength(2);
  });

  it("reads a bracket and a long run of digits after a sentence at once (a pattern backtracked for minutes: found by a review)", () => {
    // Thirty digits took 27 s, each more doubling it, the event loop blocked throughout; forty, hours.
    const { result } = run(`Michele Sison is a US official [1]. [${"1".repeat(40)}x and more.`);
    expect(result.text).toBe("Michele Sison is a US official [1].");
  });

  it("reads the decline token as a decline, in any spelling, but not when a cited sentence survives", () => {
    expect(run(DECLINE_TOKEN).result).toEqual({ text: "", cited: [], declined: true, dropped: [] });
    expect(run("not in the briefing.").result.declined).toBe(true);
    expect(run(`**\`${DECLINE_TOKEN}\`**`).result.declined).toBe(true);
    // The phrase inside a sentence that answers is no decline (found by a review: the answer was refused).
    const phrase = run("Her age is not in the briefing, but she spoke in Algiers on Monday [1].").result;
    expect(phrase).toMatchObject({ declined: false, text: "Her age is not in the briefing, but she spoke in Algiers on Monday [1]." });
    const mixed = run(`She met Mehdi Amirouche [2]. ${DECLINE_TOKEN}`).result;
    expect(mixed).toMatchObject({ declined: false, text: "She met Mehdi Amirouche [1]." });
  });

  it("accepts Arabic-Indic digits and 'passage' inside markers, and cites Arabic sentences", () => {
    const { result } = run("التقت سيسون بمهدي عميروش [٢]. وهي تدعم المبعوث [passage 1].");
    expect(result.text).toBe("التقت سيسون بمهدي عميروش [1]. وهي تدعم المبعوث [2].");
    expect(result.cited).toEqual([2, 1]);
  });

  it("ignores a reasoning model's <think> block", () => {
    const { shown, result } = run("<think>Passage 2 says [2]. “Invented”.</think>She met Mehdi Amirouche [2].", 3);
    expect(result.text).toBe("She met Mehdi Amirouche [1].");
    expect(result.dropped).toEqual([]);
    expect(shown.every((t) => !t.includes("think"))).toBe(true);
  });

  it("streams: the shown text only grows, holds back a sentence until its marker is in, and ends as the final text", () => {
    const output = "Sison met Mehdi Amirouche. [2] Then she spoke about MINURSO [3].\n\nShe supports the envoy [1].";
    for (const size of [1, 2, 5, 13, 100]) {
      const { shown, result } = run(output, size);
      expect(result.text).toBe("Sison met Mehdi Amirouche. [1] Then she spoke about MINURSO [2].\n\nShe supports the envoy [3].");
      for (const [i, text] of shown.entries()) {
        expect(result.text.startsWith(text)).toBe(true);
        if (i > 0) expect(text.length).toBeGreaterThan(shown[i - 1]?.length ?? 0);
      }
      if (size === 1) expect(shown[0]).toBe("Sison met Mehdi Amirouche. [1]");
    }
  });

  it("does not end a sentence at an end mark inside a quote, after initials, or before lower case", () => {
    const passages = ["He said: It matters. We act. Then he left."];
    const { result } = run("He said “It matters. We act.” and left [1]. The U.S. envoy agreed e.g. today [1].", 4, passages);
    expect(result.dropped).toEqual([]);
    expect(result.text).toBe("He said “It matters. We act.” and left [1]. The U.S. envoy agreed e.g. today [1].");
  });

  it("finds quotes of every supported kind", () => {
    expect(quotesIn(`a “one” b «two» c „three“ d "four" e "" f “unclosed`)).toEqual(["one", "two", "three", "four", "unclosed"]);
    // Found by a review: these went unchecked, so a made-up quote in them was shown.
    expect(quotesIn("a »one« b ‘two’ c ‹three› d 「four」 e ”five“ f Algeria’s")).toEqual(["one", "two", "three", "four", "five"]);
    const { result } = run("She met Mehdi Amirouche [2]. She said »the United States will cut all aid to Algeria« [3].");
    expect(result.text).toBe("She met Mehdi Amirouche [1].");
  });

  it("cuts sentences only once it knows they are complete", () => {
    expect(nextBoundary("One [1]. Two", 0, false)).toEqual({ end: 8, next: 9, separator: " " });
    expect(nextBoundary("One [1]. ", 0, false)).toBeUndefined();
    expect(nextBoundary("One. [", 0, false)).toBeUndefined();
    expect(nextBoundary("One. [1", 0, false)).toBeUndefined();
    expect(nextBoundary("One\n\nTwo", 0, false)).toEqual({ end: 3, next: 5, separator: "\n\n" });
    expect(nextBoundary("One [1]", 0, true)).toEqual({ end: 7, next: 7, separator: " " });
  });
});
