// How the lint rules plug into the plugin: off by default, run on the code as written (before
// lowering), reported through Babel's metadata in source order, and callable on their own.
import { parseSync, transformSync, traverse } from "@babel/core";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listFixtures } from "../../../test/helpers/fixture-cases.js";
import plugin, { lintProgram, type LintWarning } from "../src/index.js";
import { lintWarnings } from "./lint-warnings.js";

const GOTCHAS = [
  "async function save(x) { await fetch('/s', { body: x }); }",
  "export async function main(items) {",
  "  items.forEach(async (item) => { await save(item); });",
  "  try { save(1); } catch {}",
  "  save(2);",
  "}",
].join("\n");

describe("warnings option", () => {
  it("is off by default: no lint, an empty list", () => {
    const result = transformSync(GOTCHAS, { configFile: false, babelrc: false, filename: "a.js", plugins: [plugin] })!;
    expect((result.metadata as any).unawait.warnings).toEqual([]);
  });

  it("sees the async code before it is lowered, and still lowers it", () => {
    const result = transformSync(GOTCHAS, {
      configFile: false, babelrc: false, filename: "a.js", plugins: [[plugin, { warnings: true }]],
    })!;
    expect(result.code).not.toMatch(/\basync\b|\bawait\b/);
    const warnings: LintWarning[] = (result.metadata as any).unawait.warnings;
    expect(warnings.map((w) => [w.code, w.loc!.line, w.loc!.column])).toEqual([
      ["async-array-callback", 3, 8],
      ["unawaited-in-try", 4, 8],
      ["floating-promise", 5, 2],
    ]);
  });

  it("reports in source order, not in the order the rules find things", () => {
    // await-in-finally reports from the `try` node, before the traversal reaches the loop inside.
    const code = [
      "async function f(x) { await x; }",
      "export async function g(xs) {",
      "  try {",
      "    for (const x of xs) await f(x);",
      "  } finally {",
      "    await f(0);",
      "  }",
      "}",
    ].join("\n");
    expect(lintWarnings(code).map((w) => [w.code, w.loc!.line])).toEqual([["await-in-loop", 4], ["await-in-finally", 6]]);
  });

  it("reads TypeScript and JSX as it passes them through", () => {
    const code = [
      "async function load(id: string): Promise<Item> { return (await fetch(id)).json(); }",
      "export function View({ ids }: { ids: string[] }) {",
      "  ids.forEach(async (id) => { await load(id); });",
      "  load(ids[0]) as Promise<Item>;",
      "  return <ul>{ids.map((id) => <li key={id}>{id}</li>)}</ul>;",
      "}",
    ].join("\n");
    const result = transformSync(code, {
      configFile: false, babelrc: false, filename: "view.tsx",
      parserOpts: { plugins: ["typescript", "jsx"] },
      plugins: [[plugin, { warnings: true }]],
    })!;
    expect((result.metadata as any).unawait.warnings.map((w: LintWarning) => w.code)).toEqual(["async-array-callback", "floating-promise"]);
  });

  it("keeps messages on one line", () => {
    for (const warning of lintWarnings(GOTCHAS)) expect(warning.message).not.toContain("\n");
  });
});

describe("lintProgram", () => {
  it("runs on a parsed program without transforming it", () => {
    const ast = parseSync("new Promise(async (resolve) => resolve(await 1));", { configFile: false, babelrc: false, filename: "b.js" })!;
    const found: LintWarning[] = [];
    traverse(ast, {
      Program(path) {
        lintProgram(path, (w) => found.push(w));
        path.stop();
      },
    });
    expect(found).toEqual([{ code: "async-promise-executor", message: expect.stringContaining("async Promise executor"), loc: { line: 1, column: 12 } }]);
  });

  it("follows Babel's bindings: a shadowed or reassigned name is not known to be async", () => {
    const code = [
      "async function save() {}",
      "function a(save) { save(); }",
      "let later = async () => {};",
      "later = () => {};",
      "function b() { later(); }",
      "function c() { save(); }",
    ].join("\n");
    expect(lintWarnings(code).map((w) => w.loc!.line)).toEqual([6]);
  });
});

describe("lint fixtures stay out of the executed-fixture runner", () => {
  it("no case under fixtures/lint looks like an executed fixture", () => {
    const root = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
    expect(listFixtures(root).filter((f) => f.name.startsWith("lint/"))).toEqual([]);
  });
});
