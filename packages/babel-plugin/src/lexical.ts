import { types as t } from "@babel/core";

/** Called after a node's children (post-order); may return a replacement node. */
export type Visit = (node: t.Node, parent: t.Node, key: string, index: number | null) => t.Node | void;

// Read once: `t.X` goes through @babel/core's re-export getters, which shows in walks over every node.
const VISITOR_KEYS = t.VISITOR_KEYS;
const isReferenced = t.isReferenced;
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
  if (!intoArrows && node.type === "ArrowFunctionExpression") return;
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
  const type = node.type;
  if (type === "FunctionDeclaration" || type === "FunctionExpression" || type === "StaticBlock") return [];
  if (METHOD_TYPES.has(type) || FIELD_TYPES.has(type)) {
    return (node as any).computed ? ["decorators", "key"] : ["decorators"];
  }
  return VISITOR_KEYS[type] ?? [];
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
    const type = node.type;
    if (type === "ThisExpression") uses.this = true;
    else if (type === "Super") uses.super = true;
    else if (isArgumentsReference(node, parent)) uses.arguments = true;
    else if (type === "MetaProperty" && node.meta.name === "new") uses.newTarget = true;
    else if (type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "eval") uses.eval = true;
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
  return node.type === "Identifier" && node.name === "arguments" && (!parent || isReferenced(node, parent));
}
