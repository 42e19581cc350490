import { abortReason, checkSignal } from "./abort.js";
import { LimiterQueue } from "./limiter-queue.js";
import { checkCount, checkFunction, readOptions } from "./validate.js";

export interface LimiterOptions {
  /** Aborting rejects everything queued with `signal.reason`, and every later call at once. */
  signal?: AbortSignal | null;
}

export interface LimitCallOptions {
  /** Aborting while this call is queued rejects it with `signal.reason` and removes it from the queue. */
  signal?: AbortSignal | null;
}

/** What a limiter exposes besides being callable. */
export interface LimiterState {
  /** The most tasks that run at once: a positive integer or Infinity. */
  readonly concurrency: number;
  /** Tasks started and not yet settled. */
  readonly activeCount: number;
  /** Calls waiting for a slot. */
  readonly pendingCount: number;
  /**
   * Rejects every queued call with `reason` (default: a DOMException named "AbortError") and
   * empties the queue; running tasks are untouched. Returns how many calls were cleared.
   */
  clearQueue(reason?: unknown): number;
}

export interface Limiter extends LimiterState {
  /** Runs `task()` when fewer than `concurrency` tasks are running; settles like it. */
  <T>(task: () => T | PromiseLike<T>, options?: LimitCallOptions): Promise<Awaited<T>>;
}

/**
 * A limiter runs at most `concurrency` tasks at a time and queues the rest in FIFO order. A task
 * starts synchronously inside the call when a slot is free; a synchronous throw rejects the call.
 *
 * Cancellation (a per-call or per-limiter signal aborting, or `clearQueue()`) applies only to calls
 * still queued — a started task keeps its slot until it settles; hand it the signal yourself to
 * stop it early. A cancelled call rejects with the reason, and that rejection is marked handled:
 * callers that await the promise see it, callers that dropped it get no unhandled rejection.
 */
export function createLimiter(concurrency: number, options?: LimiterOptions): Limiter {
  const engine = newLimiterQueue("createLimiter", concurrency, options);
  const limiter = <T>(task: () => T | PromiseLike<T>, callOptions?: LimitCallOptions): Promise<Awaited<T>> => {
    checkFunction("limiter", "task", task);
    return enqueue(engine, task, checkSignal("limiter", readOptions("limiter", callOptions).signal));
  };
  return defineLimiterState(limiter, engine);
}

export function newLimiterQueue(where: string, concurrency: number, options: LimiterOptions | undefined): LimiterQueue {
  checkCount(where, "concurrency", concurrency, 1);
  return new LimiterQueue(concurrency, checkSignal(where, readOptions(where, options).signal));
}

/** One call through `engine`, rejected at once (handled) when either signal is already aborted. */
export function enqueue<T>(engine: LimiterQueue, task: () => unknown, signal: AbortSignal | undefined): Promise<T> {
  const aborted = engine.signal?.aborted ? engine.signal : signal?.aborted ? signal : undefined;
  if (!aborted) return engine.call<T>(task, signal);
  const promise = Promise.reject(abortReason(aborted));
  promise.then(undefined, () => {});
  return promise;
}

/** Gives `target` the read-only `LimiterState` members, backed by `engine`. */
export function defineLimiterState<F extends Function>(target: F, engine: LimiterQueue): F & LimiterState {
  return Object.defineProperties(target, {
    concurrency: { value: engine.concurrency, enumerable: true },
    activeCount: { get: () => engine.active, enumerable: true },
    pendingCount: { get: () => engine.queue.size, enumerable: true },
    clearQueue: { value: (reason: unknown = clearedReason()) => engine.clear(reason), enumerable: true },
  }) as F & LimiterState;
}

function clearedReason(): DOMException {
  return new DOMException("The call was removed from the limiter's queue by clearQueue()", "AbortError");
}
