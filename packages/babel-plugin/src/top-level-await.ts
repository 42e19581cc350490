import type { NodePath } from "@babel/core";
import type { types as t } from "@babel/core";
import { errorAt } from "./errors.js";

/**
 * Top-level `await` cannot be lowered inside an ES module without changing what importers
 * observe (they wait for the module's evaluation). By default it is an error at its location.
 */
export function rejectTopLevelAwait(path: NodePath<t.AwaitExpression | t.ForOfStatement>): never {
  throw errorAt(path, "TOP_LEVEL_AWAIT",
    "top-level await cannot be lowered in an ES module without changing when importers run. " +
      "Move it into an async function, or for a script/CommonJS file set the option topLevelAwait: \"wrap\".");
}
