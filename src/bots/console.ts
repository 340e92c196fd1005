/**
 * A console chat over the same core: what `npm start` runs when no platform token is set. Works at a
 * terminal (prompt, one answer per question) and with stdin piped (one question per line, one answer each,
 * in order). Answers go to stdout; the banner and prompts to stderr.
 */
import { createInterface } from "node:readline";
import type { RagInfo } from "../rag/index.js";
import { renderAboutPlain, renderHelpPlain, renderReplyPlain } from "./render/plain.js";
import type { BotDeps, BotHandle } from "./types.js";

export interface ConsoleChatOptions {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  readonly errors?: NodeJS.WritableStream;
  /** Called once when the input ends (Ctrl-D, or the end of a pipe). */
  readonly onClose?: () => void;
}

const BANNER = `Console chat: ask a question about the briefing and press Enter (Ctrl-D to quit; /help, /about).
To serve Discord or Telegram instead, set DISCORD_TOKEN and/or TELEGRAM_BOT_TOKEN in .env (see README).
`;

/**
 * A line that is a command, as the bots take them: /help, /about, /start (Telegram's), /ask and its question;
 * a bot's name after the command (/start@briefing_bot) and words after any other command are let be.
 */
const COMMAND = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i;

/** The console's text for a command other than /ask (an unknown one is told so, with the help). */
function commandText(command: string, info: () => RagInfo): string {
  if (command === "about") return renderAboutPlain(info());
  if (command === "help" || command === "start" || command === "ask") return renderHelpPlain(info().examples);
  return `Unknown command /${command}. ${renderHelpPlain(info().examples)}`;
}

/** The console chat adapter over the shared ask flow; nothing is read until `start()`. */
export function createConsoleChat(deps: BotDeps, options: ConsoleChatOptions = {}): BotHandle {
  const { ask, inflight, rag } = deps;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const errors = options.errors ?? process.stderr;
  const interactive = "isTTY" in input && input.isTTY === true;
  let readline: ReturnType<typeof createInterface> | undefined;
  let stopped = false;

  const loop = async (): Promise<void> => {
    const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
    readline = rl;
    const prompt = () => interactive && !stopped && errors.write("> ");
    prompt();
    for await (const line of rl) {
      if (stopped) break;
      if (!line.trim()) {
        prompt();
        continue;
      }
      const [, name, rest = ""] = COMMAND.exec(line.trim()) ?? [];
      const command = name?.toLowerCase();
      // "/ask question" asks it; a bare /ask, as any other command, is answered by the console itself.
      const question = command === undefined ? line : command === "ask" && rest.trim() !== "" ? rest : undefined;
      if (question === undefined) {
        output.write(`${commandText(command ?? "help", () => rag.info())}\n\n`);
        prompt();
        continue;
      }
      // At a terminal the chat is one conversation (follow-ups); piped lines are independent questions.
      const reply = await inflight.run(() => ask(question, { user: "console", ...(interactive ? { conversation: { chat: "console" } } : {}) }));
      const text = renderReplyPlain(reply);
      if (text !== undefined) output.write(`${text}\n\n`);
      prompt();
    }
  };

  return {
    name: "console",
    async start() {
      const { briefings, passages } = rag.info();
      errors.write(`${BANNER}Loaded ${briefings.length} briefing(s), ${passages} passages.\n`);
      void loop()
        .catch((error: unknown) => deps.logger.error({ err: error }, "console chat failed"))
        .finally(() => options.onClose?.());
    },
    async stop() {
      stopped = true;
      readline?.close();
    },
  };
}
