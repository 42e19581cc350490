// The transforms under measure. Each turns the test file's source (never the harness) into
// `{ code }`, `{ rejected }` (Babel's parser refused it: a parse error either way) or `{ error }`.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const UNAWAIT_DIST = "packages/babel-plugin/dist/esm/index.js";

/**
 * @param {string} pluginEntry the unawait plugin's ESM entry (a snapshot of its dist, see snapshot.mjs)
 * @returns {Promise<Record<string, (source: string, sourceType: "script" | "module") => object>>}
 */
export async function loadTransforms(names, repoRoot, pluginEntry) {
  const require = createRequire(join(repoRoot, "package.json"));
  const babel = require("@babel/core");
  const transforms = {};
  for (const name of names) {
    const plugins = await pluginsOf(name, pluginEntry, require);
    transforms[name] = (source, sourceType) => transformWith(babel, plugins, source, sourceType);
  }
  return transforms;
}

async function pluginsOf(name, pluginEntry, require) {
  if (name === "babel") {
    return [
      require("@babel/plugin-transform-async-to-generator"),
      require("@babel/plugin-transform-async-generator-functions"),
    ];
  }
  if (name === "unawait") {
    if (!pluginEntry || !existsSync(pluginEntry)) throw new Error(`the unawait plugin is not built (${UNAWAIT_DIST} is missing): run \`pnpm -C packages/babel-plugin build\``);
    const plugin = (await import(pathToFileURL(pluginEntry).href)).default;
    // The inline runtime is copied into the test file, so it lives in the test's own realm and
    // captures that realm's Promise, as an imported runtime in a real program would.
    return [[plugin, { runtime: "inline" }]];
  }
  throw new Error(`unknown transform "${name}"`);
}

function transformWith(babel, plugins, source, sourceType) {
  try {
    const result = babel.transformSync(source, {
      babelrc: false,
      configFile: false,
      sourceType,
      plugins,
      highlightCode: false,
      sourceMaps: false,
      compact: false,
    });
    return { code: result.code };
  } catch (error) {
    const message = String(error?.message ?? error).split("\n")[0].replace(/^unknown( file)?: /, "");
    if (error?.code === "BABEL_PARSE_ERROR") return { rejected: message };
    return { error: message };
  }
}
