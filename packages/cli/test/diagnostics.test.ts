import { parseAsync, transformAsync } from "@babel/core";
import { describe, expect, it } from "vitest";
import { colors } from "../src/colors.js";
import { formatDiagnostic, toDiagnostic } from "../src/diagnostics.js";
import { fakePlugin } from "./helpers/fake-plugin.js";

const file = "/project/src/bad.js";
const plain = colors(false);

async function babelError(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected Babel to throw");
}

describe("toDiagnostic", () => {
  it("reads a parser error's loc (0-based column) and drops Babel's prefix, position and frame", async () => {
    const source = "function f() {\n  return (1;\n}\n";
    const error = await babelError(() => parseAsync(source, { filename: file, configFile: false, highlightCode: false }));
    expect(toDiagnostic(error, file, source)).toEqual({
      file,
      source,
      line: 2,
      column: 12,
      message: 'Unexpected token, expected ","',
      code: "BABEL_PARSE_ERROR",
    });
  });

  it("reads the place of a plugin's buildCodeFrameError from the frame in its message", async () => {
    const source = "const a = 1;\nconst b = __explode__ + a;\n";
    const error = await babelError(() =>
      transformAsync(source, { filename: file, configFile: false, highlightCode: false, plugins: [fakePlugin] }),
    );
    expect(toDiagnostic(error, file, source)).toEqual({
      file,
      source,
      line: 2,
      column: 11,
      endColumn: 22,
      message: "[unawait] fake failure here",
      code: "BABEL_TRANSFORM_ERROR",
    });
  });

  it("replaces Babel's config-file advice for `import` in a script with advice for the CLI", async () => {
    const source = "import x from 'y';\n";
    const error = await babelError(() =>
      parseAsync(source, { filename: file, configFile: false, highlightCode: false, sourceType: "script" }),
    );
    const diagnostic = toDiagnostic(error, file, source);
    expect(diagnostic.message).toBe(
      `'import' and 'export' may appear only with 'sourceType: "module"'\n` +
        'Consider renaming the file to .mjs (or .mts), or setting "type": "module" in the nearest package.json.',
    );
    expect(diagnostic).toMatchObject({ line: 1, column: 1 });
  });

  it("gives an I/O error no place and no stack", () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: "EACCES", syscall: "open" });
    expect(toDiagnostic(error, file)).toEqual({ file, message: "EACCES: permission denied, open '/x'", code: "EACCES" });
  });

  it("keeps the stack frames of an error that looks like a bug", () => {
    const diagnostic = toDiagnostic(new TypeError("x is not a function"), file);
    expect(diagnostic.message).toBe("x is not a function");
    expect(diagnostic.stack).toMatch(/^\s+at /);
  });
});

describe("formatDiagnostic", () => {
  it("prints path:line:col relative to cwd, the message and a frame with the marked range", () => {
    const text = formatDiagnostic(
      { file, source: "let a = 1;\nlet b = oops;\n", line: 2, column: 9, endColumn: 13, message: "no oops" },
      "/project",
      plain,
    );
    expect(text).toBe(
      "src/bad.js:2:9: error: no oops\n\n" +
        "  1 | let a = 1;\n" +
        "> 2 | let b = oops;\n" +
        "    |         ^^^^\n" +
        "  3 |\n",
    );
  });

  it("prints a place-less error on one line", () => {
    expect(formatDiagnostic({ file, message: "EISDIR" }, "/project", plain)).toBe("src/bad.js: error: EISDIR\n");
  });

  it("colours only when asked", () => {
    const diagnostic = { file, source: "x;\n", line: 1, column: 1, message: "m" };
    expect(formatDiagnostic(diagnostic, "/project", plain)).not.toContain("\u001b[");
    expect(formatDiagnostic(diagnostic, "/project", colors(true))).toContain("\u001b[31m");
  });
});
