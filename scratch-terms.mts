import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex } from "./src/rag/store.js";
import { Retriever } from "./src/rag/retrieve.js";
import { HashingEmbeddings } from "./src/rag/embeddings.js";
const root = process.argv[2]!;
const embeddings = new HashingEmbeddings();
const index = await buildIndex({ root, seedsDir: join(root, "seeds"), indexDir: mkdtempSync(join(tmpdir(), "st-")), embeddings });
const r = new Retriever(index, embeddings);
const lines = readFileSync(0, "utf8").split("\n").filter(Boolean);
for (const q of lines) {
  const x = await r.retrieve(q);
  console.log(q, "| conf", x.confidence.toFixed(2), x.answerable);
  for (const t of x.terms) console.log("   ", t.word, t.weight.toFixed(2), t.name ? "N" : "", t.keys.slice(0, 12).join(" "));
}
if (process.env.TOP) {
  const x = await r.retrieve(lines[0]!);
  const text = index.seeds[0]!.readText();
  for (const c of x.ranked.slice(0, Number(process.env.TOP))) console.log(c.probability?.toFixed(3), text.slice(c.sentence.start, c.sentence.end).slice(0, 90).replace(/\n/g, " "), [...(c.features ?? [])].map((v) => v.toFixed(2)).join(" "));
}
if (process.env.FEAT) {
  const { DECLINE_FEATURES } = await import("./src/rag/model.js");
  for (const q of lines) {
    const x = await r.retrieve(q);
    console.log(q, DECLINE_FEATURES.map((f, i) => `${f}=${x.features[i]!.toFixed(2)}`).join(" "));
    const best = x.ranked[0]!;
    const text = index.seeds.find((s) => s.path === best.sentence.passage.source)!.readText();
    console.log("  TOP", text.slice(best.sentence.start, best.sentence.end).slice(0, 150));
  }
}
