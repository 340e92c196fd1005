import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, describeError } from "../src/logger.js";

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

/** A stream that says it is a terminal, as process.stderr does when a person runs the console chat. */
function fakeTerminal(): { stream: NodeJS.WritableStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY: true, write: (chunk: string | Uint8Array) => (written.push(String(chunk)), true) };
  return { stream: stream as unknown as NodeJS.WritableStream, written };
}

/** A pipe-like stream (no isTTY), as the tests, systemd, docker and CI give. */
function fakePipe(): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (written.push(chunk.toString()), done()) });
  return { stream, written };
}

/** An error as the index reports one: a code, a cause, and stacks a person at a terminal must not see. */
function damaged(): Error {
  const cause = new Error("exact.index does not match the manifest's checksum");
  return Object.assign(new Error("the index in index is damaged", { cause }), { name: "IndexError", code: "corrupt" });
}

describe("createLogger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one readable line per event to a terminal: level, message, fields, the error's message, no stack", () => {
    const { stream, written } = fakeTerminal();
    const logger = createLogger({ level: "debug", secrets: [], destination: stream });
    logger.warn({ err: damaged(), indexDir: "index" }, "index damaged; rebuilding it from the seeds");
    logger.child({ bot: "telegram" }).error({ retryInSeconds: 5, reason: "a b" }, "bot failed to start");
    logger.info("ready");
    logger.debug({ err: "a string reason", update: { id: 7, stack: "at x" } }, "two\n  lines");
    expect(written).toEqual([
      "WARN  index damaged; rebuilding it from the seeds (indexDir=index, code=corrupt, err: the index in index is damaged: exact.index does not match the manifest's checksum)\n",
      'ERROR bot failed to start (bot=telegram, retryInSeconds=5, reason="a b")\n',
      "INFO  ready\n",
      'DEBUG two lines (update={"id":7}, err: a string reason)\n',
    ]);
    expect(written.join("")).not.toMatch(/stack|\bat /);
  });

  it("keeps a terminal from control characters in what it logs (a server's or a user's ESC sequences)", () => {
    const { stream, written } = fakeTerminal();
    createLogger({ level: "info", secrets: [], destination: stream }).warn({ user: "\u001b[2Jx" }, "name\u001b[31m red");
    expect(written).toEqual(["WARN  name\\u001b[31m red (user=\\u001b[2Jx)\n"]);
  });

  it("redacts on a terminal every secret it redacts in JSON, in every form (as given, JSON-escaped, in a URL)", () => {
    const secrets = ["sk-secret-KEY-1234567890", 'pa"ss\\word-42', "tok/en+with space"];
    const log = (logger: ReturnType<typeof createLogger>): void => {
      const cause = new Error(`401 Incorrect API key provided: ${secrets[0]}`);
      logger.error({ err: new Error(`cannot embed with key ${secrets[0]}`, { cause }), url: `redis://u:${encodeURIComponent(secrets[2] ?? "")}@h:6379` }, `login with ${secrets[1]} failed`);
      logger.warn({ [`key-${secrets[1]}`]: secrets[2], nested: { token: secrets[0] } }, "x");
    };
    const terminal = fakeTerminal();
    const pipe = fakePipe();
    log(createLogger({ level: "info", secrets, destination: terminal.stream }));
    log(createLogger({ level: "info", secrets, destination: pipe.stream }));
    for (const out of [terminal.written.join(""), pipe.written.join("")]) {
      for (const secret of secrets) for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) expect(out).not.toContain(form);
    }
    expect(terminal.written).toEqual([
      "ERROR login with [REDACTED] failed (url=redis://u:[REDACTED]@h:6379, err: cannot embed with key [REDACTED]: 401 Incorrect API key provided: [REDACTED])\n",
      'WARN  x (key-[REDACTED]=[REDACTED], nested={"token":"[REDACTED]"})\n',
    ]);
  });

  it("writes the same JSON as ever where no terminal is: a pipe, or a terminal when told not to", () => {
    vi.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    const pipe = fakePipe();
    const terminal = fakeTerminal();
    for (const logger of [createLogger({ level: "info", secrets: ["s3cret-value"], destination: pipe.stream }), createLogger({ level: "info", secrets: ["s3cret-value"], destination: terminal.stream, human: false })]) {
      logger.warn({ indexDir: "index", key: "s3cret-value" }, "index damaged");
      logger.error({ err: damaged() }, "failed");
    }
    for (const written of [pipe.written, terminal.written]) {
      expect(written[0]).toBe('{"level":40,"time":1700000000000,"indexDir":"index","key":"[REDACTED]","msg":"index damaged"}\n');
      const line = JSON.parse(written[1] ?? "") as { err: { message: string; code: string; stack: string } };
      expect(line.err).toMatchObject({ message: "the index in index is damaged: exact.index does not match the manifest's checksum", code: "corrupt" });
      expect(line.err.stack).toContain("caused by: Error: exact.index");
    }
    expect(terminal.written).toEqual(pipe.written);
  });

  it("decides by process.stderr.isTTY when writing to stderr", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const wasTTY = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
    try {
      for (const isTTY of [true, false]) {
        Object.defineProperty(process.stderr, "isTTY", { value: isTTY, configurable: true, writable: true });
        createLogger({ level: "info", secrets: [] }).warn("disk full");
      }
    } finally {
      if (wasTTY) Object.defineProperty(process.stderr, "isTTY", wasTTY);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    expect(written[0]).toBe("WARN  disk full\n");
    expect(JSON.parse(written[1] ?? "")).toMatchObject({ level: 40, msg: "disk full" });
  });
});
