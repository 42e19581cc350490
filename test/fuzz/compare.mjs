// One differential run: the program natively, then transformed, each in a fresh realm.
import vm from "node:vm";
import { runProgram } from "./realm.mjs";
import { needsRequire, transformProgram } from "./transform.mjs";

/**
 * @returns {Promise<{ same: boolean, native: string[], transformed: string[], transformError?: string, invalidProgram?: string }>}
 * A transform that throws is a divergence too (its message stands in for the transformed log).
 */
export async function compareProgram(code, options) {
  // A program that does not even compile is the generator's bug (or a minimizer's dead end).
  try {
    new vm.Script(code);
  } catch (error) {
    return { same: false, native: [], transformed: [], invalidProgram: String(error?.message ?? error) };
  }
  let output;
  try {
    output = transformProgram(code, options);
  } catch (error) {
    const message = `!transform error ${String(error?.message ?? error).split("\n")[0]}`;
    return { same: false, native: await runProgram(code), transformed: [message], transformError: message };
  }
  const native = await runProgram(code);
  const transformed = await runProgram(output, { requireRuntime: needsRequire(options) });
  return { same: sameLog(native, transformed), native, transformed };
}

export function sameLog(a, b) {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
