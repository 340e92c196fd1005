/**
 * Converts Princeton WordNet 3.0 (Debian's `wordnet-base`, WordNet 3.0 licence) into `data/wordnet-en.tsv`: per
 * English word, the words an English question word may stand for when it is looked up in the English-Arabic
 * word lists.
 *
 * - lemmas: irregular forms to their base ("won" -> "win", "children" -> "child"), from the *.exc lists;
 * - derived: derivationally related forms ("candidacy" -> "candidate", "election" -> "elect"), from the
 *   word-to-word "+" pointers, and pertainyms ("Algerian" -> "Algeria", "\\" pointers);
 * - synonyms: the other one-word lemmas of the word's most frequent sense ("physician" -> "doctor").
 *
 * It also writes `data/capitals.tsv`: each national capital's country, and the capital's Arabic names.
 *
 * Run once after `apt-get install wordnet-base`:
 *   npx tsx scripts/build-wordnet.ts [/usr/share/wordnet]
 * The output is committed, so nothing needs apt at run time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const POS = ["noun", "verb", "adj", "adv"] as const;
/** Synonyms kept per word: the most frequent sense's first few lemmas are the common ones. */
const MAX_SYNONYMS = 4;
const MAX_DERIVED = 6;

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

/**
 * Each national capital's country (WordNet: an instance of "national capital", part of a country or of a
 * district that is): "washington" -> america, usa, ..., "paris" -> france. A news text names a government by
 * its capital ("Washington says"), so a question may too.
 */
function capitals(dir: string, nouns: ReadonlyMap<string, Synset>): Map<string, Set<string>> {
  const [nationalCapital] = nounSenses(dir, "national_capital");
  const country = new Set(nounSenses(dir, "country"));
  const targets = (offset: string, symbol: string): string[] => (nouns.get(offset)?.pointers ?? []).filter((p) => p[0] === symbol).map((p) => p[1]);
  // An instance of "country" or of a kind of it ("African country").
  const isCountry = (offset: string): boolean => targets(offset, "@i").some((kind) => country.has(kind) || targets(kind, "@").some((k) => country.has(k)));
  const out = new Map<string, Set<string>>();
  for (const [offset, synset] of nouns) {
    if (nationalCapital === undefined || !targets(offset, "@i").includes(nationalCapital)) continue;
    // Its country: a part holonym, or one of a part holonym's (Washington is part of the District of Columbia).
    const holonyms = targets(offset, "#p");
    const state = [...holonyms, ...holonyms.flatMap((h) => targets(h, "#p"))].find(isCountry);
    const names = (state ? nouns.get(state)?.words ?? [] : []).map(plainWord).filter((w): w is string => w !== undefined);
    for (const capital of synset.words.map(plainWord)) {
      if (!capital || names.length === 0 || names.includes(capital)) continue;
      const set = out.get(capital) ?? new Set();
      for (const name of names) set.add(name);
      out.set(capital, set);
    }
  }
  return out;
}

/** One-word Arabic translations of `english` in the FreeDict list (data/freedict-eng-ara.tsv). */
function arabicNames(dictionary: string, english: string): string[] {
  const out = new Set<string>();
  for (const line of dictionary.split("\n")) {
    const [word, direct = ""] = line.split("\t");
    if (word !== english) continue;
    for (const t of direct.split("|")) if (t && !/\s/.test(t.trim())) out.add(t.trim());
  }
  return [...out];
}

function main(dir: string): void {
  const data = new Map(POS.map((pos) => [pos, readData(dir, pos)] as const));
  const lemmas = new Map<string, Set<string>>();
  const derived = new Map<string, Set<string>>();
  const synonyms = new Map<string, Set<string>>();
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
      if (!word || !synset) continue;
      for (const other of synset.words) add(synonyms, word, plainWord(other), MAX_SYNONYMS);
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

  const words = [...new Set([...lemmas.keys(), ...derived.keys(), ...synonyms.keys()])].sort();
  const join3 = (map: Map<string, Set<string>>, w: string): string => [...(map.get(w) ?? [])].join("|");
  const lines = words.map((w) => `${w}\t${join3(lemmas, w)}\t${join3(derived, w)}\t${join3(synonyms, w)}`);
  const header = [
    "# From Princeton WordNet 3.0 (WordNet 3.0 licence, see data/README.md), built by scripts/build-wordnet.ts",
    "# word<TAB>base forms of an irregular form<TAB>derivationally related words<TAB>synonyms of its first sense",
  ];
  writeFileSync(new URL("../data/wordnet-en.tsv", import.meta.url), `${[...header, ...lines].join("\n")}\n`);
  process.stdout.write(`${lines.length} words\n`);

  const dictionary = readFileSync(new URL("../data/freedict-eng-ara.tsv", import.meta.url), "utf8");
  const countryOf = capitals(dir, data.get("noun") ?? new Map());
  const capitalLines = [...countryOf.keys()].sort().map((c) => `${c}\t${[...(countryOf.get(c) ?? [])].join("|")}\t${arabicNames(dictionary, c).join("|")}`);
  const capitalHeader = [
    "# From Princeton WordNet 3.0 (national capitals and their countries) and the FreeDict list (the capitals' Arabic",
    "# names), built by scripts/build-wordnet.ts",
    "# capital<TAB>its country's names<TAB>the capital's one-word Arabic names",
  ];
  writeFileSync(new URL("../data/capitals.tsv", import.meta.url), `${[...capitalHeader, ...capitalLines].join("\n")}\n`);
  process.stdout.write(`${capitalLines.length} capitals\n`);
}

main(process.argv[2] ?? "/usr/share/wordnet");
