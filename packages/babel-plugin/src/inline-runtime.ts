import { parse, types as t } from "@babel/core";
import { inlineSource } from "@unawait/runtime/inline";

let cached: t.Expression | undefined;

/** `(() => { …the runtime… return { run, … }; })()` — parsed once per process, cloned per file. */
export function inlineRuntime(_names: string[]): t.Expression {
  if (!cached) {
    const ast = parse(`(${inlineSource})`, { configFile: false, babelrc: false, sourceType: "script" });
    const statement = ast!.program.body[0] as t.ExpressionStatement;
    cached = statement.expression;
  }
  return t.cloneNode(cached, true, true);
}
