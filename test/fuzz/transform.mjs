// The transforms under test. `unawait` is the built plugin (packages/babel-plugin/dist), with the
// runtime inlined or required from the real package; `babel` is Babel's own async lowering, used
// to check that the fuzzer can see tick-order bugs at all.
import { transformSync } from "@babel/core";
import asyncGeneratorFunctions from "@babel/plugin-transform-async-generator-functions";
import asyncToGenerator from "@babel/plugin-transform-async-to-generator";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const PLUGIN_ENTRY = fileURLToPath(new URL("../../packages/babel-plugin/dist/cjs/index.js", import.meta.url));

let unawaitPlugin;
function loadUnawait() {
  if (!unawaitPlugin) {
    const module = createRequire(import.meta.url)(PLUGIN_ENTRY);
    unawaitPlugin = module.default ?? module;
  }
  return unawaitPlugin;
}

/** Babel plugins for each `--transform`; `runtime` is unawait's delivery option ("inline" | "require"). */
function pluginsFor({ transform, runtime }) {
  if (transform === "babel") return [asyncGeneratorFunctions, asyncToGenerator];
  if (transform === "unawait") return [[loadUnawait(), { runtime }]];
  throw new Error(`unknown --transform "${transform}" (expected unawait or babel)`);
}

/** Transforms a program (a sloppy-mode classic script) the way a build tool would. */
export function transformProgram(code, options) {
  const result = transformSync(code, {
    configFile: false,
    babelrc: false,
    sourceType: "script",
    compact: false,
    plugins: pluginsFor(options),
  });
  if (result?.code == null) throw new Error("Babel returned no code");
  return result.code;
}

/** Whether the transformed program expects the `require` the realm can provide. */
export function needsRequire(options) {
  return options.transform === "unawait" && options.runtime === "require";
}
