import { NativePromise } from "./intrinsics.js";

type Settle = (value: unknown) => void;

// One shared executor hands the resolving functions over, so a capability costs the promise and
// its two functions — what NewPromiseCapability(%Promise%) costs natively — and no closure.
let heldResolve: Settle;
let heldReject: Settle;
function holdResolvingFunctions(resolve: Settle, reject: Settle): void {
  heldResolve = resolve;
  heldReject = reject;
}

/** NewPromiseCapability(%Promise%): a fresh native promise with its resolve and reject functions. */
export class PromiseCapability {
  readonly promise: Promise<unknown>;
  readonly resolve: Settle;
  readonly reject: Settle;
  constructor() {
    this.promise = new NativePromise(holdResolvingFunctions);
    this.resolve = heldResolve;
    this.reject = heldReject;
  }
}
