import { parseAsync, traverse, type ParseResult } from "@babel/core";
import { colors, useColor } from "./colors.js";
import { formatDiagnostic, formatWarning } from "./diagnostics.js";
import { discover } from "./discover.js";
import { EXIT_FILES_FAILED, EXIT_OK } from "./errors.js";
import type { Io } from "./io.js";
import { PackageTypeLookup } from "./package-type.js";
import { readSource } from "./read-source.js";
import { syntaxFor } from "./syntax.js";
import type { Warning } from "./transform.js";

/**
 * `unawait lint <files…>`: the gotcha warnings (packages/babel-plugin/LINT.md) without writing
 * anything. The code is only parsed, never lowered, so a module with top-level await is
 * linted too. Exit 1 when there is a warning or a file cannot be read or parsed.
 */
export async function lint(inputs: string[], io: Io, colorFlag: boolean): Promise<number> {
  const { lintProgram } = await import("@unawait/babel-plugin");
  const { files } = await discover(inputs, io.cwd);
  const c = colors(useColor(io.stderr, io.env, colorFlag));
  const packageTypes = new PackageTypeLookup();
  let warnings = 0;
  let failed = 0;
  for (const file of files.filter((f) => f.kind === "source")) {
    const read = await readSource(file.path);
    if (!read.ok) {
      failed++;
      io.stderr.write(formatDiagnostic(read.diagnostic, io.cwd, c));
      continue;
    }
    const syntax = await syntaxFor(file.path, packageTypes);
    let ast: ParseResult | null = null;
    let parseError: unknown;
    for (const parserOpts of syntax.attempts) {
      try {
        ast = await parseAsync(read.text, { filename: file.path, sourceType: syntax.sourceType, configFile: false, babelrc: false, parserOpts });
        if (ast) break;
      } catch (error) {
        parseError ??= error;
      }
    }
    if (!ast) {
      failed++;
      const message = parseError instanceof Error ? parseError.message : String(parseError);
      io.stderr.write(`${file.path}: error: ${message.split("\n")[0]}\n`);
      continue;
    }
    const found: Warning[] = [];
    traverse(ast, { Program(program) { lintProgram(program as never, (w) => found.push(w)); program.stop(); } });
    for (const warning of found) io.stderr.write(formatWarning(file.path, warning, io.cwd, c));
    warnings += found.length;
  }
  if (warnings || failed) {
    io.stderr.write(`${warnings} warning${warnings === 1 ? "" : "s"}${failed ? `, ${failed} file${failed === 1 ? "" : "s"} not linted` : ""}\n`);
  }
  return warnings || failed ? EXIT_FILES_FAILED : EXIT_OK;
}
