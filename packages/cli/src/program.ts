import { Command, InvalidArgumentError, Option } from "commander";
import type { Io } from "./io.js";
import { RUNTIME_MODES, TOP_LEVEL_AWAIT_MODES, type CompileFlags, type TransformFlags } from "./options.js";

export interface Actions {
  compile(inputs: string[], flags: CompileFlags): Promise<void>;
  explain(file: string, flags: TransformFlags): Promise<void>;
}

const EXAMPLES = `
Examples:
  $ unawait src/app.js                            print the transformed file
  $ unawait src --out-dir dist                    transform a folder, keeping its tree
  $ unawait src --out-dir dist --copy-files       ...and copy the files that are not code
  $ unawait a.ts b.tsx --out-dir out --runtime inline
                                                  no import: a copy of the runtime in each file
  $ unawait job.cjs --top-level-await wrap        run a script's top-level await inside run()
  $ unawait explain src/app.js                    the original and its generator form side by side

Files: .js .jsx .mjs .cjs .ts .tsx .mts .cts are transformed and keep their language (types and
JSX stay). Whether the runtime is imported or required follows the file: .mjs/.mts import,
.cjs/.cts require, .js/.ts follow "type" in the nearest package.json. Directories are read
without node_modules and dot folders.

Exit status: 0 all files done, 1 some files failed, 2 usage error.
`;

/** The command line: the default command transforms, `explain` shows a file side by side. */
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
    .argument("<inputs...>", "files and directories to transform")
    .option("-d, --out-dir <dir>", "write the output here, mirroring the inputs' tree (required for directories)")
    .option("--copy-files", "with --out-dir, also copy the files that are not transformed")
    .option("-q, --quiet", "no summary line after an --out-dir run");
  addTransformOptions(program).addHelpText("after", EXAMPLES);
  program.action((inputs: string[], flags: CompileFlags) => actions.compile(inputs, flags));

  const explain = program
    .command("explain")
    .description("print a file and its transformed form in two columns")
    .argument("<file>", "the file to explain");
  addTransformOptions(explain).action((file: string, flags: TransformFlags) => actions.explain(file, flags));
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
    .option("--no-color", "no colours (also when NO_COLOR is set; colours are only used on a terminal)");
}

function nonEmpty(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("expected a module name.");
  return value;
}
