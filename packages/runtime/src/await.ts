import { NativePromise, promiseResolve, promiseThen } from "./intrinsics.js";

// Await(value) as the spec performs it: PromiseResolve(%Promise%, value), then
// PerformPromiseThen — which reads nothing from the promise. Script can only reach
// PerformPromiseThen through `then`, whose SpeciesConstructor reads `constructor` and
// Promise[Symbol.species]; so we make sure those reads cannot be observed:
//
// - A primitive cannot be a thenable, and awaiting it is one microtask with no reads at all.
//   It resumes through one shared, already-fulfilled private promise whose own `constructor`
//   is undefined (so `then` reads nothing observable), and allocates no promise per await.
//   The callback receives STORED and the caller substitutes the value it kept.
// - An object goes through the captured Promise.resolve, which reads `constructor` once, as
//   native await does. If it returned the user's own promise and that promise has its own
//   `constructor` property, it is hidden while `then` runs, so it is read once, not twice.

/** What a fulfilment callback receives when the awaited value was a primitive. */
export const STORED: unknown = Object.freeze({});

// The undefined `constructor` sits on a private prototype, not on the promise: defining
// `constructor` on any promise instance switches off V8's promise fast path (the species
// protector) for the whole process, slowing every promise in the program (measured: 9–43%).
const QUIET = Object.create(NativePromise.prototype, { constructor: { value: undefined } });
export const RESOLVED = promiseResolve(NativePromise, STORED);
Object.setPrototypeOf(RESOLVED, QUIET);

const { getOwnPropertyDescriptor, defineProperty, getPrototypeOf: prototypeOf, setPrototypeOf: lendPrototype } = Object;
const hasOwn = Object.prototype.hasOwnProperty.call.bind(Object.prototype.hasOwnProperty) as (o: object, k: PropertyKey) => boolean;
const HIDDEN = { value: undefined, writable: true, enumerable: false, configurable: true };

/**
 * Schedules `onFulfilled` / `onRejected` exactly as Await(value) resumes. Throws synchronously
 * when PromiseResolve throws (a throwing `constructor` getter): the caller throws that at the
 * await. Returns true when the value was a primitive: `onFulfilled` will then receive STORED.
 */
export function awaitValue(
  value: unknown,
  onFulfilled: (value: unknown) => void,
  onRejected: (reason: unknown) => void,
): boolean {
  if ((typeof value !== "object" || value === null) && typeof value !== "function") {
    promiseThen(RESOLVED, onFulfilled, onRejected);
    return true;
  }
  attach(promiseResolve(NativePromise, value), value, onFulfilled, onRejected);
  return false;
}

/** PerformPromiseThen on what PromiseResolve(%Promise%, value) returned, reading nothing more
 *  than native await does. */
function attach(
  promise: Promise<unknown>,
  value: unknown,
  onFulfilled: (value: unknown) => void,
  onRejected: (reason: unknown) => void,
): void {
  if (promise === value && hasOwn(promise, "constructor")) {
    thenQuietly(promise, onFulfilled, onRejected);
    return;
  }
  try {
    promiseThen(promise, onFulfilled, onRejected);
  } catch {
    // `then` looked up a broken constructor (e.g. Promise.prototype.constructor = false),
    // which native await never does: attach without the lookup.
    thenQuietly(promise, onFulfilled, onRejected);
  }
}

/** `then` without SpeciesConstructor reading anything: an own `constructor` is hidden for the
 *  call, an inherited one by lending the promise a prototype whose `constructor` is undefined. */
function thenQuietly(promise: Promise<unknown>, onFulfilled: (v: unknown) => void, onRejected: (r: unknown) => void): void {
  const own = getOwnPropertyDescriptor(promise, "constructor");
  if (!own) {
    const proto = prototypeOf(promise);
    lendPrototype(promise, QUIET);
    try {
      promiseThen(promise, onFulfilled, onRejected);
    } finally {
      lendPrototype(promise, proto);
    }
    return;
  }
  if (!own.configurable) {
    promiseThen(promise, onFulfilled, onRejected); // cannot hide it: one extra read (documented)
    return;
  }
  defineProperty(promise, "constructor", HIDDEN);
  try {
    promiseThen(promise, onFulfilled, onRejected);
  } finally {
    defineProperty(promise, "constructor", own);
  }
}
