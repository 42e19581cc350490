import type { NodePath } from "@babel/core";
import { traverse, types as t } from "@babel/core";
import { asyncArrayCallback } from "./async-array-callback.js";
import { asyncPromiseExecutor } from "./async-promise-executor.js";
import { awaitInFinally } from "./await-in-finally.js";
import { awaitInLoop } from "./await-in-loop.js";
import { callbackErrorIgnored } from "./callback-error-ignored.js";
import { floatingPromise } from "./floating-promise.js";
import { PromiseKnowledge } from "./promise-knowledge.js";
import type { Rule, RuleContext } from "./rule.js";
import { unawaitedInTry } from "./unawaited-in-try.js";

export interface LintWarning {
  /** Rule id, e.g. "async-array-callback" (see LINT.md for the list). */
  code: string;
  /** One line: what happens, then what to do instead. */
  message: string;
  /** Where, as Babel counts: 1-based line, 0-based column. */
  loc?: { line: number; column: number };
}

/** The gotcha rules, one module each (LINT.md documents them with examples). */
export const RULES: readonly Rule[] = [
  asyncArrayCallback,
  awaitInLoop,
  unawaitedInTry,
  floatingPromise,
  awaitInFinally,
  asyncPromiseExecutor,
  callbackErrorIgnored,
];

/**
 * Runs the gotcha rules over the program as the user wrote it (the plugin calls this before any
 * lowering) in one traversal, and reports the warnings in source order.
 */
export function lintProgram(program: NodePath<t.Program>, report: (warning: LintWarning) => void): void {
  const warnings: LintWarning[] = [];
  const ctx: RuleContext = {
    knowledge: new PromiseKnowledge(),
    report(node, code, message) {
      const start = node.loc?.start;
      warnings.push({ code, message, loc: start ? { line: start.line, column: start.column } : undefined });
    },
  };
  program.traverse(traverse.visitors.merge(RULES.map((rule) => rule(ctx))));
  warnings.sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0));
  warnings.forEach(report);
}
