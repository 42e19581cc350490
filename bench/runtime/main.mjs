#!/usr/bin/env node
// pnpm bench [--quick] [--runs N] [--steady N] [--only case,case] [--variants native,unawait,…]
//            [--candidate path/to/runtime/index.js]
//
// The runtime benchmark: every case in cases/ is written once as native async code and run as
// each variant (variants.mjs) in its own process, alternating, several rounds. Then the heap per
// suspended task and the min+gzip size of each runtime. Prints a markdown report and, for a
// full run (no --only/--variants/--candidate), writes it to bench/results/runtime.md for the
// README. --candidate adds "unawait (candidate)": the same output importing another build of
// the runtime, to measure a runtime change against the current one in the same rounds.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measureMemory, measureTimes } from "./measure.mjs";
import { benchDir } from "./paths.mjs";
import { prepare } from "./prepare.mjs";
import { snapshotRuntime } from "./snapshot.mjs";
import { memoryTable, sizeTable, timeTable, checksumOf } from "./report.mjs";
import { measureSizes, programs, wholeRuntimeSize } from "./size.mjs";
import { candidateVariant, transformerVersions, variants as allVariants } from "./variants.mjs";

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    runs: { type: "string" },
    only: { type: "string" },
    variants: { type: "string" },
    candidate: { type: "string" },
    steady: { type: "string" },
  },
});
const runs = Number(opts.runs ?? (opts.quick ? 3 : 7));
const repeats = Number(opts.steady ?? (opts.quick ? 0 : 5));
const pick = (list, csv) => (csv ? list.filter((x) => csv.split(",").includes(x.name)) : list);
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

const variants = pick(allVariants, opts.variants);
if (!variants.some((v) => v.name === "native")) variants.unshift(allVariants[0]); // ratios need it
if (opts.candidate) variants.splice(variants.findIndex((v) => v.name === "unawait") + 1, 0, candidateVariant(opts.candidate));

function prepareAll(group, file) {
  const prepared = {};
  const files = {};
  for (const v of variants) {
    prepared[v.name] = prepare(v, file, group);
    files[v.name] = prepared[v.name].file;
    if (prepared[v.name].error) log(`${v.name} cannot transform ${group}/${file.split("/").pop()}: ${prepared[v.name].error.message}`);
  }
  return { prepared, files };
}

async function loadCases() {
  const dir = join(benchDir, "runtime", "cases");
  const cases = [];
  for (const entry of readdirSync(dir).filter((f) => f.endsWith(".js")).sort()) {
    const name = entry.replace(/\.js$/, "");
    const { label } = await import(join(dir, entry));
    cases.push({ name, label, ...prepareAll("cases", join(dir, entry)) });
  }
  return pick(cases, opts.only);
}

const started = Date.now();
const loadBefore = loadavg()[0];
snapshotRuntime();
const cases = await loadCases();
const order = ["await-plain", "await-resolved", "short-calls", "fan-out", "fib", "for-await", "rejected"];
cases.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
log(`${cases.length} cases × ${variants.length} variants × ${runs} rounds`);
const times = measureTimes(cases, variants.map((v) => v.name), runs, log, repeats);
const memoryPrepared = prepareAll("memory", join(benchDir, "runtime", "memory", "suspended-task.js"));
log("memory per suspended task");
const memory = measureMemory(memoryPrepared.files, Math.min(runs, 3));
log("sizes");
const sizes = measureSizes();
const whole = wholeRuntimeSize();
const loadAfter = loadavg()[0];

const args = process.argv.slice(2).join(" ");
const command = process.env.npm_lifecycle_event === "bench" ? `pnpm bench${args ? ` ${args}` : ""}` : `node bench/runtime/main.mjs${args ? ` ${args}` : ""}`;
const versions = Object.entries(transformerVersions()).map(([k, v]) => `${k} ${v}`).join(", ");
const report = `# Runtime benchmark

- Date: ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()}
- Command: \`${command}\` (${runs} rounds; ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)})
- Anchors: ${versions}

## Time

CPU time (user + system) of one run of each case, median of ${runs} runs, each run in a fresh
process after a warm-up on a tenth of the size, variants alternating round by round. CPU time,
not wall-clock time, because the machine may be shared: a descheduled process loses wall time
but not CPU time. ±: spread of the runs, (max − min) / median. **×**: the median of the per-round
ratios to native. Lower is better.

${timeTable(cases, variants, times, "cpu")}

<details><summary>Wall-clock time of the same runs</summary>

${timeTable(cases, variants, times, "wall")}

</details>
${repeats ? `
### After the JIT has settled

The same processes, after the timed run: ${repeats} more runs of the full size each, and the median of
those; the table shows the median over the ${runs} processes. A single run of 20–60 ms after a
small warm-up still includes compilation and tier-up, which is where most of the spread above
comes from; this is the cost per call or per \`await\` in code that runs hot.

${timeTable(cases, variants, times, "steady")}
` : ""}
## Memory

Heap held per task suspended on a promise that never settles (1e5 tasks, after 3 awaits each,
\`--expose-gc\`; median of ${Math.min(runs, 3)} runs).

${memoryTable(variants, memory, memoryPrepared.prepared)}

## Size

Min+gzip bytes a runtime adds to a small program (size/*.js): the transformed program, bundled
and minified by esbuild and gzipped (level 9), minus the same program untransformed; so the
wrappers each transform writes around function bodies count too.

${sizeTable(programs, sizes, whole)}
`;

process.stdout.write(report);
const mismatch = cases.some((c) => !checksumOf(times[c.name]).ok);
const partial = Boolean(opts.only || opts.variants || opts.candidate);
if (!partial) {
  mkdirSync(join(benchDir, "results"), { recursive: true });
  writeFileSync(join(benchDir, "results", "runtime.md"), report);
  log("written to bench/results/runtime.md");
}
if (mismatch) {
  log("checksum mismatch: a variant computed something else");
  process.exitCode = 1;
}
