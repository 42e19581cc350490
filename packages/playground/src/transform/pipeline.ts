// Everything that needs Babel, loaded after the page has painted (it is most of the bundle).
import { parseSync } from "@babel/core";
import type { TextRange } from "./suspension-links.js";

export { linkSuspensions } from "./suspension-links.js";
export { transformAsyncCode } from "./transform.js";

/** The body of the inlined runtime, `const { run } = (() => { …this… })();`, to fold it away. */
export function inlineRuntimeBody(code: string): TextRange | null {
  const ast = parseSync(code, { babelrc: false, configFile: false, browserslistConfigFile: false, cwd: "/", envName: "playground", sourceType: "module" });
  for (const statement of ast?.program.body ?? []) {
    if (statement.type !== "VariableDeclaration") continue;
    const init = statement.declarations[0]?.init;
    if (init?.type === "CallExpression" && init.callee.type === "ArrowFunctionExpression" && init.callee.body.type === "BlockStatement") {
      return { from: init.callee.body.start! + 1, to: init.callee.body.end! - 1 };
    }
  }
  return null;
}
