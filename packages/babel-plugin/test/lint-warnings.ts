import { transformSync } from "@babel/core";
import plugin from "../src/index.js";
import type { LintWarning } from "../src/index.js";

/** The warnings the plugin reports for `code` with `warnings: true` (the code is also lowered). */
export function lintWarnings(code: string, filename = "code.js"): LintWarning[] {
  const result = transformSync(code, {
    configFile: false,
    babelrc: false,
    filename,
    plugins: [[plugin, { warnings: true, runtime: "import" }]],
  })!;
  return (result.metadata as unknown as { unawait: { warnings: LintWarning[] } }).unawait.warnings;
}
