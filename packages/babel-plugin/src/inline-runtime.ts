import { parse, types as t } from "@babel/core";
import { inlineModules } from "@unawait/runtime/inline";

const cache = new Map<string, t.Expression>();

/**
 * The runtime as one expression, with only the modules the file's helpers need:
 *   (() => { …modules… return { run, superGet }; })()
 * Parsed once per set of helpers per process, cloned per file.
 */
export function inlineRuntime(names: string[]): t.Expression {
  const key = [...names].sort().join(",");
  let expression = cache.get(key);
  if (!expression) {
    const code = `(() => {\n${neededModules(names).map((m) => m.code).join("\n")}\nreturn { ${names.join(", ")} };\n})()`;
    const ast = parse(code, { configFile: false, babelrc: false, sourceType: "script" });
    expression = (ast!.program.body[0] as t.ExpressionStatement).expression;
    cache.set(key, expression);
  }
  return t.cloneNode(expression, true, true);
}

/** The modules exporting `names` and everything they import, in dependency order. */
function neededModules(names: string[]): typeof inlineModules {
  const byName = new Map(inlineModules.map((m) => [m.name, m]));
  const needed = new Set<string>();
  const add = (name: string): void => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const dep of byName.get(name)!.deps) add(dep);
  };
  for (const helper of names) {
    const owner = inlineModules.find((m) => m.exports.includes(helper));
    if (!owner) throw new Error(`[unawait] internal: no runtime module exports "${helper}"`);
    add(owner.name);
  }
  return inlineModules.filter((m) => needed.has(m.name));
}
