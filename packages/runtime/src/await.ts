import { NativePromise, promiseResolve, promiseThen, uncurry } from "./intrinsics.js";

// Await(value) as the spec performs it: PromiseResolve(%Promise%, value), then
// PerformPromiseThen — which reads nothing from the promise. Script can only reach
// PerformPromiseThen through `then`, whose SpeciesConstructor reads `constructor` and
// Promise[Symbol.species]; so we make sure those reads cannot be observed:
//
// - A primitive cannot be a thenable, and awaiting it is one microtask with no reads at all.
//   It resumes through one shared, already-fulfilled private promise whose `constructor` is
//   undefined (so `then` reads nothing observable), and allocates no promise per await.
//   The callback receives STORED and the caller substitutes the value it kept.
// - An object goes through the captured Promise.resolve, which reads `constructor` once, as
//   native await does. If it returned the user's own promise and that promise has its own
//   `constructor` property, it is hidden while `then` runs, so it is read once, not twice.

/** What a fulfilment callback receives when the awaited value was a primitive. */
export const STORED: unknown = {};

const { getOwnPropertyDescriptor: describeOwn, defineProperty: redefine } = Object;
// The undefined `constructor` sits on a private prototype, not on the promise: defining
// `constructor` on any promise instance switches off V8's promise fast path (the species
// protector) for the whole process, slowing every promise in the program (measured: 9–43%).
const QUIET = Object.create(NativePromise.prototype, { constructor: {} });
const RESOLVED = Object.setPrototypeOf(promiseResolve(NativePromise, STORED), QUIET);
const hasOwn = uncurry(Object.prototype.hasOwnProperty) as (o: object, k: PropertyKey) => boolean;

/**
 * Schedules `onFulfilled` / `onRejected` exactly as Await(value) resumes. Throws synchronously
 * when PromiseResolve throws (a throwing `constructor` getter): the caller throws that at the
 * await. Returns true when the value was a primitive: `onFulfilled` will then receive STORED.
 */
export function awaitValue(value: unknown, onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void): boolean {
  if ((typeof value !== "object" || value === null) && typeof value !== "function") {
    promiseThen(RESOLVED, onFulfilled, onRejected);
    return true;
  }
  const promise = promiseResolve(NativePromise, value);
  if (promise !== value || !hasOwn(promise, "constructor")) {
    try {
      promiseThen(promise, onFulfilled, onRejected);
      return false;
    } catch {
      // `then` looked up a broken constructor (e.g. Promise.prototype.constructor = false),
      // which native await never does: attach without the lookup, below.
    }
  }
  // `then` without SpeciesConstructor reading anything: an own `constructor` whose value is
  // undefined stands in for the call. Adding one costs V8's promise fast path, but only this
  // path adds it, and whatever led here (a promise's own `constructor`, a replaced
  // Promise.prototype.constructor) has already cost it. A non-configurable own `constructor`
  // cannot be replaced: it is read once more (documented).
  const own = describeOwn(promise, "constructor");
  if (own?.configurable === false) promiseThen(promise, onFulfilled, onRejected);
  else {
    redefine(promise, "constructor", { value: undefined, configurable: true });
    try {
      promiseThen(promise, onFulfilled, onRejected);
    } finally {
      own ? redefine(promise, "constructor", own) : delete (promise as { constructor?: unknown }).constructor;
    }
  }
  return false;
}
