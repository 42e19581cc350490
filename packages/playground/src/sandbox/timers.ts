import type { EventLoopClock } from "./clock.js";

type Scope = Pick<typeof globalThis, "setTimeout" | "clearTimeout" | "setInterval" | "clearInterval">;

export interface TimerHooks {
  clock: EventLoopClock;
  /** Reports an exception thrown by a callback (the engine would print it as uncaught). */
  onUncaught(error: unknown): void;
  /** Called at the end of every task's synchronous part. */
  afterTask(): void;
}

/**
 * Wraps setTimeout/setInterval so each callback announces its task number before it runs, and
 * keeps the set of timers still pending so the sandbox knows when nothing is left to run.
 * Delays and order are the engine's own: each callback is still one native timer.
 */
export function patchTimers(scope: Scope, hooks: TimerHooks): { pending: Set<unknown> } {
  const native = {
    setTimeout: scope.setTimeout.bind(scope),
    clearTimeout: scope.clearTimeout.bind(scope),
    setInterval: scope.setInterval.bind(scope),
    clearInterval: scope.clearInterval.bind(scope),
  };
  const pending = new Set<unknown>();
  let tasks = 0;

  const runTask = (handler: Function, args: unknown[]): void => {
    hooks.clock.enterTask(++tasks);
    try {
      handler(...args);
    } catch (error) {
      hooks.onUncaught(error);
    }
    hooks.afterTask();
  };

  scope.setTimeout = ((handler: unknown, delay?: number, ...args: unknown[]) => {
    if (typeof handler !== "function") throw new TypeError("setTimeout: pass a function (strings are not evaluated here)");
    const id = native.setTimeout(() => {
      pending.delete(id);
      runTask(handler, args);
    }, delay);
    pending.add(id);
    return id;
  }) as typeof scope.setTimeout;

  scope.setInterval = ((handler: unknown, delay?: number, ...args: unknown[]) => {
    if (typeof handler !== "function") throw new TypeError("setInterval: pass a function (strings are not evaluated here)");
    const id = native.setInterval(() => runTask(handler, args), delay);
    pending.add(id);
    return id;
  }) as typeof scope.setInterval;

  scope.clearTimeout = ((id: any) => {
    pending.delete(id);
    native.clearTimeout(id);
  }) as typeof scope.clearTimeout;

  scope.clearInterval = ((id: any) => {
    pending.delete(id);
    native.clearInterval(id);
  }) as typeof scope.clearInterval;

  return { pending };
}
