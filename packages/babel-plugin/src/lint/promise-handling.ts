import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { isWrapper, propertyName } from "./promise-knowledge.js";

/**
 * Whether a promise chain ends in a rejection handler, as typescript-eslint's
 * no-floating-promises counts them: `p.catch(h)`, `p.then(ok, h)`, and `.finally(f)` after a
 * handled chain. `p.then(ok)` is not handled: `ok` may throw and `p` may reject.
 */
export function handlesRejection(path: NodePath): boolean {
  if (isWrapper(path)) return handlesRejection(path.get("expression") as NodePath);
  if (!path.isCallExpression() && !path.isOptionalCallExpression()) return false;
  const callee = path.get("callee") as NodePath;
  if (!callee.isMemberExpression() && !callee.isOptionalMemberExpression()) return false;
  const name = propertyName(callee.node);
  const args = path.node.arguments.length;
  if (name === "catch") return args >= 1;
  if (name === "then") return args >= 2;
  if (name === "finally") return handlesRejection(callee.get("object") as NodePath);
  return false;
}

/**
 * The parts of an expression statement whose values are thrown away: every element of
 * `a, b`, both branches of `c ? a : b`, the right side of `c && a`, and the operand of `void`.
 */
export function discardedValues(path: NodePath): NodePath[] {
  if (isWrapper(path)) return discardedValues(path.get("expression") as NodePath);
  if (path.isSequenceExpression()) return path.get("expressions").flatMap(discardedValues);
  if (path.isConditionalExpression()) return [...discardedValues(path.get("consequent")), ...discardedValues(path.get("alternate"))];
  if (path.isLogicalExpression()) return discardedValues(path.get("right"));
  if (path.isUnaryExpression({ operator: "void" })) return discardedValues(path.get("argument"));
  return [path];
}

/** Whether `value` (one of discardedValues) sits under a `void` in its statement. */
export function isVoided(value: NodePath, statement: NodePath): boolean {
  return value.findParent((p) => p.node === statement.node || p.isUnaryExpression({ operator: "void" }))?.isUnaryExpression() ?? false;
}

/**
 * The innermost `try` with a `catch` whose protected block holds `path`, in the same function:
 * the handler a reader expects to see errors raised at `path`.
 */
export function enclosingTryWithCatch(path: NodePath): NodePath<t.TryStatement> | null {
  let child = path;
  let parent = path.parentPath;
  while (parent && !parent.isFunction() && !parent.isProgram()) {
    if (parent.isTryStatement() && child.key === "block" && parent.node.handler) return parent;
    child = parent;
    parent = parent.parentPath;
  }
  return null;
}

/** A short name for a call in messages: `save(…)`, `this.db.flush()`, `new Promise(…)`, `load().then(…)`. */
export function describeCall(node: t.Node): string {
  if (t.isParenthesizedExpression(node) || t.isTSAsExpression(node) || t.isTSNonNullExpression(node)) return describeCall(node.expression);
  if (t.isNewExpression(node)) return `new ${calleeText(node.callee)}(${node.arguments.length ? "…" : ""})`;
  if (t.isCallExpression(node) || t.isOptionalCallExpression(node)) {
    return `${calleeText(node.callee)}(${node.arguments.length ? "…" : ""})`;
  }
  return "this expression";
}

function calleeText(node: t.Node, depth = 0): string {
  if (t.isIdentifier(node)) return node.name;
  if (t.isThisExpression(node)) return "this";
  if (t.isCallExpression(node) && depth < 3) return `${calleeText(node.callee, depth + 1)}(${node.arguments.length ? "…" : ""})`;
  if ((t.isMemberExpression(node) || t.isOptionalMemberExpression(node)) && depth < 3) {
    const name = propertyName(node);
    if (name !== null) return `${calleeText(node.object, depth + 1)}.${name}`;
  }
  return "…";
}
