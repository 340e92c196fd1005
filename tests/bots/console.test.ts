/**
 * The console chat over the shared ask flow: commands as the bots take them, every other line a question.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createAsk } from "../../src/bots/ask.js";
import { createConsoleChat } from "../../src/bots/console.js";
import { createInflight } from "../../src/bots/inflight.js";
import { createRateLimiter } from "../../src/bots/rate-limit.js";
import { createLogger } from "../../src/logger.js";
import { createFakeRag, type FakeRag } from "../fakes/fake-rag.js";

/** Pipes `lines` into a console chat over a fake core; what it printed once the input ends, and what it asked. */
async function chat(lines: readonly string[]): Promise<{ output: string; rag: FakeRag }> {
  const rag = createFakeRag();
  const logger = createLogger({ level: "silent", secrets: [] });
  const deps = { ask: createAsk({ rag, limiter: createRateLimiter(100), logger }), rag, logger, inflight: createInflight() };
  const [input, output, errors] = [new PassThrough(), new PassThrough(), new PassThrough()];
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += String(chunk)));
  errors.resume();
  const closed = new Promise<void>((resolve) => {
    void createConsoleChat(deps, { input, output, errors, onClose: resolve }).start();
  });
  input.end(`${lines.join("\n")}\n`);
  await closed;
  return { output: printed, rag };
}

describe("the console chat", () => {
  it("asks the question after /ask, and takes a command with the bot's name or words after it as the command", async () => {
    const { output, rag } = await chat(["/ask Who is Michele Sison?", "/start@briefing_bot", "/about these briefings", "/ask", "What is MINURSO?"]);
    expect(rag.questions).toEqual(["Who is Michele Sison?", "What is MINURSO?"]);
    expect(output).not.toContain("Unknown command");
    expect(output.match(/Commands: \/help, \/about/g)).toHaveLength(2); // /start and the bare /ask
    expect(output).toContain("Briefings (");
  });

  it("tells an unknown command so, with the help, and asks nothing", async () => {
    const { output, rag } = await chat(["/weather in Algiers"]);
    expect(rag.questions).toEqual([]);
    expect(output).toContain("Unknown command /weather.");
  });
});
