import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative } from "node:path";
import { diffArrays } from "diff";
import { colors, useColor } from "./colors.js";
import { sideBySide, type Row } from "./columns.js";
import { sourceFile } from "./compile.js";
import { formatDiagnostic } from "./diagnostics.js";
import { discover } from "./discover.js";
import type { Engines } from "./engine.js";
import { EXIT_FILES_FAILED, EXIT_OK, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { PackageTypeLookup } from "./package-type.js";
import { prepare } from "./prepare.js";
import type { CompareFlags } from "./program.js";

/** How one run of a program ended. */
export interface RunResult {
  stdout: string;
  stderr: string;
  /** "exit 0", "exit 3", "killed by SIGSEGV", or "timed out after 10000 ms". */
  status: string;
  timedOut: boolean;
}

/**
 * `unawait compare <file>`: runs the file as written and as transformed (`--runtime inline` unless
 * told otherwise, so it runs anywhere), one after the other in child processes with a time limit,
 * and shows both logs side by side, aligned by a line diff, the first difference flagged. Logs are
 * stdout; stderr is shown but not compared (stack traces name different files). Exit 1 when the
 * logs or exit statuses differ, or a run hit the time limit.
 */
export async function compare(input: string, flags: CompareFlags, engines: Engines, io: Io): Promise<number> {
  const { files, singleFile } = await discover([input], io.cwd);
  if (!singleFile) throw new UsageError(`compare takes one file, and ${input} is a directory`);
  const file = sourceFile(files[0], io);
  const errors = colors(useColor(io.stderr, io.env, flags.color));
  const prepared = await prepare(file, { sourceMaps: false, packageTypes: new PackageTypeLookup(), checkSyntax: false });
  if (prepared.kind === "failed") return fail(formatDiagnostic(prepared.diagnostic, io.cwd, errors), io);
  let code = prepared.kind === "copy" ? prepared.code : "";
  if (prepared.kind === "transform") {
    const result = await engines.for(1, 0).transform(prepared.input);
    if (!result.ok) return fail(formatDiagnostic({ ...result.diagnostic, source: prepared.source }, io.cwd, errors), io);
    code = result.output.code;
  }
  // Beside the original, so its relative imports and package.json "type" apply the same way.
  const lowered = join(dirname(file.path), `.${basename(file.path, extname(file.path))}.unawait-compare-${randomBytes(3).toString("hex")}${extname(file.path)}`);
  let native: RunResult;
  let transformed: RunResult;
  // Ctrl-C while a run goes on must not leave the lowered copy beside the user's file.
  const cleanUp = () => {
    rmSync(lowered, { force: true });
    process.exit(130);
  };
  process.once("SIGINT", cleanUp);
  try {
    await writeFile(lowered, code);
    native = await runNode(file.path, io, flags.timeout);
    transformed = await runNode(lowered, io, flags.timeout);
  } finally {
    process.off("SIGINT", cleanUp);
    await rm(lowered, { force: true });
  }
  return report(relative(io.cwd, file.path), native, transformed, io, flags.color);
}

function report(name: string, native: RunResult, transformed: RunResult, io: Io, colorFlag: boolean): number {
  const c = colors(useColor(io.stdout, io.env, colorFlag));
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 160;
  const left = lines(native.stdout);
  const right = lines(transformed.stdout);
  const rows = diffRows(left, right);
  const first = rows.findIndex((row) => row.flag);
  let text = sideBySide(
    { title: `node ${name}`, text: left.join("\n") },
    { title: "transformed by unawait", text: right.join("\n") },
    width,
    c,
    rows.map((row, i) => ({ ...row, flag: i === first })),
  );
  const statusDiffers = native.status !== transformed.status;
  text += `${native.status.padEnd(Math.floor((Math.max(width, 40) - 3) / 2))}${statusDiffers ? c.red(c.bold(" > ")) : " | "}${transformed.status}\n`;
  for (const [label, run] of [[`stderr of node ${name}`, native], ["stderr of the transformed run", transformed]] as const) {
    if (run.stderr) text += `\n${c.dim(`${label} (not compared):`)}\n${run.stderr}${run.stderr.endsWith("\n") ? "" : "\n"}`;
  }
  const timedOut = native.timedOut || transformed.timedOut;
  const same = first < 0 && !statusDiffers && !timedOut;
  if (same) text += `\n${c.green("same log and exit status")}\n`;
  else if (timedOut) text += `\n${c.red("a run hit the time limit (--timeout): the outcome is unknown")}\n`;
  else if (first >= 0) text += `\n${c.red(`the logs differ first at line ${firstLine(rows, first)}`)}\n`;
  else text += `\n${c.red(`the exit statuses differ: ${native.status} vs ${transformed.status}`)}\n`;
  io.stdout.write(text);
  return same ? EXIT_OK : EXIT_FILES_FAILED;
}

/** Rows aligned by a line diff: common lines side by side, the rest on their own side. */
export function diffRows(left: string[], right: string[]): Row[] {
  const rows: Row[] = [];
  let l = 0;
  let r = 0;
  for (const change of diffArrays(left, right)) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.added) rows.push({ right: r++, flag: true });
      else if (change.removed) rows.push({ left: l++, flag: true });
      else rows.push({ left: l++, right: r++ });
    }
  }
  return rows;
}

function firstLine(rows: Row[], index: number): number {
  const row = rows[index];
  return (row.left ?? row.right ?? 0) + 1;
}

function lines(text: string): string[] {
  if (text === "") return [];
  const all = text.split(/\r?\n/);
  if (all[all.length - 1] === "") all.pop();
  return all;
}

export function runNode(file: string, io: Io, timeout: number): Promise<RunResult> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [file],
      { cwd: io.cwd, env: io.env as NodeJS.ProcessEnv, timeout, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const timedOut = error !== null && (error as { killed?: boolean }).killed === true && child.signalCode === "SIGKILL";
        const status = timedOut
          ? `timed out after ${timeout} ms`
          : child.signalCode
            ? `killed by ${child.signalCode}`
            : `exit ${child.exitCode ?? 0}`;
        done({ stdout, stderr, status, timedOut });
      },
    );
  });
}

function fail(text: string, io: Io): number {
  io.stderr.write(text);
  return EXIT_FILES_FAILED;
}
