import { TraceMap, decodedMappings } from "@jridgewell/trace-mapping";
import type { Row } from "./columns.js";
import type { SourceMap } from "./source-maps.js";

/** For each line of the output, the original line (0-based) its first mapped segment comes from. */
export function originalLines(map: SourceMap): (number | undefined)[] {
  const lines = decodedMappings(new TraceMap(map as never));
  return lines.map((segments) => {
    const mapped = segments.find((segment) => segment.length >= 4);
    return mapped ? mapped[2] : undefined;
  });
}

/**
 * Rows for `explain`: every line of both texts once, in order on each side, with an output line
 * beside the original line it came from wherever order allows. The output moves code around (a
 * body goes into a generator below its wrapper), so the pairs kept are a longest run that goes
 * down both sides at once (a longest non-decreasing subsequence of original line numbers); the
 * other lines get a row of their own with the other side blank.
 */
export function alignRows(origins: (number | undefined)[], leftCount: number): Row[] {
  const anchors = longestNonDecreasing(origins);
  const rows: Row[] = [];
  let left = 0;
  for (let right = 0; right < origins.length; right++) {
    const origin = origins[right];
    if (!anchors.has(right) || origin === undefined) {
      rows.push({ right });
      continue;
    }
    while (left < origin && left < leftCount) rows.push({ left: left++ });
    rows.push(left === origin ? { left: left++, right } : { right });
  }
  while (left < leftCount) rows.push({ left: left++ });
  return rows;
}

/** Indices of a longest subsequence whose values never decrease (patience sorting, O(n log n)). */
function longestNonDecreasing(values: (number | undefined)[]): Set<number> {
  const tails: number[] = []; // tails[k]: index ending the best run of length k + 1
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    if (value === undefined) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]]! <= value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[index] = tails[lo - 1];
    tails[lo] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.length ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) kept.add(index);
  return kept;
}

/** Two neighbouring rows, one side blank in each, whose lines read the same (a closing `}` the
 *  map does not cover) become one row: it keeps both sides in order, and reads better. */
export function mergeEqualNeighbours(rows: Row[], left: string[], right: string[]): Row[] {
  const merged: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [a, b] = [rows[i], rows[i + 1]];
    const pair = b && oneSided(a) && oneSided(b) && (a.left === undefined) !== (b.left === undefined);
    const l = pair ? (a.left ?? b.left)! : -1;
    const r = pair ? (a.right ?? b.right)! : -1;
    if (pair && left[l].trim() !== "" && left[l].trim() === right[r].trim()) {
      merged.push({ left: l, right: r });
      i++;
    } else merged.push(a);
  }
  return merged;
}

function oneSided(row: Row): boolean {
  return (row.left === undefined) !== (row.right === undefined);
}
