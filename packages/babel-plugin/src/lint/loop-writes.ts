import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { containsOwn } from "./own-body.js";

export type Binding = NonNullable<ReturnType<NodePath["scope"]["getBinding"]>>;

/** One write in a loop: what it changes and from what. */
export interface Write {
  /** The assignment, declarator, update or for-in/of head. */
  node: NodePath;
  targets: Binding[];
  /** False when only a property is set (`state.done = …` writes `state`). */
  direct: boolean;
  value: NodePath;
}

/** Assignments and initialised declarations under `root` (not in nested functions); with `updates`, `x++` too. */
export function collectWrites(root: NodePath, updates = false): Write[] {
  const writes: Write[] = [];
  const add = (node: NodePath, target: NodePath, value: NodePath) => {
    const targets = targetBindings(target);
    if (targets.length) writes.push({ node, targets, direct: !target.isMemberExpression(), value });
  };
  root.traverse({
    Function: (p) => p.skip(),
    VariableDeclarator(p) {
      if (p.node.init) add(p, p.get("id"), p.get("init") as NodePath);
    },
    AssignmentExpression(p) {
      add(p, p.get("left"), p.get("right"));
    },
    UpdateExpression(p) {
      if (updates) add(p, p.get("argument"), p);
    },
    ForXStatement(p) {
      add(p, p.get("left"), p.get("right"));
    },
  });
  return writes;
}

/**
 * The bindings that carry an awaited value: written (declared, assigned, or a property of them
 * assigned) from an expression holding an own `await` of the loop, or holding another such
 * binding — `const page = await get(cursor); cursor = page.next` marks both.
 */
export function awaitDerivedBindings(loop: NodePath<t.Loop>): Set<Binding> {
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

/** The bindings `path` reads (nested functions included: a closure over a value still uses it). */
export function readBindings(path: NodePath): Set<Binding> {
  const read = new Set<Binding>();
  const visit = (p: NodePath) => {
    if (!p.isIdentifier() || !p.isReferencedIdentifier()) return;
    const binding = p.scope.getBinding(p.node.name);
    if (binding) read.add(binding);
  };
  visit(path);
  path.traverse({ enter: visit });
  return read;
}

export function readsAny(path: NodePath, bindings: Set<Binding>): boolean {
  if (bindings.size === 0) return false;
  for (const b of readBindings(path)) if (bindings.has(b)) return true;
  return false;
}

export function readsAwaitOrAny(path: NodePath, bindings: Set<Binding>): boolean {
  return containsOwn(path, (p) => p.isAwaitExpression()) || readsAny(path, bindings);
}

/** The bindings a write changes: the names of a pattern, or the object whose property is set. */
function targetBindings(target: NodePath): Binding[] {
  let node: t.Node = target.node;
  while (t.isMemberExpression(node)) node = node.object;
  const names = t.isIdentifier(node) ? [node.name] : Object.keys(t.getBindingIdentifiers(node));
  return names.map((name) => target.scope.getBinding(name)).filter((b): b is Binding => b !== undefined);
}
