import { NativePromise, apply, generatorNext, generatorThrow } from "./intrinsics.js";
import { STORED, awaitValue } from "./await.js";

/** A generator function whose `yield x` stands for `await x`. */
export type Coroutine<T> = (this: any, ...args: any[]) => Generator<unknown, T, any>;
type Resume = (gen: Generator, arg: unknown) => IteratorResult<unknown>;

// A shared executor avoids allocating one closure per call just to capture the resolving functions.
let capturedResolve: (value: unknown) => void;
let capturedReject: (reason: unknown) => void;
function capture(resolve: (value: unknown) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}
const NO_ARGS: readonly unknown[] = [];

/**
 * Runs `genFn` as the body of an async function and returns its promise (spec: AsyncFunctionStart
 * with AsyncBlockStart; each `yield` is an Await, see await.ts).
 *
 * - The body runs synchronously up to its first `yield`.
 * - `yield v` resumes when Await(v) would: one microtask for a plain value or a settled native
 *   promise, the spec's extra turns for thenables, subclass and foreign promises. A throwing
 *   PromiseResolve (a `constructor` getter) throws at the `yield`, synchronously, as native does.
 * - `return v` resolves the promise with v (a returned thenable is adopted, costing the same
 *   turns as native); a throw — including one while binding parameters — rejects it.
 *
 * Per call it allocates what a native call does — the promise and the generator — plus the
 * two resume callbacks; per await, nothing beyond what `then` needs.
 */
export function run<T>(genFn: Coroutine<T>, thisArg?: unknown, args?: ArrayLike<unknown>): Promise<T> {
  const promise = new NativePromise(capture) as Promise<T>;
  const resolve = capturedResolve;
  const reject = capturedReject;
  let gen: Generator;
  try {
    gen = apply(genFn, thisArg, args === undefined ? NO_ARGS : args) as Generator;
  } catch (error) {
    reject(error);
    return promise;
  }
  let stored: unknown;
  const step = (resume: Resume, arg: unknown): void => {
    for (;;) {
      let result: IteratorResult<unknown>;
      try {
        result = resume(gen, arg);
      } catch (error) {
        reject(error);
        return;
      }
      if (result.done) {
        resolve(result.value);
        return;
      }
      try {
        if (awaitValue(result.value, onFulfilled, onRejected)) stored = result.value;
        return;
      } catch (error) {
        resume = generatorThrow;
        arg = error;
      }
    }
  };
  const onFulfilled = (value: unknown): void => {
    if (value === STORED) {
      value = stored;
      stored = undefined;
    }
    step(generatorNext, value);
  };
  const onRejected = (reason: unknown): void => step(generatorThrow, reason);
  step(generatorNext, undefined);
  return promise;
}
