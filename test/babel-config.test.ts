// The way users meet the plugin: a babel.config.json naming it "@unawait", which Babel expands
// to @unawait/babel-plugin and resolves from the config file's folder. The folder lives inside
// the repo so that resolution walks up to the workspace's node_modules, as in a user's project.
import { loadOptions, loadPartialConfig, transformFileSync, transformSync } from "@babel/core";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findAsyncSyntax } from "./helpers/async-syntax.mjs";

const require = createRequire(import.meta.url);
const SOURCE = "export async function twice(x) {\n  const y = await x;\n  return [y, await y];\n}\n";

let dir: string;
let inputFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(fileURLToPath(new URL(".", import.meta.url)), ".tmp-babel-config-"));
  inputFile = join(dir, "input.js");
  writeFileSync(join(dir, "babel.config.json"), JSON.stringify({ plugins: ["@unawait"] }));
  writeFileSync(inputFile, SOURCE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('babel.config.json with plugins: ["@unawait"]', () => {
  test("loadPartialConfig finds the config and resolves the short name to the plugin package", () => {
    const partial = loadPartialConfig({ cwd: dir, root: dir, filename: inputFile });
    expect(partial?.config).toBe(join(dir, "babel.config.json"));
    const [item] = (partial?.options.plugins ?? []) as Array<{ file?: { request: string; resolved: string } }>;
    expect(item?.file?.request).toBe("@unawait");
    expect(realpathSync(item!.file!.resolved)).toBe(realpathSync(require.resolve("@unawait/babel-plugin")));
  });

  test("the loaded plugin carries the name unawait", () => {
    const options = loadOptions({ cwd: dir, root: dir, filename: inputFile }) as { plugins: Array<{ key: string }> };
    expect(options.plugins.map((plugin) => plugin.key)).toContain("unawait");
  });

  test("transformFileSync from that folder leaves no async syntax", () => {
    const result = transformFileSync(inputFile, { cwd: dir, root: dir });
    expect(result?.code).toMatch(/function\*/);
    expect(findAsyncSyntax(result!.code!)).toEqual([]);
  });
});

describe("the package entry points", () => {
  const lowers = (plugin: unknown): string[] => {
    const result = transformSync(SOURCE, { configFile: false, babelrc: false, filename: "entry.js", plugins: [plugin as any] });
    return findAsyncSyntax(result!.code!).map((hit) => hit.construct);
  };

  test("require() gives the CommonJS build, usable as a plugin", () => {
    expect(require.resolve("@unawait/babel-plugin")).toMatch(/dist[\\/]cjs[\\/]index\.js$/);
    const loaded = require("@unawait/babel-plugin");
    const plugin = loaded.default ?? loaded;
    expect(typeof plugin).toBe("function");
    expect(lowers(plugin)).toEqual([]);
  });

  test("import() gives the ES module build, usable as a plugin", async () => {
    const loaded = await import("@unawait/babel-plugin");
    expect(typeof loaded.default).toBe("function");
    expect(lowers(loaded.default)).toEqual([]);
  });
});
