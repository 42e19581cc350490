import { defineLimiterState, enqueue, newLimiterQueue, type LimiterOptions, type LimiterState } from "./create-limiter.js";
import { checkFunction } from "./validate.js";

/** `fn` with calls queued through a limiter; same arguments and `this`, always returns a promise. */
export type LimitedFunction<F extends (...args: any[]) => unknown> = ((
  this: ThisParameterType<F>,
  ...args: Parameters<F>
) => Promise<Awaited<ReturnType<F>>>) &
  LimiterState;

/**
 * Wraps `fn` so that at most `concurrency` of its calls run at once; extra calls wait in FIFO
 * order. Same semantics as `createLimiter` (`activeCount`, `pendingCount`, `clearQueue()`, and
 * `options.signal` for the whole limiter). Every argument goes to `fn`, so there is no per-call
 * signal here — use `createLimiter` for that.
 */
export function limit<F extends (...args: any[]) => unknown>(fn: F, concurrency: number, options?: LimiterOptions): LimitedFunction<F> {
  checkFunction("limit", "fn", fn);
  const engine = newLimiterQueue("limit", concurrency, options);
  const limited = function (this: ThisParameterType<F>, ...args: Parameters<F>) {
    return enqueue(engine, () => Reflect.apply(fn, this, args), undefined);
  };
  return defineLimiterState(limited, engine) as LimitedFunction<F>;
}
