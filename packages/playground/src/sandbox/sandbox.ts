import { EventLoopClock } from "./clock.js";
import { describeError, formatArgs } from "./format-value.js";
import type { LogLevel, SandboxMessage } from "./protocol.js";
import type { Step } from "./steps.js";
import { patchTimers } from "./timers.js";

/** What the sandbox needs from the thread it runs in (a Web Worker, or a Node worker in tests). */
export interface SandboxHost {
  post(message: SandboxMessage): void;
  /** Calls `listener` for each promise still rejected without a handler after a checkpoint. */
  onUnhandledRejection(listener: (reason: unknown) => void): void;
}

type Scope = typeof globalThis;

/** A run stops reporting after this many lines (an endless loop of logs would flood the page). */
export const MAX_ENTRIES = 500;

/**
 * Runs `code` as a classic script in `scope` — a thread of its own, never the page — and reports
 * every console line with the step it ran in, then `done` once no timer is left and the last
 * checkpoint has drained. Endless loops are the page's job: it terminates the thread.
 */
export function runInSandbox(code: string, scope: Scope, host: SandboxHost): void {
  const clock = new EventLoopClock(scope.queueMicrotask.bind(scope));
  const write = logWriter(host);
  const uncaught = (error: unknown) => write("uncaught", `Uncaught ${describeError(error)}`, clock.now());
  patchConsole(scope, (level, args) => write(level, formatArgs(args), clock.now()));
  host.onUnhandledRejection((reason) => {
    write("uncaught", `Uncaught (in promise) ${describeError(reason)}`, clock.afterCheckpoint());
  });

  // The idle check is a task of its own, so it runs only once the checkpoint has drained. It
  // takes two quiet hops: engines report an unhandled rejection from a task they queue when
  // the checkpoint ends — after the first check was queued, before the second one.
  const idle = new scope.MessageChannel();
  let quietHops = 0;
  const checkIdle = () => {
    quietHops = 0;
    idle.port2.postMessage(null);
  };
  const { pending } = patchTimers(scope, { clock, onUncaught: uncaught, afterTask: checkIdle });
  idle.port1.onmessage = () => {
    if (pending.size > 0) return;
    if (++quietHops < 2) idle.port2.postMessage(null);
    else host.post({ type: "done" });
  };

  const evaluate = scope.eval; // indirect eval: global scope, sloppy unless the code says otherwise
  clock.enterTask(0);
  try {
    evaluate(code);
  } catch (error) {
    uncaught(error);
  }
  checkIdle();
}

function logWriter(host: SandboxHost) {
  let count = 0;
  return (level: LogLevel, text: string, step: Step): void => {
    count++;
    if (count <= MAX_ENTRIES) host.post({ type: "log", entry: { level, text, step } });
    else if (count === MAX_ENTRIES + 1) host.post({ type: "truncated", limit: MAX_ENTRIES });
  };
}

const LEVELS: Record<string, LogLevel> = { log: "log", info: "info", debug: "log", warn: "warn", error: "error" };

function patchConsole(scope: Scope, print: (level: LogLevel, args: unknown[]) => void): void {
  const console = Object.create(null) as Record<string, unknown>;
  for (const [method, level] of Object.entries(LEVELS)) console[method] = (...args: unknown[]) => print(level, args);
  Object.defineProperty(scope, "console", { value: console, writable: true, configurable: true });
}
