import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passageWindow } from "../../../src/bots/render/window.js";

const within = (limit: number) => (shown: string): boolean => shown.length <= limit;
/** The window's text without its "…" marks. */
const inner = (shown: string): string => shown.replace(/^… /u, "").replace(/ …$/u, "");

describe("passageWindow", () => {
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
  const text = words.join(" ");
  const quote = "word200 word201 word202";
  const focus = { from: text.indexOf(quote), to: text.indexOf(quote) + quote.length };

  it("shows the whole passage when it fits", () => {
    expect(passageWindow(`  ${quote}\n`, { from: 2, to: 2 + quote.length }, within(100))).toBe(quote);
  });

  it("shows a window around the quote, cut at spaces and marked where it cuts, as wide as fits", () => {
    const shown = passageWindow(text, focus, within(300));
    expect(shown).toContain(quote);
    expect(shown.startsWith("… word")).toBe(true);
    expect(shown.endsWith(" …")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(300);
    expect(shown.length).toBeGreaterThan(280);
    expect(text).toContain(inner(shown));
    // Centred: about as much before the quote as after it.
    const [before = "", after = ""] = inner(shown).split(quote);
    expect(Math.abs(before.length - after.length)).toBeLessThan(20);
  });

  it("gives the room a side lacks to the other: a quote at the end is shown with what comes before it", () => {
    const last = "word398 word399";
    const shown = passageWindow(text, { from: text.length - last.length, to: text.length }, within(200));
    expect(shown.endsWith(last)).toBe(true);
    expect(shown.length).toBeGreaterThan(180);
    expect(passageWindow(text, undefined, within(200)).startsWith("word0 word1")).toBe(true);
  });

  it("shows a quote longer than a message from its start", () => {
    const shown = passageWindow(text, { from: 0, to: text.length }, within(100));
    expect(shown.startsWith("word0 ")).toBe(true);
    expect(shown.endsWith(" …")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(100);
  });

  it("measures the quote as it is sent when a mark, not a space, follows it (« … »), so it never goes over", () => {
    for (const k of [150, 176, 180]) {
      const quote = `${"مجلس الأمن ".repeat(k)}سيجتمع غدا في نيويورك.`;
      const text = `«${quote}» وأضاف المسؤول أن الاجتماع مهم.`;
      const shown = passageWindow(text, { from: 1, to: 1 + quote.length }, within(2000));
      expect(shown.length, String(k)).toBeLessThanOrEqual(2000);
      expect(text).toContain(inner(shown));
    }
    // A focus that starts on a space.
    expect(passageWindow("aaaa bbbb cccc dddd eeee ffff gggg", { from: 4, to: 14 }, within(12)).length).toBeLessThanOrEqual(12);
  });

  it("with no space to cut at, cuts between characters as a reader sees them (a flag, a letter with its marks)", () => {
    for (const [unit, size] of [["🇩🇿", 4], ["بِّ", 3]] as const) {
      const passage = unit.repeat(300);
      for (let limit = 20; limit <= 40; limit += 1) {
        const shown = passageWindow(passage, { from: 40 * size, to: 42 * size }, within(limit));
        expect(shown.length, `${unit} ${limit}`).toBeLessThanOrEqual(limit);
        expect(inner(shown).length % size, `${unit} ${limit}: ${shown}`).toBe(0);
        expect(inner(shown)).toContain(unit.repeat(2));
      }
    }
  });

  it("always fits, slices the passage, and holds the quote when the quote fits", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 2000 }), fc.nat(), fc.nat({ max: 60 }), fc.integer({ min: 80, max: 600 }), (passage, at, size, limit) => {
        const from = at % passage.length;
        const to = Math.min(passage.length, from + size);
        const shown = passageWindow(passage, { from, to }, within(limit));
        expect(shown.length).toBeLessThanOrEqual(limit);
        expect(passage).toContain(inner(shown));
        expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
        const held = passage.slice(from, to).trim();
        if (held.length + 4 <= limit) expect(shown).toContain(held);
      }),
      { numRuns: 200 },
    );
  });
});
