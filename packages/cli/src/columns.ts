import stringWidth from "string-width";
import type { Colors } from "./colors.js";

export interface Column {
  title: string;
  text: string;
  /** Colours words of a line (after wrapping), e.g. the async keywords. */
  highlight?: (text: string) => string;
}

/** One row: the 0-based line shown on each side (undefined: blank), and a flag drawn between. */
export interface Row {
  left?: number;
  right?: number;
  /** Marks the row (compare's first difference): ">" between the columns, in red. */
  flag?: boolean;
}

/** A piece of one column on one row: a (possibly blank) line number and at most a column of text. */
interface Cell {
  gutter: string;
  text: string;
  /** The text with colours; `text` alone counts for the width. */
  shown?: string;
}

const SEPARATOR = " | ";
const FLAG = " > ";
const MIN_WIDTH = 40;
const TAB = "  ";

/** Two texts side by side, each line numbered, long lines wrapped inside their column. Lines are
 *  paired by index unless `rows` says which line goes beside which (explain: by source map).
 *  Widths are display columns: a CJK character or an emoji takes two. */
export function sideBySide(left: Column, right: Column, totalWidth: number, c: Colors, rows?: Row[]): string {
  const width = Math.floor((Math.max(totalWidth, MIN_WIDTH) - SEPARATOR.length) / 2);
  const leftLines = linesOf(left.text);
  const rightLines = linesOf(right.text);
  const digits = String(Math.max(leftLines.length, rightLines.length)).length;
  const render = (l: Cell | undefined, r: Cell | undefined, style?: (s: string) => string, flag = false) =>
    (cell(l, width, c, style) + (flag ? c.red(c.bold(FLAG)) : c.dim(SEPARATOR)) + cell(r, width, c, style)).trimEnd();

  const out = [
    render({ gutter: "", text: fit(left.title, width) }, { gutter: "", text: fit(right.title, width) }, c.bold),
    render({ gutter: "", text: "-".repeat(width) }, { gutter: "", text: "-".repeat(width) }, c.dim),
  ];
  for (const row of rows ?? byIndex(leftLines.length, rightLines.length)) {
    const l = wrap(row.left === undefined ? undefined : leftLines[row.left], (row.left ?? 0) + 1, digits, width, left.highlight);
    const r = wrap(row.right === undefined ? undefined : rightLines[row.right], (row.right ?? 0) + 1, digits, width, right.highlight);
    for (let k = 0; k < Math.max(l.length, r.length, 1); k++) out.push(render(l[k], r[k], undefined, row.flag === true && k === 0));
  }
  return out.join("\n") + "\n";
}

function byIndex(leftCount: number, rightCount: number): Row[] {
  return Array.from({ length: Math.max(leftCount, rightCount) }, (_, i) => ({
    left: i < leftCount ? i : undefined,
    right: i < rightCount ? i : undefined,
  }));
}

function linesOf(text: string): string[] {
  const lines = text.replace(/\t/g, TAB).split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** One source line as cells of at most `width` characters; only the first carries the number. */
function wrap(line: string | undefined, number: number, digits: number, width: number, highlight?: (s: string) => string): Cell[] {
  if (line === undefined) return [];
  const room = Math.max(2, width - digits - 1);
  return chunks(line, room).map((text, i) => {
    const label = i === 0 ? String(number).padStart(digits) : " ".repeat(digits);
    return { gutter: `${label} `, text, shown: highlight?.(text) };
  });
}

/** The line cut into pieces of at most `room` display columns (at least one piece, maybe empty). */
function chunks(line: string, room: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const char of line) {
    const w = stringWidth(char);
    if (used + w > room) {
      pieces.push(piece);
      piece = "";
      used = 0;
    }
    piece += char;
    used += w;
  }
  pieces.push(piece);
  return pieces;
}

function fit(text: string, width: number): string {
  return stringWidth(text) > width ? `${chunks(text, width - 1)[0]}…` : text;
}

function cell(value: Cell | undefined, width: number, c: Colors, style = (s: string) => s): string {
  const { gutter, text, shown } = value ?? { gutter: "", text: "" };
  const padding = " ".repeat(Math.max(0, width - gutter.length - stringWidth(text)));
  return (gutter ? c.dim(gutter) : "") + (text ? style(shown ?? text) : "") + padding;
}
