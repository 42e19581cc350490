import type { Visitor } from "@babel/core";
import type { types as t } from "@babel/core";
import type { PromiseKnowledge } from "./promise-knowledge.js";

/** What every rule gets: the file's promise knowledge and a way to report at a node. */
export interface RuleContext {
  knowledge: PromiseKnowledge;
  /** `message` is one line: what happens, then what to do instead. */
  report(node: t.Node, code: string, message: string): void;
}

/** A rule is a visitor factory; lintProgram merges all of them into one traversal. */
export type Rule = (ctx: RuleContext) => Visitor;
