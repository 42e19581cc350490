import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PluginObj } from "@babel/core";
import { describe, expect, it } from "vitest";
import { cacheSalt } from "../src/cache.js";
import { main } from "../src/main.js";
import type { BabelPlugin } from "../src/plugin.js";
import { fakeIo } from "./helpers/fake-io.js";
import { fakePlugin } from "./helpers/fake-plugin.js";
import { makeTree } from "./helpers/tree.js";

/** The stand-in plugin, counting what it is asked to do: loads of the plugin, files transformed. */
function countingDeps() {
  const counts = { loads: 0, transforms: 0 };
  const plugin: BabelPlugin = (api, options, dirname): PluginObj => ({ ...fakePlugin(api, options, dirname), pre: () => void counts.transforms++ });
  return { counts, deps: { version: "1.2.3", loadPlugin: async () => (counts.loads++, plugin) } };
}

async function build(root: string, argv: string[], deps: ReturnType<typeof countingDeps>["deps"]) {
  const io = fakeIo(root);
  const exitCode = await main(argv, io, deps);
  return { exitCode, stderr: io.stderr.text };
}

const SUMMARY = (text: string) => new RegExp(`^unawait: ${text} → out \\(\\d+\\.\\d\\ds\\)$`, "m");

describe("--cache: an unchanged rerun does no transform work", async () => {
  const root = await makeTree({
    "package.json": "{}",
    "src/a.mjs": "export const a = async () => 1;\n",
    "src/b.mjs": "export const b = async () => 2;\n",
    "src/bad.mjs": "const x = async () => __explode__;\n",
    "src/plain.mjs": "export const plain = 3;\n",
  });
  const argv = ["src", "-d", "out", "--cache-dir", "cache"];

  it("transforms each file once; later runs load no plugin, transform nothing, report the same", async () => {
    const first = countingDeps();
    const run1 = await build(root, argv, first.deps);
    expect(first.counts).toEqual({ loads: 1, transforms: 3 });
    expect(run1.exitCode).toBe(1);
    expect(run1.stderr).toMatch(SUMMARY("2 transformed, 1 copied, 0 unchanged, 1 failed"));
    const outputs = await Promise.all(["a.mjs", "b.mjs"].map((f) => readFile(join(root, "out", f), "utf8")));

    // Outputs in place: nothing written, the failure reported again from the cache.
    const second = countingDeps();
    const run2 = await build(root, argv, second.deps);
    expect(second.counts).toEqual({ loads: 0, transforms: 0 });
    expect(run2.stderr).toMatch(SUMMARY("0 transformed, 0 copied, 3 unchanged, 1 failed"));
    expect(run2.stderr).toContain("src/bad.mjs:1:23: error: [unawait] fake failure here");

    // Outputs gone: written again from the cache, byte for byte.
    await rm(join(root, "out"), { recursive: true });
    const third = countingDeps();
    const run3 = await build(root, argv, third.deps);
    expect(third.counts).toEqual({ loads: 0, transforms: 0 });
    expect(run3.stderr).toMatch(SUMMARY("2 transformed \\(2 from cache\\), 1 copied, 0 unchanged, 1 failed"));
    expect(await Promise.all(["a.mjs", "b.mjs"].map((f) => readFile(join(root, "out", f), "utf8")))).toEqual(outputs);
  });

  it("a changed file, changed options or --no-cache transform again", async () => {
    await build(root, argv, countingDeps().deps);
    await writeFile(join(root, "src/a.mjs"), "export const a = async () => 10;\n");
    const edited = countingDeps();
    await build(root, argv, edited.deps);
    expect(edited.counts.transforms).toBe(1);

    const options = countingDeps();
    await build(root, [...argv, "--runtime", "inline"], options.deps);
    expect(options.counts.transforms).toBe(3);

    const uncached = countingDeps();
    await build(root, ["src", "-d", "out", "--no-cache"], uncached.deps);
    expect(uncached.counts.transforms).toBe(3);
  });

  it("is off by default for a single file to stdout", async () => {
    const once = countingDeps();
    await build(root, ["src/a.mjs"], once.deps);
    await build(root, ["src/a.mjs"], once.deps);
    expect(once.counts.transforms).toBe(2);
  });
});

describe("the progress bar", async () => {
  const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`src/f${i}.mjs`, `export const f${i} = async () => ${i};\n`]));
  const root = await makeTree(files);
  const stderrOf = async (options: Parameters<typeof fakeIo>[1], extra: string[] = []) => {
    const io = fakeIo(root, options);
    await main(["src", "-d", "out", "--no-cache", ...extra], io, countingDeps().deps);
    return io.stderr.text;
  };

  it("shows on a terminal, and is cleared before the summary", async () => {
    const text = await stderrOf({ tty: true, columns: 100 });
    expect(text).toMatch(/unawait \[[█░]+\] \d+\/25 files/);
    expect(text).toMatch(/unawait: 25 transformed, 0 copied, 0 unchanged, 0 failed → out/);
  });

  it("never on a pipe, in CI, with --quiet or --verbose, or for a few files", async () => {
    expect(await stderrOf({ tty: false })).not.toContain("files\u001b");
    for (const text of [
      await stderrOf({ tty: false }),
      await stderrOf({ tty: true, env: { CI: "true" } }),
      await stderrOf({ tty: true }, ["--quiet"]),
      await stderrOf({ tty: true }, ["--verbose"]),
    ]) {
      expect(text).not.toMatch(/\/25 files/);
    }
    const few = fakeIo(root, { tty: true });
    await main(["src/f1.mjs", "src/f2.mjs", "-d", "out", "--no-cache"], few, countingDeps().deps);
    expect(few.stderr.text).not.toMatch(/\/2 files/);
  });
});

describe("the cache key's salt", () => {
  it("is the same for the same build and options, and differs with the options or the CLI's version", () => {
    expect(cacheSalt({}, "1.0.0")).toBe(cacheSalt({}, "1.0.0"));
    expect(cacheSalt({ runtime: "inline" }, "1.0.0")).not.toBe(cacheSalt({}, "1.0.0"));
    expect(cacheSalt({}, "1.0.1")).not.toBe(cacheSalt({}, "1.0.0"));
  });
});
