import { types as t } from "@babel/core";
import type { SourceMap } from "./source-maps.js";
import { lineOf, pastedMap, sourceLineStarts, type Edit } from "./verbatim-map.js";

/** Code that holds this cannot be split (its own text could pass for a placeholder). */
export const VERBATIM_PREFIX = "__unawait_verbatim_";
const PLACEHOLDER = /__unawait_verbatim_(\d+)__/g;

interface Piece {
  start: number;
  end: number;
  kind: "statement" | "body";
  /** The `;` to add when printed code that could continue it follows (see `continues`). */
  suffix: string;
  pasted: boolean;
}

export interface Printed {
  code: string;
  /** The generator's map, decoded, without any input map applied. */
  decodedMap?: { sources: (string | null)[]; sourcesContent?: (string | null)[]; names: string[]; mappings: number[][][] };
}

export interface PasteOptions {
  path: string;
  code: string;
  sourceMaps: boolean;
  inputMap?: SourceMap;
}

/**
 * The statements and function bodies the plugin never changes are not printed: the printer gets
 * a numbered placeholder for each (`__unawait_verbatim_3__;`, or a body holding only that) and
 * the source text is pasted over it. Printing is a large part of a transform, and the code the
 * plugin did not touch keeps its formatting. Comments attached to a left-out statement (outside
 * its text) go on its placeholder, so the printer places them exactly as it would have.
 */
export class Verbatim {
  private readonly pieces: Piece[] = [];

  constructor(private readonly code: string) {}

  /** With a `range`, the text pasted is that range (a chunk the parser never saw, chunks.ts) and
   *  `original` is the statement that stood in for it in the parse. */
  statement(original: t.Statement, range?: { start: number; end: number }): t.ExpressionStatement {
    const placeholder = standIn(t.expressionStatement(t.identifier(this.add(original, "statement", range))), original);
    if (range && original.loc) {
      // The printer places the comments after it by its last line.
      placeholder.loc = { ...original.loc, end: this.positionAt(range.end) };
      placeholder.end = range.end;
    }
    return placeholder;
  }

  body(original: t.BlockStatement): t.BlockStatement {
    return standIn(t.blockStatement([t.expressionStatement(t.identifier(this.add(original, "body")))]), original);
  }

  /** The printed code with the source pasted over every placeholder; null if a placeholder is
   *  missing, doubled or printed in a form not expected (a plugin moved or copied it). */
  paste(printed: Printed, options: PasteOptions): { code: string; map?: SourceMap } | null {
    const edits = this.edits(printed.code);
    if (!edits) return null;
    let code = "";
    let last = 0;
    for (const edit of edits) {
      code += printed.code.slice(last, edit.from) + edit.text;
      last = edit.to;
    }
    code += printed.code.slice(last);
    if (!options.sourceMaps || !printed.decodedMap) return { code };
    return { code, map: pastedMap(printed.code, printed.decodedMap, edits, code, options) };
  }

  private add(node: t.Node, kind: Piece["kind"], range?: { start: number; end: number }): string {
    const start = range?.start ?? node.start!;
    const end = range?.end ?? node.end!;
    const text = this.code.slice(start, end);
    // A chunk's text may end in a line comment (at the end of the file): its `;` goes below.
    const suffix = kind !== "statement" || text.endsWith(";") ? "" : range ? "\n;" : ";";
    this.pieces.push({ start, end, kind, suffix, pasted: false });
    return `${VERBATIM_PREFIX}${this.pieces.length - 1}__`;
  }

  private lineStarts?: number[];

  /** A position as the parser gives it: 1-based line, 0-based column, UTF-16 index. */
  private positionAt(index: number): t.SourceLocation["end"] {
    this.lineStarts ??= sourceLineStarts(this.code);
    const line = lineOf(this.lineStarts, index);
    return { line: line + 1, column: index - this.lineStarts[line], index };
  }

  private edits(printed: string): Edit[] | null {
    const edits: Edit[] = [];
    for (const match of printed.matchAll(PLACEHOLDER)) {
      const piece = this.pieces[Number(match[1])];
      if (!piece || piece.pasted) return null;
      piece.pasted = true;
      const range = placeholderRange(printed, match.index, match[0].length, piece.kind);
      if (!range) return null;
      const suffix = continues(printed, range.to) ? piece.suffix : "";
      edits.push({ ...range, text: this.code.slice(piece.start, piece.end) + suffix, source: piece.start });
    }
    return this.pieces.every((piece) => piece.pasted) ? edits : null;
  }
}

/** The comments around `original` and its place: the printer puts a comment on a line of its own
 *  or beside the code by comparing their lines. */
function standIn<T extends t.Node>(placeholder: T, original: t.Node): T {
  placeholder.leadingComments = original.leadingComments;
  placeholder.trailingComments = original.trailingComments;
  placeholder.loc = original.loc;
  placeholder.start = original.start;
  placeholder.end = original.end;
  return placeholder;
}

/** Where the printer put a placeholder: `NAME;`, or `{ NAME; }` across lines for a body. */
function placeholderRange(printed: string, at: number, length: number, kind: Piece["kind"]): { from: number; to: number } | null {
  let to = at + length;
  if (printed[to++] !== ";") return null;
  if (kind === "statement") return { from: at, to };
  let from = at;
  while (from > 0 && /\s/.test(printed[from - 1])) from--;
  while (to < printed.length && /\s/.test(printed[to])) to++;
  return printed[from - 1] === "{" && printed[to] === "}" ? { from: from - 1, to: to + 1 } : null;
}

/**
 * Whether the printed code at `at` could continue a statement the source ended by ASI (`x = f\n`
 * then `(…)` would call `f`). The pasted text then gets a `;`: harmless after a declaration too,
 * where it is an empty statement. Printed statements start with a word otherwise.
 */
function continues(printed: string, at: number): boolean {
  const next = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*([^])/.exec(printed.slice(at))?.[1];
  return next !== undefined && "([`+-/<".includes(next);
}
