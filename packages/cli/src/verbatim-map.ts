import { GenMapping, addSegment, setSourceContent, toEncodedMap } from "@jridgewell/gen-mapping";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import type { Printed, PasteOptions } from "./verbatim.js";
import type { SourceMap } from "./source-maps.js";

/** Printed code `from`..`to` replaced by `text`, which is the source's text at `source`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
  source: number;
}

/** Where a line starts, for the generator's lines (it only breaks lines at `\n`). */
function generatedLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Where a line starts, as the parser counts lines in the source (the positions the map points to). */
export function sourceLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|[\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The 0-based line of `offset`, given where lines start. */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The map of the pasted code: the printer's segments moved to where their code now is (those of
 * a placeholder dropped), and for each pasted text a segment at every word and punctuator pointing
 * at itself in the source, so a stack trace's column is exact there too. The printer is given no
 * input map: it is applied here to both kinds of segment alike.
 */
export function pastedMap(printed: string, decoded: NonNullable<Printed["decodedMap"]>, edits: Edit[], output: string, options: PasteOptions): SourceMap {
  const map = new GenMapping({});
  const trace = options.inputMap ? new TraceMap(options.inputMap as never) : undefined;
  // The sources listed as the printer lists them: the input map's, or the file itself.
  const sources = trace ? trace.resolvedSources : decoded.sources;
  const contents = trace ? trace.sourcesContent : decoded.sourcesContent;
  sources.forEach((source, i) => {
    if (source !== null) setSourceContent(map, source, contents?.[i] ?? null);
  });
  const printedStarts = generatedLineStarts(printed);
  const outputStarts = generatedLineStarts(output);
  const place = (offset: number, segment: (line: number, column: number) => void) => {
    const line = lineOf(outputStarts, offset);
    segment(line, offset - outputStarts[line]);
  };

  let edit = 0;
  let shift = 0; // how far printed code after the edits passed so far has moved
  decoded.mappings.forEach((segments, line) => {
    for (const [column, sourceIndex, sourceLine, sourceColumn, nameIndex] of segments) {
      const offset = printedStarts[line] + column;
      while (edit < edits.length && edits[edit].to <= offset) {
        shift += edits[edit].text.length - (edits[edit].to - edits[edit].from);
        edit++;
      }
      if (edit < edits.length && edits[edit].from <= offset) continue;
      if (sourceIndex === undefined) continue;
      const source = decoded.sources[sourceIndex] ?? options.path;
      const name = nameIndex === undefined ? undefined : decoded.names[nameIndex];
      place(offset + shift, (l, c) => mark(map, l, c, source, sourceLine, sourceColumn!, name, trace));
    }
  });

  const sourceStarts = sourceLineStarts(options.code);
  const source = options.path.replace(/\\/g, "/");
  let moved = 0;
  for (const { from, to, text, source: start } of edits) {
    const at = from + moved;
    moved += text.length - (to - from);
    for (const token of text.matchAll(/[\w$]+|\S/g)) {
      const original = start + token.index;
      const line = lineOf(sourceStarts, original);
      place(at + token.index, (l, c) => mark(map, l, c, source, line, original - sourceStarts[line], undefined, trace));
    }
  }
  return toEncodedMap(map) as SourceMap;
}

/** A segment into the source, or (with an input map) into what the source was made from. */
function mark(map: GenMapping, line: number, column: number, source: string, sourceLine: number, sourceColumn: number, name: string | undefined, trace?: TraceMap): void {
  if (!trace) {
    addSegment(map, line, column, source, sourceLine, sourceColumn, name as string);
    return;
  }
  const traced = originalPositionFor(trace, { line: sourceLine + 1, column: sourceColumn });
  if (traced.source === null) return;
  addSegment(map, line, column, traced.source, traced.line - 1, traced.column, (traced.name ?? name) as string);
}
