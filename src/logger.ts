/**
 * Structured logs (pino) on stderr, so stdout stays free for the console chat and `ask --json`.
 * Every secret value is redacted from every line, wherever it appears (URLs, error messages, stacks).
 */
import { pino } from "pino";
import type { LogLevel } from "./config.js";

/** The logging surface the core and the adapters use; pino's Logger satisfies it. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

const REDACTED = "[REDACTED]";

/** A cause's words kept at most: a server's error page or a library's troubleshooting text is not for a person. */
const MAX_CAUSE_CHARS = 200;

/**
 * An error's message for a person, with the first line of its cause's (one level: "cannot write the index to
 * index (ENOSPC: no space left on device)"), no stack, and every secret redacted (a server may echo the key it
 * refused): for what a failure that is no bug says on stderr, where no logger redacts.
 */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  if (!(error instanceof Error)) return redact(String(error), secrets);
  // Redacted before it is cut: a secret across the cut would no longer match whole.
  const causeText = error.cause instanceof Error ? redact(error.cause.message, secrets) : "";
  const line = causeText.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  const cause = line.length > MAX_CAUSE_CHARS ? `${line.slice(0, MAX_CAUSE_CHARS)}…` : line;
  return redact(cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message, secrets);
}

/**
 * Replaces every occurrence of every secret in `line`, in each form a JSON log line can carry it: as given,
 * JSON-escaped (a `"` or `\` in a key) and percent-encoded (a key in a URL's query string).
 */
export function redact(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(REDACTED);
  }
  return out;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly secrets: readonly string[];
  /** Where lines go; stderr by default. Tests pass a collecting stream. */
  readonly destination?: NodeJS.WritableStream;
}

/** A pino logger writing JSON lines to stderr (or `destination`), with every secret redacted. */
export function createLogger({ level, secrets, destination }: LoggerOptions): Logger {
  const stream = destination ?? process.stderr;
  return pino(
    {
      level,
      base: null,
      hooks: { streamWrite: (line: string) => redact(line, secrets) },
    },
    { write: (line: string) => stream.write(line) },
  );
}

/** A logger that drops everything, for tests and tools that print nothing. */
export const silentLogger: Logger = pino({ level: "silent" });
