// What "the same output up to formatting" means for the two transform paths (split-program.ts):
// the same program and comments once both are printed by one printer, and a map that points the
// words of the output at the same words of the source.
import { parseSync } from "@babel/core";
import { generate } from "@babel/generator";
import { TraceMap, decodedMappings } from "@jridgewell/trace-mapping";
import type { SourceMap } from "../../src/source-maps.js";
import type { FileSyntax } from "../../src/syntax.js";

/** The code printed again by @babel/generator, one trimmed line per line, blank lines dropped
 *  (the printer keeps some of the source's line breaks, which differ between the two outputs). */
export function normalized(code: string, syntax: FileSyntax): string {
  const ast = parseSync(code, { configFile: false, babelrc: false, sourceType: syntax.sourceType, parserOpts: syntax.attempts[0] });
  return generate(ast!, { comments: true })
    .code.split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

export interface MapReading {
  /** `output word → source word` for each segment at a word whose source position starts another. */
  mismatches: Set<string>;
  /** `line:column` of every source word some segment points at. */
  covered: Set<string>;
}

/** Reads a map against the texts it joins (every source of the map is `original`'s text). */
export function readMap(map: SourceMap, output: string, original: string): MapReading {
  const outputLines = output.split("\n");
  const originalLines = original.split(/\r\n?|[\n\u2028\u2029]/);
  const reading: MapReading = { mismatches: new Set(), covered: new Set() };
  decodedMappings(new TraceMap(map as never)).forEach((segments, line) => {
    for (const segment of segments) {
      if (segment.length < 4) continue;
      const [column, , sourceLineIndex, sourceColumn] = segment as [number, number, number, number];
      const word = /^[\w$]+/.exec(outputLines[line]?.slice(column) ?? "")?.[0];
      const sourceLine = originalLines[sourceLineIndex] ?? "";
      const startsWord = !/[\w$]/.test(sourceLine[sourceColumn - 1] ?? "");
      const source = startsWord ? /^[\w$]+/.exec(sourceLine.slice(sourceColumn))?.[0] : undefined;
      if (source) reading.covered.add(`${sourceLineIndex}:${sourceColumn}`);
      if (word && source && word !== source) reading.mismatches.add(`${word} → ${source}`);
    }
  });
  return reading;
}
