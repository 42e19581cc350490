// Contract rule 1: no async syntax may remain after the transform — verified by parsing the
// output. One walk for every suite (plain .mjs so the test262 workers need no TypeScript loader).
import { parse } from "@babel/parser";

/**
 * Every piece of async syntax left in `code`.
 * @param {string} code
 * @param {"module" | "script" | "unambiguous"} [sourceType]
 * @param {string[]} [plugins] parser plugins (default: JSX and TypeScript, for the CLI's languages)
 * @returns {{ construct: string, line: number, column: number }[]} column is 1-based
 */
export function findAsyncSyntax(code, sourceType = "unambiguous", plugins = ["jsx", "typescript"]) {
  const ast = parse(code, { sourceType, plugins, allowReturnOutsideFunction: true, errorRecovery: false });
  const hits = [];
  const visit = (node) => {
    const at = (construct) => hits.push({ construct, line: node.loc.start.line, column: node.loc.start.column + 1 });
    if (node.async === true) at(`async ${node.type}`);
    if (node.type === "AwaitExpression") at("await");
    if (node.type === "ForOfStatement" && node.await) at("for await");
    if (node.type === "VariableDeclaration" && node.kind === "await using") at("await using");
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item.type === "string") visit(item);
      } else if (child && typeof child === "object" && typeof child.type === "string") visit(child);
    }
  };
  visit(ast.program);
  return hits;
}
