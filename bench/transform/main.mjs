#!/usr/bin/env node
// pnpm bench:transform [--runs N] [--variants babel,unawait-cold,unawait-cold-1,unawait-warm,esbuild] [--no-write]
//
// The transform benchmark: the lib/ folder of playwright-core (a devDependency of packages/cli),
// built by @babel/cli with Babel's two async plugins, by unawait with a cold cache and with a warm
// one, and by esbuild (an anchor: a Go binary lowering async to generators, target es2016). Each
// run is its own process tree (`/usr/bin/time` reports its CPU), variants alternate within a round,
// each into a fresh output folder; medians of wall time and CPU time, files/s, MB/s, and the
// per-round ratio to @babel/cli. Writes bench/results/transform.md unless --no-write.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "../..");
const cliDir = join(root, "packages/cli");
const require = createRequire(join(cliDir, "package.json"));
const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "5" }, variants: { type: "string" }, "no-write": { type: "boolean", default: false } },
});
const log = (message) => process.stderr.write(`[bench:transform] ${message}\n`);

const lib = join(packageRoot("playwright-core"), "lib");
const jsFiles = readdirSync(lib, { recursive: true }).filter((f) => f.endsWith(".js")).sort();
const jsBytes = jsFiles.reduce((sum, f) => sum + statSync(join(lib, f)).size, 0);
const work = mkdtempSync(join(tmpdir(), "unawait-bench-transform-"));
const warmCache = join(work, "warm-cache");
const unawaitBin = join(cliDir, "bin/unawait.js");

/** Each variant: the command line for one run into `out`. */
const allVariants = [
  {
    name: "@babel/cli",
    key: "babel",
    args: (out) => [join(packageRoot("@babel/cli"), "bin/babel.js"), lib, "--out-dir", out, "--no-babelrc",
      "--plugins", "@babel/plugin-transform-async-to-generator,@babel/plugin-transform-async-generator-functions"],
  },
  { name: "unawait, cold cache", key: "unawait-cold", args: (out, round) => [unawaitBin, lib, "-d", out, "-q", "--cache-dir", join(work, `cold-cache-${round}`)] },
  // The same on the main thread alone: where threads buy little (a shared or small machine), the
  // pool's own cost shows against this row.
  { name: "unawait, cold cache, --workers 1", key: "unawait-cold-1", args: (out, round) => [unawaitBin, lib, "-d", out, "-q", "-j", "1", "--cache-dir", join(work, `cold-cache-1-${round}`)] },
  // Warm: the cache is filled by an untimed run just before (into another folder), so the timed
  // run writes every output from the cache.
  { name: "unawait, warm cache", key: "unawait-warm", args: (out) => [unawaitBin, lib, "-d", out, "-q", "--cache-dir", warmCache] },
  {
    name: "esbuild (anchor)",
    key: "esbuild",
    args: (out) => [join(packageRoot("esbuild"), "bin/esbuild"), ...jsFiles.map((f) => join(lib, f)), `--outdir=${out}`, `--outbase=${lib}`, "--target=es2016", "--log-level=error"],
  },
];
const variants = opts.variants ? allVariants.filter((v) => opts.variants.split(",").includes(v.key)) : allVariants;
const runs = Number(opts.runs);

log(`${jsFiles.length} .js files, ${(jsBytes / 1e6).toFixed(2)} MB in ${lib}`);
log("building packages/cli and the plugin");
try {
  execFileSync("pnpm", ["-r", "--filter", "@unawait/runtime", "--filter", "@unawait/babel-plugin", "--filter", "@unawait/cli", "run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
} catch {
  // Another engineer's build may be running in the same tree: measure the builds that are there.
  if (!existsSync(join(cliDir, "dist/esm/bin.js"))) throw new Error("packages/cli is not built");
  log("the build failed (see above); measuring the existing builds");
}

const samples = Object.fromEntries(variants.map((v) => [v.key, { wall: [], cpu: [] }]));
const loads = [loadavg()[0]];
for (let round = 0; round < runs; round++) {
  // Rotate the order each round, so no variant always runs first (or right after another).
  const order = variants.map((_, i) => variants[(i + round) % variants.length]);
  for (const variant of order) {
    const out = join(work, `out-${variant.key}-${round}`);
    rmSync(out, { recursive: true, force: true });
    // Untimed: keeps "warm" meaning warm for this build (a rebuilt plugin changes the cache key).
    if (variant.key === "unawait-warm") timed(variant.args(join(work, "re-warm"), round));
    const { wall, cpu } = timed(variant.args(out, round));
    samples[variant.key].wall.push(wall);
    samples[variant.key].cpu.push(cpu);
    checkOutput(variant, out);
    rmSync(out, { recursive: true, force: true });
    log(`round ${round + 1}/${runs} ${variant.name}: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU`);
  }
  loads.push(loadavg()[0]);
}
rmSync(work, { recursive: true, force: true });

const report = render();
process.stdout.write(report);
if (!opts["no-write"] && !opts.variants) {
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/transform.md"), report);
  log("wrote bench/results/transform.md");
}

/** Runs one command under /usr/bin/time: wall seconds, and user+system CPU seconds of the whole tree.
 *  One retry: other engineers rebuild packages in the same tree, and a run can meet a build half-swapped. */
function timed(args, retry = true) {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S", process.execPath, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0 && retry) {
    log(`a run failed (${result.status}), once more: ${result.stderr.trim().split("\n").slice(-3, -1).join(" / ").slice(0, 300)}`);
    return timed(args, false);
  }
  if (result.status !== 0) throw new Error(`failed (${result.status}): node ${args.slice(0, 3).join(" ")} …\n${result.stderr.slice(-2000)}`);
  const [wall, user, system] = result.stderr.trim().split("\n").pop().split(" ").map(Number);
  return { wall, cpu: user + system };
}

/** Every variant must have written one output per .js file, or its time means nothing. */
function checkOutput(variant, out) {
  const written = readdirSync(out, { recursive: true }).filter((f) => f.endsWith(".js")).length;
  if (written < jsFiles.length) throw new Error(`${variant.name} wrote ${written} of ${jsFiles.length} .js files`);
}

function packageRoot(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name) dir = dirname(dir);
  return dir;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** (max − min) / median: how far apart the runs of one variant were. */
function spread(values) {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

/** Median of the per-round ratios: a slow moment of the shared machine hits both sides of a round. */
function ratio(key, measure) {
  const base = samples.babel?.[measure];
  if (!base) return undefined;
  return median(samples[key][measure].map((value, i) => base[i] / value));
}

function version(name) {
  return JSON.parse(readFileSync(join(packageRoot(name), "package.json"), "utf8")).version;
}

function render() {
  const mb = jsBytes / 1e6;
  const rows = variants.map((v) => {
    const wall = median(samples[v.key].wall);
    const cpu = median(samples[v.key].cpu);
    const r = (m) => (ratio(v.key, m) === undefined ? "–" : `${ratio(v.key, m).toFixed(2)}×`);
    return `| ${v.name} | ${wall.toFixed(2)} s | ${cpu.toFixed(2)} s | ${(jsFiles.length / wall).toFixed(0)} | ${(mb / wall).toFixed(2)} | ${r("wall")} | ${r("cpu")} | ${(spread(samples[v.key].wall) * 100).toFixed(0)}% |`;
  });
  const command = `pnpm bench:transform${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
  return `# Transform benchmark

${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}) · \`${command}\`

Input: \`lib/\` of playwright-core ${version("playwright-core")} — ${jsFiles.length} .js files, ${mb.toFixed(2)} MB (other files are not counted
or copied). ${runs} rounds, variants alternating (rotated order), each run a fresh process tree writing a fresh
folder; medians. "× vs Babel" is the median of per-round ratios (higher is faster). CPU is user + system time
of the whole process tree (workers included), from \`/usr/bin/time\`.

| variant | wall | CPU | files/s | MB/s | × vs Babel (wall) | × vs Babel (CPU) | wall spread |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

- @babel/cli ${version("@babel/cli")} with @babel/plugin-transform-async-to-generator and
  @babel/plugin-transform-async-generator-functions, \`--no-babelrc\`; @babel/core ${version("@babel/core")}.
- unawait: \`unawait lib -d out -q --cache-dir <dir>\` (worker threads: one per core, the default; the
  \`--workers 1\` row runs on the main thread alone); cold = an empty cache directory each round, warm = a
  cache filled by an untimed run just before (outputs are still written, to a fresh folder).
- esbuild ${version("esbuild")}: every file as an entry point, \`--target=es2016\` (async lowered to generators).
- Noise: the machine is shared (${cpus().length} cores, other engineers' builds and tests). Load average (1 min) during the
  runs: ${loads.map((l) => l.toFixed(1)).join(", ")}. "Wall spread" is (max − min) / median per variant; wall times
  under load mostly measure the share of CPU a run was given, so the CPU column is the steadier comparison.
`;
}
