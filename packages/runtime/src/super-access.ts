// `super` cannot appear inside a plain generator function, so the plugin rewrites `super.x` in a
// lowered method body to these calls, passing the method's [[HomeObject]] explicitly. Each
// follows the spec's MakeSuperPropertyReference: the base is read from the home object's
// prototype at the moment of access (so a later setPrototypeOf is honoured), and `this` is the
// receiver.

import { TypeErrorCtor, apply } from "./intrinsics.js";

const { get: reflectGet, set: reflectSet, getPrototypeOf } = Reflect;

/** `super[key]` in a method whose [[HomeObject]] is `home`. */
export function superGet(home: object, key: PropertyKey, receiver: unknown): any {
  return reflectGet(getPrototypeOf(home) as object, key, receiver);
}

/** `super[key] = value`; returns `value`. Throws in strict code when [[Set]] fails, as PutValue does. */
export function superSet(home: object, key: PropertyKey, value: unknown, receiver: unknown, strict = true): any {
  if (!reflectSet(getPrototypeOf(home) as object, key, value, receiver) && strict) {
    throw new TypeErrorCtor(`Cannot assign to read only property '${String(key)}' of object`);
  }
  return value;
}

/** `super[key]++` and friends: ToNumeric once, then [[Set]]; returns the old or new value. */
export function superUpdate(home: object, key: PropertyKey, receiver: unknown, increment: boolean, prefix: boolean): any {
  let value = superGet(home, key, receiver);
  const old = increment ? value++ : value--;
  superSet(home, key, value, receiver);
  return prefix ? value : old;
}

/** `super.m(...args)`: the method was read first (superGet), the arguments evaluated after, and
 *  the call made without consulting the method's own `call` property, as native super calls do. */
export function superCall(method: unknown, receiver: unknown, args: ArrayLike<unknown>): any {
  return apply(method as Function, receiver, args);
}
