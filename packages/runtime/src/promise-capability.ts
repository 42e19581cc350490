import { NativePromise } from "./intrinsics.js";

type Settle = (value: unknown) => void;

// One shared executor hands the resolving functions over, so a capability costs the promise and
// its two functions — what NewPromiseCapability(%Promise%) costs natively — and no closure.
/** The resolving functions of the promise `newPromise` made last: read them right after it. */
export let heldResolve: Settle;
export let heldReject: Settle;
function holdResolvingFunctions(resolve: Settle, reject: Settle): void {
  heldResolve = resolve;
  heldReject = reject;
}

/** A fresh native promise, its resolving functions left in heldResolve / heldReject (a shared
 *  executor: no closure per promise just to capture them). */
export function newPromise(): Promise<unknown> {
  return new NativePromise(holdResolvingFunctions);
}

/** NewPromiseCapability(%Promise%): a fresh native promise with its resolve and reject functions. */
export class PromiseCapability {
  readonly promise: Promise<unknown>;
  readonly resolve: Settle;
  readonly reject: Settle;
  constructor() {
    this.promise = newPromise();
    this.resolve = heldResolve;
    this.reject = heldReject;
  }
}
