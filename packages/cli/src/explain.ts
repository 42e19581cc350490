import { relative } from "node:path";
import { alignRows, mergeEqualNeighbours, originalLines } from "./align.js";
import { colors, useColor, type Colors } from "./colors.js";
import { sideBySide } from "./columns.js";
import { sourceFile } from "./compile.js";
import { formatDiagnostic, formatWarning } from "./diagnostics.js";
import { discover } from "./discover.js";
import type { Engines } from "./engine.js";
import { EXIT_FILES_FAILED, EXIT_OK, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { PackageTypeLookup } from "./package-type.js";
import { prepare } from "./prepare.js";

/** Width when stdout is not a terminal (a pipe, a file, a test): wide enough for two 78-column files. */
export const PIPE_WIDTH = 160;

/** `unawait explain <file>`: the original and its generator form in two columns, each output line
 *  beside the line it came from (by the transform's source map). */
export async function explain(input: string, engines: Engines, io: Io, colorFlag: boolean): Promise<number> {
  const { files, singleFile } = await discover([input], io.cwd);
  if (!singleFile) throw new UsageError(`explain takes one file, and ${input} is a directory`);
  const file = sourceFile(files[0], io);
  const errors = colors(useColor(io.stderr, io.env, colorFlag));
  const prepared = await prepare(file, { sourceMaps: true, packageTypes: new PackageTypeLookup(), checkSyntax: false });
  if (prepared.kind === "failed") return fail(formatDiagnostic(prepared.diagnostic, io.cwd, errors), io);
  if (prepared.kind !== "transform" && prepared.kind !== "copy") throw new Error(`unexpected ${prepared.kind}`);
  // A file without async syntax is shown beside itself: that is what the CLI writes for it.
  const original = prepared.kind === "transform" ? prepared.input.code : prepared.code;
  let code = original;
  let rows;
  if (prepared.kind === "transform") {
    const result = await engines.for(1, 0).transform(prepared.input);
    if (!result.ok) return fail(formatDiagnostic({ ...result.diagnostic, source: prepared.source }, io.cwd, errors), io);
    for (const warning of result.output.warnings) io.stderr.write(formatWarning(file.path, warning, io.cwd, errors));
    code = result.output.code;
    if (result.output.map) {
      rows = alignRows(originalLines(result.output.map), lineCount(original));
      rows = mergeEqualNeighbours(rows, original.split(/\r?\n/), code.split(/\r?\n/));
    }
  }

  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : PIPE_WIDTH;
  const c = colors(useColor(io.stdout, io.env, colorFlag));
  const left = { title: relative(io.cwd, file.path), text: original, highlight: keywords(/\b(async|await)\b/g, c.yellow, c) };
  const right = { title: "unawait output", text: code, highlight: keywords(/\b(yield|run|asyncGen|emit|delegate|asyncIterator)\b|function\*/g, c.green, c) };
  io.stdout.write(sideBySide(left, right, width, c, rows));
  return EXIT_OK;
}

function keywords(pattern: RegExp, paint: (s: string) => string, c: Colors): ((text: string) => string) | undefined {
  if (!c.isColorSupported) return undefined;
  return (text) => text.replace(pattern, (word) => paint(word));
}

function lineCount(text: string): number {
  const lines = text.split(/\r?\n/);
  return lines.length > 1 && lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
}

function fail(text: string, io: Io): number {
  io.stderr.write(text);
  return EXIT_FILES_FAILED;
}
