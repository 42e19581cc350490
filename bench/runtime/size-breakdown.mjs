#!/usr/bin/env node
// node bench/runtime/size-breakdown.mjs
//
// Where the async-function part of the runtime spends its min+gzip bytes. It takes the built
// runtime's async-function part (dist/node: intrinsics, await, run), then takes features out one
// by one, cumulatively, and measures each step as size.mjs does: size/async-functions.js
// transformed by the plugin, bundled with that runtime, minified by esbuild, gzipped (level 9),
// minus the untransformed program. Each step after the first drops a guarantee or a fast path,
// so only the first row is a runtime anyone should ship; the others show what each costs. The
// last row is the smallest runner for the same output shape (a Babel-style closure loop).
//
// The edits are text edits on the built file; when the source changes under them, the script
// stops and names the edit that no longer applies.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { benchDir, workDir } from "./paths.mjs";
import { minGzip, unawait } from "./size.mjs";

const require = createRequire(import.meta.url);

const runtimeDir = dirname(require.resolve("@unawait/runtime/package.json"));
const built = readFileSync(join(runtimeDir, "dist", "node", "index.mjs"), "utf8");
const asyncPart = `${built.slice(0, built.indexOf("// super-access.js"))}\nexport { run };\n`;

/** Replaces `from` with `to`, or the text from `from` up to (not including) `until`. */
function edit(code, [from, to, until]) {
  const at = code.indexOf(from);
  if (at === -1) throw new Error(`size-breakdown: the built runtime no longer contains ${JSON.stringify(from.slice(0, 60))}; update the edit`);
  const end = until === undefined ? at + from.length : code.indexOf(until, at);
  if (end === -1) throw new Error(`size-breakdown: no ${JSON.stringify(until)} after ${JSON.stringify(from.slice(0, 60))}`);
  return code.slice(0, at) + to + code.slice(end);
}

const steps = [
  { label: "unawait's async-function runtime, as shipped", edits: [] },
  {
    label: "− no second read of a promise's own `constructor`, no `then` that reads a broken one",
    edits: [
      ['if (promise !== value || !hasOwn(promise, "constructor")) {', "{"],
      ["    } catch {}\n  }\n", "    } finally {}\n  }\n", undefined],
      ['  const own = describeOwn(promise, "constructor");', "", "  return false;\n}\n// run.js"],
      ["const {\n  getOwnPropertyDescriptor: describeOwn,", "", "const QUIET"],
      ["const hasOwn = ", "", "function awaitValue"],
    ],
  },
  {
    label: "− a primitive awaited through one shared promise (no promise per `await 1`, no lookups)",
    edits: [
      ['  if ((typeof value !== "object" || value === null) && typeof value !== "function") {\n    promiseThen(RESOLVED', "", "  const promise = promiseResolve"],
      ["const QUIET = ", "", "function awaitValue"],
      ["    if (value === STORED) value = stored;\n", ""],
    ],
  },
  {
    label: "− a body that returns before awaiting costs no resolving functions",
    edits: [
      ["  if (result.done) return settledWith(result.value);\n", ""],
      ["  let stored;\n", "  let stored;\n  if (result.done) return resolve(result.value), promise;\n"],
      ["function settledWith(", "", "function advance("],
    ],
  },
  {
    label: "− intrinsics captured at load (patched `then`, `Promise.resolve`, generator methods would be seen)",
    edits: [
      ["promiseThen(promise, onFulfilled, onRejected)", "promise.then(onFulfilled, onRejected)"],
      ["promiseResolve(NativePromise, value)", "Promise.resolve(value)"],
      ["generatorThrow(gen, arg) : generatorNext(gen, arg)", "gen.throw(arg) : gen.next(arg)"],
      ["result = generatorNext(gen);", "result = gen.next();"],
      ["apply(genFn, thisArg, args || NO_ARGS)", "genFn.apply(thisArg, args || NO_ARGS)"],
      ["// intrinsics.js", "const NativePromise = Promise;\n", "// await.js"],
    ],
  },
  {
    label: "− a throwing PromiseResolve throws at the `await`, into the body",
    edits: [["    return awaitValue(value, onFulfilled, onRejected) ? value : undefined;\n  } catch (error) {", "    return awaitValue(value, onFulfilled, onRejected) ? value : undefined;\n  } finally {", "  }\n}"]],
  },
];

const smallest = `export function run(g) {
  return new Promise((res, rej) => {
    const step = (m, v) => { let r; try { r = g[m](v); } catch (e) { return rej(e); } r.done ? res(r.value) : Promise.resolve(r.value).then(next, thr); };
    const next = (v) => step("next", v), thr = (e) => step("throw", e);
    next();
  });
}
`;

const file = join(benchDir, "runtime", "size", "async-functions.js");
const source = readFileSync(file, "utf8");
const program = unawait("import")(source, file);
const baseline = minGzip(source);

// Each variant is written to a file that the bundle takes as "@unawait/runtime".
mkdirSync(join(workDir, "size-breakdown"), { recursive: true });
const runtimeFile = join(workDir, "size-breakdown", "runtime.mjs");
const measure = (runtime) => {
  writeFileSync(runtimeFile, runtime);
  return minGzip(program, runtimeFile) - baseline;
};

const rows = [];
let runtime = asyncPart;
for (const step of steps) {
  for (const e of step.edits) runtime = edit(runtime, e);
  rows.push([step.label, measure(runtime)]);
}
rows.push(["smallest runner for the same output (Babel-style closures, none of the above)", measure(smallest)]);

console.log("| runtime (async functions, size/async-functions.js) | min+gzip | step |\n|---|---:|---:|");
rows.forEach(([label, bytes], i) => console.log(`| ${label} | ${bytes} B | ${i ? `${bytes - rows[i - 1][1]} B` : ""} |`));
