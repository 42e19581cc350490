import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { fakeIo } from "./helpers/fake-io.js";
import { fakePlugin, seenBy } from "./helpers/fake-plugin.js";
import { makeTree } from "./helpers/tree.js";

const ANSI = /\u001b\[\d+m/;
const deps = { loadPlugin: async () => fakePlugin, version: "9.8.7" };

async function run(root: string, argv: string[], io = fakeIo(root)) {
  const exitCode = await main(argv, io, deps);
  return { exitCode, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe("main, wired to a stand-in plugin", async () => {
  const root = await makeTree({
    "package.json": '{ "type": "module" }',
    // Each has async syntax, or the lexical pre-check would copy it without calling the plugin.
    "src/a.js": "export const a = async () => <b />;\n",
    "src/lib/c.cts": "const n: number = require('x'); async function f() {}\n",
    // In an async statement: the plugin is only given those (see split-program.ts).
    "src/bad.ts": "const ok = async () => 1;\nconst no = async () => __explode__;\n",
    "src/crash.mjs": "__crash__; await 1;\n",
    "src/notes.txt": "not code",
    "good/one.cjs": "module.exports = async () => 1;\n",
    "good/two.mts": "export const two: number = await 2;\n",
  });

  it("prints one file to stdout, parsed per its extension and package type, with no plugin options by default", async () => {
    const { exitCode, stdout, stderr } = await run(root, ["src/a.js"]);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
    expect(seenBy(stdout)).toEqual({ options: {}, sourceType: "module" });
    expect(stdout).toMatch(/export const a = async \(\) => <b \/>;\n$/);
  });

  it("passes --runtime, --runtime-module and --top-level-await to the plugin, for both commands", async () => {
    const flags = ["--runtime", "inline", "--runtime-module", "my-runtime", "--top-level-await", "wrap"];
    const expected = { runtime: "inline", runtimeModule: "my-runtime", topLevelAwait: "wrap" };
    expect(seenBy((await run(root, ["good/one.cjs", ...flags])).stdout)).toEqual({ options: expected, sourceType: "script" });
    const wide = fakeIo(root, { tty: true, columns: 400 });
    // explain turns the gotcha warnings on by default (it is for reading code).
    expect(seenBy((await run(root, ["explain", "good/one.cjs", "--no-color", ...flags], wide)).stdout).options).toEqual({ ...expected, warnings: true });
  });

  it("passes --warn to the plugin as warnings: true", async () => {
    expect(seenBy((await run(root, ["good/one.cjs", "--warn"])).stdout).options).toEqual({ warnings: true });
  });

  it("writes every other file when one fails, reports it with its place, and exits 1", async () => {
    const { exitCode, stderr } = await run(root, ["src", "--out-dir", "out1"]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain("src/bad.ts:2:24: error: [unawait] fake failure here\n\n  1 | const ok = async () => 1;\n> 2 | const no = async () => __explode__;\n");
    expect(stderr).toMatch(/src\/crash\.mjs: error: fake crash\n\n\s+at /);
    expect(stderr).toMatch(/^unawait: 2 transformed, 0 copied, 0 unchanged, 2 failed → out1 \(\d+\.\d\ds\)$/m);
    expect(await readdir(join(root, "out1"), { recursive: true })).toEqual(expect.arrayContaining(["a.js", "lib/c.cts"]));
    expect(await readdir(join(root, "out1"), { recursive: true })).toHaveLength(3);
    expect(seenBy(await readFile(join(root, "out1/lib/c.cts"), "utf8")).sourceType).toBe("script");
  });

  it("copies the other files with --copy-files and stays quiet with --quiet", async () => {
    const { exitCode, stderr } = await run(root, ["good", "src/notes.txt", "-d", "out2", "--copy-files", "-q"]);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
    expect((await readdir(join(root, "out2"))).sort()).toEqual(["notes.txt", "one.cjs", "two.mts"]);
    expect(await readFile(join(root, "out2/notes.txt"), "utf8")).toBe("not code");
  });

  it.each([
    [["src"], "error: a directory or several files need --out-dir <dir>"],
    [["src/a.js", "good/one.cjs"], "error: a directory or several files need --out-dir <dir>"],
    [["src/a.js", "--copy-files"], "error: --copy-files needs --out-dir <dir>"],
    [["src/notes.txt"], "error: src/notes.txt is not a JavaScript or TypeScript source file"],
    [["src/notes.txt", "-d", "out3"], "error: src/notes.txt is not a JavaScript or TypeScript source file"],
    [["nope.js"], "error: input not found: nope.js"],
    [["src", "-d", "src/out"], "error: --out-dir src/out is inside the input src"],
    [["explain", "src"], "error: explain takes one file, and src is a directory"],
    [["explain", "src/a.js", "src/b.js"], "error: too many arguments for 'explain'"],
    [[], "error: missing input: name files or directories, or - for stdin"],
    [["a.js", "--runtime", "magic"], "error: option '--runtime <mode>' argument 'magic' is invalid"],
    [["a.js", "--top-level-await", "ignore"], "error: option '--top-level-await <mode>' argument 'ignore' is invalid"],
    [["a.js", "--runtime-module", " "], "error: option '--runtime-module <name>' argument ' ' is invalid. expected a module name."],
    [["a.js", "--bogus"], "error: unknown option '--bogus'"],
  ])("exits 2 on %j", async (argv, message) => {
    const { exitCode, stdout, stderr } = await run(root, argv);
    expect({ exitCode, stdout }).toEqual({ exitCode: 2, stdout: "" });
    expect(stderr).toContain(message);
    expect(stderr).toContain("(run unawait --help for usage)");
  });

  it("prints help with examples and the version to stdout, exit 0", async () => {
    const help = await run(root, ["--help"]);
    expect(help).toMatchObject({ exitCode: 0, stderr: "" });
    expect(help.stdout).toMatch(/^Usage: unawait \[options\] \[command\] \[inputs\.\.\.\]/);
    expect(help.stdout).toContain("Examples:\n  $ unawait src/app.js");
    expect(await run(root, ["--version"])).toEqual({ exitCode: 0, stdout: "9.8.7\n", stderr: "" });
    expect((await run(root, ["explain", "--help"])).stdout).toMatch(/^Usage: unawait explain \[options\] <file>/);
  });

  it("reports a plugin that cannot be loaded once for the run, exit 1", async () => {
    for (const argv of [["src/a.js"], ["src", "-d", "out-unloadable", "--no-cache"]]) {
      const io = fakeIo(root);
      const exitCode = await main(argv, io, { ...deps, loadPlugin: () => Promise.reject(new Error("no build")) });
      expect(exitCode).toBe(1);
      expect(io.stderr.text).toBe("unawait: error: no build\n");
    }
  });
});

describe("colours and widths", async () => {
  const root = await makeTree({ "bad.js": "let x = (await 1;\n", "ok.js": "let y = async () => 2;\n" });

  it("colours diagnostics on a terminal only, and never with NO_COLOR or --no-color", async () => {
    const stderrOf = async (argv: string[], io: ReturnType<typeof fakeIo>) => (await run(root, argv, io)).stderr;
    expect(await stderrOf(["bad.js"], fakeIo(root, { tty: true }))).toMatch(ANSI);
    expect(await stderrOf(["bad.js"], fakeIo(root, { tty: false }))).not.toMatch(ANSI);
    expect(await stderrOf(["bad.js"], fakeIo(root, { tty: true, env: { NO_COLOR: "1" } }))).not.toMatch(ANSI);
    expect(await stderrOf(["bad.js", "--no-color"], fakeIo(root, { tty: true }))).not.toMatch(ANSI);
    // no-color.org: an empty NO_COLOR does not count.
    expect(await stderrOf(["bad.js"], fakeIo(root, { tty: true, env: { NO_COLOR: "" } }))).toMatch(ANSI);
  });

  it("explains at the terminal's width with colours, or at 160 columns in plain text when piped", async () => {
    const onTerminal = await run(root, ["explain", "ok.js"], fakeIo(root, { tty: true, columns: 90 }));
    expect(onTerminal.stdout).toMatch(ANSI);
    const rows = onTerminal.stdout.replace(/\u001b\[\d+m/g, "").split("\n");
    expect(rows[1]).toBe(`${"-".repeat(43)} | ${"-".repeat(43)}`);

    const piped = await run(root, ["explain", "ok.js"], fakeIo(root, { tty: false, columns: 90 }));
    expect(piped.stdout).not.toMatch(ANSI);
    expect(piped.stdout.split("\n")[0]).toMatch(/^ok\.js {73} \| unawait output$/);
    // Two columns of 78 and " | ": the odd column left of 160 stays unused.
    expect(piped.stdout.split("\n")[1]).toHaveLength(159);

    const noColor = await run(root, ["explain", "ok.js", "--no-color"], fakeIo(root, { tty: true, columns: 90 }));
    expect(noColor.stdout).not.toMatch(ANSI);
  });

  it("explains a file that fails to parse with a diagnostic and exit 1", async () => {
    expect(await run(root, ["explain", "bad.js"])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'bad.js:1:17: error: Unexpected token, expected ","\n\n> 1 | let x = (await 1;\n    |                 ^\n  2 |\n',
    });
  });
});
