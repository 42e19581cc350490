import { NativePromise, apply, generatorNext, generatorThrow, promiseResolve } from "./intrinsics.js";
import { STORED, awaitValue } from "./await.js";

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
 * with AsyncBlockStart; each `yield` is an Await, see await.ts). `genFn` is called with `thisArg`
 * and `args`; it may also be the generator already made, when binding the parameters cannot throw
 * (the plugin's `run(f$(a, b))` for plain parameters: no arguments object, no Reflect.apply).
 *
 * - The body runs synchronously up to its first `yield`.
 * - `yield v` resumes when Await(v) would: one microtask for a plain value or a settled native
 *   promise, the spec's extra turns for thenables, subclass and foreign promises. A throwing
 *   PromiseResolve (a `constructor` getter) throws at the `yield`, synchronously, as native does.
 * - `return v` resolves the promise with v (a returned thenable is adopted, costing the same
 *   turns as native); a throw — including one while binding parameters — rejects it.
 *
 * Nothing outside can see the promise before `run` returns it, so it is made only when needed:
 * a body that finishes before its first await (the leaves of a recursion, a cache hit) costs a
 * settled promise and the generator; one that awaits adds the resolving functions and the two
 * resume callbacks. Per await, nothing beyond what `then` needs.
 */
export function run<T>(genFn: Coroutine<T> | Generator<unknown, T, any>, thisArg?: unknown, args?: ArrayLike<unknown>): Promise<T> {
  let gen: Generator;
  let result: IteratorResult<unknown>;
  try {
    gen = (typeof genFn === "function" ? apply(genFn, thisArg, args || NO_ARGS) : genFn) as Generator;
    result = generatorNext(gen);
  } catch (error) {
    const rejected = new NativePromise(capture) as Promise<T>;
    capturedReject(error);
    return rejected;
  }
  if (result.done) return settledWith(result.value) as Promise<T>;
  const promise = new NativePromise(capture) as Promise<T>;
  const resolve = capturedResolve;
  const reject = capturedReject;
  // The primitive an await is waiting on (see await.ts). Two closures per call, the state in
  // their shared context, and the stepping in module-level functions: measured the cheapest.
  let stored: unknown;
  const onFulfilled = (value: unknown): void => {
    if (value === STORED) value = stored;
    stored = advance(gen, false, value, resolve, reject, onFulfilled, onRejected);
  };
  const onRejected = (reason: unknown): void => {
    stored = advance(gen, true, reason, resolve, reject, onFulfilled, onRejected);
  };
  stored = awaitStep(gen, result.value, resolve, reject, onFulfilled, onRejected);
  return promise;
}

/** The promise of a body that returned `value` before awaiting anything. A primitive fulfils a
 *  fresh promise with no lookups, as the resolve function would; an object goes through the
 *  resolve function, which reads `then` now and adopts a thenable, as natively. */
function settledWith(value: unknown): Promise<unknown> {
  if ((typeof value !== "object" || value === null) && typeof value !== "function") return promiseResolve(NativePromise, value);
  const promise = new NativePromise(capture);
  capturedResolve(value);
  return promise;
}

/** Resumes the generator with a value (or throws into it), then handles what it does next.
 *  `thrown` picks next or throw as a flag rather than a function argument, so both calls keep a
 *  fixed target the JIT can see through. */
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
  if (result.done) {
    resolve(result.value);
    return undefined;
  }
  return awaitStep(gen, result.value, resolve, reject, onFulfilled, onRejected);
}

/** Await(value) for a body suspended at `yield value`. Returns the awaited primitive, if that is
 *  what it awaits (onFulfilled then receives STORED), or undefined. */
function awaitStep(
  gen: Generator,
  value: unknown,
  resolve: (value: unknown) => void,
  reject: (reason: unknown) => void,
  onFulfilled: (value: unknown) => void,
  onRejected: (reason: unknown) => void,
): unknown {
  try {
    return awaitValue(value, onFulfilled, onRejected) ? value : undefined;
  } catch (error) {
    // PromiseResolve threw (a throwing `constructor` getter): the await throws, synchronously.
    return advance(gen, true, error, resolve, reject, onFulfilled, onRejected);
  }
}
