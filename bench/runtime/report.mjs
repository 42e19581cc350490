// Renders the measurements as one markdown document (printed, and written for the README).
import { median, pairedRatio, spread } from "./stats.mjs";

const ANCHORS = ["babel", "tslib", "regenerator"];
const pct = (x) => `±${Math.round(x * 100)}%`;
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const table = (header, rows) =>
  [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i ? "---:" : "---")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

function failure(error) {
  return error.unsupported ? "n/a (unsupported)" : "n/a (transform failed)";
}

function timeCell(cell, metric, nativeSamples, prepared) {
  if (prepared?.error) return failure(prepared.error);
  if (cell.errors.length) return `error (${cell.errors.length} runs)`;
  const samples = cell[metric];
  const base = `${ms(median(samples))} ms ${pct(spread(samples))}`;
  if (!nativeSamples) return base;
  return `${base} · **${pairedRatio(samples, nativeSamples).ratio.toFixed(2)}×**`;
}

/** Every variant that ran must have produced the same checksum in every run. */
export function checksumOf(caseResults) {
  const seen = new Set();
  for (const cell of Object.values(caseResults)) for (const c of cell.checksums) seen.add(JSON.stringify(c));
  return seen.size === 1 ? { ok: true, value: [...seen][0] } : { ok: false, values: [...seen] };
}

const usable = (cell) => cell && cell.cpu.length > 0 && cell.errors.length === 0;

/** unawait over the fastest generator-based anchor (paired per round), or "–". */
function versusBestAnchor(row, metric) {
  if (!usable(row.unawait)) return "–";
  const anchors = ANCHORS.map((a) => row[a]).filter(usable).map((cell) => cell[metric]);
  if (!anchors.length) return "–";
  const best = anchors.reduce((a, b) => (median(a) <= median(b) ? a : b));
  return `${pairedRatio(row.unawait[metric], best).ratio.toFixed(2)}×`;
}

/** metric: "cpu" or "wall". */
export function timeTable(cases, variants, results, metric) {
  const header = ["benchmark", ...variants.map((v) => v.label), "unawait ÷ fastest anchor", "checksum"];
  const rows = cases.map((c) => {
    const row = results[c.name];
    const native = usable(row.native) ? row.native[metric] : undefined;
    const check = checksumOf(row);
    return [
      c.label,
      ...variants.map((v) => timeCell(row[v.name], metric, v.name === "native" ? undefined : native, c.prepared[v.name])),
      versusBestAnchor(row, metric),
      check.ok ? `✓ ${check.value}` : `✗ MISMATCH ${check.values.join(" / ")}`,
    ];
  });
  return table(header, rows);
}

export function memoryTable(variants, memory, prepared) {
  const native = memory.native?.bytes ? median(memory.native.bytes) : undefined;
  const cells = variants.map((v) => {
    if (prepared[v.name]?.error) return failure(prepared[v.name].error);
    const m = memory[v.name];
    if (!m || m.error) return "error";
    const bytes = median(m.bytes);
    return v.name === "native" || !native ? `${Math.round(bytes)} B` : `${Math.round(bytes)} B · ${(bytes / native).toFixed(2)}×`;
  });
  return table(["", ...variants.map((v) => v.label)], [["heap per suspended task", ...cells]]);
}

export function sizeTable(programs, sizes, whole) {
  const rows = sizes.map((r) => [r.label, ...r.cells.map((c) => (typeof c === "number" ? `${c} B` : failure(c.error)))]);
  rows.push(["unawait — whole runtime, every export (no utils), bundled alone", `${whole} B`, `${whole} B`]);
  return table(["runtime as shipped", ...programs.map((p) => p.label)], rows);
}
