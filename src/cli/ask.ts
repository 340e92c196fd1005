/**
 * npm run ask -- "question"            the answer as a person reads it
 * npm run ask -- --json "question"     one JSON object on stdout
 * npm run ask -- --json --batch        JSON lines {"id", "question"} on stdin -> one JSON object per line
 */
import { createInterface } from "node:readline";
import { QuestionError, type Rag } from "../rag/index.js";
import { answerJson, questionErrorJson, type AnswerJson } from "./format.js";
import { openRag, run, setup } from "./setup.js";

const USAGE = 'usage: npm run ask -- [--json] "question"   |   npm run ask -- --json --batch < questions.jsonl';

async function ask(rag: Rag, question: unknown, id?: string): Promise<AnswerJson> {
  try {
    return answerJson(await rag.answer(question as string), id);
  } catch (error) {
    if (error instanceof QuestionError) return questionErrorJson(error, question, id);
    throw error;
  }
}

/** A batch line as `{ id?, question? }`, or undefined when it is not a JSON object. */
function parseRequest(line: string): { id?: unknown; question?: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
}

async function batch(rag: Rag): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const request = parseRequest(line);
    if (!request) {
      process.stdout.write(`${JSON.stringify({ question: "", answered: false, text: "malformed JSON line", citations: [], timings: { totalMs: 0 }, error: "malformed" })}\n`);
      continue;
    }
    const id = request.id === undefined ? undefined : String(request.id);
    process.stdout.write(`${JSON.stringify(await ask(rag, request.question, id))}\n`);
  }
}

run(async () => {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const isBatch = args.includes("--batch");
  const question = args.filter((a) => a !== "--json" && a !== "--batch").join(" ");
  if (!isBatch && !question.trim()) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const rag = await openRag(setup());
  if (isBatch) return batch(rag);
  const result = await ask(rag, question);
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${result.text}\n`);
});
