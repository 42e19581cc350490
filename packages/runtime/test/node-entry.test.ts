// Checks the built package (run `pnpm -C packages/runtime build` first; `pnpm test` does).
// Node gets the runtime in one module scope (dist/node, the "node" export condition), bundlers the
// per-module dist/esm: both must offer the same API and run the same program the same way.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const dist = (path: string): string => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8" });
}

// A generator-form program touching run, async generators and for-await helpers, logging its order.
const program = (from: string): string => `
import { run, asyncGen, emit, asyncIterator, iteratorResult } from ${JSON.stringify(from)};
const log = [];
function* g$() { yield emit(1); yield emit(Promise.resolve(2)); }
function* main$() {
  const it = asyncIterator(asyncGen(g$));
  for (;;) { const step = iteratorResult(yield it.next()); if (step.done) break; log.push("value " + step.value); }
  try { yield Promise.reject(new Error("no")); } catch (e) { log.push("caught " + e.message); }
  return (yield 40) + 2;
}
run(main$).then((v) => { log.push("done " + v); console.log(JSON.stringify(log)); });
Promise.resolve().then(() => log.push("tick 1")).then(() => log.push("tick 2")).then(() => log.push("tick 3"));
`;

describe("@unawait/runtime entry for Node", () => {
  beforeAll(() => {
    for (const file of ["node/index.mjs", "node/index.cjs", "esm/index.js", "cjs/index.js"]) {
      if (!existsSync(dist(file))) throw new Error("packages/runtime/dist is missing: run `pnpm -C packages/runtime build` first");
    }
  });

  it("resolves to the one-scope build under Node, for import and require", () => {
    const out = node(["--input-type=module", "-e",
      'import { createRequire } from "node:module"; const require = createRequire(process.cwd() + "/package.json");' +
      'console.log(JSON.stringify([import.meta.resolve("@unawait/runtime"), require.resolve("@unawait/runtime")]))']);
    const [esm, cjs] = JSON.parse(out);
    expect(esm).toMatch(/\/dist\/node\/index\.mjs$/);
    expect(cjs).toMatch(/\/dist\/node\/index\.cjs$/);
  });

  it("exports what the per-module build exports", () => {
    const keys = (file: string, kind: "import" | "require"): string[] => JSON.parse(node(kind === "import"
      ? ["--input-type=module", "-e", `import * as m from ${JSON.stringify(file)}; console.log(JSON.stringify(Object.keys(m).sort()))`]
      : ["-e", `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(file)})).filter((k) => k !== "__esModule").sort()))`]));
    const expected = keys(dist("esm/index.js"), "import");
    expect(expected).toContain("run");
    expect(keys(dist("node/index.mjs"), "import")).toEqual(expected);
    expect(keys(dist("node/index.cjs"), "require")).toEqual(expected);
    expect(keys(dist("cjs/index.js"), "require")).toEqual(expected);
  });

  it("runs a program exactly as the per-module build does", () => {
    const perModule = node(["--input-type=module", "-e", program(dist("esm/index.js"))]);
    const oneScope = node(["--input-type=module", "-e", program(dist("node/index.mjs"))]);
    expect(JSON.parse(perModule)).toContain("caught no");
    expect(oneScope).toBe(perModule);
  });
});
