import { parseAsync, transformFromAstAsync, type TransformOptions } from "@babel/core";
import type { PluginOptions } from "./options.js";
import type { BabelPlugin } from "./plugin.js";
import type { FileSyntax } from "./syntax.js";

export interface TransformSettings {
  plugin: BabelPlugin;
  pluginOptions: PluginOptions;
}

/** Parses `code` with the file's syntax and prints it back in the same language (types and JSX
 *  kept: parser plugins are only ever added, never a stripping transform). Throws Babel's errors
 *  unchanged; diagnostics.ts turns them into messages. */
export async function transformSource(
  code: string,
  filename: string,
  syntax: FileSyntax,
  settings: TransformSettings,
): Promise<string> {
  const ast = await parseFirstThatFits(code, filename, syntax);
  const result = await transformFromAstAsync(ast, code, {
    ...baseOptions(filename, syntax),
    cloneInputAst: false,
    plugins: [[settings.plugin, settings.pluginOptions]],
    retainLines: false,
    comments: true,
    compact: false,
  });
  return result?.code ?? "";
}

/** A .js file may or may not be JSX; like Babel's own tools we try JSX first. If no attempt parses,
 *  the first attempt's error is the one reported: it is the most permissive grammar. */
async function parseFirstThatFits(code: string, filename: string, syntax: FileSyntax) {
  let firstError: unknown;
  for (const parserOpts of syntax.attempts) {
    try {
      const ast = await parseAsync(code, { ...baseOptions(filename, syntax), parserOpts });
      if (ast) return ast;
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}

function baseOptions(filename: string, syntax: FileSyntax): TransformOptions {
  return {
    filename,
    sourceType: syntax.sourceType,
    configFile: false,
    babelrc: false,
    browserslistConfigFile: false,
    // diagnostics.ts draws its own frames; Babel's would carry colours decided by Babel.
    highlightCode: false,
    caller: { name: "@unawait/cli", supportsStaticESM: syntax.sourceType === "module" },
  };
}
