/**
 * npm run report                   what people asked that the briefings lack, 👎 answers, counts per day and platform
 * npm run report -- --days 7       only the last 7 days
 * npm run report -- --json         the same as one JSON object
 *
 * Reads the feedback log of STATE_DIR and, with REDIS_URL set, Redis (merged: what a replica recorded locally
 * while Redis was away is included).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createFeedbackLog, FEEDBACK_FILE, type FeedbackEvent, type FeedbackKind } from "../state/feedback.js";
import { connectRedis } from "../state/redis.js";
import { positiveWhole, readOptions, saidUsage } from "./args.js";
import { run, setup } from "./setup.js";

const USAGE = "usage: npm run report -- [--days N] [--json]";
const DAY_MS = 24 * 60 * 60_000;

/** Counts of one day on one platform. */
interface DayCounts {
  readonly day: string;
  readonly platform: string;
  readonly declined: number;
  readonly up: number;
  readonly down: number;
}

/** A declined question, grouped with the same question asked again (case and spacing ignored). */
interface DeclinedQuestion {
  readonly question: string;
  readonly times: number;
  readonly lastAsked: string;
  readonly platforms: readonly string[];
}

interface Report {
  readonly since: string;
  readonly counts: readonly DayCounts[];
  readonly declined: readonly DeclinedQuestion[];
  /** 👎 answers, newest first, with their question and citations. */
  readonly disliked: readonly { readonly at: string; readonly platform: string; readonly question: string; readonly citations: FeedbackEvent["citations"] }[];
}

/** The report over `events` from `since` (ms) on. */
function buildReport(events: readonly FeedbackEvent[], since: number): Report {
  const recent = events.filter((e) => e.at >= since);
  const counts = new Map<string, { day: string; platform: string; declined: number; up: number; down: number }>();
  for (const e of recent) {
    const day = new Date(e.at).toISOString().slice(0, 10);
    const key = `${day}\0${e.platform}`;
    const row = counts.get(key) ?? { day, platform: e.platform, declined: 0, up: 0, down: 0 };
    row[e.kind satisfies FeedbackKind] += 1;
    counts.set(key, row);
  }
  const declined = new Map<string, { question: string; times: number; last: number; platforms: Set<string> }>();
  for (const e of recent.filter((x) => x.kind === "declined")) {
    const key = e.question.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
    const group = declined.get(key) ?? { question: e.question.trim(), times: 0, last: 0, platforms: new Set<string>() };
    group.times += 1;
    group.last = Math.max(group.last, e.at);
    group.platforms.add(e.platform);
    declined.set(key, group);
  }
  return {
    since: new Date(since).toISOString(),
    counts: [...counts.values()].sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform)),
    declined: [...declined.values()]
      .sort((a, b) => b.times - a.times || b.last - a.last)
      .map((g) => ({ question: g.question, times: g.times, lastAsked: new Date(g.last).toISOString(), platforms: [...g.platforms].sort() })),
    disliked: recent
      .filter((e) => e.kind === "down")
      .sort((a, b) => b.at - a.at)
      .map((e) => ({ at: new Date(e.at).toISOString(), platform: e.platform, question: e.question, citations: e.citations })),
  };
}

/**
 * A recorded text as the report prints it, every control and invisible character (a right-to-left override, which
 * would reverse the operator's line; a zero-width space, which would hide a difference) written as its escape.
 * The bot stores questions as the core read them, without these; a file edited by hand or written by an older
 * version may hold them.
 */
const visible = (text: string): string =>
  text.replace(/[\p{Cf}\p{Cc}\u2028\u2029]/gu, (c) => {
    const hex = (c.codePointAt(0) ?? 0).toString(16);
    // Beyond U+FFFF (the tag characters) in braces: "\ue0001" would read as U+E000 and a 1.
    return hex.length > 4 ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
  });
/** A question as the report prints it: quoted, and visible. */
const quoted = (text: string): string => visible(JSON.stringify(text));

/** The report as text for a terminal. */
function formatReport(report: Report, where: string): string {
  const lines = [`Feedback since ${report.since.slice(0, 10)} (${where})`, ""];
  lines.push("Per day and platform:");
  if (report.counts.length === 0) lines.push("  nothing recorded");
  else {
    lines.push("  day         platform  declined  👍  👎");
    for (const c of report.counts) lines.push(`  ${c.day}  ${visible(c.platform).padEnd(8)}  ${String(c.declined).padStart(8)}  ${String(c.up).padStart(2)}  ${String(c.down).padStart(2)}`);
  }
  lines.push("", `Declined questions (${report.declined.length}), what people ask that the briefings lack:`);
  if (report.declined.length === 0) lines.push("  none");
  for (const d of report.declined) lines.push(`  ${d.times}× ${quoted(d.question)}  (last ${d.lastAsked.slice(0, 16).replace("T", " ")}, ${d.platforms.map(visible).join(", ")})`);
  lines.push("", `👎 answers (${report.disliked.length}):`);
  if (report.disliked.length === 0) lines.push("  none");
  for (const d of report.disliked) {
    lines.push(`  ${d.at.slice(0, 16).replace("T", " ")} ${visible(d.platform)}: ${quoted(d.question)}`);
    for (const c of d.citations) lines.push(`      [${c.n}] ${visible(c.source)}, ${visible(c.label)} (characters ${c.start}-${c.end})`);
  }
  return `${lines.join("\n")}\n`;
}

const OPTIONS = { json: { type: "boolean" }, help: { type: "boolean", short: "h" }, days: { type: "string" } } as const;

/** The command line read, or what is wrong with it (said before the usage: the usage alone does not say which). */
function readArgs(args: readonly string[]): { json: boolean; help: boolean; days: number | undefined } | { error: string } {
  const read = readOptions(args, OPTIONS, { refusePositionals: "the report takes only options" });
  const daysWanted = "--days expects a whole number of days, 1 or more";
  // "--days" without its number (or followed by another option) is told what it wants, as a wrong number is.
  if ("error" in read) return { error: read.code === "needs-value" ? daysWanted : read.error };
  const { json = false, help = false, days } = read.values;
  if (days !== undefined && positiveWhole(days) === undefined) return { error: `${daysWanted}, not ${JSON.stringify(days)}` };
  return { json, help, days: days === undefined ? undefined : Number(days) };
}

run(async () => {
  const args = readArgs(process.argv.slice(2));
  if (saidUsage(args, USAGE) || "error" in args) return;
  const { json, days } = args;
  const { config, logger } = setup();
  const { state } = config;
  const redis = state.redisUrl === undefined ? undefined : await connectRedis(state.redisUrl, { logger });
  try {
    const log = createFeedbackLog({ dir: state.dir, retentionDays: state.feedbackRetentionDays, salt: state.salt, redis, logger });
    // Nothing older than the retention period is kept: a longer --days shows no more, and the header says so.
    const kept = state.feedbackRetentionDays;
    const since = Date.now() - Math.min(days ?? kept, kept) * DAY_MS;
    const { events, redis: read } = await log.listed();
    const report = buildReport(events, since);
    // What the listing did, not what Redis looks like after it: a refused read (WRONGTYPE) leaves it "available".
    const source = read === "not used" ? state.dir : read === "read" ? `${state.dir} and Redis` : `${state.dir} only: Redis could not be read, what it holds is not shown`;
    const notes = [
      source,
      // A mistyped STATE_DIR reads as a quiet bot unless this is said.
      // With Redis the file is written only while Redis is away: its absence says nothing then.
      ...(redis !== undefined || existsSync(join(state.dir, FEEDBACK_FILE)) ? [] : [`no ${FEEDBACK_FILE} there: nothing was recorded in this folder`]),
      ...(state.feedbackLog ? [] : ["FEEDBACK_LOG=off: nothing new is recorded"]),
      ...(days !== undefined && days > kept ? [`feedback is kept ${kept} days (FEEDBACK_RETENTION_DAYS)`] : []),
    ];
    const where = notes.join("; ");
    // Where the events came from, in the JSON too: without Redis's, a report of this folder alone is not the whole.
    const sources = { folder: state.dir, redis: read };
    process.stdout.write(json ? `${JSON.stringify({ ...report, sources })}\n` : formatReport(report, where));
  } finally {
    await redis?.close();
  }
});
