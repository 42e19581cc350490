import { rm } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { build, type BuildContext, type BuildJob } from "./build.js";
import { TransformCache, cacheSalt, defaultCacheDir } from "./cache.js";
import { colors, useColor, type Colors } from "./colors.js";
import { formatDiagnostic, formatWarning } from "./diagnostics.js";
import { discover, type InputFile, type Selection } from "./discover.js";
import type { Engines } from "./engine.js";
import { EXIT_FILES_FAILED, EXIT_OK, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { isStdin, resolveMode, type Mode } from "./mode.js";
import { pluginOptionsFrom, type CompileFlags } from "./options.js";
import { PackageTypeLookup } from "./package-type.js";
import { prepare } from "./prepare.js";
import { decodeSource } from "./read-source.js";
import { formatSummary, type Tally } from "./summary.js";
import { SOURCE_EXTENSIONS, isSourceFile } from "./syntax.js";
import { copiedText, transformedText, writeOutput, type OutputText } from "./write-output.js";

export interface CompileDeps {
  engines: Engines;
  version: string;
  /** Where relative --ignore/--only globs are read from (a config file's folder, or the cwd). */
  globBase?: string;
  /** Watch mode, loaded only when asked for. */
  watch?: (run: WatchRun) => Promise<number>;
}

/** What a watch needs to rebuild: the inputs, how to map a file to its jobs, and the build context. */
export interface WatchRun {
  inputs: string[];
  dirs: string[];
  files: InputFile[];
  selection: Selection;
  outDir?: string;
  jobFor(file: InputFile): BuildJob;
  context: BuildContext;
}

/** Files at or above this count show a progress bar (on a terminal, outside CI). */
const PROGRESS_MIN_FILES = 20;

/** The default command: one file to stdout or --out-file, or files and folders into --out-dir or
 *  over themselves (--in-place). */
export async function compile(inputs: string[], flags: CompileFlags, io: Io, deps: CompileDeps): Promise<number> {
  const mode = resolveMode(inputs, flags, io.cwd);
  const c = colors(useColor(io.stderr, io.env, flags.color));
  if (isStdin(inputs)) return fromStdin(flags, mode, io, deps, c);
  const selection: Selection = { extensions: flags.extensions, ignore: flags.ignore, only: flags.only, globBase: deps.globBase };
  const outDir = mode.kind === "out-dir" ? resolve(io.cwd, mode.outDir) : undefined;
  const { files, singleFile, dirs } = await discover(inputs, io.cwd, mode.kind === "out-dir" ? mode.outDir : undefined, selection);

  if (mode.kind === "stdout" || mode.kind === "out-file") {
    if (!singleFile) {
      const what = mode.kind === "stdout" ? "a directory or several files need --out-dir <dir>; only a single file is printed to stdout" : "--out-file takes one input file; use --out-dir for a directory";
      throw new UsageError(what);
    }
    sourceFile(files[0], io);
    if (mode.kind === "stdout") return toStdout(files[0], undefined, flags, io, deps, c);
  }
  const namedOther = files.find((file) => file.named && file.kind === "other");
  if (namedOther && !flags.copyFiles) throw notSourceError(namedOther, io);
  if (mode.kind === "out-dir" && flags.deleteDirOnStart) await rm(outDir!, { recursive: true, force: true });

  const jobFor = (file: InputFile): BuildJob => ({ file, target: targetOf(file, mode, io) });
  const context = buildContext(flags, mode, io, deps, c, files.length);
  const tally = await timed(io, flags, destination(mode), c, () => build(files.map(jobFor), context));
  if (!flags.watch) return tally.failed ? EXIT_FILES_FAILED : EXIT_OK;
  return deps.watch!({ inputs, dirs, files, selection, outDir, jobFor, context: { ...context, checkSyntax: true, progress: false } });
}

function targetOf(file: InputFile, mode: Mode, io: Io): string {
  if (mode.kind === "out-dir") return resolve(io.cwd, mode.outDir, file.relative);
  if (mode.kind === "out-file") return resolve(io.cwd, mode.outFile);
  return file.path;
}

function destination(mode: Mode): string {
  if (mode.kind === "out-dir") return mode.outDir;
  if (mode.kind === "out-file") return mode.outFile;
  return "in place";
}

export function buildContext(flags: CompileFlags, mode: Mode, io: Io, deps: CompileDeps, c: Colors, fileCount: number): BuildContext {
  const useCache = flags.cache ?? (mode.kind === "out-dir" || mode.kind === "in-place");
  const cache = useCache
    ? new TransformCache(flags.cacheDir ? resolve(io.cwd, flags.cacheDir) : defaultCacheDir(io.cwd), cacheSalt(pluginOptionsFrom(flags), deps.version))
    : undefined;
  const showProgress = io.stderr.isTTY === true && !io.env.CI && !flags.quiet && !flags.verbose && fileCount >= PROGRESS_MIN_FILES;
  return {
    io,
    colors: c,
    engines: deps.engines,
    cache,
    sourceMaps: flags.sourceMaps ?? false,
    copyFiles: flags.copyFiles === true,
    inPlace: mode.kind === "in-place",
    checkSyntax: false,
    verbose: flags.verbose === true,
    progress: showProgress,
  };
}

/** Runs a build and ends it with the summary line (unless --quiet). */
export async function timed(io: Io, flags: CompileFlags, where: string, c: Colors, run: () => Promise<Tally>): Promise<Tally> {
  const started = performance.now();
  const tally = await run();
  if (!flags.quiet) io.stderr.write(formatSummary(tally, where, performance.now() - started, c));
  return tally;
}

/** `-`: stdin's code, named by --filename (default stdin.js here), to stdout or --out-file. */
async function fromStdin(flags: CompileFlags, mode: Mode, io: Io, deps: CompileDeps, c: Colors): Promise<number> {
  const path = resolve(io.cwd, flags.filename ?? "stdin.js");
  const file: InputFile = { path, relative: basename(path), kind: isSourceFile(path, flags.extensions) ? "source" : "other", named: true };
  sourceFile(file, io);
  if (!io.readStdin) throw new UsageError("stdin is not available here");
  const read = decodeSource(await io.readStdin(), path);
  if (!read.ok) return fail(formatDiagnostic(read.diagnostic, io.cwd, c), io);
  return toStdout(file, read, flags, io, deps, c, mode.kind === "out-file" ? resolve(io.cwd, mode.outFile) : undefined);
}

/** One file, printed (or written to `target` for stdin with --out-file); no cache, no pool. */
async function toStdout(
  file: InputFile,
  read: { ok: true; bytes: Buffer; text: string } | undefined,
  flags: CompileFlags,
  io: Io,
  deps: CompileDeps,
  c: Colors,
  target?: string,
): Promise<number> {
  const sourceMaps = flags.sourceMaps ?? false;
  const started = performance.now();
  const prepared = await prepare(file, { sourceMaps: sourceMaps !== false, packageTypes: new PackageTypeLookup(), checkSyntax: false }, read);
  // Maps on stdout point from the current folder.
  const mapTarget = target ?? join(io.cwd, basename(file.path));
  let text: OutputText;
  let status: "transformed" | "copied";
  if (prepared.kind === "failed") return fail(formatDiagnostic(prepared.diagnostic, io.cwd, c), io);
  if (prepared.kind === "copy") {
    text = copiedText(prepared.bytes, prepared.code, file.path, prepared.inputMap, sourceMaps, mapTarget);
    status = "copied";
  } else if (prepared.kind === "transform") {
    const result = await deps.engines.for(1, 0).transform(prepared.input);
    if (!result.ok) return fail(formatDiagnostic({ ...result.diagnostic, source: prepared.source }, io.cwd, c), io);
    for (const warning of result.output.warnings) io.stderr.write(formatWarning(file.path, warning, io.cwd, c));
    text = transformedText(result.output.code, result.output.map, sourceMaps, mapTarget);
    status = "transformed";
  } else throw new Error(`unexpected ${prepared.kind} for a single file`);
  if (target === undefined) {
    io.stdout.write(text.code);
    return EXIT_OK;
  }
  const written = (await writeOutput(target, text)) === "written";
  const tally: Tally = { transformed: 0, cached: 0, copied: 0, unchanged: 0, failed: 0 };
  tally[written ? status : "unchanged"]++;
  if (!flags.quiet) io.stderr.write(formatSummary(tally, relative(io.cwd, target), performance.now() - started, c));
  return EXIT_OK;
}

function fail(text: string, io: Io): number {
  io.stderr.write(text);
  return EXIT_FILES_FAILED;
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
