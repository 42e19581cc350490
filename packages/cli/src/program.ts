import { Command, InvalidArgumentError, Option } from "commander";
import type { Io } from "./io.js";
import {
  RUNTIME_MODES,
  SOURCE_MAP_MODES,
  TOP_LEVEL_AWAIT_MODES,
  parseExtensions,
  type CompileFlags,
  type SourceMapMode,
  type TransformFlags,
} from "./options.js";

export interface CompareFlags extends TransformFlags {
  timeout: number;
}

export interface Actions {
  compile(inputs: string[], flags: CompileFlags, given: Set<string>): Promise<void>;
  explain(file: string, flags: TransformFlags): Promise<void>;
  compare(file: string, flags: CompareFlags): Promise<void>;
  lint(inputs: string[], flags: { color: boolean }): Promise<void>;
}

const EXAMPLES = `
Examples:
  $ unawait src/app.js                              print the transformed file
  $ cat app.js | unawait - --filename app.js        stdin to stdout
  $ unawait src/app.js -o dist/app.js --source-maps one file, with dist/app.js.map
  $ unawait src --out-dir dist                      a folder, keeping its tree (cached, on every core)
  $ unawait src -d dist --copy-files --delete-dir-on-start
                                                    a clean mirror, with the files that are not code
  $ unawait src -d dist --ignore "**/*.test.js" --extensions .js,.mjs
  $ unawait src -d dist --watch                     rebuild what changes until Ctrl-C
  $ unawait src --in-place                          replace the files themselves (each atomically)
  $ unawait a.ts b.tsx -d out --runtime inline      no import: a copy of the runtime in each file
  $ unawait job.cjs --top-level-await wrap          run a script's top-level await inside run()
  $ unawait explain src/app.js                      the original and its generator form side by side
  $ unawait compare src/app.js                      run both forms, show both logs, flag a difference
  $ unawait lint src                                report forEach(async …), floating promises, …
  $ unawait src -d dist --warn                      build, and report the same gotchas

Files: .js .jsx .mjs .cjs .ts .tsx .mts .cts are transformed and keep their language (types and
JSX stay); files with no async syntax are copied as they are. Whether the runtime is imported or
required follows the file: .mjs/.mts import, .cjs/.cts require, .js/.ts follow "type" in the
nearest package.json. Directories are read without node_modules and dot folders.

Config: unawait.config.json, unawait.config.js or an "unawait" key in package.json, looked up
from the current folder upwards; flags override it. Keys are the long flags in camelCase
("outDir", "sourceMaps", "ignore": [...]) plus "inputs".

Cache: on for --out-dir and --in-place, in node_modules/.cache/unawait of the nearest package.

Exit status: 0 all files done, 1 some files failed, 2 usage error.
`;

/** The command line: the default command transforms; `explain` and `compare` show a file. */
export function createProgram(io: Io, version: string, actions: Actions): Command {
  const program = new Command("unawait")
    .description("Lower async functions, async generators and for-await to generators run by @unawait/runtime.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError("(run unawait --help for usage)")
    .enablePositionalOptions();

  program
    .argument("[inputs...]", 'files and directories to transform ("-" reads stdin)')
    .option("-d, --out-dir <dir>", "write the output here, mirroring the inputs' tree (required for directories)")
    .option("-o, --out-file <file>", "write the one input's output to this file")
    .option("--in-place", "replace each input file with its output (atomically)")
    .option("--copy-files", "with --out-dir, also copy the files that are not transformed")
    .option("--delete-dir-on-start", "delete --out-dir before writing to it")
    .addOption(new Option("--extensions <list>", "which files are code, e.g. .js,.ts (default: all eight)").argParser(extensionList))
    .addOption(new Option("--ignore <glob>", "skip files matching this glob (relative to the current folder; repeatable)").argParser(collect))
    .addOption(new Option("--only <glob>", "only files matching this glob (repeatable)").argParser(collect))
    .addOption(new Option("-s, --source-maps [mode]", "true (a .map file), inline or both").argParser(sourceMapMode))
    .option("--cache", "reuse earlier results (default for --out-dir and --in-place)")
    .option("--no-cache", "transform every file again")
    .option("--cache-dir <dir>", "where the cache lives (default: node_modules/.cache/unawait)")
    .addOption(new Option("-j, --workers <n>", "worker threads for folders (default: number of cores)").argParser(positiveInteger))
    .option("-w, --watch", "rebuild the files that change, until Ctrl-C")
    .option("--filename <name>", "the name stdin's code is given; its extension picks the syntax")
    .option("-q, --quiet", "no summary line")
    .option("-v, --verbose", "one line per file");
  addTransformOptions(program).addHelpText("after", EXAMPLES);
  program.action((inputs: string[], flags: CompileFlags, command: Command) => {
    const given = new Set(Object.keys(flags).filter((key) => command.getOptionValueSource(key) === "cli"));
    return actions.compile(inputs, flags, given);
  });

  const explain = program
    .command("explain")
    .description("print a file and its transformed form in two columns, lines aligned by the source map")
    .argument("<file>", "the file to explain");
  addTransformOptions(explain).action((file: string, flags: TransformFlags) => actions.explain(file, flags));

  const compare = program
    .command("compare")
    .description("run a file and its transformed form in child processes and show both logs side by side")
    .argument("<file>", "the file to run both ways")
    .addOption(new Option("--timeout <ms>", "stop each run after this long").default(10_000).argParser(positiveInteger));
  addTransformOptions(compare).action((file: string, flags: CompareFlags) => actions.compare(file, flags));

  program
    .command("lint")
    .description("report the async gotchas (forEach(async …), floating promises, await in loops, …) without transforming; exit 1 on a warning")
    .argument("<inputs...>", "files and directories to check")
    .option("--no-color", "no colours")
    .action((inputs: string[], flags: { color: boolean }) => actions.lint(inputs, flags));
  return program;
}

function addTransformOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--runtime <mode>", "how the output reaches the runtime (auto picks import or require per file)").choices(
        RUNTIME_MODES,
      ),
    )
    .addOption(new Option("--runtime-module <name>", "module to load the runtime from").argParser(nonEmpty))
    .addOption(
      new Option("--top-level-await <mode>", "top-level await: report an error, or wrap a script's body").choices(
        TOP_LEVEL_AWAIT_MODES,
      ),
    )
    .addOption(new Option("--warn", "also report the async gotchas as warnings (see `unawait lint`)").default(undefined))
    .option("--config <file>", "read options from this file instead of looking for one")
    .option("--no-config", "ignore config files")
    .option("--no-color", "no colours (also when NO_COLOR is set; colours are only used on a terminal)");
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function nonEmpty(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("expected a module name.");
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number of at least 1.");
  return n;
}

function extensionList(value: string): string[] {
  const list = parseExtensions(value);
  if (list.length === 0) throw new InvalidArgumentError("expected extensions such as .js,.ts.");
  return list;
}

export function sourceMapMode(value: string | boolean): SourceMapMode | false {
  if (value === true) return "true";
  if (value === false || value === "false") return false;
  if ((SOURCE_MAP_MODES as readonly string[]).includes(value)) return value as SourceMapMode;
  throw new InvalidArgumentError(`Allowed choices are ${SOURCE_MAP_MODES.join(", ")}.`);
}
