/**
 * Secrets never reach a log line, in whatever form a line carries them: as given, JSON-escaped (pino writes
 * JSON, so a `"` or `\` in a key comes out escaped) or percent-encoded (a key in a URL's query string).
 */
import { describe, expect, it } from "vitest";
import { capturingLogger } from "./helpers.js";

const SECRETS = ['sk-live+a/b="c"\\d=', "7730861441:AAE-abc_def+ghi/jkl="];

describe("the logger's redaction", () => {
  it.each(SECRETS)("removes %s as given, JSON-escaped and percent-encoded, from messages, fields and errors", (secret) => {
    const { logger, lines } = capturingLogger("debug", [secret]);
    const url = `https://api.example.test/v1/call?key=${encodeURIComponent(secret)}&x=1`;
    logger.info({ url, header: `Bearer ${secret}` }, `calling with ${secret}`);
    logger.error({ err: new Error(`request to ${url} failed: "${secret}" refused`) }, "failed");
    expect(lines).toHaveLength(2);
    const all = lines.join("");
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) expect(all).not.toContain(form);
    expect(all).toContain("[REDACTED]");
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
