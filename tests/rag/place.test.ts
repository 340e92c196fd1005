import { describe, expect, it } from "vitest";
import { englishDate, englishPlace } from "../../src/rag/place.js";

describe("englishDate", () => {
  it("writes a time stamp's date as English writes it in a label", () => {
    expect([englishDate("2023-01-23"), englishDate("2022-12")]).toEqual(["23 Jan 2023", "Dec 2022"]);
    // Its own month names, not ICU's, which differ between versions ("Sept"), while labels are kept in the index.
    expect(englishDate("2023-09-04")).toBe("4 Sep 2023");
  });
});

describe("englishPlace", () => {
  it("labels a headline, a paragraph and a tweet", () => {
    expect(englishPlace({ kind: "headline" })).toBe("headline");
    expect([englishPlace({ kind: "paragraph", paragraph: 7 }), englishPlace({ kind: "paragraph" })]).toEqual(["paragraph 7", "paragraph"]);
    expect(englishPlace({ kind: "tweet", author: "State_IO", date: "2023-01-23" })).toBe("tweet by @State_IO, 23 Jan 2023");
    expect([englishPlace({ kind: "tweet", date: "2022-12" }), englishPlace({ kind: "tweet" })]).toEqual(["tweet, Dec 2022", "tweet"]);
  });
});
