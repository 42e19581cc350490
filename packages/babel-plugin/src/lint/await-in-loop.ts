import type { NodePath } from "@babel/core";
import type { types as t } from "@babel/core";
import { awaitsWait, carriesAwaitedValue, exitDependsOnAwait, progressFromEffects, testDependsOnAwait } from "./loop-dependence.js";
import { awaitDerivedBindings } from "./loop-writes.js";
import { canAwait, collectOwn, containsOwn } from "./own-body.js";
import { isGlobal, propertyName } from "./promise-knowledge.js";
import type { Rule } from "./rule.js";

export const CODE = "await-in-loop";

const MESSAGE =
  "`await` in this loop makes each iteration wait for the previous one, so independent work runs one at a time. " +
  "If the iterations do not depend on each other, start them all and wait once: `await Promise.all(items.map(async (item) => …))` " +
  "(or cap the concurrency with a limiter).";

const COMBINATORS = new Set(["all", "allSettled", "any", "race"]);

/**
 * ESLint's no-await-in-loop — an `await` repeated by a loop, with `for await` bodies and nested
 * functions as boundaries — reported once per loop, at its first await that starts work, and only
 * when nothing suggests the serial order is wanted:
 *   - every await just collects an existing promise (`await p`) or a batch (`await Promise.all(…)`);
 *   - the loop waits: `await sleep(ms)`, `await delay(…)`, `await new Promise(…)` or a local
 *     function that only returns one (retry, polling, events);
 *   - a while-style loop not driven by a local variable: `while (queue.length)`, `for (;;)`;
 *   - the loop's test reads an awaited value (`while (!done) done = await step()`), or a
 *     variable written under a test on one (`if (!(await visit(x))) i--`);
 *   - an awaited call reads what an earlier iteration awaited (`cursor = (await page(cursor)).next`);
 *   - a `break`/`return`/`throw` depends on an awaited value, checks for cancellation
 *     (`if (this.closed) return`), or follows an await in a `try`.
 * What stays reported is loops over a collection doing the same independent-looking work per
 * item; when the order matters anyway (UI input, writes to one stream), the warning is noise.
 */
export const awaitInLoop: Rule = (ctx) => ({
  Loop(loop: NodePath<t.Loop>) {
    if ((loop.isForOfStatement() && loop.node.await) || !canAwait(loop)) return;
    const awaits = collectOwn(loop, (p) => p.isAwaitExpression() && repeatingLoop(p)?.node === loop.node) as NodePath<t.AwaitExpression>[];
    const working = awaits.filter(startsWork);
    if (working.length === 0 || awaitsWait(awaits, ctx.knowledge) || progressFromEffects(loop)) return;
    const derived = awaitDerivedBindings(loop);
    if (testDependsOnAwait(loop, derived) || carriesAwaitedValue(loop, working, derived) || exitDependsOnAwait(loop, derived)) return;
    ctx.report(working[0]!.node, CODE, MESSAGE);
  },
});

/** The innermost loop that evaluates `path` again on every iteration, up to a function or a `for await` body. */
function repeatingLoop(path: NodePath): NodePath<t.Loop> | null {
  let child = path;
  for (let parent = path.parentPath; parent && !parent.isFunction(); child = parent, parent = parent.parentPath) {
    if (parent.isForOfStatement() && parent.node.await && child.key === "body") return null;
    if (parent.isLoop() && isRepeatedPart(parent, child.key)) return parent;
  }
  return null;
}

function isRepeatedPart(loop: NodePath<t.Loop>, key: string | number | null): boolean {
  if (loop.isForStatement()) return key === "test" || key === "update" || key === "body";
  if (loop.isWhileStatement() || loop.isDoWhileStatement()) return key === "test" || key === "body";
  return key === "body";
}

/** An await that starts something: its operand calls or constructs, other than a Promise combinator. */
function startsWork(path: NodePath<t.AwaitExpression>): boolean {
  const operand = path.get("argument");
  if (operand.isCallExpression()) {
    const callee = operand.get("callee");
    if (callee.isMemberExpression() && isGlobal(callee.get("object"), "Promise") && COMBINATORS.has(propertyName(callee.node) ?? "")) {
      return false;
    }
  }
  return containsOwn(operand, (p) => p.isCallExpression() || p.isNewExpression() || p.isOptionalCallExpression());
}
