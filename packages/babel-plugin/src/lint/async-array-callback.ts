import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { handlesRejection } from "./promise-handling.js";
import { CHAIN_METHODS, propertyName } from "./promise-knowledge.js";
import { ALWAYS_WRONG, MAP_AWAITED, MAP_DROPPED, REDUCE } from "./async-array-messages.js";
import type { Rule, RuleContext } from "./rule.js";

export const CODE = "async-array-callback";

/** Methods that read what the callback returns as a boolean or a number. */
const READS_RESULTS = new Set(["filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "sort", "toSorted"]);

/**
 * `arr.forEach(async (x) => …)` and its relatives (modelled on typescript-eslint's
 * no-misused-promises, "checksVoidReturn"): a callback counts as async when it is an async
 * function, or a function the file shows returns a promise (`(x) => save(x)` with `save` async).
 * `map`/`flatMap` are only wrong when their array of promises is dropped or awaited as is;
 * `reduce` is fine when the callback awaits (or chains on) its accumulator. Not reported either:
 * dropping promises that handle their own rejection (`(x) => send(x).catch(report)`), and
 * `await obj.filter(async …)` — a `filter` that returns a promise is not Array.prototype's.
 */
export const asyncArrayCallback: Rule = (ctx) => {
  const check = (path: NodePath<t.CallExpression | t.OptionalCallExpression>) => {
    const callee = path.get("callee") as NodePath;
    if (!callee.isMemberExpression() && !callee.isOptionalMemberExpression()) return;
    const method = propertyName(callee.node);
    const callbackPath = path.get("arguments")[0];
    if (method === null || !callbackPath) return;
    const message = messageFor(method, path, callbackPath, ctx);
    if (!message) return;
    const callback = ctx.knowledge.resolveFunction(callbackPath);
    if (!callback || !ctx.knowledge.returnsPromise(callback)) return;
    if (dropsPromises(method, path) && returnsHandledPromise(callback)) return;
    ctx.report(callee.node.property, CODE, message);
  };
  return { CallExpression: check, OptionalCallExpression: check };
};

function messageFor(method: string, call: NodePath, callback: NodePath, ctx: RuleContext): string | null {
  // `await list.filter(async …)`: a method that returns a promise is not Array.prototype's.
  if (READS_RESULTS.has(method) && resultIsAwaited(call)) return null;
  if (Object.hasOwn(ALWAYS_WRONG, method)) return ALWAYS_WRONG[method]!;
  if (method === "map" || method === "flatMap") {
    const parent = call.parentPath!;
    if (isDiscarded(call)) return fill(MAP_DROPPED, method);
    if (parent.isAwaitExpression()) return fill(MAP_AWAITED, method);
    return null;
  }
  if (method === "reduce" || method === "reduceRight") {
    const fn = ctx.knowledge.resolveFunction(callback);
    return fn && !usesAccumulatorAsPromise(fn) ? fill(REDUCE, method) : null;
  }
  return null;
}

/** forEach, and map/flatMap as a statement, drop the callbacks' promises. */
function dropsPromises(method: string, call: NodePath): boolean {
  return method === "forEach" || ((method === "map" || method === "flatMap") && isDiscarded(call));
}

function isDiscarded(call: NodePath): boolean {
  const parent = call.parentPath!;
  return parent.isExpressionStatement() || parent.isUnaryExpression({ operator: "void" });
}

/** `(x) => send(x).catch(report)`: deliberately fire-and-forget, with failures reported. */
function returnsHandledPromise(fn: NodePath<t.Function>): boolean {
  const body = fn.get("body") as NodePath;
  return !fn.node.async && !body.isBlockStatement() && handlesRejection(body);
}

function resultIsAwaited(call: NodePath): boolean {
  const parent = call.parentPath!;
  if (parent.isAwaitExpression()) return true;
  return parent.isMemberExpression() && call.key === "object" && CHAIN_METHODS.has(propertyName(parent.node) ?? "");
}

/** `await acc` or `acc.then(…)`: the callback chains the steps, which is the sequential pattern. */
function usesAccumulatorAsPromise(fn: NodePath<t.Function>): boolean {
  const first = fn.node.params[0];
  if (!t.isIdentifier(first)) return false;
  const binding = fn.scope.getBinding(first.name);
  return (binding?.referencePaths ?? []).some((ref) => {
    const parent = ref.parentPath!;
    if (parent.isAwaitExpression()) return true;
    return parent.isMemberExpression() && ref.key === "object" && CHAIN_METHODS.has(propertyName(parent.node) ?? "");
  });
}

function fill(template: string, method: string): string {
  return template.replaceAll("%s", method);
}
