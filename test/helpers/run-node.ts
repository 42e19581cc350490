import { execFile } from "node:child_process";
import { limitConcurrency } from "./limit-concurrency.js";

export interface NodeRun {
  stdout: string;
  stderr: string;
  /** Exit code, or null when the process was killed (see `signal`). */
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

// Fixtures measure order against real timers: more parallel processes than this would let
// CPU contention stretch timer gaps enough to make a slow machine look like a divergence.
const limit = limitConcurrency(2);

/** Runs `file` in a fresh `node` process (cwd = its folder) and collects what it printed. */
export function runNode(file: string, cwd: string, timeoutMs = 10_000): Promise<NodeRun> {
  return limit(
    () =>
      new Promise<NodeRun>((resolve) => {
        execFile(
          process.execPath,
          [file],
          { cwd, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024, env: childEnv() },
          (error, stdout, stderr) => {
            const failure = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals }) | null;
            resolve({
              stdout,
              stderr,
              status: failure ? (typeof failure.code === "number" ? failure.code : null) : 0,
              signal: failure?.signal ?? null,
              timedOut: Boolean(failure?.killed),
            });
          },
        );
      }),
  );
}

// The parent runs under vitest; options it passes to node (loaders, inspector) must not leak in.
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}
