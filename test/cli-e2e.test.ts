// End-to-end: the built CLI (`node packages/cli/bin/unawait.js`) on temporary copies of
// packages/cli/test/fixtures, one row per command line. Needs `pnpm build` (the root `pnpm test` does it).
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { lstat, mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { beforeAll, describe, it, type ExpectStatic } from "vitest";
import { CLI_BIN, fixtureCopy, runCli } from "../packages/cli/test/helpers/run-cli.js";
import { findAsyncSyntax } from "./helpers/async-syntax.mjs";

type Text = string | RegExp;

interface Case {
  name: string;
  fixture: "project" | "broken" | "order" | "generators" | "compare" | "maps" | "gotchas";
  args: string[];
  exit: 0 | 1 | 2;
  /** Fed to the CLI's stdin (as Latin-1 bytes with `stdinLatin1`). */
  stdin?: string;
  stdinLatin1?: boolean;
  /** Prepares the fixture copy before the run (config files, stale outputs). */
  setup?: (root: string) => Promise<void>;
  /** Paths (relative to the fixture copy) that must not exist afterwards. */
  absent?: string[];
  /** Code files are copied untransformed (--extensions), so out/ may hold async syntax. */
  copiesCode?: boolean;
  /** More checks on the fixture copy afterwards. */
  after?: (root: string, expect: ExpectStatic) => Promise<void>;
  /** Paths (relative to the fixture copy) that must exist afterwards. */
  present?: string[];
  /** [a, b]: two files (relative to the fixture copy) with the same bytes afterwards. */
  same?: [string, string][];
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
/** The summary line: transformed[, copied, unchanged, failed] → where. */
const SUMMARY = (transformed: number | string, copied = 0, unchanged = 0, failed = 0, where = "out") =>
  new RegExp(`^unawait: ${transformed} transformed, ${copied} copied, ${unchanged} unchanged, ${failed} failed → ${where} \\(\\d+\\.\\d\\ds\\)$`, "m");

const SOURCES_OUT = [
  "app.jsx", "bin/tool.js", "cjs-pkg/b.js", "cjs.cjs", "common.cts", "esm-pkg/a.js", "esm.mjs",
  "greet.js", "lib/deep/util.js", "lib/no-async.js", "mod.mts", "typed.ts", "view.tsx",
];
const write = (path: string, text: string) => async (root: string) => {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
};

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
  { name: "--runtime import in a .cjs (a script) is refused by the plugin", fixture: "project", args: ["src/cjs.cjs", "--runtime", "import"], exit: 1, stdout: "",
    stderr: ['src/cjs.cjs:1:1: error: [unawait] option runtime: "import" needs an ES module'] },
  { name: "--runtime import for a .js script that imports", fixture: "project", args: ["src/app.jsx", "--runtime", "import"], exit: 0, stdout: [IMPORTS_RUNTIME] },
  { name: "--runtime require overrides a .mjs", fixture: "project", args: ["src/esm.mjs", "--runtime", "require"], exit: 0, stdout: [REQUIRES_RUNTIME] },
  { name: "--runtime inline copies the runtime in", fixture: "project", args: ["src/esm.mjs", "--runtime", "inline"], exit: 0,
    stdout: [/function run\(genFn, thisArg, args\)/, /^(?![\s\S]*@unawait\/runtime)/] },
  { name: "--runtime-module names the module", fixture: "project", args: ["src/greet.js", "--runtime-module", "my-runtime"], exit: 0,
    stdout: [/require\("my-runtime"\)/] },
  { name: "--runtime auto is the default", fixture: "project", args: ["src/cjs.cjs", "--runtime", "auto"], exit: 0, stdout: [REQUIRES_RUNTIME] },
  { name: "--no-color is accepted", fixture: "project", args: ["src/cjs.cjs", "--no-color"], exit: 0, stdout: [REQUIRES_RUNTIME], stderr: "" },
  { name: "--top-level-await error (default) points at the await", fixture: "order", args: ["wrapped.cjs", "--top-level-await", "error"], exit: 1,
    stdout: "", stderr: ["wrapped.cjs:2:15: error: [unawait] top-level await", "> 2 | const value = await Promise.resolve(41);"] },
  { name: "--top-level-await wrap wraps a script, with the plugin's warning", fixture: "order", args: ["wrapped.cjs", "--top-level-await", "wrap"], exit: 0,
    stdout: [REQUIRES_RUNTIME, "yield Promise.resolve(41)"],
    stderr: [/^wrapped\.cjs:2:15: warning: top-level await was wrapped in run\(\).* \[TOP_LEVEL_AWAIT_WRAPPED\]\n$/] },

  // Folders into --out-dir.
  { name: "a folder is mirrored, sources only", fixture: "project", args: ["src", "--out-dir", "out"], exit: 0,
    stdout: "", stderr: [SUMMARY(12, 1)], outTree: SOURCES_OUT, same: [["out/lib/no-async.js", "src/lib/no-async.js"]],
    files: { "out/typed.ts": [IMPORTS_RUNTIME, "n: number"], "out/cjs-pkg/b.js": [REQUIRES_RUNTIME] } },
  { name: "--copy-files copies the rest, never node_modules or dot folders", fixture: "project", args: ["src", "-d", "out", "--copy-files"], exit: 0,
    stderr: [SUMMARY(12, 6)],
    outTree: [...SOURCES_OUT, "assets/data.json", "assets/notes.txt", "cjs-pkg/package.json", "esm-pkg/package.json", "types.d.ts"],
    files: { "out/types.d.ts": ["export declare function twice(n: number): Promise<number>;"], "out/assets/notes.txt": ["plain text"] } },
  { name: "named files keep their base names", fixture: "project", args: ["src/esm.mjs", "src/lib/deep/util.js", "-d", "out"], exit: 0,
    outTree: ["esm.mjs", "util.js"], stderr: [SUMMARY(2)] },
  { name: "--quiet drops the summary", fixture: "project", args: ["src", "-d", "out", "--quiet"], exit: 0, stdout: "", stderr: "", outTree: SOURCES_OUT },
  { name: "a named non-source file is copied with --copy-files", fixture: "project", args: ["src/assets/notes.txt", "-d", "out", "--copy-files"], exit: 0,
    outTree: ["notes.txt"], stderr: [SUMMARY(0, 1)] },

  // Failures: reported with place and frame, the other files still written, exit 1.
  { name: "errors in some files (syntax, plugin, not UTF-8, symlink loops, a broken link), the rest written", fixture: "broken", args: ["src", "-d", "out"], exit: 1,
    outTree: ["a-ok.js", "d-ok.ts"],
    stderr: [
      'src/b-syntax.js:2:18: error: Unexpected token, expected ","\n\n  1 | export async function f() {\n> 2 |   return (await 1;\n    |                  ^\n',
      "src/c-tla.mjs:1:15: error: [unawait] top-level await cannot be lowered in an ES module",
      "src/e-latin1.js:1:7: error: not UTF-8 text: byte 0xe9 cannot start or continue a character\n\n> 1 | // caf\ufffd au lait\n",
      "src/f-loop.js: error: cannot read the file: it is a symbolic link loop\n",
      "src/g-broken.js: error: cannot read the file: it does not exist (a broken symbolic link?)\n",
      "src/h-dir/up: error: cannot read the file: it is a symbolic link loop\n",
      SUMMARY(2, 0, 0, 6),
    ] },
  { name: "a syntax error on the way to stdout", fixture: "broken", args: ["src/b-syntax.js"], exit: 1, stdout: "",
    stderr: [/^src\/b-syntax\.js:2:18: error: Unexpected token, expected ","\n\n/] },

  // explain: two columns, 160 wide when not a terminal, no colours.
  { name: "explain prints the original beside the output", fixture: "project", args: ["explain", "src/esm.mjs"], exit: 0, stderr: "",
    stdout: [/^src\/esm\.mjs {67} \| unawait output\n-{78} \| -{78}\n/, /^ {79}\| 1 import \{ run \} from "@unawait\/runtime";$/m,
      // Lines aligned by the source map: the body beside its generator.
      /^1 export async function load\(value\) \{ +\| 2 export function load\(value\) \{$/m,
      /^ {79}\| 5 function\* load\$\(value\) \{$/m, /^2 {3}return await value; +\| 6 {3}return yield value;$/m, /^(?![\s\S]*\u001b\[)/] },
  { name: "explain takes the transform flags", fixture: "project", args: ["explain", "src/esm.mjs", "--runtime", "inline"], exit: 0,
    stdout: [/\| +\d+ +function run\(genFn, thisArg, args\) \{/] },
  { name: "explain reports a file that does not parse", fixture: "broken", args: ["explain", "src/b-syntax.js"], exit: 1, stdout: "",
    stderr: ["src/b-syntax.js:2:18: error: Unexpected token"] },

  // Usage errors: exit 2, nothing on stdout, a hint on stderr.
  { name: "no input", fixture: "project", args: [], exit: 2, stderr: ["error: missing input: name files or directories, or - for stdin"] },
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
  { name: "an unknown option", fixture: "project", args: ["src/esm.mjs", "--bogus"], exit: 2, stderr: ["error: unknown option '--bogus'"] },
  { name: "a bad --runtime", fixture: "project", args: ["src/esm.mjs", "--runtime", "bundle"], exit: 2, stderr: ["Allowed choices are auto, import, require, inline."] },
  { name: "a bad --top-level-await", fixture: "project", args: ["src/esm.mjs", "--top-level-await", "skip"], exit: 2, stderr: ["Allowed choices are error, wrap."] },
  { name: "an empty --runtime-module", fixture: "project", args: ["src/esm.mjs", "--runtime-module", ""], exit: 2, stderr: ["expected a module name."] },
  { name: "--out-dir without a value", fixture: "project", args: ["src", "--out-dir"], exit: 2, stderr: ["error: option '-d, --out-dir <dir>' argument missing"] },
  { name: "explain on a folder", fixture: "project", args: ["explain", "src"], exit: 2, stderr: ["error: explain takes one file, and src is a directory"] },
  { name: "explain on a non-source file", fixture: "project", args: ["explain", "src/assets/data.json"], exit: 2, stderr: ["is not a JavaScript or TypeScript source file"] },
  { name: "explain without a file", fixture: "project", args: ["explain"], exit: 2, stderr: ["error: missing required argument 'file'"] },

  // One output file, stdin.
  { name: "--out-file writes one file", fixture: "project", args: ["src/esm.mjs", "--out-file", "out/esm.out.mjs"], exit: 0,
    stdout: "", stderr: [SUMMARY(1, 0, 0, 0, "out/esm.out.mjs")], outTree: ["esm.out.mjs"], files: { "out/esm.out.mjs": [IMPORTS_RUNTIME] } },
  { name: "--out-file with a folder", fixture: "project", args: ["src", "-o", "out/x.js"], exit: 2, stderr: ["error: --out-file takes one input file"] },
  { name: "--out-file with two files", fixture: "project", args: ["src/esm.mjs", "src/cjs.cjs", "-o", "out/x.js"], exit: 2, stderr: ["error: --out-file takes one input file"] },
  { name: "--out-file and --out-dir", fixture: "project", args: ["src/esm.mjs", "-o", "x.js", "-d", "out"], exit: 2, stderr: ["error: --out-dir and --out-file cannot be used together"] },
  { name: "stdin to stdout, named by --filename", fixture: "project", args: ["-", "--filename", "piped.mjs"], exit: 0, stdin: "export const f = async () => await 1;\n",
    stdout: [IMPORTS_RUNTIME, "function* "], stderr: "" },
  { name: "stdin without --filename is stdin.js here (a script: require)", fixture: "order", args: ["-"], exit: 0, stdin: "async function f() {}\n",
    stdout: [REQUIRES_RUNTIME], stderr: "" },
  { name: "stdin without async syntax comes back byte for byte", fixture: "order", args: ["-"], exit: 0, stdin: "const s  =  'async';\n",
    stdout: [/^const s {2}= {2}'async';\n$/], stderr: "" },
  { name: "stdin to --out-file", fixture: "order", args: ["-", "-o", "out/piped.cjs"], exit: 0, stdin: "exports.f = async () => 1;\n",
    outTree: ["piped.cjs"], files: { "out/piped.cjs": [REQUIRES_RUNTIME] }, stderr: [SUMMARY(1, 0, 0, 0, "out/piped.cjs")] },
  { name: "stdin with a syntax error", fixture: "order", args: ["-", "--filename", "x.mjs"], exit: 1, stdin: "await (1;\n", stdout: "",
    stderr: ["x.mjs:1:9: error: Unexpected token"] },
  { name: "stdin that is not UTF-8", fixture: "order", args: ["-", "--filename", "x.js"], exit: 1, stdin: "// caf\u00e9\n", stdout: "",
    stdinLatin1: true, stderr: ["x.js:1:7: error: not UTF-8 text: byte 0xe9"] },
  { name: "- with another input", fixture: "project", args: ["-", "src/esm.mjs", "-d", "out"], exit: 2, stderr: ["error: - (stdin) must be the only input"] },
  { name: "--filename without -", fixture: "project", args: ["src/esm.mjs", "--filename", "x.js"], exit: 2, stderr: ["error: --filename needs - (stdin) as the input"] },
  { name: "- with --out-dir", fixture: "project", args: ["-", "-d", "out"], exit: 2, stderr: ["error: - (stdin) and --out-dir cannot be used together"] },

  // Choosing files.
  { name: "--extensions picks which files are code", fixture: "project", args: ["src", "-d", "out", "--extensions", ".mjs,mts"], exit: 0,
    outTree: ["esm.mjs", "mod.mts"], stderr: [SUMMARY(2)] },
  { name: "--extensions with --copy-files copies the rest", fixture: "project", args: ["src", "-d", "out", "--extensions", ".mjs", "--copy-files"], exit: 0,
    stderr: [SUMMARY(1, 17)], files: { "out/typed.ts": ["export async function twice"] }, copiesCode: true },
  { name: "an unknown extension is read as .js", fixture: "project", args: ["src", "-d", "out", "--extensions", ".es6"], exit: 0,
    setup: write("src/old.es6", "exports.f = async () => await 1;\n"), outTree: ["old.es6"], files: { "out/old.es6": [REQUIRES_RUNTIME] } },
  { name: "--extensions with nothing in it", fixture: "project", args: ["src", "-d", "out", "--extensions", ","], exit: 2, stderr: ["expected extensions such as .js,.ts."] },
  { name: "--ignore skips files by glob, repeatable", fixture: "project", args: ["src", "-d", "out", "--ignore", "src/lib/**", "--ignore", "**/*.ts"], exit: 0,
    outTree: SOURCES_OUT.filter((f) => !f.startsWith("lib/") && !f.endsWith(".ts")) },
  { name: "--only keeps files by glob", fixture: "project", args: ["src", "-d", "out", "--only", "**/*.{ts,mts}", "--copy-files"], exit: 0,
    outTree: ["mod.mts", "typed.ts", "types.d.ts"] },
  { name: "--delete-dir-on-start removes what was there", fixture: "project", args: ["src/esm.mjs", "-d", "out", "--delete-dir-on-start"], exit: 0,
    setup: write("out/stale.js", "old"), outTree: ["esm.mjs"] },
  { name: "without --delete-dir-on-start, old files stay", fixture: "project", args: ["src/esm.mjs", "-d", "out"], exit: 0,
    setup: write("out/stale.js", "old"), outTree: ["esm.mjs", "stale.js"] },
  { name: "--delete-dir-on-start without --out-dir", fixture: "project", args: ["src/esm.mjs", "--delete-dir-on-start"], exit: 2, stderr: ["error: --delete-dir-on-start needs --out-dir <dir>"] },
  { name: "--delete-dir-on-start on a folder holding the current one", fixture: "project", args: ["src/esm.mjs", "-d", "..", "--delete-dir-on-start"], exit: 2,
    stderr: ["error: --delete-dir-on-start would delete .., which holds the current folder"] },

  // In place.
  { name: "--in-place replaces the files, and leaves files without async syntax alone", fixture: "project", args: ["src/lib", "src/esm.mjs", "--in-place"], exit: 0,
    stderr: [SUMMARY(2, 0, 1, 0, "in place")], files: { "src/esm.mjs": [IMPORTS_RUNTIME, "function* load$"], "src/lib/deep/util.js": ["function* settle$"] },
    absent: ["out"] },
  { name: "--in-place writes through a symbolic link", fixture: "project", args: ["src/lib", "--in-place", "-q"], exit: 0,
    setup: async (root) => symlink("../esm.mjs", join(root, "src/lib/link.mjs")), files: { "src/esm.mjs": ["function* load$"] },
    after: async (root, expect) => expect((await lstat(join(root, "src/lib/link.mjs"))).isSymbolicLink()).toBe(true) },
  { name: "--in-place with --out-dir", fixture: "project", args: ["src", "--in-place", "-d", "out"], exit: 2, stderr: ["error: --in-place and --out-dir cannot be used together"] },
  { name: "--in-place with --source-maps", fixture: "project", args: ["src", "--in-place", "--source-maps"], exit: 2, stderr: ["error: --in-place and --source-maps cannot be used together"] },
  { name: "--in-place with --watch", fixture: "project", args: ["src", "--in-place", "--watch"], exit: 2, stderr: ["error: --in-place and --watch cannot be used together"] },
  { name: "--in-place on stdin", fixture: "project", args: ["-", "--in-place"], exit: 2, stderr: ["error: --in-place and - (stdin) cannot be used together"] },

  // Talk.
  { name: "--verbose: one line per file", fixture: "project", args: ["src/esm.mjs", "src/lib", "-d", "out", "--verbose"], exit: 0,
    stderr: ["src/esm.mjs → out/esm.mjs (transformed)\n", "src/lib/deep/util.js → out/deep/util.js (transformed)\n", "src/lib/no-async.js → out/no-async.js (copied)\n", SUMMARY(2, 1)] },
  { name: "--quiet and --verbose", fixture: "project", args: ["src", "-d", "out", "-q", "-v"], exit: 2, stderr: ["error: --quiet and --verbose cannot be used together"] },

  // Source maps.
  { name: "--source-maps writes a .map beside each output, sources relative, content kept", fixture: "project", args: ["src/esm.mjs", "src/lib", "-d", "out", "--source-maps"], exit: 0,
    outTree: ["esm.mjs", "esm.mjs.map", "deep/util.js", "deep/util.js.map", "no-async.js", "no-async.js.map"],
    files: { "out/esm.mjs": [/\n\/\/# sourceMappingURL=esm\.mjs\.map\n$/], "out/esm.mjs.map": ['"sources":["../src/esm.mjs"]', '"sourcesContent":["export async function load(value)'],
      "out/deep/util.js.map": ['"sources":["../../src/lib/deep/util.js"]'], "out/no-async.js.map": ['"sources":["../src/lib/no-async.js"]', '"file":"no-async.js"'] } },
  { name: "--source-maps inline on stdout", fixture: "project", args: ["src/esm.mjs", "--source-maps", "inline"], exit: 0,
    stdout: [/\n\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,[A-Za-z0-9+/=]+\n$/] },
  { name: "--source-maps both", fixture: "project", args: ["src/esm.mjs", "-d", "out", "--source-maps", "both"], exit: 0,
    outTree: ["esm.mjs", "esm.mjs.map"], files: { "out/esm.mjs": ["//# sourceMappingURL=data:application/json"] } },
  { name: "--source-maps true on stdout", fixture: "project", args: ["src/esm.mjs", "--source-maps", "true"], exit: 2, stderr: ["stdout has no file beside it: use --source-maps inline or --out-file"] },
  { name: "a bad --source-maps", fixture: "project", args: ["src/esm.mjs", "--source-maps", "sideways"], exit: 2, stderr: ["Allowed choices are true, inline, both, false."] },

  // Cache and workers.
  { name: "--cache-dir puts the cache there", fixture: "project", args: ["src/esm.mjs", "-d", "out", "--cache-dir", "my-cache"], exit: 0,
    outTree: ["esm.mjs"], present: ["my-cache"], absent: ["node_modules/.cache"] },
  { name: "the cache defaults to node_modules/.cache/unawait", fixture: "project", args: ["src/esm.mjs", "-d", "out"], exit: 0,
    present: ["node_modules/.cache/unawait"], absent: ["my-cache"] },
  { name: "--no-cache writes no cache", fixture: "project", args: ["src", "-d", "out", "--no-cache"], exit: 0, outTree: SOURCES_OUT, absent: ["node_modules/.cache"] },
  { name: "--cache turns it on for --out-file", fixture: "project", args: ["src/esm.mjs", "-o", "out/esm.mjs", "--cache"], exit: 0,
    present: ["node_modules/.cache/unawait"] },
  { name: "--out-file has no cache by default", fixture: "project", args: ["src/esm.mjs", "-o", "out/esm.mjs"], exit: 0, absent: ["node_modules/.cache"] },
  { name: "--no-cache with --cache-dir", fixture: "project", args: ["src", "-d", "out", "--no-cache", "--cache-dir", "x"], exit: 2, stderr: ["error: --no-cache and --cache-dir cannot be used together"] },
  { name: "--workers 1 builds on the main thread", fixture: "project", args: ["src", "-d", "out", "--workers", "1"], exit: 0, outTree: SOURCES_OUT },
  { name: "--workers 0", fixture: "project", args: ["src", "-d", "out", "-j", "0"], exit: 2, stderr: ["expected a whole number of at least 1."] },
  { name: "--watch without an output", fixture: "project", args: ["src/esm.mjs", "--watch"], exit: 2, stderr: ["error: --watch needs --out-dir or --out-file"] },

  // Config files.
  { name: "unawait.config.json gives inputs and options", fixture: "project", args: [], exit: 0,
    setup: write("unawait.config.json", '{ "inputs": ["src/lib"], "outDir": "out", "runtime": "inline", "ignore": ["src/lib/no-async.js"] }'),
    outTree: ["deep/util.js"], files: { "out/deep/util.js": [/function run\(genFn, thisArg, args\)/] } },
  { name: "flags override the config", fixture: "project", args: ["src/esm.mjs", "--runtime", "require"], exit: 0,
    setup: write("unawait.config.json", '{ "runtime": "inline" }'), stdout: [REQUIRES_RUNTIME] },
  { name: "a flag sets aside the config options it contradicts", fixture: "project", args: ["src/esm.mjs", "-o", "out/one.mjs", "--verbose"], exit: 0,
    setup: write("unawait.config.json", '{ "outDir": "out", "quiet": true }'), outTree: ["one.mjs"], stderr: ["src/esm.mjs → out/one.mjs (transformed)"] },
  { name: "an \"unawait\" key in package.json", fixture: "project", args: ["src/esm.mjs"], exit: 0,
    setup: write("package.json", '{ "name": "p", "unawait": { "runtimeModule": "from-package-json" } }'), stdout: ['from "from-package-json"'] },
  { name: "unawait.config.js", fixture: "project", args: ["src/esm.mjs"], exit: 0,
    setup: write("unawait.config.mjs", 'export default { runtimeModule: "from-js-config" };'), stdout: ['from "from-js-config"'] },
  { name: "--config names the file; --no-config ignores them", fixture: "project", args: ["src/esm.mjs", "--config", "conf/u.json"], exit: 0,
    setup: write("conf/u.json", '{ "runtimeModule": "named-config" }'), stdout: ['from "named-config"'] },
  { name: "--no-config", fixture: "project", args: ["src/esm.mjs", "--no-config"], exit: 0,
    setup: write("unawait.config.json", '{ "runtimeModule": "ignored" }'), stdout: [IMPORTS_RUNTIME] },
  { name: "a config key that does not exist", fixture: "project", args: ["src/esm.mjs"], exit: 2,
    setup: write("unawait.config.json", '{ "outdir": "out" }'), stderr: ['error: unawait.config.json: unknown option "outdir"'] },
  { name: "a config value of the wrong kind", fixture: "project", args: ["src/esm.mjs"], exit: 2,
    setup: write("unawait.config.json", '{ "runtime": "bundle" }'), stderr: ['error: unawait.config.json: "runtime" must be one of "auto", "import", "require", "inline", got "bundle"'] },
  { name: "a config that is not JSON", fixture: "project", args: ["src/esm.mjs"], exit: 2,
    setup: write("unawait.config.json", "{ runtime: inline }"), stderr: ["error: unawait.config.json is not valid JSON"] },
  { name: "--config that does not exist", fixture: "project", args: ["src/esm.mjs", "--config", "nope.json"], exit: 2, stderr: ["error: config file not found: nope.json"] },

  // compare: both forms run, logs side by side.
  { name: "compare: the same log, exit 0", fixture: "order", args: ["compare", "order.mjs"], exit: 0, stderr: "",
    stdout: [/^node order\.mjs +\| transformed by unawait$/m, "same log and exit status", /^exit 0 +\| exit 0$/m] },
  { name: "compare: the first difference flagged, exit 1", fixture: "compare", args: ["compare", "differs.mjs"], exit: 1,
    stdout: [/^1 same first line +\| 1 same first line$/m, /^2 AsyncFunction +>$/m, /^ +\| 2 Function$/m, "the logs differ first at line 2"] },
  { name: "compare: a run past the time limit", fixture: "compare", args: ["compare", "forever.mjs", "--timeout", "700"], exit: 1,
    stdout: ["timed out after 700 ms", "a run hit the time limit (--timeout)"] },
  { name: "compare: a file that does not parse", fixture: "broken", args: ["compare", "src/b-syntax.js"], exit: 1, stdout: "", stderr: ["src/b-syntax.js:2:18: error: Unexpected token"] },
  { name: "compare: a folder", fixture: "project", args: ["compare", "src"], exit: 2, stderr: ["error: compare takes one file, and src is a directory"] },
  { name: "compare: a bad --timeout", fixture: "order", args: ["compare", "order.mjs", "--timeout", "soon"], exit: 2, stderr: ["expected a whole number of at least 1."] },

  // Help and version.
  { name: "--help lists every flag, the command and examples", fixture: "project", args: ["--help"], exit: 0, stderr: "",
    stdout: ["Usage: unawait [options] [command] [inputs...]", "--out-dir <dir>", "--out-file <file>", "--in-place", "--copy-files",
      "--delete-dir-on-start", "--extensions <list>", "--ignore <glob>", "--only <glob>", "--source-maps [mode]", "--cache", "--no-cache",
      "--cache-dir <dir>", "--workers <n>", "--watch", "--filename <name>", "--quiet", "--verbose", "--runtime <mode>",
      "--runtime-module <name>", "--top-level-await <mode>", "--config <file>", "--no-config", "--no-color",
      "explain [options] <file>", "compare [options] <file>", "Examples:\n  $ unawait src/app.js", "unawait.config.json",
      "node_modules/.cache/unawait", "Exit status: 0 all files done, 1 some files failed, 2 usage error."] },
  { name: "compare --help", fixture: "project", args: ["compare", "--help"], exit: 0, stdout: ["Usage: unawait compare [options] <file>", "--timeout <ms>"] },
  { name: "explain --help", fixture: "project", args: ["explain", "--help"], exit: 0, stdout: ["Usage: unawait explain [options] <file>", "--runtime <mode>"] },
  { name: "lint reports each gotcha with file:line:col and its rule, exit 1", fixture: "gotchas", args: ["lint", "src/bad.mjs"], exit: 1, stdout: "",
    stderr: ["src/bad.mjs:5:8: warning: forEach() does not wait", "[async-array-callback]", "src/bad.mjs:8:1: warning:", "[floating-promise]", "2 warnings"] },
  { name: "lint of clean code says nothing, exit 0", fixture: "gotchas", args: ["lint", "src/good.mjs"], exit: 0, stdout: "", stderr: "" },
  { name: "--warn reports the gotchas while building", fixture: "gotchas", args: ["src/bad.mjs", "--warn"], exit: 0,
    stdout: ["function* arrow$"], stderr: ["src/bad.mjs:5:8: warning:", "[floating-promise]"] },
  { name: "without --warn a build reports no gotchas", fixture: "gotchas", args: ["src/bad.mjs"], exit: 0, stdout: ["function* arrow$"], stderr: "" },
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
    await c.setup?.(root);
    const result = await runCli(c.args, root, {}, c.stdinLatin1 ? Buffer.from(c.stdin!, "latin1") : c.stdin);
    expect({ exit: result.code, stderr: result.stderr }).toMatchObject({ exit: c.exit });
    expectText(expect, result.stdout, c.stdout, "stdout");
    expectText(expect, result.stderr, c.stderr, "stderr");
    if (c.exit === 2) {
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(USAGE_HINT);
      if (!c.setup) expect(existsSync(join(root, "out"))).toBe(false);
    }
    await c.after?.(root, expect);
    for (const path of c.present ?? []) expect(existsSync(join(root, path)), `${path} should exist`).toBe(true);
    for (const path of c.absent ?? []) expect(existsSync(join(root, path)), `${path} should not exist`).toBe(false);
    for (const [a, b] of c.same ?? []) expect((await readFile(join(root, a))).equals(await readFile(join(root, b))), `${a} = ${b}`).toBe(true);
    if (c.outTree) expect(await filesUnder(join(root, "out"))).toEqual([...c.outTree].sort());
    for (const [path, texts] of Object.entries(c.files ?? {})) expectText(expect, await readFile(join(root, path), "utf8"), texts, path);
    await expectNoAsyncSyntaxNorTempFiles(expect, root, c.copiesCode);
    // compare writes its lowered copy beside the file, and must always remove it.
    const everything = await readdir(root, { recursive: true });
    expect(everything.filter((f) => f.includes(".unawait-compare-")), "compare's copy left behind").toEqual([]);
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
async function expectNoAsyncSyntaxNorTempFiles(expect: ExpectStatic, root: string, copiesCode = false): Promise<void> {
  const out = join(root, "out");
  if (!existsSync(out)) return;
  for (const file of await filesUnder(out)) {
    expect(file, "temporary file left behind").not.toMatch(/\.tmp$/);
    if (!copiesCode && /\.[cm]?[jt]sx?$/.test(file) && !file.endsWith(".d.ts")) {
      expect(findAsyncSyntax(await readFile(join(out, file), "utf8")), `out/${file}`).toEqual([]);
    }
  }
}
