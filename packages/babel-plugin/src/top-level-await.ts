import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { FileContext } from "./context.js";
import { errorAt } from "./errors.js";
import { scanLexicalUses, walkLexical } from "./lexical.js";

/**
 * Top-level `await` cannot be lowered inside an ES module without changing what importers
 * observe (they wait for the module's evaluation). By default it is an error at its location.
 */
export function rejectTopLevelAwait(path: NodePath<t.AwaitExpression | t.ForOfStatement>, isModule: boolean): never {
  throw errorAt(path, "TOP_LEVEL_AWAIT", isModule
    ? "top-level await cannot be lowered in an ES module without changing when importers run. " +
      "Move it into an async function (a script or CommonJS file can use the option topLevelAwait: \"wrap\")."
    : "top-level await in a script or CommonJS file is only lowered with the option topLevelAwait: \"wrap\", " +
      "which runs the file's body in run(); or move it into an async function.");
}

/**
 * topLevelAwait: "wrap" — the body of a script or CommonJS file runs as one coroutine:
 *   const cfg = await load();            run(function* () {
 *   module.exports = cfg;          →       const cfg = yield load();
 *                                          module.exports = cfg;
 *                                        }, this, arguments);
 * Not exact, and reported in `file.metadata.unawait.warnings`: top-level declarations of a
 * script stop being globals, and a CommonJS file's exports set after the first await are not
 * there yet when `require` returns.
 */
export function wrapTopLevel(program: NodePath<t.Program>, ctx: FileContext, firstAwait: t.Node): void {
  const body = program.node.body;
  const generator = t.functionExpression(null, [], t.blockStatement(body), true, false);
  const visit = (node: t.Node): t.Node | void => {
    if (t.isAwaitExpression(node)) return t.yieldExpression(node.argument, false);
  };
  walkLexical(generator.body, visit);
  const uses = scanLexicalUses(generator);
  const args: t.Expression[] = [generator, t.thisExpression()];
  if (uses.arguments) args.push(t.identifier("arguments"));
  program.node.body = [t.expressionStatement(t.callExpression(ctx.helpers.ref("run"), args))];
  const hasDeclarations = body.some((s) => t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isVariableDeclaration(s));
  const where = firstAwait.loc ? { line: firstAwait.loc.start.line, column: firstAwait.loc.start.column } : undefined;
  ctx.warn("TOP_LEVEL_AWAIT_WRAPPED",
    "top-level await was wrapped in run(): code after the first await runs asynchronously, so a CommonJS file's " +
      "exports assigned after it are not there when require() returns" +
      (hasDeclarations ? ", and a script's top-level declarations are no longer globals" : "") + ".",
    where);
}
