import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { REPO_ROOT, tempProject } from "./helpers/project.js";

/** Tokens of the shapes the platforms give (made up). */
const T_TOKEN = "123456789:AAH-abcdefghijklmnopqrstuvwxyz_0123";
const D_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz-_0123456789";

describe("loadConfig", () => {
  it("has working defaults with an empty environment", () => {
    const config = loadConfig({}, "/srv/bot");
    expect(config).toMatchObject({
      root: "/srv/bot",
      seedsDir: "/srv/bot/seeds",
      indexDir: "/srv/bot/index",
      logLevel: "info",
      consoleLogLevel: "warn",
      maxQuestionChars: 500,
      rateLimitPerMinute: 6,
      discord: undefined,
      telegram: undefined,
      llm: undefined,
      secrets: [],
    });
  });

  it("suggests an example question per language, the shipped briefing's unless set, and none longer than a question may be", () => {
    expect(loadConfig({}, "/srv").examples).toEqual({ en: "Who is Michele Sison?", ar: "من هي ميشال سيسون؟" });
    expect(loadConfig({ EXAMPLE_QUESTION_EN: " What did Norway mediate? " }, "/srv").examples.en).toBe("What did Norway mediate?");
    expect(() => loadConfig({ MAX_QUESTION_CHARS: "20", EXAMPLE_QUESTION_AR: "ما الذي قالته المسؤولة الأمريكية؟" }, "/srv")).toThrow(/^EXAMPLE_QUESTION_AR: is longer than MAX_QUESTION_CHARS \(20\)$/u);
    expect(loadConfig({ EXAMPLE_QUESTION_EN: "off" }, "/srv").examples).toEqual({ ar: "من هي ميشال سيسون؟" });
    // Within MAX_QUESTION_CHARS but too long for /help, which shows both in one Discord message of 2,000 at most.
    expect(() => loadConfig({ MAX_QUESTION_CHARS: "4000", EXAMPLE_QUESTION_EN: "Who? ".repeat(180) }, "/srv")).toThrow(/^EXAMPLE_QUESTION_EN: is longer than 200 characters/u);
    // The default under a limit shorter than it is no example, not an error.
    expect(loadConfig({ MAX_QUESTION_CHARS: "20" }, "/srv").examples).toEqual({ ar: "من هي ميشال سيسون؟" });
  });

  it("enables a platform by its token and collects every secret for redaction", () => {
    const config = loadConfig(
      { DISCORD_TOKEN: D_TOKEN, TELEGRAM_BOT_TOKEN: T_TOKEN, TELEGRAM_ALLOWED_CHATS: " 1, -2 ,", LLM_BASE_URL: "http://127.0.0.1:1/v1/", LLM_MODEL: "m", LLM_API_KEY: "k-key" },
      "/srv",
    );
    expect(config.discord?.token).toBe(D_TOKEN);
    expect(config.telegram?.allowedChats).toEqual(["1", "-2"]);
    expect(config.llm).toMatchObject({ baseUrl: "http://127.0.0.1:1/v1", model: "m" });
    expect(config.secrets).toEqual([D_TOKEN, T_TOKEN, "k-key"]);
  });

  it("takes tokens of the shapes the platforms give, and the local fakes' (which telegraf redacts from URLs as real ones)", () => {
    for (const token of [T_TOKEN, "123456:TEST-fake-token_abcdefghijklmnop", "999999:WRONG-token_abcdefghijklmnopqrs"]) {
      expect(loadConfig({ TELEGRAM_BOT_TOKEN: ` ${token} ` }, "/srv").telegram?.token).toBe(token);
    }
    for (const token of [D_TOKEN, "fake.discord.bot-token-0123456789"]) expect(loadConfig({ DISCORD_TOKEN: token }, "/srv").discord?.token).toBe(token);
  });

  it("names BOT_ROOT, not the seeds folder in it, when BOT_ROOT is missing or not a folder", () => {
    const project = tempProject(false);
    try {
      const missing = join(project.root, "nonexistent");
      const file = join(project.root, "a-file");
      writeFileSync(file, "");
      expect(() => loadConfig({ BOT_ROOT: missing })).toThrow(new ConfigError("BOT_ROOT", `${missing} does not exist`));
      expect(() => loadConfig({ BOT_ROOT: file })).toThrow(new ConfigError("BOT_ROOT", `${file} is not a folder`));
      expect(() => loadConfig({ BOT_ROOT: "nonexistent" }, project.root)).toThrow(new ConfigError("BOT_ROOT", `${missing} does not exist`));
      expect(loadConfig({ BOT_ROOT: project.root }).seedsDir).toBe(join(project.root, "seeds"));
    } finally {
      project.remove();
    }
  });

  it("gives Telegram a webhook (URL, secret, port together) only when TELEGRAM_WEBHOOK_URL is set", () => {
    const hooked = loadConfig({ TELEGRAM_BOT_TOKEN: T_TOKEN, TELEGRAM_WEBHOOK_URL: "https://bot.example/hook", TELEGRAM_WEBHOOK_SECRET: "s3cret-of-16-chars", TELEGRAM_WEBHOOK_PORT: "9000" });
    expect(hooked.telegram?.webhook).toEqual({ url: "https://bot.example/hook", secret: "s3cret-of-16-chars", port: 9000 });
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: T_TOKEN, TELEGRAM_WEBHOOK_SECRET: "s3cret-of-16-chars" }).telegram?.webhook).toBeUndefined();
  });

  it("takes LOG_LEVEL in any case, as FEEDBACK_LOG", () => {
    expect(loadConfig({ LOG_LEVEL: "DEBUG" }).logLevel).toBe("debug");
    expect(loadConfig({ LOG_LEVEL: "Warn" }).consoleLogLevel).toBe("warn");
  });

  it.each([
    [{ MAX_QUESTION_CHARS: "lots" }, "MAX_QUESTION_CHARS"],
    [{ RATE_LIMIT_PER_MINUTE: "-5" }, "RATE_LIMIT_PER_MINUTE"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ LLM_BASE_URL: "ftp://x" }, "LLM_BASE_URL"],
    [{ LLM_BASE_URL: "http://x" }, "LLM_MODEL"],
    // A model without its server was ignored: the bot answered offline without a word.
    [{ LLM_MODEL: "gpt-4o-mini", LLM_API_KEY: "k" }, "LLM_BASE_URL"],
    [{ EMBEDDINGS_MODEL: "bge-m3" }, "EMBEDDINGS_BASE_URL"],
    [{ TELEGRAM_WEBHOOK_URL: "https://bot.example" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_WEBHOOK_SECRET: "has spaces" }, "TELEGRAM_WEBHOOK_SECRET"],
    // Short, a secret could be guessed, and redacting it would blank that word in every log line.
    [{ TELEGRAM_WEBHOOK_SECRET: "level" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ REDIS_URL: "http://cache.example:6379" }, "REDIS_URL"],
    [{ REDIS_URL: "not a url" }, "REDIS_URL"],
    [{ FEEDBACK_LOG: "sometimes" }, "FEEDBACK_LOG"],
    [{ FEEDBACK_RETENTION_DAYS: "-3" }, "FEEDBACK_RETENTION_DAYS"],
    [{ CONVERSATION_TTL_MS: "-1" }, "CONVERSATION_TTL_MS"],
    [{ BUTTON_TTL_MS: "-7" }, "BUTTON_TTL_MS"],
    [{ STATE_SALT: "short" }, "STATE_SALT"],
    // Digits only, not what Number() also reads.
    [{ MAX_QUESTION_CHARS: "1e3" }, "MAX_QUESTION_CHARS"],
    [{ RATE_LIMIT_PER_MINUTE: "0x10" }, "RATE_LIMIT_PER_MINUTE"],
    // A feature's variables are read while it is off too.
    [{ TELEGRAM_WEBHOOK_PORT: "99999" }, "TELEGRAM_WEBHOOK_PORT"],
    [{ LLM_TIMEOUT_MS: "5" }, "LLM_TIMEOUT_MS"],
    [{ DISCORD_API_BASE: "ftp://x" }, "DISCORD_API_BASE"],
    [{ TELEGRAM_API_ROOT: "not a url" }, "TELEGRAM_API_ROOT"],
    // A chat's @name or a typo matches no chat: the bot would answer nowhere and say nothing.
    [{ TELEGRAM_ALLOWED_CHATS: "-1001234, @mygroup" }, "TELEGRAM_ALLOWED_CHATS"],
    [{ DISCORD_ALLOWED_GUILDS: "my-server" }, "DISCORD_ALLOWED_GUILDS"],
    [{ DISCORD_GUILD_ID: "my-server" }, "DISCORD_GUILD_ID"],
    [{ DISCORD_GUILD_ID: "123456789012345678,223456789012345678" }, "DISCORD_GUILD_ID"],
    // Compared as text, a leading zero would match no chat.
    [{ TELEGRAM_ALLOWED_CHATS: "0123" }, "TELEGRAM_ALLOWED_CHATS"],
    // A token of the wrong shape: telegraf tried to connect with it (offline, a DNS error; online, "404: Not Found").
    [{ TELEGRAM_BOT_TOKEN: "notatoken" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_BOT_TOKEN: "123456:short" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_BOT_TOKEN: `bot${T_TOKEN}` }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_BOT_TOKEN: `${T_TOKEN} x` }, "TELEGRAM_BOT_TOKEN"],
    [{ DISCORD_TOKEN: "notatoken" }, "DISCORD_TOKEN"],
    [{ DISCORD_TOKEN: `${D_TOKEN}.x y` }, "DISCORD_TOKEN"],
  ])("fails fast on %o, naming %s but never echoing the value", (env, key) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    for (const value of Object.values(env)) expect((error as Error).message).not.toContain(value);
  });

  it("defaults the state to this process and the state/ folder, and keeps a Redis password and the salt secret", () => {
    expect(loadConfig({}, "/srv/bot").state).toEqual({
      dir: "/srv/bot/state",
      redisUrl: undefined,
      conversationTtlMs: 600_000,
      buttonTtlMs: 86_400_000,
      feedbackLog: true,
      feedbackRetentionDays: 30,
      salt: undefined,
    });
    const config = loadConfig({ REDIS_URL: "redis://:p%40ss-word@cache:6379/2", FEEDBACK_LOG: "off", STATE_DIR: "/var/lib/bot", STATE_SALT: "0123456789abcdef0" }, "/srv");
    expect(config.state).toMatchObject({ redisUrl: "redis://:p%40ss-word@cache:6379/2", feedbackLog: false, dir: "/var/lib/bot", salt: "0123456789abcdef0" });
    expect(config.secrets).toEqual(expect.arrayContaining(["redis://:p%40ss-word@cache:6379/2", "p%40ss-word", "p@ss-word", "0123456789abcdef0"]));
    // A user name is not secret: "default" (hosted Redis's) would be blanked in every log line.
    expect(loadConfig({ REDIS_URL: "redis://default:a-long-password@cache:6379" }, "/srv").secrets).not.toContain("default");
    // Unless it is all the URL gives: then it is the password, written in the user name's place.
    expect(loadConfig({ REDIS_URL: "redis://s3cret-token@cache:6379" }, "/srv").secrets).toContain("s3cret-token");
    expect(loadConfig({ REDIS_URL: "redis://default@cache:6379" }, "/srv").secrets).not.toContain("default");
  });

  it("refuses an INDEX_DIR that a rebuild would replace with the briefings, the state or the project in it", () => {
    const refused = (env: Record<string, string>) => () => loadConfig(env, "/srv/bot");
    for (const env of [
      { INDEX_DIR: "seeds" },
      { INDEX_DIR: "." },
      { INDEX_DIR: ".." },
      { INDEX_DIR: "/srv" },
      { SEEDS_DIR: "index/briefings" },
      { INDEX_DIR: "seeds/index" },
      { INDEX_DIR: "state" },
      { STATE_DIR: "/srv/bot/index/state" },
      { INDEX_DIR: "/data", STATE_DIR: "/data/state" },
    ]) {
      expect(refused(env), JSON.stringify(env)).toThrow(/^INDEX_DIR: .+; give the index a folder of its own$/u);
    }
    // Beside the others, or under a name that only starts like theirs, it is its own.
    expect(loadConfig({ INDEX_DIR: "seeds-index", STATE_DIR: "/var/lib/bot" }, "/srv/bot").indexDir).toBe("/srv/bot/seeds-index");
    expect(loadConfig({ INDEX_DIR: "/var/cache/bot-index" }, "/srv/bot").indexDir).toBe("/var/cache/bot-index");
    // One volume for the state and the index in it.
    expect(loadConfig({ STATE_DIR: "/data", INDEX_DIR: "/data/index" }, "/srv/bot").indexDir).toBe("/data/index");
  });

  it("follows an INDEX_DIR that is a symbolic link to its folder, which a rebuild then replaces instead of the link (found by a review)", () => {
    const p = tempProject(false);
    try {
      const root = realpathSync(p.root);
      const volume = join(root, "volume", "idx");
      mkdirSync(volume, { recursive: true });
      symlinkSync(volume, join(root, "index"));
      expect(loadConfig({ BOT_ROOT: root }).indexDir).toBe(volume);
      // A chain of relative links to a folder not made yet leads to where it will be made.
      symlinkSync("volume/later", join(root, "soon"));
      symlinkSync("soon", join(root, "chain"));
      expect(loadConfig({ BOT_ROOT: root, INDEX_DIR: "chain" }).indexDir).toBe(join(root, "volume", "later"));
      // What it leads to is checked as INDEX_DIR itself would be: not the briefings, not the project.
      mkdirSync(join(root, "seeds"));
      symlinkSync(join(root, "seeds"), join(root, "to-seeds"));
      symlinkSync(".", join(root, "to-root"));
      expect(() => loadConfig({ BOT_ROOT: root, INDEX_DIR: "to-seeds" })).toThrow(`INDEX_DIR: ${join(root, "to-seeds")} (a link to ${join(root, "seeds")}) overlaps SEEDS_DIR`);
      expect(() => loadConfig({ BOT_ROOT: root, INDEX_DIR: "to-root" })).toThrow(/^INDEX_DIR: .+ holds the project \(BOT_ROOT\)/u);
      symlinkSync("loop-b", join(root, "loop-a"));
      symlinkSync("loop-a", join(root, "loop-b"));
      expect(() => loadConfig({ BOT_ROOT: root, INDEX_DIR: "loop-a" })).toThrow(`INDEX_DIR: ${join(root, "loop-a")} is a symbolic link in a loop`);
      // A file on the way is not the configuration's to refuse: the bot answers from an index in memory then.
      writeFileSync(join(root, "file"), "");
      expect(loadConfig({ BOT_ROOT: root, INDEX_DIR: "file/index" }).indexDir).toBe(join(root, "file", "index"));
    } finally {
      p.remove();
    }
  });

  it("reads exactly the variables .env.example documents", () => {
    const source = readFileSync(join(REPO_ROOT, "src/config.ts"), "utf8");
    const read = new Set([...source.matchAll(/\b(?:text|integer|list|ids|url|redisUrl|onOff|example)\(env, "([A-Z_]+)"/g)].map((m) => m[1]));
    const example = readFileSync(join(REPO_ROOT, ".env.example"), "utf8");
    const documented = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual([...read].sort());
  });
});
