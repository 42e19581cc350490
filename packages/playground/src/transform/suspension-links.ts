import { eachMapping, TraceMap } from "@jridgewell/trace-mapping";
import { generatedSuspensions, sourceSuspensions, type SuspensionPoint } from "./suspension-points.js";
import type { SourceMapV3 } from "./transform.js";

export interface TextRange {
  from: number;
  to: number;
}

/** One suspension of the async source and the yields it became (none if no mapping says so). */
export interface SuspensionLink {
  source: TextRange;
  generated: TextRange[];
}

/**
 * Links each `await` to its `yield` through the transform's source map.
 *
 * A yield made from an await may carry no position of its own, but its operand was moved, not
 * rebuilt, so the map sends the operand back to where it was. Matching order, first hit wins:
 *   1. the map sends the yield's own start to the start of a source suspension;
 *   2. the map sends the yield's anchor (its operand, past stacked yields) to a source
 *      suspension with the same anchor and the same number of stacked suspensions;
 *   3. the innermost source suspension that contains where the anchor maps to;
 *   4. when as many yields as awaits are left unmatched, they pair up in order (a rewritten
 *      operand such as `super.m()` may map to its statement rather than to itself).
 */
export function linkSuspensions(source: string, generated: string, map: SourceMapV3): SuspensionLink[] {
  const sources = sourceSuspensions(source);
  const links = sources.map((s) => ({ source: { from: s.from, to: s.to }, generated: [] as TextRange[] }));
  const toSource = sourcePositions(source, generated, map);
  const unmatched: SuspensionPoint[] = [];
  for (const y of generatedSuspensions(generated)) {
    const index = matchYield(y, sources, toSource);
    if (index >= 0) links[index]!.generated.push({ from: y.from, to: y.to });
    else unmatched.push(y);
  }
  const lonely = links.filter((link) => link.generated.length === 0);
  if (lonely.length === unmatched.length) lonely.forEach((link, i) => link.generated.push({ from: unmatched[i]!.from, to: unmatched[i]!.to }));
  return links;
}

function matchYield(y: SuspensionPoint, sources: SuspensionPoint[], toSource: PositionLookup): number {
  const own = toSource.exactly(y.from);
  if (own !== undefined) {
    const index = sources.findIndex((s) => s.from === own);
    if (index >= 0) return index;
  }
  const anchor = toSource.within(y.anchor, y.to);
  if (anchor === undefined) return -1;
  const same = sources.findIndex((s) => s.anchor === anchor && s.stacked === y.stacked);
  if (same >= 0) return same;
  let innermost = -1;
  sources.forEach((s, index) => {
    const inner = sources[innermost];
    if (s.from <= anchor && anchor < s.to && (!inner || s.to - s.from < inner.to - inner.from)) innermost = index;
  });
  return innermost;
}

interface PositionLookup {
  /** The source offset a mapping at exactly this generated offset points to. */
  exactly(generatedOffset: number): number | undefined;
  /** The source offset of the first mapping in [from, to) of the generated code. */
  within(from: number, to: number): number | undefined;
}

function sourcePositions(source: string, generated: string, map: SourceMapV3): PositionLookup {
  const sourceOffset = lineOffsets(source);
  const generatedOffset = lineOffsets(generated);
  const byGenerated = new Map<number, number>();
  eachMapping(new TraceMap(map as any), (m) => {
    if (m.originalLine == null || m.originalColumn == null) return;
    const at = generatedOffset(m.generatedLine, m.generatedColumn);
    if (!byGenerated.has(at)) byGenerated.set(at, sourceOffset(m.originalLine, m.originalColumn));
  });
  const sorted = [...byGenerated.keys()].sort((a, b) => a - b);
  return {
    exactly: (offset) => byGenerated.get(offset),
    within(from, to) {
      const first = sorted.find((offset) => offset >= from && offset < to);
      return first === undefined ? undefined : byGenerated.get(first);
    },
  };
}

/** (1-based line, 0-based column) → offset. */
export function lineOffsets(text: string): (line: number, column: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (line, column) => (starts[line - 1] ?? text.length) + column;
}
