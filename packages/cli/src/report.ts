import { isAbsolute, relative } from "node:path";
import cliProgress from "cli-progress";
import type { Colors } from "./colors.js";
import { formatDiagnostic, formatWarning, type Diagnostic } from "./diagnostics.js";
import type { Io } from "./io.js";
import type { Tally } from "./summary.js";
import type { Warning } from "./transform.js";

export type Status = "transformed" | "cached" | "copied" | "unchanged" | "failed" | "skipped";

/** How one file ended. */
export interface Outcome {
  path: string;
  status: Status;
  target?: string;
  diagnostic?: Diagnostic;
  warnings?: Warning[];
}

export interface ReporterOptions {
  io: Io;
  colors: Colors;
  verbose: boolean;
  /** Show a progress bar (stderr is a terminal, not CI, not quiet or verbose, a long run). */
  progress: boolean;
  total: number;
}

/** Files finish in any order (the pool); their messages are printed in input order all the same,
 *  each as soon as the ones before it are done, so output is stable from run to run. */
export class Reporter {
  readonly tally: Tally = { transformed: 0, cached: 0, copied: 0, unchanged: 0, failed: 0 };
  private readonly pending = new Map<number, Outcome>();
  private next = 0;
  private finished = 0;
  private readonly multibar?: cliProgress.MultiBar;
  private readonly bar?: cliProgress.SingleBar;

  constructor(private readonly options: ReporterOptions) {
    if (options.progress) {
      this.multibar = new cliProgress.MultiBar(
        {
          stream: options.io.stderr as NodeJS.WriteStream,
          clearOnComplete: true,
          hideCursor: true,
          format: "unawait [{bar}] {value}/{total} files",
          barsize: 30,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar = this.multibar.create(options.total, 0);
      this.multibar.update(); // draw at once: later frames come on a timer, which a quick run never sees
    }
  }

  done(index: number, outcome: Outcome): void {
    count(this.tally, outcome.status);
    this.finished++;
    this.bar?.update(this.finished);
    this.pending.set(index, outcome);
    while (this.pending.has(this.next)) {
      const text = this.format(this.pending.get(this.next)!);
      this.pending.delete(this.next++);
      if (text) this.write(text);
    }
  }

  stop(): void {
    this.multibar?.stop();
  }

  private write(text: string): void {
    if (this.multibar) this.multibar.log(text);
    else this.options.io.stderr.write(text);
  }

  private format(outcome: Outcome): string {
    const { io, colors: c } = this.options;
    let text = "";
    if (this.options.verbose && outcome.status !== "skipped") {
      const target = outcome.target && outcome.target !== outcome.path ? ` → ${shown(outcome.target, io.cwd)}` : "";
      text += `${shown(outcome.path, io.cwd)}${target} ${c.dim(`(${outcome.status})`)}\n`;
    }
    for (const warning of outcome.warnings ?? []) text += formatWarning(outcome.path, warning, io.cwd, c);
    if (outcome.diagnostic) text += formatDiagnostic(outcome.diagnostic, io.cwd, c);
    return text;
  }
}

/** Relative to the current folder, unless that climbs out of it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

function count(tally: Tally, status: Status): void {
  if (status === "cached") {
    tally.cached++;
    tally.transformed++;
  } else if (status !== "skipped") tally[status]++;
}
