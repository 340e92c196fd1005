import { describe, expect, it } from "vitest";
import { Interner } from "../../src/rag/intern.js";

describe("Interner", () => {
  it("numbers strings by first sight, the same string always the same number", () => {
    const interner = new Interner();
    expect(["مالي", "Mali", "مالي", "", "Mali"].map((s) => interner.id(s))).toEqual([0, 1, 0, 2, 1]);
    expect(interner.strings).toEqual(["مالي", "Mali", ""]);
  });
});
