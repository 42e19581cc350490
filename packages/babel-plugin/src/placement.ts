import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { NameRegistry } from "./names.js";

// Read once: every `t.X` of @babel/types is a getter.
const VISITOR_KEYS = t.VISITOR_KEYS;

/**
 * Where a lowered function's generator lives. The rule (DESIGN.md): one generator function per
 * async function *object*, never one per call, and in a scope that resolves every free name of
 * the body exactly as the original position did.
 *
 * - `statement`: a function* declaration inserted just before the statement that contains the
 *   async function, in the same block. Nothing between the two positions creates a scope (we
 *   stop at function bodies and refuse loop heads), and a block is re-entered exactly when its
 *   statements are re-evaluated, so the generator is created as often as the function.
 * - `class`: for class members and field initialisers, which may use `#private` names and the
 *   inner class binding, the generator is created in a static block that runs first among the
 *   static elements, and stored in a `let` slot declared before the class statement.
 * - `null`: a position where neither is exact (parameter defaults, loop heads, computed keys,
 *   `extends`): the caller creates the generator per call instead (correct, slower; rare).
 */
export type Site =
  | { kind: "statement"; statement: NodePath<t.Statement> }
  | { kind: "class"; container: ClassContainer };

export function findSite(path: NodePath, containers: ClassContainers): Site | null {
  let child: NodePath = path;
  let parent = path.parentPath;
  while (parent) {
    if (child.isStatement() && Array.isArray(child.container)) return { kind: "statement", statement: child };
    // An expression-bodied arrow was given a block on entry when it needed one (see
    // prepareConciseArrow); reaching one here means a position we did not foresee: per call.
    if (parent.isArrowFunctionExpression() && child.key === "body") return null;
    if (parent.isFunction()) return null; // a parameter position
    if (isClassElement(parent) && child.key === "value" && parent.parentPath?.parentPath?.isClass()) {
      const container = containers.get(parent.parentPath.parentPath as NodePath<t.Class>);
      return container ? { kind: "class", container } : null;
    }
    if (parent.isClass() || isClassElement(parent) || parent.isObjectMember()) {
      if (child.key === "key" || child.key === "superClass" || child.key === "decorators") return null;
    }
    if (parent.isLoop() && child.key !== "body") {
      if (!(parent.isWhileStatement() || parent.isDoWhileStatement())) return null; // per-iteration scopes
    }
    if (parent.isSwitchCase() && child.key === "test") return null;
    if (parent.isCatchClause() && child.key === "param") return null;
    if (child.isStatement() && !parent.isExportDeclaration() && !parent.isLabeledStatement()) {
      // The body of an if/loop/with: wrap it in a block so there is a list to insert into.
      const statement = child as NodePath<t.Statement>;
      statement.replaceWith(t.blockStatement([statement.node]));
      return { kind: "statement", statement: statement.get("body.0") as NodePath<t.Statement> };
    }
    child = parent;
    parent = parent.parentPath;
  }
  return null;
}

/**
 * `x => async () => x` has no statement to put a generator before. Giving the arrow a block
 * body (`x => { return async () => x; }`) must happen on entry, before paths inside it exist:
 * replacing the body later would leave those paths pointing at the old tree. Only a body that
 * holds an async function can need a statement site (for its generator, or for the class slots
 * and home object of the class or object literal it sits in); any other arrow is left as written.
 */
export function prepareConciseArrow(path: NodePath<t.ArrowFunctionExpression>): void {
  const body = path.node.body;
  if (t.isBlockStatement(body) || !holdsAsyncFunction(body)) return;
  path.get("body").replaceWith(t.blockStatement([t.returnStatement(body)]));
}

function holdsAsyncFunction(node: t.Node): boolean {
  if ((node as t.Function).async === true && t.isFunction(node)) return true;
  for (const key of VISITOR_KEYS[node.type] ?? []) {
    const child = (node as any)[key];
    const children = Array.isArray(child) ? child : [child];
    for (const c of children) if (c && typeof c.type === "string" && holdsAsyncFunction(c)) return true;
  }
  return false;
}

function isClassElement(path: NodePath): boolean {
  return (
    path.isClassProperty() || path.isClassPrivateProperty() || path.isClassAccessorProperty() ||
    path.isClassMethod() || path.isClassPrivateMethod()
  );
}

/** Per class: the `let` slots declared before it and the static block that fills them. */
export interface ClassContainer {
  slots: t.VariableDeclaration;
  block: t.StaticBlock;
  homes: { instance?: t.Identifier; static?: t.Identifier };
  names: NameRegistry;
}

export class ClassContainers {
  private map = new WeakMap<t.Node, ClassContainer | null>();
  constructor(private names: NameRegistry) {}

  get(classPath: NodePath<t.Class>): ClassContainer | null {
    if (this.map.has(classPath.node)) return this.map.get(classPath.node)!;
    const site = findSite(classPath, this);
    let container: ClassContainer | null = null;
    if (site?.kind === "statement") {
      const slots = t.variableDeclaration("let", []);
      site.statement.insertBefore(slots);
      // First among the static elements, so it runs before any user static code can call a method.
      const block = t.staticBlock([]);
      classPath.node.body.body.unshift(block);
      container = { slots, block, homes: {}, names: this.names };
    }
    this.map.set(classPath.node, container);
    return container;
  }
}

/** Declares a slot filled by the class's static block: `let _m$; … static { _m$ = init; }`. */
export function addClassSlot(container: ClassContainer, base: string, init: t.Expression, first = false): t.Identifier {
  const id = t.identifier(container.names.fresh(base));
  container.slots.declarations.push(t.variableDeclarator(id));
  const statement = t.expressionStatement(t.assignmentExpression("=", t.identifier(id.name), init));
  if (first) container.block.body.unshift(statement);
  else container.block.body.push(statement);
  return t.identifier(id.name);
}

/** The [[HomeObject]] of the class's instance or static members, captured in the static block. */
export function classHome(container: ClassContainer, isStatic: boolean): t.Identifier {
  const which = isStatic ? "static" : "instance";
  const existing = container.homes[which];
  if (existing) return t.identifier(existing.name);
  const init = isStatic ? t.thisExpression() : t.memberExpression(t.thisExpression(), t.identifier("prototype"));
  const id = addClassSlot(container, isStatic ? "_staticHome" : "_home", init, true);
  container.homes[which] = id;
  return t.identifier(id.name);
}
