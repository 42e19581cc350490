#!/usr/bin/env node
// pnpm fuzz --seeds A..B [--async-generators] [--runtime require|inline] [--transform unawait|babel]
//           [--jobs 2] [--no-minimize] [--max-tests N] [--out DIR] [--show SEED]
// Generates the programs of seeds A..B, runs each natively and transformed, and saves every
// divergence, minimized, as <out>/<seed>.js (default test/fuzz/reproducers for unawait,
// test/fuzz/.work/<transform>-reproducers otherwise, so Babel's findings never land in CI).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { firstDifference, minimizeDivergence, runSeeds } from "./campaign.mjs";
import { createPool } from "./pool.mjs";
import { formatReproducer, REPRODUCERS_DIR } from "./reproducer-file.mjs";
import { PLUGIN_ENTRY } from "./transform.mjs";
import { RUNTIME_CJS_DIR } from "./realm.mjs";

const USAGE = "usage: pnpm fuzz --seeds A..B [--async-generators] [--runtime require|inline] [--transform unawait|babel] [--jobs N] [--no-minimize] [--max-tests N] [--out DIR] [--show SEED]";

function parseArgs(argv) {
  const args = { jobs: 2, minimize: true, maxTests: 3000, options: { transform: "unawait", runtime: "require", asyncGenerators: false } };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const take = () => {
      if (i + 1 >= argv.length) fail(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === "--seeds") {
      const match = /^(\d+)\.\.(\d+)$/.exec(take());
      if (!match || Number(match[1]) > Number(match[2])) fail("--seeds takes A..B with A <= B, e.g. --seeds 1..300");
      args.from = Number(match[1]);
      args.to = Number(match[2]);
    } else if (flag === "--async-generators") args.options.asyncGenerators = true;
    else if (flag === "--runtime") args.options.runtime = oneOf(flag, take(), ["require", "inline"]);
    else if (flag === "--transform") args.options.transform = oneOf(flag, take(), ["unawait", "babel"]);
    else if (flag === "--jobs") args.jobs = positive(flag, take());
    else if (flag === "--no-minimize") args.minimize = false;
    else if (flag === "--max-tests") args.maxTests = positive(flag, take());
    else if (flag === "--out") args.out = take();
    else if (flag === "--show") args.show = positive(flag, take());
    else if (flag !== "--") fail(`unknown flag ${flag}`);
  }
  if (args.from === undefined && args.show === undefined) fail("--seeds is required");
  return args;
}

function oneOf(flag, value, allowed) {
  if (!allowed.includes(value)) fail(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value;
}
function positive(flag, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`${flag} takes a positive integer, got "${value}"`);
  return n;
}
function fail(message) {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

// The fuzzer tests the built packages; a source edit after the last build would go untested.
function checkBuilt(options) {
  if (options.transform !== "unawait") return;
  const packages = [[PLUGIN_ENTRY, "../../packages/babel-plugin/src"], [join(RUNTIME_CJS_DIR, "index.js"), "../../packages/runtime/src"]];
  for (const [built, source] of packages) {
    if (!existsSync(built)) fail(`${built} is missing: run \`pnpm build\` first`);
    const sourceDir = fileURLToPath(new URL(source, import.meta.url));
    if (newestMtime(sourceDir) > statSync(built).mtimeMs) {
      console.warn(`fuzz: warning: ${sourceDir} changed after its last build; run \`pnpm build\` to fuzz the current code`);
    }
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function show(pool, seed, options) {
  const { generateProgram } = await import("./generate/program.mjs");
  const code = generateProgram(seed, options);
  const result = await pool.compareCode(code, options);
  console.log(`${code}\n// native log:\n${result.native.map((l) => `//   ${l}`).join("\n")}`);
  console.log(result.same ? "// transformed: same log" : `// transformed log:\n${result.transformed.map((l) => `//   ${l}`).join("\n")}`);
}

function progress(total) {
  const started = performance.now();
  let done = 0;
  let diverged = 0;
  let lastLine = 0;
  const line = () => `fuzz: ${done}/${total} seeds, ${(done / ((performance.now() - started) / 1000)).toFixed(1)}/s, ${diverged} divergent`;
  return {
    tick(result) {
      done++;
      if (!result.same) diverged++;
      if (process.stderr.isTTY) process.stderr.write(`\r${line()}`);
      else if (performance.now() - lastLine > 10_000 || done === total) {
        lastLine = performance.now();
        process.stderr.write(`${line()}\n`);
      }
    },
    end() {
      if (process.stderr.isTTY) process.stderr.write("\n");
      return (performance.now() - started) / 1000;
    },
  };
}

function describeDivergence(found) {
  const what = found.invalidProgram ? `the generator wrote an invalid program (${found.invalidProgram})`
    : found.timedOut ? "timed out" : found.crashed ? "crashed its worker" : found.transformError ?? "logs differ";
  const diff = firstDifference(found.native, found.transformed);
  return [`seed ${found.seed}: ${what} (from log line ${diff.line})`,
    ...diff.native.map((l) => `    native      ${l}`), ...diff.transformed.map((l) => `    transformed ${l}`)].join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { options } = args;
  checkBuilt(options);
  const pool = createPool({ size: args.jobs });
  try {
    if (args.show !== undefined) return await show(pool, args.show, options);
    const total = args.to - args.from + 1;
    console.log(`fuzz: seeds ${args.from}..${args.to}, transform ${options.transform}${options.transform === "unawait" ? ` (runtime ${options.runtime})` : ""}, async generators ${options.asyncGenerators ? "on" : "off"}, ${args.jobs} workers`);
    await pool.ready;
    const bar = progress(total);
    const divergences = await runSeeds(pool, args, options, (_, result) => bar.tick(result));
    const seconds = bar.end();
    console.log(`fuzz: ${total} seeds in ${seconds.toFixed(1)} s after worker start-up (${(total / seconds).toFixed(1)} seeds/s), ${divergences.length} divergent`);
    for (const found of divergences) console.log(describeDivergence(found));
    if (divergences.length && args.minimize) await saveMinimized(pool, divergences, args);
    process.exitCode = divergences.length ? 1 : 0;
  } finally {
    pool.close();
  }
}

async function saveMinimized(pool, divergences, args) {
  const out = args.out ?? (args.options.transform === "unawait" ? REPRODUCERS_DIR : fileURLToPath(new URL(`./.work/${args.options.transform}-reproducers/`, import.meta.url)));
  mkdirSync(out, { recursive: true });
  for (const found of divergences) {
    if (found.timedOut || found.crashed || found.invalidProgram) continue;
    process.stderr.write(`fuzz: minimizing seed ${found.seed} (${found.code.length} characters)…\n`);
    const minimized = await minimizeDivergence(pool, found, args.options, { maxTests: args.maxTests });
    const file = join(out, `${found.seed}.js`);
    writeFileSync(file, formatReproducer(minimized));
    console.log(`fuzz: seed ${found.seed} → ${file} (${minimized.code.length} characters after ${minimized.tests} tests)`);
  }
}

await main();
