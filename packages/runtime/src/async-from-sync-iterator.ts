// CreateAsyncFromSyncIterator and %AsyncFromSyncIteratorPrototype% (ECMA-262 §27.1.6), which let
// `for await` and `yield*` in async generators consume sync iterables: each step's value is
// awaited before it is handed on.
//
// Includes the 2023 change (ecma262 PR #2600): when a yielded value is a rejected promise — or
// cannot even be resolved — the sync iterator is closed before the rejection is passed on, and a
// `throw()` on a sync iterator without `throw` closes it and rejects with a TypeError. Node 20's
// V8 predates the change; the tests named "2023" document the difference.

import { TypeErrorCtor } from "./intrinsics.js";
import { STORED, awaitValue } from "./await.js";
import {
  IteratorRecord,
  call,
  createIterResult,
  getMethod,
  isObject,
  iteratorCloseOnNormal,
  iteratorCloseOnThrow,
} from "./iterator-record.js";
import { PromiseCapability } from "./promise-capability.js";

// Async-from-Sync Iterator objects are never reachable from user code, so a class of our own is
// enough. The methods still check `arguments.length`: the spec passes `value` on to the sync
// iterator only when it "is present", and the sync iterator can tell.
class AsyncFromSyncIterator {
  constructor(readonly syncIteratorRecord: IteratorRecord) {}

  next(value?: unknown): Promise<unknown> {
    const capability = new PromiseCapability();
    const sync = this.syncIteratorRecord;
    let result: unknown;
    try {
      result = arguments.length > 0 ? call(sync.nextMethod, sync.iterator, value) : call(sync.nextMethod, sync.iterator);
      if (!isObject(result)) throw new TypeErrorCtor("Iterator result is not an object");
    } catch (error) {
      capability.reject(error);
      return capability.promise;
    }
    return asyncFromSyncIteratorContinuation(result, capability, sync, true);
  }

  return(value?: unknown): Promise<unknown> {
    const capability = new PromiseCapability();
    const sync = this.syncIteratorRecord;
    const syncIterator = sync.iterator;
    let result: unknown;
    try {
      const method = getMethod(syncIterator, "return");
      if (method === undefined) {
        capability.resolve(createIterResult(value, true));
        return capability.promise;
      }
      result = arguments.length > 0 ? call(method, syncIterator, value) : call(method, syncIterator);
      if (!isObject(result)) throw new TypeErrorCtor("The iterator's return() result is not an object");
    } catch (error) {
      capability.reject(error);
      return capability.promise;
    }
    return asyncFromSyncIteratorContinuation(result, capability, sync, false);
  }

  throw(value?: unknown): Promise<unknown> {
    const capability = new PromiseCapability();
    const sync = this.syncIteratorRecord;
    const syncIterator = sync.iterator;
    let result: unknown;
    try {
      const method = getMethod(syncIterator, "throw");
      if (method === undefined) {
        // Give the iterator a chance to clean up; an error from closing it wins over ours.
        iteratorCloseOnNormal(sync);
        throw new TypeErrorCtor("The iterator does not provide a 'throw' method");
      }
      result = arguments.length > 0 ? call(method, syncIterator, value) : call(method, syncIterator);
      if (!isObject(result)) throw new TypeErrorCtor("The iterator's throw() result is not an object");
    } catch (error) {
      capability.reject(error);
      return capability.promise;
    }
    return asyncFromSyncIteratorContinuation(result, capability, sync, true);
  }
}

const asyncFromSyncNext = AsyncFromSyncIterator.prototype.next;

/** CreateAsyncFromSyncIterator(syncIteratorRecord). */
export function createAsyncFromSyncIterator(syncIteratorRecord: IteratorRecord): IteratorRecord {
  return new IteratorRecord(new AsyncFromSyncIterator(syncIteratorRecord), asyncFromSyncNext);
}

/** AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord, closeOnRejection).
 *  PromiseResolve of the value followed by PerformPromiseThen is exactly an Await, so await.ts
 *  does it; its callbacks settle the capability in the same job as the spec's reactions. */
function asyncFromSyncIteratorContinuation(
  result: any,
  capability: PromiseCapability,
  syncIteratorRecord: IteratorRecord,
  closeOnRejection: boolean,
): Promise<unknown> {
  let done: boolean;
  let value: unknown;
  try {
    done = !!result.done;
    value = result.value;
  } catch (error) {
    capability.reject(error);
    return capability.promise;
  }
  const unwrap = (v: unknown): void => capability.resolve(createIterResult(v === STORED ? value : v, done));
  // The reject function itself settles the capability in the same job as the spec's undefined
  // onRejected handler would.
  const onRejected =
    done || !closeOnRejection
      ? capability.reject
      : (error: unknown): void => {
          iteratorCloseOnThrow(syncIteratorRecord);
          capability.reject(error);
        };
  try {
    awaitValue(value, unwrap, onRejected);
  } catch (error) {
    // PromiseResolve threw (the value is a promise with a throwing `constructor` getter).
    if (!done && closeOnRejection) iteratorCloseOnThrow(syncIteratorRecord);
    capability.reject(error);
  }
  return capability.promise;
}
