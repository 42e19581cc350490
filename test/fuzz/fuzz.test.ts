// The fuzzer in CI: every saved reproducer replays with both runtime deliveries, and a fixed
// block of seeds must diverge exactly where known-divergences.json says (each entry a reported,
// unfixed bug; a seed that starts passing must leave the list). More seeds: `pnpm fuzz --seeds A..B`.
import { parseSync } from "@babel/core";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { firstDifference, runSeeds } from "./campaign.mjs";
import { generateProgram } from "./generate/program.mjs";
import { minimize } from "./minimize.mjs";
import { createPool } from "./pool.mjs";
import { readReproducers } from "./reproducer-file.mjs";

const pool = createPool({ size: 2 });
afterAll(() => pool.close());

// Seeds of reported, unfixed bugs, with the reason: { "asyncFunctions": {…}, "asyncGenerators": {…} }.
const knownFile = JSON.parse(readFileSync(new URL("./known-divergences.json", import.meta.url), "utf8"));
const known: Record<string, string> = knownFile.asyncFunctions;
const knownAsyncGenerators: Record<string, string> = knownFile.asyncGenerators;

type Found = { seed: number; native: string[]; transformed: string[]; transformError?: string; invalidProgram?: string };

function summary(found: Found, flags: string): string {
  const diff = firstDifference(found.native, found.transformed);
  const what = found.invalidProgram ?? found.transformError ?? `log line ${diff.line}`;
  return `seed ${found.seed} (${what}; pnpm fuzz --seeds ${found.seed}..${found.seed}${flags}):\n` +
    `  native      ${diff.native.join(" | ")}\n  transformed ${diff.transformed.join(" | ")}`;
}

describe("saved fuzz reproducers", () => {
  const reproducers = readReproducers();
  it("are unawait programs that parse as scripts", () => {
    for (const { name, code, options } of reproducers) {
      expect(options.transform, name).toBe("unawait");
      expect(() => parseSync(code, { sourceType: "script", configFile: false, babelrc: false }), name).not.toThrow();
    }
  });
  for (const reproducer of reproducers) {
    for (const runtime of ["require", "inline"]) {
      it(`${reproducer.name} (runtime ${runtime})`, async () => {
        const result = await pool.compareCode(reproducer.code, { ...reproducer.options, transform: "unawait", runtime });
        expect(result.invalidProgram ?? result.transformError ?? (result.timedOut && "timed out") ?? null).toBeNull();
        expect(result.transformed).toEqual(result.native);
      });
    }
  }
});

describe("a fixed block of seeds", () => {
  const blocks = [
    { from: 1, to: 300, runtime: "require", asyncGenerators: false },
    { from: 1, to: 80, runtime: "inline", asyncGenerators: false },
    { from: 1, to: 100, runtime: "require", asyncGenerators: true },
  ];
  for (const { from, to, runtime, asyncGenerators } of blocks) {
    const flags = `${runtime === "inline" ? " --runtime inline" : ""}${asyncGenerators ? " --async-generators" : ""}`;
    const knownHere = asyncGenerators ? knownAsyncGenerators : known;
    it(`seeds ${from}..${to}${flags} log the same natively and transformed`, async () => {
      const divergences = await runSeeds(pool, { from, to }, { transform: "unawait", runtime, asyncGenerators });
      const unexpected = divergences.filter((d) => !(d.seed in knownHere)).map((d) => summary(d, flags));
      const fixed = Object.keys(knownHere).filter((seed) => +seed >= from && +seed <= to && !divergences.some((d) => d.seed === +seed));
      expect(unexpected, "new divergences: minimize with `pnpm fuzz --seeds A..B` and report them").toEqual([]);
      expect(fixed, "these seeds no longer diverge: remove them from known-divergences.json").toEqual([]);
    }, 180_000);
  }
});

describe("the fuzzer itself", () => {
  it("generates the same program for the same seed, and different ones for different seeds", () => {
    expect(generateProgram(42)).toBe(generateProgram(42));
    expect(generateProgram(42)).not.toBe(generateProgram(43));
    expect(generateProgram(42, { asyncGenerators: true })).toBe(generateProgram(42, { asyncGenerators: true }));
  });

  it("sees a divergence: Babel's helper calls a native promise's own `then`, native await does not", async () => {
    const program = readFileSync(new URL("./sharpness/own-then.js", import.meta.url), "utf8");
    const babel = await pool.compareCode(program, { transform: "babel" });
    expect(babel.same).toBe(false);
    expect(babel.transformed).toContain('"own then called"');
    expect(babel.native).not.toContain('"own then called"');
    const unawait = await pool.compareCode(program, { transform: "unawait", runtime: "require" });
    expect(unawait.transformed).toEqual(unawait.native);
  });

  it("minimizes while the predicate holds, down to what the predicate needs", async () => {
    const program = generateProgram(7);
    const marker = /log\("main:end"\)/;
    const { code } = await minimize(program, async (candidate: string) => marker.test(candidate));
    expect(code.trim()).toBe('log("main:end");');
  });
});
