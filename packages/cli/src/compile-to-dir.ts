import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { CompileFile } from "./compile-file.js";
import { formatDiagnostic, toDiagnostic } from "./diagnostics.js";
import type { InputFile } from "./discover.js";
import type { Colors } from "./colors.js";
import type { Io } from "./io.js";
import type { Tally } from "./summary.js";
import { copyFileAtomic, writeFileAtomic } from "./write-atomic.js";

export interface DirRun {
  outDir: string;
  copyFiles: boolean;
  compile: CompileFile;
  io: Io;
  /** Colours for stderr. */
  colors: Colors;
}

/** Mirrors the inputs under `outDir`. A file that fails is reported at once and the run goes on. */
export async function compileToDir(files: InputFile[], run: DirRun): Promise<Tally> {
  const tally: Tally = { transformed: 0, copied: 0, failed: 0 };
  for (const file of files) {
    const target = join(run.outDir, file.relative);
    if (file.kind === "other") {
      if (!run.copyFiles) continue;
      if (await attempt(run, file.path, () => copyFileAtomic(file.path, target))) tally.copied++;
      else tally.failed++;
      continue;
    }
    if (await transformInto(file, target, run)) tally.transformed++;
    else tally.failed++;
  }
  return tally;
}

async function transformInto(file: InputFile, target: string, run: DirRun): Promise<boolean> {
  const result = await run.compile(file.path);
  if (!result.ok) {
    run.io.stderr.write(formatDiagnostic(result.diagnostic, run.io.cwd, run.colors));
    return false;
  }
  return attempt(run, file.path, async () => {
    // Like the source, an executable script stays executable.
    const { mode } = await stat(file.path);
    await writeFileAtomic(target, withFinalNewline(result.code), mode);
  });
}

async function attempt(run: DirRun, path: string, action: () => Promise<void>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    run.io.stderr.write(formatDiagnostic(toDiagnostic(error, path), run.io.cwd, run.colors));
    return false;
  }
}

export function withFinalNewline(code: string): string {
  return code === "" || code.endsWith("\n") ? code : `${code}\n`;
}
