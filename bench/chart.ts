/**
 * The scale chart as a self-contained SVG: query latency (p50, p95) and peak RSS (building, serving)
 * against the number of briefings, both axes logarithmic.
 */
import type { ScalePoint } from "./scale-types.js";

interface Series {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly values: readonly number[];
}

const W = 420;
const H = 300;
const PAD = { left: 58, right: 14, top: 34, bottom: 46 };

const log10 = (x: number): number => Math.log10(Math.max(x, 1e-9));
const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function ticks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(log10(min)); e <= Math.ceil(log10(max)); e += 1) out.push(10 ** e);
  return out;
}

const label = (x: number): string => (x >= 1000 ? `${x / 1000}k` : x >= 1 ? String(x) : String(x));

function panel(x0: number, title: string, unit: string, sizes: readonly number[], series: readonly Series[]): string {
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const yTicks = ticks(Math.min(...all), Math.max(...all));
  const yMin = log10(yTicks[0] ?? 1);
  const yMax = log10(yTicks.at(-1) ?? 10);
  const xTicks = ticks(Math.min(...sizes), Math.max(...sizes));
  const xMin = log10(xTicks[0] ?? 1);
  const xMax = log10(Math.max(xTicks.at(-1) ?? 10, 10));
  const px = (n: number): number => x0 + PAD.left + ((log10(n) - xMin) / (xMax - xMin || 1)) * (W - PAD.left - PAD.right);
  const py = (v: number): number => PAD.top + (1 - (log10(v) - yMin) / (yMax - yMin || 1)) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [];
  parts.push(`<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">${escape(title)}</text>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${x0 + PAD.left}" x2="${x0 + W - PAD.right}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`);
    parts.push(`<text x="${x0 + PAD.left - 6}" y="${py(t) + 4}" text-anchor="end">${label(t)}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${px(t)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  parts.push(`<text x="${x0 + W / 2}" y="${H - 10}" text-anchor="middle">briefings (log scale)</text>`);
  parts.push(`<text transform="translate(${x0 + 14} ${H / 2}) rotate(-90)" text-anchor="middle">${escape(unit)} (log scale)</text>`);
  series.forEach((s, i) => {
    const points = sizes.map((n, j) => [px(n), py(s.values[j] ?? 0)] as const);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ""} points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")}"/>`);
    for (const [x, y] of points) parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = PAD.top + 8 + i * 16;
    parts.push(`<line x1="${x0 + PAD.left + 10}" x2="${x0 + PAD.left + 28}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ""}/>`);
    parts.push(`<text x="${x0 + PAD.left + 32}" y="${ly + 4}">${escape(s.label)}</text>`);
  });
  return parts.join("\n");
}

export function renderScaleChart(points: readonly ScalePoint[]): string {
  const sizes = points.map((p) => p.briefings);
  const latency = panel(0, "Query latency", "ms", sizes, [
    { label: "p95", color: "#c0392b", values: points.map((p) => p.query.latency.p95Ms) },
    { label: "p50", color: "#2471a3", values: points.map((p) => p.query.latency.p50Ms) },
  ]);
  const memory = panel(W, "Peak RSS", "MiB", sizes, [
    { label: "building the index", color: "#7d3c98", dashed: true, values: points.map((p) => p.build.peakRssMiB) },
    { label: "serving (load + answer)", color: "#1e8449", values: points.map((p) => p.query.peakRssMiB) },
  ]);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 20}" viewBox="0 0 ${2 * W} ${H + 20}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    latency,
    memory,
    `<text x="${W}" y="${H + 12}" text-anchor="middle" fill="#555">SYNTHETIC briefings (for cost, not quality) · npm run bench -- --scale ${sizes.join(",")}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
