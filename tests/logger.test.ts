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

  it("keeps only the first line of a cause, shortened, and redacts the secrets a server may echo", () => {
    const cause = new Error(`401 Incorrect API key provided: sk-secret-KEY-1234567890. You can find yours at …\n\nTroubleshooting URL: https://docs.example/x\n`);
    const said = describeError(new Error("cannot embed with m at 127.0.0.1:1", { cause }), ["sk-secret-KEY-1234567890"]);
    expect(said).toBe("cannot embed with m at 127.0.0.1:1 (401 Incorrect API key provided: [REDACTED]. You can find yours at …)");
    expect(describeError(new Error("x", { cause: new Error("y".repeat(500)) })).length).toBeLessThan(220);
    // A secret across the cut is redacted whole; a cause opening with a blank line keeps its first words.
    expect(describeError(new Error("top", { cause: new Error(`${"x".repeat(195)}sk-SECRET123 tail`) }), ["sk-SECRET123"])).not.toContain("sk-SE");
    expect(describeError(new Error("top", { cause: new Error("\nHTTP 401: refused") }))).toBe("top (HTTP 401: refused)");
  });
});
