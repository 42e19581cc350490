import { parseAsync, parseSync, transformFromAstAsync, traverse, type ParserOptions, type TransformOptions, type types as t } from "@babel/core";
import { ChunkNames } from "./chunk-names.js";
import { chunkCode } from "./chunks.js";
import type { PluginOptions } from "./options.js";
import type { BabelPlugin } from "./plugin.js";
import type { SourceMap } from "./source-maps.js";
import { splitProgram, type LeftOutChunks } from "./split-program.js";
import { mayHoldJsx, type FileSyntax } from "./syntax.js";
import { VERBATIM_PREFIX } from "./verbatim.js";

export interface TransformSettings {
  plugin: BabelPlugin;
  pluginOptions: PluginOptions;
}

/** A warning the plugin left in `file.metadata.unawait.warnings`. */
export interface Warning {
  code: string;
  message: string;
  /** 1-based line, 0-based column, as Babel counts. */
  loc?: { line: number; column: number };
}

export interface TransformInput {
  /** Absolute path: Babel's filename, and the source a map points back to. */
  path: string;
  code: string;
  syntax: FileSyntax;
  sourceMaps: boolean;
  /** The map the input came with (sources absolute), merged into the output's map by Babel. */
  inputMap?: SourceMap;
  /** Only check that the code parses (watch mode, before copying a file without async syntax). */
  parseOnly?: boolean;
  /** Parse all of the code, so that any syntax error is reported (watch mode: a broken edit must
   *  not replace good output); otherwise code with no async syntax may be left unparsed. */
  checkSyntax?: boolean;
  /** Internal, for the parity test: give Babel the whole program even where a reduced one
   *  (split-program.ts) would do. The output is the same either way, but for the formatting of
   *  the code the plugin left alone. */
  wholeFile?: boolean;
}

export interface TransformOutput {
  code: string;
  map?: SourceMap;
  warnings: Warning[];
}

/** Parses the code with the file's syntax and prints it back in the same language (types and JSX
 *  kept: parser plugins are only ever added, never a stripping transform). Throws Babel's errors
 *  unchanged; diagnostics.ts turns them into messages. */
export async function transformSource(input: TransformInput, settings: TransformSettings): Promise<TransformOutput> {
  // The lint rules read the whole file, and a top-level await makes the plugin rewrap it.
  const whole = input.wholeFile || settings.pluginOptions.warnings;
  const chunked = whole || input.parseOnly || input.checkSyntax ? undefined : await parseChunked(input);
  const ast = chunked?.ast ?? (await parseFirstThatFits(input)).ast;
  if (input.parseOnly) return { code: input.code, warnings: [] };
  const split = whole ? null : splitProgram(ast, input.code, chunked?.leftOut);
  // The plugin must see all of a file it gets whole (a top-level await).
  if (!split && chunked) return transformSource({ ...input, wholeFile: true }, settings);
  if (split) {
    const result = await runPlugin(split.reduced, input, settings, false);
    const printed = split.print(input);
    if (printed) return { ...printed, warnings: warningsOf(result) };
    // The plugin moved a marker or copied a placeholder: start again from the code, as a whole.
    return transformSource({ ...input, wholeFile: true }, settings);
  }
  const result = await runPlugin(ast, input, settings, true);
  return {
    code: result?.code ?? "",
    map: (result?.map as SourceMap | null | undefined) ?? undefined,
    warnings: warningsOf(result),
  };
}

type BabelResult = Awaited<ReturnType<typeof transformFromAstAsync>>;

/** Runs the plugin over `ast` in place; prints it too when `print` (the whole-file path). */
async function runPlugin(ast: t.File, input: TransformInput, settings: TransformSettings, print: boolean): Promise<BabelResult> {
  const result = await transformFromAstAsync(ast, input.code, {
    ...baseOptions(input),
    cloneInputAst: false,
    code: print,
    plugins: [[settings.plugin, settings.pluginOptions]],
    // print.ts derives the generator's options from these: change them together.
    retainLines: false,
    comments: true,
    compact: false,
    sourceMaps: input.sourceMaps,
    sourceFileName: input.path,
    // The CLI reads input maps itself (sources made absolute, comment removed); `false` also
    // spares Babel two walks over every comment looking for one.
    inputSourceMap: (input.sourceMaps && input.inputMap ? input.inputMap : false) as never,
  });
  // Babel memoizes a path and a scope per node in WeakMaps; a file's entries are dead once it is
  // transformed, and dropping them at once spares the garbage collector's weak-map work (~5% here).
  traverse.cache.clear();
  return result;
}

function warningsOf(result: BabelResult): Warning[] {
  const metadata = result?.metadata as { unawait?: { warnings?: Warning[] } } | undefined;
  return metadata?.unawait?.warnings ?? [];
}

/** The file parsed with the chunks that hold no async syntax left out (chunks.ts); undefined
 *  when nothing is left out, or when that code does not parse (the whole file is then parsed,
 *  and reports the error if it has one). */
async function parseChunked(input: TransformInput): Promise<{ ast: t.File; leftOut: LeftOutChunks } | undefined> {
  const chunked = input.code.includes(VERBATIM_PREFIX) ? null : chunkCode(input.code, mayHoldJsx(input.syntax), input.syntax.sourceType === "unambiguous");
  if (!chunked) return undefined;
  try {
    const { ast, parserOpts } = await parseFirstThatFits({ ...input, code: chunked.text }, true);
    const strictMode = ast.program.directives.some((d) => d.value.value === "use strict") || undefined;
    const parse = (code: string) => parseSync(code, { ...baseOptions(input), parserOpts: { ...parserOpts, strictMode } })!.program.body;
    const names = new ChunkNames(input.code, chunked.chunks.values(), chunked.words, parse, () => parse(input.code));
    return { ast, leftOut: { chunks: chunked.chunks, names } };
  } catch {
    return undefined;
  }
}

/** A .js file may or may not be JSX; like Babel's own tools we try JSX first. If no attempt parses,
 *  the first attempt's error is the one reported: it is the most permissive grammar.
 *  `blanked`: the code has chunks blanked out (chunks.ts), so `export { x }` may name a declaration
 *  that is not there; that one early error is let through, any other fails the attempt. */
async function parseFirstThatFits(input: TransformInput, blanked = false): Promise<{ ast: t.File; parserOpts: ParserOptions }> {
  let firstError: unknown;
  for (const parserOpts of input.syntax.attempts) {
    try {
      const ast = await parseAsync(input.code, { ...baseOptions(input), parserOpts: blanked ? { ...parserOpts, errorRecovery: true } : parserOpts });
      const errors = (ast as { errors?: { reasonCode?: string }[] } | null)?.errors;
      if (blanked && errors?.some((error) => error.reasonCode !== "ModuleExportUndefined")) throw errors[0];
      if (ast && blanked) delete (ast as { errors?: unknown }).errors;
      if (ast) return { ast, parserOpts };
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}

function baseOptions(input: TransformInput): TransformOptions {
  return {
    filename: input.path,
    sourceType: input.syntax.sourceType,
    configFile: false,
    babelrc: false,
    browserslistConfigFile: false,
    // diagnostics.ts draws its own frames; Babel's would carry colours decided by Babel.
    highlightCode: false,
    caller: { name: "@unawait/cli", supportsStaticESM: input.syntax.sourceType === "module" },
  };
}
