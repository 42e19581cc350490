import { resolve } from "node:path";
import { isInside } from "./discover.js";
import { UsageError } from "./errors.js";
import type { CompileFlags } from "./options.js";

/** Where output goes, decided once from the flags. */
export type Mode =
  | { kind: "stdout" }
  | { kind: "out-file"; outFile: string }
  | { kind: "out-dir"; outDir: string }
  | { kind: "in-place" };

const STDIN = "-";

/** Refuses contradictory flags with a one-line reason each; the rest is checked against the files. */
export function resolveMode(inputs: string[], flags: CompileFlags, cwd: string): Mode {
  const conflict = (a: string, b: string, why: string) => {
    throw new UsageError(`${a} and ${b} cannot be used together: ${why}`);
  };
  const needs = (flag: string, other: string, why = "") => {
    throw new UsageError(`${flag} needs ${other}${why}`);
  };
  if (inputs.length === 0) throw new UsageError("missing input: name files or directories, or - for stdin");
  if (flags.quiet && flags.verbose) conflict("--quiet", "--verbose", "choose one");
  if (flags.outDir !== undefined && flags.outFile !== undefined) conflict("--out-dir", "--out-file", "one output or a tree of them");
  if (flags.cache === false && flags.cacheDir !== undefined) conflict("--no-cache", "--cache-dir", "there is no cache to put there");
  const stdin = inputs.includes(STDIN);
  if (stdin && inputs.length > 1) throw new UsageError("- (stdin) must be the only input");
  if (flags.filename !== undefined && !stdin) needs("--filename", "- (stdin) as the input", "; a file has its own name");

  if (flags.inPlace) {
    for (const [flag, set] of [
      ["--out-dir", flags.outDir !== undefined],
      ["--out-file", flags.outFile !== undefined],
      ["--copy-files", flags.copyFiles],
      ["--delete-dir-on-start", flags.deleteDirOnStart],
      ["--watch", flags.watch],
    ] as const) {
      if (set) conflict("--in-place", flag, "--in-place writes each output over its input");
    }
    if (flags.sourceMaps) conflict("--in-place", "--source-maps", "the map would point at a file that no longer holds the original");
    if (stdin) conflict("--in-place", "- (stdin)", "stdin has no file to replace");
    return { kind: "in-place" };
  }
  if (flags.copyFiles && flags.outDir === undefined) needs("--copy-files", "--out-dir <dir>");
  if (flags.deleteDirOnStart && flags.outDir === undefined) needs("--delete-dir-on-start", "--out-dir <dir>");
  if (flags.outDir !== undefined) {
    if (stdin) conflict("- (stdin)", "--out-dir", "stdin is one file; use --out-file");
    if (flags.deleteDirOnStart && isInside(cwd, resolve(cwd, flags.outDir))) {
      throw new UsageError(`--delete-dir-on-start would delete ${flags.outDir}, which holds the current folder`);
    }
    return { kind: "out-dir", outDir: flags.outDir };
  }
  if (flags.watch && flags.outFile === undefined) needs("--watch", "--out-dir or --out-file", ": there is nothing to rewrite on stdout");
  if (flags.watch && stdin) conflict("--watch", "- (stdin)", "stdin cannot change");
  if (flags.outFile !== undefined) {
    if (inputs.length > 1) throw new UsageError("--out-file takes one input file; use --out-dir for several");
    return { kind: "out-file", outFile: flags.outFile };
  }
  if ((flags.sourceMaps === "true" || flags.sourceMaps === "both") && inputs.length === 1) {
    throw new UsageError(`--source-maps ${flags.sourceMaps} writes a .map file, and stdout has no file beside it: use --source-maps inline or --out-file`);
  }
  return { kind: "stdout" };
}

export function isStdin(inputs: string[]): boolean {
  return inputs.length === 1 && inputs[0] === STDIN;
}
