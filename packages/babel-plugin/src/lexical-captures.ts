import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { FileContext } from "./context.js";
import { errorAt } from "./errors.js";
import { isArgumentsReference, walkLexical } from "./lexical.js";
import { insertIntoList } from "./statement-list.js";

/**
 * An async arrow's `arguments` and `new.target` belong to the enclosing function, but its body
 * moves into a generator that has its own. So the enclosing function captures them once, at
 * the top of its body, and the arrow's body reads the capture:
 *   function f() { return async () => arguments[0]; }
 *   →  function f() { const _arguments = arguments; return () => run(g$, this); }
 *      function* g$() { return _arguments[0]; }
 */
export function rewriteArrowCaptures(arrow: NodePath<t.ArrowFunctionExpression>, ctx: FileContext): void {
  const replaceWith = (kind: "arguments" | "newTarget"): t.Identifier => captureIn(arrow, kind, ctx);
  let argumentsId: t.Identifier | undefined;
  let newTargetId: t.Identifier | undefined;
  const visit = (node: t.Node, parent: t.Node): t.Node | void => {
    if (isArgumentsReference(node, parent)) {
      argumentsId ??= replaceWith("arguments");
      return t.identifier(argumentsId.name);
    }
    if (node.type === "MetaProperty" && node.meta.name === "new") {
      newTargetId ??= replaceWith("newTarget");
      return t.identifier(newTargetId.name);
    }
  };
  for (const param of arrow.node.params) walkLexical(param, visit);
  walkLexical(arrow.node.body, visit);
}

function captureIn(arrow: NodePath, kind: "arguments" | "newTarget", ctx: FileContext): t.Identifier {
  const owner = arrow.findParent((p) => (p.isFunction() && !p.isArrowFunctionExpression()) || p.isProgram() ||
    p.isClassProperty() || p.isClassPrivateProperty() || p.isStaticBlock()) as NodePath;
  const inParams = owner.isFunction() && arrow.findParent((p) => p.listKey === "params" && p.parentPath === owner);
  const topLevelModule = owner.isProgram() && owner.node.sourceType === "module";
  if (!(owner.isFunction() || owner.isProgram()) || inParams || topLevelModule) {
    throw errorAt(arrow, "UNSUPPORTED_CAPTURE",
      `${kind === "arguments" ? "arguments" : "new.target"} inside an async arrow function here (a parameter default, a module's top level or a class field) is not supported; read it into a variable in the enclosing function first.`);
  }
  let map = ctx.captures.get(owner.node);
  if (!map) ctx.captures.set(owner.node, (map = new Map()));
  const existing = map.get(kind);
  if (existing) return existing;
  const id = t.identifier(ctx.names.fresh(kind === "arguments" ? "_arguments" : "_newTarget"));
  const value = kind === "arguments" ? t.identifier("arguments") : t.metaProperty(t.identifier("new"), t.identifier("target"));
  const declaration = t.variableDeclaration("const", [t.variableDeclarator(id, value)]);
  insertIntoList(owner.isProgram() ? owner : (owner.get("body") as NodePath), "body", 0, declaration);
  map.set(kind, id);
  return id;
}
