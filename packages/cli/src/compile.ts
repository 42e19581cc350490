import { relative, resolve } from "node:path";
import type { CompileFile } from "./compile-file.js";
import { compileToDir, withFinalNewline } from "./compile-to-dir.js";
import { colors, useColor, type Colors } from "./colors.js";
import { formatDiagnostic } from "./diagnostics.js";
import { discover, type InputFile } from "./discover.js";
import { EXIT_FILES_FAILED, EXIT_OK, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import type { CompileFlags } from "./options.js";
import { formatSummary } from "./summary.js";
import { SOURCE_EXTENSIONS } from "./syntax.js";

/** The default command: one file to stdout, or files and folders mirrored into --out-dir. */
export async function compile(inputs: string[], flags: CompileFlags, io: Io, compiler: () => Promise<CompileFile>): Promise<number> {
  if (flags.copyFiles && flags.outDir === undefined) throw new UsageError("--copy-files needs --out-dir <dir>");
  const { files, singleFile } = await discover(inputs, io.cwd, flags.outDir);
  const c = colors(useColor(io.stderr, io.env, flags.color));
  if (flags.outDir === undefined) {
    if (!singleFile) {
      throw new UsageError("a directory or several files need --out-dir <dir>; only a single file is printed to stdout");
    }
    return toStdout(sourceFile(files[0], io), io, await compiler(), c);
  }
  const namedOther = files.find((file) => file.named && file.kind === "other");
  if (namedOther && !flags.copyFiles) throw notSourceError(namedOther, io);

  const started = performance.now();
  const tally = await compileToDir(files, {
    outDir: resolve(io.cwd, flags.outDir),
    copyFiles: flags.copyFiles === true,
    compile: await compiler(),
    io,
    colors: c,
  });
  if (!flags.quiet) io.stderr.write(formatSummary(tally, flags.outDir, performance.now() - started, c));
  return tally.failed ? EXIT_FILES_FAILED : EXIT_OK;
}

async function toStdout(file: InputFile, io: Io, compileFile: CompileFile, c: Colors): Promise<number> {
  const result = await compileFile(file.path);
  if (!result.ok) {
    io.stderr.write(formatDiagnostic(result.diagnostic, io.cwd, c));
    return EXIT_FILES_FAILED;
  }
  io.stdout.write(withFinalNewline(result.code));
  return EXIT_OK;
}

/** A file named on the command line must be something we can transform (unless only copied). */
export function sourceFile(file: InputFile, io: Io): InputFile {
  if (file.kind === "source") return file;
  throw notSourceError(file, io);
}

function notSourceError(file: InputFile, io: Io): UsageError {
  return new UsageError(
    `${relative(io.cwd, file.path)} is not a JavaScript or TypeScript source file (${SOURCE_EXTENSIONS.join(" ")}; ` +
      "declaration files are not transformed); with --out-dir, --copy-files copies it",
  );
}
