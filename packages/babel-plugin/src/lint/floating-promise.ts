import { describeCall, discardedValues, enclosingTryWithCatch, handlesRejection, isVoided } from "./promise-handling.js";
import type { Rule } from "./rule.js";

export const CODE = "floating-promise";

/**
 * A promise dropped by an expression statement without a rejection handler (typescript-eslint's
 * no-floating-promises, limited to what the file shows is a promise). Handled forms:
 * `p.catch(h)`, `p.then(ok, h)`, `void p.catch(h)`. Unlike typescript-eslint's default, a bare
 * `void p` is still reported: it says "not waiting" but leaves the rejection unhandled. Inside
 * `try { … } catch` the unawaited-in-try rule reports instead, with the reason that matters there.
 */
export const floatingPromise: Rule = (ctx) => ({
  ExpressionStatement(statement) {
    if (enclosingTryWithCatch(statement)) return;
    for (const value of discardedValues(statement.get("expression"))) {
      if (!ctx.knowledge.mayReject(value) || handlesRejection(value)) continue;
      const call = describeCall(value.node);
      const fix = `\`void ${call}.catch(reportError)\``;
      const message = isVoided(value, statement)
        ? `\`void\` drops the promise \`${call}\` returns but does not handle its rejection, which stays unhandled (in Node that ends the process). ` +
          `Attach a handler: ${fix}.`
        : `The promise \`${call}\` returns is dropped: nothing waits for it, and if it rejects the rejection is unhandled (in Node that ends the process). ` +
          `Await it, or if it should run in the background, handle its failure: ${fix}.`;
      ctx.report(value.node, CODE, message);
    }
  },
});
