import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { errorAt } from "./errors.js";
import { walkLexical } from "./lexical.js";
import type { RuntimeHelpers } from "./runtime-import.js";

export interface SuperRewrite {
  /** The [[HomeObject]] of the method whose `super` this is (created on first use). */
  home: () => t.Expression;
  helpers: RuntimeHelpers;
  strict: boolean;
  /** Declares a temporary in the generator body (for `super[k] op= v`). */
  temp: () => t.Identifier;
}

const isSuperMember = (node: t.Node | null | undefined): node is t.MemberExpression =>
  (t.isMemberExpression(node) || t.isOptionalMemberExpression(node)) && t.isSuper(node.object);

const keyOf = (member: t.MemberExpression): t.Expression =>
  member.computed ? (member.property as t.Expression) : t.stringLiteral((member.property as t.Identifier).name);

/**
 * `super` cannot stay inside a plain generator function, so each use becomes a runtime call
 * with the home object made explicit (the receiver is the generator's `this`, which `run`
 * binds to the method's receiver):
 *   super.x            →  superGet(home, "x", this)
 *   super.m(a)         →  superCall(superGet(home, "m", this), this, [a])
 *   super.x = v        →  superSet(home, "x", v, this)
 *   super.x += v       →  superSet(home, "x", superGet(home, "x", this) + v, this)
 *   super.x ||= v      →  superGet(home, "x", this) || superSet(home, "x", v, this)
 *   super.x++          →  superUpdate(home, "x", this, true, false)
 */
export function rewriteSuper(fnPath: NodePath<t.Function>, rewrite: SuperRewrite): void {
  const { helpers } = rewrite;
  const get = (key: t.Expression) => t.callExpression(helpers.ref("superGet"), [rewrite.home(), key, t.thisExpression()]);
  const set = (key: t.Expression, value: t.Expression) => {
    const args = [rewrite.home(), key, value, t.thisExpression()];
    if (!rewrite.strict) args.push(t.booleanLiteral(false));
    return t.callExpression(helpers.ref("superSet"), args);
  };
  const visit = (node: t.Node, parent: t.Node): t.Node | void => {
    if (isSuperMember(node)) {
      const handledByParent =
        ((t.isCallExpression(parent) || t.isOptionalCallExpression(parent)) && parent.callee === node) ||
        (t.isAssignmentExpression(parent) && parent.left === node) ||
        t.isUpdateExpression(parent);
      if (handledByParent) return;
      if (t.isTaggedTemplateExpression(parent) || t.isUnaryExpression(parent, { operator: "delete" }) ||
          (t.isForXStatement(parent) && parent.left === node) || t.isArrayPattern(parent) || t.isRestElement(parent) ||
          (t.isAssignmentPattern(parent) && parent.left === node)) {
        throw unsupported(fnPath, node);
      }
      return get(keyOf(node));
    }
    if ((t.isCallExpression(node) || t.isOptionalCallExpression(node)) && isSuperMember(node.callee)) {
      const call = (method: t.Expression) =>
        t.callExpression(helpers.ref("superCall"), [method, t.thisExpression(), t.arrayExpression(node.arguments as t.Expression[])]);
      if (!(t.isOptionalCallExpression(node) && node.optional)) return call(get(keyOf(node.callee)));
      // super.m?.(a) → (_m = superGet(home, "m", this)) == null ? void 0 : superCall(_m, this, [a])
      const temp = rewrite.temp();
      return t.conditionalExpression(
        t.binaryExpression("==", t.assignmentExpression("=", temp, get(keyOf(node.callee))), t.nullLiteral()),
        t.unaryExpression("void", t.numericLiteral(0)),
        call(t.identifier(temp.name)),
      );
    }
    if (t.isAssignmentExpression(node) && isSuperMember(node.left)) return assignment(node);
    if (t.isUpdateExpression(node) && isSuperMember(node.argument)) {
      return t.callExpression(helpers.ref("superUpdate"), [
        rewrite.home(), keyOf(node.argument), t.thisExpression(),
        t.booleanLiteral(node.operator === "++"), t.booleanLiteral(node.prefix),
      ]);
    }
  };
  const assignment = (node: t.AssignmentExpression): t.Expression => {
    const member = node.left as t.MemberExpression;
    if (node.operator === "=") return set(keyOf(member), node.right);
    // Evaluate a computed key once: super[k()] += 1 → superSet(h, _k = k(), superGet(h, _k, this) + 1, this)
    let key = keyOf(member);
    let firstKey = key;
    if (member.computed && !t.isLiteral(key)) {
      const temp = rewrite.temp();
      firstKey = t.assignmentExpression("=", temp, key);
      key = t.identifier(temp.name);
    }
    const op = node.operator.slice(0, -1);
    if (op === "&&" || op === "||" || op === "??") {
      return t.logicalExpression(op, get(firstKey), set(t.cloneNode(key), node.right));
    }
    return set(firstKey, t.binaryExpression(op as t.BinaryExpression["operator"], get(t.cloneNode(key)), node.right));
  };
  // Destructuring targets are patterns: find them before any rewrite changes the tree.
  const rejectTargets = (node: t.Node): void => {
    if (t.isObjectPattern(node) && node.properties.some((p) => t.isObjectProperty(p) && isSuperMember(p.value))) {
      throw unsupported(fnPath, node);
    }
  };
  for (const root of [...fnPath.node.params, fnPath.node.body]) walkLexical(root, rejectTargets);
  for (const param of fnPath.node.params) walkLexical(param, visit);
  walkLexical(fnPath.node.body, visit);
}

function unsupported(path: NodePath, node: t.Node): Error {
  const where = node.loc ? ` (line ${node.loc.start.line})` : "";
  return errorAt(path, "UNSUPPORTED_SUPER",
    `this use of super${where} inside an async function (as a destructuring target, delete operand or tagged template) is not supported; read it into a local variable first.`);
}
