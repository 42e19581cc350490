import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { UsageError } from "./errors.js";
import { isSourceFile } from "./syntax.js";

/** One file to process: where it is, and where it goes relative to the output directory. */
export interface InputFile {
  path: string;
  /** A file named on the command line keeps its base name; a file found in a directory keeps its
   *  path relative to that directory (as @babel/cli does). Always "/"-separated. */
  relative: string;
  /** "source" files are transformed; "other" files are only ever copied. */
  kind: "source" | "other";
  /** Named on the command line rather than found in a directory. */
  named: boolean;
  /** Why the walk could not take this entry (a symlink loop, a broken link): reported as a failed file. */
  problem?: NodeJS.ErrnoException;
}

export interface Selection {
  /** Extensions of the files that are code (default: all eight). */
  extensions?: string[];
  ignore?: string[];
  only?: string[];
  /** Where relative globs are read from: the current folder, or a config file's folder. */
  globBase?: string;
}

export interface Discovery {
  files: InputFile[];
  /** True when the command line named exactly one input and it is a file. */
  singleFile: boolean;
  /** The directories named as inputs (watch mode watches them). */
  dirs: string[];
}

/** Expands the inputs into files. Directories are walked without entering node_modules, dot
 *  folders or the output directory; an output directory that overlaps an input is refused. */
export async function discover(inputs: string[], cwd: string, outDir?: string, selection: Selection = {}): Promise<Discovery> {
  const out = outDir === undefined ? undefined : resolve(cwd, outDir);
  if (out !== undefined && (await stat(out).catch(() => undefined))?.isDirectory() === false) {
    throw new UsageError(`--out-dir ${outDir} exists and is not a directory`);
  }
  const selected = selector(cwd, selection);
  const files: InputFile[] = [];
  const dirs: string[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const isDir = await isDirectory(path, input);
    if (out !== undefined) refuseOverlap(path, input, out, outDir!);
    if (isDir) {
      dirs.push(path);
      const found = await walk(path, selection.extensions);
      files.push(...found.filter((file) => file.problem || selected(file.path)));
    } else {
      files.push(inputFile(path, basename(path), true, selection.extensions));
    }
  }
  return { files: withoutCollisions(files), singleFile: inputs.length === 1 && dirs.length === 0, dirs };
}

/** `--ignore`/`--only` globs, matched against paths relative to `globBase` (dot files included). */
export function selector(cwd: string, selection: Selection): (path: string) => boolean {
  const base = selection.globBase ?? cwd;
  const options = { dot: true };
  const ignored = selection.ignore?.length ? picomatch(selection.ignore, options) : () => false;
  const only = selection.only?.length ? picomatch(selection.only, options) : () => true;
  return (path) => {
    const rel = relative(base, path).split(sep).join("/");
    return only(rel) && !ignored(rel);
  };
}

async function isDirectory(path: string, input: string): Promise<boolean> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (stats instanceof Error) {
    if (stats.code === "ELOOP") throw new UsageError(`input is a symbolic link loop: ${input}`);
    throw new UsageError(`input not found: ${input}`);
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`input is neither a file nor a directory: ${input}`);
  return stats.isDirectory();
}

/** Depth first, sorted, following symbolic links; a link back to a folder being walked is a loop. */
async function walk(root: string, extensions: string[] | undefined): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const visit = async (dir: string, ancestors: Set<string>): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      const kind = await entryKind(entry, path);
      if (kind instanceof Error) files.push({ ...inputFile(path, rel, false, extensions), problem: kind });
      else if (kind === "file") files.push(inputFile(path, rel, false, extensions));
      else if (kind === "dir") {
        const real = await realpath(path);
        if (ancestors.has(real)) files.push({ ...inputFile(path, rel, false, extensions), problem: loopError(path) });
        else await visit(path, new Set(ancestors).add(real));
      }
    }
  };
  await visit(root, new Set([await realpath(root)]));
  return files;
}

async function entryKind(entry: Dirent, path: string): Promise<"file" | "dir" | "other" | NodeJS.ErrnoException> {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "dir";
  if (!entry.isSymbolicLink()) return "other";
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (stats instanceof Error) return stats;
  return stats.isDirectory() ? "dir" : stats.isFile() ? "file" : "other";
}

function loopError(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`symbolic link loop: ${basename(path)} leads back to a folder that contains it`), {
    code: "ELOOP",
    syscall: "stat",
    path,
  });
}

function inputFile(path: string, rel: string, named: boolean, extensions: string[] | undefined): InputFile {
  return { path, relative: rel.split(sep).join("/"), kind: isSourceFile(path, extensions) ? "source" : "other", named };
}

function refuseOverlap(path: string, input: string, out: string, outDir: string): void {
  if (isInside(out, path)) {
    throw new UsageError(`--out-dir ${outDir} is inside the input ${input}; choose an output directory outside it`);
  }
  if (isInside(path, out)) {
    throw new UsageError(`the input ${input} is inside --out-dir ${outDir}; the output directory is never read as input`);
  }
}

/** True when `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The same file named twice is processed once; two files aimed at one output are refused. */
function withoutCollisions(files: InputFile[]): InputFile[] {
  const byOutput = new Map<string, InputFile>();
  for (const file of files) {
    const earlier = byOutput.get(file.relative);
    if (earlier && earlier.path !== file.path) {
      throw new UsageError(`${earlier.path} and ${file.path} would both be written to ${file.relative}`);
    }
    byOutput.set(file.relative, file);
  }
  return [...byOutput.values()];
}
