import { describe, expect, it } from "vitest";
import vm from "node:vm";
import { transformSync } from "@babel/core";
import plugin from "../src/index.js";

const wrap = (code: string, sourceType: "script" | "module") =>
  transformSync(code, {
    configFile: false, babelrc: false, filename: "main.cjs", sourceType,
    plugins: [[plugin, { topLevelAwait: "wrap", runtime: "inline" }]],
  })!;

describe("topLevelAwait: wrap", () => {
  it("runs a CommonJS file's body as a coroutine and reports what is not exact", async () => {
    const result = wrap("const log = [];\nlog.push('a', await 1);\nmodule.exports = log;\nfor (const x of [2]) log.push(await x);", "script");
    const module = { exports: null as any };
    vm.runInNewContext(`(function (module) { ${result.code} })`)(module);
    await new Promise((r) => setTimeout(r, 5));
    expect(Array.from(module.exports)).toEqual(["a", 1, 2]);
    const [warning] = (result.metadata as any).unawait.warnings;
    expect(warning.code).toBe("TOP_LEVEL_AWAIT_WRAPPED");
    expect(warning.loc).toEqual({ line: 2, column: 14 });
  });

  it("still refuses an ES module, where wrapping would change when importers run", () => {
    expect(() => wrap("export const a = await 1;", "module")).toThrow(/top-level await cannot be lowered in an ES module/);
  });

  it("leaves a file without top-level await alone", () => {
    const result = wrap("async function f() { await 1; }", "script");
    expect(result.code).not.toContain("run(function*");
    expect((result.metadata as any).unawait.warnings).toEqual([]);
  });
});
