import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { handlesRejection } from "./promise-handling.js";
import { CHAIN_METHODS, propertyName } from "./promise-knowledge.js";
import type { Rule, RuleContext } from "./rule.js";

export const CODE = "async-array-callback";

const THEN_USE = "await the answers first: `const ok = await Promise.all(arr.map(test))`, then";

/**
 * Array methods that call their callback synchronously and read its return value (or drop it).
 * Given an async callback they get a promise each time: truthy, not a number, never awaited.
 * Each entry says what the method then does.
 */
const ALWAYS_WRONG: Record<string, string> = {
  forEach:
    "forEach() does not wait for an async callback: it returns at once, the code after it runs before the callbacks finish, and their rejections go unhandled. " +
    "Use `for (const x of arr) await …` to go one by one, or `await Promise.all(arr.map(async (x) => …))` to run them together.",
  filter:
    "filter() with an async callback keeps every element: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`arr.filter((_, i) => ok[i])\`.`,
  some:
    "some() with an async callback is true for any non-empty array: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.some(Boolean)\`.`,
  every:
    "every() with an async callback is always true: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.every(Boolean)\`.`,
  find:
    "find() with an async callback returns the first element: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`arr[ok.findIndex(Boolean)]\`.`,
  findIndex:
    "findIndex() with an async callback returns 0 for any non-empty array: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.findIndex(Boolean)\`.`,
  findLast:
    "findLast() with an async callback returns the last element: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`arr[ok.findLastIndex(Boolean)]\`.`,
  findLastIndex:
    "findLastIndex() with an async callback returns the last index: the callback returns a promise, and a promise is always truthy. " +
    `Instead, ${THEN_USE} \`ok.findLastIndex(Boolean)\`.`,
  sort:
    "sort() with an async comparator cannot order anything: the comparator returns a promise, which converts to NaN, which sort() takes to mean \"equal\". " +
    "Await the sort keys first (`const keys = await Promise.all(arr.map(keyOf))`) and sort by them.",
};
ALWAYS_WRONG.toSorted = ALWAYS_WRONG.sort!.replace("sort()", "toSorted()");

const REDUCE =
  "%s() with an async callback hands each step the previous step's promise as the accumulator, and this callback never awaits it: the steps start together and combine promises instead of values. " +
  "Await the accumulator first (`async (accP, x) => { const acc = await accP; … }`), or use a `for…of` loop with `await`.";

const MAP_DROPPED =
  "%s() with an async callback returns an array of promises, and it is thrown away here: nothing waits for the callbacks and their rejections go unhandled. " +
  "Wait for them: `await Promise.all(arr.%s(async (x) => …))`.";

const MAP_AWAITED =
  "`await` on the array %s() returns does not wait for anything: an array is not a promise, so the callbacks are still running. " +
  "Use `await Promise.all(arr.%s(async (x) => …))`.";

/**
 * `arr.forEach(async (x) => …)` and its relatives (modelled on typescript-eslint's
 * no-misused-promises, "checksVoidReturn"): a callback counts as async when it is an async
 * function, or a function the file shows returns a promise (`(x) => save(x)` with `save` async).
 * `map`/`flatMap` are only wrong when their array of promises is dropped or awaited as is;
 * `reduce` is fine when the callback awaits (or chains on) its accumulator.
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

/** Methods that read what the callback returns as a boolean or a number. */
const READS_RESULTS = new Set(["filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "sort", "toSorted"]);

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
