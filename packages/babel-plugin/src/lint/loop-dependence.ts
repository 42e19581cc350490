import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { type Binding, collectWrites, readBindings, readsAny, readsAwaitOrAny } from "./loop-writes.js";
import { collectOwn, containsOwn, isWithin } from "./own-body.js";
import { isGlobal, type PromiseKnowledge, propertyName } from "./promise-knowledge.js";

type LoopPath = NodePath<t.Loop>;

/*
 * The evidence that a loop's iterations depend on each other, so that running them one at a
 * time is the point, not an accident. Each exemption is a pattern that ESLint's
 * no-await-in-loop reports and that Promise.all could not replace. `derived` is the set of
 * bindings carrying awaited values (awaitDerivedBindings).
 */

/**
 * The loop waits rather than works: `await sleep(ms)`, `await delay(…)` (a retry or a poll),
 * `await new Promise((resolve) => …)` that never resolves with a value (a timer, an event, a
 * signal: `setTimeout(resolve, ms)`, `once("done", resolve)`), or a call of a function of this
 * file that only returns such a wait (`const tick = () => new Promise((r) => setImmediate(r))`)
 * — there is nothing to start in parallel. A `new Promise` that resolves with a value is a
 * promisified operation, which is work.
 */
export function awaitsWait(awaits: NodePath<t.AwaitExpression>[], knowledge: PromiseKnowledge): boolean {
  return awaits.some((a) => isWait(a.get("argument"), knowledge));
}

const DELAY_NAME = /^(sleep|delay|wait|pause|backoff|settimeout|timeout)|(sleep|delay|backoff|wait)$/i;

function isWait(path: NodePath, knowledge: PromiseKnowledge, depth = 0): boolean {
  if (path.isNewExpression()) return isGlobal(path.get("callee") as NodePath, "Promise") && resolvesWithoutValue(path);
  if (!path.isCallExpression()) return false;
  const callee = path.node.callee;
  const name = t.isIdentifier(callee) ? callee.name : t.isMemberExpression(callee) ? propertyName(callee) : null;
  if (name !== null && DELAY_NAME.test(name)) return true;
  const fn = depth < 3 ? knowledge.resolveFunction(path.get("callee")) : null; // depth: recursive helpers
  return fn !== null && !fn.node.async && returnedValues(fn).every((value) => value !== null && isWait(value, knowledge, depth + 1));
}

/** `new Promise((resolve) => …)` where `resolve` is passed on, stored, or called with no argument. */
function resolvesWithoutValue(promise: NodePath<t.NewExpression>): boolean {
  const executor = promise.get("arguments")[0];
  if (!executor?.isFunction() || !t.isIdentifier(executor.node.params[0])) return false;
  const resolve = executor.scope.getBinding(executor.node.params[0].name);
  return (resolve?.referencePaths ?? []).every((ref) => {
    const call = ref.parentPath!;
    return !(call.isCallExpression() && ref.key === "callee" && call.node.arguments.length > 0);
  });
}

/** What a plain function returns: its concise body, or each `return` argument (null for a bare `return`). */
function returnedValues(fn: NodePath<t.Function>): (NodePath | null)[] {
  const body = fn.get("body") as NodePath;
  if (!body.isBlockStatement()) return [body];
  const returns = collectOwn(body, (p) => p.isReturnStatement()) as NodePath<t.ReturnStatement>[];
  return returns.length ? returns.map((r) => (r.node.argument ? (r.get("argument") as NodePath) : null)) : [null];
}

/**
 * A `while`-style loop (while, do…while, `for` without an update) whose test no local variable
 * written in the body drives: `while (queue.length)`, `while (state.pending)`, `for (;;)`. Its
 * progress comes from effects — a queue drained, a flag set elsewhere — that the awaits may
 * cause, so the iterations cannot be started up front. `while (i < n) { …; i++ }` is reported.
 */
export function progressFromEffects(loop: LoopPath): boolean {
  const test = loopTest(loop);
  if (test === undefined || (loop.isForStatement() && loop.node.update)) return false;
  if (test === null || test.isBooleanLiteral({ value: true }) || test.isNumericLiteral()) return true;
  const written = directWrites(loop);
  return ![...readBindings(test)].some((b) => written.has(b));
}

/**
 * The loop's test reads an awaited value (`while (!done) done = await step()`), or a variable it
 * reads is written under a test on an awaited value (`if (!(await visit(x))) i--`).
 */
export function testDependsOnAwait(loop: LoopPath, derived: Set<Binding>): boolean {
  const test = loopTest(loop);
  if (!test) return false;
  if (readsAwaitOrAny(test, derived)) return true;
  const steering = readBindings(test);
  return collectWrites(loop.get("body") as NodePath, true).some(
    (w) => w.targets.some((b) => steering.has(b)) && guardReadsAwait(w.node, loop, derived),
  );
}

/**
 * An awaited call reads a value an earlier iteration awaited: the binding is declared outside
 * the loop body (so it survives to the next iteration) and written from an awaited value.
 * Conservative: a write and a read in the same iteration are not told apart.
 */
export function carriesAwaitedValue(loop: LoopPath, awaits: NodePath<t.AwaitExpression>[], derived: Set<Binding>): boolean {
  const body = loop.get("body") as NodePath;
  const carried = new Set([...derived].filter((b) => !isWithin(b.path, body)));
  return carried.size > 0 && awaits.some((a) => readsAny(a.get("argument"), carried));
}

/**
 * The loop stops on what happened: a `break`, `return` or `throw` leaving the loop that is
 * reached only when a test on an awaited value says so (`if (await found(x)) return x`), when a
 * test reads state the awaits can change (`if (this.closed) return`, a flag another function
 * sets: a cancellation check), or from a `try` block after an await (`try { return await op() }
 * catch {}`: first success wins).
 */
export function exitDependsOnAwait(loop: LoopPath, derived: Set<Binding>): boolean {
  const exits = collectOwn(loop.get("body") as NodePath, (p) =>
    p.isReturnStatement() || p.isThrowStatement() || (p.isBreakStatement() && breaksOut(p, loop)));
  return exits.some((exit) =>
    guardReadsAwait(exit, loop, derived) || guardReadsOutsideState(exit, loop) || followsAwaitInTry(exit, loop));
}

/** The test or discriminant of each branch between `path` and `loop`. */
function guardsOf(path: NodePath, loop: LoopPath): NodePath[] {
  const guards: NodePath[] = [];
  let child = path;
  for (let parent = path.parentPath; parent && parent.node !== loop.node; child = parent, parent = parent.parentPath) {
    if ((parent.isIfStatement() || parent.isConditionalExpression()) && child.key !== "test") guards.push(parent.get("test") as NodePath);
    if (parent.isLogicalExpression() && child.key === "right") guards.push(parent.get("left"));
    if (parent.isSwitchCase() && child.listKey === "consequent") guards.push(parent.parentPath.get("discriminant") as NodePath);
  }
  return guards;
}

function guardReadsAwait(path: NodePath, loop: LoopPath, derived: Set<Binding>): boolean {
  return guardsOf(path, loop).some((guard) => readsAwaitOrAny(guard, derived));
}

/** A guard reading `this.…` or a variable some other function assigns. */
function guardReadsOutsideState(path: NodePath, loop: LoopPath): boolean {
  const home = loop.getFunctionParent()?.node;
  const changedElsewhere = (b: Binding) => b.constantViolations.some((v) => v.getFunctionParent()?.node !== home);
  return guardsOf(path, loop).some((guard) =>
    containsOwn(guard, (p) => p.isThisExpression()) || [...readBindings(guard)].some(changedElsewhere));
}

function followsAwaitInTry(path: NodePath, loop: LoopPath): boolean {
  let child = path;
  for (let parent = path.parentPath; parent && parent.node !== loop.node; child = parent, parent = parent.parentPath) {
    if (parent.isTryStatement() && child.key === "block" && containsOwn(child, (p) => p.isAwaitExpression())) return true;
  }
  return false;
}

/** Whether a `break` leaves `loop` (rather than an inner loop or switch). */
function breaksOut(path: NodePath<t.BreakStatement>, loop: LoopPath): boolean {
  const label = path.node.label?.name;
  const target = path.findParent((p) =>
    label ? p.isLabeledStatement() && p.node.label.name === label : p.isLoop() || p.isSwitchStatement());
  return target !== null && (target.node === loop.node || isWithin(loop, target));
}

/** The test of a while/do/for loop (null when a `for` has none); undefined for for-in/of. */
function loopTest(loop: LoopPath): NodePath | null | undefined {
  if (!loop.isWhileStatement() && !loop.isDoWhileStatement() && !loop.isForStatement()) return undefined;
  const test = loop.get("test") as NodePath;
  return test.node ? test : null;
}

/** Variables (not properties) the body assigns or updates. */
function directWrites(loop: LoopPath): Set<Binding> {
  return new Set(collectWrites(loop.get("body") as NodePath, true).filter((w) => w.direct).flatMap((w) => w.targets));
}
