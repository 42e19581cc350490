import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { FileContext } from "./context.js";
import { errorAt } from "./errors.js";
import { classHome, findSite } from "./placement.js";

/**
 * The [[HomeObject]] that `super` refers to inside `fnPath` (an async method, or an async arrow
 * nested in a method, field initialiser or static block), as an expression usable from the
 * lowered generator:
 *   class member   →  `_home` (= C.prototype) or `_staticHome` (= C), captured by the class's static block
 *   object method  →  `_obj`, with the literal rewritten to `(_obj = { … })`
 */
export function homeObjectOf(fnPath: NodePath<t.Function>, ctx: FileContext): t.Expression {
  let owner: NodePath | null = fnPath;
  while (owner && owner.isArrowFunctionExpression()) {
    owner = owner.parentPath!.find((p) => p.isFunction() || p.isClassProperty() || p.isClassPrivateProperty() ||
      p.isClassAccessorProperty() || p.isStaticBlock());
  }
  if (owner && (owner.isClassMethod() || owner.isClassPrivateMethod() || owner.isClassProperty() ||
      owner.isClassPrivateProperty() || owner.isClassAccessorProperty() || owner.isStaticBlock())) {
    const classPath = owner.parentPath!.parentPath as NodePath<t.Class>;
    const container = ctx.classes.get(classPath);
    if (!container) throw unsupportedPosition(fnPath);
    const isStatic = owner.isStaticBlock() || Boolean((owner.node as any).static);
    return classHome(container, isStatic);
  }
  if (owner && owner.isObjectMethod()) return objectHome(owner.parentPath as NodePath<t.ObjectExpression>, fnPath, ctx);
  throw unsupportedPosition(fnPath);
}

function objectHome(objectPath: NodePath<t.ObjectExpression>, fnPath: NodePath, ctx: FileContext): t.Expression {
  const objectNode = objectPath.node;
  const existing = ctx.objectHomes.get(objectNode);
  if (existing) return t.identifier(existing.name);
  const site = findSite(objectPath, ctx.classes);
  if (!site || site.kind !== "statement") throw unsupportedPosition(fnPath);
  const id = t.identifier(ctx.names.fresh("_obj"));
  site.statement.insertBefore(t.variableDeclaration("let", [t.variableDeclarator(id)]));
  objectPath.replaceWith(t.assignmentExpression("=", t.identifier(id.name), objectNode));
  ctx.objectHomes.set(objectNode, id);
  return t.identifier(id.name);
}

function unsupportedPosition(path: NodePath): Error {
  return errorAt(path, "UNSUPPORTED_SUPER_POSITION",
    "super inside an async function whose class or object literal sits in a parameter default, loop head or computed key is not supported; move the class or object to its own statement.");
}
