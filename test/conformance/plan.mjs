// Which tests exist, in which variants they run, and which table group each belongs to.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseFrontmatter } from "./frontmatter.mjs";

/** Every test file under `testDir` (not `_FIXTURE` files, which only tests import), sorted. */
export function discoverTests(testDir, filter) {
  const tests = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js") && !entry.name.includes("_FIXTURE")) {
        const rel = relative(testDir, path).split(sep).join("/");
        if (!filter || rel.includes(filter)) tests.push({ path, rel, meta: parseFrontmatter(readFileSync(path, "utf8")) });
      }
    }
  };
  walk(testDir);
  return tests.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The runs INTERPRETING.md asks for: module and raw tests once as they are, `onlyStrict` and
 *  `noStrict` once in that mode, every other test twice. Null when this host must not run it:
 *  Node's main thread can block (Atomics.wait), so [[CanBlock]] is true. */
export function variantsOf(meta) {
  const flags = new Set(meta.flags);
  if (flags.has("CanBlockIsFalse")) return null;
  if (flags.has("module")) return ["module"];
  if (flags.has("raw")) return ["raw"];
  if (flags.has("onlyStrict")) return ["strict"];
  if (flags.has("noStrict")) return ["sloppy"];
  return ["sloppy", "strict"];
}

export const GROUPS = [
  "async-function",
  "async-arrow-function",
  "async-generator",
  "for-await-of",
  "await",
  "class/object async methods",
  "built-ins/Async*",
  "module-code",
  "other",
];

const GROUP_OF_DIR = [
  ["language/expressions/async-function/", "async-function"],
  ["language/statements/async-function/", "async-function"],
  ["language/expressions/async-arrow-function/", "async-arrow-function"],
  ["language/expressions/async-generator/", "async-generator"],
  ["language/statements/async-generator/", "async-generator"],
  ["language/statements/for-await-of/", "for-await-of"],
  ["language/expressions/await/", "await"],
  ["language/expressions/class/", "class/object async methods"],
  ["language/statements/class/", "class/object async methods"],
  ["language/expressions/object/", "class/object async methods"],
  ["built-ins/Async", "built-ins/Async*"],
  ["language/module-code/", "module-code"],
];

export function groupOf(rel) {
  return GROUP_OF_DIR.find(([prefix]) => rel.startsWith(prefix))?.[1] ?? "other";
}

/** Top-level await cannot be lowered inside a module (DESIGN.md, rule 6): these tests are
 *  reported apart so that the total without them shows what the transform can reach. */
export function isTopLevelAwaitModuleTest(test) {
  return test.meta.flags.includes("module") &&
    (test.meta.features.includes("top-level-await") || test.rel.startsWith("language/module-code/top-level-await/"));
}
