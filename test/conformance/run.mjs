#!/usr/bin/env node
// The test262 conformance runner (DESIGN.md, Testing). Every test variant runs untransformed on
// Node; of those Node passes, the measure is the share that still pass after the unawait plugin
// (and, with --compare babel, Babel's own async plugins) transformed the test file.
//
//   pnpm conformance [--test262 DIR] [--compare babel] [--check | --update-expectations]
//                    [--filter SUBSTRING] [--timeout MS] [--jobs N] [--json FILE] [--list-failures]
//                    [--isolation vm|process] [--idle-turns N]
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compareWithExpectations, readExpectations, writeExpectations } from "./expectations.mjs";
import { discoverTests, variantsOf } from "./plan.mjs";
import { Pool } from "./pool.mjs";
import { formatNativeFailures, formatTable } from "./report.mjs";
import { snapshotPlugin } from "./snapshot.mjs";
import { UNAWAIT_DIST } from "./transform.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../..");
const EXPECTATIONS = join(HERE, "expectations");

const { values: args } = parseArgs({
  options: {
    test262: { type: "string" },
    compare: { type: "string", multiple: true, default: [] },
    check: { type: "boolean", default: false },
    "update-expectations": { type: "boolean", default: false },
    filter: { type: "string" },
    timeout: { type: "string", default: "5000" },
    jobs: { type: "string", default: "2" },
    json: { type: "string" },
    "list-failures": { type: "boolean", default: false },
    // For checking the runner itself: run every variant in a child process of its own, and/or
    // wait more macrotask turns before deciding that an async test will never finish.
    isolation: { type: "string", default: "vm" },
    "idle-turns": { type: "string", default: "8" },
  },
});

if (!["vm", "process"].includes(args.isolation)) throw new Error(`--isolation is vm or process, got "${args.isolation}"`);
const suite = resolve(args.test262 ?? process.env.TEST262_DIR ?? join(REPO, "../shared/test262"));
if (!existsSync(join(suite, "test")) || !existsSync(join(suite, "harness"))) {
  console.log(`test262 not found at ${suite} (expected test/ and harness/ there); set TEST262_DIR or pass --test262 <dir>. Nothing to run.`);
  process.exit(0);
}

const transforms = chooseTransforms();
const snapshot = transforms.includes("unawait") ? snapshotPlugin(REPO) : null;
process.on("exit", () => snapshot?.remove());
process.on("SIGINT", () => process.exit(130));
const started = performance.now();
const runs = await runSuite(transforms);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

console.log(formatNativeFailures(runs));
const viaChild = runs.filter((run) => run.vmFailure).length;
if (viaChild) console.log(`${viaChild} variants ran in a child process of their own (a vm context could not host them).`);
for (const transform of transforms) console.log(`\n${formatTable(runs, transform, titleOf(transform))}`);
console.log(`\n${runs.length} variants of ${new Set(runs.map((run) => run.test.rel)).size} tests in ${seconds} s (wall), ${args.jobs} workers.`);
if (args["list-failures"]) listFailures(runs, transforms);
if (args.json) {
  const rows = runs.map(({ test, variant, vmFailure, results }) => ({ path: test.rel, variant, ...(vmFailure ? { vmFailure } : {}), results }));
  writeFileSync(args.json, JSON.stringify(rows, null, 1));
}
process.exitCode = expectationsStep(runs, transforms);

function chooseTransforms() {
  const compared = args.compare.flatMap((list) => list.split(","));
  for (const name of compared) {
    if (name !== "babel") throw new Error(`--compare knows only "babel", got "${name}"`);
  }
  if (existsSync(join(REPO, UNAWAIT_DIST))) return ["unawait", ...compared];
  const hint = `the unawait plugin is not built (${UNAWAIT_DIST} is missing); run \`pnpm -C packages/babel-plugin build\`.`;
  if (args.check || args["update-expectations"]) {
    console.error(`Cannot check the expectations: ${hint}`);
    process.exit(1);
  }
  console.log(`Note: ${hint} Measuring ${compared.length ? compared.join(", ") : "the Node baseline"} only.`);
  return compared;
}

function titleOf(transform) {
  return transform === "unawait"
    ? `unawait (packages/babel-plugin, runtime: "inline")`
    : `babel (@babel/plugin-transform-async-to-generator + @babel/plugin-transform-async-generator-functions)`;
}

async function runSuite(transforms) {
  const tests = discoverTests(join(suite, "test"), args.filter);
  const pool = new Pool({
    size: Number(args.jobs),
    timeoutMs: Number(args.timeout),
    init: { harnessDir: join(suite, "harness"), repoRoot: REPO, pluginEntry: snapshot?.entry, idleTurns: Number(args["idle-turns"]) },
  });
  const progress = progressLine();
  const runs = [];
  const pending = [];
  let id = 0;
  for (const test of tests) {
    for (const variant of variantsOf(test.meta) ?? []) {
      const run = { test, variant, results: null };
      runs.push(run);
      const job = { path: test.path, meta: test.meta, variant, pipelines: ["node", ...transforms], inMainContext: args.isolation === "process" };
      pending.push(pool.run({ ...job, id: ++id }).then(async (results) => {
        // A vm context is a faithful realm for nearly every test; where Node fails a test in one
        // at run time, the test gets a second chance in a child process of its own before it
        // counts as a native failure, and then every pipeline of it runs that way. (A parse
        // error comes from V8's parser, the same in every realm: no second chance.)
        if (!results.node.pass && !job.inMainContext && !results.node.reason.startsWith("parse error")) {
          const again = await pool.run({ ...job, id: ++id, inMainContext: true });
          if (again.node.pass) Object.assign(run, { vmFailure: results.node.reason, results: again });
        }
        run.results ??= results;
        progress.tick(run, transforms);
      }));
    }
  }
  await Promise.all(pending);
  pool.close();
  progress.end();
  return runs;
}

function progressLine() {
  const tty = process.stderr.isTTY;
  let done = 0;
  let total = 0;
  const failures = {};
  return {
    tick(run, transforms) {
      done++;
      total = Math.max(total, done);
      for (const transform of transforms) {
        if (run.results.node.pass && !run.results[transform]?.pass) failures[transform] = (failures[transform] ?? 0) + 1;
      }
      if (tty && done % 25 === 0) {
        const counts = Object.entries(failures).map(([name, n]) => `${name} fails ${n}`).join(", ");
        process.stderr.write(`\r\x1b[K${done} variants done${counts ? ` — ${counts}` : ""}`);
      }
    },
    end() {
      if (tty) process.stderr.write("\r\x1b[K");
    },
  };
}

function listFailures(runs, transforms) {
  const viaChild = runs.filter((run) => run.vmFailure);
  if (viaChild.length) console.log("\nRan in a child process because Node failed them in a vm context:");
  for (const run of viaChild) console.log(`  ${run.test.rel} ${run.variant}: in the vm context: ${run.vmFailure}`);
  console.log("\nFailures of Node itself (outside the measure):");
  for (const run of runs) if (!run.results.node.pass) console.log(`  ${run.test.rel} ${run.variant}: ${run.results.node.reason}`);
  for (const transform of transforms) {
    console.log(`\nFailures under ${transform}:`);
    for (const run of runs) {
      if (run.results.node.pass && !run.results[transform]?.pass) {
        console.log(`  ${run.test.rel} ${run.variant}: ${run.results[transform]?.reason}`);
      }
    }
  }
}

/** @returns {number} the exit code */
function expectationsStep(runs, transforms) {
  if (!transforms.includes("unawait") || !(args.check || args["update-expectations"])) return 0;
  const outcomes = new Map(runs.map((run) => [`${run.test.rel} ${run.variant}`, {
    measured: run.results.node.pass,
    pass: run.results.unawait?.pass ?? false,
    reason: run.results.unawait?.reason,
  }]));
  const expected = readExpectations(EXPECTATIONS);
  if (args["update-expectations"]) {
    const failures = [...outcomes].filter(([, o]) => o.measured && !o.pass).map(([key, o]) => ({ key, reason: o.reason }));
    const kept = args.filter ? [...expected].filter(([key]) => !outcomes.has(key) && !key.includes(args.filter)) : [];
    writeExpectations(EXPECTATIONS, [...failures, ...kept.map(([key]) => ({ key }))], expected);
    console.log(`\nWrote ${failures.length + kept.length} known failures to ${EXPECTATIONS}.`);
    return 0;
  }
  const inScope = (key) => outcomes.has(key) || (!args.filter || key.includes(args.filter));
  const { newFailures, unexpectedPasses, stale } = compareWithExpectations(outcomes, expected, inScope);
  const sections = [["new failures", newFailures], ["listed as failing but passing now", unexpectedPasses], ["listed but not measured", stale]];
  for (const [title, keys] of sections) {
    if (keys.length === 0) continue;
    console.log(`\n${keys.length} ${title}:`);
    for (const key of keys.slice(0, 60)) console.log(`  ${key}`);
    if (keys.length > 60) console.log(`  … and ${keys.length - 60} more`);
  }
  const bad = newFailures.length + unexpectedPasses.length + stale.length;
  console.log(bad ? `\nConformance check FAILED; if the changes are intended, run \`pnpm conformance --update-expectations\`.` : `\nConformance check passed: the known failures are exactly those listed in test/conformance/expectations.`);
  return bad ? 1 : 0;
}
