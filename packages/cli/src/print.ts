import { generate } from "@babel/generator";
import type { types as t } from "@babel/core";
import type { Printed } from "./verbatim.js";

export interface PrintOptions {
  /** Absolute path: the generator's filename and the map's source. */
  path: string;
  /** The original code: the map's sourcesContent. */
  code: string;
  sourceMaps: boolean;
}

/**
 * Prints a File whose placeholders the source will be pasted over (verbatim.ts), with the
 * generator options @babel/core derives from the ones transform.ts gives it (@babel/core
 * lib/transformation/normalize-opts.js and file/generate.js), so that the code the plugin made
 * looks the same on both paths. The map, if any, comes decoded and without the input map, which
 * is applied after the paste.
 */
export function printForPaste(ast: t.File, options: PrintOptions): Printed {
  const result = generate(ast, {
    filename: options.path,
    retainLines: false,
    comments: true,
    compact: false,
    sourceMaps: options.sourceMaps,
    sourceFileName: options.path,
  } as Parameters<typeof generate>[1], options.code);
  return { code: result.code, decodedMap: options.sourceMaps ? ((result as { decodedMap?: unknown }).decodedMap as Printed["decodedMap"]) : undefined };
}
