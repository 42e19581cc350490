// End-to-end: the built CLI (`node packages/cli/bin/unawait.js`) on temporary copies of
// packages/cli/test/fixtures, one row per command line. Needs `pnpm build` (the root `pnpm test` does it).
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, it, type ExpectStatic } from "vitest";
import { CLI_BIN, fixtureCopy, runCli } from "../packages/cli/test/helpers/run-cli.js";
import { findAsyncSyntax } from "./helpers/async-syntax.js";

type Text = string | RegExp;

interface Case {
  name: string;
  fixture: "project" | "broken" | "order" | "generators";
  args: string[];
  exit: 0 | 1 | 2;
  /** Each string must occur, each RegExp must match; "" means nothing at all was printed. */
  stdout?: Text[] | "";
  stderr?: Text[] | "";
  /** Every file under `out/`, sorted, when the case writes one. */
  outTree?: string[];
  /** Files (relative to the fixture copy) and what they must contain. */
  files?: Record<string, Text[]>;
}

const IMPORTS_RUNTIME = 'import { run } from "@unawait/runtime";';
const REQUIRES_RUNTIME = /const \{\s*run\s*\} = require\("@unawait\/runtime"\);/;
const USAGE_HINT = "(run unawait --help for usage)";
const SUMMARY = (text: string) => new RegExp(`^unawait: ${text} → out \\(\\d+\\.\\d\\ds\\)$`, "m");

const SOURCES_OUT = [
  "app.jsx", "bin/tool.js", "cjs-pkg/b.js", "cjs.cjs", "common.cts", "esm-pkg/a.js", "esm.mjs",
  "greet.js", "lib/deep/util.js", "mod.mts", "typed.ts", "view.tsx",
];

const cases: Case[] = [
  // One file to stdout, in its own language, with the runtime delivered per its module kind.
  { name: ".js, no package type, no import: a script that requires the runtime", fixture: "project", args: ["src/greet.js"], exit: 0,
    stdout: [REQUIRES_RUNTIME, "function* greet$(name)", "yield Promise.resolve(name)", "// A .js file with no package"], stderr: "" },
  { name: ".jsx keeps JSX and imports the runtime (it has imports)", fixture: "project", args: ["src/app.jsx"], exit: 0,
    stdout: [IMPORTS_RUNTIME, '<p className="greeting">{text}</p>', "yield greet(name)"], stderr: "" },
  { name: ".mjs imports the runtime", fixture: "project", args: ["src/esm.mjs"], exit: 0, stdout: [IMPORTS_RUNTIME], stderr: "" },
  { name: ".cjs requires the runtime", fixture: "project", args: ["src/cjs.cjs"], exit: 0, stdout: [REQUIRES_RUNTIME], stderr: "" },
  { name: ".ts keeps its types", fixture: "project", args: ["src/typed.ts"], exit: 0,
    stdout: [IMPORTS_RUNTIME, "function twice(n: number): Promise<number>", "function* twice$(n: number)"], stderr: "" },
  { name: ".tsx keeps types and JSX", fixture: "project", args: ["src/view.tsx"], exit: 0,
    stdout: [IMPORTS_RUNTIME, "props: {", "<p>{yield props.name}</p>"], stderr: "" },
  { name: ".mts is a module", fixture: "project", args: ["src/mod.mts"], exit: 0, stdout: [IMPORTS_RUNTIME, "later<T>(value: T)", "as T"], stderr: "" },
  { name: ".cts without imports requires the runtime", fixture: "project", args: ["src/common.cts"], exit: 0, stdout: [REQUIRES_RUNTIME, "value: T"], stderr: "" },
  { name: '.js under "type": "module" imports the runtime', fixture: "project", args: ["src/esm-pkg/a.js"], exit: 0, stdout: [IMPORTS_RUNTIME], stderr: "" },
  { name: '.js under "type": "commonjs" requires the runtime', fixture: "project", args: ["src/cjs-pkg/b.js"], exit: 0, stdout: [REQUIRES_RUNTIME], stderr: "" },
  { name: "a file in a nested folder", fixture: "project", args: ["./src/lib/deep/util.js"], exit: 0, stdout: [IMPORTS_RUNTIME, "yield value"], stderr: "" },
  { name: "an async generator", fixture: "generators", args: ["count.mjs"], exit: 0,
    stdout: [/^import \{ [\w, ]*asyncGen[\w, ]* \} from "@unawait\/runtime";/, "function* countTo$(n)"], stderr: "" },
  { name: "a shebang stays first", fixture: "project", args: ["src/bin/tool.js"], exit: 0, stdout: [/^#!\/usr\/bin\/env node\n/], stderr: "" },

  // Flags that reach the plugin.
  { name: "--runtime import overrides a .cjs", fixture: "project", args: ["src/cjs.cjs", "--runtime", "import"], exit: 0, stdout: [IMPORTS_RUNTIME] },
  { name: "--runtime require overrides a .mjs", fixture: "project", args: ["src/esm.mjs", "--runtime", "require"], exit: 0, stdout: [REQUIRES_RUNTIME] },
  { name: "--runtime inline copies the runtime in", fixture: "project", args: ["src/esm.mjs", "--runtime", "inline"], exit: 0,
    stdout: [/function run\(genFn, thisArg, args\)/, /^(?![\s\S]*@unawait\/runtime)/] },
  { name: "--runtime-module names the module", fixture: "project", args: ["src/greet.js", "--runtime-module", "my-runtime"], exit: 0,
    stdout: [/require\("my-runtime"\)/] },
  { name: "--runtime auto is the default", fixture: "project", args: ["src/cjs.cjs", "--runtime", "auto"], exit: 0, stdout: [REQUIRES_RUNTIME] },
  { name: "--no-color is accepted", fixture: "project", args: ["src/cjs.cjs", "--no-color"], exit: 0, stdout: [REQUIRES_RUNTIME], stderr: "" },
  { name: "--top-level-await error (default) points at the await", fixture: "order", args: ["wrapped.cjs", "--top-level-await", "error"], exit: 1,
    stdout: "", stderr: ["wrapped.cjs:2:15: error: [unawait] top-level await", "> 2 | const value = await Promise.resolve(41);"] },
  { name: "--top-level-await wrap wraps a script", fixture: "order", args: ["wrapped.cjs", "--top-level-await", "wrap"], exit: 0,
    stdout: [REQUIRES_RUNTIME, "yield Promise.resolve(41)"], stderr: "" },

  // Folders into --out-dir.
  { name: "a folder is mirrored, sources only", fixture: "project", args: ["src", "--out-dir", "out"], exit: 0,
    stdout: "", stderr: [SUMMARY("12 files transformed")], outTree: SOURCES_OUT,
    files: { "out/typed.ts": [IMPORTS_RUNTIME, "n: number"], "out/cjs-pkg/b.js": [REQUIRES_RUNTIME] } },
  { name: "--copy-files copies the rest, never node_modules or dot folders", fixture: "project", args: ["src", "-d", "out", "--copy-files"], exit: 0,
    stderr: [SUMMARY("12 files transformed, 5 copied")],
    outTree: [...SOURCES_OUT, "assets/data.json", "assets/notes.txt", "cjs-pkg/package.json", "esm-pkg/package.json", "types.d.ts"],
    files: { "out/types.d.ts": ["export declare function twice(n: number): Promise<number>;"], "out/assets/notes.txt": ["plain text"] } },
  { name: "named files keep their base names", fixture: "project", args: ["src/esm.mjs", "src/lib/deep/util.js", "-d", "out"], exit: 0,
    outTree: ["esm.mjs", "util.js"], stderr: [SUMMARY("2 files transformed")] },
  { name: "--quiet drops the summary", fixture: "project", args: ["src", "-d", "out", "--quiet"], exit: 0, stdout: "", stderr: "", outTree: SOURCES_OUT },
  { name: "a named non-source file is copied with --copy-files", fixture: "project", args: ["src/assets/notes.txt", "-d", "out", "--copy-files"], exit: 0,
    outTree: ["notes.txt"], stderr: [SUMMARY("0 files transformed, 1 copied")] },

  // Failures: reported with place and frame, the other files still written, exit 1.
  { name: "errors in some files, the rest written", fixture: "broken", args: ["src", "-d", "out"], exit: 1,
    outTree: ["a-ok.js", "d-ok.ts"],
    stderr: [
      'src/b-syntax.js:2:18: error: Unexpected token, expected ","\n\n  1 | export async function f() {\n> 2 |   return (await 1;\n    |                  ^\n',
      "src/c-tla.mjs:1:15: error: [unawait] top-level await cannot be lowered in an ES module",
      SUMMARY("2 files transformed, 2 failed"),
    ] },
  { name: "a syntax error on the way to stdout", fixture: "broken", args: ["src/b-syntax.js"], exit: 1, stdout: "",
    stderr: [/^src\/b-syntax\.js:2:18: error: Unexpected token, expected ","\n\n/] },

  // explain: two columns, 160 wide when not a terminal, no colours.
  { name: "explain prints the original beside the output", fixture: "project", args: ["explain", "src/esm.mjs"], exit: 0, stderr: "",
    stdout: [/^src\/esm\.mjs {67} \| unawait output\n-{78} \| -{78}\n/, /^1 export async function load\(value\) { +\| 1 import \{ run \} from "@unawait\/runtime";$/m,
      /^ {79}\| 5 function\* load\$\(value\) \{$/m, /^(?![\s\S]*\u001b\[)/] },
  { name: "explain takes the transform flags", fixture: "project", args: ["explain", "src/esm.mjs", "--runtime", "inline"], exit: 0,
    stdout: [/\| +\d+ +function run\(genFn, thisArg, args\) \{/] },
  { name: "explain reports a file that does not parse", fixture: "broken", args: ["explain", "src/b-syntax.js"], exit: 1, stdout: "",
    stderr: ["src/b-syntax.js:2:18: error: Unexpected token"] },

  // Usage errors: exit 2, nothing on stdout, a hint on stderr.
  { name: "no input", fixture: "project", args: [], exit: 2, stderr: ["error: missing required argument 'inputs'"] },
  { name: "a folder without --out-dir", fixture: "project", args: ["src"], exit: 2, stderr: ["error: a directory or several files need --out-dir <dir>"] },
  { name: "two files without --out-dir", fixture: "project", args: ["src/esm.mjs", "src/cjs.cjs"], exit: 2, stderr: ["need --out-dir"] },
  { name: "--copy-files without --out-dir", fixture: "project", args: ["src/esm.mjs", "--copy-files"], exit: 2, stderr: ["error: --copy-files needs --out-dir <dir>"] },
  { name: "a missing input", fixture: "project", args: ["src/nope.js", "-d", "out"], exit: 2, stderr: ["error: input not found: src/nope.js"] },
  { name: "--out-dir inside an input", fixture: "project", args: ["src", "-d", "src/dist"], exit: 2, stderr: ["error: --out-dir src/dist is inside the input src"] },
  { name: "--out-dir inside the current folder given as input", fixture: "project", args: [".", "-d", "dist"], exit: 2, stderr: ["is inside the input ."] },
  { name: "an input inside --out-dir", fixture: "project", args: ["src/esm.mjs", "-d", "src"], exit: 2, stderr: ["error: the input src/esm.mjs is inside --out-dir src"] },
  { name: "a non-source file alone", fixture: "project", args: ["src/assets/notes.txt"], exit: 2, stderr: ["src/assets/notes.txt is not a JavaScript or TypeScript source file"] },
  { name: "a declaration file alone", fixture: "project", args: ["src/types.d.ts"], exit: 2, stderr: ["declaration files are not transformed"] },
  { name: "a named non-source file without --copy-files", fixture: "project", args: ["src/assets/notes.txt", "-d", "out"], exit: 2, stderr: ["--copy-files copies it"] },
  { name: "an unknown option", fixture: "project", args: ["src/esm.mjs", "--watch"], exit: 2, stderr: ["error: unknown option '--watch'"] },
  { name: "a bad --runtime", fixture: "project", args: ["src/esm.mjs", "--runtime", "bundle"], exit: 2, stderr: ["Allowed choices are auto, import, require, inline."] },
  { name: "a bad --top-level-await", fixture: "project", args: ["src/esm.mjs", "--top-level-await", "skip"], exit: 2, stderr: ["Allowed choices are error, wrap."] },
  { name: "an empty --runtime-module", fixture: "project", args: ["src/esm.mjs", "--runtime-module", ""], exit: 2, stderr: ["expected a module name."] },
  { name: "--out-dir without a value", fixture: "project", args: ["src", "--out-dir"], exit: 2, stderr: ["error: option '-d, --out-dir <dir>' argument missing"] },
  { name: "explain on a folder", fixture: "project", args: ["explain", "src"], exit: 2, stderr: ["error: explain takes one file, and src is a directory"] },
  { name: "explain on a non-source file", fixture: "project", args: ["explain", "src/assets/data.json"], exit: 2, stderr: ["is not a JavaScript or TypeScript source file"] },
  { name: "explain without a file", fixture: "project", args: ["explain"], exit: 2, stderr: ["error: missing required argument 'file'"] },

  // Help and version.
  { name: "--help lists every flag, the command and examples", fixture: "project", args: ["--help"], exit: 0, stderr: "",
    stdout: ["Usage: unawait [options] [command] <inputs...>", "--out-dir <dir>", "--copy-files", "--quiet", "--runtime <mode>",
      "--runtime-module <name>", "--top-level-await <mode>", "--no-color", "explain [options] <file>", "Examples:\n  $ unawait src/app.js",
      "Exit status: 0 all files done, 1 some files failed, 2 usage error."] },
  { name: "explain --help", fixture: "project", args: ["explain", "--help"], exit: 0, stdout: ["Usage: unawait explain [options] <file>", "--runtime <mode>"] },
];

beforeAll(() => {
  if (!existsSync(CLI_BIN.replace(/bin\/unawait\.js$/, "dist/esm/bin.js"))) {
    throw new Error("packages/cli is not built: run `pnpm build` (or `pnpm -C packages/cli build`) first");
  }
});

// Each row runs in its own temporary folder, so rows run concurrently (hence the local `expect`).
describe.concurrent("unawait CLI, end to end", () => {
  it.for(cases)("$name", async (c, { expect }) => {
    const root = await fixtureCopy(c.fixture);
    const result = await runCli(c.args, root);
    expect({ exit: result.code, stderr: result.stderr }).toMatchObject({ exit: c.exit });
    expectText(expect, result.stdout, c.stdout, "stdout");
    expectText(expect, result.stderr, c.stderr, "stderr");
    if (c.exit === 2) {
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(USAGE_HINT);
      expect(existsSync(join(root, "out"))).toBe(false);
    }
    if (c.outTree) expect(await filesUnder(join(root, "out"))).toEqual([...c.outTree].sort());
    for (const [path, texts] of Object.entries(c.files ?? {})) expectText(expect, await readFile(join(root, path), "utf8"), texts, path);
    await expectNoAsyncSyntaxNorTempFiles(expect, root);
  });

  it("--version prints the package's version", async ({ expect }) => {
    const pkg = JSON.parse(await readFile(new URL("../packages/cli/package.json", import.meta.url), "utf8"));
    expect(await runCli(["--version"], await fixtureCopy("order"))).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});

function expectText(expect: ExpectStatic, actual: string, expected: Text[] | "" | undefined, label: string): void {
  if (expected === undefined) return;
  if (expected === "") return void expect(actual, label).toBe("");
  for (const text of expected) {
    if (typeof text === "string") expect(actual, label).toContain(text);
    else expect(actual, label).toMatch(text);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Whatever a case wrote: no async syntax left in code, no temporary file left behind. */
async function expectNoAsyncSyntaxNorTempFiles(expect: ExpectStatic, root: string): Promise<void> {
  const out = join(root, "out");
  if (!existsSync(out)) return;
  for (const file of await filesUnder(out)) {
    expect(file, "temporary file left behind").not.toMatch(/\.tmp$/);
    if (/\.[cm]?[jt]sx?$/.test(file) && !file.endsWith(".d.ts")) {
      expect(findAsyncSyntax(await readFile(join(out, file), "utf8")), `out/${file}`).toEqual([]);
    }
  }
}
