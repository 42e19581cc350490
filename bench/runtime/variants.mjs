// The five ways of running the same async source: natively, and lowered by each transform with
// the runtime its users ship. Every benchmark is written once as native async code; the others
// are produced from it here (and cached by prepare.mjs).
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { unawaitPlugin } from "./snapshot.mjs";

const require = createRequire(import.meta.url);
const babel = require("@babel/core");
const ts = require("typescript");

const babelBase = { configFile: false, babelrc: false, sourceType: "module", compact: false, comments: true };

function withBabel(plugins) {
  return (source, filename) => babel.transformSync(source, { ...babelBase, filename, plugins }).code;
}

export const variants = [
  {
    name: "native",
    label: "native",
    transform: (source) => source,
  },
  {
    name: "unawait",
    label: "unawait",
    // The real plugin and the real runtime, imported from @unawait/runtime (a copy of the built
    // dist taken when the bench starts: see snapshot.mjs).
    transform: (source, filename) => withBabel([[unawaitPlugin(), { runtime: "import" }]])(source, filename),
  },
  {
    name: "babel",
    label: "Babel helpers",
    // Babel's own async plugins, helpers inlined per file as Babel emits them by default.
    transform: withBabel([
      "@babel/plugin-transform-async-generator-functions",
      "@babel/plugin-transform-async-to-generator",
    ]),
  },
  {
    name: "tslib",
    label: "TypeScript + tslib",
    // TypeScript lowers async functions (ES2017) and async generators (ES2018) at target ES2015.
    transform: (source, fileName) =>
      ts.transpileModule(source, {
        fileName,
        compilerOptions: {
          target: ts.ScriptTarget.ES2015,
          module: ts.ModuleKind.ESNext,
          importHelpers: true,
          allowJs: true,
        },
      }).outputText,
  },
  {
    name: "regenerator",
    label: "regenerator",
    // What @babel/preset-env emitted for ES5 for years: Babel's async helpers around generators
    // compiled by regenerator-transform, against the global-style regenerator-runtime.
    transform: (source, filename) =>
      `import regeneratorRuntime from "regenerator-runtime";\n` +
      withBabel([
        "@babel/plugin-transform-async-generator-functions",
        "@babel/plugin-transform-async-to-generator",
        require("regenerator-transform").default,
      ])(source, filename),
  },
];

/**
 * `--candidate <file>`: unawait's output importing `run` & co. from another build of the runtime
 * (an ES module), to measure a runtime change against the current one in the same rounds.
 */
export function candidateVariant(file) {
  const url = pathToFileURL(resolve(file)).href;
  const unawait = variants.find((v) => v.name === "unawait");
  return {
    name: "candidate",
    label: "unawait (candidate)",
    cacheId: `candidate ${url}`,
    transform: (source, filename) =>
      unawait.transform(source, filename).replace(/(from\s+)"@unawait\/runtime"/g, `$1${JSON.stringify(url)}`),
  };
}

/** What the transformers' own versions are, for the cache key and the report. */
export function transformerVersions() {
  const version = (name) => require(`${name}/package.json`).version;
  return {
    "@babel/core": version("@babel/core"),
    typescript: ts.version,
    tslib: version("tslib"),
    "regenerator-transform": version("regenerator-transform"),
    "regenerator-runtime": version("regenerator-runtime"),
  };
}
