import { relative } from "node:path";
import type { CompileFile } from "./compile-file.js";
import { colors, useColor } from "./colors.js";
import { sourceFile } from "./compile.js";
import { formatDiagnostic } from "./diagnostics.js";
import { discover } from "./discover.js";
import { EXIT_FILES_FAILED, EXIT_OK, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { sideBySide } from "./columns.js";

/** Width when stdout is not a terminal (a pipe, a file, a test): wide enough for two 78-column files. */
export const PIPE_WIDTH = 160;

/** `unawait explain <file>`: the original and its generator form in two columns. */
export async function explain(input: string, compiler: () => Promise<CompileFile>, io: Io, colorFlag: boolean): Promise<number> {
  const { files, singleFile } = await discover([input], io.cwd);
  if (!singleFile) throw new UsageError(`explain takes one file, and ${input} is a directory`);
  const path = sourceFile(files[0], io).path;
  const result = await (await compiler())(path);
  if (!result.ok) {
    io.stderr.write(formatDiagnostic(result.diagnostic, io.cwd, colors(useColor(io.stderr, io.env, colorFlag))));
    return EXIT_FILES_FAILED;
  }
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : PIPE_WIDTH;
  const c = colors(useColor(io.stdout, io.env, colorFlag));
  const name = relative(io.cwd, path);
  io.stdout.write(sideBySide({ title: name, text: result.source }, { title: "unawait output", text: result.code }, width, c));
  return EXIT_OK;
}
