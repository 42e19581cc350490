import { parseSync, traverse, types as t } from "@babel/core";

/** A place where a function can pause: `await x`, `for await`, or `yield` in an async generator. */
export interface SuspensionPoint {
  from: number;
  to: number;
  /** Where the first token that survives lowering starts (see anchorOf). */
  anchor: number;
  /** How many suspensions are stacked in front of the anchor: `await (await x)` has 1. */
  stacked: number;
}

const PARSE = { babelrc: false, configFile: false, browserslistConfigFile: false, cwd: "/", envName: "playground" } as const;

/**
 * The suspension points of the async source. `anchor` skips nested awaits: in `await (await x)`
 * both anchor at `x`, the outer one with stacked = 1 — that is how they stay apart after
 * lowering, where the yields carry no position of their own but their operands do.
 */
export function sourceSuspensions(code: string): SuspensionPoint[] {
  const points: SuspensionPoint[] = [];
  traverse(parse(code), {
    AwaitExpression(path) {
      points.push(point(path.node, path.node.argument));
    },
    YieldExpression(path) {
      if (path.getFunctionParent()?.node.async) points.push(point(path.node, path.node.argument));
    },
    ForOfStatement(path) {
      // The head is the suspension: each step of the loop awaits the iterator's next().
      if (path.node.await) points.push({ ...point(path.node, path.node.right), to: path.node.body.start! });
    },
  });
  return points.sort((a, b) => a.from - b.from);
}

/** The yields of the generated code, the same way. */
export function generatedSuspensions(code: string): SuspensionPoint[] {
  const points: SuspensionPoint[] = [];
  traverse(parse(code), {
    YieldExpression(path) {
      points.push(point(path.node, path.node.argument));
    },
  });
  return points.sort((a, b) => a.from - b.from);
}

function parse(code: string) {
  const ast = parseSync(code, { ...PARSE, sourceType: "module" });
  if (!ast) throw new Error("could not parse");
  return ast;
}

function point(node: t.Node, operand: t.Node | null | undefined): SuspensionPoint {
  const { anchor, stacked } = anchorOf(operand, node.end!);
  return { from: node.start!, to: node.end!, anchor, stacked };
}

function anchorOf(operand: t.Node | null | undefined, fallback: number): { anchor: number; stacked: number } {
  let stacked = 0;
  let node = operand;
  while (node && (t.isAwaitExpression(node) || t.isYieldExpression(node)) && node.argument) {
    node = node.argument;
    stacked++;
  }
  return { anchor: node?.start ?? fallback, stacked };
}
