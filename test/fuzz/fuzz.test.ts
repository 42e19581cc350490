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

const known: Record<string, string> = JSON.parse(readFileSync(new URL("./known-divergences.json", import.meta.url), "utf8"));

function summary(found: { seed: number; native: string[]; transformed: string[]; transformError?: string }): string {
  const diff = firstDifference(found.native, found.transformed);
  return `seed ${found.seed} (${found.transformError ?? `log line ${diff.line}`}; pnpm fuzz --seeds ${found.seed}..${found.seed}):\n` +
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
        expect(result.transformed).toEqual(result.native);
      });
    }
  }
});

describe("a fixed block of seeds", () => {
  const blocks = [
    { from: 1, to: 300, runtime: "require" },
    { from: 1, to: 80, runtime: "inline" },
  ];
  for (const { from, to, runtime } of blocks) {
    it(`seeds ${from}..${to} log the same natively and transformed (runtime ${runtime})`, async () => {
      const divergences = await runSeeds(pool, { from, to }, { transform: "unawait", runtime, asyncGenerators: false });
      const unexpected = divergences.filter((d) => !(d.seed in known)).map(summary);
      const fixed = Object.keys(known).filter((seed) => +seed >= from && +seed <= to && !divergences.some((d) => d.seed === +seed));
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
