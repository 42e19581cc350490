import { abortReason, checkSignal, onAbort } from "./abort.js";
import { TimeoutError } from "./timeout-error.js";
import { checkDelay, describe, readOptions } from "./validate.js";

export interface WithTimeoutOptions {
  /** Message of the TimeoutError; defaults to "Timed out after <ms> ms". */
  message?: string;
  /** Aborting rejects with `signal.reason` (and aborts the task's signal, in the function form). */
  signal?: AbortSignal | null;
}

/** The function form: receives a signal that aborts when the timeout fires (or `options.signal` aborts). */
export type TimeoutTask<T> = (signal: AbortSignal) => T | PromiseLike<T>;

/**
 * Settles like the given work, or rejects with a `TimeoutError` after `ms` milliseconds
 * (0 to 2^31-1; `Infinity` sets no timer). Work that is already settled wins against `ms = 0`.
 *
 * Two forms:
 * - `withTimeout(promise, ms)` races a promise that is already running. The promise cannot be
 *   stopped; like `Promise.race`, a rejection it produces after the timeout is observed and dropped
 *   (never an unhandled rejection).
 * - `withTimeout((signal) => work(signal), ms)` starts the work itself and hands it an AbortSignal
 *   that aborts with the `TimeoutError` (or with the caller's abort reason) — pass it on, e.g. to
 *   `fetch`, so the work is cancelled rather than abandoned. A synchronous throw rejects.
 *
 * The timer is cleared and the abort listener removed on every path. An already-aborted
 * `options.signal` rejects at once and, in the function form, never calls the function.
 */
export function withTimeout<T>(task: TimeoutTask<T>, ms: number, options?: WithTimeoutOptions): Promise<Awaited<T>>;
export function withTimeout<T>(promise: T | PromiseLike<T>, ms: number, options?: WithTimeoutOptions): Promise<Awaited<T>>;
export function withTimeout<T>(input: T | PromiseLike<T> | TimeoutTask<T>, ms: number, options?: WithTimeoutOptions): Promise<Awaited<T>> {
  checkDelay("withTimeout", "ms", ms, true);
  const { message, signal: rawSignal } = readOptions("withTimeout", options);
  if (message !== undefined && typeof message !== "string") {
    throw new TypeError(`withTimeout: options.message must be a string, got ${describe(message)}.`);
  }
  const signal = checkSignal("withTimeout", rawSignal);
  const isTask = typeof input === "function";
  if (signal?.aborted) {
    if (!isTask) observe(input);
    return Promise.reject(abortReason(signal));
  }
  return new Promise<Awaited<T>>((resolve, reject) => {
    const controller = isTask ? new AbortController() : undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopListening: (() => void) | undefined;
    const cleanUp = () => {
      clearTimeout(timer);
      stopListening?.();
    };
    const fail = (reason: unknown) => {
      cleanUp();
      controller?.abort(reason);
      reject(reason);
    };
    // Subscribe and arm the timer before starting the task: a task that aborts the caller's
    // signal synchronously must still be seen.
    if (signal) stopListening = onAbort(signal, () => fail(abortReason(signal)));
    if (ms !== Infinity) {
      timer = setTimeout(() => fail(new TimeoutError(message ?? `Timed out after ${ms} ms`, ms)), ms);
    }
    let work: Promise<T>;
    try {
      work = Promise.resolve(isTask ? (input as TimeoutTask<T>)(controller!.signal) : input);
    } catch (error) {
      cleanUp();
      reject(error);
      return;
    }
    work.then(
      (value) => {
        cleanUp();
        resolve(value as Awaited<T>);
      },
      (error: unknown) => {
        cleanUp();
        reject(error);
      },
    );
  });
}

// The caller handed over a running promise and gets a rejection instead: its eventual failure
// must not surface as an unhandled rejection.
function observe(value: unknown): void {
  try {
    Promise.resolve(value).then(undefined, () => {});
  } catch {
    // A promise whose `constructor` getter throws has nothing left to observe.
  }
}
