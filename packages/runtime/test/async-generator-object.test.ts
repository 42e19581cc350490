// The shape of AsyncGenerator objects and their prototypes, native vs lowered.
import { describe, expect, test } from "vitest";
import { asyncGen, asyncGeneratorFunction, emit } from "../src/index.js";
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

  test("asyncGeneratorFunction and asyncGen(..., fn) give functions and instances the native shape", () => {
    function functionShape(f: any) {
      const fnProto = Object.getPrototypeOf(f);
      const generatorProto = fnProto.prototype;
      const attributes = (o: object, k: PropertyKey) => {
        const d = Object.getOwnPropertyDescriptor(o, k)!;
        return [d.writable, d.enumerable, d.configurable];
      };
      const instanceProtos = [undefined, null, 1, "s", {}].map((p) => {
        const saved = f.prototype;
        f.prototype = p;
        const proto = Object.getPrototypeOf(f());
        f.prototype = saved;
        return proto === p ? "own object" : proto === generatorProto ? "%AsyncGeneratorPrototype%" : "other";
      });
      return {
        fn: [typeof f, f.name, f.length, Object.prototype.toString.call(f)],
        fnProto: [
          Object.getPrototypeOf(fnProto) === Function.prototype,
          fnProto[Symbol.toStringTag],
          attributes(fnProto, "prototype"),
          attributes(fnProto, Symbol.toStringTag),
          attributes(fnProto, "constructor"),
        ],
        constructor: [fnProto.constructor.name, fnProto.constructor.length, fnProto.constructor.prototype === fnProto, attributes(fnProto.constructor, "prototype")],
        generatorProto: [generatorProto.constructor === fnProto, attributes(generatorProto, "constructor")],
        ownPrototype: [attributes(f, "prototype"), Object.getPrototypeOf(f.prototype) === generatorProto, Reflect.ownKeys(f.prototype)],
        instance: [Object.getPrototypeOf(f()) === f.prototype, f() instanceof f, Object.prototype.toString.call(f())],
        instanceProtos,
        chain: typeof Object.getPrototypeOf(f.constructor.prototype.prototype)[Symbol.asyncIterator],
      };
    }
    async function* nativeFn(a: unknown, b: unknown) {
      yield [a, b];
    }
    const loweredFn = asyncGeneratorFunction(function nativeFn(this: unknown, a: unknown, b: unknown) {
      return asyncGen(
        function* (a: unknown, b: unknown): Body {
          yield emit([a, b]);
        },
        this,
        arguments,
        loweredFn,
      );
    });
    expect(functionShape(loweredFn)).toEqual(functionShape(nativeFn));
  });
});
