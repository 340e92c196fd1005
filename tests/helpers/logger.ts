import type { Logger } from "../../src/logger.js";

/** A logger that keeps the messages of its warnings (and of its children's) and drops everything else. */
export function warningLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (_: object | string, msg?: string) => void warnings.push(msg ?? ""),
    error: () => undefined,
    child: () => logger,
  };
  return { logger, warnings };
}
