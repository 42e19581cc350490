// The spec's Iterator Record and the small operations on iterators that every async-iteration
// module needs. Each does exactly the property reads and calls the spec names, in its order:
// user code can observe them through getters and proxies.

import { TypeErrorCtor, uncurry } from "./intrinsics.js";

/** Call(F, thisArg, ...args) through the captured Function.prototype.call: no array per call.
 *  (Here rather than in intrinsics.ts, which async functions alone ship: only iteration needs it.) */
export const call = uncurry(Function.prototype.call) as (fn: unknown, thisArg: unknown, ...args: unknown[]) => any;

/** The spec's "is an Object" (functions included). */
export function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** CreateIteratorResultObject(value, done). */
export function createIterResult(value: unknown, done: boolean): IteratorResult<unknown> {
  return { value, done } as IteratorResult<unknown>;
}

/** GetMethod(V, P): undefined for undefined or null, a TypeError for anything else not callable. */
export function getMethod(value: any, key: PropertyKey): Function | undefined {
  const method = value[key];
  if (method === undefined || method === null) return undefined;
  if (typeof method !== "function") throw new TypeErrorCtor(`${String(key)} method is not a function`);
  return method;
}

/**
 * An Iterator Record: the iterator and the `next` method read once when iteration began.
 * Lowered `for await` loops call `next()` on it: Call([[NextMethod]], [[Iterator]]) with no
 * argument, as ForIn/OfBodyEvaluation does.
 */
export class IteratorRecord {
  constructor(
    readonly iterator: object,
    readonly nextMethod: unknown,
  ) {}

  next(): unknown {
    return call(this.nextMethod, this.iterator);
  }
}

/** GetIteratorFromMethod(obj, method). */
export function getIteratorFromMethod(obj: unknown, method: Function): IteratorRecord {
  const iterator = call(method, obj);
  if (!isObject(iterator)) throw new TypeErrorCtor("Result of the iterator method is not an object");
  return new IteratorRecord(iterator, (iterator as any).next);
}

/** IteratorClose(iteratorRecord, completion) for a throw completion: whatever `return` does or
 *  throws is ignored, and the caller goes on to throw its own error. */
export function iteratorCloseOnThrow(record: IteratorRecord): void {
  try {
    const method = getMethod(record.iterator, "return");
    if (method !== undefined) call(method, record.iterator);
  } catch {
    // The original throw completion wins.
  }
}

/** IteratorClose(iteratorRecord, completion) for a normal completion: errors propagate and
 *  `return` must give back an object. */
export function iteratorCloseOnNormal(record: IteratorRecord): void {
  const method = getMethod(record.iterator, "return");
  if (method === undefined) return;
  const result = call(method, record.iterator);
  if (!isObject(result)) throw new TypeErrorCtor("The iterator's return() result is not an object");
}
