/**
 * National capitals and their countries (`data/capitals.tsv`, from WordNet, with the capitals' Arabic names from
 * the FreeDict list; built by scripts/build-wordnet.ts). News names a government by its capital ("Washington
 * backs the mission", "واشنطن تدعم"), and so do questions about a briefing that names only the country.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tokenize, type Token } from "./text/tokenize.js";

export const CAPITALS_PATH = fileURLToPath(new URL("../../data/capitals.tsv", import.meta.url));

export interface Capitals {
  /** English capital -> its country's English names. */
  readonly byEnglish: ReadonlyMap<string, readonly string[]>;
  /** An Arabic name of a capital, normalised -> its country's English names. */
  readonly byArabicName: ReadonlyMap<string, readonly string[]>;
}

let cached: Capitals | undefined;

/** The capitals list, read once. */
export function loadCapitals(path = CAPITALS_PATH): Capitals {
  if (path === CAPITALS_PATH && cached) return cached;
  const byEnglish = new Map<string, readonly string[]>();
  const byArabicName = new Map<string, readonly string[]>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [capital = "", countries = "", arabic = ""] = line.split("\t");
    const names = countries.split("|").filter(Boolean);
    if (!capital || names.length === 0) continue;
    byEnglish.set(capital, names);
    for (const token of tokenize(arabic.replaceAll("|", " "))) if (!byArabicName.has(token.text)) byArabicName.set(token.text, names);
  }
  const capitals = { byEnglish, byArabicName };
  if (path === CAPITALS_PATH) cached = capitals;
  return capitals;
}

/** Words before a place name that make it the place ("the weather in Washington", "الطقس في واشنطن"). */
const PLACE_BEFORE = new Set(["in", "at", "of", "from", "to", "near", "into", "inside", "outside", "around", "across", "في", "الى", "من", "عن", "قرب", "داخل", "خارج"]);

/**
 * The English names of the country whose capital `tokens[i]` names as its government, or none: not after a
 * word that makes it the place ("in", "of", في), nor with a clitic preposition joined (بواشنطن, لواشنطن).
 */
export function countryOfCapital(tokens: readonly Token[], i: number, capitals = loadCapitals()): readonly string[] {
  const token = tokens[i];
  const before = tokens[i - 1]?.text;
  if (!token || (before !== undefined && PLACE_BEFORE.has(before))) return [];
  if (token.script === "latin") return capitals.byEnglish.get(token.text) ?? [];
  if (token.script !== "ar") return [];
  // The name as written, or after و ("and Washington"); ب and ل make it the place.
  const name = token.text.replace(/^و(?=..)/, "");
  return capitals.byArabicName.get(name) ?? capitals.byArabicName.get(token.text) ?? [];
}
