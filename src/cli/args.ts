/**
 * The options of a command line, read with node:util's parseArgs but refused in our own words. Its strict mode's
 * messages do not work through npm: for "-5" it says to put it "after '--'", and npm takes that "--" for itself;
 * and it names a short option inside a group (-hx) by its letter alone.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/**
 * One option: on/off (`boolean`), or taking a value (`string`, as `--days 7` or `--days=7`); `multiple`, a value
 * option given any number of times (`--add-seeds A --add-seeds B`), read as the list of its values.
 */
export interface OptionSpec {
  readonly type: "boolean" | "string";
  readonly short?: string;
  readonly multiple?: boolean;
}

/** The options a command takes, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The options given: true for an on/off one, the text for one taking a value; absent when not given. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]?: O[K]["type"] extends "boolean" ? true : O[K]["multiple"] extends true ? readonly string[] : string;
};

/** A command line read: its options, and the arguments that are none (all of them after a lone `--`). */
export interface ReadOptions<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

/** The first thing wrong with a command line, in words that name the argument. */
export interface OptionsError {
  readonly error: string;
  readonly code: "unknown-option" | "takes-no-value" | "needs-value" | "unexpected-argument";
  /** The argument as typed ("-hx", "--jsno=1"), for a command that adds a hint of its own. */
  readonly argument: string;
}

/** How to read a command line. */
export interface ReadOptionsOptions {
  /**
   * Refuse any argument that is not an option, with this after its name ("npm run soak takes only options");
   * without it, such arguments are returned as positionals.
   */
  readonly refusePositionals?: string;
}

/**
 * `args` read against `options`, or the first thing wrong with them: an unknown option (a short one named as typed,
 * "-hx"), a value given to an on/off option (`--json=1`), an option that takes a value without one or followed by
 * another option (`--days --json`), or, with `refusePositionals`, an argument that is not an option.
 */
export function readOptions<O extends OptionSpecs>(args: readonly string[], options: O, { refusePositionals }: ReadOptionsOptions = {}): ReadOptions<O> | OptionsError {
  // Not strict: the loop below refuses what strict mode would, in our words rather than parseArgs's.
  const { values, positionals, tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === "positional" && refusePositionals !== undefined) {
      return { error: `unexpected argument ${JSON.stringify(token.value)}: ${refusePositionals}`, code: "unexpected-argument", argument: token.value };
    }
    if (token.kind !== "option") continue;
    const argument = args[token.index] ?? token.rawName;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    // A long option by its name alone ("--jsno", not "--jsno=1"); a short one as typed, since "-x" may stand in "-hx".
    if (!spec) return { error: `unknown option ${token.rawName.startsWith("--") ? token.rawName : argument}`, code: "unknown-option", argument };
    if (spec.type === "boolean" && token.inlineValue) return { error: `${token.rawName} takes no value`, code: "takes-no-value", argument };
    // "--days --json": the next option is no value ("--days -5" is one, for the command to judge).
    if (spec.type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("--")))) {
      return { error: `${token.rawName} needs a value`, code: "needs-value", argument };
    }
  }
  // What the loop let through is what OptionValues says: no unknown option, no text for an on/off one, no `true` for one taking a value.
  return { values: values as OptionValues<O>, positionals };
}

/**
 * `text` as a whole number from 1 to `max`, or undefined: digits only, since Number() would also take "1e3", "0x10"
 * and " 7".
 */
export function positiveWhole(text: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return /^\d+$/u.test(text) && Number(text) >= 1 && Number(text) <= max ? Number(text) : undefined;
}

/**
 * Runs `main` on the command line `read` makes of it, when the module at `url` is the script node was started with
 * (not when a test imports it for its reader): a usage error is said above the usage, exit 2; --help prints the usage.
 */
export async function runAsScript<A extends { readonly help: boolean }>(
  url: string,
  usage: string,
  read: (args: readonly string[]) => A | { readonly error: string },
  main: (args: A) => Promise<void>,
): Promise<void> {
  const entry = process.argv[1];
  if (entry === undefined || realpathSync(entry) !== fileURLToPath(url)) return;
  const args = read(process.argv.slice(2));
  if (saidUsage(args, usage) || "error" in args) return;
  await main(args);
}

/**
 * What a command line read asks before any work, said: a usage error above the usage on stderr (exit code 2), or the
 * usage alone on stdout for --help. True when it said something, and the command is to do nothing more.
 */
export function saidUsage(args: { readonly error: string } | { readonly help?: boolean }, usage: string): boolean {
  if ("error" in args) {
    process.stderr.write(`${args.error}\n${usage}\n`);
    process.exitCode = 2;
    return true;
  }
  if (args.help !== true) return false;
  process.stdout.write(`${usage}\n`);
  return true;
}
