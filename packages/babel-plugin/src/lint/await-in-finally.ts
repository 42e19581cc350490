import type { NodePath } from "@babel/core";
import type { types as t } from "@babel/core";
import { canAwait, collectOwn, containsOwn } from "./own-body.js";
import { handlesRejection } from "./promise-handling.js";
import type { Rule } from "./rule.js";

export const CODE = "await-in-finally";

const MESSAGE =
  "If this `await` in `finally` rejects, its error replaces the one the `try` block may be throwing, which is then lost. " +
  "Guard the cleanup (`try { await cleanup() } catch (e) { report(e) }`), or keep both errors (`new AggregateError([original, e])`, or `{ cause }`).";

/**
 * `await` in a `finally` that runs while an error may be in flight — the `try` has no `catch`, or
 * its `catch` throws again — so a rejection there replaces that error (the article's "swallowing
 * errors in finally"). Not reported: an await guarded by its own try/catch inside the finally, or
 * one whose operand handles its rejection (`await close().catch(log)`). One report per finally.
 */
export const awaitInFinally: Rule = (ctx) => ({
  TryStatement(path) {
    const finalizer = path.get("finalizer") as NodePath;
    if (!finalizer.node || !canAwait(path) || !errorMayBeInFlight(path)) return;
    const awaits = collectOwn(finalizer, (p) => p.isAwaitExpression()) as NodePath<t.AwaitExpression>[];
    const exposed = awaits.find((a) => !handlesRejection(a.get("argument")) && !isGuarded(a, finalizer));
    if (exposed) ctx.report(exposed.node, CODE, MESSAGE);
  },
});

/** No catch, or a catch that throws (outside nested functions): the finally can run mid-throw. */
function errorMayBeInFlight(path: NodePath<t.TryStatement>): boolean {
  const handler = path.get("handler") as NodePath;
  return !handler.node || containsOwn(handler, (p) => p.isThrowStatement());
}

/** Inside a try block with a catch that lies within the finally itself. */
function isGuarded(path: NodePath, finalizer: NodePath): boolean {
  let child = path;
  for (let parent = path.parentPath; parent && parent.node !== finalizer.node; child = parent, parent = parent.parentPath) {
    if (parent.isTryStatement() && child.key === "block" && parent.node.handler) return true;
  }
  return false;
}
