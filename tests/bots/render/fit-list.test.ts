import { describe, expect, it } from "vitest";
import { fitList } from "../../../src/bots/render/fit-list.js";

const more = (count: number): string => `… +${count}`;

describe("fitList", () => {
  it("lists every item when all fit, with no count", () => {
    expect(fitList({ head: "h", line: (item) => item, items: ["a", "b"], more, tail: ["t"], limit: 7 })).toBe("h\na\nb\nt");
  });

  it("lists as many items as fit with the count of the rest, between the head and the tail", () => {
    expect(fitList({ head: "h", line: (item) => item, items: ["aa", "bb", "cc", "dd"], more, tail: ["t"], limit: 13 })).toBe("h\naa\n… +3\nt");
    expect(fitList({ head: "h", line: (item) => item, items: ["aa", "bb", "cc", "dd"], more, tail: ["t"], limit: 14 })).toBe("h\naa\nbb\n… +2\nt");
  });

  it("lists every item when they fit, though all but the last and the count of one would not", () => {
    // "h\na\nb" is 5 long; "h\na\n… +1" is 8.
    expect(fitList({ head: "h", line: (item) => item, items: ["a", "b"], more, tail: [], limit: 5 })).toBe("h\na\nb");
  });

  it("counts every item when none fits, and gives up when not even the count does", () => {
    expect(fitList({ head: "h", line: (item) => item, items: ["a long item"], more, tail: ["t"], limit: 8 })).toBe("h\n… +1\nt");
    expect(fitList({ head: "h", line: (item) => item, items: ["a long item"], more, tail: ["t"], limit: 7 })).toBeUndefined();
    expect(fitList({ head: "h", line: (item) => item, items: [], more, tail: ["t"], limit: 2 })).toBeUndefined();
  });
});
