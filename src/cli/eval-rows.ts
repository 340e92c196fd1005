/**
 * The rows of a questions file for `npm run eval`, read and checked line by line: conversations (`"turns"`), or
 * single questions in the evidence or the span format. A line that is not a row is a QuestionsFileError naming the
 * file and the line, not a cast that fails in the middle of a run or scores a row as something it is not.
 */
import { readFileSync } from "node:fs";
import { cleanQuestion, QuestionError } from "../rag/index.js";
import type { EvalRow, SpanRow } from "./metrics.js";

export interface Turn {
  readonly question: string;
  readonly evidence?: readonly string[];
  readonly answerable?: boolean;
}

export interface ConversationRow {
  readonly id: string;
  readonly lang: string;
  readonly turns: readonly Turn[];
}

/** A question of the evidence or the span format (a file of either may leave out the other's fields). */
export type QuestionRow = EvalRow & SpanRow;

/** The rows of a questions file: conversations, or single questions (evidence or span format). */
export type Rows = { readonly kind: "conversations"; readonly rows: readonly ConversationRow[] } | { readonly kind: "questions"; readonly rows: readonly QuestionRow[] };

/** A questions file read and checked as far as it can be without the configuration (see {@link readRows}). */
export interface QuestionsFile {
  /**
   * The rows, once no question is longer than `maxQuestionChars` (MAX_QUESTION_CHARS), else a QuestionsFileError
   * at the first that is: the one check that needs the configuration, made once it is read. The rows are had only
   * through it, so that it cannot be left out.
   */
  readonly checked: (maxQuestionChars: number) => Rows;
}

/** A questions file that is not one of the formats; the message names the file, the line and what is wrong. */
export class QuestionsFileError extends Error {
  override readonly name = "QuestionsFileError";
}

/**
 * The rows of the questions file `file`. Throws QuestionsFileError at the first line that is not a row (not JSON,
 * a field missing or of another type, a blank question, which the core would refuse to read) or not of the format
 * of the file's first row: cast unchecked, such a line would fail in the middle of a run, or be scored as something
 * it is not. The length of the questions, which depends on the configuration, is checked by `checked`: so
 * `npm run eval` reports a malformed file before it reads the configuration, whatever that holds.
 */
export function readRows(file: string): QuestionsFile {
  const conversations: ConversationRow[] = [];
  const questions: QuestionRow[] = [];
  const placed: PlacedQuestion[] = [];
  let first: { readonly kind: Rows["kind"]; readonly line: number } | undefined;
  // A byte-order mark (a file saved on Windows) is no part of the first row.
  const lines = readText(file).replace(/^\uFEFF/u, "").split("\n");
  for (const [i, text] of lines.entries()) {
    if (!text.trim()) continue;
    const line = i + 1;
    const fail = (what: string, cause?: unknown): never => {
      throw fileError(file, line, what, cause);
    };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      fail(`not JSON (${error.message})`, error);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("not a JSON object");
    const row = value as Record<string, unknown>;
    const kind = row["turns"] === undefined ? "questions" : "conversations";
    first ??= { kind, line };
    if (kind !== first.kind) {
      const which = kind === "conversations" ? `"turns" among questions (line ${first.line} is a question)` : `"turns" is missing (line ${first.line} is a conversation)`;
      fail(`${which}: one file holds one format`);
    }
    const question = (value: Readonly<Record<string, unknown>>, where = ""): string => {
      const text = questionField(value, fail, where);
      placed.push({ line, where, text });
      return text;
    };
    if (kind === "conversations") conversations.push(conversationRow(row, question, fail));
    else questions.push(questionRow(row, question, fail));
  }
  const rows: Rows = first?.kind === "conversations" ? { kind: "conversations", rows: conversations } : { kind: "questions", rows: questions };
  const checked = (maxQuestionChars: number): Rows => {
    for (const { line, where, text } of placed) {
      try {
        cleanQuestion(text, maxQuestionChars);
      } catch (error) {
        if (!(error instanceof QuestionError)) throw error;
        throw fileError(file, line, `${where}"question": ${error.message}`, error);
      }
    }
    return rows;
  };
  return { checked };
}

/** A question as read from the file, with its line and, for a turn, which turn (`where`), for `checked` to name. */
interface PlacedQuestion {
  readonly line: number;
  readonly where: string;
  readonly text: string;
}

/** The questions file's text, or a QuestionsFileError saying why it cannot be read (no such file, a folder, no permission). */
function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "no permission to read it" : (error as Error).message;
    throw new QuestionsFileError(`cannot read the questions file ${file} (${why})`, { cause: error });
  }
}

/** What is wrong at `line` of `file`, as the QuestionsFileError that names them. */
function fileError(file: string, line: number, what: string, cause?: unknown): QuestionsFileError {
  return new QuestionsFileError(`${file}:${line}: ${what}`, cause === undefined ? {} : { cause });
}

/** Says what is wrong with the row being read (a QuestionsFileError naming its line); never returns. */
type Fail = (what: string, cause?: unknown) => never;

/** The string `name` of `row`, or a failure saying it is missing or not text. */
function textField(row: Readonly<Record<string, unknown>>, name: string, fail: Fail, where = ""): string {
  const value = row[name];
  if (typeof value === "string") return value;
  return fail(value === undefined ? `${where}"${name}" is missing` : `${where}"${name}" must be text`);
}

/**
 * The question of `row`, checked as the core reads it (see cleanQuestion): one it refuses would end the run. Its
 * length is not checked here: the limit is configured (see QuestionsFile.checked).
 */
function questionField(row: Readonly<Record<string, unknown>>, fail: Fail, where: string): string {
  const question = textField(row, "question", fail, where);
  try {
    cleanQuestion(question, Number.POSITIVE_INFINITY);
    return question;
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    return fail(`${where}"question": ${error.message}`, error);
  }
}

/** The list of strings `name` of `row`, when there is one. */
function textsField(row: Readonly<Record<string, unknown>>, name: string, fail: Fail, where = ""): readonly string[] | undefined {
  const value = row[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) return fail(`${where}"${name}" must be a list of text`);
  return value;
}

/** The true or false `name` of `row`, when there is one. */
function flagField(row: Readonly<Record<string, unknown>>, name: string, fail: Fail, where = ""): boolean | undefined {
  const value = row[name];
  if (value === undefined || typeof value === "boolean") return value;
  return fail(`${where}"${name}" must be true or false`);
}

/** The number `name` of `row`, when there is one. */
function numberField(row: Readonly<Record<string, unknown>>, name: string, fail: Fail): number | undefined {
  const value = row[name];
  if (value === undefined || (typeof value === "number" && Number.isFinite(value))) return value;
  return fail(`"${name}" must be a number`);
}

/** Reads the question of a row, or of a turn (`where` says which), checked as the core would read it. */
type QuestionOf = (row: Readonly<Record<string, unknown>>, where?: string) => string;

function questionRow(row: Readonly<Record<string, unknown>>, questionOf: QuestionOf, fail: Fail): QuestionRow {
  const id = textField(row, "id", fail);
  const lang = textField(row, "lang", fail);
  const question = questionOf(row);
  // Left out, it would be scored as unanswerable without a word.
  const answerable = flagField(row, "answerable", fail) ?? fail('"answerable" is missing');
  const source = row["source"] === undefined ? undefined : textField(row, "source", fail);
  const [start, end, pstart, pend] = (["start", "end", "pstart", "pend"] as const).map((name) => numberField(row, name, fail));
  // An answerable row placing its answer (the span format) places it whole: without its source or its bounds no
  // citation could ever hit it, and the row would count as a miss without a word.
  if (answerable && [source, start, end, pstart, pend].some((v) => v !== undefined)) {
    for (const [name, value] of [["source", source], ["start", start], ["end", end]] as const) if (value === undefined) fail(`"${name}" is missing (a span row gives source, start and end)`);
  }
  return {
    id,
    lang,
    question,
    answerable,
    // An unanswerable question needs no evidence: the field may be left out.
    evidence: textsField(row, "evidence", fail) ?? [],
    ...(source === undefined ? {} : { source }),
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    ...(pstart === undefined ? {} : { pstart }),
    ...(pend === undefined ? {} : { pend }),
  };
}

function conversationRow(row: Readonly<Record<string, unknown>>, questionOf: QuestionOf, fail: Fail): ConversationRow {
  const id = textField(row, "id", fail);
  const lang = textField(row, "lang", fail);
  const turns = row["turns"];
  if (!Array.isArray(turns)) return fail('"turns" must be a list');
  return {
    id,
    lang,
    turns: turns.map((value: unknown, i): Turn => {
      const where = `turn ${i + 1}: `;
      if (typeof value !== "object" || value === null || Array.isArray(value)) return fail(`${where}not a JSON object`);
      const turn = value as Record<string, unknown>;
      const evidence = textsField(turn, "evidence", fail, where);
      const answerable = flagField(turn, "answerable", fail, where);
      return {
        question: questionOf(turn, where),
        ...(evidence === undefined ? {} : { evidence }),
        ...(answerable === undefined ? {} : { answerable }),
      };
    }),
  };
}
