import { readFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { GenMapping, addSegment, setSourceContent, toEncodedMap } from "@jridgewell/gen-mapping";
import type { SourceMapMode } from "./options.js";

/** A source map as JSON holds it. While the CLI works on it, `sources` are absolute paths; they
 *  are made relative to where the map is written only at the end (so a cached map fits any output). */
export interface SourceMap {
  version: number;
  file?: string;
  sources: (string | null)[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  sourceRoot?: string;
}

/** The last line `//# sourceMappingURL=…` (or `//@`), as tools write it at the end of a file. */
const TRAILING_MAP_COMMENT = /(?:^|\n)[ \t]*\/\/[#@][ \t]+sourceMappingURL=([^\s'"`]+)[ \t]*(?:\r?\n)*$/;

export interface InputMap {
  /** The code without its sourceMappingURL comment: the output gets a comment of its own. */
  code: string;
  map?: SourceMap;
}

/** The source map a file says it has (inline data: URL or a file beside it), with absolute sources;
 *  only the comment is removed when `load` is false (no maps are made). A map that cannot be read
 *  is ignored, as Babel does: the output then maps to this file instead. */
export async function readInputMap(code: string, path: string, load: boolean): Promise<InputMap> {
  const match = TRAILING_MAP_COMMENT.exec(code);
  if (!match) return { code };
  const stripped = code.slice(0, match.index + (match[0].startsWith("\n") ? 1 : 0));
  if (!load) return { code: stripped };
  const url = match[1];
  try {
    const inline = /^data:application\/json;(?:charset[:=][\w-]+;)?base64,(.*)$/.exec(url);
    const mapPath = inline ? path : resolve(dirname(path), decodeURI(url));
    const text = inline ? Buffer.from(inline[1], "base64").toString("utf8") : await readFile(mapPath, "utf8");
    return { code: stripped, map: absoluteSources(JSON.parse(text) as SourceMap, dirname(mapPath)) };
  } catch {
    return { code: stripped };
  }
}

function absoluteSources(map: SourceMap, mapDir: string): SourceMap {
  const root = map.sourceRoot ? resolve(mapDir, map.sourceRoot) : mapDir;
  const sources = map.sources.map((source) => (source === null || /^[a-z][\w+.-]*:/i.test(source) ? source : resolve(root, source)));
  const { sourceRoot: _dropped, ...rest } = map;
  return { ...rest, sources };
}

/** For a file copied unchanged: every word and punctuator maps to itself, so a stack trace's
 *  column is exact too (a map of line starts would put every frame at column 1). */
export function identityMap(code: string, path: string): SourceMap {
  const map = new GenMapping({ file: basename(path) });
  const lines = code.split(/\r?\n|\r|\u2028|\u2029/);
  const token = /[\w$]+|\S/g;
  for (let line = 0; line < lines.length; line++) {
    token.lastIndex = 0;
    for (let m = token.exec(lines[line]); m; m = token.exec(lines[line])) {
      addSegment(map, line, m.index, path, line, m.index);
    }
  }
  setSourceContent(map, path, code);
  return toEncodedMap(map) as SourceMap;
}

/** The map as written beside `outputFile`: sources relative to its folder, "/"-separated. */
export function mapForOutput(map: SourceMap, outputFile: string): SourceMap {
  const dir = dirname(outputFile);
  const sources = map.sources.map((source) =>
    source !== null && isAbsolute(source) ? relative(dir, source).split(sep).join("/") : source,
  );
  return { ...map, file: basename(outputFile), sources };
}

/** The output file's text and, for "true"/"both", the .map file's text. */
export function withSourceMap(code: string, map: SourceMap, mode: SourceMapMode, outputFile: string): { code: string; mapText?: string } {
  const json = JSON.stringify(mapForOutput(map, outputFile));
  const body = code.endsWith("\n") ? code : `${code}\n`;
  const comment =
    mode === "true"
      ? `//# sourceMappingURL=${encodeURI(basename(outputFile))}.map`
      : `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(json).toString("base64")}`;
  return { code: `${body}${comment}\n`, mapText: mode === "inline" ? undefined : `${json}\n` };
}
