// Source maps from the CLI, checked the way a user meets them: the transformed program runs under
// `node --enable-source-maps`, and a thrown error's stack must name the original file, line and
// column — before and after an `await`, in a copied file, and through an input source map (TypeScript
// compiled by esbuild first). Needs `pnpm build`.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureCopy, runCli, runNode } from "../packages/cli/test/helpers/run-cli.js";

/** The first two lines of each stack the fixture prints: message, then the frame that threw. */
const FRAMES = [
  /^Error: after await: x\n {4}at .*\/src\/throws\.mjs:4:9\)?$/m,
  /^Error: before any await: x\n {4}at .*\/src\/throws\.mjs:8:9\)?$/m,
  /^TypeError: Cannot read properties of null \(reading 'notThere'\)\n {4}at .*\/src\/plain\.mjs:3:15\)?$/m,
];

describe("source maps under node --enable-source-maps", () => {
  it.each([["true"], ["inline"], ["both"]])("--source-maps %s: stacks point at the original lines and columns", async (mode) => {
    const root = await fixtureCopy("maps");
    const native = await runNode(["src/main.mjs"], root);
    for (const frame of FRAMES) expect(native.stdout).toMatch(frame);

    const cli = await runCli(["src", "-d", "out", "--source-maps", mode, "--runtime", "inline", "-q"], root);
    expect(cli).toEqual({ code: 0, stdout: "", stderr: "" });
    const lowered = await runNode(["--enable-source-maps", "out/main.mjs"], root);
    expect(lowered.stderr).toBe("");
    for (const frame of FRAMES) expect(lowered.stdout).toMatch(frame);
    // Without maps the same run points into out/, at other lines: the check above is not vacuous.
    const unmapped = await runNode(["out/main.mjs"], root);
    expect(unmapped.stdout).toMatch(/out\/throws\.mjs:\d+:\d+/);
  });

  it("an input source map is followed back to the TypeScript it came from", async () => {
    const root = await fixtureCopy("maps");
    const esbuild = createRequire(join(import.meta.dirname, "../packages/cli/package.json"))("esbuild");
    await mkdir(join(root, "ts"));
    const ts = [
      "// Compiled by esbuild with a map, then lowered by unawait with --source-maps.",
      "type Label = string;",
      "export async function later(label: Label): Promise<never> {",
      "  await null;",
      "  throw new Error(`typed: ${label}`);",
      "}",
      "",
    ].join("\n");
    await writeFile(join(root, "ts/typed.ts"), ts);
    esbuild.buildSync({ entryPoints: [join(root, "ts/typed.ts")], outfile: join(root, "src/typed.mjs"), sourcemap: true, format: "esm", target: "esnext", logLevel: "error" });
    await writeFile(join(root, "src/run-typed.mjs"), 'import { later } from "./typed.mjs";\nlater("y").catch((e) => console.log(e.stack.split("\\n").slice(0, 2).join("\\n")));\n');

    const cli = await runCli(["src", "-d", "out", "--source-maps", "--runtime", "inline", "-q"], root);
    expect(cli).toEqual({ code: 0, stdout: "", stderr: "" });
    const map = JSON.parse(await readFile(join(root, "out/typed.mjs.map"), "utf8"));
    expect(map.sources).toEqual(["../ts/typed.ts"]);
    expect(map.sourcesContent).toEqual([ts]);
    expect(await readFile(join(root, "out/typed.mjs"), "utf8")).not.toContain("typed.mjs.map\n//#");
    const lowered = await runNode(["--enable-source-maps", "out/run-typed.mjs"], root);
    expect(lowered.stdout).toMatch(/^Error: typed: y\n {4}at .*\/ts\/typed\.ts:5:9\)?$/m);
  });
});
