import { CommanderError } from "commander";
import { compile } from "./compile.js";
import { loadConfig, mergeConfig } from "./config.js";
import { Engines } from "./engine.js";
import { EXIT_FILES_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { processIo, type Io } from "./io.js";
import { pluginOptionsFrom, type CompileFlags, type TransformFlags } from "./options.js";
import { PluginLoadError, type BabelPlugin } from "./plugin.js";
import { createProgram } from "./program.js";
import { ownVersion } from "./version.js";

export interface Dependencies {
  /** A stand-in plugin (tests): it then runs on the main thread, never in workers. */
  loadPlugin: () => Promise<BabelPlugin>;
  version: string;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo(), deps: Partial<Dependencies> = {}): Promise<number> {
  const version = deps.version ?? ownVersion();
  // @babel/core and the plugin load only once a file needs the transform: help, version, usage
  // errors, cache hits and files without async syntax never pay for them.
  const engines = (flags: TransformFlags, workers?: number) =>
    new Engines({ pluginOptions: pluginOptionsFrom(flags), workers, loadPlugin: deps.loadPlugin });
  /** Config values fill in what the command line left out (transform options only, for explain/compare). */
  const withConfig = async <F extends TransformFlags>(flags: F, given: Set<string>) => {
    const config = await loadConfig(io.cwd, flags.config);
    return { config, flags: mergeConfig(flags as CompileFlags, given, config) as unknown as F };
  };

  let exitCode = EXIT_OK;
  const program = createProgram(io, version, {
    async compile(inputs, rawFlags, given) {
      const { config, flags } = await withConfig(rawFlags, given);
      // A bare `--source-maps` arrives as `true`.
      if ((flags.sourceMaps as unknown) === true) flags.sourceMaps = "true";
      const fromConfig = inputs.length === 0 && config?.options.inputs ? config.options.inputs : inputs;
      const globBase = config && !given.has("ignore") && !given.has("only") ? config.dir : undefined;
      exitCode = await compile(fromConfig, flags, io, {
        engines: engines(flags, flags.workers),
        version,
        globBase,
        watch: async (run) => (await import("./watch.js")).watch(run, io, flags),
      });
    },
    async explain(file, rawFlags) {
      const { flags } = await withConfig(rawFlags, transformKeysGiven(rawFlags));
      const { explain } = await import("./explain.js");
      // explain is for reading code: the gotcha warnings are on unless asked off in a config.
      exitCode = await explain(file, engines({ ...flags, warn: flags.warn ?? flags.warnings ?? true }), io, flags.color);
    },
    async compare(file, rawFlags) {
      const { flags } = await withConfig(rawFlags, transformKeysGiven(rawFlags));
      const { compare } = await import("./compare.js");
      exitCode = await compare(file, flags, engines({ ...flags, runtime: flags.runtime ?? "inline" }), io);
    },
    async lint(inputs, flags) {
      const { lint } = await import("./lint.js");
      exitCode = await lint(inputs, io, flags.color);
    },
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return failure(error, io);
  }
}

/** Subcommands take only transform options from a config; what the user typed wins. */
function transformKeysGiven(flags: TransformFlags): Set<string> {
  return new Set(Object.entries(flags).filter(([, value]) => value !== undefined).map(([key]) => key));
}

function failure(error: unknown, io: Io): number {
  // commander has already printed its message (and the help hint); --help and --version end here too.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n(run unawait --help for usage)\n`);
    return EXIT_USAGE;
  }
  if (error instanceof PluginLoadError) {
    io.stderr.write(`unawait: error: ${error.message}\n`);
    return EXIT_FILES_FAILED;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`unawait: internal error, please report it:\n${detail}\n`);
  return EXIT_FILES_FAILED;
}
