import { types as t } from "@babel/core";

/** Called after a node's children (post-order); may return a replacement node. */
export type Visit = (node: t.Node, parent: t.Node, key: string, index: number | null) => t.Node | void;

const METHOD_TYPES = new Set(["ObjectMethod", "ClassMethod", "ClassPrivateMethod"]);
const FIELD_TYPES = new Set(["ClassProperty", "ClassPrivateProperty", "ClassAccessorProperty"]);

/**
 * Walks the code that shares a function's lexical context: `this`, `arguments`, `new.target`,
 * `super` and `await` mean the same thing there as in the function itself. That is everything
 * except the insides of nested non-arrow functions, methods, field initialisers and static
 * blocks — but including the computed keys of nested methods and fields, which are evaluated
 * in the enclosing context.
 */
export function walkLexical(root: t.Node, visit: Visit): void {
  walkChildren(root, visit, true);
}

/** Like walkLexical, but arrows are boundaries too: what a `return` statement belongs to. */
export function walkOwnBody(root: t.Node, visit: Visit): void {
  walkChildren(root, visit, false);
}

function walkChildren(node: t.Node, visit: Visit, intoArrows: boolean): void {
  if (!intoArrows && t.isArrowFunctionExpression(node)) return;
  const keys = childKeys(node);
  for (const key of keys) {
    const value = (node as any)[key];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child = value[i];
        if (child && typeof child.type === "string") {
          walkChildren(child, visit, intoArrows);
          const replacement = visit(child, node, key, i);
          if (replacement) value[i] = replacement;
        }
      }
    } else if (value && typeof value.type === "string") {
      walkChildren(value, visit, intoArrows);
      const replacement = visit(value, node, key, null);
      if (replacement) (node as any)[key] = replacement;
    }
  }
}

function childKeys(node: t.Node): readonly string[] {
  if (t.isFunctionDeclaration(node) || t.isFunctionExpression(node) || t.isStaticBlock(node)) return [];
  if (METHOD_TYPES.has(node.type) || FIELD_TYPES.has(node.type)) {
    return (node as any).computed ? ["decorators", "key"] : ["decorators"];
  }
  return t.VISITOR_KEYS[node.type] ?? [];
}

export interface LexicalUses {
  this: boolean;
  arguments: boolean;
  newTarget: boolean;
  super: boolean;
  /** A direct `eval(...)` can reach every binding; we then pass everything. */
  eval: boolean;
}

/** What a function body (and its parameters) reads from its lexical context. */
export function scanLexicalUses(fn: t.Function): LexicalUses {
  const uses: LexicalUses = { this: false, arguments: false, newTarget: false, super: false, eval: false };
  const note = (node: t.Node, parent?: t.Node): void => {
    if (t.isThisExpression(node)) uses.this = true;
    else if (t.isSuper(node)) uses.super = true;
    else if (isArgumentsReference(node, parent)) uses.arguments = true;
    else if (t.isMetaProperty(node) && node.meta.name === "new") uses.newTarget = true;
    else if (t.isCallExpression(node) && t.isIdentifier(node.callee, { name: "eval" })) uses.eval = true;
  };
  for (const param of fn.params) {
    walkLexical(param, note);
    note(param, fn);
  }
  walkLexical(fn.body, note);
  note(fn.body, fn);
  return uses;
}

/** `arguments` used as a variable (not `o.arguments` or `{ arguments: 1 }`). */
export function isArgumentsReference(node: t.Node, parent: t.Node | undefined): node is t.Identifier {
  return t.isIdentifier(node, { name: "arguments" }) && (!parent || t.isReferenced(node, parent));
}
