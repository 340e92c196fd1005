import { describe, expect, it } from "vitest";
import { describeError } from "../src/logger.js";

describe("describeError", () => {
  it("says an error's message with its cause's, once, and no stack", () => {
    const cause = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(describeError(new Error("cannot write the index to index", { cause }))).toBe("cannot write the index to index (ENOSPC: no space left on device, write)");
    expect(describeError(new Error("cannot create the lock: EACCES", { cause: new Error("EACCES") }))).toBe("cannot create the lock: EACCES");
    expect(describeError(new Error("plain"))).toBe("plain");
    expect(describeError("a string")).toBe("a string");
  });
});
