/**
 * The only reader of process.env. Parses once, fails fast with a message that names the key.
 */
import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** A configuration value that cannot be used; the message names the variable, never a secret's value. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly key: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${key}: ${message}`, options);
  }

  /** The line an operator reads for it, the same from `npm start` and every tool. */
  get line(): string {
    return `Configuration error: ${this.message}. See .env.example.`;
  }
}

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

export interface DiscordConfig {
  readonly token: string;
  /** Register slash commands in this guild only (they appear at once) instead of globally. */
  readonly guildId: string | undefined;
  /** When non-empty, only these guilds are served (direct messages are always served). */
  readonly allowedGuilds: readonly string[];
  /** REST API root without version, e.g. "http://127.0.0.1:1234/api"; unset in production. */
  readonly apiBase: string | undefined;
}

export interface TelegramConfig {
  readonly token: string;
  /** When non-empty, only these chat ids are served. */
  readonly allowedChats: readonly string[];
  /** Bot API origin, e.g. "http://127.0.0.1:1234"; unset in production. */
  readonly apiRoot: string | undefined;
  /** Webhook mode (TELEGRAM_WEBHOOK_URL set); unset means long polling. */
  readonly webhook?: TelegramWebhook;
}

export interface TelegramWebhook {
  /** The public HTTPS URL Telegram posts updates to. */
  readonly url: string;
  /** The secret token Telegram sends with each update. */
  readonly secret: string;
  /** The local port the webhook server listens on. */
  readonly port: number;
}

export interface LlmConfig {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
}

export interface EmbeddingsConfig {
  readonly baseUrl: string | undefined;
  readonly model: string | undefined;
  readonly modelPath: string | undefined;
}

/** Conversation memory, buttons, feedback and shared state (see the README: Conversations, Running several replicas). */
export interface StateConfig {
  /** Folder for the feedback log and the generated salt. */
  readonly dir: string;
  /** redis:// or rediss:// URL; set, it shares rate limits, conversations, buttons, feedback and de-duplication. */
  readonly redisUrl: string | undefined;
  /** How long a private chat or thread conversation lasts after its last answer (0: only replies follow up). */
  readonly conversationTtlMs: number;
  /** How long the buttons under an answer keep working. */
  readonly buttonTtlMs: number;
  /** False with FEEDBACK_LOG=off: no feedback or declined question is recorded, and no 👍/👎 is shown. */
  readonly feedbackLog: boolean;
  readonly feedbackRetentionDays: number;
  /** Salt of the user id hashes; undefined means one generated and kept in `dir`. */
  readonly salt: string | undefined;
}

export interface Config {
  /** Project root: seeds/ and index/ paths and citation sources are relative to it. */
  readonly root: string;
  readonly seedsDir: string;
  readonly indexDir: string;
  /**
   * How often a running bot rescans the seeds for briefings added, changed or removed (it also watches the
   * folder); 0 turns hot reload off.
   */
  readonly reloadIntervalMs: number;
  readonly logLevel: LogLevel;
  /** Log level while the console chat or a command-line tool shares the terminal: LOG_LEVEL when set, else "warn". */
  readonly consoleLogLevel: LogLevel;
  readonly maxQuestionChars: number;
  /**
   * The example question /help and the greeting suggest, per language of the asker; offered only while the
   * briefings answer it (see RagInfo.examples).
   */
  readonly examples: { readonly en?: string; readonly ar?: string };
  /** Questions one user may ask per minute before getting the polite rate-limit reply. */
  readonly rateLimitPerMinute: number;
  /** How long shutdown waits for answers in flight. */
  readonly shutdownGraceMs: number;
  readonly discord: DiscordConfig | undefined;
  readonly telegram: TelegramConfig | undefined;
  readonly llm: LlmConfig | undefined;
  readonly embeddings: EmbeddingsConfig;
  readonly state: StateConfig;
  /** Every secret value, so the logger can redact it wherever it appears. */
  readonly secrets: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

function text(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

/**
 * Characters an example question may have: /help shows both languages' in one message, which must stay within
 * Discord's 2,000 characters (and the greeting's line stay a line).
 */
const MAX_EXAMPLE_CHARS = 200;

/**
 * An example question, or none for "off": a user who asks it as suggested must not be told it is too long. One
 * set that is longer is an error; the default, under a limit set shorter than it, is left out.
 */

function example(env: Env, key: string, fallback: string, maxChars: number): string | undefined {
  const value = text(env, key);
  if (value?.toLowerCase() === "off") return undefined;
  if (value !== undefined && value.length > maxChars) throw new ConfigError(key, `is longer than MAX_QUESTION_CHARS (${maxChars})`);
  if (value !== undefined && value.length > MAX_EXAMPLE_CHARS) throw new ConfigError(key, `is longer than ${MAX_EXAMPLE_CHARS} characters, too long to suggest`);
  return value ?? (fallback.length > maxChars ? undefined : fallback);
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = text(env, key);
  if (raw === undefined) return fallback;
  // Digits only: Number() would also take 1e3, 0x10 and 1_000's neighbours.
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(key, `expected a whole number from ${min} to ${max}`);
  }
  return value;
}

function list(env: Env, key: string): string[] {
  return (text(env, key) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A list of numeric ids: Telegram chats (negative for groups, -100… for supergroups) or Discord snowflakes. A
 * "@name" or a typo would match no chat, and the bot would answer nowhere with nothing said.
 */
function ids(env: Env, key: string, pattern: RegExp, what: string): string[] {
  const values = list(env, key);
  const wrong = values.findIndex((v) => !pattern.test(v));
  if (wrong >= 0) throw new ConfigError(key, `expected comma-separated ${what}; item ${wrong + 1} is not one`);
  return values;
}

/**
 * A Telegram bot token as @BotFather gives it: the bot's id, a colon, then its secret (35 characters today). One of
 * another shape is refused here, where the message can name the variable: telegraf would put it in a URL and fail
 * as "Not Found", "Unauthorized" or a DNS error.
 */
const TELEGRAM_TOKEN = /^\d+:[A-Za-z0-9_-]{30,}$/;
/**
 * A Discord bot token: three base64url parts joined by dots (the bot's id, a time, a signature). Loose on the
 * lengths, which Discord has changed before, and on padding.
 */
const DISCORD_TOKEN = /^[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+$/;

/** A Discord id (snowflake): 17 to 20 digits, no leading zero (compared as text, "0123" would match nothing). */
const SNOWFLAKE = /^[1-9]\d{16,19}$/;

function url(env: Env, key: string): string | undefined {
  const raw = text(env, key);
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http(s)");
  } catch {
    throw new ConfigError(key, "expected an http:// or https:// URL");
  }
  return raw.replace(/\/+$/, "");
}

function redisUrl(env: Env, key: string): string | undefined {
  const raw = text(env, key);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(key, "expected a redis:// or rediss:// URL");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") throw new ConfigError(key, "expected a redis:// or rediss:// URL");
  return raw;
}

function onOff(env: Env, key: string, fallback: boolean): boolean {
  const raw = text(env, key)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (["on", "true", "1", "yes"].includes(raw)) return true;
  if (["off", "false", "0", "no"].includes(raw)) return false;
  throw new ConfigError(key, "expected on or off");
}

/** The parts of a Redis URL that are secret: its password (and user name), raw and percent-decoded, and the URL. */
function redisSecrets(url: string | undefined): string[] {
  if (url === undefined) return [];
  const parsed = new URL(url);
  // A user name is not secret ("default" on most hosted Redis: redacted, every "default" of the logs would go),
  // unless it is all the URL gives (redis://s3cret@host: the password in the user name's place) and not "default".
  const parts = [parsed.password || (parsed.username === "default" ? "" : parsed.username)].filter(Boolean);
  const decoded = parts.map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p; // not valid percent-encoding: the raw form is what appears
    }
  });
  return [...new Set([...(parts.length > 0 ? [url] : []), ...parts, ...decoded])];
}

/** Parses the environment once; throws {@link ConfigError} naming the first bad key. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const botRoot = text(env, "BOT_ROOT");
  const root = resolve(cwd, botRoot ?? ".");
  // Checked here, as everything else lies in it: missing, the seeds folder would be named as the problem.
  if (botRoot !== undefined) {
    let stats: Stats | undefined;
    try {
      stats = statSync(root, { throwIfNoEntry: false });
    } catch (error) {
      throw new ConfigError("BOT_ROOT", `${root} cannot be read`, { cause: error });
    }
    if (!stats?.isDirectory()) throw new ConfigError("BOT_ROOT", `${root} ${stats ? "is not a folder" : "does not exist"}`);
  }
  // Any case, as FEEDBACK_LOG takes OFF: LOG_LEVEL=DEBUG means debug.
  const logLevel = (text(env, "LOG_LEVEL")?.toLowerCase() ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError("LOG_LEVEL", `expected one of ${LOG_LEVELS.join(", ")}`);

  const discordToken = text(env, "DISCORD_TOKEN");
  const telegramToken = text(env, "TELEGRAM_BOT_TOKEN");
  if (discordToken !== undefined && !DISCORD_TOKEN.test(discordToken)) {
    throw new ConfigError("DISCORD_TOKEN", "expected the bot token from the Discord developer portal (three parts joined by dots)");
  }
  if (telegramToken !== undefined && !TELEGRAM_TOKEN.test(telegramToken)) {
    throw new ConfigError("TELEGRAM_BOT_TOKEN", "expected the token from @BotFather: the bot's id in digits, a colon, then 30 or more characters of A-Z, a-z, 0-9, _ and -");
  }
  const llmBaseUrl = url(env, "LLM_BASE_URL");
  const llmModel = text(env, "LLM_MODEL");
  if (llmBaseUrl && !llmModel) throw new ConfigError("LLM_MODEL", "required when LLM_BASE_URL is set");
  // A model named without its server would be ignored without a word: the bot would answer offline while the
  // operator thinks a model composes.
  if (llmModel && !llmBaseUrl) throw new ConfigError("LLM_BASE_URL", "required when LLM_MODEL is set");
  const embeddingsBaseUrl = url(env, "EMBEDDINGS_BASE_URL");
  const embeddingsModel = text(env, "EMBEDDINGS_MODEL");
  if (embeddingsBaseUrl && !embeddingsModel) {
    throw new ConfigError("EMBEDDINGS_MODEL", "required when EMBEDDINGS_BASE_URL is set");
  }
  if (embeddingsModel && !embeddingsBaseUrl && !text(env, "EMBEDDINGS_MODEL_PATH")) {
    throw new ConfigError("EMBEDDINGS_BASE_URL", "required when EMBEDDINGS_MODEL is set (or EMBEDDINGS_MODEL_PATH, for a local model)");
  }
  const webhookUrl = url(env, "TELEGRAM_WEBHOOK_URL");
  if (webhookUrl && !webhookUrl.startsWith("https://")) throw new ConfigError("TELEGRAM_WEBHOOK_URL", "Telegram sends webhooks only to https:// URLs");
  const webhookSecret = text(env, "TELEGRAM_WEBHOOK_SECRET");
  if (webhookUrl && !webhookSecret) {
    throw new ConfigError("TELEGRAM_WEBHOOK_SECRET", "required when TELEGRAM_WEBHOOK_URL is set");
  }
  // Short, it could be guessed (anyone could post updates to the bot), and every log line would lose each
  // occurrence of it, a common word ("level") included.
  if (webhookSecret && !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
    throw new ConfigError("TELEGRAM_WEBHOOK_SECRET", "16-256 characters of A-Z, a-z, 0-9, _ and -");
  }
  const llmApiKey = text(env, "LLM_API_KEY");
  const redis = redisUrl(env, "REDIS_URL");
  const salt = text(env, "STATE_SALT");
  if (salt !== undefined && salt.length < 16) throw new ConfigError("STATE_SALT", "expected at least 16 characters");
  // Read whether or not their feature is on, so that a bad value stops the start before it is switched on.
  const discordApiBase = url(env, "DISCORD_API_BASE");
  const telegramApiRoot = url(env, "TELEGRAM_API_ROOT");
  const webhookPort = integer(env, "TELEGRAM_WEBHOOK_PORT", 8443, 1, 65535);
  const llmTimeoutMs = integer(env, "LLM_TIMEOUT_MS", 20_000, 100, 600_000);
  const allowedGuilds = ids(env, "DISCORD_ALLOWED_GUILDS", SNOWFLAKE, "guild ids (17 to 20 digits)");
  const guildId = text(env, "DISCORD_GUILD_ID");
  if (guildId !== undefined && !SNOWFLAKE.test(guildId)) throw new ConfigError("DISCORD_GUILD_ID", "expected one guild id (17 to 20 digits)");
  const allowedChats = ids(env, "TELEGRAM_ALLOWED_CHATS", /^-?[1-9]\d*$/, "chat ids (whole numbers; a group's is negative)");
  const seedsDir = resolve(root, text(env, "SEEDS_DIR") ?? "seeds");
  const indexGiven = resolve(root, text(env, "INDEX_DIR") ?? "index");
  const indexDir = linkTarget(indexGiven);
  const stateDir = resolve(root, text(env, "STATE_DIR") ?? "state");
  // A rebuild replaces the index folder whole: it must hold nothing else, nor lie over what must be kept. Compared
  // as the file system sees them: through a link (index -> /srv/bot), the project is what a rebuild would replace.
  const index = canonical(indexDir);
  const named = indexDir === indexGiven ? indexDir : `${indexGiven} (a link to ${indexDir})`;
  const project = canonical(root);
  if (index === project || within(project, index)) throw new ConfigError("INDEX_DIR", `${named} holds the project (BOT_ROOT); give the index a folder of its own`);
  // Inside the state folder is fine (one volume: /data and /data/index); not inside the seeds, whose rescans it
  // would set off, nor holding either.
  const overlaps = (other: string, inside: boolean): boolean => index === other || within(other, index) || (inside && within(index, other));
  for (const [key, other, inside] of [["SEEDS_DIR", seedsDir, true], ["STATE_DIR", stateDir, false]] as const) {
    if (overlaps(canonical(other), inside)) throw new ConfigError("INDEX_DIR", `${named} overlaps ${key} (${other}); give the index a folder of its own`);
  }

  const maxQuestionChars = integer(env, "MAX_QUESTION_CHARS", 500, 20, 4000);
  const exampleEn = example(env, "EXAMPLE_QUESTION_EN", "Who is Michele Sison?", maxQuestionChars);
  const exampleAr = example(env, "EXAMPLE_QUESTION_AR", "من هي ميشال سيسون؟", maxQuestionChars);

  return {
    root,
    seedsDir,
    indexDir,
    reloadIntervalMs: integer(env, "RELOAD_INTERVAL_MS", 5000, 0, 3_600_000),
    logLevel,
    consoleLogLevel: text(env, "LOG_LEVEL") === undefined ? "warn" : logLevel,
    maxQuestionChars,
    examples: {
      ...(exampleEn === undefined ? {} : { en: exampleEn }),
      ...(exampleAr === undefined ? {} : { ar: exampleAr }),
    },
    rateLimitPerMinute: integer(env, "RATE_LIMIT_PER_MINUTE", 6, 1, 1000),
    shutdownGraceMs: integer(env, "SHUTDOWN_GRACE_MS", 8000, 0, 60_000),
    discord: discordToken
      ? {
          token: discordToken,
          guildId,
          allowedGuilds,
          apiBase: discordApiBase,
        }
      : undefined,
    telegram: telegramToken
      ? {
          token: telegramToken,
          allowedChats,
          apiRoot: telegramApiRoot,
          // The secret is required with the URL (above).
          ...(webhookUrl && webhookSecret ? { webhook: { url: webhookUrl, secret: webhookSecret, port: webhookPort } } : {}),
        }
      : undefined,
    llm:
      llmBaseUrl && llmModel
        ? { baseUrl: llmBaseUrl, model: llmModel, apiKey: llmApiKey, timeoutMs: llmTimeoutMs }
        : undefined,
    embeddings: {
      baseUrl: embeddingsBaseUrl,
      model: embeddingsModel,
      modelPath: text(env, "EMBEDDINGS_MODEL_PATH"),
    },
    state: {
      dir: stateDir,
      redisUrl: redis,
      conversationTtlMs: integer(env, "CONVERSATION_TTL_MS", 600_000, 0, 86_400_000),
      buttonTtlMs: integer(env, "BUTTON_TTL_MS", 86_400_000, 60_000, 30 * 86_400_000),
      feedbackLog: onOff(env, "FEEDBACK_LOG", true),
      feedbackRetentionDays: integer(env, "FEEDBACK_RETENTION_DAYS", 30, 1, 3650),
      salt,
    },
    secrets: [discordToken, telegramToken, llmApiKey, webhookSecret, salt, ...redisSecrets(redis)].filter((s): s is string => Boolean(s)),
  };
}

/** Links followed in a row before INDEX_DIR is taken for a loop (Linux's own limit). */
const MAX_LINKS = 40;

/**
 * INDEX_DIR as the folder a rebuild replaces: where it is a symbolic link (index -> /volume/idx), the folder it
 * leads to, followed once here. A rebuild renames a new folder into the index's place and the old one aside: done
 * to the link, that put a plain folder where the link was and left the volume's index behind; and the index's lock
 * and scratch folders go beside the folder itself, which is where another process naming the volume looks. A link
 * to a folder not made yet leads to where it will be made.
 * @throws ConfigError for a loop of links.
 */
function linkTarget(path: string): string {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops += 1) {
    let info: Stats | undefined;
    try {
      info = lstatSync(current, { throwIfNoEntry: false });
    } catch (error) {
      // A file or a folder this process may not read on the way (ENOTDIR, EACCES): no link to follow here, and the
      // index lock and the store name what is wrong with the path when they use it (a bot then answers from memory).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR" || code === "EACCES") return current;
      throw new ConfigError("INDEX_DIR", `${path} cannot be read`, { cause: error });
    }
    if (!info?.isSymbolicLink()) return current;
    try {
      return realpathSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ELOOP") break;
      // Leads to nothing yet: follow it by hand to where the folder will be.
      if (code !== "ENOENT") throw new ConfigError("INDEX_DIR", `${path} is a symbolic link that cannot be followed`, { cause: error });
    }
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw new ConfigError("INDEX_DIR", `${path} is a symbolic link in a loop; point it at a folder`);
}

/** `path` with the symbolic links of the part of it that exists followed: a folder as the file system sees it. */
function canonical(path: string): string {
  for (let dir = path, rest = ""; ; ) {
    try {
      return join(realpathSync(dir), rest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Anything but a part not made yet (a loop, no permission): compared as written, as before links were followed.
      if (code !== "ENOENT" && code !== "ENOTDIR") return path;
    }
    const up = dirname(dir);
    if (up === dir) return path;
    rest = join(basename(dir), rest);
    dir = up;
  }
}

/** Whether `inner` lies inside `outer` (not the same folder). */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path !== "" && path.split(sep)[0] !== ".." && !isAbsolute(path);
}
