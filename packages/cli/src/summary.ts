import type { Colors } from "./colors.js";

export interface Tally {
  /** Written from a transform, fresh or from the cache. */
  transformed: number;
  /** Of those, the ones the cache answered. */
  cached: number;
  /** Written as they are (no async syntax, or not code with --copy-files). */
  copied: number;
  /** Their output already held exactly this, so it was not written again. */
  unchanged: number;
  failed: number;
}

/** The line that ends every build, on stderr, e.g.
 *  `unawait: 12 transformed (10 from cache), 3 copied, 40 unchanged, 1 failed → dist (0.42s)`. */
export function formatSummary(tally: Tally, destination: string, milliseconds: number, c: Colors): string {
  const cached = tally.cached ? ` (${tally.cached} from cache)` : "";
  const failed = `${tally.failed} failed`;
  const parts = [`${tally.transformed} transformed${cached}`, `${tally.copied} copied`, `${tally.unchanged} unchanged`, tally.failed ? c.red(failed) : failed];
  return `unawait: ${parts.join(", ")} → ${destination} (${(milliseconds / 1000).toFixed(2)}s)\n`;
}
