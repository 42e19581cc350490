import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PackageTypeLookup } from "../src/package-type.js";
import { isSourceFile, syntaxFor } from "../src/syntax.js";
import { makeTree } from "./helpers/tree.js";

const pluginNames = (attempt: { plugins?: unknown[] }) =>
  (attempt.plugins ?? []).map((p) => (Array.isArray(p) ? p[0] : p));

describe("syntaxFor", async () => {
  const root = await makeTree({
    "plain/package.json": "{}",
    "esm/package.json": '{ "type": "module" }',
    "cjs/package.json": '{ "type": "commonjs" }',
    "broken/package.json": "{ not json",
    "esm/nested/deeper/.keep": "",
  });

  // [file, sourceType, parser plugins of each attempt]
  const table: [string, string, string[][]][] = [
    ["plain/a.js", "unambiguous", [["decorators", "jsx"], ["decorators"]]],
    ["esm/a.js", "module", [["decorators", "jsx"], ["decorators"]]],
    ["esm/nested/deeper/a.js", "module", [["decorators", "jsx"], ["decorators"]]],
    ["cjs/a.js", "script", [["decorators", "jsx"], ["decorators"]]],
    ["broken/a.js", "unambiguous", [["decorators", "jsx"], ["decorators"]]],
    ["plain/a.jsx", "unambiguous", [["decorators", "jsx"]]],
    ["cjs/a.mjs", "module", [["decorators"]]],
    ["esm/a.cjs", "script", [["decorators"]]],
    ["plain/a.ts", "unambiguous", [["typescript", "decorators-legacy"]]],
    ["esm/a.ts", "module", [["typescript", "decorators-legacy"]]],
    // TypeScript written with `import` compiles to require: "script" would reject it.
    ["cjs/a.ts", "unambiguous", [["typescript", "decorators-legacy"]]],
    ["esm/a.tsx", "module", [["typescript", "decorators-legacy", "jsx"]]],
    ["cjs/a.mts", "module", [["typescript", "decorators-legacy"]]],
    ["esm/a.cts", "unambiguous", [["typescript", "decorators-legacy"]]],
  ];
  it.each(table)("%s parses as %s with %j", async (file, sourceType, plugins) => {
    const syntax = await syntaxFor(join(root, file), new PackageTypeLookup());
    expect(syntax.sourceType).toBe(sourceType);
    expect(syntax.attempts.map(pluginNames)).toEqual(plugins);
  });

  it("keeps TypeScript declarations out and forbids <T> casts only in .mts/.cts", async () => {
    const lookup = new PackageTypeLookup();
    const tsOptions = async (file: string) =>
      (await syntaxFor(join(root, file), lookup)).attempts[0].plugins!.find((p) => Array.isArray(p) && p[0] === "typescript");
    expect(await tsOptions("plain/a.ts")).toEqual(["typescript", { dts: false, disallowAmbiguousJSXLike: false }]);
    expect(await tsOptions("plain/a.mts")).toEqual(["typescript", { dts: false, disallowAmbiguousJSXLike: true }]);
    expect(await tsOptions("plain/a.cts")).toEqual(["typescript", { dts: false, disallowAmbiguousJSXLike: true }]);
  });

  it("allows top-level return only where Node wraps the file in a function (CommonJS JavaScript)", async () => {
    const lookup = new PackageTypeLookup();
    const allows = async (file: string) => (await syntaxFor(join(root, file), lookup)).attempts[0].allowReturnOutsideFunction;
    expect(await allows("cjs/a.js")).toBe(true);
    expect(await allows("plain/a.cjs")).toBe(true);
    expect(await allows("plain/a.js")).toBe(false);
    expect(await allows("plain/a.mjs")).toBe(false);
    expect(await allows("cjs/a.ts")).toBe(false);
  });
});

describe("isSourceFile", () => {
  it.each([
    ["a.js", true], ["a.jsx", true], ["a.mjs", true], ["a.cjs", true],
    ["a.ts", true], ["a.tsx", true], ["a.mts", true], ["a.cts", true],
    ["a.d.ts", false], ["a.d.mts", false], ["a.d.cts", false], ["a.d.css.ts", false],
    ["a.json", false], ["a.txt", false], ["a.JS", false], ["d.ts", true], ["noext", false],
  ])("%s → %s", (file, expected) => {
    expect(isSourceFile(`/x/${file}`)).toBe(expected);
  });
});
