// The shape of AsyncGenerator objects and their prototypes, native vs lowered.
import { describe, expect, test } from "vitest";
import { emit } from "../src/index.js";
import { lower, sameTicks, show, watch, type Body } from "./async-generator-ticks.js";

async function* nativeGen() {
  yield 1;
}
const loweredGen = lower(function* (): Body {
  yield emit(1);
});

function describeProperty(object: object, key: PropertyKey): unknown {
  const d = Object.getOwnPropertyDescriptor(object, key);
  if (!d) return undefined;
  const value = typeof d.value === "function" ? `function ${d.value.name}/${d.value.length}` : d.value;
  return { value, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable };
}

function shapeOf(it: object) {
  const generatorProto = Object.getPrototypeOf(Object.getPrototypeOf(it)) as object;
  const asyncIteratorProto = Object.getPrototypeOf(generatorProto) as object;
  return {
    ownKeys: Reflect.ownKeys(it),
    toString: Object.prototype.toString.call(it),
    tag: describeProperty(generatorProto, Symbol.toStringTag),
    next: describeProperty(generatorProto, "next"),
    return: describeProperty(generatorProto, "return"),
    throw: describeProperty(generatorProto, "throw"),
    asyncIterator: describeProperty(asyncIteratorProto, Symbol.asyncIterator),
    asyncIteratorProtoProto: Object.getPrototypeOf(asyncIteratorProto) === Object.prototype,
    selfIterable: (it as AsyncIterable<unknown>)[Symbol.asyncIterator]() === it,
    methodsAreConstructors: ["next", "return", "throw"].map((m) => {
      try {
        new ((generatorProto as any)[m] as new () => unknown)();
        return true;
      } catch {
        return false;
      }
    }),
  };
}

describe("AsyncGenerator objects", () => {
  test("prototype chain, property attributes, Symbol.toStringTag and Symbol.asyncIterator", () => {
    // Natively there is one more link, the function's own `prototype` object.
    const native = nativeGen();
    const nativeShape = shapeOf(Object.create(Object.getPrototypeOf(native)));
    nativeShape.ownKeys = Reflect.ownKeys(native);
    nativeShape.selfIterable = native[Symbol.asyncIterator]() === native;
    const lowered = loweredGen();
    const loweredShape = shapeOf(Object.create(lowered));
    loweredShape.ownKeys = Reflect.ownKeys(lowered);
    loweredShape.selfIterable = lowered[Symbol.asyncIterator]() === lowered;
    expect(loweredShape).toEqual(nativeShape);
    expect(Object.prototype.toString.call(lowered)).toBe("[object AsyncGenerator]");
  });

  test("methods called on other objects reject with a TypeError instead of throwing", () =>
    sameTicks(
      () => Object.getPrototypeOf(Object.getPrototypeOf(nativeGen())) as AsyncGenerator,
      () => Object.getPrototypeOf(loweredGen()) as AsyncGenerator,
      (proto, log) => {
        for (const method of ["next", "return", "throw"] as const) {
          for (const receiver of [undefined, 1, {}, proto]) {
            let result: Promise<unknown>;
            try {
              result = (proto[method] as (v: unknown) => Promise<unknown>).call(receiver, "v");
            } catch (e) {
              log(`${method} threw ${show(e)}`);
              continue;
            }
            log(`${method} returned a ${result instanceof Promise ? "promise" : typeof result}`);
            watch(log, method, result);
          }
        }
      },
    ));

  test("for await and spread over a lowered generator work like over a native one", () =>
    sameTicks(
      () => nativeGen,
      () => loweredGen,
      (g, log) => {
        (async () => {
          for await (const v of g()) log(`got ${v}`);
          log("loop done");
        })();
      },
    ));
});
