import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { leavingOut } from "../../scripts/fit-models.js";

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
