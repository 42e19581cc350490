import { stat } from "node:fs/promises";
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { glob } from "tinyglobby";
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
}

export interface Discovery {
  files: InputFile[];
  /** True when the command line named exactly one input and it is a file. */
  singleFile: boolean;
}

/** Expands the inputs into files. Directories are walked without entering node_modules or dot
 *  folders; an output directory that overlaps an input is refused, so it is never read back. */
export async function discover(inputs: string[], cwd: string, outDir?: string): Promise<Discovery> {
  const out = outDir === undefined ? undefined : resolve(cwd, outDir);
  if (out !== undefined && (await stat(out).catch(() => undefined))?.isDirectory() === false) {
    throw new UsageError(`--out-dir ${outDir} exists and is not a directory`);
  }
  const files: InputFile[] = [];
  let dirCount = 0;
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const isDir = await isDirectory(path, input);
    if (out !== undefined) refuseOverlap(path, input, out, outDir!);
    if (isDir) {
      dirCount++;
      files.push(...(await walk(path)));
    } else {
      files.push(inputFile(path, basename(path), true));
    }
  }
  return { files: withoutCollisions(files), singleFile: inputs.length === 1 && dirCount === 0 };
}

async function isDirectory(path: string, input: string): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new UsageError(`input not found: ${input}`);
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`input is neither a file nor a directory: ${input}`);
  return stats.isDirectory();
}

async function walk(dir: string): Promise<InputFile[]> {
  const found = await glob("**/*", {
    cwd: dir,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    ignore: ["**/node_modules/**"],
  });
  return found.sort().map((rel) => inputFile(resolve(dir, rel), rel, false));
}

function inputFile(path: string, rel: string, named: boolean): InputFile {
  return { path, relative: rel.split(sep).join("/"), kind: isSourceFile(path) ? "source" : "other", named };
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
