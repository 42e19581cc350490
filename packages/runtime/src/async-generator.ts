// Async generators (ECMA-262 §27.6): `async function* g(a) { BODY }` is lowered to
//
//   function g(a) { return asyncGen(g$, this, arguments); }
//   function* g$(a) { BODY' }
//
// where in BODY' `await x` is `yield x`, `yield x` is `yield emit(x)`, `yield* x` is
// `yield* delegate(x)` and `return x` is `return (yield x)` (the Await a `return` does). The
// object `asyncGen` returns keeps the spec's request queue and states; its driver resumes the sync
// generator and reads each `yield` as yield-protocol.ts describes. Every step settles in the same
// microtask turn as natively: the driver does what the spec's abstract operations do, in order,
// with the intrinsics captured at load, and every Await goes through await.ts.

import { GeneratorPrototype, TypeErrorCtor, apply, generatorNext, generatorThrow, uncurry } from "./intrinsics.js";
import { STORED, awaitValue } from "./await.js";
import { AsyncIteratorPrototype } from "./async-iterator.js";
import { createIterResult, isObject } from "./iterator-record.js";
import { heldReject, heldResolve, newPromise } from "./promise-capability.js";
import {
  RESUME_NEXT,
  RESUME_RETURN,
  YIELD_AWAITED,
  YIELD_NOW,
  delegateStep,
  emitBox,
  type StepKind,
} from "./yield-protocol.js";

export { emit } from "./yield-protocol.js";

// [[AsyncGeneratorState]]
const SUSPENDED_START = 0;
const SUSPENDED_YIELD = 1;
const EXECUTING = 2;
const DRAINING_QUEUE = 3;
const COMPLETED = 4;
type AsyncGeneratorState = 0 | 1 | 2 | 3 | 4;

// The [[Type]] of a request's completion.
const NORMAL = 0;
const THROW = 1;
const RETURN = 2;
type CompletionType = 0 | 1 | 2;

/** After an Await: one of the yield-protocol kinds, or AsyncGeneratorAwaitReturn's reactions. */
const AWAIT_RETURN = 4;
type AfterAwait = StepKind | typeof AWAIT_RETURN;


/** An AsyncGeneratorRequest: the completion to resume with and the capability it settles. */
class AsyncGeneratorRequest {
  readonly promise: Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
  // Not a PromiseCapability subclass: one per next() call, and a derived constructor costs more.
  constructor(
    readonly type: CompletionType,
    readonly value: unknown,
  ) {
    this.promise = newPromise();
    this.resolve = heldResolve;
    this.reject = heldReject;
  }
}

// Captured here rather than in intrinsics.ts: only async generators need it, and a bundle of
// async functions alone should not carry it.
const generatorReturn = uncurry(GeneratorPrototype.return) as (gen: Generator, value: unknown) => IteratorResult<unknown>;
const NO_ARGUMENTS: readonly unknown[] = [];
const { create: objectCreate, defineProperty: defineOwn, setPrototypeOf } = Object;
const HIDDEN_CONSTANT = { writable: false, enumerable: false, configurable: true };

/**
 * Calls `genFn` (binding its parameters now: their errors throw here, as for a native async
 * generator) and returns an AsyncGenerator whose body has not started yet.
 *
 * With `fn`, the lowered async generator function itself, the object inherits from
 * `fn.prototype` when that is an object, read after the parameters are bound — as
 * OrdinaryCreateFromConstructor does natively — and from %AsyncGeneratorPrototype% otherwise.
 */
export function asyncGen(
  genFn: (...args: any[]) => Generator,
  thisArg?: unknown,
  args?: ArrayLike<unknown>,
  fn?: Function,
): AsyncGenerator {
  const gen = apply(genFn, thisArg, args === undefined ? NO_ARGUMENTS : args) as Generator;
  const generator = new AsyncGeneratorObject(gen);
  if (fn !== undefined) {
    const proto: unknown = fn.prototype;
    if (isObject(proto) && proto !== AsyncGeneratorPrototype) setPrototypeOf(generator, proto);
  }
  return generator as unknown as AsyncGenerator;
}

// Instances carry the spec's internal slots as private fields, so only objects made by
// `asyncGen` pass AsyncGeneratorValidate and user code sees no own properties. The class's
// prototype becomes %AsyncGeneratorPrototype% (see the end of this file).
class AsyncGeneratorObject {
  #state: AsyncGeneratorState = SUSPENDED_START;
  #queue: AsyncGeneratorRequest[] = [];
  #gen: Generator | undefined;
  #afterAwait: AfterAwait = RESUME_NEXT;
  #stored: unknown; // a primitive being awaited (await.ts hands back STORED)
  // Bound once per generator: every Await reuses them.
  #onFulfilled = (value: unknown): void => this.#awaitFulfilled(value);
  #onRejected = (reason: unknown): void => this.#awaitRejected(reason);

  constructor(gen: Generator) {
    this.#gen = gen;
  }

  static #validate(generator: unknown, request: AsyncGeneratorRequest): generator is AsyncGeneratorObject {
    if (typeof generator === "object" && generator !== null && #state in generator) return true;
    request.reject(new TypeErrorCtor("AsyncGenerator method called on an object that is not an AsyncGenerator"));
    return false;
  }

  /** %AsyncGeneratorPrototype%.next(value) */
  next(value: unknown): Promise<any> {
    const request = new AsyncGeneratorRequest(NORMAL, value);
    if (!AsyncGeneratorObject.#validate(this, request)) return request.promise;
    const state = this.#state;
    if (state === COMPLETED) {
      request.resolve(createIterResult(undefined, true));
      return request.promise;
    }
    this.#queue.push(request);
    if (state === SUSPENDED_START || state === SUSPENDED_YIELD) this.#resume(NORMAL, value);
    return request.promise;
  }

  /** %AsyncGeneratorPrototype%.return(value) */
  return(value: unknown): Promise<any> {
    const request = new AsyncGeneratorRequest(RETURN, value);
    if (!AsyncGeneratorObject.#validate(this, request)) return request.promise;
    this.#queue.push(request);
    const state = this.#state;
    if (state === SUSPENDED_START || state === COMPLETED) {
      this.#gen = undefined; // the body never runs
      this.#state = DRAINING_QUEUE;
      if (!this.#awaitReturn()) this.#drainQueue();
    } else if (state === SUSPENDED_YIELD) {
      this.#resume(RETURN, value);
    }
    return request.promise;
  }

  /** %AsyncGeneratorPrototype%.throw(exception) */
  throw(exception: unknown): Promise<any> {
    const request = new AsyncGeneratorRequest(THROW, exception);
    if (!AsyncGeneratorObject.#validate(this, request)) return request.promise;
    let state = this.#state;
    if (state === SUSPENDED_START) {
      this.#gen = undefined;
      this.#state = state = COMPLETED;
    }
    if (state === COMPLETED) {
      request.reject(exception);
      return request.promise;
    }
    this.#queue.push(request);
    if (state === SUSPENDED_YIELD) this.#resume(THROW, exception);
    return request.promise;
  }

  /** AsyncGeneratorResume, and for a return completion the Await of
   *  AsyncGeneratorUnwrapYieldResumption that comes before the body sees it. */
  #resume(type: CompletionType, value: unknown): void {
    this.#state = EXECUTING;
    if (type === NORMAL) this.#run(NORMAL, value);
    else if (type === THROW) this.#run(THROW, value);
    else this.#await(RESUME_RETURN, value);
  }

  /** Resumes the body and follows it until it awaits, suspends at a yield, or completes. */
  #run(resume: CompletionType, arg: unknown): void {
    const gen = this.#gen!;
    for (;;) {
      let result: IteratorResult<unknown>;
      try {
        // A completion type rather than the resume function: calls with fixed targets are cheaper.
        result = resume === NORMAL ? generatorNext(gen, arg) : resume === THROW ? generatorThrow(gen, arg) : generatorReturn(gen, arg);
      } catch (error) {
        this.#complete(THROW, error);
        return;
      }
      if (result.done) {
        this.#complete(NORMAL, result.value);
        return;
      }
      let operand = result.value;
      let then: StepKind = RESUME_NEXT;
      if (operand === emitBox) {
        operand = emitBox.value;
        emitBox.value = undefined;
        then = YIELD_AWAITED;
      } else if (result === delegateStep) {
        operand = delegateStep.value;
        delegateStep.value = undefined;
        then = delegateStep.kind;
        if (then === YIELD_NOW) {
          this.#yield(operand);
          return;
        }
      }
      try {
        this.#schedule(then, operand);
        return;
      } catch (error) {
        // PromiseResolve threw (a `constructor` getter): the Await throws, into the body.
        resume = THROW;
        arg = error;
      }
    }
  }

  /** Await(operand), then what `then` says. Throws when PromiseResolve does. */
  #schedule(then: AfterAwait, operand: unknown): void {
    this.#afterAwait = then;
    if (awaitValue(operand, this.#onFulfilled, this.#onRejected)) this.#stored = operand;
  }

  /** Await(operand) outside the body's loop; a throwing PromiseResolve throws into the body. */
  #await(then: StepKind, operand: unknown): void {
    try {
      this.#schedule(then, operand);
    } catch (error) {
      this.#run(THROW, error);
    }
  }

  #awaitFulfilled(value: unknown): void {
    if (value === STORED) {
      value = this.#stored;
      this.#stored = undefined;
    }
    switch (this.#afterAwait) {
      case RESUME_NEXT:
        return this.#run(NORMAL, value);
      case RESUME_RETURN:
        return this.#run(RETURN, value);
      case YIELD_AWAITED:
        return this.#yield(value);
      default: // AWAIT_RETURN
        this.#completeStep(NORMAL, value, true);
        return this.#drainQueue();
    }
  }

  #awaitRejected(reason: unknown): void {
    if (this.#afterAwait !== AWAIT_RETURN) return this.#run(THROW, reason);
    this.#completeStep(THROW, reason, true);
    this.#drainQueue();
  }

  /** AsyncGeneratorYield(value): settle the oldest request, then go on with the next one at once
   *  if there is one, or suspend. */
  #yield(value: unknown): void {
    this.#completeStep(NORMAL, value, false);
    const queue = this.#queue;
    if (queue.length === 0) {
      this.#state = SUSPENDED_YIELD;
      return;
    }
    const next = queue[0]!;
    if (next.type === NORMAL) this.#run(NORMAL, next.value);
    else if (next.type === THROW) this.#run(THROW, next.value);
    else this.#await(RESUME_RETURN, next.value);
  }

  /** AsyncGeneratorCompleteStep: the request leaves the queue before its promise settles, since
   *  settling can run user code (a `then` getter on Object.prototype) that makes new requests. */
  #completeStep(type: CompletionType, value: unknown, done: boolean): void {
    const next = this.#queue.shift()!;
    if (type === THROW) next.reject(value);
    else next.resolve(createIterResult(value, done));
  }

  /** The end of AsyncGeneratorStart: the body returned or threw. */
  #complete(type: CompletionType, value: unknown): void {
    this.#gen = undefined;
    this.#state = DRAINING_QUEUE;
    this.#completeStep(type, value, true);
    this.#drainQueue();
  }

  /** AsyncGeneratorDrainQueue: settle what is left, stopping at a return to await its value. */
  #drainQueue(): void {
    const queue = this.#queue;
    while (queue.length !== 0) {
      const next = queue[0]!;
      if (next.type === RETURN) {
        if (this.#awaitReturn()) return;
        continue;
      }
      this.#completeStep(next.type, next.type === THROW ? next.value : undefined, true);
    }
    this.#state = COMPLETED;
  }

  /** AsyncGeneratorAwaitReturn. Returns false when PromiseResolve threw and the request is
   *  already rejected, so draining goes on. */
  #awaitReturn(): boolean {
    try {
      this.#schedule(AWAIT_RETURN, this.#queue[0]!.value);
      return true;
    } catch (error) {
      this.#completeStep(THROW, error, true);
      return false;
    }
  }
}

/** %AsyncGeneratorPrototype%: next, return, throw and @@toStringTag, inheriting from
 *  %AsyncIteratorPrototype%. */
export const AsyncGeneratorPrototype: object = AsyncGeneratorObject.prototype;
setPrototypeOf(AsyncGeneratorPrototype, AsyncIteratorPrototype);
defineOwn(AsyncGeneratorPrototype, Symbol.toStringTag, { value: "AsyncGenerator", ...HIDDEN_CONSTANT });

/** %AsyncGeneratorFunction.prototype%: what lowered async generator functions inherit from
 *  once `asyncGeneratorFunction` has marked them. */
export const AsyncGeneratorFunctionPrototype: object = objectCreate(Function.prototype);
defineOwn(AsyncGeneratorFunctionPrototype, "prototype", { value: AsyncGeneratorPrototype, ...HIDDEN_CONSTANT });
defineOwn(AsyncGeneratorFunctionPrototype, Symbol.toStringTag, { value: "AsyncGeneratorFunction", ...HIDDEN_CONSTANT });
defineOwn(AsyncGeneratorPrototype, "constructor", { value: AsyncGeneratorFunctionPrototype, ...HIDDEN_CONSTANT });

// %AsyncGeneratorFunction% compiles source text, which a runtime without a compiler cannot do;
// this stand-in keeps the intrinsics' links (`g.constructor.prototype`) and says so when called.
function AsyncGeneratorFunction(..._parameterArgsAndBody: string[]): never {
  throw new TypeErrorCtor("unawait: AsyncGeneratorFunction cannot compile source text at run time");
}
setPrototypeOf(AsyncGeneratorFunction, Function);
defineOwn(AsyncGeneratorFunction, "length", { value: 1, writable: false, enumerable: false, configurable: true });
defineOwn(AsyncGeneratorFunction, "prototype", { value: AsyncGeneratorFunctionPrototype, writable: false, enumerable: false, configurable: false });
defineOwn(AsyncGeneratorFunctionPrototype, "constructor", { value: AsyncGeneratorFunction, ...HIDDEN_CONSTANT });

/**
 * Gives a lowered async generator function the native shape: its [[Prototype]] becomes
 * %AsyncGeneratorFunction.prototype% and its own `prototype` a fresh object inheriting from
 * %AsyncGeneratorPrototype% (writable, not enumerable, not configurable). Returns `fn`.
 * Pair it with `asyncGen(g$, this, arguments, fn)` so that instances inherit from `fn.prototype`.
 */
export function asyncGeneratorFunction<F extends Function>(fn: F): F {
  setPrototypeOf(fn, AsyncGeneratorFunctionPrototype);
  defineOwn(fn, "prototype", { value: objectCreate(AsyncGeneratorPrototype), writable: true, enumerable: false, configurable: false });
  return fn;
}
