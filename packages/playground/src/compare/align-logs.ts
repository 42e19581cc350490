import type { LogEntry } from "../sandbox/protocol.js";
import { sameStep } from "../sandbox/steps.js";

/**
 * same     — same line in the same step
 * step     — same line, printed in a different step (the tick-exact promise broken)
 * changed  — a line on each side, with different text
 * left / right — a line only one run printed
 */
export type RowKind = "same" | "step" | "changed" | "left" | "right";

export interface AlignedRow {
  kind: RowKind;
  left?: LogEntry;
  right?: LogEntry;
}

export interface Alignment {
  rows: AlignedRow[];
  /** Index into rows of the first row that is not "same", or -1. */
  firstDifference: number;
}

const key = (entry: LogEntry) => `${entry.level}\u0000${entry.text}`;

/**
 * Lines up two logs like a side-by-side diff: the longest common subsequence of lines is
 * aligned, and the lines between two aligned ones are paired up as changes.
 */
export function alignLogs(left: readonly LogEntry[], right: readonly LogEntry[]): Alignment {
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  for (const [li, rj] of commonLines(left.map(key), right.map(key))) {
    pushGap(rows, left.slice(i, li), right.slice(j, rj));
    const pair = { left: left[li]!, right: right[rj]! };
    rows.push({ kind: sameStep(pair.left.step, pair.right.step) ? "same" : "step", ...pair });
    i = li + 1;
    j = rj + 1;
  }
  pushGap(rows, left.slice(i), right.slice(j));
  return { rows, firstDifference: rows.findIndex((row) => row.kind !== "same") };
}

function pushGap(rows: AlignedRow[], left: LogEntry[], right: LogEntry[]): void {
  const paired = Math.min(left.length, right.length);
  for (let k = 0; k < paired; k++) rows.push({ kind: "changed", left: left[k], right: right[k] });
  for (const entry of left.slice(paired)) rows.push({ kind: "left", left: entry });
  for (const entry of right.slice(paired)) rows.push({ kind: "right", right: entry });
}

/** Index pairs of a longest common subsequence (logs are capped at a few hundred lines). */
function commonLines(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let x = a.length - 1; x >= 0; x--) {
    for (let y = b.length - 1; y >= 0; y--) {
      lengths[x * width + y] = a[x] === b[y]
        ? lengths[(x + 1) * width + y + 1]! + 1
        : Math.max(lengths[(x + 1) * width + y]!, lengths[x * width + y + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) pairs.push([x++, y++]);
    else if (lengths[(x + 1) * width + y]! >= lengths[x * width + y + 1]!) x++;
    else y++;
  }
  return pairs;
}
