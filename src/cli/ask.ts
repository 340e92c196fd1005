/**
 * npm run ask -- "question"            the answer as a person reads it
 * npm run ask -- --json "question"     one JSON object on stdout
 * npm run ask -- --json --batch        JSON lines {"id", "question", "conversation"?} on stdin -> one JSON object per line
 *
 * Batch lines with the same "conversation" are one conversation, in order: each is asked with the earlier turns
 * as context (the last three; `contextTurns` in the output says how many). With REDIS_URL set the conversation lives in Redis, so another batch process
 * can continue it (for an hour, or CONVERSATION_TTL_MS when longer).
 *
 * Small talk said alone ("hi", "thanks", "مرحبا"; see smallTalk) gets the bots' reply in the answer as a person reads
 * it. The JSON, one question or a batch, stays the core's answer to whatever it is given: it is the contract the
 * evaluations score (../shared/eval/score-xquad.mjs), which has no field to tell a reply to small talk from an answer.
 */
import { createInterface } from "node:readline";
import type { Logger } from "../logger.js";
import { smallTalkNotice } from "../bots/ask.js";
import { renderNotice } from "../bots/render/plain.js";
import { QuestionError, smallTalk, type ConversationTurn, type Rag } from "../rag/index.js";
import { createConversationMemory, turnOf, type ConversationMemory } from "../state/conversations.js";
import { createSharedStore } from "../state/kv.js";
import { connectRedis } from "../state/redis.js";
import { readOptions } from "./args.js";
import { answerJson, noticeJson, type AnswerJson, type LineId } from "./format.js";
import { openRag, run, setup } from "./setup.js";

/** How long a batch conversation can be continued by a later batch, at least. */
const BATCH_CONVERSATION_MS = 60 * 60_000;

const USAGE = 'usage: npm run ask -- [--json] "question"   |   npm run ask -- --json --batch < questions.jsonl';

async function ask(rag: Rag, question: unknown, id?: LineId, turns: readonly ConversationTurn[] = []): Promise<AnswerJson> {
  // A batch line's question may be any JSON value, and the port takes text: anything else is refused here, with
  // the code the core gives it, so that its line reads as the core's refusal would.
  if (typeof question !== "string") return noticeJson(question, new QuestionError("not-text", "the question is not text"), id);
  try {
    return answerJson(await rag.answer(question, turns.length > 0 ? { context: { turns } } : {}), id);
  } catch (error) {
    if (error instanceof QuestionError) return noticeJson(question, error, id);
    throw error;
  }
}

/** A batch line as `{ id?, question? }`, or undefined when it is not a JSON object. */
function parseRequest(line: string): { id?: unknown; question?: unknown; conversation?: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
}

/** `ask` for a batch line: a failure to answer (a briefing changed under the index, say) is logged and becomes its line. */
async function askLine(rag: Rag, logger: Logger, question: unknown, id?: LineId, turns?: readonly ConversationTurn[]): Promise<AnswerJson> {
  try {
    return await ask(rag, question, id, turns);
  } catch (error) {
    logger.error({ err: error, id }, "answering a batch line failed");
    return noticeJson(question, undefined, id);
  }
}

/** Asks one batch line, in its conversation when it names one: earlier turns in, this turn remembered. */
async function askInConversation(
  rag: Rag,
  { memory, logger }: { memory: ConversationMemory; logger: Logger },
  question: unknown,
  id: LineId | undefined,
  conversation: string,
): Promise<AnswerJson & { readonly conversation: string; readonly contextTurns: number }> {
  const place = { chat: `batch:${conversation}` };
  const earlier = await memory.recall(place).catch((error: unknown) => {
    logger.warn({ err: error, conversation }, "could not recall the conversation; asking without it");
    return [];
  });
  const result = await askLine(rag, logger, question, id, earlier);
  // A refused or failed line (empty, too long) is no turn, nor is small talk (as in the bots); a declined one is,
  // with nothing cited.
  if (result.error === undefined && typeof question === "string" && smallTalk(question) === undefined) {
    await memory.append(place, turnOf(result.question, result.citations)).catch((error: unknown) => {
      logger.warn({ err: error, conversation }, "could not remember the turn; the answer stands");
    });
  }
  return { ...result, conversation, contextTurns: earlier.length };
}

async function batch(rag: Rag, memory: ConversationMemory, logger: Logger): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    // A byte-order mark (a file saved on Windows) is no part of the JSON.
    const line = raw.replace(/^\uFEFF/u, "");
    if (!line.trim()) continue;
    const request = parseRequest(line);
    // A refused line carries its line number: without a readable id, that is what matches it to its input.
    const malformed = (text: string, id?: LineId, question: unknown = ""): void => {
      const refused = { ...(id === undefined ? {} : { id }), line: number, question: typeof question === "string" ? question : "", answered: false, text, citations: [], timings: { totalMs: 0 }, error: "malformed" };
      process.stdout.write(`${JSON.stringify(refused)}\n`);
    };
    if (!request) {
      malformed("malformed JSON line");
      continue;
    }
    // Echoed as given when a string or a number (3 stays 3, not "3"); null or none is no id; anything else ({},
    // true) is refused, as its answer could not be matched to it.
    const id = typeof request.id === "string" || typeof request.id === "number" ? request.id : undefined;
    if (id === undefined && request.id !== undefined && request.id !== null) {
      malformed('"id" must be a string or a number', undefined, request.question);
      continue;
    }
    if (request.question === undefined) {
      malformed('"question" is missing', id);
      continue;
    }
    const named = typeof request.conversation === "string" || typeof request.conversation === "number";
    // A conversation named by anything else ({}, true) is refused: asked without its earlier turns, the line would
    // get an answer to another question than the one meant. A null one is none.
    if (!named && request.conversation !== undefined && request.conversation !== null) {
      malformed('"conversation" must be a string or a number', id, request.question);
      continue;
    }
    const conversation = named ? String(request.conversation) : undefined;
    // One line that fails is reported on its own line; the rest go on.
    const result =
      conversation === undefined ? await askLine(rag, logger, request.question, id) : await askInConversation(rag, { memory, logger }, request.question, id, conversation);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

const OPTIONS = { json: { type: "boolean" }, batch: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

/** The command line read, or the reason it is not one this command takes. */
function readArgs(args: readonly string[]): { json: boolean; batch: boolean; help: boolean; question: string } | { error: string } {
  const read = readOptions(args, OPTIONS);
  if ("error" in read) {
    // An unknown or misspelt option (--jsno, -5) is not folded into the question; npm takes the first "--" for itself.
    if (read.code !== "unknown-option") return { error: read.error };
    return { error: `${read.error}; a question beginning with "-" goes after a second --: npm run ask -- -- ${JSON.stringify(read.argument)}` };
  }
  const question = read.positionals.join(" ");
  const { json = false, batch = false, help = false } = read.values;
  if (batch && question.trim() !== "") return { error: `--batch reads its questions from stdin, not "${question}"` };
  return { json, batch, help, question };
}

run(async () => {
  const args = readArgs(process.argv.slice(2));
  if ("error" in args || args.help) {
    const error = "error" in args ? `${args.error}\n` : "";
    (error ? process.stderr : process.stdout).write(`${error}${USAGE}\n`);
    process.exitCode = error ? 2 : 0;
    return;
  }
  const { json, batch: isBatch, question } = args;
  // Without a question, the usage; with --json, the JSON of a refused question, as for any other empty one.
  if (!isBatch && !json && !question.trim()) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const cli = setup();
  const rag = await openRag(cli);
  if (isBatch) {
    const { state } = cli.config;
    const redis = state.redisUrl === undefined ? undefined : await connectRedis(state.redisUrl, { logger: cli.logger });
    try {
      return await batch(rag, createConversationMemory(createSharedStore(redis), Math.max(state.conversationTtlMs, BATCH_CONVERSATION_MS)), cli.logger);
    } finally {
      await redis?.close();
    }
  }
  // Small talk said alone gets the bots' reply (the JSON stays the core's answer, see above).
  const talk = json ? undefined : smallTalkNotice(rag, question);
  if (talk !== undefined) return void process.stdout.write(`${renderNotice(talk)}\n`);
  const result = await ask(rag, question);
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${result.text}\n`);
});
