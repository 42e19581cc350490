import type { NodePath } from "@babel/core";
import type { types as t } from "@babel/core";

export interface LintWarning {
  /** Rule id, e.g. "foreach-async". */
  code: string;
  message: string;
  loc?: { line: number; column: number };
}

/** Runs the gotcha rules over the untransformed program (placeholder until the rules land). */
export function lintProgram(_program: NodePath<t.Program>, _report: (warning: LintWarning) => void): void {}
