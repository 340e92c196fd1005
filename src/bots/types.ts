import type { Logger } from "../logger.js";
import type { Rag } from "../rag/index.js";
import type { Ask } from "./ask.js";
import type { Inflight } from "./inflight.js";

/**
 * What every adapter is given: the shared ask flow, the core (for /about and "show paragraph"), logging and the
 * in-flight tracker. The adapters keep conversations, buttons and feedback in `ask.state`, the ask flow's own.
 */
export interface BotDeps {
  readonly ask: Ask;
  readonly rag: Rag;
  readonly logger: Logger;
  readonly inflight: Inflight;
  /** Called when the adapter stops for good (e.g. Telegram refused the token): main shuts down with exit 1. */
  readonly onFatal?: (error: unknown) => void;
}

/**
 * A platform refused the bot's token at start (Telegram's 401, Discord's 4004 or 401): no later start in this
 * process can succeed, the token being read once, so it is not tried again (src/bots/restart.ts).
 */
export class TokenRefusedError extends Error {
  override readonly name = "TokenRefusedError";
  constructor(
    /** The variable to fix. */
    readonly variable: "DISCORD_TOKEN" | "TELEGRAM_BOT_TOKEN",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A running platform adapter. `stop` stops taking new questions (Discord: from halfway through `graceMs`, as
 * events it leaves are never delivered again); an adapter that must keep its connection for answers in flight
 * (Discord) waits for them, but never longer than `graceMs`. Main then drains the rest.
 */
export interface BotHandle {
  readonly name: "discord" | "telegram" | "console";
  start(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}
