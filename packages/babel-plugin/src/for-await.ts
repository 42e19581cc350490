import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { FileContext } from "./context.js";

// Read once: `t.X` goes through @babel/core's re-export getters.
const VISITOR_KEYS = t.VISITOR_KEYS;

/**
 * for await…of, as ForIn/OfBodyEvaluation with iteratorKind async and AsyncIteratorClose
 * (the spec's steps in the comments):
 *
 *   for await (const x of xs) body;
 *   →
 *   {
 *     const _it = asyncIterator(xs);                           // GetIterator(xs, async)
 *     let _inBody = false;
 *     try {
 *       for (;;) {
 *         _inBody = false;
 *         const _step = iteratorResult(await _it.next());      // Call(next), Await, must be an object
 *         if (_step.done) break;                               // IteratorComplete
 *         const _value = _step.value;                          // IteratorValue
 *         _inBody = true;                                      // from here an abrupt exit closes
 *         const x = _value;
 *         { body }
 *       }
 *     } catch (_e) {                                           // throw completion: close, ignore its errors
 *       if (_inBody) { _inBody = false; yield* asyncIteratorClose(_it, true); }
 *       throw _e;
 *     } finally {                                              // break / return / outer continue
 *       if (_inBody) yield* asyncIteratorClose(_it, false);
 *     }
 *   }
 *
 * The `await` becomes a `yield` with the rest of the function; the `yield*`s are the
 * runtime's and are marked so the async-generator pass leaves them alone. Labels move to the
 * inner `for (;;)` so `continue label` still starts the next iteration.
 */
export function lowerForAwait(path: NodePath<t.ForOfStatement>, ctx: FileContext): void {
  const { left, right, body } = path.node;
  const fresh = (base: string) => t.identifier(ctx.names.fresh(base));
  const it = fresh("_it"), inBody = fresh("_inBody"), step = fresh("_step"), value = fresh("_value"), error = fresh("_e");
  const ref = (id: t.Identifier) => t.identifier(id.name);
  const helper = (name: string) => ctx.helpers.ref(name);
  const setInBody = (on: boolean) => t.expressionStatement(t.assignmentExpression("=", ref(inBody), t.booleanLiteral(on)));
  const close = (isThrow: boolean) => {
    const delegating = t.yieldExpression(t.callExpression(helper("asyncIteratorClose"), [ref(it), t.booleanLiteral(isThrow)]), true);
    ctx.runtimeYields.add(delegating);
    return t.expressionStatement(delegating);
  };

  const loopBody: t.Statement[] = [
    setInBody(false),
    t.variableDeclaration("const", [t.variableDeclarator(step,
      t.callExpression(helper("iteratorResult"), [t.awaitExpression(t.callExpression(t.memberExpression(ref(it), t.identifier("next")), []))]))]),
    t.ifStatement(t.memberExpression(ref(step), t.identifier("done")), t.breakStatement()),
    t.variableDeclaration("const", [t.variableDeclarator(value, t.memberExpression(ref(step), t.identifier("value")))]),
    setInBody(true),
    bindLeft(left, ref(value)),
    t.isBlockStatement(body) ? body : t.blockStatement([body]),
  ];
  let loop: t.Statement = t.forStatement(null, null, null, t.blockStatement(loopBody));
  // Move the labels from around the for-await onto the inner loop.
  let outer: NodePath = path;
  while (outer.parentPath?.isLabeledStatement()) {
    outer = outer.parentPath;
    loop = t.labeledStatement(t.identifier((outer.node as t.LabeledStatement).label.name), loop);
  }
  const lowered = t.blockStatement([
    ...getIterator(left, t.callExpression(helper("asyncIterator"), [right]), it),
    t.variableDeclaration("let", [t.variableDeclarator(inBody, t.booleanLiteral(false))]),
    t.tryStatement(
      t.blockStatement([loop]),
      t.catchClause(error, t.blockStatement([
        t.ifStatement(ref(inBody), t.blockStatement([setInBody(false), close(true)])),
        t.throwStatement(ref(error)),
      ])),
      t.blockStatement([t.ifStatement(ref(inBody), close(false))]),
    ),
  ]);
  outer.replaceWith(lowered);
}

/**
 * `const _it = asyncIterator(xs);` — except when the head names the loop's own let/const
 * bindings: natively they are in their temporal dead zone there (`for await (const x of x)`
 * throws a ReferenceError), so the head is evaluated in a block that declares them after it:
 *   let _it; { _it = asyncIterator(x); let x; }
 */
function getIterator(left: t.ForOfStatement["left"], init: t.Expression, it: t.Identifier): t.Statement[] {
  const declared = t.isVariableDeclaration(left) && left.kind !== "var" ? Object.keys(t.getBindingIdentifiers(left)) : [];
  const shadowed = declared.filter((name) => mentions(init, name));
  if (!shadowed.length) return [t.variableDeclaration("const", [t.variableDeclarator(it, init)])];
  return [
    t.variableDeclaration("let", [t.variableDeclarator(t.identifier(it.name))]),
    t.blockStatement([
      t.expressionStatement(t.assignmentExpression("=", t.identifier(it.name), init)),
      t.variableDeclaration("let", shadowed.map((name) => t.variableDeclarator(t.identifier(name)))),
    ]),
  ];
}

function mentions(node: t.Node, name: string): boolean {
  if (node.type === "Identifier" && node.name === name) return true;
  return (VISITOR_KEYS[node.type] ?? []).some((key) => {
    const child = (node as any)[key];
    return (Array.isArray(child) ? child : [child]).some((c) => c && typeof c.type === "string" && mentions(c, name));
  });
}

/** The loop's left-hand side bound to the value: a declaration (`const x`, `let {a}`, `var y`)
 *  or an assignment target (`obj.prop`, `[a, b]`). */
function bindLeft(left: t.ForOfStatement["left"], value: t.Expression): t.Statement {
  if (t.isVariableDeclaration(left)) {
    const [declarator] = left.declarations;
    return t.variableDeclaration(left.kind, [t.variableDeclarator(declarator!.id, value)]);
  }
  return t.expressionStatement(t.assignmentExpression("=", left as t.LVal, value));
}
