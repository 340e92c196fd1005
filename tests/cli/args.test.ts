/**
 * readOptions, the command-line reading that ask, eval, index, report, bench, bench:xquad and soak share: what it refuses, and the
 * words it names the argument in (a short option as typed, since Node's own messages do not work through npm).
 */
import { describe, expect, it } from "vitest";
import { positiveWhole, readOptions } from "../../src/cli/args.js";

const OPTIONS = { json: { type: "boolean" }, help: { type: "boolean", short: "h" }, days: { type: "string" } } as const;

describe("readOptions", () => {
  it("reads on/off options, an option's value given apart or inline, and positionals", () => {
    expect(readOptions([], OPTIONS)).toEqual({ values: {}, positionals: [] });
    expect(readOptions(["--json", "-h", "--days", "7"], OPTIONS)).toEqual({ values: { json: true, help: true, days: "7" }, positionals: [] });
    expect(readOptions(["--days=7"], OPTIONS)).toEqual({ values: { days: "7" }, positionals: [] });
    // A value beginning with one "-" is a value, for the command to judge; an empty inline one too.
    expect(readOptions(["--days", "-5"], OPTIONS)).toEqual({ values: { days: "-5" }, positionals: [] });
    expect(readOptions(["--days="], OPTIONS)).toEqual({ values: { days: "" }, positionals: [] });
    expect(readOptions(["a", "--json", "b"], OPTIONS)).toEqual({ values: { json: true }, positionals: ["a", "b"] });
    // After a lone "--", everything is a positional, "-5" included.
    expect(readOptions(["--", "-5", "--json"], OPTIONS)).toEqual({ values: {}, positionals: ["-5", "--json"] });
  });

  it("reads a value option given several times as the list of its values", () => {
    const options = { "add-seeds": { type: "string", multiple: true }, json: { type: "boolean" } } as const;
    expect(readOptions(["q.jsonl", "--add-seeds", "a", "--add-seeds=b", "--json"], options)).toEqual({ values: { "add-seeds": ["a", "b"], json: true }, positionals: ["q.jsonl"] });
    expect(readOptions(["--add-seeds", "a", "--add-seeds"], options)).toMatchObject({ code: "needs-value", argument: "--add-seeds" });
  });

  it.each([
    [["--bogus"], "unknown-option", "--bogus", "unknown option --bogus"],
    // A long option by its name, without the value typed after "=".
    [["--bogus=1"], "unknown-option", "--bogus=1", "unknown option --bogus"],
    [["-x"], "unknown-option", "-x", "unknown option -x"],
    [["-5"], "unknown-option", "-5", "unknown option -5"],
    // "-hx" is "-h -x": the unknown "-x" is named as typed.
    [["-hx"], "unknown-option", "-hx", "unknown option -hx"],
    // The first thing wrong, in order.
    [["--json", "--bogus", "--days"], "unknown-option", "--bogus", "unknown option --bogus"],
    [["--json=1"], "takes-no-value", "--json=1", "--json takes no value"],
    [["--json="], "takes-no-value", "--json=", "--json takes no value"],
    [["--days"], "needs-value", "--days", "--days needs a value"],
    [["--days", "--json"], "needs-value", "--days", "--days needs a value"],
  ])("refuses %j (%s)", (args, code, argument, error) => {
    expect(readOptions(args, OPTIONS)).toEqual({ error, code, argument });
  });

  it("refuses positionals, with the command's words after the argument, when asked to", () => {
    const onlyOptions = { refusePositionals: "the report takes only options" };
    expect(readOptions(["--json", "7"], OPTIONS, onlyOptions)).toEqual({
      error: 'unexpected argument "7": the report takes only options',
      code: "unexpected-argument",
      argument: "7",
    });
    expect(readOptions(["--", "-5"], OPTIONS, onlyOptions)).toMatchObject({ error: 'unexpected argument "-5": the report takes only options' });
    expect(readOptions(["--days=7", "--json"], OPTIONS, onlyOptions)).toEqual({ values: { days: "7", json: true }, positionals: [] });
  });
});

describe("positiveWhole", () => {
  it("takes digits only, from 1 to the bound", () => {
    expect(["7", "1", "0010"].map((t) => positiveWhole(t))).toEqual([7, 1, 10]);
    for (const text of ["0", "-5", "1e3", "0x10", " 7", "7.5", ""]) expect(positiveWhole(text), text).toBeUndefined();
    expect(positiveWhole("2147483648", 2_147_483_647)).toBeUndefined();
  });
});
