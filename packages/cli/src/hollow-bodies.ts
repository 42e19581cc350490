import { types as t } from "@babel/core";
import { FUNCTION_TYPES, VISITOR_KEYS, scanStatement } from "./async-scan.js";
import type { Verbatim } from "./verbatim.js";

/** Printed only if a placeholder body outlived the transform (a plugin copied a function). */
const SENTINEL = "__unawait_hollow_body__";

/**
 * Inside a statement the plugin must see (it holds async syntax), the bodies of the functions with
 * no async syntax that are not inside an async function: a class's plain methods beside its async
 * ones, the helpers of a bundled module. The plugin never enters them: it lowers async functions
 * and inserts around them, and these neither are nor hold one; no binding it renames or captures
 * is visible in them (they are outside the async functions). So while Babel runs, each such body
 * is a placeholder, and Babel builds no paths or scopes for its nodes; the printer gets another one,
 * which the source body is pasted over (verbatim.ts).
 */
export class HollowBodies {
  private readonly swapped: { fn: t.Function; body: t.BlockStatement; placeholder: t.BlockStatement }[] = [];
  private readonly enabled: boolean;

  constructor(private readonly code: string) {
    this.enabled = !code.includes(SENTINEL);
  }

  /** The original bodies: their names still count for the plugin's name choices. */
  get bodies(): t.BlockStatement[] {
    return this.swapped.map((s) => s.body);
  }

  hollow(statement: t.Statement): void {
    if (this.enabled) this.visit(statement);
  }

  /** Puts the bodies back (the file goes to Babel whole after all). */
  restore(): void {
    for (const { fn, body } of this.swapped) fn.body = body;
  }

  /** Gives each function, instead of its placeholder, the one its source body is pasted over.
   *  False when a function lost its placeholder. */
  toVerbatim(verbatim: Verbatim): boolean {
    for (const { fn, placeholder } of this.swapped) if (fn.body !== placeholder) return false;
    for (const entry of this.swapped) entry.fn.body = verbatim.body(entry.body);
    return true;
  }

  /** Whether printed code is free of placeholders (a copy of a hollowed function would show one). */
  isWhole(output: string): boolean {
    return this.swapped.length === 0 || !output.includes(SENTINEL);
  }

  private visit(node: any): void {
    if (FUNCTION_TYPES.has(node.type)) {
      if (node.async) return; // the plugin's to lower, with everything in it
      if (node.body?.type === "BlockStatement" && !this.holdsAsyncSyntax(node)) {
        this.swap(node);
        return;
      }
    }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === "string") this.visit(c);
      } else if (child && typeof child.type === "string") this.visit(child);
    }
  }

  /** scanStatement checks the function's text for the two words before it walks anything. */
  private holdsAsyncSyntax(fn: t.Function): boolean {
    return scanStatement(fn as any, this.code).async;
  }

  private swap(fn: t.Function): void {
    const body = fn.body as t.BlockStatement;
    const placeholder = t.blockStatement([t.expressionStatement(t.identifier(SENTINEL))], body.directives);
    this.swapped.push({ fn, body, placeholder });
    fn.body = placeholder;
  }
}
