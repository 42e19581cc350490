import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { collectOwn, containsOwn, isWithin } from "./own-body.js";
import { isGlobal, propertyName } from "./promise-knowledge.js";

type Binding = NonNullable<ReturnType<NodePath["scope"]["getBinding"]>>;
type LoopPath = NodePath<t.Loop>;

/*
 * The evidence that a loop's iterations depend on each other through what they await, so that
 * running them one at a time is the point, not an accident. Each exemption is a pattern that
 * ESLint's no-await-in-loop reports and that Promise.all could not replace.
 */

/**
 * The loop waits rather than works: `await sleep(ms)`, `await delay(…)` (a retry or a poll), or
 * `await new Promise(…)` (a timer, an event, a signal) — there is nothing to start in parallel.
 */
export function awaitsWait(awaits: NodePath<t.AwaitExpression>[]): boolean {
  return awaits.some((a) => isWait(a.get("argument")));
}

const DELAY_NAME = /^(sleep|delay|wait|pause|backoff|settimeout|timeout)|(sleep|delay|backoff|wait)$/i;

function isWait(path: NodePath): boolean {
  if (path.isNewExpression()) return isGlobal(path.get("callee") as NodePath, "Promise");
  if (!path.isCallExpression()) return false;
  const callee = path.node.callee;
  const name = t.isIdentifier(callee) ? callee.name : t.isMemberExpression(callee) ? propertyName(callee) : null;
  return name !== null && DELAY_NAME.test(name);
}

/**
 * A `while`-style loop (while, do…while, `for` without an update) that no local variable in its
 * test drives: `while (queue.length)`, `while (!this.closed)`, `for (;;)`. Its progress comes
 * from effects — a queue drained, a flag set elsewhere — that the awaits themselves may cause,
 * so the iterations cannot be started up front. `while (i < n) { …; i++ }` is still reported.
 */
export function progressFromEffects(loop: LoopPath): boolean {
  if (loop.isForStatement() && loop.node.update) return false;
  if (!loop.isWhileStatement() && !loop.isDoWhileStatement() && !loop.isForStatement()) return false;
  const test = loop.get("test") as NodePath;
  if (!test.node || test.isBooleanLiteral({ value: true }) || test.isNumericLiteral()) return true;
  const written = new Set(collectWrites(loop.get("body") as NodePath, true).flatMap((w) => w.targets));
  return !containsAny(test, (p) => p.isIdentifier() && p.isReferencedIdentifier() && written.has(p.scope.getBinding(p.node.name)!));
}

/**
 * The bindings that carry an awaited value: written (declared, assigned, or a property of them
 * assigned) from an expression holding an own `await` of the loop, or holding another such
 * binding — `const page = await get(cursor); cursor = page.next` marks both.
 */
export function awaitDerivedBindings(loop: LoopPath): Set<Binding> {
  const writes = collectWrites(loop);
  const derived = new Set<Binding>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const write of writes) {
      if (write.targets.every((b) => derived.has(b))) continue;
      if (!readsAwaitOrAny(write.value, derived)) continue;
      for (const b of write.targets) derived.add(b);
      changed = true;
    }
  }
  return derived;
}

/** The loop's own test reads an awaited value: `while (!done)` with `done = await step()`. */
export function testDependsOnAwait(loop: LoopPath, derived: Set<Binding>): boolean {
  if (!loop.isWhileStatement() && !loop.isDoWhileStatement() && !loop.isForStatement()) return false;
  const test = loop.get("test") as NodePath;
  return test.node != null && readsAwaitOrAny(test, derived);
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
 * The loop stops on an awaited result: a `break`, `return` or `throw` leaving the loop that is
 * only reached when a test on an awaited value says so (`if (await found(x)) return x`), or that
 * sits in a `try` block after an await (`try { return await op() } catch {}`, first success wins).
 */
export function exitDependsOnAwait(loop: LoopPath, derived: Set<Binding>): boolean {
  const exits = collectOwn(loop.get("body") as NodePath, (p) => p.isReturnStatement() || p.isThrowStatement() || (p.isBreakStatement() && breaksOut(p, loop)));
  return exits.some((exit) => guardedByAwait(exit, loop, derived));
}

function guardedByAwait(exit: NodePath, loop: LoopPath, derived: Set<Binding>): boolean {
  let child = exit;
  for (let parent = exit.parentPath; parent && parent.node !== loop.node; child = parent, parent = parent.parentPath) {
    const guard = guardOf(parent, child);
    if (guard && readsAwaitOrAny(guard, derived)) return true;
    if (parent.isTryStatement() && child.key === "block" && containsOwn(child, (p) => p.isAwaitExpression())) return true;
  }
  return false;
}

/** The test deciding whether `child` runs, when `parent` is a branch. */
function guardOf(parent: NodePath, child: NodePath): NodePath | null {
  if ((parent.isIfStatement() || parent.isConditionalExpression()) && child.key !== "test") return parent.get("test") as NodePath;
  if (parent.isLogicalExpression() && child.key === "right") return parent.get("left") as NodePath;
  if (parent.isSwitchCase() && child.listKey === "consequent") return parent.parentPath;
  return null;
}

/** Whether a `break` leaves `loop` (rather than an inner loop or switch). */
function breaksOut(path: NodePath<t.BreakStatement>, loop: LoopPath): boolean {
  const label = path.node.label?.name;
  const target = path.findParent((p) =>
    label ? p.isLabeledStatement() && p.node.label.name === label : p.isLoop() || p.isSwitchStatement());
  return target !== null && (target.node === loop.node || isWithin(loop, target));
}

interface Write {
  targets: Binding[];
  value: NodePath;
}

/** Assignments and initialised declarations under `root`; with `updates`, `x++` too (its value is itself). */
function collectWrites(root: NodePath, updates = false): Write[] {
  const writes: Write[] = [];
  const add = (target: NodePath, value: NodePath) => {
    const targets = targetBindings(target);
    if (targets.length) writes.push({ targets, value });
  };
  root.traverse({
    Function: (p) => p.skip(),
    VariableDeclarator(p) {
      if (p.node.init) add(p.get("id"), p.get("init") as NodePath);
    },
    AssignmentExpression(p) {
      add(p.get("left"), p.get("right"));
    },
    UpdateExpression(p) {
      if (updates) add(p.get("argument"), p);
    },
    ForXStatement(p) {
      add(p.get("left"), p.get("right"));
    },
  });
  return writes;
}

/** The bindings a write changes: the names of a pattern, or the object whose property is set. */
function targetBindings(target: NodePath): Binding[] {
  let node: t.Node = target.node;
  while (t.isMemberExpression(node)) node = node.object;
  const names = t.isIdentifier(node) ? [node.name] : Object.keys(t.getBindingIdentifiers(node));
  return names.map((name) => target.scope.getBinding(name)).filter((b): b is Binding => b !== undefined);
}

/** Reads one of `bindings` (nested functions included: a closure over the value still uses it). */
function readsAny(path: NodePath, bindings: Set<Binding>): boolean {
  if (bindings.size === 0) return false;
  return containsAny(path, (p) => p.isIdentifier() && p.isReferencedIdentifier() && bindings.has(p.scope.getBinding(p.node.name)!));
}

function readsAwaitOrAny(path: NodePath, bindings: Set<Binding>): boolean {
  return containsOwn(path, (p) => p.isAwaitExpression()) || readsAny(path, bindings);
}

function containsAny(root: NodePath, test: (path: NodePath) => boolean): boolean {
  if (test(root)) return true;
  let hit = false;
  root.traverse({
    enter(p) {
      if (hit) return p.skip();
      if (test(p)) hit = true;
    },
  });
  return hit;
}
