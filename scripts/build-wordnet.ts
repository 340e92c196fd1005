/**
 * Converts Princeton WordNet 3.0 (Debian's `wordnet-base`, WordNet 3.0 licence) into `data/wordnet-en.tsv`: per
 * English word, the words an English question word may stand for when it is looked up in the English-Arabic
 * word lists.
 *
 * - lemmas: irregular forms to their base ("won" -> "win", "children" -> "child"), from the *.exc lists;
 * - derived: derivationally related forms ("candidacy" -> "candidate", "election" -> "elect"), from the
 *   word-to-word "+" pointers, and pertainyms ("Algerian" -> "Algeria", "\\" pointers);
 * - synonyms: the other one-word lemmas of the word's most frequent sense ("physician" -> "doctor"), in each
 *   part of speech WordNet's tagged texts use it in at least a quarter as often as the one used most, that one's first
 *   (not the verb "weather", never seen: "endure"; "arrest" the verb's apprehend before the noun's apprehension).
 *
 * It also writes `data/capitals.tsv`: each national capital's country, and the Arabic names of both (from
 * data/freedict-eng-ara.tsv, so run scripts/build-dictionary.ts first when that changes).
 *
 * Run once after `apt-get install wordnet-base`:
 *   npx tsx scripts/build-wordnet.ts [/usr/share/wordnet]
 * The output is committed, so nothing needs apt at run time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isStopword } from "../src/rag/text/stopwords.js";

const POS = ["noun", "verb", "adj", "adv"] as const;
/** Synonyms kept per word: the most frequent sense's first few lemmas are the common ones. */
const MAX_SYNONYMS = 4;
const MAX_DERIVED = 6;
/** A part of speech's first sense gives synonyms where it was seen at least a quarter as often as the word's most used. */
const MIN_USE_SHARE = 4;

const plainWord = (w: string): string | undefined => {
  const word = w.toLowerCase().replace(/\(.*\)$/, "");
  return /^[a-z]{2,}$/.test(word) ? word : undefined;
};

interface Synset {
  readonly words: readonly string[];
  /** Lexical pointers: [symbol, target offset, target pos file, source word number, target word number]. */
  readonly pointers: readonly (readonly [string, string, string, number, number])[];
}

const FILE_OF: Readonly<Record<string, (typeof POS)[number]>> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

function readData(dir: string, pos: (typeof POS)[number]): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dir, `data.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const fields = line.split(" | ")[0]?.split(" ") ?? [];
    const offset = fields[0] ?? "";
    const count = Number.parseInt(fields[3] ?? "0", 16);
    const words: string[] = [];
    for (let i = 0; i < count; i += 1) words.push(fields[4 + 2 * i] ?? "");
    let at = 4 + 2 * count;
    const pointerCount = Number(fields[at]);
    at += 1;
    const pointers: [string, string, string, number, number][] = [];
    for (let i = 0; i < pointerCount; i += 1, at += 4) {
      const [symbol = "", target = "", targetPos = "", sourceTarget = "0000"] = fields.slice(at, at + 4);
      pointers.push([symbol, target, FILE_OF[targetPos] ?? "noun", Number.parseInt(sourceTarget.slice(0, 2), 16), Number.parseInt(sourceTarget.slice(2), 16)]);
    }
    synsets.set(offset, { words, pointers });
  }
  return synsets;
}

/** The offsets of `lemma`'s noun senses, from index.noun. */
function nounSenses(dir: string, lemma: string): string[] {
  const line = readFileSync(join(dir, "index.noun"), "utf8").split("\n").find((l) => l.startsWith(`${lemma} n `));
  const fields = line?.trim().split(" ") ?? [];
  const senses = fields.slice(fields.length - Number(fields[2]));
  if (senses.length === 0) throw new Error(`${lemma} is not in ${dir}/index.noun`);
  return senses;
}

/** A lemma as a name of one or more words ("Saudi_Arabia" -> "saudi arabia"), or undefined. */
const plainName = (w: string): string | undefined => {
  const name = w.toLowerCase().replace(/\(.*\)$/, "").replaceAll("_", " ");
  return /^[a-z]{2,}( [a-z]{2,})*$/.test(name) ? name : undefined;
};

/**
 * Each national capital's country (WordNet: an instance of "national capital", part of a country or of a
 * region that is): "washington" -> america, usa, ..., "paris" -> france. A news text names a government by
 * its capital ("Washington says"), so a question may too. Capitals of more than one word (Abu Dhabi) are left
 * out: a question's words are read one at a time.
 */
function capitals(dir: string, nouns: ReadonlyMap<string, Synset>): Map<string, Set<string>> {
  const [nationalCapital] = nounSenses(dir, "national_capital");
  const country = new Set(nounSenses(dir, "country"));
  const targets = (offset: string, symbol: string): string[] => (nouns.get(offset)?.pointers ?? []).filter((p) => p[0] === symbol).map((p) => p[1]);
  /** The offsets `symbol` leads to from `from`, up to `depth` steps away. */
  const reach = (from: readonly string[], symbol: string, depth: number): string[] => {
    const seen = new Set<string>();
    let layer = [...from];
    for (let d = 0; d < depth && layer.length > 0; d += 1) {
      layer = layer.flatMap((o) => targets(o, symbol)).filter((o) => !seen.has(o));
      for (const o of layer) seen.add(o);
    }
    return [...seen];
  };
  // An instance of "country" or of a kind of it, however deep ("Balkan country", a "European country").
  const isCountry = (offset: string): boolean => {
    const kinds = targets(offset, "@i");
    return [...kinds, ...reach(kinds, "@", 6)].some((k) => country.has(k));
  };
  const out = new Map<string, Set<string>>();
  for (const [offset, synset] of nouns) {
    if (nationalCapital === undefined || !targets(offset, "@i").includes(nationalCapital)) continue;
    // Its country: the nearest part holonym that is one (Washington is part of the District of Columbia).
    const state = reach([offset], "#p", 3).find(isCountry);
    const names = (state ? nouns.get(state)?.words ?? [] : []).map(plainName).filter((w): w is string => w !== undefined);
    for (const capital of synset.words.map(plainWord)) {
      if (!capital || names.length === 0 || names.includes(capital)) continue;
      const set = out.get(capital) ?? new Set();
      for (const name of names) set.add(name);
      out.set(capital, set);
    }
  }
  return out;
}

/** Per one-word Arabic translation in the FreeDict list (data/freedict-eng-ara.tsv), the English words it translates. */
function glossOwners(dictionary: string): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const line of dictionary.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [word = "", direct = ""] = line.split("\t");
    for (const t of direct.split("|").map((x) => x.trim())) {
      if (!t || /\s/.test(t)) continue;
      const set = owners.get(t) ?? new Set();
      set.add(word);
      owners.set(t, set);
    }
  }
  return owners;
}

/** The one-word Arabic translations of `english`. */
const arabicOf = (owners: ReadonlyMap<string, ReadonlySet<string>>, english: string): string[] =>
  [...owners].filter(([, words]) => words.has(english)).map(([arabic]) => arabic);

/** A sense key's synset type (cntlist.rev): 5 is an adjective satellite. */
const SS_TYPE: Readonly<Record<string, (typeof POS)[number]>> = { "1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj" };

/**
 * How often each lemma's first sense of each part of speech was seen in WordNet's tagged texts (cntlist.rev:
 * "lemma%ss_type:..." sense_number count), keyed "lemma pos".
 */
function firstSenseCounts(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(join(dir, "cntlist.rev"), "utf8").split("\n")) {
    const [key = "", sense, count] = line.split(" ");
    const match = /^([^%]+)%([1-5]):/.exec(key);
    if (sense !== "1" || !match) continue;
    const pos = SS_TYPE[match[2] ?? ""];
    const at = `${match[1]} ${pos}`;
    counts.set(at, (counts.get(at) ?? 0) + Number(count));
  }
  return counts;
}

/**
 * Whether `lemma` was seen used as `pos` in WordNet's tagged texts, or in none of its parts of speech: a question's
 * "weather" is the noun (20 uses), not the verb (none), whose "endure" found تحمل in a briefing.
 */
function usedAs(counts: ReadonlyMap<string, number>, lemma: string, pos: (typeof POS)[number]): boolean {
  return (counts.get(`${lemma} ${pos}`) ?? 0) > 0 || POS.every((p) => (counts.get(`${lemma} ${p}`) ?? 0) === 0);
}

function main(dir: string): void {
  const data = new Map(POS.map((pos) => [pos, readData(dir, pos)] as const));
  const counts = firstSenseCounts(dir);
  const lemmas = new Map<string, Set<string>>();
  const derived = new Map<string, Set<string>>();
  const synonyms = new Map<string, Set<string>>();
  /** Per word, its first sense in each part of speech it is used in, and how often that sense was seen. */
  const firstSenses = new Map<string, { readonly uses: number; readonly words: readonly string[] }[]>();
  const add = (map: Map<string, Set<string>>, key: string | undefined, value: string | undefined, max = Infinity): void => {
    if (!key || !value || key === value) return;
    const set = map.get(key) ?? new Set();
    if (set.size < max) set.add(value);
    map.set(key, set);
  };

  for (const pos of POS) {
    for (const line of readFileSync(join(dir, `${pos}.exc`), "utf8").split("\n")) {
      const [form, ...bases] = line.trim().split(" ");
      for (const base of bases) add(lemmas, plainWord(form ?? ""), plainWord(base));
    }
    const synsets = data.get(pos) ?? new Map<string, Synset>();
    for (const line of readFileSync(join(dir, `index.${pos}`), "utf8").split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const fields = line.trim().split(" ");
      const word = plainWord(fields[0] ?? "");
      const senses = Number(fields[2]);
      const first = fields[fields.length - senses];
      const synset = first ? synsets.get(first) : undefined;
      if (!word || !synset || !usedAs(counts, fields[0] ?? "", pos)) continue;
      const seen = firstSenses.get(word) ?? [];
      seen.push({ uses: counts.get(`${fields[0]} ${pos}`) ?? 0, words: synset.words });
      firstSenses.set(word, seen);
    }
    for (const synset of synsets.values()) {
      for (const [symbol, target, targetPos, source, targetWord] of synset.pointers) {
        if ((symbol !== "+" && symbol !== "\\") || source === 0) continue;
        const from = plainWord(synset.words[source - 1] ?? "");
        const to = plainWord(data.get(targetPos as (typeof POS)[number])?.get(target)?.words[targetWord - 1] ?? "");
        add(derived, from, to, MAX_DERIVED);
        add(derived, to, from, MAX_DERIVED);
      }
    }
  }
  // The synonyms of the part of speech used most first: "arrest" is the verb (20 uses) before the noun (5), whose
  // "apprehension" is also worry (قلق) and filled the synonyms kept before the verb's "apprehend" was reached. Not
  // those of a part of speech used far less ("expert", a noun 20 times, an adjective twice: adept, good).
  for (const [word, firsts] of firstSenses) {
    const most = Math.max(...firsts.map((f) => f.uses));
    for (const { uses, words } of firsts.sort((a, b) => b.uses - a.uses)) {
      if (uses * MIN_USE_SHARE < most) break;
      for (const other of words) add(synonyms, word, plainWord(other), MAX_SYNONYMS);
    }
  }

  const words = [...new Set([...lemmas.keys(), ...derived.keys(), ...synonyms.keys()])].sort();
  const join3 = (map: Map<string, Set<string>>, w: string): string => [...(map.get(w) ?? [])].join("|");
  const lines = words.map((w) => `${w}\t${join3(lemmas, w)}\t${join3(derived, w)}\t${join3(synonyms, w)}`);
  const header = [
    "# From Princeton WordNet 3.0 (WordNet 3.0 licence, see data/README.md), built by scripts/build-wordnet.ts",
    "# word<TAB>base forms of an irregular form<TAB>derivationally related words<TAB>synonyms of its first sense",
  ];
  writeFileSync(new URL("../data/wordnet-en.tsv", import.meta.url), `${[...header, ...lines].join("\n")}\n`);
  process.stdout.write(`${lines.length} words\n`);

  const owners = glossOwners(readFileSync(new URL("../data/freedict-eng-ara.tsv", import.meta.url), "utf8"));
  const countryOf = capitals(dir, data.get("noun") ?? new Map());
  const countryKey = (capital: string): string => [...(countryOf.get(capital) ?? [])].sort().join("|");
  // A capital's Arabic name is kept only when it translates nothing but spellings of capitals of that country:
  // عمان is Amman and Oman, ذكر "male" (Malé) and "mention", فينا Vaduz and Vienna.
  const ownName = (capital: string, arabic: string): boolean => [...(owners.get(arabic) ?? [])].every((w) => countryOf.has(w) && countryKey(w) === countryKey(capital));
  const capitalLines = [...countryOf.keys()].sort().map((c) => {
    const countries = [...(countryOf.get(c) ?? [])];
    const arabic = arabicOf(owners, c).filter((a) => ownName(c, a));
    // Not through a name that is a function word too ("us" is نحن).
    const countryArabic = [...new Set(countries.filter((name) => !isStopword(name)).flatMap((name) => arabicOf(owners, name)))];
    return [c, countries.join("|"), arabic.join("|"), countryArabic.join("|")].join("\t");
  });
  const capitalHeader = [
    "# From Princeton WordNet 3.0 (national capitals and their countries) and the FreeDict list (Arabic names; GPL-2 or",
    "# later, so this file is too: see data/README.md), built by scripts/build-wordnet.ts after build-dictionary.ts",
    "# capital<TAB>its country's names<TAB>the capital's one-word Arabic names<TAB>the country's one-word Arabic names",
  ];
  writeFileSync(new URL("../data/capitals.tsv", import.meta.url), `${[...capitalHeader, ...capitalLines].join("\n")}\n`);
  process.stdout.write(`${capitalLines.length} capitals\n`);
}

main(process.argv[2] ?? "/usr/share/wordnet");
