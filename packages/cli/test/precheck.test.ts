import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@babel/parser";
import { describe, expect, it } from "vitest";
import { mayHaveAsyncSyntax } from "../src/precheck.js";

const plain = (code: string) => mayHaveAsyncSyntax(code, { jsx: false });
const withJsx = (code: string) => mayHaveAsyncSyntax(code, { jsx: true });

describe("mayHaveAsyncSyntax: async syntax is always found", () => {
  it.each([
    "async function f() {}",
    "const f = async () => 1;",
    "const f = async x => x;",
    "const f = async (x) => x;",
    "const o = { async m() {} };",
    "const o = { async *m() {} };",
    "class A { async m() {} static async s() {} async #p() {} }",
    "class A { async [k]() {} async 'q'() {} async 1() {} }",
    "const f = async <T,>(x: T) => x;",
    "await x;",
    "for await (const x of y) {}",
    "async function* g() { yield 1; }",
    "export default async function () {}",
    "export default async () => {};",
    "x = `a ${await y} b`;",
    "x = `a ${`b ${await y}`} c`;",
    "x = `${{ a: 1 }.a} ${await y}`;",
    "x = [...await y];",
    "f(await\n  x);",
    "if (a) /re/.test(s); await x;",
    "x = a / b; await y / c;",
    "x = a.default / b; async function f() { return c / d; }",
    "x = a++ / 2; await y;",
    "// comment\nawait x;",
    "/* await */ await x;",
    "'str' + await x;",
    "\uFEFFasync function f() {}",
    "x;\u00A0async function f() {}",
    "#!/usr/bin/env node\nawait x;",
    "const f = async function () {};",
    "f(async () => {});",
    "async\nfunction f() {}", // not an async function (ASI), but unsure is fine
    "x = a ? await b : c;",
    "label: for await (const x of y) {}",
    "x = { a: /}/, b: await y };",
    "x = /[/]await/; await y;",
    "x = 1..toString() + await y;",
    "x = 0x1f / await y;",
    // A comment's last character is not a member dot: the word after it is a keyword.
    "// Loads the config.\nasync function load() {}",
    "/* see x. */ await y;",
    "x = a?.5:await y;",
    "x = a ? .5 : await y;",
  ])("%j", (code) => {
    expect(plain(code)).toBe(true);
  });
});

describe("mayHaveAsyncSyntax: no async syntax, no transform", () => {
  it.each([
    "const a = 1;",
    'const s = "async function f() {}";',
    "const s = 'await x';",
    'const s = "a \\" await";',
    "const t = `await ${x} async`;",
    "const t = `${'await'}`;",
    "const t = `a ${`await`} b`;",
    "// async function f() {}\nconst a = 1;",
    "/* await x */ const a = 1;",
    "/**\n * @returns await\n */\nfunction f() {}",
    "const r = /await/;",
    "const r = /async function/g.test(s);",
    "const r = /[/]await/;",
    "const r = /\\/await/;",
    "if (x) /await/.test(s);",
    "x = y(/async/);",
    "const asyncFoo = 1; asyncFoo();",
    "const fooAsync = 1, $await = 2, _async = 3, await_ = 4;",
    "x.async = 1; x.await(); x?.await; x ?. async;",
    "x.\n  await();",
    "x.\n  // the next call\n  await();",
    "x?.\n  async;",
    "class A { #async = 1; m() { return this.#async; } }",
    "const async = require('async'); async.map(xs, f, done);",
    "const o = { async: true, await: false };",
    "f(async, await);",
    "export { async };",
    "var await = 1; await = 2;",
    "function async() {} function await() {}",
    "x = a.await / b / c;",
    "x = 'async'\n+ \"await\";",
    "const s = '\\\nawait';",
  ])("%j", (code) => {
    expect(plain(code)).toBe(false);
  });
});

describe("mayHaveAsyncSyntax: when unsure, transform", () => {
  it.each([
    ["an unterminated string", "const s = 'async;\nx"],
    ["an unterminated comment", "/* async"],
    ["an unterminated template", "const t = `async"],
    ["a regex we cannot end on its line", "x = y\n/'/; const s = 'async'"],
    ["async followed by an operator", "x = a / async / b;"],
    ["async as a call", "async(x);"],
  ])("%s", (_name, code) => {
    expect(plain(code)).toBe(true);
  });

  it("a JSX element whose text may hold anything, but only where JSX can be", () => {
    const code = "const el = <p>it's {await load()} o'clock</p>;";
    expect(withJsx(code)).toBe(true);
    expect(withJsx("const s = 'await'; const b = a < c;")).toBe(false);
    expect(plain("const s = 'await'; const b = a < c;")).toBe(false);
    expect(withJsx("const s = 'await'; const el = <div />;")).toBe(true);
    expect(withJsx("const s = 'await'; const el = <>x</>;")).toBe(true);
    // Shift and comparison operators are not elements, even where an expression starts.
    expect(withJsx("const s = 'await'; f(o<<24|f<<16, a<=b, c <<= 2);")).toBe(false);
  });
});

describe("mayHaveAsyncSyntax never misses what Babel's parser finds, over real packages", () => {
  const require = createRequire(import.meta.url);
  const roots = ["playwright-core", "@babel/core", "commander", "chokidar", "diff", "esbuild"].map((name) => packageRoot(require.resolve(name)));
  const files = roots.flatMap((root) => jsFiles(root));

  it(`${files.length} files: every "no" is right, and most files without async syntax get one`, { timeout: 120_000 }, () => {
    let withoutAsync = 0;
    let copied = 0;
    const missed: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      const truth = hasAsyncSyntax(code);
      if (truth === undefined) continue;
      const guess = mayHaveAsyncSyntax(code, { jsx: true });
      if (truth && !guess) missed.push(file);
      if (!truth) withoutAsync++;
      if (!truth && !guess) copied++;
    }
    expect(missed).toEqual([]);
    expect(files.length).toBeGreaterThan(300);
    // The check is only useful if it rarely says "maybe" for nothing.
    expect(copied / withoutAsync).toBeGreaterThan(0.9);
  });
});

describe("mayHaveAsyncSyntax never misses what Babel's parser finds, in our own examples", () => {
  // Written by people rather than compilers: comments that end in a period right before an
  // `async` (which once read as `x.async`), explanations full of quotes and slashes.
  const here = dirname(fileURLToPath(import.meta.url));
  const files = [join(here, "../../../fixtures"), join(here, "../../playground/src/examples")].flatMap((root) => jsFiles(root));

  it(`${files.length} fixture and playground files`, () => {
    const missed = files.filter((file) => {
      const code = readFileSync(file, "utf8");
      return hasAsyncSyntax(code) === true && !mayHaveAsyncSyntax(code, { jsx: true });
    });
    expect(missed).toEqual([]);
    expect(files.length).toBeGreaterThan(300);
  });
});

describe("mayHaveAsyncSyntax on seeded random programs", () => {
  // Statements that stress the lexer (quotes, slashes, templates, braces) without async syntax…
  const noise = [
    "const s = 'it\\'s \"async\"';", 'const d = "a \\"await\\" b";', "const r = /[/'\"`]await\\//g;", "x = a / b / c;",
    "x = (a) / 2;", "if (a) /['`]/.test(s);", "const t = `a ${b + `c ${'}'} d`} e`;", "// async ' \" `", "/* await ` ' */",
    "x = {a: 1, b: [2, 3]};", "const o = { async: 1, await: 2 };", "o.async(); o.await;", "x = a++ / 2;", "x = 1..toString();",
    "label: for (;;) break label;", "x = y ? /a/ : /b/;", "x = typeof /re/;", "}{", "function g() { return /x/ }",
  ];
  // …and constructs that are async syntax.
  const asyncBits = ["async function f() {}", "const f = async () => 1;", "(async function () { await 1; })();", "x = { async m() {} };",
    "class A { async m() { await 1; } }", "const g = async x => x;", "async function* h() { for await (const v of w) {} }",
    "// The last one.\nasync function k() {}"];

  it("never says no when Babel's parser finds async syntax (1000 programs, fixed seed)", () => {
    // mulberry32: small, and its low bits are as random as its high ones.
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    let checked = 0;
    let withAsync = 0;
    for (let i = 0; i < 1000; i++) {
      const parts = Array.from({ length: 2 + random(6) }, () => noise[random(noise.length)]);
      if (random(2)) parts.splice(random(parts.length + 1), 0, asyncBits[random(asyncBits.length)]);
      // Each part in its own block, so declarations never clash; the joints still vary.
      const code = parts.map((part) => `{ ${part} }`).join(random(2) ? "\n" : " ");
      const truth = hasAsyncSyntax(code);
      if (truth === undefined) continue;
      checked++;
      if (truth) expect(plain(code), code).toBe(true);
      if (truth) withAsync++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(withAsync).toBeGreaterThan(200);
  });
});

function packageRoot(entry: string): string {
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("/lib") || dir.endsWith("/dist")) dir = dirname(dir);
  return dir;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.[cm]?js$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The truth, from Babel's parser; undefined when the file does not parse as a module or a script. */
function hasAsyncSyntax(code: string): boolean | undefined {
  let ast;
  for (const sourceType of ["module", "script"] as const) {
    try {
      ast = parse(code, { sourceType, plugins: ["jsx"], allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true });
      break;
    } catch {
      // try the next source type
    }
  }
  if (!ast) return undefined;
  let found = false;
  const visit = (node: any): void => {
    if (found || !node || typeof node.type !== "string") return;
    if (node.async === true || node.type === "AwaitExpression" || (node.type === "ForOfStatement" && node.await)) {
      found = true;
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === "loc" || key.endsWith("Comments")) continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child.type === "string") visit(child);
    }
  };
  visit(ast.program);
  return found;
}
