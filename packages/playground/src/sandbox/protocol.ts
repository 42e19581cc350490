import type { Step } from "./steps.js";

export type LogLevel = "log" | "info" | "warn" | "error" | "uncaught";

/** One line a run printed (or an error nobody caught), and the step it ran in. */
export interface LogEntry {
  level: LogLevel;
  text: string;
  step: Step;
}

/** Page → worker: the one message a sandbox ever receives. */
export interface RunRequest {
  code: string;
}

/** Worker → page. `done` means nothing is left to run: no timer pending, microtasks drained. */
export type SandboxMessage =
  | { type: "log"; entry: LogEntry }
  | { type: "truncated"; limit: number }
  | { type: "done" };
