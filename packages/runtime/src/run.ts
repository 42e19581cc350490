import { NativePromise, apply, generatorNext, generatorThrow, promiseResolve, promiseThen } from "./intrinsics.js";
import { RESOLVED, STORED, attach } from "./await.js";

/** A generator function whose `yield x` stands for `await x`. */
export type Coroutine<T> = (this: any, ...args: any[]) => Generator<unknown, T, any>;

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
  // The primitive an await is waiting on (see await.ts). Two closures per call, the state in
  // their shared context, and the stepping in one module-level function: measured the cheapest.
  let stored: unknown;
  const onFulfilled = (value: unknown): void => {
    if (value === STORED) value = stored;
    stored = advance(gen, false, value, resolve, reject, onFulfilled, onRejected);
  };
  const onRejected = (reason: unknown): void => {
    stored = advance(gen, true, reason, resolve, reject, onFulfilled, onRejected);
  };
  stored = advance(gen, false, undefined, resolve, reject, onFulfilled, onRejected);
  return promise;
}

/**
 * Resumes the generator until it awaits (returns the awaited primitive, if that is what it
 * awaits) or completes (settles the promise). `thrown` picks next or throw as a flag rather
 * than a function argument, so both calls keep a fixed target the JIT can see through.
 */
function advance(
  gen: Generator,
  thrown: boolean,
  arg: unknown,
  resolve: (value: unknown) => void,
  reject: (reason: unknown) => void,
  onFulfilled: (value: unknown) => void,
  onRejected: (reason: unknown) => void,
): unknown {
  let result: IteratorResult<unknown>;
  try {
    result = thrown ? generatorThrow(gen, arg) : generatorNext(gen, arg);
  } catch (error) {
    reject(error);
    return undefined;
  }
  const value = result.value;
  if (result.done) {
    resolve(value);
    return undefined;
  }
  if ((typeof value !== "object" || value === null) && typeof value !== "function") {
    promiseThen(RESOLVED, onFulfilled, onRejected);
    return value;
  }
  let promise: Promise<unknown>;
  try {
    promise = promiseResolve(NativePromise, value);
  } catch (error) {
    // PromiseResolve threw (a throwing `constructor` getter): the await throws, synchronously.
    return advance(gen, true, error, resolve, reject, onFulfilled, onRejected);
  }
  attach(promise, value, onFulfilled, onRejected);
  return undefined;
}
