// The measure, as tables: per group, how many variants Node passes untransformed, and how many of
// those still pass after the transform.
import { GROUPS, groupOf, isTopLevelAwaitModuleTest } from "./plan.mjs";

/** @param {{ test: object, variant: string, results: Record<string, { pass: boolean }> }[]} runs */
export function formatTable(runs, transform, title) {
  const rows = GROUPS.map((group) => [group, count(runs.filter((run) => groupOf(run.test.rel) === group), transform)]);
  const withoutTla = runs.filter((run) => !isTopLevelAwaitModuleTest(run.test));
  const totals = [
    ["total", count(runs, transform)],
    ["total without top-level-await module tests", count(withoutTla, transform)],
  ];
  const width = 44;
  const line = ([label, { native, transformed }]) =>
    `${label.padEnd(width)}${String(native).padStart(10)}${String(transformed).padStart(13)}${percent(transformed, native).padStart(9)}`;
  return [
    title,
    `${"group".padEnd(width)}${"node pass".padStart(10)}${"transformed".padStart(13)}${"%".padStart(9)}`,
    ...rows.map(line),
    "-".repeat(width + 32),
    ...totals.map(line),
  ].join("\n");
}

function count(runs, transform) {
  const native = runs.filter((run) => run.results.node?.pass);
  return { native: native.length, transformed: native.filter((run) => run.results[transform]?.pass).length };
}

function percent(part, whole) {
  return whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** How Node itself fails the variants outside the measure, by the kind of failure. */
export function formatNativeFailures(runs) {
  const failed = runs.filter((run) => !run.results.node?.pass);
  const kinds = new Map();
  for (const run of failed) {
    const kind = KINDS.find(([, pattern]) => pattern.test(run.results.node.reason))?.[0] ?? "other";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const parts = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`);
  return `Node 20 fails ${failed.length} of ${runs.length} variants natively (outside the measure)` +
    (parts.length ? `: ${parts.join(", ")} (--list-failures lists them)` : "");
}

const KINDS = [
  ["syntax Node 20 does not parse", /^parse error: SyntaxError/],
  ["errors at module resolution", /^resolution error/],
  ["early errors Node 20 misses", /^expected parse SyntaxError|Expected a SyntaxError to be thrown/],
  ["timeouts or crashes", /^timed out|^worker died/],
  ["async failures", /^Test262:AsyncTestFailure|^async test never/],
  ["runtime errors", /^runtime error/],
];
