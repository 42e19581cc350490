import type { Colors } from "./colors.js";

export interface Column {
  title: string;
  text: string;
}

/** A piece of one column on one row: a (possibly blank) line number and at most a column of text. */
interface Cell {
  gutter: string;
  text: string;
}

const SEPARATOR = " | ";
const MIN_WIDTH = 40;
const TAB = "  ";

/** Two texts side by side, each line numbered, long lines wrapped inside their column.
 *  Lines are paired by index for now; aligning them by source map is a later step.
 *  Widths count UTF-16 code units, so wide characters (CJK, emoji) can push a row out of line. */
export function sideBySide(left: Column, right: Column, totalWidth: number, c: Colors): string {
  const width = Math.floor((Math.max(totalWidth, MIN_WIDTH) - SEPARATOR.length) / 2);
  const leftLines = linesOf(left.text);
  const rightLines = linesOf(right.text);
  const digits = String(Math.max(leftLines.length, rightLines.length)).length;
  const render = (l: Cell | undefined, r: Cell | undefined, style?: (s: string) => string) =>
    (cell(l, width, c, style) + c.dim(SEPARATOR) + cell(r, width, c, style)).trimEnd();

  const rows = [
    render({ gutter: "", text: fit(left.title, width) }, { gutter: "", text: fit(right.title, width) }, c.bold),
    render({ gutter: "", text: "-".repeat(width) }, { gutter: "", text: "-".repeat(width) }, c.dim),
  ];
  for (let i = 0; i < Math.max(leftLines.length, rightLines.length); i++) {
    const l = wrap(leftLines[i], i + 1, digits, width);
    const r = wrap(rightLines[i], i + 1, digits, width);
    for (let k = 0; k < Math.max(l.length, r.length); k++) rows.push(render(l[k], r[k]));
  }
  return rows.join("\n") + "\n";
}

function linesOf(text: string): string[] {
  const lines = text.replace(/\t/g, TAB).split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** One source line as cells of at most `width` characters; only the first carries the number. */
function wrap(line: string | undefined, number: number, digits: number, width: number): Cell[] {
  if (line === undefined) return [];
  const room = Math.max(1, width - digits - 1);
  const cells: Cell[] = [];
  for (let at = 0; at === 0 || at < line.length; at += room) {
    const label = at === 0 ? String(number).padStart(digits) : " ".repeat(digits);
    cells.push({ gutter: `${label} `, text: line.slice(at, at + room) });
  }
  return cells;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function cell(value: Cell | undefined, width: number, c: Colors, style = (s: string) => s): string {
  const { gutter, text } = value ?? { gutter: "", text: "" };
  const padding = " ".repeat(Math.max(0, width - gutter.length - text.length));
  return (gutter ? c.dim(gutter) : "") + (text ? style(text) : "") + padding;
}
