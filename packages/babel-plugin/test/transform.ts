import { transformSync } from "@babel/core";
import vm from "node:vm";
import plugin from "../src/index.js";

export function transform(code: string, options: object = {}, babel: object = {}): string {
  return transformSync(code, {
    configFile: false,
    babelrc: false,
    filename: "input.js",
    // Babel colours code frames when it thinks the terminal can (CI=true makes it think so).
    highlightCode: false,
    plugins: [[plugin, options]],
    ...babel,
  })!.code!;
}

/** Transforms a script with the inline runtime and evaluates it in a fresh realm; returns the
 *  realm's global object after `code` ran. */
export function runInline(code: string): any {
  const output = transform(code, { runtime: "inline" }, { sourceType: "script" });
  const context = vm.createContext({});
  vm.runInContext(output, context);
  return context;
}
