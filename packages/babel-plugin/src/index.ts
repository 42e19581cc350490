import type { NodePath, PluginObj, PluginPass } from "@babel/core";
import type { types as t } from "@babel/core";
import { lowerAsyncFunction } from "./async-function.js";
import { FileContext } from "./context.js";
import { lowerForAwait } from "./for-await.js";
import { lintProgram } from "./lint/index.js";
import { prepareConciseArrow } from "./placement.js";
import { resolveOptions } from "./options.js";
import { rejectTopLevelAwait, wrapTopLevel } from "./top-level-await.js";

export { UnawaitError } from "./errors.js";
export type { PluginOptions } from "./options.js";
export type { LintWarning } from "./lint/index.js";
export { lintProgram } from "./lint/index.js";

type State = PluginPass & { unawait?: FileContext };

/**
 * @unawait/babel-plugin — `plugins: ["@unawait"]`. Lowers every async function form to a
 * generator driven by @unawait/runtime. Inner functions are lowered before outer ones (on exit),
 * so an outer body moves into its generator with its inner functions already plain.
 */
/** The function whose `await` this is. Unlike getFunctionParent, a method's computed key and
 *  decorators belong to the code around the method, not to the method. */
function ownerFunction(path: NodePath): NodePath | null {
  let child: NodePath = path;
  for (let parent = path.parentPath; parent; child = parent, parent = parent.parentPath) {
    if (parent.isFunction() && child.key !== "key" && child.listKey !== "decorators") return parent;
  }
  return null;
}

/** A top-level await: an error in modules (and by default), wrapped in scripts on request. */
function topLevel(path: NodePath<t.AwaitExpression | t.ForOfStatement>, state: State): void {
  const ctx = state.unawait!;
  const isScript = ctx.program.node.sourceType === "script";
  if (ctx.options.topLevelAwait !== "wrap" || !isScript) rejectTopLevelAwait(path, !isScript);
  ctx.topLevelAwait ??= path.node;
}

export default function unawait(api: { assertVersion?: (range: number | string) => void }, rawOptions: unknown): PluginObj<State> {
  api.assertVersion?.("^7.22.0 || ^8.0.0-0");
  const options = resolveOptions(rawOptions);
  return {
    name: "unawait",
    manipulateOptions(_babelOptions: unknown, parserOptions: { allowAwaitOutsideFunction?: boolean }) {
      // A CommonJS file with top-level await only parses with this; wrapping makes it legal.
      if (options.topLevelAwait === "wrap") parserOptions.allowAwaitOutsideFunction = true;
    },
    visitor: {
      Program: {
        enter(path, state) {
          const ctx = (state.unawait = new FileContext(path, options));
          // Before any lowering: the rules read the code as the user wrote it.
          if (options.warnings) lintProgram(path, (w) => ctx.warn(w.code, w.message, w.loc));
        },
        exit(path, state) {
          const ctx = state.unawait!;
          if (ctx.topLevelAwait) wrapTopLevel(path, ctx, ctx.topLevelAwait);
          ctx.helpers.insert(path, options);
          (state.file.metadata as any).unawait = { warnings: ctx.warnings };
        },
      },
      ArrowFunctionExpression(path) {
        prepareConciseArrow(path);
      },
      Function: {
        exit(path, state) {
          if (path.node.async) lowerAsyncFunction(path, state.unawait!);
        },
      },
      AwaitExpression(path, state) {
        if (!ownerFunction(path)) topLevel(path, state);
      },
      ForOfStatement: {
        enter(path, state) {
          if (path.node.await && !ownerFunction(path)) topLevel(path, state);
        },
        exit(path, state) {
          if (path.node.await) lowerForAwait(path, state.unawait!);
        },
      },
    },
  };
}
