import { types as t } from "@babel/core";

/** What a plain walk found in a subtree. */
export interface AsyncScan {
  /** An async function, `await`, `for await` or `await using`: the plugin has work there. */
  async: boolean;
  /** One of the await forms outside every function: the plugin reads (or rewraps) the whole file. */
  topLevelAwait: boolean;
}

// Read once: every `t.X` of @babel/types is a getter, too slow for a walk over every node.
export const VISITOR_KEYS = t.VISITOR_KEYS;
export const FUNCTION_TYPES = new Set(t.FLIPPED_ALIAS_KEYS.Function);

/** Scans a top-level statement of `code` without Babel's traverse (no paths, no scopes: the point
 *  is not to pay for them on statements the plugin will not touch). */
export function scanStatement(statement: t.Statement, code: string): AsyncScan {
  const found: AsyncScan = { async: false, topLevelAwait: false };
  // Each form is spelled with one of the two words, and an escaped keyword is no keyword: most
  // statements of a large file are settled without a walk.
  const text = code.slice(statement.start ?? 0, statement.end ?? code.length);
  if (text.includes("async") || text.includes("await")) walk(statement, false, found);
  return found;
}

function walk(node: any, inFunction: boolean, found: AsyncScan): void {
  // Inside a function no await form is top-level: once the statement is known to be async,
  // function bodies have nothing left to tell.
  if (inFunction && found.async) return;
  if (isAwaitForm(node)) {
    found.async = true;
    if (!inFunction) found.topLevelAwait = true;
  }
  const isFunction = FUNCTION_TYPES.has(node.type);
  if (isFunction && node.async) found.async = true;
  for (const key of VISITOR_KEYS[node.type] ?? []) {
    const child = node[key];
    // A method's computed key and decorators are evaluated outside it: an await there is top-level.
    const inner = inFunction || (isFunction && key !== "key" && key !== "decorators");
    if (Array.isArray(child)) {
      for (const c of child) if (c && typeof c.type === "string") walk(c, inner, found);
    } else if (child && typeof child.type === "string") walk(child, inner, found);
  }
}

function isAwaitForm(node: any): boolean {
  return (
    node.type === "AwaitExpression" ||
    (node.type === "ForOfStatement" && node.await === true) ||
    (node.type === "VariableDeclaration" && node.kind === "await using")
  );
}
