import type { NodePath, PluginObj, PluginPass } from "@babel/core";
import type { types as t } from "@babel/core";
import { lowerAsyncFunction } from "./async-function.js";
import { FileContext } from "./context.js";
import { errorAt } from "./errors.js";
import { resolveOptions } from "./options.js";
import { rejectTopLevelAwait } from "./top-level-await.js";

export { UnawaitError } from "./errors.js";
export type { PluginOptions } from "./options.js";

type State = PluginPass & { unawait?: FileContext };

/**
 * @unawait/babel-plugin — `plugins: ["@unawait"]`. Lowers every async function form to a
 * generator driven by @unawait/runtime. Inner functions are lowered before outer ones (on exit),
 * so an outer body moves into its generator with its inner functions already plain.
 */
export default function unawait(api: { assertVersion?: (range: number | string) => void }, rawOptions: unknown): PluginObj<State> {
  api.assertVersion?.("^7.22.0 || ^8.0.0-0");
  const options = resolveOptions(rawOptions);
  return {
    name: "unawait",
    visitor: {
      Program: {
        enter(path, state) {
          state.unawait = new FileContext(path, options);
        },
        exit(path, state) {
          state.unawait!.helpers.insert(path, options);
        },
      },
      Function: {
        exit(path, state) {
          if (path.node.async) lowerAsyncFunction(path, state.unawait!);
        },
      },
      AwaitExpression(path) {
        if (!path.getFunctionParent()) rejectTopLevelAwait(path);
      },
      ForOfStatement(path) {
        if (!path.node.await) return;
        if (!path.getFunctionParent()) rejectTopLevelAwait(path);
        throw errorAt(path as NodePath, "UNSUPPORTED_FOR_AWAIT",
          "for await…of is not supported yet; it arrives with the async-generator lowering.");
      },
    },
  };
}
