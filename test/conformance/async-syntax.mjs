// Contract rule 1 for the transformed test: no async syntax may remain. The same walk as
// test/helpers/async-syntax.ts (kept in .mjs so the runner needs no TypeScript loader), plus
// `await using`, which is async syntax too.
import { parse } from "@babel/parser";

/** @returns {string[]} one "construct at line:column" entry per piece of async syntax in `code` */
export function findAsyncSyntax(code, sourceType) {
  const ast = parse(code, { sourceType, errorRecovery: false });
  const hits = [];
  const visit = (node) => {
    const at = (construct) => hits.push(`${construct} at ${node.loc.start.line}:${node.loc.start.column + 1}`);
    if (node.async === true) at(`async ${node.type}`);
    if (node.type === "AwaitExpression") at("await");
    if (node.type === "ForOfStatement" && node.await) at("for await");
    if (node.type === "VariableDeclaration" && node.kind === "await using") at("await using");
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      const child = node[key];
      if (Array.isArray(child)) for (const item of child) { if (item && typeof item.type === "string") visit(item); }
      else if (child && typeof child === "object" && typeof child.type === "string") visit(child);
    }
  };
  visit(ast.program);
  return hits;
}
