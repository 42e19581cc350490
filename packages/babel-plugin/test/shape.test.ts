import { describe, expect, it } from "vitest";
import { runInline, transform } from "./transform.js";

describe("runtime delivery", () => {
  const code = "async function f() { await 1; }";
  it("imports in an ES module by default", () => {
    expect(transform(code, {}, { sourceType: "module" })).toMatch(/^import \{ run \} from "@unawait\/runtime";/);
  });
  it("requires in a script by default", () => {
    expect(transform(code, {}, { sourceType: "script" })).toMatch(/^const \{\s*run\s*\} = require\("@unawait\/runtime"\);/);
  });
  it("honours runtime and runtimeModule", () => {
    expect(transform(code, { runtime: "require", runtimeModule: "my-rt" }, { sourceType: "module" })).toContain('require("my-rt")');
  });
  it("inlines a working runtime", async () => {
    const realm = runInline("var result; (async () => { result = await Promise.resolve(41) + 1; })();");
    await new Promise((r) => setTimeout(r, 5));
    expect(realm.result).toBe(42);
  });
  it("adds nothing to a file without async code", () => {
    expect(transform("function f() { return 1; }")).toBe("function f() {\n  return 1;\n}");
  });
  it("picks a fresh helper name when the file already uses `run`", () => {
    const out = transform("const run = 1; async function f() { await run; }", {}, { sourceType: "module" });
    expect(out).toMatch(/import \{ run as run2 \}/);
    expect(out).toContain("return run2(f$());");
  });
});

describe("the output keeps the function's shape", () => {
  it("keeps .name and .length of every form", () => {
    const realm = runInline(`
      async function decl(a, b = 1, ...c) {}
      var expr = async function (a, { b }) {};
      var named = async function inner(a) {};
      var arrow = async (a, b, c = 3) => a;
      var obj = { async method(x) {}, async ["comp" + "uted"](x, y) {} };
      class K { async m(a) {} static async s() {} async #p(a, b) {} static pLength() { return new K().#p.length; } }
      var shapes = [decl, expr, named, arrow, obj.method, obj.computed, K.prototype.m, K.s].map(f => f.name + "/" + f.length);
      shapes.push(K.pLength());
    `);
    expect(Array.from(realm.shapes)).toEqual(["decl/1", "expr/2", "inner/1", "arrow/2", "method/1", "computed/2", "m/1", "s/0", 2]);
  });

  it("keeps declarations hoisted", async () => {
    const realm = runInline("var out; early().then(v => { out = v; }); async function early() { return 'hoisted'; }");
    await new Promise((r) => setTimeout(r, 5));
    expect(realm.out).toBe("hoisted");
  });

  it("adds no 'use strict' to sloppy code and keeps a function's own directive", () => {
    const out = transform("async function s() { 'use strict'; return this; } async function l() { return this; }", {}, { sourceType: "script" });
    expect(out.startsWith('"use strict"')).toBe(false);
    expect(out.match(/"use strict"|'use strict'/g)).toHaveLength(2); // the wrapper's and the generator's
  });

  it("leaves getters, setters and sync methods of a class untouched", () => {
    const out = transform("class A { get x() { return 1; } set x(v) {} m() {} async n() {} }");
    expect(out).toContain("get x() {\n    return 1;\n  }");
    expect(out).toContain("set x(v) {}");
    expect(out).toContain("m() {}");
  });

  it("creates the generator once per function object, not per call", () => {
    const out = transform("async function f(a) { await a; } const g = async () => 1; class C { async m() {} }");
    // No generator function expression inside any wrapper body.
    expect(out).not.toMatch(/run\(function\*/);
  });

  it("passes this and arguments only when the body needs them", () => {
    const out = transform(`
      async function a() { await 1; } async function b() { return this; } async function c(x) { return arguments; }
      async function d(x, { y }) {} async function e(x = 1) {}`);
    expect(out).toContain("return run(b$, this);");
    expect(out).toContain("return run(c$, this, arguments);");
    // Parameters whose binding can throw bind inside run, so the error rejects the promise.
    expect(out).toContain("return run(d$, this, arguments);");
    expect(out).toContain("return run(e$, this, arguments);");
    const sloppy = transform("async function f(x, x) {}", {}, { sourceType: "script" });
    expect(sloppy).toContain("(f$, this, arguments);");
  });

  it("makes the generator in the wrapper when nothing can see how it is called", () => {
    const out = transform("async function a() { await 1; } async function g(x, y) { return x + y; } var h = async (p) => p;");
    expect(out).toContain("return run(a$());");
    expect(out).toContain("return run(g$(x, y));");
    expect(out).toMatch(/h = p => run\(h\$\(p\)\)/);
  });

  it("keeps TypeScript types and JSX untouched", () => {
    const out = transform("async function f<T>(x: T): Promise<T> { const el = <div/>; return await x; }", {}, {
      filename: "input.tsx",
      parserOpts: { plugins: ["typescript", "jsx"] },
    });
    expect(out).toContain("function f<T>(x: T): Promise<T>");
    expect(out).toContain("function* f$<T>(x: T)");
    expect(out).toContain("<div />");
  });
});

describe("a named async function expression's own name", () => {
  it("ignores assignment in sloppy code and throws TypeError in strict code, as natively", async () => {
    const realm = runInline(`
      var out = [];
      var sloppy = async function self() { self = 1; out.push(typeof self); };
      var strict = async function self() { "use strict"; self = 1; };
      sloppy().then(() => strict()).catch((e) => out.push(e.constructor.name));
    `);
    await new Promise((r) => setTimeout(r, 5));
    expect(Array.from(realm.out)).toEqual(["function", "TypeError"]);
  });
});

describe("a variable named yield in sloppy code", () => {
  it("keeps working inside and outside the lowered function", async () => {
    const realm = runInline(`
      var yield = 4, out = [];
      async function reads() { return yield; }
      async function writes() { [yield] = [5]; yield += 1; }
      async function local() { var yield = "own"; return yield; }
      reads().then((v) => out.push(v)).then(writes).then(() => out.push(yield)).then(local).then((v) => out.push(v, yield));
    `);
    await new Promise((r) => setTimeout(r, 10));
    expect(Array.from(realm.out)).toEqual([4, 6, "own", 6]);
  });
});
