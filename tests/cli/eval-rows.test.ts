/**
 * The rows of a questions file for `npm run eval`, read without a process: what each format keeps of a row, and the
 * message (file, line, what is wrong) of each kind of line that is not a row.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuestionsFileError, readRows, type Rows } from "../../src/cli/eval-rows.js";

let dir: string;
let files = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "eval-rows-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A questions file holding `text` as it is (line ends, byte-order mark and all); its path. */
function file(text: string): string {
  files += 1;
  const path = join(dir, `q${files}.jsonl`);
  writeFileSync(path, text);
  return path;
}

/** A file of one JSON line per value. */
const jsonl = (...values: unknown[]): string => file(`${values.map((v) => JSON.stringify(v)).join("\n")}\n`);

/** The rows of `path` under the default limit of 500 characters a question. */
const rowsOf = (path: string): Rows => readRows(path).checked(500);

/** The QuestionsFileError that reading and checking `path` under `limit` throws; fails the test when none is. */
function errorOf(path: string, limit = 500): QuestionsFileError {
  try {
    readRows(path).checked(limit);
  } catch (error) {
    if (error instanceof QuestionsFileError) return error;
    throw error;
  }
  throw new Error(`${path} was read without an error`);
}

const QUESTION = { id: "q1", lang: "en", question: "Who is Michele Sison?", evidence: ["Sison"], answerable: true };
const SPAN = { id: "x1", lang: "ar", question: "من هو المبعوث؟", answerable: true, source: "seeds/a.txt", start: 12, end: 30, pstart: 0, pend: 80 };
const CONVERSATION = { id: "c1", lang: "en", turns: [{ question: "Who is Michele Sison?" }, { question: "And her role?", evidence: ["assistant secretary"] }] };

describe("readRows: the evidence format", () => {
  it("keeps each row's fields, and gives an unanswerable row that leaves out its evidence an empty list", () => {
    const unanswerable = { id: "q2", lang: "ar", question: "ما هو سعر النفط اليوم؟", answerable: false };
    expect(rowsOf(jsonl(QUESTION, unanswerable))).toStrictEqual({
      kind: "questions",
      rows: [QUESTION, { ...unanswerable, evidence: [] }],
    });
  });

  it("reads a file saved on Windows: a byte-order mark, CRLF line ends and blank lines are no part of the rows", () => {
    const path = file(`\uFEFF${JSON.stringify(QUESTION)}\r\n\r\n   \r\n${JSON.stringify({ ...QUESTION, id: "q2" })}\r\n`);
    expect(rowsOf(path)).toStrictEqual({ kind: "questions", rows: [QUESTION, { ...QUESTION, id: "q2" }] });
  });

  it("reads a file with no rows as no questions", () => {
    expect(rowsOf(file("\n\n"))).toStrictEqual({ kind: "questions", rows: [] });
  });
});

describe("readRows: the span format", () => {
  it("keeps the source and the offsets of the answer and its paragraph, next to an unanswerable row without them", () => {
    const unanswerable = { id: "x2", lang: "en", question: "What is the capital of France?", answerable: false };
    expect(rowsOf(jsonl(SPAN, unanswerable))).toStrictEqual({
      kind: "questions",
      rows: [
        { ...SPAN, evidence: [] },
        { ...unanswerable, evidence: [] },
      ],
    });
  });

  it("refuses an offset that is not a number, and a source that is not text", () => {
    expect(errorOf(jsonl({ ...SPAN, start: "12" })).message).toMatch(/:1: "start" must be a number$/u);
    expect(errorOf(jsonl({ ...SPAN, pend: null })).message).toMatch(/:1: "pend" must be a number$/u);
    expect(errorOf(jsonl({ ...SPAN, source: 7 })).message).toMatch(/:1: "source" must be text$/u);
  });

  // Wrong as it stands: an answerable row that gives "start" and "end" but no "source" is read, and scoreSpans then
  // compares each citation's source with undefined, so the row is a miss whatever the engine cites. The module says
  // a line with "a field missing" is refused rather than "scored as something it is not"; the span fields go
  // together. Marked as failing until readRows refuses such a row.
  it("refuses an answerable span row that leaves out its source (it could never be hit)", () => {
    const { source: _source, ...withoutSource } = SPAN;
    const path = jsonl(withoutSource);
    expect(errorOf(path).message).toMatch(new RegExp(`^${escape(path)}:1: .*"source"`, "u"));
  });

  it("refuses an answerable span row that places its answer without its bounds, and says which is missing", () => {
    const { end: _end, ...withoutEnd } = SPAN;
    expect(errorOf(jsonl(withoutEnd)).message).toMatch(/:1: "end" is missing \(a span row gives source, start and end\)$/u);
  });

  it("says why a questions file cannot be read, naming it, instead of a bare system error", () => {
    expect(() => readRows("/nonexistent/questions.jsonl")).toThrow(new QuestionsFileError("cannot read the questions file /nonexistent/questions.jsonl (no such file)"));
    expect(() => readRows(tmpdir())).toThrow(/cannot read the questions file .* \(it is a folder\)$/u);
  });
});

describe("readRows: conversations", () => {
  it("keeps each turn's question, and its evidence and answerable only where the turn gives them", () => {
    const declined = { id: "c2", lang: "ar", turns: [{ question: "من هي ميشال سيسون؟" }, { question: "وما سعر النفط؟", answerable: false }] };
    expect(rowsOf(jsonl(CONVERSATION, declined))).toStrictEqual({ kind: "conversations", rows: [CONVERSATION, declined] });
  });

  it("names the turn that is wrong, counting turns from 1", () => {
    const turns = (...t: unknown[]) => jsonl({ ...CONVERSATION, turns: t });
    expect(errorOf(turns({ question: "Who?" }, "And her role?")).message).toMatch(/:1: turn 2: not a JSON object$/u);
    expect(errorOf(turns({ question: "Who?" }, { evidence: ["x"] })).message).toMatch(/:1: turn 2: "question" is missing$/u);
    expect(errorOf(turns({ question: "Who?", evidence: "x" })).message).toMatch(/:1: turn 1: "evidence" must be a list of text$/u);
    expect(errorOf(turns({ question: "Who?", answerable: "no" })).message).toMatch(/:1: turn 1: "answerable" must be true or false$/u);
    expect(errorOf(turns({ question: " \n " })).message).toMatch(/:1: turn 1: "question": the question is empty$/u);
    expect(errorOf(jsonl({ ...CONVERSATION, turns: "Who?" })).message).toMatch(/:1: "turns" must be a list$/u);
  });
});

describe("readRows: lines that are not rows", () => {
  it("names the file and the line as an editor numbers it (blank lines counted), and keeps JSON's own error as the cause", () => {
    const path = file(`${JSON.stringify(QUESTION)}\n\n{ "id": "q2", \n`);
    const error = errorOf(path);
    expect(error.name).toBe("QuestionsFileError");
    expect(error.message.startsWith(`${path}:3: not JSON (`)).toBe(true);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("says what is wrong with a row of the evidence format", () => {
    const cases: [unknown, string][] = [
      [[QUESTION], "not a JSON object"],
      [null, "not a JSON object"],
      ["Who is Michele Sison?", "not a JSON object"],
      [{ ...QUESTION, id: undefined }, '"id" is missing'],
      [{ ...QUESTION, lang: 1 }, '"lang" must be text'],
      [{ ...QUESTION, question: undefined }, '"question" is missing'],
      [{ ...QUESTION, question: ["Who?"] }, '"question" must be text'],
      [{ ...QUESTION, question: "\t \t" }, '"question": the question is empty'],
      [{ ...QUESTION, answerable: undefined }, '"answerable" is missing'],
      [{ ...QUESTION, answerable: "true" }, '"answerable" must be true or false'],
      [{ ...QUESTION, evidence: "Sison" }, '"evidence" must be a list of text'],
      [{ ...QUESTION, evidence: ["Sison", 2] }, '"evidence" must be a list of text'],
    ];
    for (const [row, what] of cases) {
      const path = jsonl(row);
      expect(errorOf(path).message, what).toBe(`${path}:1: ${what}`);
    }
  });

  it("stops at the first line that is wrong", () => {
    const path = jsonl(QUESTION, { ...QUESTION, lang: 1 }, { ...QUESTION, id: 2 });
    expect(errorOf(path).message).toBe(`${path}:2: "lang" must be text`);
  });

  it("refuses a file that mixes conversations and questions, naming the line of the first row", () => {
    const conversationsFirst = file(`\n${JSON.stringify(CONVERSATION)}\n${JSON.stringify(QUESTION)}\n`);
    expect(errorOf(conversationsFirst).message).toBe(`${conversationsFirst}:3: "turns" is missing (line 2 is a conversation): one file holds one format`);
    const questionsFirst = jsonl(QUESTION, CONVERSATION);
    expect(errorOf(questionsFirst).message).toBe(`${questionsFirst}:2: "turns" among questions (line 1 is a question): one file holds one format`);
  });
});

describe("QuestionsFile.checked: question lengths against the configured limit", () => {
  // "Who is Michele Sison?" is 3 + 1 + 2 + 1 + 7 + 1 + 6 = 21 characters.
  it("accepts a question of exactly the limit and refuses one character more, naming the line and both lengths", () => {
    const path = jsonl({ ...QUESTION, question: "Who?" }, QUESTION);
    const read = readRows(path);
    expect(read.checked(21).kind).toBe("questions");
    expect(errorOf(path, 20).message).toBe(`${path}:2: "question": the question has 21 characters; the limit is 20`);
  });

  it("counts a question as the core reads it: runs of spaces as one, an emoji as one character", () => {
    // "Who?   \u{1F600} " is read as "Who? \u{1F600}": 4 + 1 + 1 = 6 characters (7 UTF-16 units).
    const path = jsonl({ ...QUESTION, question: "Who?   \u{1F600} " });
    expect(readRows(path).checked(6).kind).toBe("questions");
    expect(errorOf(path, 5).message).toBe(`${path}:1: "question": the question has 6 characters; the limit is 5`);
  });

  it("names the turn whose question is too long", () => {
    // "And her role?" is 3 + 1 + 3 + 1 + 5 = 13 characters; "Who?" (4) fits.
    const path = jsonl({ ...CONVERSATION, turns: [{ question: "Who?" }, { question: "And her role?" }] });
    expect(errorOf(path, 12).message).toBe(`${path}:1: turn 2: "question": the question has 13 characters; the limit is 12`);
    expect(readRows(path).checked(13).kind).toBe("conversations");
  });

  it("reads the file when it is opened, so that a malformed file is reported before any limit is known", () => {
    const path = file("{ not json\n");
    expect(() => readRows(path)).toThrow(QuestionsFileError);
  });
});

/** `text` as a literal inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
