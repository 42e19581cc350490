// Delta debugging over the program's Babel AST: remove chunks of statement/member/element lists
// (halving the chunk size down to one), then replace compound nodes by a part of themselves
// (an `if` by its branch, a loop or `try` by its block, `await x` by `x`, an operand by `0`),
// keeping each change only while the divergence persists, until nothing more can go.
import { parseSync, transformFromAstSync, types as t } from "@babel/core";

const PARSE = { sourceType: "script", configFile: false, babelrc: false };
const PRINT = { configFile: false, babelrc: false, cloneInputAst: false, code: true, ast: false, comments: true };
// Lists whose elements can go one by one without making the parent invalid by construction.
const LIST_KEYS = new Set(["body", "consequent", "properties", "elements", "arguments", "params", "directives"]);

function print(ast) {
  return transformFromAstSync(ast, undefined, PRINT).code;
}

function parses(code) {
  try {
    parseSync(code, PARSE);
    return true;
  } catch {
    return false;
  }
}

/** Every array of child nodes worth shrinking, outermost first. */
function lists(node, out = []) {
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = node[key];
    if (Array.isArray(child)) {
      if (LIST_KEYS.has(key) && child.length) out.push({ owner: node, key, list: child });
      for (const item of child) if (item) lists(item, out);
    } else if (child && typeof child.type === "string") {
      lists(child, out);
    }
  }
  return out;
}

// Never removed: `i++` opening a generated `while` body (what makes the loop end: without it the
// candidate hangs), and the label of a `log("label", …)` call (what makes a reproducer readable).
function isKept(owner, item) {
  if (owner.type === "BlockStatement") return item.type === "ExpressionStatement" && item.expression.type === "UpdateExpression";
  return owner.type === "CallExpression" && owner.callee.type === "Identifier" && owner.callee.name === "log" &&
    owner.arguments[0] === item && item.type === "StringLiteral";
}

/** Edits of one list: remove chunks of n/2, n/4, … 1 elements (a classic ddmin schedule). */
function* chunkRemovals({ owner, key, list }) {
  for (let size = Math.max(1, Math.floor(list.length / 2)); size >= 1; size = Math.floor(size / 2)) {
    for (let start = 0; start < list.length; start += size) {
      const removed = list.slice(start, start + size).filter((item) => !isKept(owner, item));
      if (!removed.length) continue;
      yield () => {
        const saved = list.slice();
        const keep = list.filter((item) => !removed.includes(item));
        list.splice(0, list.length, ...keep);
        return () => list.splice(0, list.length, ...saved);
      };
    }
    if (size === 1) break;
  }
}

/** Nodes replaceable by a smaller node: returns candidate replacements for `node`. */
function replacements(node, parentKey) {
  switch (node.type) {
    case "IfStatement":
      return [node.consequent, node.alternate].filter(Boolean);
    case "ForStatement":
    case "WhileStatement":
    case "DoWhileStatement":
    case "ForOfStatement":
    case "LabeledStatement":
      return [node.body];
    case "TryStatement":
      return [node.block];
    case "AwaitExpression":
      return [node.argument];
    case "ConditionalExpression":
      return [node.consequent, node.alternate];
    case "LogicalExpression":
      return [node.left, node.right];
    case "ObjectExpression":
    case "NewExpression":
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return parentKey === "callee" ? [] : [t.numericLiteral(0)];
    case "CallExpression":
      return parentKey === "expression" || parentKey === "callee" ? [] : [t.numericLiteral(0)];
    default:
      return [];
  }
}

/** Every single-node replacement in the tree, plus dropping a `catch` or a `finally` clause. */
function nodeEdits(root) {
  const edits = [];
  const visit = (node) => {
    for (const key of t.VISITOR_KEYS[node.type] ?? []) {
      const child = node[key];
      const slots = Array.isArray(child) ? child.map((_, i) => [child, i]) : [[node, key]];
      for (const [holder, slot] of slots) {
        const current = holder[slot];
        if (!current || typeof current.type !== "string") continue;
        for (const replacement of replacements(current, key)) {
          edits.push(() => {
            holder[slot] = replacement;
            return () => (holder[slot] = current);
          });
        }
        if (current.type === "TryStatement") edits.push(...clauseDrops(current));
        visit(current);
      }
    }
  };
  visit(root);
  return edits;
}

function clauseDrops(node) {
  const drops = [];
  if (node.handler && node.finalizer) {
    const handler = node.handler;
    drops.push(() => ((node.handler = null), () => (node.handler = handler)));
  }
  if (node.finalizer && node.handler) {
    const finalizer = node.finalizer;
    drops.push(() => ((node.finalizer = null), () => (node.finalizer = finalizer)));
  }
  return drops;
}

/**
 * @param {string} code a program whose divergence `stillDiverges` confirms
 * @param {(code: string) => Promise<boolean>} stillDiverges
 * @param {{ maxTests?: number, onProgress?: (info: { tests: number, size: number }) => void }} options
 * @returns {Promise<{ code: string, tests: number }>}
 */
export async function minimize(code, stillDiverges, { maxTests = 4000, onProgress } = {}) {
  const ast = parseSync(code, PARSE);
  let best = print(ast);
  let tests = 0;
  const attempt = async (edit) => {
    if (tests >= maxTests) return false;
    const undo = edit();
    const candidate = print(ast);
    if (candidate.length < best.length && parses(candidate)) {
      tests++;
      if (await stillDiverges(candidate)) {
        best = candidate;
        onProgress?.({ tests, size: best.length });
        return true;
      }
    }
    undo();
    return false;
  };
  for (let progress = true; progress && tests < maxTests; ) {
    progress = false;
    for (const entry of lists(ast.program)) {
      for (const edit of chunkRemovals(entry)) if (await attempt(edit)) progress = true;
    }
    for (const edit of nodeEdits(ast.program)) if (await attempt(edit)) progress = true;
  }
  return { code: best, tests };
}
