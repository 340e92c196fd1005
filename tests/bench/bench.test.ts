import { describe, expect, it } from "vitest";
import { renderScaleChart } from "../../bench/chart.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExactSearch, latencyStats, recallAtK, scoreReplies, scriptEnv } from "../../bench/measure.js";
import type { ScalePoint } from "../../bench/scale.js";
import { buildVocabulary, createRandom, SYNTHETIC_LABEL, SYNTHETIC_PREFIX, SyntheticCorpus, Zipf } from "../../bench/synthetic.js";
import { ingest } from "../../src/rag/ingest.js";
import { REPO_ROOT } from "../helpers/project.js";

const SAMPLE = "قالت مساعدة وزير الخارجية الأمريكي إن بلادها تدعم جهود المبعوث الشخصي. Met today with members of the council.";
const corpus = new SyntheticCorpus(buildVocabulary(SAMPLE, { arabic: 3000, latin: 1000 }));

describe("the synthetic briefings", () => {
  it("are labelled as synthetic in their name and their headline", () => {
    expect(SyntheticCorpus.fileName(42)).toBe(`${SYNTHETIC_PREFIX}000042.txt`);
    expect(corpus.briefing(42).split("\n")[0]).toContain(SYNTHETIC_LABEL);
  });

  it("are a pure function of their number", () => {
    expect(corpus.briefing(7)).toBe(corpus.briefing(7));
    expect(corpus.briefing(7)).not.toBe(corpus.briefing(8));
    expect(corpus.question(7)).toBe(corpus.question(7));
  });

  it("ingest like a real briefing: headline, paragraphs, embedded tweets, a keyword list, about 30 sentences", () => {
    const passages = ingest({ path: "seeds/x.txt", text: corpus.briefing(3) });
    const kinds = new Set(passages.map((p) => p.kind));
    expect(kinds).toEqual(new Set(["headline", "paragraph", "tweet", "keywords"]));
    const sentences = passages.reduce((n, p) => n + p.sentences.length, 0);
    expect(sentences).toBeGreaterThan(15);
    expect(sentences).toBeLessThan(60);
    expect(passages.find((p) => p.kind === "tweet")?.label).toMatch(/^tweet by @\w+, \d+ \w+ 2023$/);
  });

  it("keep growing the vocabulary with the corpus", () => {
    const words = (n: number): number => new Set(Array.from({ length: n }, (_, i) => corpus.briefing(i).split(/\s+/)).flat()).size;
    expect(words(40)).toBeGreaterThan(words(4) * 2);
  });

  it("draw words from a Zipf distribution: rank 0 most often, every sample in range", () => {
    const zipf = new Zipf(100);
    const random = createRandom(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 5000; i += 1) {
      const r = zipf.sample(random);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(100);
      counts[r] = (counts[r] ?? 0) + 1;
    }
    expect(counts[0]).toBe(Math.max(...counts));
    expect(counts[0] ?? 0).toBeGreaterThan((counts[50] ?? 0) * 10);
  });
});

const unit = (v: number[]): number[] => {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
};

describe("exact search and recall", () => {
  const random = createRandom(3);
  const vectors = Array.from({ length: 200 }, () => unit(Array.from({ length: 8 }, () => random() - 0.5)));
  const exact = ExactSearch.fromPoints(vectors.length, 8, (i) => vectors[i] ?? []);

  it("finds the same neighbours as sorting every similarity", () => {
    const query = unit([1, 2, 3, 4, 5, 6, 7, 8]);
    const naive = vectors
      .map((v, label) => ({ label, s: v.reduce((sum, x, d) => sum + x * (query[d] ?? 0), 0) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 10);
    const found = exact.search(query, 10);
    expect(found.labels).toEqual(naive.map((n) => n.label));
    found.similarities.forEach((s, i) => expect(s).toBeCloseTo(naive[i]?.s ?? 0, 5));
  });

  it("scores recall@k as the share of the exact top k found, counting ties as found", () => {
    const truth = { labels: [1, 2, 3, 4], similarities: [0.9, 0.8, 0.7, 0.6] };
    const sim = (label: number): number => ({ 1: 0.9, 2: 0.8, 3: 0.7, 4: 0.6, 5: 0.6, 6: 0.1 })[label] ?? 0;
    expect(recallAtK([1, 2, 3, 4], truth, sim, 4)).toBe(1);
    expect(recallAtK([4, 3, 2, 1], truth, sim, 4)).toBe(1);
    expect(recallAtK([1, 2, 6, 6], truth, sim, 4)).toBe(0.5);
    expect(recallAtK([1, 2, 3, 5], truth, sim, 4)).toBe(1);
    expect(recallAtK([], truth, sim, 4)).toBe(0);
  });
});

describe("scoring replies", () => {
  const rows = [
    { id: "1", lang: "en", question: "q1", evidence: ["alpha beta"], answerable: true },
    { id: "2", lang: "ar", question: "q2", evidence: ["gamma"], answerable: true },
    { id: "3", lang: "en", question: "q3", evidence: ["delta"], answerable: true },
    { id: "4", lang: "en", question: "q4", evidence: [], answerable: false },
  ];

  it("gives hit@1, hit@3, MRR@5 per language and decline accuracy", () => {
    const scores = scoreReplies(rows, [
      { declined: false, quotes: ["Alpha, beta!"] },
      { declined: false, quotes: ["x", "y", "it was gamma"] },
      { declined: true, quotes: [] },
      { declined: true, quotes: [] },
    ]);
    expect(scores.hit1).toBeCloseTo(1 / 3);
    expect(scores.hit3).toBeCloseTo(2 / 3);
    expect(scores.mrr5).toBeCloseTo((1 + 1 / 3) / 3);
    expect(scores.byLanguage["en"]?.hit1).toBe(0.5);
    expect(scores.byLanguage["ar"]?.mrr5).toBeCloseTo(1 / 3);
    expect(scores.answerableAnswered).toBeCloseTo(2 / 3);
    expect(scores.unanswerableDeclined).toBe(1);
    expect(scores.declineAccuracy).toBe(0.75);
  });

  it("summarises latencies with nearest-rank percentiles", () => {
    const stats = latencyStats(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(stats).toMatchObject({ samples: 100, p50Ms: 50, p95Ms: 95, meanMs: 50.5 });
  });
});

describe("the scale chart", () => {
  it("is an SVG with one line per series, labelled as synthetic", () => {
    const point = (briefings: number, ms: number, rss: number): ScalePoint => ({
      briefings,
      corpusBytes: briefings * 6000,
      build: { buildMs: briefings * 20, indexBytes: briefings * 80_000, passages: briefings * 15, sentences: briefings * 32, peakRssMiB: rss },
      query: { startMs: 50, latency: { samples: 10, p50Ms: ms, p95Ms: ms * 3, meanMs: ms }, peakRssMiB: rss, recall10: 1, recall10DefaultEf: 0.5, recallQueries: 10, devHit1: 1 },
    });
    const svg = renderScaleChart([point(1, 0.3, 150), point(100, 1, 190), point(1000, 8, 560)]);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg).toContain("SYNTHETIC");
    expect(svg).not.toContain("NaN");
  });
});

describe("the environment of an npm script", () => {
  it("is what the script sets before node: the serving process and the build add huge pages to the tunables", () => {
    const packageJson = join(REPO_ROOT, "package.json");
    const own = process.env["GLIBC_TUNABLES"];
    const tunables = `${own ? `${own}:` : ""}glibc.malloc.hugetlb=1`;
    expect(scriptEnv(packageJson, "start")).toEqual({ GLIBC_TUNABLES: tunables });
    expect(scriptEnv(packageJson, "index")).toEqual({ GLIBC_TUNABLES: tunables });
    expect(scriptEnv(packageJson, "test")).toEqual({});
    expect(() => scriptEnv(packageJson, "no-such-script")).toThrow(/no "no-such-script" script/);
  });

  it("is expanded by the shell, from this process's environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "script-env-"));
    try {
      const packageJson = join(dir, "package.json");
      writeFileSync(packageJson, JSON.stringify({ scripts: { serve: "A=${HOME}/x B=${NO_SUCH_VARIABLE:+set:}b exec node main.js C=1" } }));
      expect(scriptEnv(packageJson, "serve")).toEqual({ A: `${process.env["HOME"]}/x`, B: "b" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
