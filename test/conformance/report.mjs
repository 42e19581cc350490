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

/** Why Node itself fails the excluded variants, by the first feature of the test (or "no feature"). */
export function formatNativeFailures(runs) {
  const failed = runs.filter((run) => !run.results.node?.pass);
  const byFeature = new Map();
  for (const run of failed) {
    const feature = run.test.meta.features.at(-1) ?? "(no feature)";
    byFeature.set(feature, (byFeature.get(feature) ?? 0) + 1);
  }
  const top = [...byFeature].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([feature, n]) => `${feature} ${n}`);
  return `Node 20 fails ${failed.length} of ${runs.length} variants natively (excluded from the measure); ` +
    `by last listed feature: ${top.join(", ")}`;
}
