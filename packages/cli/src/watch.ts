import { rm } from "node:fs/promises";
import { basename, relative, sep } from "node:path";
import { watch as chokidar } from "chokidar";
import { build } from "./build.js";
import type { WatchRun } from "./compile.js";
import { timed } from "./compile.js";
import { isInside, selector, type InputFile } from "./discover.js";
import { EXIT_OK } from "./errors.js";
import type { Io } from "./io.js";
import type { CompileFlags } from "./options.js";
import { isSourceFile } from "./syntax.js";

/** Changes closer together than this are built together (an editor saving several files, a
 *  `git checkout`): one rebuild, one summary. */
export const DEBOUNCE_MS = 100;

/**
 * `--watch`, after the first build: rebuilds the files that change, debounced, until Ctrl-C (or
 * `stop`). A file that fails (a syntax error half-way through an edit) is reported and its last
 * good output stays: files without async syntax are parsed before being copied, in watch mode.
 * A deleted source takes its output (and map) with it.
 */
export async function watch(run: WatchRun, io: Io, flags: CompileFlags, stop: Promise<void> = interrupted()): Promise<number> {
  const named = new Map(run.files.filter((file) => file.named).map((file) => [file.path, file]));
  const fileFor = fileLookup(run, named, io.cwd);
  const watcher = chokidar([...run.dirs, ...named.keys()], { ignoreInitial: true, ignored: (path) => skipped(path, run, io.cwd) });
  const changed = new Set<string>();
  const removed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();

  const rebuild = async () => {
    const paths = [...changed].sort();
    const gone = [...removed].sort();
    changed.clear();
    removed.clear();
    if (run.outDir) await removeOutputs(gone.map(fileFor), run, io, flags.verbose === true);
    const jobs = paths.map(fileFor).filter((file): file is InputFile => file !== undefined).map(run.jobFor);
    if (jobs.length === 0) return;
    const where = run.outDir ? relative(io.cwd, run.outDir) || "." : relative(io.cwd, jobs[0].target);
    await timed(io, flags, where, run.context.colors, () => build(jobs, run.context));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(rebuild).catch((error: unknown) => {
        io.stderr.write(`unawait: rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    }, DEBOUNCE_MS);
  };
  watcher.on("add", (path) => (changed.add(path), removed.delete(path), schedule()));
  watcher.on("change", (path) => (changed.add(path), schedule()));
  watcher.on("unlink", (path) => (removed.add(path), changed.delete(path), schedule()));

  await new Promise<void>((ready) => watcher.once("ready", ready));
  const watched = [...run.dirs, ...named.keys()].map((path) => relative(io.cwd, path) || basename(path)).join(", ");
  if (!flags.quiet) io.stderr.write(`unawait: watching ${watched} (Ctrl-C to stop)\n`);
  await stop;
  clearTimeout(timer);
  await watcher.close();
  await building;
  if (!flags.quiet) io.stderr.write("unawait: stopped watching\n");
  return EXIT_OK;
}

/** node_modules, dot folders and the output directory are never watched (as never read). */
function skipped(path: string, run: WatchRun, cwd: string): boolean {
  const parts = (relative(cwd, path) || ".").split(sep);
  if (parts.some((part) => part === "node_modules" || (part.startsWith(".") && part !== "." && part !== ".."))) return true;
  return run.outDir !== undefined && isInside(path, run.outDir);
}

/** The input a changed path stands for: a named file, or a file found in a watched directory
 *  (relative to it, and passing --ignore/--only); undefined for anything else. */
function fileLookup(run: WatchRun, named: Map<string, InputFile>, cwd: string): (path: string) => InputFile | undefined {
  const selected = selector(cwd, run.selection);
  return (path) => {
    if (named.has(path)) return named.get(path);
    const dir = run.dirs.filter((d) => isInside(path, d)).sort((a, b) => b.length - a.length)[0];
    if (!dir || !selected(path)) return undefined;
    const rel = relative(dir, path).split(sep).join("/");
    return { path, relative: rel, kind: isSourceFile(path, run.selection.extensions) ? "source" : "other", named: false };
  };
}

/** A deleted source takes its output and map with it. */
async function removeOutputs(files: (InputFile | undefined)[], run: WatchRun, io: Io, verbose: boolean): Promise<void> {
  for (const file of files) {
    if (!file) continue;
    const target = run.jobFor(file).target;
    await rm(target, { force: true });
    await rm(`${target}.map`, { force: true });
    if (verbose) io.stderr.write(`${relative(io.cwd, file.path)} → ${relative(io.cwd, target)} (removed)\n`);
  }
}

/** Resolves on the first Ctrl-C (or SIGTERM); a second one is left to Node (exit at once). */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
