/**
 * What the command-line tools share: configuration, a logger on stderr, and the core.
 */
import "dotenv/config";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { createLogger, describeError, type Logger } from "../logger.js";
import { openRag as openConfiguredRag } from "../open-rag.js";

export interface Cli {
  readonly config: Config;
  readonly logger: Logger;
}

/** The configured secrets, for redacting what run() says of a failure (set by setup()). */
let secrets: readonly string[] = [];

/** Config and logger for a tool; the tools log at "warn" unless LOG_LEVEL says otherwise. */
export function setup(): Cli {
  const config = loadConfig();
  secrets = config.secrets;
  return { config, logger: createLogger({ level: config.consoleLogLevel, secrets: config.secrets }) };
}

/** The core as configured: the embedding model and the language model too, when set. */
export async function openRag({ config, logger }: Cli) {
  return openConfiguredRag(config, logger);
}

/**
 * Runs a tool's main, turning a thrown error into one clear line on stderr and exit code 1 (a usage error is the
 * tool's to say, with exit code 2). A configuration error is worded as `npm start` words it (ConfigError.line).
 */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError
        ? error.line
        : error instanceof Error
          ? `${error.name}: ${describeError(error, secrets)}`
          : describeError(error, secrets);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  });
}
