import { generate } from "@babel/generator";
import type { types as t } from "@babel/core";
import type { SourceMap } from "./source-maps.js";

export interface PrintOptions {
  /** Absolute path: the generator's filename and the map's source. */
  path: string;
  /** The original code: the map's sourcesContent. */
  code: string;
  sourceMaps: boolean;
  inputMap?: SourceMap;
}

/**
 * Prints a File as @babel/core would at the end of transformFromAst with the options
 * transform.ts gives it: the generator options below are the ones Babel derives from those
 * (@babel/core lib/transformation/normalize-opts.js and file/generate.js), so code and map are
 * byte for byte the same.
 */
export function printFile(ast: t.File, options: PrintOptions): { code: string; map?: SourceMap } {
  const result = generate(ast, {
    filename: options.path,
    retainLines: false,
    comments: true,
    compact: false,
    sourceMaps: options.sourceMaps,
    sourceFileName: options.path,
    // Babel hands the generator a copy (convert-source-map's toObject) of the input map.
    inputSourceMap: options.sourceMaps && options.inputMap ? JSON.parse(JSON.stringify(options.inputMap)) : undefined,
  } as Parameters<typeof generate>[1], options.code);
  return { code: result.code, map: (result.map as SourceMap | null | undefined) ?? undefined };
}
