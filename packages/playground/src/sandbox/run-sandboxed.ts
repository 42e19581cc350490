import type { LogEntry, RunRequest, SandboxMessage } from "./protocol.js";

/** The part of a Web Worker the page uses; Node's worker_threads fit it through a small adapter. */
export interface SandboxWorker {
  postMessage(request: RunRequest): void;
  terminate(): void;
  onmessage: ((event: { data: SandboxMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export type RunOutcome = "done" | "timeout" | "crashed";

export interface RunResult {
  entries: LogEntry[];
  outcome: RunOutcome;
  /** The sandbox stopped reporting after this many lines. */
  truncatedAt?: number;
  /** Why the worker itself failed (outcome "crashed"). */
  error?: string;
  elapsedMs: number;
}

export interface RunOptions {
  createWorker: () => SandboxWorker;
  /** Wall-clock limit; the worker is terminated when it is reached, whatever it is doing. */
  timeLimitMs?: number;
}

export const DEFAULT_TIME_LIMIT_MS = 3000;

/** Runs `code` in a fresh worker and resolves with everything it printed. Never rejects. */
export function runSandboxed(code: string, options: RunOptions): Promise<RunResult> {
  const { createWorker, timeLimitMs = DEFAULT_TIME_LIMIT_MS } = options;
  const started = performance.now();
  const entries: LogEntry[] = [];
  let truncatedAt: number | undefined;
  return new Promise((resolve) => {
    const worker = createWorker();
    const finish = (outcome: RunOutcome, error?: string) => {
      clearTimeout(timer);
      worker.onmessage = worker.onerror = null;
      worker.terminate();
      resolve({ entries, outcome, truncatedAt, error, elapsedMs: performance.now() - started });
    };
    const timer = setTimeout(() => finish("timeout"), timeLimitMs);
    worker.onmessage = ({ data }) => {
      if (data.type === "log") entries.push(data.entry);
      else if (data.type === "truncated") truncatedAt = data.limit;
      else finish("done");
    };
    worker.onerror = (event) => finish("crashed", event.message ?? "the sandbox failed to start");
    worker.postMessage({ code });
  });
}
