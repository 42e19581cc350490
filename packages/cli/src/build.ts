import { realpath, stat } from "node:fs/promises";
import type { TransformCache } from "./cache.js";
import type { TransformResult } from "./compile-file.js";
import type { Colors } from "./colors.js";
import { toDiagnostic } from "./diagnostics.js";
import type { InputFile } from "./discover.js";
import type { Engine, Engines } from "./engine.js";
import type { Io } from "./io.js";
import { limit } from "./limit.js";
import type { SourceMapMode } from "./options.js";
import { PackageTypeLookup } from "./package-type.js";
import { PluginLoadError } from "./plugin.js";
import { prepare, type Prepared } from "./prepare.js";
import { Reporter, type Outcome } from "./report.js";
import type { Tally } from "./summary.js";
import type { TransformInput } from "./transform.js";
import { copiedText, copyOutput, transformedText, writeOutput } from "./write-output.js";

/** One file and where its output goes (the file itself with --in-place). */
export interface BuildJob {
  file: InputFile;
  target: string;
}

export interface BuildContext {
  io: Io;
  colors: Colors;
  engines: Engines;
  cache?: TransformCache;
  sourceMaps: SourceMapMode | false;
  copyFiles: boolean;
  inPlace: boolean;
  /** Watch rebuilds: parse files without async syntax before copying them. */
  checkSyntax: boolean;
  verbose: boolean;
  progress: boolean;
}

/** At most this many files are read or written at once. */
const IO_CONCURRENCY = 16;

/**
 * Builds a batch of files in three steps: the main thread reads each file and decides (cache hit,
 * plain copy, or transform); the transforms go to an engine sized to their amount, largest file
 * first so no worker is left with a big one at the end; each result is written as it arrives.
 */
export async function build(jobs: BuildJob[], context: BuildContext): Promise<Tally> {
  const reporter = new Reporter({ io: context.io, colors: context.colors, verbose: context.verbose, progress: context.progress, total: jobs.length });
  const io = limit(IO_CONCURRENCY);
  const packageTypes = new PackageTypeLookup();
  const options = { sourceMaps: context.sourceMaps !== false, packageTypes, cache: context.cache, checkSyntax: context.checkSyntax };
  const prepared = await Promise.all(jobs.map((job) => io(() => prepare(job.file, options))));

  const work = prepared.map((p) => (p.kind === "transform" ? p.input : p.kind === "copy" ? p.check : undefined));
  const count = work.filter(Boolean).length;
  const engine = count ? context.engines.for(count, work.reduce((sum, input) => sum + (input?.code.length ?? 0), 0)) : undefined;
  if (engine && context.verbose) {
    const where = engine.threads ? `${engine.threads} worker threads` : "the main thread";
    context.io.stderr.write(`unawait: ${count} file${count === 1 ? "" : "s"} to transform, on ${where}\n`);
  }
  try {
    const results = transformLargestFirst(work, engine);
    await Promise.all(
      jobs.map(async (job, index) => {
        const outcome = await finish(job, prepared[index], results[index], context).catch((error: unknown): Outcome => {
          if (error instanceof PluginLoadError) throw error;
          return { path: job.file.path, status: "failed", diagnostic: toDiagnostic(error, job.file.path) };
        });
        reporter.done(index, outcome);
      }),
    );
  } finally {
    reporter.stop();
    await engine?.close();
  }
  return reporter.tally;
}

function transformLargestFirst(work: (TransformInput | undefined)[], engine: Engine | undefined) {
  const results: (Promise<TransformResult> | undefined)[] = new Array(work.length);
  const order = work.map((_, i) => i).filter((i) => work[i]).sort((a, b) => work[b]!.code.length - work[a]!.code.length);
  for (const i of order) results[i] = engine!.transform(work[i]!);
  return results;
}

async function finish(job: BuildJob, prepared: Prepared, pending: Promise<TransformResult> | undefined, context: BuildContext): Promise<Outcome> {
  const { file } = job;
  // In place, a symbolic link is written through, not replaced by a file.
  const target = context.inPlace && prepared.kind !== "failed" ? await realpath(job.target) : job.target;
  const path = file.path;
  switch (prepared.kind) {
    case "failed":
      return { path, status: "failed", diagnostic: prepared.diagnostic };
    case "other":
      if (!context.copyFiles || context.inPlace) return { path, status: "skipped" };
      return { path, target, status: (await copyOutput(path, target)) === "written" ? "copied" : "unchanged" };
    case "copy": {
      const checked = pending && (await pending);
      if (checked && !checked.ok) return { path, status: "failed", diagnostic: { ...checked.diagnostic, source: prepared.code } };
      if (context.inPlace) return { path, target, status: "unchanged" };
      const text = copiedText(prepared.bytes, prepared.code, path, prepared.inputMap, context.sourceMaps, target);
      return { path, target, status: (await writeOutput(target, text, await modeOf(path))) === "written" ? "copied" : "unchanged" };
    }
    case "cached":
    case "transform": {
      const result = prepared.kind === "cached" ? prepared.result : await pending!;
      if (prepared.kind === "transform" && prepared.key) await context.cache?.set(prepared.key, result);
      if (!result.ok) return { path, status: "failed", diagnostic: { ...result.diagnostic, source: prepared.source } };
      const text = transformedText(result.output.code, result.output.map, context.sourceMaps, target);
      const written = (await writeOutput(target, text, await modeOf(path))) === "written";
      const status = !written ? "unchanged" : prepared.kind === "cached" ? "cached" : "transformed";
      return { path, target, status, warnings: result.output.warnings };
    }
  }
}

/** Like the source, an executable script stays executable. */
async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode;
}
