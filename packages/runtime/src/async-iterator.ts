// Async iteration for lowered code: %AsyncIteratorPrototype%, GetIterator(obj, async) and the
// pieces a lowered `for await` loop is made of. The loop the plugin emits (inside a generator
// driven by `run` or `asyncGen`, where a plain `yield` is an Await):
//
//   const _it = asyncIterator(xs);
//   let _inBody = false;
//   try {
//     for (;;) {
//       _inBody = false;
//       const _step = iteratorResult(yield _it.next());
//       if (_step.done) break;
//       const _value = _step.value;
//       _inBody = true;
//       const x = _value;
//       BODY
//     }
//   } catch (_e) {
//     if (_inBody) { _inBody = false; yield* asyncIteratorClose(_it, true); }
//     throw _e;
//   } finally {
//     if (_inBody) yield* asyncIteratorClose(_it, false);
//   }

import { TypeErrorCtor } from "./intrinsics.js";
import { createAsyncFromSyncIterator } from "./async-from-sync-iterator.js";
import { IteratorRecord, call, getIteratorFromMethod, getMethod, isObject } from "./iterator-record.js";

export type { IteratorRecord } from "./iterator-record.js";

/** %AsyncIteratorPrototype%: the object whose [Symbol.asyncIterator]() returns `this`. */
export const AsyncIteratorPrototype: object = {};
Object.defineProperty(AsyncIteratorPrototype, Symbol.asyncIterator, {
  value: {
    [Symbol.asyncIterator]() {
      return this;
    },
  }[Symbol.asyncIterator],
  writable: true,
  enumerable: false,
  configurable: true,
});

/**
 * GetIterator(obj, async): the object's [Symbol.asyncIterator], or else its [Symbol.iterator]
 * wrapped by CreateAsyncFromSyncIterator. The record's `next()` calls the `next` method read here.
 */
export function asyncIterator(obj: unknown): IteratorRecord {
  const method = getMethod(obj, Symbol.asyncIterator);
  if (method !== undefined) return getIteratorFromMethod(obj, method);
  const syncMethod = getMethod(obj, Symbol.iterator);
  if (syncMethod === undefined) throw new TypeErrorCtor("Object is not async iterable");
  return createAsyncFromSyncIterator(getIteratorFromMethod(obj, syncMethod));
}

/** The check after each awaited `next()`: an IteratorResult must be an object. */
export function iteratorResult<T>(result: T): T {
  if (!isObject(result)) throw new TypeErrorCtor(`Iterator result ${String(result)} is not an object`);
  return result;
}

const CLOSED: IteratorResult<undefined> = { done: true, value: undefined };

/**
 * AsyncIteratorClose(record, completion), to be run with `yield*` by the lowered code: the sync
 * iterator it returns yields once, to Await the result of `return()`. With `isThrow` (the loop
 * is leaving by a throw), every error on the way is swallowed so that the original one wins;
 * otherwise errors propagate and `return()` must have fulfilled with an object.
 */
export function asyncIteratorClose(record: IteratorRecord, isThrow: boolean): IterableIterator<unknown, undefined, unknown> {
  return new AsyncIteratorCloser(record, isThrow);
}

// A sync iterator of our own rather than a generator: the lowered `yield*` must not go through
// %GeneratorPrototype%.next, which user code may have replaced.
class AsyncIteratorCloser {
  #awaiting = false;
  constructor(
    readonly record: IteratorRecord,
    readonly isThrow: boolean,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  /** First call: start closing. Second call: the Await of `return()`'s result fulfilled. */
  next(awaited?: unknown): IteratorResult<unknown, undefined> {
    if (this.#awaiting) {
      if (!this.isThrow && !isObject(awaited)) throw new TypeErrorCtor("The iterator's return() result is not an object");
      return CLOSED;
    }
    this.#awaiting = true;
    if (!this.isThrow) return this.#callReturn();
    try {
      return this.#callReturn();
    } catch {
      return CLOSED;
    }
  }

  /** The Await of `return()`'s result rejected (or could not start). */
  throw(error: unknown): IteratorResult<unknown, undefined> {
    if (this.isThrow) return CLOSED;
    throw error;
  }

  #callReturn(): IteratorResult<unknown, undefined> {
    const iterator = this.record.iterator;
    const method = getMethod(iterator, "return");
    if (method === undefined) return CLOSED;
    return { done: false, value: call(method, iterator) };
  }
}
