import type { TransformCache } from "./cache.js";
import type { TransformResult } from "./compile-file.js";
import type { Diagnostic } from "./diagnostics.js";
import type { InputFile } from "./discover.js";
import type { PackageTypeLookup } from "./package-type.js";
import { mayHaveAsyncSyntax } from "./precheck.js";
import { readError, readSource, type ReadResult } from "./read-source.js";
import { readInputMap, type SourceMap } from "./source-maps.js";
import { mayHoldJsx, syntaxFor } from "./syntax.js";
import type { TransformInput } from "./transform.js";

/** What the main thread decides about a file before any Babel: the verdict, and what it needs. */
export type Prepared =
  | { kind: "failed"; diagnostic: Diagnostic }
  /** Not code: copied with --copy-files, else left alone. */
  | { kind: "other" }
  /** No async syntax: copied byte for byte (maps: the input's own map, or one to itself). */
  | { kind: "copy"; bytes: Buffer; code: string; inputMap?: SourceMap; check?: TransformInput }
  /** The transform's result, from the cache. */
  | { kind: "cached"; source: string; result: TransformResult }
  /** Needs the transform; `key` stores its result in the cache. */
  | { kind: "transform"; source: string; input: TransformInput; key?: string };

export interface PrepareOptions {
  sourceMaps: boolean;
  packageTypes: PackageTypeLookup;
  cache?: TransformCache;
  /** Watch rebuilds parse a file before copying it, so a broken edit never replaces good output. */
  checkSyntax: boolean;
}

/** `read` lets stdin's text stand in for a file. */
export async function prepare(file: InputFile, options: PrepareOptions, read?: ReadResult): Promise<Prepared> {
  if (file.problem) return { kind: "failed", diagnostic: readError(file.problem, file.path) };
  if (file.kind === "other") return { kind: "other" };
  read ??= await readSource(file.path);
  if (!read.ok) return { kind: "failed", diagnostic: read.diagnostic };
  const syntax = await syntaxFor(file.path, options.packageTypes);
  const { code, map: inputMap } = read.text.includes("sourceMappingURL")
    ? await readInputMap(read.text, file.path, options.sourceMaps)
    : { code: read.text, map: undefined };
  const input: TransformInput = { path: file.path, code, syntax, sourceMaps: options.sourceMaps, inputMap, checkSyntax: options.checkSyntax || undefined };
  // The cache first: a hit spares the pre-check too (the largest cost of a warm run).
  const key = options.cache?.key({ path: file.path, bytes: read.bytes, syntax, sourceMaps: options.sourceMaps, inputMap });
  const cached = key === undefined ? undefined : await options.cache!.get(key);
  if (cached) return { kind: "cached", source: read.text, result: cached };
  if (!mayHaveAsyncSyntax(code, { jsx: mayHoldJsx(syntax) })) {
    const check = options.checkSyntax ? { ...input, parseOnly: true } : undefined;
    return { kind: "copy", bytes: read.bytes, code, inputMap, check };
  }
  return { kind: "transform", source: read.text, input, key };
}
