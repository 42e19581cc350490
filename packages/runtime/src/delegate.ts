// `yield* x` in an async generator, lowered to `yield* delegate(x)` in the sync generator body.
//
// The native sync `yield*` forwards each resumption of the body to the delegate — next(v),
// throw(e), return(v) — and passes the delegate's IteratorResult objects through unchanged to
// the driver, until one says `done`. The delegate runs the spec's async `yield*` loop (ECMA-262
// §15.5.5, YieldExpression : yield * AssignmentExpression, generatorKind async) as a state
// machine. Every Await it needs is a `delegateStep` sent out to the driver, whose answer comes
// back as the next resumption:
//
//   state               asks the driver for        driver answers with
//   RECEIVE             (nothing: suspended at      next(v) / throw(e) / return(v) from the
//                        an AsyncGeneratorYield)     request queue (return(v) already awaited)
//   AWAIT_RESULT        RESUME_NEXT  innerResult    next(awaited) or throw(reason)
//   AWAIT_RETURN_RESULT RESUME_RETURN innerResult   return(awaited) or throw(reason)
//   AWAIT_RETURN_VALUE  RESUME_RETURN value         return(awaited) or throw(reason)
//                       (only when the inner iterator has no return())
//   AWAIT_CLOSE         RESUME_NEXT  return()'s     next(awaited) or throw(reason)
//                                    result
//
// A return must leave `yield*` as a return completion, which a sync `yield*` produces only when
// `return()` answers done — so the driver resumes the body with `return(awaited)` after a
// RESUME_RETURN Await, and the delegate answers `{ done: true }` from `return()` when finished.

import { TypeErrorCtor } from "./intrinsics.js";
import { asyncIterator } from "./async-iterator.js";
import { IteratorRecord, call, getMethod, isObject } from "./iterator-record.js";
import { RESUME_NEXT, RESUME_RETURN, YIELD_NOW, delegateTo } from "./yield-protocol.js";

const RECEIVE = 0;
const AWAIT_RESULT = 1;
const AWAIT_RETURN_RESULT = 2;
const AWAIT_RETURN_VALUE = 3;
const AWAIT_CLOSE = 4;
type DelegateState = 0 | 1 | 2 | 3 | 4;

/** `yield* iterable` in a lowered async generator: GetIterator(iterable, async) now, then the
 *  async `yield*` loop through the returned sync iterator. */
export function delegate(iterable: unknown): IterableIterator<unknown, any, any> {
  return new AsyncDelegate(asyncIterator(iterable));
}

function notAnObject(method: string): TypeError {
  return new TypeErrorCtor(`The iterator's ${method}() result is not an object`);
}

class AsyncDelegate {
  #state: DelegateState = RECEIVE;
  constructor(readonly record: IteratorRecord) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(value: unknown): IteratorResult<unknown> {
    const record = this.record;
    switch (this.#state) {
      case RECEIVE:
        return this.#await(AWAIT_RESULT, RESUME_NEXT, call(record.nextMethod, record.iterator, value));
      case AWAIT_RESULT:
        return this.#received(value);
      default: // AWAIT_CLOSE: the inner iterator is closed; now report the missing throw().
        if (!isObject(value)) throw notAnObject("return");
        throw new TypeErrorCtor("The iterator does not provide a 'throw' method");
    }
  }

  throw(error: unknown): IteratorResult<unknown> {
    // In any state but RECEIVE, an Await of ours was rejected: the yield* throws.
    if (this.#state !== RECEIVE) throw error;
    const iterator = this.record.iterator;
    const method = getMethod(iterator, "throw");
    if (method !== undefined) return this.#await(AWAIT_RESULT, RESUME_NEXT, call(method, iterator, error));
    // No throw(): AsyncIteratorClose(iteratorRecord, NormalCompletion(empty)), then a TypeError.
    const close = getMethod(iterator, "return");
    if (close === undefined) throw new TypeErrorCtor("The iterator does not provide a 'throw' method");
    return this.#await(AWAIT_CLOSE, RESUME_NEXT, call(close, iterator));
  }

  return(value: unknown): IteratorResult<unknown> {
    switch (this.#state) {
      case RECEIVE: {
        const iterator = this.record.iterator;
        const method = getMethod(iterator, "return");
        if (method === undefined) return this.#await(AWAIT_RETURN_VALUE, RESUME_RETURN, value);
        return this.#await(AWAIT_RETURN_RESULT, RESUME_RETURN, call(method, iterator, value));
      }
      case AWAIT_RETURN_RESULT: {
        if (!isObject(value)) throw notAnObject("return");
        const result = value as IteratorResult<unknown>;
        // ECMA-262 2025 returns IteratorValue as it is here; only a missing return() awaits it.
        if (result.done) return { done: true, value: result.value };
        this.#state = RECEIVE;
        return delegateTo(YIELD_NOW, result.value);
      }
      default: // AWAIT_RETURN_VALUE: Return ReturnCompletion(value).
        return { done: true, value };
    }
  }

  /** After `next()` or `throw()`: the awaited inner result decides whether yield* is done. */
  #received(innerResult: unknown): IteratorResult<unknown> {
    if (!isObject(innerResult)) throw notAnObject("next");
    const result = innerResult as IteratorResult<unknown>;
    if (result.done) return { done: true, value: result.value };
    this.#state = RECEIVE;
    return delegateTo(YIELD_NOW, result.value);
  }

  #await(state: DelegateState, kind: typeof RESUME_NEXT | typeof RESUME_RETURN, operand: unknown): IteratorResult<unknown> {
    this.#state = state;
    return delegateTo(kind, operand);
  }
}
