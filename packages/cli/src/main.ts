import { CommanderError } from "commander";
import type { CompileFile } from "./compile-file.js";
import { compile } from "./compile.js";
import { EXIT_FILES_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { explain } from "./explain.js";
import { processIo, type Io } from "./io.js";
import { pluginOptionsFrom, type PluginOptions } from "./options.js";
import { loadPlugin, type BabelPlugin } from "./plugin.js";
import { createProgram } from "./program.js";
import { ownVersion } from "./version.js";

export interface Dependencies {
  loadPlugin: () => Promise<BabelPlugin>;
  version: string;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo(), deps: Partial<Dependencies> = {}): Promise<number> {
  const load = deps.loadPlugin ?? loadPlugin;
  // @babel/core and the plugin load only once there is a file to transform: help, version and
  // usage errors answer without them.
  const compilerFor = (flags: PluginOptions) => async (): Promise<CompileFile> => {
    const { createCompiler } = await import("./compile-file.js");
    return createCompiler({ plugin: await load(), pluginOptions: pluginOptionsFrom(flags) });
  };

  let exitCode = EXIT_OK;
  const program = createProgram(io, deps.version ?? ownVersion(), {
    async compile(inputs, flags) {
      exitCode = await compile(inputs, flags, io, compilerFor(flags));
    },
    async explain(file, flags) {
      exitCode = await explain(file, compilerFor(flags), io, flags.color);
    },
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: Io): number {
  // commander has already printed its message (and the help hint); --help and --version end here too.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n(run unawait --help for usage)\n`);
    return EXIT_USAGE;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`unawait: internal error, please report it:\n${detail}\n`);
  return EXIT_FILES_FAILED;
}
