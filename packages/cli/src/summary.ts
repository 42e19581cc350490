import type { Colors } from "./colors.js";

export interface Tally {
  transformed: number;
  copied: number;
  failed: number;
}

/** One line for stderr after an --out-dir run, e.g.
 *  `unawait: 12 files transformed, 3 copied, 1 failed → dist (0.42s)`. */
export function formatSummary(tally: Tally, outDir: string, milliseconds: number, c: Colors): string {
  const parts = [`${count(tally.transformed, "file")} transformed`];
  if (tally.copied) parts.push(`${tally.copied} copied`);
  if (tally.failed) parts.push(c.red(`${tally.failed} failed`));
  return `unawait: ${parts.join(", ")} → ${outDir} (${(milliseconds / 1000).toFixed(2)}s)\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
