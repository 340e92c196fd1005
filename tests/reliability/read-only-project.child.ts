/**
 * Run by broken-index.test.ts in a process that cannot write the project (as root, under another user: root writes
 * through any mode bits): opens the core on the project at argv[2], asks argv[3], and prints the warnings it logged
 * and the answer's kind as one JSON line.
 */
import { join } from "node:path";
import { createRag } from "../../src/rag/index.js";
import { capturingLogger, parsedLogs } from "./helpers.js";

const [root, question] = process.argv.slice(2);
if (root === undefined || question === undefined) throw new Error("usage: read-only-project.child.ts ROOT QUESTION");
const { logger, lines } = capturingLogger("info");
const rag = await createRag({ root, seedsDir: join(root, "seeds"), indexDir: join(root, "index"), logger });
const answer = await rag.answer(question);
const warnings = parsedLogs(lines).filter((l) => l.level === 40).map((l) => l.msg);
process.stdout.write(`${JSON.stringify({ warnings, kind: answer.kind })}\n`);
