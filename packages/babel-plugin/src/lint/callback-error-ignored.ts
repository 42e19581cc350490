import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { isWithin } from "./own-body.js";
import { isGlobal, propertyName } from "./promise-knowledge.js";
import type { Rule } from "./rule.js";

export const CODE = "callback-error-ignored";

/** A first parameter named for an error (ESLint's handle-callback-err uses `err`/`error`). */
const ERROR_NAME = /^(e|er|err|error|ex|exc|exception)$|(Err|Error)$/;
/** `(_, data) =>`: deliberately unnamed, and just as ignored. */
const UNNAMED = /^_/;
/** Calls whose callbacks are not Node-style `(err, value)` even with two parameters. */
const NOT_NODE_STYLE = new Set(["on", "once", "addListener", "addEventListener", "forEach", "map", "filter", "some", "every", "find", "reduce", "then"]);

/**
 * Inside `new Promise((resolve, reject) => …)`, a Node-style callback that settles the promise
 * but never reads its error argument — `fs.readFile(p, (e, d) => resolve(d))`: on failure the
 * promise resolves with `undefined` instead of rejecting (the article's "mixing callbacks and
 * promises"). Only callbacks that call the executor's `resolve` are looked at.
 */
export const callbackErrorIgnored: Rule = (ctx) => ({
  NewExpression(path) {
    if (!isGlobal(path.get("callee") as NodePath, "Promise")) return;
    const executor = path.get("arguments")[0];
    if (!executor?.isFunction()) return;
    const [resolveParam, rejectParam] = executor.node.params;
    if (!t.isIdentifier(resolveParam)) return;
    const resolve = executor.scope.getBinding(resolveParam.name);
    if (!resolve) return;
    const rejectName = t.isIdentifier(rejectParam) ? rejectParam.name : null;
    const check = (call: NodePath<t.CallExpression | t.OptionalCallExpression>) => {
      const callback = nodeStyleCallback(call);
      if (!callback || !resolve.referencePaths.some((ref) => isWithin(ref, callback))) return;
      const errorParam = callback.node.params[0] as t.Identifier;
      if (callback.scope.getBinding(errorParam.name)?.referenced) return;
      ctx.report(errorParam, CODE, message(errorParam.name, resolveParam.name, rejectName));
    };
    executor.traverse({ CallExpression: check, OptionalCallExpression: check });
  },
});

/** The call's last argument, when it is a function shaped like `(err, …) => …`. */
function nodeStyleCallback(call: NodePath<t.CallExpression | t.OptionalCallExpression>): NodePath<t.Function> | null {
  const callee = call.node.callee;
  if ((t.isMemberExpression(callee) || t.isOptionalMemberExpression(callee)) && NOT_NODE_STYLE.has(propertyName(callee) ?? "")) return null;
  const args = call.get("arguments");
  const last = args[args.length - 1];
  if (!last?.isFunction()) return null;
  const [first, second] = last.node.params;
  if (!t.isIdentifier(first)) return null;
  return ERROR_NAME.test(first.name) || (UNNAMED.test(first.name) && second) ? last : null;
}

function message(errorName: string, resolveName: string, rejectName: string | null): string {
  const err = UNNAMED.test(errorName) ? "err" : errorName;
  const reject = rejectName ?? "reject";
  const addReject = rejectName ? "" : ` (add a \`${reject}\` parameter to the executor)`;
  return `This callback ignores its error argument \`${errorName}\`: when the operation fails, the promise resolves anyway (usually with \`undefined\`) instead of rejecting. ` +
    `Reject on error: \`(${err}, value) => (${err} ? ${reject}(${err}) : ${resolveName}(value))\`${addReject}, or use \`util.promisify\` (or the API's promise version, such as \`node:fs/promises\`).`;
}
