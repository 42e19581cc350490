import type { NodePath } from "@babel/core";
import { isGlobal } from "./promise-knowledge.js";
import type { Rule } from "./rule.js";

export const CODE = "async-promise-executor";

const MESSAGE =
  "An async Promise executor loses errors: `new Promise` ignores the promise the executor returns, so if the executor throws or an await in it rejects, the error becomes an unhandled rejection and this promise never settles. " +
  "Drop the `new Promise` wrapper and make the surrounding function async (its `return`/`throw` settle it), or keep the executor synchronous and call `reject` on failure.";

/** `new Promise(async (resolve, reject) => …)` — ESLint's no-async-promise-executor. */
export const asyncPromiseExecutor: Rule = (ctx) => ({
  NewExpression(path) {
    if (!isGlobal(path.get("callee") as NodePath, "Promise")) return;
    const executor = path.get("arguments")[0];
    if (executor?.isFunction() && executor.node.async) ctx.report(executor.node, CODE, MESSAGE);
  },
});
