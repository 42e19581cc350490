// The checked-in list of known unawait failures: one line per failing variant,
// `<path under test/> <variant> <reason>`. `--check` holds the run to it in both directions;
// `--update-expectations` rewrites it from the run, keeping the reasons already written.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const NEW_REASON = "TODO: explain";

const HEADER = `# Known failures of the unawait transform on the test262 subset (test/conformance/run.mjs).
# One line per failing variant: <path under test262/test/> <variant> <reason>.
# Variants: sloppy, strict (a "use strict" prologue added), module, raw.
# \`pnpm conformance --check\` fails on a failure not listed here and on a listed test that passes;
# \`pnpm conformance --update-expectations\` rewrites the list, keeping reasons, new ones "${NEW_REASON}".
`;

/** @returns {Map<string, string>} "path variant" → reason */
export function readExpectations(file) {
  const expected = new Map();
  if (!existsSync(file)) return expected;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [path, variant, ...reason] = line.trim().split(/\s+/);
    expected.set(`${path} ${variant}`, reason.join(" "));
  }
  return expected;
}

/** @param {{ key: string, reason: string }[]} failures the current unawait failures */
export function writeExpectations(file, failures, previous) {
  const lines = failures
    .map(({ key, reason }) => `${key} ${previous.get(key) ?? `${NEW_REASON} (seen: ${reason})`}`)
    .sort();
  writeFileSync(file, HEADER + lines.join("\n") + (lines.length ? "\n" : ""));
}

/**
 * @param {Map<string, { measured: boolean, pass: boolean, reason?: string }>} outcomes every run
 *   variant by key; `measured` is false where Node itself fails (outside the measure)
 * @param {(key: string) => boolean} inScope whether a listed key belongs to the tests of this run
 * @returns {{ newFailures: string[], unexpectedPasses: string[], stale: string[] }}
 */
export function compareWithExpectations(outcomes, expected, inScope = () => true) {
  const newFailures = [];
  const unexpectedPasses = [];
  const stale = [];
  for (const [key, outcome] of outcomes) {
    if (!outcome.measured) continue;
    if (!outcome.pass && !expected.has(key)) newFailures.push(`${key}  (${outcome.reason})`);
    if (outcome.pass && expected.has(key)) unexpectedPasses.push(`${key}  (listed: ${expected.get(key)})`);
  }
  for (const key of expected.keys()) {
    if (inScope(key) && !outcomes.get(key)?.measured) stale.push(`${key}  (not run, or Node itself fails it)`);
  }
  return { newFailures, unexpectedPasses, stale };
}
