// The reduced-program path (split-program.ts) must give what the whole-file path gives, but for
// the formatting of the code the plugin left alone (pasted from the source): the same program and
// comments, a map as good (with and without an input map), the same warnings, the same errors.
// Checked on every executed fixture, on targeted cases, and on a sample of a real package's files.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PluginObj } from "@babel/core";
import { describe, expect, it } from "vitest";
import { listFixtures } from "../../../test/helpers/fixture-cases.js";
import type { PluginOptions } from "../src/options.js";
import { PackageTypeLookup } from "../src/package-type.js";
import { loadPlugin, type BabelPlugin } from "../src/plugin.js";
import { identityMap } from "../src/source-maps.js";
import { syntaxFor, type FileSyntax } from "../src/syntax.js";
import { transformSource, type TransformInput, type TransformOutput } from "../src/transform.js";
import { normalized, readMap } from "./helpers/same-program.js";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

const here = dirname(fileURLToPath(import.meta.url));
const packageTypes = new PackageTypeLookup();

interface Case {
  path: string;
  code: string;
  syntax: FileSyntax;
  options: PluginOptions;
}

/** Both paths, three ways: no map, a map, a map merged with an input map. */
async function expectParity({ path, code, syntax, options }: Case, plugin: BabelPlugin): Promise<void> {
  const inputMap = identityMap(code, join(dirname(path), "original", basename(path)));
  const variants: Partial<TransformInput>[] = [{ sourceMaps: false }, { sourceMaps: true }, { sourceMaps: true, inputMap }];
  for (const variant of variants) {
    const input: TransformInput = { path, code, syntax, sourceMaps: false, ...variant };
    const [reduced, whole] = await Promise.all(
      [false, true].map((wholeFile) => transformSource({ ...input, wholeFile }, { plugin, pluginOptions: options }).catch((error: Error) => ({ error: error.message }))),
    );
    const label = `${path} (${JSON.stringify({ sourceMaps: variant.sourceMaps, inputMap: Boolean(variant.inputMap) })})`;
    if ("error" in whole || "error" in reduced) expect(reduced, label).toEqual(whole);
    else expectSameOutput(reduced, whole, code, syntax, label);
  }
}

/** The same program and comments; a map that covers every source word the whole file's map
 *  covers, and points no output word at a source word the whole file's map would not. */
function expectSameOutput(reduced: TransformOutput, whole: TransformOutput, code: string, syntax: FileSyntax, label: string): void {
  expect(normalized(reduced.code, syntax), label).toBe(normalized(whole.code, syntax));
  expect(reduced.warnings, label).toEqual(whole.warnings);
  expect(Boolean(reduced.map), label).toBe(Boolean(whole.map));
  if (!reduced.map || !whole.map) return;
  expect(reduced.map.sources, label).toEqual(whole.map.sources);
  expect(reduced.map.sourcesContent, label).toEqual(whole.map.sourcesContent);
  const [mine, babel] = [readMap(reduced.map, reduced.code, code), readMap(whole.map, whole.code, code)];
  expect([...mine.mismatches].filter((m) => !babel.mismatches.has(m)), label).toEqual([]);
  expect([...babel.covered].filter((position) => !mine.covered.has(position)), label).toEqual([]);
}

async function caseFor(path: string, options: PluginOptions = {}): Promise<Case> {
  return { path, code: readFileSync(path, "utf8"), syntax: await syntaxFor(path, packageTypes), options };
}

describe("the reduced program gives the whole file's output", async () => {
  const plugin = await loadPlugin();

  describe("on every executed fixture", () => {
    const fixtures = listFixtures(join(here, "../../../fixtures"));
    it("finds the fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(70));
    for (const fixture of fixtures) {
      it(fixture.name, async () => {
        const cjs = fixture.inputFile.endsWith(".cjs");
        const syntax: FileSyntax = {
          sourceType: (fixture.babelOptions.sourceType as FileSyntax["sourceType"]) ?? (cjs ? "script" : "module"),
          attempts: [(fixture.babelOptions.parserOpts as FileSyntax["attempts"][number]) ?? {}],
        };
        const code = readFileSync(fixture.inputFile, "utf8");
        await expectParity({ path: fixture.inputFile, code, syntax, options: fixture.options as PluginOptions }, plugin);
      });
    }
  });

  describe("on targeted cases (test/fixtures/split)", () => {
    const dir = join(here, "fixtures/split");
    for (const name of readdirSync(dir).sort()) {
      it(name, async () => {
        await expectParity(await caseFor(join(dir, name)), plugin);
        await expectParity(await caseFor(join(dir, name), { runtime: "inline" }), plugin);
      });
    }
  });

  describe("on a sample of playwright-core's lib/", () => {
    const require = createRequire(import.meta.url);
    const lib = join(dirname(require.resolve("playwright-core/package.json")), "lib");
    const withAsync = readdirSync(lib, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".js"))
      .sort()
      .filter((file) => /\basync\b|\bawait\b/.test(readFileSync(join(lib, file), "utf8")));
    // Every 8th file: about 20, small and large, CommonJS modules and bundled ES modules.
    const sample = withAsync.filter((_, i) => i % 8 === 0);
    it("finds the files", () => expect(sample.length).toBeGreaterThanOrEqual(15));
    for (const file of sample) {
      it(file, { timeout: 30_000 }, async () => expectParity(await caseFor(join(lib, file)), plugin));
    }
  });
});

/** Records the top-level statement types the plugin is given. */
function recordingPlugin(seen: string[][]): BabelPlugin {
  return (): PluginObj => ({
    visitor: { Program: { enter: (path) => void seen.push(path.node.body.map((s) => s.type)) } },
  });
}

describe("what the plugin is given", () => {
  const syntax: FileSyntax = { sourceType: "module", attempts: [{}] };
  const run = async (code: string, options: PluginOptions = {}) => {
    const seen: string[][] = [];
    await transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: false }, { plugin: recordingPlugin(seen), pluginOptions: options });
    return seen[0];
  };

  it("the leading imports and the statements with async syntax; a marker for each other statement", async () => {
    const code = 'import a from "a";\nconst b = 1;\nasync function f() {}\nb;\nfor (;;) await 1;\n';
    // `for (;;) await 1` is a top-level await: the whole file.
    expect(await run(code.replace("for (;;) await 1;\n", ""))).toEqual(["ImportDeclaration", "EmptyStatement", "FunctionDeclaration", "EmptyStatement"]);
    expect(await run(code)).toEqual(["ImportDeclaration", "VariableDeclaration", "FunctionDeclaration", "ExpressionStatement", "ForStatement"]);
  });

  it("the whole file when the lint rules run (they read all of it)", async () => {
    expect(await run("const b = 1;\nconst f = async () => b;\n", { warnings: true })).toEqual(["VariableDeclaration", "VariableDeclaration"]);
  });

  it("a statement whose words are only in strings and comments is left out", async () => {
    expect(await run('const s = "async await"; // await\nconst f = async () => s;\n')).toEqual(["EmptyStatement", "VariableDeclaration"]);
  });
});

describe("the function bodies the plugin is given", () => {
  // Records each named function's body length as the plugin sees it.
  const run = async (code: string) => {
    const seen: Record<string, number> = {};
    const plugin: BabelPlugin = ({ types: t }): PluginObj => ({
      visitor: {
        Function(path) {
          const node = path.node as any;
          const name = node.id?.name ?? node.key?.name;
          if (name && t.isBlockStatement(node.body)) seen[name] = node.body.body.length;
        },
      },
    });
    const syntax: FileSyntax = { sourceType: "module", attempts: [{}] };
    await transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: false }, { plugin, pluginOptions: {} });
    return seen;
  };

  it("a placeholder for plain functions outside async ones; async functions and what they hold, whole", async () => {
    const code = "class A {\n  plain() { a(); b(); }\n  async m() { c(); function inner() { d(); e(); } }\n}\nfunction helper() { f(); g(); }\n";
    expect(await run(code)).toEqual({ plain: 1, m: 2, inner: 2 });
    // `helper` is a statement of its own without async syntax: left out whole, so never seen.
    expect(await run(code.replace("function helper", "async function helper"))).toEqual({ plain: 1, m: 2, inner: 2, helper: 2 });
  });
});

describe("a plugin that disturbs the markers or placeholders", () => {
  // Removes every empty statement, markers included, and appends one statement to the program.
  const disturbing: BabelPlugin = ({ types: t }): PluginObj => ({
    visitor: {
      EmptyStatement: (path) => path.remove(),
      Program: { exit: (path) => void path.pushContainer("body", t.expressionStatement(t.identifier("end"))) },
    },
  });
  const appending: BabelPlugin = ({ types: t }): PluginObj => ({
    visitor: { Program: { exit: (path) => void path.pushContainer("body", t.expressionStatement(t.identifier("end"))) } },
  });
  const syntax: FileSyntax = { sourceType: "module", attempts: [{}] };
  const code = "const a = 1;\nasync function f() {}\na;\n";
  const both = (plugin: BabelPlugin) =>
    Promise.all([false, true].map((wholeFile) => transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: true, wholeFile }, { plugin, pluginOptions: {} })));

  it("gets the file again as a whole", async () => {
    const [reduced, whole] = await both(disturbing);
    expect(reduced).toEqual(whole);
    expect(reduced.code).toBe("const a = 1;\nasync function f() {}\na;\nend;");
  });

  it("gets the file again as a whole when it copies a function whose body was left out", async () => {
    // Copies the object's first method (a plain one: its body is a placeholder while Babel runs).
    const copying: BabelPlugin = ({ types: t }): PluginObj => ({
      visitor: {
        ObjectExpression(path) {
          const first = path.node.properties[0];
          if (t.isObjectMethod(first) && path.node.properties.length === 2) path.node.properties.push(t.cloneNode(first));
        },
      },
    });
    const source = "const o = { plain() { return 1; }, async m() {} };\n";
    const [reduced, whole] = await Promise.all(
      [false, true].map((wholeFile) => transformSource({ path: "/x/a.mjs", code: source, syntax, sourceMaps: true, wholeFile }, { plugin: copying, pluginOptions: {} })),
    );
    expect(reduced).toEqual(whole);
    expect(reduced.code).toContain("async m() {},\n  plain() {\n    return 1;\n  }\n};");
  });

  it("what it appends to the program ends the full program", async () => {
    const [reduced, whole] = await both(appending);
    expect(reduced.code).toBe(whole.code);
    expect(reduced.code).toBe("const a = 1;\nasync function f() {}\na;\nend;");
  });
});

describe("the code the plugin leaves alone is pasted from the source", () => {
  const syntax: FileSyntax = { sourceType: "module", attempts: [{}] };
  const transform = async (code: string, plugin?: BabelPlugin) =>
    transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: true }, { plugin: plugin ?? (await loadPlugin()), pluginOptions: {} });

  it("statements and plain bodies keep their formatting; the async function is printed", async () => {
    const code = "const  a  =  [1,2] // odd spacing\n\n\nclass A {\n  plain( ) { return  a }\n  async m() { await  a }\n}\n";
    const { code: output } = await transform(code);
    expect(output).toContain("const  a  =  [1,2] // odd spacing\n");
    expect(output).toContain("plain() { return  a }");
    expect(output).not.toContain("await  a");
  });

  it("a statement the source ends without `;` gets one when printed code after it starts with `(`", async () => {
    // Appends `(0, g)();`: after `let b = function () {}` with no `;`, that would call the function.
    const calling: BabelPlugin = ({ types: t }): PluginObj => ({
      visitor: {
        Program: {
          exit: (path) => void path.pushContainer("body", t.expressionStatement(t.callExpression(t.sequenceExpression([t.numericLiteral(0), t.identifier("g")]), []))),
        },
      },
    });
    const { code: output } = await transform("async function f() {}\nlet b = function () {}\n", calling);
    expect(output).toContain("let b = function () {};\n(0, g)();");
    // The same for a chunk Babel never parsed (chunks.ts); its text could end in a line comment.
    const { code: chunked } = await transform("first();\nasync function f() {}\nconst b = function () {} // b\n", calling);
    expect(chunked).toContain("const b = function () {} // b\n;\n(0, g)();");
  });

  it("each pasted word maps to itself, through an input map too", async () => {
    const code = "const  value  =  compute( 1 )\nasync function f() { await value }\n";
    const inputMap = identityMap(code, "/x/original/a.ts");
    for (const map of [undefined, inputMap]) {
      const output = await transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: true, inputMap: map }, { plugin: await loadPlugin(), pluginOptions: {} });
      const lines = output.code.split("\n");
      const line = lines.findIndex((text) => text.startsWith("const  value"));
      const trace = new TraceMap(output.map as never);
      // In the source (and in the input map's pretend original), `value` is at 1:7, `compute` at 1:17.
      for (const [word, column] of [["value", 7], ["compute", 17], ["1", 26]] as const) {
        const position = originalPositionFor(trace, { line: line + 1, column: lines[line].indexOf(word) });
        expect(position, word).toMatchObject({ line: 1, column, source: map ? "/x/original/a.ts" : "/x/a.mjs" });
      }
    }
  });
});

describe("names used only in left-out statements", () => {
  const syntax: FileSyntax = { sourceType: "module", attempts: [{}] };
  const transform = async (code: string) =>
    (await transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: false }, { plugin: await loadPlugin(), pluginOptions: {} })).code;

  it("are not given to generated code, also when written with escapes", async () => {
    // `f$` is the name the generator of `f` would get; `\u0024` spells `$`.
    for (const declaration of ["let f$ = 1;", "let f\\u0024 = 1;", "function g() { let f$; }"]) {
      const output = await transform(`${declaration}\nasync function f() {}\n`);
      expect(output, declaration).toContain("function* f$2(");
    }
    expect(await transform("let other = 1;\nasync function f() {}\n")).toContain("function* f$(");
  });

  it("are not given to generated code when their statements were not even parsed (chunks.ts)", async () => {
    for (const declaration of ["const f$ = 1;", "const f\\u0024 = 1;", "const o = { m() { let f$; } };"]) {
      const output = await transform(`first();\n${declaration}\nasync function f() {}\n`);
      expect(output, declaration).toContain(`${declaration}\n`);
      expect(output, declaration).toContain("function* f$2(");
    }
    // Only as a property or in a string: free.
    expect(await transform('first();\nconst o = { p: a.f$, q: "f$" };\nasync function f() {}\n')).toContain("function* f$(");
  });
});

describe("the chunks left out of the parse", () => {
  const syntax: FileSyntax = { sourceType: "module", attempts: [{}] };
  const code = "export const first = 1;\nexport const broken = 1 +;\nexport async function load(value) {\n  return await value;\n}\n";
  const transform = async (input: Partial<TransformInput>) =>
    transformSource({ path: "/x/a.mjs", code, syntax, sourceMaps: false, ...input }, { plugin: await loadPlugin(), pluginOptions: {} });

  it("are pasted as written, unchecked, like a file without async syntax", async () => {
    expect((await transform({})).code).toContain("export const broken = 1 +;\n");
  });

  it("stay out of the parse when an export names a declaration in them", async () => {
    // sourceType unambiguous: the chunk with `export` is parsed, the declaration it names is not
    // (an early error Babel must let through). Were the file parsed whole, `1 +;` would throw.
    const source = "first();\nconst hidden = 1;\nconst broken = 1 +;\nasync function f() {}\nexport { hidden };\n";
    const unambiguous: FileSyntax = { sourceType: "unambiguous", attempts: [{}] };
    const output = await transformSource({ path: "/x/a.js", code: source, syntax: unambiguous, sourceMaps: false }, { plugin: await loadPlugin(), pluginOptions: {} });
    expect(output.code).toContain("const broken = 1 +;\n");
    expect(output.code).toContain("export { hidden };");
  });

  it("for sourceType unambiguous, still make the file a module with an export (so the runtime is imported)", async () => {
    const source = "first();\nexport const exported = 1;\nasync function f() {}\n";
    const unambiguous: FileSyntax = { sourceType: "unambiguous", attempts: [{}] };
    await expectParity({ path: "/x/a.js", code: source, syntax: unambiguous, options: {} }, await loadPlugin());
    const output = await transformSource({ path: "/x/a.js", code: source, syntax: unambiguous, sourceMaps: false }, { plugin: await loadPlugin(), pluginOptions: {} });
    expect(output.code).toMatch(/^import \{ run \} from "@unawait\/runtime";/);
  });

  it("are parsed when every syntax error must be found (watch mode), or the file is parsed whole", async () => {
    await expect(transform({ checkSyntax: true })).rejects.toThrow(/Unexpected token \(2:25\)/);
    await expect(transform({ wholeFile: true })).rejects.toThrow(/Unexpected token \(2:25\)/);
  });
});
