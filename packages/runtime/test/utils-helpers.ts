// Shared by the utils-*.test.ts files (not a test file itself).
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, vi } from "vitest";

// Captured before any test installs fake timers, which replace the global.
const realSetImmediate = globalThis.setImmediate;

/** Resolves after a real macrotask: every pending microtask and Node's rejection tracking have run. */
export function realTurn(): Promise<void> {
  return new Promise((resolve) => realSetImmediate(resolve));
}

/** Starts recording `unhandledRejection` events; `stop()` waits a real turn, then returns them. */
export function recordUnhandledRejections(): { stop(): Promise<unknown[]> } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  return {
    async stop() {
      await realTurn();
      process.off("unhandledRejection", listener);
      return seen;
    },
  };
}

/**
 * Fails the current test when a promise rejection goes unhandled while it runs, and gives every
 * test fresh fake timers (restored afterwards). Call once at the top of a test file.
 */
export function useFakeTimersAndFailOnUnhandledRejection(): void {
  let recorder: ReturnType<typeof recordUnhandledRejections>;
  beforeEach(() => {
    recorder = recordUnhandledRejections();
    vi.useFakeTimers();
  });
  afterEach(async () => {
    vi.useRealTimers();
    const seen = await recorder.stop();
    if (seen.length > 0) {
      throw new Error(`${seen.length} unhandled rejection(s) during the test: ${seen.map(String).join("; ")}`);
    }
  });
}

/** How many "abort" listeners are attached to `signal` (proves listeners are removed). */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, "abort").length;
}

export type Observed<T> =
  | { status: "pending" }
  | { status: "fulfilled"; value: T }
  | { status: "rejected"; reason: unknown };

/** Observes a promise synchronously-readable; attaching the handlers also marks it handled. */
export function observe<T>(promise: Promise<T>): { readonly state: Observed<T> } {
  const box: { state: Observed<T> } = { state: { status: "pending" } };
  promise.then(
    (value) => (box.state = { status: "fulfilled", value }),
    (reason: unknown) => (box.state = { status: "rejected", reason }),
  );
  return box;
}
