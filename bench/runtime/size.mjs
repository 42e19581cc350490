// Min+gzip bytes each runtime adds to a program, as a user ships it: the transformed program,
// bundled (tree-shaken) and minified by esbuild, gzipped at level 9, minus the same program
// untransformed. The delta therefore also counts the wrappers each transform writes around
// function bodies — they ship too.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { benchDir, workDir } from "./paths.mjs";
import { unawaitPlugin } from "./snapshot.mjs";
import { variants } from "./variants.mjs";

const require = createRequire(import.meta.url);
const esbuild = require("esbuild");
const babel = require("@babel/core");
const ts = require("typescript");

export const programs = [
  { name: "async-functions", label: "async functions" },
  { name: "async-generators", label: "+ async generators, for await" },
];

/** `runtimeFile`: bundle that file as "@unawait/runtime" instead of the snapshot (size-breakdown.mjs). */
export function minGzip(code, runtimeFile) {
  const { outputFiles } = esbuild.buildSync({
    // Resolving from bench/.work finds the runtime snapshot first (snapshot.mjs).
    stdin: { contents: code, resolveDir: workDir, sourcefile: "program.js" },
    alias: runtimeFile ? { "@unawait/runtime": runtimeFile } : {},
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "esnext",
    logLevel: "silent",
  });
  return gzipSync(outputFiles[0].contents, { level: 9 }).length;
}

/** The plugin's transform, with the runtime delivered as `runtime` ("import" or "inline"). */
export const unawait = (runtime) => (source, filename) =>
  babel.transformSync(source, {
    configFile: false, babelrc: false, sourceType: "module", filename,
    plugins: [[unawaitPlugin(), { runtime }]],
  }).code;

const tslibEs5 = (source, fileName) =>
  ts.transpileModule(source, {
    fileName,
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.ESNext, importHelpers: true, allowJs: true, lib: ["es2018"] },
  }).outputText;

const byName = Object.fromEntries(variants.map((v) => [v.name, v]));
/** The rows of the size table: how each runtime reaches the user's bundle. */
export const sizeRows = [
  { label: "unawait — `import`, bundled (tree-shaken)", transform: unawait("import") },
  { label: "unawait — `runtime: \"inline\"` (as the plugin emits it)", transform: unawait("inline") },
  { label: "Babel helpers (inlined by Babel)", transform: byName.babel.transform },
  { label: "TypeScript + tslib, ES2015 (`__awaiter`, …)", transform: byName.tslib.transform },
  { label: "TypeScript + tslib, ES5 (`__awaiter` + `__generator`, …)", transform: tslibEs5 },
  { label: "regenerator (Babel helpers + regenerator-runtime)", transform: byName.regenerator.transform },
];

/** { label, cells: [bytes | { error }] } per row, one cell per program. */
export function measureSizes() {
  const sources = programs.map((p) => {
    const file = join(benchDir, "runtime", "size", `${p.name}.js`);
    const source = readFileSync(file, "utf8");
    return { file, source, baseline: minGzip(source) };
  });
  return sizeRows.map((row) => ({
    label: row.label,
    cells: sources.map(({ file, source, baseline }) => {
      let code;
      try {
        code = row.transform(source, file);
      } catch (error) {
        const message = String(error?.message ?? error).split("\n")[0];
        return { error: { unsupported: /not supported yet/i.test(message), message } };
      }
      return minGzip(code) - baseline;
    }),
  }));
}

/** The whole runtime, every export, as a bundler ships `import * as runtime`. */
export function wholeRuntimeSize() {
  return minGzip(`export * from "@unawait/runtime";`);
}
