import { describe, expect, it } from "vitest";
import { messages, sourceOf } from "../../src/bots/messages.js";
import { renderNotice } from "../../src/bots/render/plain.js";

const ar = messages("ar");
const en = messages("en");

/** The rate-limit notice as the user sees it after `retryAfterMs`. */
const notice = (language: "en" | "ar", retryAfterMs: number): string => renderNotice({ code: "rate-limited", language, retryAfterMs });

describe("the rate-limit notice", () => {
  it.each([
    [1, "ثانية واحدة"],
    [2, "ثانيتين"],
    [3, "3 ثوانٍ"],
    [10, "10 ثوانٍ"],
    [11, "11 ثانيةً"],
    [30, "30 ثانيةً"],
    [99, "99 ثانيةً"],
    [100, "100 ثانية"],
    [101, "101 ثانية"],
    // The dual after 2 only: 102 takes the singular, as 100 does (CLDR's "other", the rule the letters follow).
    [102, "102 ثانية"],
    [103, "103 ثوانٍ"],
    [111, "111 ثانيةً"],
  ])("counts the seconds in Arabic as %i needs: %s", (seconds, counted) => {
    expect(ar.rateLimited(seconds)).toBe(`أسئلتك أسرع مما أستطيع مجاراته. انتظر ${counted} ثم اسأل مجدداً.`);
  });

  it("counts seconds in English: 1 second, 2 seconds", () => {
    expect(en.rateLimited(1)).toBe("You're asking faster than I can keep up. Please wait 1 second and ask again.");
    expect(en.rateLimited(2)).toBe("You're asking faster than I can keep up. Please wait 2 seconds and ask again.");
    expect(en.rateLimited(60)).toContain("Please wait 60 seconds and ask again.");
  });

  it("rounds the wait up to whole seconds, and never says 0", () => {
    expect(notice("en", 0)).toBe(en.rateLimited(1));
    expect(notice("en", 1)).toBe(en.rateLimited(1));
    expect(notice("en", 1000)).toBe(en.rateLimited(1));
    expect(notice("en", 1001)).toBe(en.rateLimited(2));
    expect(notice("ar", 2500)).toContain("انتظر 3 ثوانٍ ");
    expect(notice("ar", 10_001)).toContain("انتظر 11 ثانيةً ");
  });
});

describe("the too-long notice", () => {
  it.each([
    [1, "حرف واحد"],
    [2, "حرفين"],
    [3, "3 أحرف"],
    [10, "10 أحرف"],
    [11, "11 حرفاً"],
    [99, "99 حرفاً"],
    [100, "100 حرف"],
    [102, "102 حرف"],
    [103, "103 أحرف"],
    [111, "111 حرفاً"],
    [500, "500 حرف"],
  ])("counts the letters in Arabic as %i needs (one and two by the noun alone): %s", (limit, counted) => {
    expect(ar.tooLong(limit)).toBe(`السؤال طويل جداً. من فضلك لا تتجاوز ${counted}.`);
  });
});

describe("where a quote comes from (found by a review: Arabic answers said \"paragraph 13\", \"tweet by …\")", () => {
  const tweet = { source: "seeds/a.txt", place: { kind: "tweet" as const, author: "State_IO", date: "2023-01-23" } };
  it("is worded in the answer's language, the date too", () => {
    expect(sourceOf(tweet, "en")).toBe("seeds/a.txt, tweet by @State_IO, 23 Jan 2023");
    expect(sourceOf(tweet, "ar")).toBe("seeds/a.txt، تغريدة \u200E@State_IO، 23 يناير 2023");
    expect(sourceOf({ source: "seeds/a.txt", place: { kind: "paragraph", paragraph: 13 } }, "ar")).toBe("seeds/a.txt، الفقرة 13");
  });

  it("says what it knows of a tweet without an author or a day, and names a headline", () => {
    expect([en, ar].map((m) => m.place({ kind: "tweet", date: "2022-12" }))).toEqual(["tweet, Dec 2022", "تغريدة، ديسمبر 2022"]);
    expect([en, ar].map((m) => m.place({ kind: "tweet", date: "2023-09-04" }))).toEqual(["tweet, 4 Sep 2023", "تغريدة، 4 سبتمبر 2023"]);
    expect([en, ar].map((m) => m.place({ kind: "headline" }))).toEqual(["headline", "العنوان"]);
    // Not a tweet's (found by a review).
    expect([en, ar].map((m) => m.place({ kind: "keywords" }))).toEqual(["keywords", "الكلمات المفتاحية"]);
  });

  it("names the passage a button opens by its kind", () => {
    expect([en.showPassage(2, "tweet"), ar.showPassage(2, "tweet"), ar.showPassage(1, "headline")]).toEqual(["Show tweet [2]", "اعرض التغريدة [2]", "اعرض العنوان [1]"]);
    expect([en.showPassage(1, "keywords"), ar.showPassage(1, "keywords")]).toEqual(["Show keywords [1]", "اعرض الكلمات المفتاحية [1]"]);
  });
});
