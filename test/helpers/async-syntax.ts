import { parse } from "@babel/parser";

export interface AsyncSyntaxHit {
  construct: string;
  line: number;
  column: number;
}

/** Every piece of async syntax left in `code` (contract rule 1: none may remain after the
 *  transform). Walks the AST generically so it needs no traverse dependency. */
export function findAsyncSyntax(code: string, sourceType: "module" | "script" | "unambiguous" = "unambiguous"): AsyncSyntaxHit[] {
  const ast = parse(code, {
    sourceType,
    plugins: ["jsx", "typescript"],
    allowReturnOutsideFunction: true,
    errorRecovery: false,
  });
  const hits: AsyncSyntaxHit[] = [];
  const visit = (node: any): void => {
    if (!node || typeof node.type !== "string") return;
    const at = (construct: string) =>
      hits.push({ construct, line: node.loc.start.line, column: node.loc.start.column + 1 });
    if (node.async === true) at(`async ${node.type}`);
    if (node.type === "AwaitExpression") at("await");
    if (node.type === "ForOfStatement" && node.await) at("for await");
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments") continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === "object" && typeof child.type === "string") visit(child);
    }
  };
  visit(ast.program);
  return hits;
}
