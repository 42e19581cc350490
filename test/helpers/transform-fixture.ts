import { transformAsync } from "@babel/core";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FixtureCase } from "./fixture-cases.js";

/** The built plugin under test (run `pnpm -C packages/babel-plugin build` first). */
export const PLUGIN_ENTRY = fileURLToPath(new URL("../../packages/babel-plugin/dist/esm/index.js", import.meta.url));

let plugin: Promise<unknown> | undefined;
function loadPlugin(): Promise<unknown> {
  plugin ??= import(pathToFileURL(PLUGIN_ENTRY).href).then(
    (module) => module.default ?? module,
    (error) => {
      throw new Error(`cannot load ${PLUGIN_ENTRY}; build it first: pnpm -C packages/babel-plugin build`, { cause: error });
    },
  );
  return plugin;
}

/** Transforms the fixture's input with only the plugin, no config files, as a build tool would. */
export async function transformFixture(fixture: FixtureCase): Promise<string> {
  const code = readFileSync(fixture.inputFile, "utf8");
  const result = await transformAsync(code, {
    filename: fixture.inputFile,
    configFile: false,
    babelrc: false,
    // A .cjs file is a script to Node; parsing it as a module would make it strict.
    sourceType: fixture.inputFile.endsWith(".cjs") ? "script" : "module",
    ...fixture.babelOptions,
    plugins: [[await loadPlugin(), fixture.options]],
  });
  if (result?.code == null) throw new Error(`${fixture.name}: Babel returned no code`);
  return `${result.code}\n`;
}
