import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import { CHAIN_METHODS, propertyName } from "./promise-knowledge.js";
import { describeCall, discardedValues, enclosingTryWithCatch, handlesRejection } from "./promise-handling.js";
import type { Rule, RuleContext } from "./rule.js";

export const CODE = "unawaited-in-try";

/**
 * A promise made inside `try { … } catch` and not awaited there: the block finishes before the
 * promise settles, so the `catch` can only see synchronous throws (typescript-eslint's
 * return-await "in-try-catch" for the `return` case). Three shapes:
 *
 *   try { save(x); } catch …             the promise is dropped
 *   try { return save(x); } catch …      (async functions) the caller gets it, this catch never does
 *   try { const r = save(x); r.id } …    the variable holds a promise that nothing awaits
 */
export const unawaitedInTry: Rule = (ctx) => ({
  ExpressionStatement(statement) {
    if (!enclosingTryWithCatch(statement)) return;
    for (const value of discardedValues(statement.get("expression"))) {
      if (isUnhandledPromise(value, ctx)) ctx.report(value.node, CODE, droppedMessage(value));
    }
  },
  ReturnStatement(statement) {
    // Only async functions: a plain function returning a promise from `try` hands it to a caller
    // that expects one, and its catch is there for synchronous throws.
    const argument = statement.get("argument") as NodePath;
    if (!argument.node || !isInAsyncFunction(statement) || !enclosingTryWithCatch(statement)) return;
    if (isUnhandledPromise(argument, ctx)) ctx.report(argument.node, CODE, returnedMessage(argument));
  },
  VariableDeclarator(declarator) {
    const id = declarator.node.id;
    const init = declarator.get("init") as NodePath;
    if (!t.isIdentifier(id) || !init.node || !enclosingTryWithCatch(declarator) || !isUnhandledPromise(init, ctx)) return;
    const binding = declarator.scope.getBinding(id.name);
    if (!binding?.constant || binding.referencePaths.some(usedAsPromise)) return;
    ctx.report(init.node, CODE, storedMessage(id.name, init));
  },
});

function isUnhandledPromise(path: NodePath, ctx: RuleContext): boolean {
  return ctx.knowledge.mayReject(path) && !handlesRejection(path);
}

/** A use that keeps the promise a promise: awaited, returned, passed on, chained, stored. */
function usedAsPromise(ref: NodePath): boolean {
  const parent = ref.parentPath!;
  if (parent.isAwaitExpression() || parent.isReturnStatement() || parent.isYieldExpression() || parent.isArrowFunctionExpression()) return true;
  if ((parent.isCallExpression() || parent.isNewExpression() || parent.isOptionalCallExpression()) && ref.listKey === "arguments") return true;
  if (parent.isArrayExpression() || parent.isObjectProperty() || parent.isSpreadElement()) return true;
  if (parent.isAssignmentExpression() || parent.isVariableDeclarator()) return true;
  return (parent.isMemberExpression() || parent.isOptionalMemberExpression()) && ref.key === "object" && CHAIN_METHODS.has(propertyName(parent.node) ?? "");
}

function isInAsyncFunction(path: NodePath): boolean {
  return path.getFunctionParent()?.node.async ?? false;
}

function droppedMessage(value: NodePath): string {
  const call = describeCall(value.node);
  const fn = value.getFunctionParent();
  const fix = !fn || fn.node.async ? `Await it (\`await ${call}\`)` : "Make the function async and await it";
  return `\`${call}\` is not awaited inside \`try\`, so the \`catch\` never sees its rejection: the block is over before the promise settles, and the rejection goes unhandled. ` +
    `${fix}, or attach \`.catch(…)\` if it should run in the background.`;
}

function returnedMessage(argument: NodePath): string {
  const call = describeCall(argument.node);
  return `\`return ${call}\` inside \`try\` hands the promise back before it settles, so this \`catch\` never sees its rejection. ` +
    `Use \`return await ${call}\` to handle it here.`;
}

function storedMessage(name: string, init: NodePath): string {
  const call = describeCall(init.node);
  return `\`${name}\` holds the promise \`${call}\` returns, not its result, and it is never awaited inside \`try\`: the \`catch\` never sees its rejection. ` +
    `Await the call: \`const ${name} = await ${call}\`.`;
}
