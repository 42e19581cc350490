import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { collectOwn } from "./own-body.js";

type FunctionPath = NodePath<t.Function>;

const PROMISE_STATICS = new Set(["all", "allSettled", "any", "race", "resolve", "reject", "try"]);
export const CHAIN_METHODS = new Set(["then", "catch", "finally"]);

/**
 * Which expressions evaluate to a promise, judged from the file alone (there are no types):
 * calls of functions declared `async` here (through Babel's bindings, so a shadowing or a
 * reassignment makes a name unknown) — including methods called on `this`, on a constant object
 * literal or on a class declaration — functions whose every `return` is such a promise,
 * `.then/.catch/.finally` chains, `new Promise(…)`, `Promise.all(…)` and friends, and the global
 * `fetch(…)`. Anything else is assumed not to be a promise: the rules would rather stay quiet
 * than guess.
 */
export class PromiseKnowledge {
  private returns = new Map<t.Node, boolean>();

  isPromise(path: NodePath): boolean {
    if (isWrapper(path)) return this.isPromise(path.get("expression") as NodePath);
    if (path.isNewExpression()) return isGlobal(path.get("callee"), "Promise");
    if (path.isCallExpression() || path.isOptionalCallExpression()) return this.callReturnsPromise(path);
    return false;
  }

  /**
   * A promise that can reject, as far as one can tell: not `new Promise(executor)` whose executor
   * takes no `reject` (it settles by `resolve` alone, e.g. `new Promise((r) => setTimeout(r, ms))`).
   */
  mayReject(path: NodePath): boolean {
    if (!this.isPromise(path)) return false;
    if (!path.isNewExpression()) return true;
    const executor = path.node.arguments[0];
    return !t.isFunction(executor) || executor.params.length >= 2 || executor.params.some((p) => t.isRestElement(p));
  }

  /** Whether calling `fn` gives a promise: async (not async generator), or every return does. */
  returnsPromise(fn: FunctionPath): boolean {
    if (fn.node.generator) return false;
    if (fn.node.async) return true;
    const known = this.returns.get(fn.node);
    if (known !== undefined) return known;
    this.returns.set(fn.node, false); // recursion ends here as "unknown"
    const result = this.everyReturnIsPromise(fn);
    this.returns.set(fn.node, result);
    return result;
  }

  /** The function a callee or callback refers to, when this file defines it unambiguously. */
  resolveFunction(path: NodePath): FunctionPath | null {
    if (isWrapper(path)) return this.resolveFunction(path.get("expression") as NodePath);
    if (path.isFunction()) return path;
    if (path.isIdentifier()) return functionOfBinding(path.scope.getBinding(path.node.name));
    if (path.isMemberExpression() || path.isOptionalMemberExpression()) return methodOf(path);
    return null;
  }

  private callReturnsPromise(call: NodePath<t.CallExpression | t.OptionalCallExpression>): boolean {
    const callee = call.get("callee") as NodePath;
    if (isGlobal(callee, "fetch")) return true;
    if (callee.isMemberExpression() || callee.isOptionalMemberExpression()) {
      const name = propertyName(callee.node);
      if (name && CHAIN_METHODS.has(name)) return true;
      if (name && PROMISE_STATICS.has(name) && isGlobal(callee.get("object") as NodePath, "Promise")) return true;
    }
    const fn = this.resolveFunction(callee);
    return fn !== null && this.returnsPromise(fn);
  }

  private everyReturnIsPromise(fn: FunctionPath): boolean {
    const body = fn.get("body") as NodePath;
    if (!body.isBlockStatement()) return this.isPromise(body);
    const returns = collectOwn(body, (p) => p.isReturnStatement()) as NodePath<t.ReturnStatement>[];
    return returns.length > 0 && returns.every((r) => r.node.argument != null && this.isPromise(r.get("argument") as NodePath));
  }
}

/** `(x)`, `x as T`, `x satisfies T`, `x!`, `(x: T)`: the same value as `x`. */
export function isWrapper(path: NodePath): boolean {
  return path.isParenthesizedExpression() || path.isTSAsExpression() || path.isTSSatisfiesExpression() ||
    path.isTSNonNullExpression() || path.isTypeCastExpression();
}

/** `name` used as the global (no binding in any enclosing scope). */
export function isGlobal(path: NodePath, name: string): boolean {
  return path.isIdentifier({ name }) && !path.scope.getBinding(name);
}

/** `a.b`, `a["b"]`, `a.#b` → "b"; a computed key that is not a string literal → null. */
export function propertyName(node: t.MemberExpression | t.OptionalMemberExpression): string | null {
  const key = node.property;
  if (!node.computed && t.isIdentifier(key)) return key.name;
  if (t.isPrivateName(key)) return `#${key.id.name}`;
  if (t.isStringLiteral(key)) return key.value;
  return null;
}

/** A binding that always holds one function: a declaration or a never-reassigned variable. */
function functionOfBinding(binding: ReturnType<NodePath["scope"]["getBinding"]>): FunctionPath | null {
  if (!binding || !binding.constant) return null;
  const declared = binding.path;
  if (declared.isFunctionDeclaration()) return declared;
  if (declared.isVariableDeclarator() && t.isIdentifier(declared.node.id)) {
    const init = declared.get("init") as NodePath;
    if (init.isFunction()) return init;
  }
  return null;
}

/**
 * `this.m` inside a class or object-literal method, `obj.m` for a constant object literal, and
 * `C.m` for a class declaration: the method (or arrow-valued field) named `m`, when one is
 * written there. A subclass override is out of sight; so is a method added later.
 */
function methodOf(member: NodePath<t.MemberExpression | t.OptionalMemberExpression>): FunctionPath | null {
  const name = propertyName(member.node);
  if (name === null) return null;
  const object = member.get("object") as NodePath;
  if (object.isThisExpression()) {
    const home = thisProvider(member);
    if (home?.isClassMethod() || home?.isClassPrivateMethod()) {
      return findMember(home.parentPath.get("body") as NodePath[], name, home.node.static);
    }
    if (home?.isObjectMethod()) return findMember(home.parentPath.get("properties") as NodePath[], name, false);
    return null;
  }
  if (!object.isIdentifier()) return null;
  const binding = object.scope.getBinding(object.node.name);
  if (!binding || !binding.constant) return null;
  const declared = binding.path;
  if (declared.isClassDeclaration()) return findMember(declared.get("body").get("body"), name, true);
  if (declared.isVariableDeclarator()) {
    const init = declared.get("init") as NodePath;
    if (init.isObjectExpression()) return findMember(init.get("properties"), name, false);
  }
  return null;
}

/** The function whose `this` a `this` at `path` is: arrows see through to their parent. */
function thisProvider(path: NodePath): FunctionPath | null {
  let fn = path.getFunctionParent();
  while (fn?.isArrowFunctionExpression()) fn = fn.parentPath.getFunctionParent();
  return fn;
}

function findMember(members: NodePath[], name: string, isStatic: boolean): FunctionPath | null {
  for (const member of members) {
    const node = member.node as any;
    if (Boolean(node.static) !== isStatic || node.computed) continue;
    if (keyName(node.key) !== name) continue;
    if ((member.isClassMethod() || member.isClassPrivateMethod() || member.isObjectMethod()) && node.kind === "method") {
      return member as FunctionPath;
    }
    const value = member.get("value") as NodePath | NodePath[];
    if (!Array.isArray(value) && value?.isFunction()) return value;
  }
  return null;
}

function keyName(key: t.Node): string | null {
  if (t.isIdentifier(key)) return key.name;
  if (t.isStringLiteral(key)) return key.value;
  if (t.isPrivateName(key)) return `#${key.id.name}`;
  return null;
}
