import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { leavingOut, operatingCurve } from "../../scripts/fit-models.js";

describe("leavingOut (the fit's seeds with one article left out)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("leaves out that file alone, not another whose name ends with its name", () => {
    const dir = mkdtempSync(join(tmpdir(), "fit-leaving-out-"));
    dirs.push(dir);
    mkdirSync(join(dir, "seeds"));
    for (const name of ["01.txt", "101.txt", "02.txt"]) writeFileSync(join(dir, "seeds", name), name);
    const copy = join(dir, "copy");
    cpSync(join(dir, "seeds"), copy, { recursive: true, filter: leavingOut(dir, "seeds/01.txt") });
    expect(["01.txt", "101.txt", "02.txt"].filter((name) => existsSync(join(copy, name)))).toEqual(["101.txt", "02.txt"]);
  });
});

describe("operatingCurve", () => {
  it("reads the off-topic questions declined where the threshold refuses each share of the answerable ones", () => {
    // 100 answerable questions at p = 0.00 .. 0.99; off-topic ones at 0.005 (below every threshold but the first's)
    // and at 0.5 (declined only once the threshold refuses half the answerable, never within 20%).
    const answerable = Array.from({ length: 100 }, (_, i) => ({ p: i / 100, y: true }));
    const offTopic = [0.005, 0.005, 0.015, 0.5].map((p) => ({ p, y: false }));
    expect(operatingCurve([...answerable, ...offTopic])).toBe("off-topic declined 50% at 1%, 75% at 2%, 75% at 5%, 75% at 10%, 75% at 20% false declines");
  });
});
