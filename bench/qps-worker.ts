/**
 * One serving process for the throughput benchmark: loads the prebuilt index, says "ready" over IPC, answers
 * the questions round-robin for the time the parent gives, then reports how many it answered and its peak RSS.
 *
 * node --import tsx bench/qps-worker.ts <root> <seedsDir> <indexDir> <questions.json>
 */
import { readFileSync } from "node:fs";
import { createRag } from "../src/rag/index.js";
import { peakRssMiB } from "./measure.js";

export interface WorkerReport {
  readonly answered: number;
  readonly elapsedMs: number;
  readonly peakRssMiB: number;
}

const [root = ".", seedsDir = "seeds", indexDir = "index", questionsFile = ""] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(questionsFile, "utf8")) as string[];
const send = (message: unknown): void => void process.send?.(message);

const rag = await createRag({ root, seedsDir, indexDir });
process.once("message", (message: { durationMs: number }) => {
  void (async () => {
    const started = performance.now();
    const until = started + message.durationMs;
    let answered = 0;
    while (performance.now() < until) {
      await rag.answer(questions[answered % questions.length] ?? "?");
      answered += 1;
    }
    const report: WorkerReport = { answered, elapsedMs: performance.now() - started, peakRssMiB: peakRssMiB() };
    send(report);
    process.disconnect?.();
  })();
});
send("ready");
