import { describe, expect, it } from "vitest";
import { chunkCode } from "../src/chunks.js";

/** The source text of each chunk left out, in order. */
function leftOut(code: string, jsx = false): string[] {
  const chunked = chunkCode(code, jsx);
  return chunked ? [...chunked.chunks.values()].map((chunk) => code.slice(chunk.start, chunk.end)) : [];
}

describe("chunkCode", () => {
  it("leaves out the runs of statements with no async word, cut after a top-level `;`", () => {
    const code = "first();\nconst a = [1, 2];\nasync function f() { await a; }\nlet b = { c: 1 };\nb.c++;\n";
    expect(leftOut(code)).toEqual(["const a = [1, 2];", "let b = { c: 1 };", "b.c++;"]);
  });

  it("keeps every position: same length, same line breaks, a statement `NAME;` at each chunk's first token", () => {
    const code = "x();\n// lead\nconst a = 1,\n  b = 2;\r\nasync function f() {}\n";
    const chunked = chunkCode(code, false)!;
    expect(chunked.text.length).toBe(code.length);
    expect(chunked.text.replace(/[^\r\n]/g, "")).toBe(code.replace(/[^\r\n]/g, ""));
    const [chunk] = chunked.chunks.values();
    expect(code.slice(chunk.start, chunk.end)).toBe("const a = 1,\n  b = 2;");
    expect(chunked.text.slice(0, chunk.start)).toBe("x();\n// lead\n");
    expect(chunked.text.slice(chunk.start).startsWith(`${chunk.name};`)).toBe(true);
    expect(chunked.text.slice(chunk.start + chunk.name.length + 1, chunk.end).trim()).toBe("");
  });

  it("does not cut before an `else` or a `while` (which may be a `do`'s)", () => {
    const code = "go();\nif (a) b(); /* c */ else c();\ndo d(); while (e);\nwhile (f) g();\nasync function h() {}\n";
    expect(leftOut(code)).toEqual(["if (a) b(); /* c */ else c();", "do d(); while (e);\nwhile (f) g();"]);
  });

  it("cuts after a top-level `}` only where a word that cannot continue the statement follows", () => {
    const code = [
      "go();",
      "class Alpha {}",
      "function beta() {}",
      "const gamma = function () {}",
      "(gamma)();",
      "try { gamma(); } catch { gamma(); } finally {}",
      "const delta = {} instanceof Object;",
      'export { delta } from "./delta.js";',
      "async function h() {}",
    ].join("\n");
    expect(leftOut(code)).toEqual([
      "class Alpha {}",
      "function beta() {}",
      "const gamma = function () {}\n(gamma)();",
      "try { gamma(); } catch { gamma(); } finally {}",
      "const delta = {} instanceof Object;",
      'export { delta } from "./delta.js";',
    ]);
  });

  it("does not cut at a `;` inside a string, template, regex, comment or bracket", () => {
    const code = 'go();\nconst s = "a;b" + `x;${";"}y` + /;[;]/.source; // ;\nfor (let i = 0; i < 1; i++) {}\nstop();\nasync function h() {}\n';
    expect(leftOut(code)).toEqual(['const s = "a;b" + `x;${";"}y` + /;[;]/.source;', "for (let i = 0; i < 1; i++) {}", "stop();"]);
  });

  it("parses the first chunk, the leading imports and lets, the directives, and every chunk with an async word", () => {
    const code = '"use a";\n"use strict";\nimport x from "x";\nlet y = 1;\nzzzzz();\nconst w = "async";\nawait1();\n';
    // `"async"` in a string and `await1` are no async words.
    expect(leftOut(code)).toEqual(["zzzzz();", 'const w = "async";', "await1();"]);
    expect(leftOut("a();\nconst f = async () => 1;\nbbbbb();\n")).toEqual(["bbbbb();"]);
    // Too short for its placeholder: parsed.
    expect(leftOut("a();\nb();\nconst f = async () => 1;\n")).toEqual([]);
  });

  it("is null when the lexical pass is unsure or may misread, or nothing is left out", () => {
    expect(chunkCode("a();\nconst x = <div>;</div>;\nasync function f() {}\n", true)).toBeNull();
    expect(chunkCode('a();\nconst s = "unterminated;\nb();\n', false)).toBeNull();
    expect(chunkCode("async function f() {}\n", false)).toBeNull();
    // A script's HTML-like comment hides code the lexical pass would see: `b` is no statement here.
    expect(chunkCode("first();\n<!-- a; b\nasync function f() {}\n", false)).toBeNull();
    expect(chunkCode("first();\n  --> a; b\nasync function f() {}\n", false)).toBeNull();
    // Not such a comment: in a string, or `x-- > 0`.
    expect(leftOut('first();\nconst x = "<!-- -->"; x-->0;\nasync function f() {}\n')).toEqual(['const x = "<!-- -->";', "x-->0;"]);
  });

  it("names its placeholders with a prefix the code does not contain", () => {
    const code = "a();\nconst $u_0 = 1, $u__0 = 2;\nb();\n";
    const names = [...chunkCode(code, false)!.chunks.keys()];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(code.includes(name.replace(/\d+$/, ""))).toBe(false);
  });

  it("gives the words that may name variables, and none when an identifier is escaped", () => {
    const chunked = chunkCode('a();\nconst value = o.prop + "str";\nb();\n', false)!;
    expect(chunked.words).toContain("value");
    expect(chunked.words).not.toContain("prop");
    expect(chunked.words).not.toContain("str");
    expect(chunkCode("a();\nconst \\u0061b = 1;\nb();\n", false)!.words).toBeUndefined();
  });
});

describe("chunkCode for sourceType unambiguous", () => {
  it("parses the chunks that may hold an import or export, which make the file a module", () => {
    const code = "first();\nconst a = 1;\nexport { a };\nconst b = import.meta;\nasync function f() {}\n";
    expect(leftOut(code)).toEqual(["const a = 1;", "export { a };", "const b = import.meta;"]);
    const chunked = chunkCode(code, false, true)!;
    expect([...chunked.chunks.values()].map((chunk) => code.slice(chunk.start, chunk.end))).toEqual(["const a = 1;"]);
  });
});
