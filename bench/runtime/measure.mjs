// Runs every (case, variant) in its own child process, round after round. Within a round the
// variants of a case run back to back, and the order rotates each round so no variant always
// goes first (or always runs right after the slowest one).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { benchDir } from "./paths.mjs";

const childScript = (name) => join(benchDir, "runtime", name);

function runChild(script, args) {
  const child = spawnSync(process.execPath, ["--expose-gc", script, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line);
  } catch {
    return { error: `exit ${child.status}: ${(child.stderr || child.stdout).trim().slice(0, 500)}` };
  }
}

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

/**
 * cases: [{ name, label, files: { [variant]: file | undefined } }]; returns
 * { [case]: { [variant]: { cpu: number[], wall: number[], steady: number[], checksums: unknown[], errors: string[] } } }.
 * `repeats` more runs in each child give `steady` (child.mjs).
 */
export function measureTimes(cases, variantNames, runs, log, repeats = 0) {
  const results = {};
  for (const c of cases) {
    results[c.name] = {};
    for (const v of variantNames) results[c.name][v] = { cpu: [], wall: [], steady: [], checksums: [], errors: [] };
  }
  for (let round = 0; round < runs; round++) {
    for (const c of cases) {
      for (const v of rotate(variantNames, round)) {
        const file = c.files[v];
        if (!file) continue;
        const out = runChild(childScript("child.mjs"), [file, String(repeats)]);
        const cell = results[c.name][v];
        if (out.error) cell.errors.push(out.error), log(`${v} ${c.name} failed: ${out.error.split("\n")[0]}`);
        else {
          cell.cpu.push(out.cpu), cell.wall.push(out.wall), cell.checksums.push(out.checksum);
          if (out.steady !== undefined) cell.steady.push(out.steady);
        }
      }
      log(`round ${round + 1}/${runs}: ${c.name}`);
    }
  }
  return results;
}

/** { [variant]: { bytes: number[] } | { error } } — the heap per suspended task, a few runs. */
export function measureMemory(files, runs) {
  const results = {};
  for (const [variant, file] of Object.entries(files)) {
    if (!file) continue;
    const bytes = [];
    for (let i = 0; i < runs && !results[variant]; i++) {
      const out = runChild(childScript("memory-child.mjs"), [file]);
      if (out.error) results[variant] = { error: out.error };
      else bytes.push(out.bytesPerTask);
    }
    results[variant] ??= { bytes };
  }
  return results;
}
