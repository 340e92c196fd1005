/**
 * Converts Debian's FreeDict English-Arabic and Arabic-English dictionaries (by Arabeyes, GPL-2.0-or-later)
 * into `data/freedict-eng-ara.tsv`, the compact English-to-Arabic word list the query translator loads.
 * The English-Arabic side is noun-heavy ("play" is only "المسرحية"), so the Arabic-English side is inverted
 * and appended: it brings verbs and inflected forms ("played" -> "لعب").
 *
 * Run once after `apt-get install dict-freedict-eng-ara dict-freedict-ara-eng`:
 *   npx tsx scripts/build-dictionary.ts [/usr/share/dictd]
 * The output is committed, so nothing needs apt at run time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

const MAX_TRANSLATIONS = 6;
const MAX_TRANSLATION_WORDS = 3;
const MAX_HEADWORD_WORDS = 3;
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const decode = (field: string): number => [...field].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

/** The Arabic alternatives of one dictd entry body (headword line already removed). */
function translations(body: string): string[] {
  return body
    .split("\n")
    .flatMap((line) => line.replace(/^\s*\d+\.\s*/, "").split(/[،,;/]/))
    .map((t) => t.replace(DIACRITICS, "").replace(/\s+/g, " ").trim())
    .filter((t) => /[\u0621-\u064A]/.test(t) && t.split(" ").length <= MAX_TRANSLATION_WORDS);
}

/** Every entry of a dictd database as [headword line, body]. */
function* readDictd(dir: string, name: string): Generator<[string, string]> {
  const dict = gunzipSync(readFileSync(join(dir, `${name}.dict.dz`)));
  for (const line of readFileSync(join(dir, `${name}.index`), "utf8").split("\n")) {
    const [headword, offset, length] = line.split("\t");
    if (!headword || !offset || !length || headword.startsWith("00-database")) continue;
    const start = decode(offset);
    const text = dict.subarray(start, start + decode(length)).toString("utf8");
    const cut = text.indexOf("\n");
    yield [text.slice(0, cut).replace(/\s*\/[^/]*\/\s*$/, ""), text.slice(cut + 1)];
  }
}

const englishKey = (text: string): string | undefined => {
  const key = text.toLowerCase().replace(/\s+/g, " ").trim();
  return /^[a-z][a-z' -]*$/.test(key) && key.split(" ").length <= MAX_HEADWORD_WORDS ? key : undefined;
};

function main(dir: string): void {
  // Per English word: translations from the English-Arabic side, and Arabic headwords glossed by it.
  const entries = new Map<string, [string[], string[]]>();
  const add = (key: string | undefined, arabic: readonly string[], side: 0 | 1): void => {
    if (!key) return;
    const entry = entries.get(key) ?? [[], []];
    for (const t of arabic) if (!entry[0].includes(t) && !entry[1].includes(t)) entry[side].push(t);
    entries.set(key, entry);
  };
  for (const [headword, body] of readDictd(dir, "freedict-eng-ara")) add(englishKey(headword), translations(body), 0);
  for (const [headword, body] of readDictd(dir, "freedict-ara-eng")) {
    const arabic = translations(headword);
    for (const gloss of body.split("\n")) add(englishKey(gloss.replace(/^\s*\d+\.\s*/, "")), arabic, 1);
  }
  const lines = [...entries]
    .filter(([, [direct, inverse]]) => direct.length + inverse.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, [direct, inverse]]) => `${k}\t${direct.slice(0, MAX_TRANSLATIONS).join("|")}\t${inverse.slice(0, MAX_TRANSLATIONS).join("|")}`);
  const header =
    "# FreeDict English-Arabic 0.6.3 and Arabic-English (Arabeyes.org), GPL-2.0-or-later; see data/README.md\n" +
    "# english<TAB>translations (eng-ara)<TAB>arabic headwords glossed by it (ara-eng), each |-separated\n";
  writeFileSync(new URL("../data/freedict-eng-ara.tsv", import.meta.url), header + lines.join("\n") + "\n");
  console.log(`wrote ${lines.length} headwords to data/freedict-eng-ara.tsv`);
}

main(process.argv[2] ?? "/usr/share/dictd");
