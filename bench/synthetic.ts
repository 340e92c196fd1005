/**
 * SYNTHETIC briefings, for measuring cost, never quality. Each file says so in its headline and its name.
 *
 * A generated briefing has the shape of the real scraped pages (a bold headline, a relative time, a dateline,
 * Arabic paragraphs, embedded English tweets with follow and time stamp lines, reply counters, a keyword
 * list) and about the real one's size, so ingestion, analysis, embedding and indexing do the same work per
 * briefing. Its words are drawn from a Zipf distribution over the real seed's words followed by made-up
 * words, so the vocabulary keeps growing with the corpus as real news vocabularies do (Heaps' law). The
 * text means nothing: answers found in it say nothing about answer quality.
 *
 * Everything is a pure function of (index, seed): briefing 42 is the same file in every run.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Marks every generated file; tests and readers can tell synthetic text at a glance. */
export const SYNTHETIC_LABEL = "[SYNTHETIC — generated for cost benchmarks, not real news]";
export const SYNTHETIC_PREFIX = "synthetic-";

/** mulberry32: a small, fast, seedable PRNG (values in [0, 1)). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    s = 1,
  ) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r += 1) {
      total += 1 / (r + 1) ** s;
      this.cumulative[r] = total;
    }
    for (let r = 0; r < n; r += 1) this.cumulative[r] = (this.cumulative[r] ?? 0) / total;
  }

  sample(random: () => number): number {
    const u = random();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const LATIN_SYLLABLES = ["ka", "ri", "mo", "sa", "len", "dor", "ta", "vi", "nel", "bra", "ko", "mi", "zu", "ran", "te", "lo", "fa", "gan", "shi", "el"];
const AR_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

export interface Vocabulary {
  readonly arabic: readonly string[];
  readonly latin: readonly string[];
}

/**
 * Word lists in rank order: the real words of `sample` (most frequent first), then made-up words from a
 * fixed seed, up to the given sizes.
 */
export function buildVocabulary(sample: string, sizes = { arabic: 60_000, latin: 20_000 }): Vocabulary {
  const counts = (re: RegExp): string[] => {
    const c = new Map<string, number>();
    for (const [w] of sample.matchAll(re)) c.set(w, (c.get(w) ?? 0) + 1);
    return [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  };
  const random = createRandom(0x5eed);
  const arabic = new Set(counts(/[\u0621-\u064A]{2,}/gu));
  while (arabic.size < sizes.arabic) {
    const length = 3 + Math.floor(random() * 5);
    let w = random() < 0.3 ? "ال" : "";
    for (let i = 0; i < length; i += 1) w += AR_LETTERS[Math.floor(random() * AR_LETTERS.length)];
    arabic.add(w);
  }
  const latin = new Set(counts(/[A-Za-z]{2,}/g));
  while (latin.size < sizes.latin) {
    const length = 2 + Math.floor(random() * 3);
    let w = "";
    for (let i = 0; i < length; i += 1) w += LATIN_SYLLABLES[Math.floor(random() * LATIN_SYLLABLES.length)];
    latin.add(w);
  }
  return { arabic: [...arabic], latin: [...latin] };
}

const arDigits = (n: number): string => String(n).replace(/\d/g, (d) => AR_DIGITS[Number(d)] ?? d);

/** A generator of synthetic briefings over one vocabulary. */
export class SyntheticCorpus {
  private readonly arZipf: Zipf;
  private readonly latinZipf: Zipf;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly seed = 1,
  ) {
    this.arZipf = new Zipf(vocabulary.arabic.length, 1.05);
    this.latinZipf = new Zipf(vocabulary.latin.length, 1.05);
  }

  /** File name of briefing `i`. */
  static fileName(i: number): string {
    return `${SYNTHETIC_PREFIX}${String(i).padStart(6, "0")}.txt`;
  }

  private words(random: () => number, script: "ar" | "latin", n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) {
      out.push(script === "ar" ? (this.vocabulary.arabic[this.arZipf.sample(random)] ?? "") : (this.vocabulary.latin[this.latinZipf.sample(random)] ?? ""));
    }
    return out;
  }

  private sentence(random: () => number, script: "ar" | "latin", min: number, max: number): string {
    const words = this.words(random, script, min + Math.floor(random() * (max - min + 1)));
    if (script === "latin" && words[0]) words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
    return `${words.join(" ")}.`;
  }

  private handle(random: () => number): string {
    const [a = "x", b = "y"] = this.words(random, "latin", 2);
    return `${a}_${b}`.slice(0, 15);
  }

  /** The text of briefing `i`: about the size and shape of a real scraped briefing. */
  briefing(i: number): string {
    const random = createRandom((this.seed * 1_000_003 + i) >>> 0);
    const lines: string[] = [];
    lines.push(`**${SYNTHETIC_LABEL} ${this.words(random, "ar", 6).join(" ")} #${i}**`, "");
    lines.push(`منذ ${arDigits(1 + Math.floor(random() * 23))} ساعة`, "", "");
    lines.push(`${this.words(random, "ar", 1).join("")}- “${this.words(random, "ar", 2).join(" ")}”:`, "");
    const paragraphs = 12 + Math.floor(random() * 5);
    const tweetsAfter = new Set([2 + Math.floor(random() * 3), 6 + Math.floor(random() * 3)]);
    for (let p = 0; p < paragraphs; p += 1) {
      const sentences = 1 + Math.floor(random() * 3);
      const text = Array.from({ length: sentences }, () => this.sentence(random, "ar", 12, 30)).join(" ");
      lines.push(text, "");
      if (tweetsAfter.has(p)) {
        const name = this.words(random, "latin", 2).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
        lines.push("", `Ambassador ${name.join(" ")}`, "", `· متابعة @${this.handle(random)}`, "");
        lines.push(`${this.sentence(random, "latin", 14, 28)} [@${this.handle(random)}](#)`, "", "");
        const month = MONTHS_AR[Math.floor(random() * 12)] ?? "يناير";
        lines.push(`${arDigits(1 + Math.floor(random() * 12))}:${arDigits(10 + Math.floor(random() * 50))} ص . ${arDigits(1 + Math.floor(random() * 28))} ${month} ٢٠٢٣`, "");
        lines.push(`${arDigits(Math.floor(random() * 400))} رد [نسخ الرابط](#)`, "", `[قراءة ${arDigits(Math.floor(random() * 40))} ردًا](#)`, "");
      }
    }
    lines.push("كلمات مفتاحية", "");
    for (let k = 0; k < 4; k += 1) lines.push(this.words(random, "ar", 1 + Math.floor(random() * 2)).join(" "), "");
    return lines.join("\n");
  }

  /**
   * A question about briefing `i`: a few of its content words in a question frame, so it meets postings of
   * realistic length. It has no right answer; it is for timing and for the recall of the vector index.
   */
  question(i: number): string {
    const text = this.briefing(i);
    const random = createRandom((this.seed * 7_919 + i) >>> 0);
    const paragraphs = text.split("\n").filter((l) => /^[\u0621-\u064A]/u.test(l) && l.length > 80);
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)] ?? text;
    const words = paragraph.split(/[\s.]+/).filter((w) => w.length > 3);
    const start = Math.floor(random() * Math.max(1, words.length - 5));
    return `ماذا عن ${words.slice(start, start + 2 + Math.floor(random() * 3)).join(" ")}؟`;
  }
}

/**
 * Writes briefings `from`..`to - 1` into `dir` (created if needed); returns the bytes written.
 */
export async function writeSyntheticBriefings(corpus: SyntheticCorpus, dir: string, from: number, to: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = from; i < to; i += 1) {
    const text = corpus.briefing(i);
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, SyntheticCorpus.fileName(i)), text);
  }
  return bytes;
}

/** The synthetic corpus of the scale study: its vocabulary starts with the words of the real briefing in `root`/seeds. */
export async function scaleCorpus(root: string): Promise<SyntheticCorpus> {
  const names = (await readdir(join(root, "seeds"))).filter((n) => !n.startsWith(SYNTHETIC_PREFIX) && /\.(txt|md)$/i.test(n)).sort();
  const sample = (await Promise.all(names.map((n) => readFile(join(root, "seeds", n), "utf8")))).join("\n");
  return new SyntheticCorpus(buildVocabulary(sample));
}
