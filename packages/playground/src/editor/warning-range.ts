import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import type { EditorState } from "@codemirror/state";

export interface Loc {
  line: number;
  column: number;
}

/**
 * What to underline for a warning that carries only its start: the largest expression that
 * starts there (the call, the `await …`), never a whole statement, clipped to its first line so a
 * multi-line callback does not turn the editor yellow.
 */
export function warningRange(state: EditorState, loc: Loc): { from: number; to: number } {
  const doc = state.doc;
  const line = doc.line(Math.min(Math.max(loc.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(loc.column, 0), line.to);
  const tree = ensureSyntaxTree(state, doc.length, 50) ?? syntaxTree(state);
  let node = tree.resolveInner(from, 1);
  while (node.parent && node.parent.from === from && !node.parent.type.is("Statement") && node.parent.parent) node = node.parent;
  const to = Math.min(node.from === from ? node.to : from, line.to);
  if (to > from) return { from, to };
  // Nothing starts there: one character, the one before when the place is the end of the line.
  return from < line.to ? { from, to: from + 1 } : { from: Math.max(line.from, from - 1), to: from };
}
