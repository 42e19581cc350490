// The intrinsics the runtime relies on, captured once at load. User code that later patches
// `Promise`, `Promise.prototype.then` or the generator prototype must observe exactly what it
// would observe with native async functions — which never look those up at run time.

// uncurry(f)(self, ...args) calls the captured f with `this` = self, without looking up `call`.
export const uncurry = Function.prototype.bind.bind(Function.prototype.call) as (fn: Function) => (...args: any[]) => any;

export const NativePromise = Promise;

/** PromiseResolve(%Promise%, value): returns `value` itself when it is a native promise whose
 *  `constructor` is %Promise%, otherwise a new %Promise% resolved with it (thenables get the
 *  NewPromiseResolveThenableJob, exactly as `await` does). */
export const promiseResolve = uncurry(Promise.resolve) as (C: PromiseConstructor, value: unknown) => Promise<unknown>;

/** PerformPromiseThen through the captured `then`. */
export const promiseThen = uncurry(Promise.prototype.then) as (
  promise: Promise<unknown>,
  onFulfilled: (value: unknown) => void,
  onRejected: (reason: unknown) => void,
) => Promise<unknown>;

export const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
export const generatorNext = uncurry(GeneratorPrototype.next) as (gen: Generator, value?: unknown) => IteratorResult<unknown>;
export const generatorThrow = uncurry(GeneratorPrototype.throw) as (gen: Generator, error: unknown) => IteratorResult<unknown>;

export const apply = Reflect.apply;
export const TypeErrorCtor = TypeError;

