/**
 * Structured logs (pino) on stderr, so stdout stays free for the console chat and `ask --json`: JSON lines for
 * machines (pipes, files, journald, CI), one readable line per event when stderr is a terminal.
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
  /**
   * One readable line per event (see {@link humanLine}) instead of JSON; by default when the destination is a
   * terminal (`isTTY`), so a person at the console reads words and anything piped or captured keeps JSON.
   */
  readonly human?: boolean;
}

/** A pino logger writing JSON lines to stderr (or `destination`), with every secret redacted. */
export function createLogger({ level, secrets, destination, human }: LoggerOptions): Logger {
  const stream = destination ?? process.stderr;
  const readable = human ?? (stream as { isTTY?: unknown }).isTTY === true;
  return pino(
    {
      level,
      base: null,
      hooks: { streamWrite: (line: string) => redact(line, secrets) },
    },
    // The human line is made from the JSON line once redacted, and redacted again: a value JSON escaped (a `"` in
    // a key) reads unescaped there, so it shows nothing the JSON line would not.
    { write: readable ? (line: string) => stream.write(redact(humanLine(line), secrets)) : (line: string) => stream.write(line) },
  );
}

const LEVEL_WORDS: Readonly<Record<number, string>> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
/** A field's words kept at most: an error page or a whole update in a field would bury the line. */
const MAX_VALUE_CHARS = 300;
/** Fields not said as key=value: pino's own (level and message lead the line; `err` is said last, in words). */
const UNREAD_KEYS = new Set(["level", "time", "msg", "pid", "hostname", "err"]);
/** Of a serialized error, what is said otherwise (message) or never (stack, what pino keeps for itself). */
const ERROR_SKIPPED_KEYS = new Set(["type", "message", "stack", "name", "raw", "aggregateErrors", "cause"]);

/**
 * Control characters shown as escapes: JSON kept a server's or a user's ESC sequences inert, parsed they would
 * drive the terminal (colours, cursor moves, a cleared screen).
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Collapses a value's lines into one and cuts it short. */
function oneLine(text: string): string {
  const line = text.replace(/\s*\n\s*/g, " ").trim();
  return line.length > MAX_VALUE_CHARS ? `${line.slice(0, MAX_VALUE_CHARS)}…` : line;
}

/** A field's value: bare when it is one plain word (a path, a code, a number), quoted or compact JSON otherwise. */
function fieldValue(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=,()]+$/.test(value) ? oneLine(value) : oneLine(JSON.stringify(value));
  return oneLine(JSON.stringify(value, (key, v: unknown) => (key === "stack" ? undefined : v)) ?? String(value));
}

/**
 * A JSON log line as one line for a person: level word, message, then the other fields as key=value and the
 * error's message (its cause's included, never a stack), e.g.
 * `WARN  index damaged; rebuilding it from the seeds (indexDir=index, code=corrupt, err: exact.index does not match …)`.
 * A line that is not JSON (redaction can only break it in theory) is passed on as it is: never lost.
 */
function humanLine(jsonLine: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(jsonLine);
  } catch {
    return jsonLine;
  }
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return jsonLine;
  const record = entry as Record<string, unknown>;
  const level = typeof record["level"] === "number" ? (LEVEL_WORDS[record["level"]] ?? `L${record["level"]}`) : "LOG";
  const details: string[] = [];
  for (const [key, value] of Object.entries(record)) if (!UNREAD_KEYS.has(key) && value !== undefined) details.push(`${key}=${fieldValue(value)}`);
  const err = record["err"];
  if (typeof err === "object" && err !== null && !Array.isArray(err)) {
    const fields = err as Record<string, unknown>;
    // Its code and the like, said once: a field of the same name on the line wins.
    for (const [key, value] of Object.entries(fields)) {
      if (!ERROR_SKIPPED_KEYS.has(key) && !(key in record) && (typeof value !== "object" || value === null)) details.push(`${key}=${fieldValue(value)}`);
    }
    details.push(`err: ${typeof fields["message"] === "string" ? oneLine(fields["message"]) : fieldValue(err)}`);
  } else if (err !== undefined) {
    details.push(`err: ${typeof err === "string" ? oneLine(err) : fieldValue(err)}`);
  }
  const msg = typeof record["msg"] === "string" ? oneLine(record["msg"]) : "";
  const text = [msg, details.length > 0 ? `(${details.join(", ")})` : ""].filter(Boolean).join(" ");
  return `${level.padEnd(5)} ${printable(text)}\n`;
}

/** A logger that drops everything, for tests and tools that print nothing. */
export const silentLogger: Logger = pino({ level: "silent" });
