import { run } from "../run.js";
import { abortReason, checkSignal, onAbort } from "./abort.js";
import { backoffDelay, jitterFraction, type BackoffPolicy, type Jitter } from "./backoff.js";
import { RetryError } from "./retry-error.js";
import { sleep } from "./sleep.js";
import { checkCount, checkDelay, checkFinite, checkFunction, checkOptionalFunction, readOptions } from "./validate.js";

export interface RetryOptions {
  /** Retries after the first attempt: at most `retries + 1` calls. Integer >= 0 or Infinity. Default 3. */
  retries?: number;
  /** Delay in ms before the first retry. Default 200. */
  base?: number;
  /** Growth of the delay per attempt, >= 1 (1 = constant delay). Default 2. */
  factor?: number;
  /** Cap on the delay before jitter, 0 to 2^31-1 ms. Default 30000. */
  maxDelay?: number;
  /** Randomization of each delay; see `Jitter`. Default "full". */
  jitter?: Jitter;
  /** Called with each failure that could be retried; return false (or a promise of false) to give up. */
  shouldRetry?: (error: unknown, attempt: number) => boolean | PromiseLike<boolean>;
  /** Called before waiting `delay` ms to retry after failed attempt `attempt`; a returned promise is awaited. */
  onRetry?: (error: unknown, attempt: number, delay: number) => void | PromiseLike<void>;
  /** Aborting rejects with `signal.reason` at once, whether an attempt is running or a delay is pending. */
  signal?: AbortSignal | null;
}

export type RetryTask<T> = (attempt: number, signal: AbortSignal) => T | PromiseLike<T>;

interface Policy extends BackoffPolicy {
  retries: number;
  shouldRetry?: RetryOptions["shouldRetry"];
  onRetry?: RetryOptions["onRetry"];
}

/**
 * Calls `fn(attempt, signal)` (attempt counts from 1) until it fulfills, waiting
 * `min(maxDelay, base * factor ** (attempt - 1))` ms, jittered, after each failure.
 *
 * Giving up rejects with a `RetryError`: `attempts` says how many calls were made and `cause` is
 * the last error. That happens when the retries run out (`shouldRetry` is not consulted then) or
 * when `shouldRetry` returns false. Errors thrown by `shouldRetry` or `onRetry` reject as they are.
 *
 * `signal` is `options.signal`, or a signal that never aborts, so `fn` can always pass it on.
 * Aborting rejects with the signal's reason immediately; a running attempt is not awaited, no
 * further attempt starts, and a pending delay's timer is cleared.
 */
export function retry<T>(fn: RetryTask<T>, options?: RetryOptions): Promise<Awaited<T>> {
  checkFunction("retry", "fn", fn);
  const opts = readOptions("retry", options);
  const policy = readPolicy(opts);
  const signal = checkSignal("retry", opts.signal);
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const attempts = run(attemptLoop, undefined, [fn, policy, signal ?? new AbortController().signal]) as Promise<Awaited<T>>;
  return signal ? settleOnAbort(attempts, signal) : attempts;
}

function* attemptLoop<T>(fn: RetryTask<T>, policy: Policy, signal: AbortSignal): Generator<unknown, T, any> {
  const { retries, shouldRetry, onRetry } = policy;
  for (let attempt = 1; ; attempt++) {
    try {
      return yield fn(attempt, signal);
    } catch (error) {
      // The public promise has already rejected with the reason; stop quietly.
      if (signal.aborted) throw abortReason(signal);
      if (attempt > retries) throw new RetryError(attempt, error, false);
      if (shouldRetry && !(yield shouldRetry(error, attempt))) throw new RetryError(attempt, error, true);
      const delay = backoffDelay(policy, attempt);
      if (onRetry) yield onRetry(error, attempt, delay);
      yield sleep(delay, { signal });
    }
  }
}

// The attempt loop only notices an abort between steps; the caller hears about it at once.
function settleOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stopListening = onAbort(signal, () => reject(abortReason(signal)));
    work.then(
      (value) => {
        stopListening();
        resolve(value);
      },
      (error: unknown) => {
        stopListening();
        reject(error);
      },
    );
  });
}

function readPolicy(opts: Partial<RetryOptions>): Policy {
  const { retries = 3, base = 200, factor = 2, maxDelay = 30_000, jitter = "full", shouldRetry, onRetry } = opts;
  checkCount("retry", "options.retries", retries, 0);
  checkFinite("retry", "options.base", base, 0);
  checkFinite("retry", "options.factor", factor, 1);
  checkDelay("retry", "options.maxDelay", maxDelay, false);
  checkOptionalFunction("retry", "options.shouldRetry", shouldRetry);
  checkOptionalFunction("retry", "options.onRetry", onRetry);
  return { retries, base, factor, maxDelay, jitter: jitterFraction("retry", jitter), shouldRetry, onRetry };
}
