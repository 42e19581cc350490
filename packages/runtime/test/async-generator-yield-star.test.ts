// yield* in async generators: `yield* x` lowered to `yield* delegate(x)`.
import { describe, test } from "vitest";
import { delegate, emit } from "../src/index.js";
import { drain, loggingThenable, lower, sameTicks, show, watch, type Body, type Log } from "./async-generator-ticks.js";

type Gen = (inner: unknown) => AsyncGenerator<any, any, any>;

/** Logs every property read of `target` (and of the results its methods return when `traceResults`). */
function traced<T extends object>(log: Log, label: string, target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      log(`${label}.${typeof key === "symbol" ? `[${key.description}]` : key}`);
      return Reflect.get(t, key, receiver);
    },
  });
}

/** A hand-written async iterator whose methods log their calls; `methods` return the results. */
function asyncIteratorOf(log: Log, methods: Record<string, (...args: unknown[]) => unknown>): AsyncIterable<unknown> {
  const iterator: Record<string, unknown> = {};
  for (const [name, impl] of Object.entries(methods)) {
    iterator[name] = function (this: unknown, ...args: unknown[]) {
      log(`call ${name}(${args.map(show).join(", ")})`);
      return impl(...args);
    };
  }
  const tracedIterator = traced(log, "it", iterator);
  return { [Symbol.asyncIterator]: () => tracedIterator } as unknown as AsyncIterable<unknown>;
}

/** An IteratorResult whose `done` and `value` reads are logged. */
function result(log: Log, value: unknown, done: boolean): IteratorResult<unknown> {
  return traced(log, `r(${show(value)})`, { value, done } as IteratorResult<unknown>);
}

// The same outer generator, natively and lowered: it delegates to `inner`, logs what yield*
// evaluates to or throws, then yields once more.
const outerNative = (log: Log) =>
  async function* (inner: unknown) {
    log("outer start");
    try {
      const r = yield* inner as AsyncIterable<unknown>;
      log(`yield* -> ${show(r)}`);
    } catch (e) {
      log(`yield* threw ${show(e)}`);
    } finally {
      log("outer finally");
    }
    yield "outer after";
  };
const outerLowered = (log: Log) =>
  lower(function* (inner: unknown): Body {
    log("outer start");
    try {
      const r = yield* delegate(inner);
      log(`yield* -> ${show(r)}`);
    } catch (e) {
      log(`yield* threw ${show(e)}`);
    } finally {
      log("outer finally");
    }
    yield emit("outer after");
  });

function yieldStar(innerFor: (log: Log) => unknown, drive: (it: AsyncGenerator<any, any, any>, log: Log) => void) {
  return sameTicks<Gen>(outerNative, outerLowered, (g, log) => drive(g(innerFor(log)), log));
}

const requests = (log: Log, it: AsyncGenerator<any, any, any>, list: Array<[string, unknown?]>) =>
  list.forEach(([method, arg], i) => watch(log, `${i} ${method}`, (it as any)[method](arg)));

describe("yield* over async generators", () => {
  const innerNative = (log: Log) =>
    (async function* (): AsyncGenerator<any, any, any> {
      try {
        const a = yield "i1";
        log(`inner got ${show(a)}`);
        const b = yield Promise.resolve("i2");
        log(`inner got ${show(b)}`);
        return "inner result";
      } catch (e) {
        log(`inner caught ${show(e)}`);
        yield "after catch";
        throw new Error("inner rethrow");
      } finally {
        log("inner finally");
        await null;
        yield "from inner finally";
      }
    })();

  test("values, next() arguments and the inner return value pass through", () =>
    yieldStar(innerNative, (it, log) => requests(log, it, [["next", "x"], ["next", "y"], ["next", "z"], ["next", "w"], ["next", "v"], ["next"]])));

  test("throw() is forwarded to the inner generator", () =>
    yieldStar(innerNative, (it, log) => requests(log, it, [["next"], ["throw", "t"], ["next", "n"], ["next"], ["next"], ["next"]])));

  test("return() is forwarded; the inner finally may still await and yield", () =>
    yieldStar(innerNative, (it, log) => requests(log, it, [["next"], ["return", "r"], ["next", "n"], ["next"], ["return", "r2"]])));

  test("return(thenable) is awaited before it reaches the inner generator", () =>
    yieldStar(innerNative, (it, log) => {
      it.next();
      watch(log, "return", it.return(loggingThenable(log, "rv", "rv")));
      watch(log, "next", it.next());
    }));

  test("return(rejected promise) reaches the inner generator as a throw", () =>
    yieldStar(innerNative, (it, log) => requests(log, it, [["next"], ["return", Promise.reject(new Error("rej"))], ["next"], ["next"], ["next"]])));

  test("nested yield* through two levels", () =>
    sameTicks<Gen>(
      outerNative,
      outerLowered,
      (g, log) => {
        const innermost = (async function* () {
          yield "deep";
          return "deep result";
        })();
        drain(log, "next", g(g(innermost)));
      },
    ));

  test("requests queued while delegating settle in order", () =>
    yieldStar(innerNative, (it, log) =>
      requests(log, it, [["next"], ["next", 1], ["throw", "t"], ["next", 2], ["return", "r"], ["next", 3], ["next", 4]]),
    ));
});

describe("yield* over sync iterables (CreateAsyncFromSyncIterator)", () => {
  test("an array of values, promises and thenables: each value is awaited", () =>
    yieldStar(
      (log) => [1, Promise.resolve(2), loggingThenable(log, "t", 3), new Promise((r) => setTimeout(() => r(4), 0))],
      (it, log) => drain(log, "next", it),
    ));

  test("a sync generator gets next() arguments and its return value is yield*'s value", () =>
    yieldStar(
      (log) =>
        (function* (): Generator<any, any, any> {
          const a = yield "s1";
          log(`sync got ${show(a)}`);
          const b = yield Promise.resolve("s2");
          log(`sync got ${show(b)}`);
          return Promise.resolve("sync result");
        })(),
      (it, log) => requests(log, it, [["next", "a"], ["next", "b"], ["next", "c"], ["next"]]),
    ));

  test("throw() and return() reach a sync generator", () =>
    yieldStar(
      (log) =>
        (function* () {
          try {
            yield "s1";
          } catch (e) {
            log(`sync caught ${show(e)}`);
            yield "s2";
          } finally {
            log("sync finally");
          }
        })(),
      (it, log) => requests(log, it, [["next"], ["throw", "t"], ["return", "r"], ["next"]]),
    ));

  test("the sync iterator gets exactly the arguments yield* passes", () =>
    yieldStar(
      (log) => ({
        [Symbol.iterator]() {
          const method = (name: string, done: boolean) => (...args: unknown[]) => {
            log(`sync ${name}(${args.map(show).join(", ")}) with ${args.length} arguments`);
            return { value: name, done };
          };
          return { next: method("next", false), throw: method("throw", false), return: method("return", true) };
        },
      }),
      (it, log) => requests(log, it, [["next"], ["next", "n"], ["throw", "t"], ["return", "r"], ["next"]]),
    ));

  test("return() on a sync iterator without return() finishes the yield*", () =>
    yieldStar(
      (log) => traced(log, "arrayIterator", [1, 2, 3][Symbol.iterator]()),
      (it, log) => requests(log, it, [["next"], ["return", loggingThenable(log, "rv", "rv")], ["next"]]),
    ));

  test("a null Symbol.asyncIterator falls back to Symbol.iterator", () =>
    yieldStar(
      () => ({ [Symbol.asyncIterator]: null, *[Symbol.iterator]() { yield "from sync"; } }),
      (it, log) => drain(log, "next", it),
    ));
});

describe("yield* protocol details", () => {
  test("property reads and calls happen in the spec's order", () =>
    yieldStar(
      (log) =>
        asyncIteratorOf(log, {
          next: (v) => (v === "stop" ? result(log, "done value", true) : result(log, `n:${show(v)}`, false)),
          throw: (e) => result(log, `t:${show(e)}`, false),
          return: (v) => result(log, `r:${show(v)}`, true),
        }),
      (it, log) => requests(log, it, [["next", "a"], ["next", "b"], ["throw", "e"], ["next", "stop"], ["next"]]),
    ));

  test("return() whose result is not done keeps delegating", () =>
    yieldStar(
      (log) => {
        let returns = 0;
        return asyncIteratorOf(log, {
          next: (v) => result(log, `n:${show(v)}`, false),
          return: (v) => result(log, `r:${show(v)}`, ++returns > 1),
        });
      },
      (it, log) => requests(log, it, [["next"], ["return", "first"], ["next", "again"], ["return", "second"], ["next"]]),
    ));

  test("an iterator without return(): return() awaits the value a second time", () =>
    yieldStar(
      (log) => asyncIteratorOf(log, { next: () => ({ value: "v", done: false }) }),
      (it, log) => {
        it.next();
        watch(log, "return", it.return(loggingThenable(log, "rv", "rv")));
      },
    ));

  test("an iterator without throw(): it is closed, then yield* throws a TypeError", () =>
    yieldStar(
      (log) =>
        asyncIteratorOf(log, {
          next: () => ({ value: "v", done: false }),
          return: () => Promise.resolve(result(log, "closed", true)),
        }),
      (it, log) => requests(log, it, [["next"], ["throw", "t"], ["next"]]),
    ));

  test("an iterator without throw() whose return() gives a non-object: TypeError", () =>
    yieldStar(
      (log) => asyncIteratorOf(log, { next: () => ({ value: "v", done: false }), return: () => 42 }),
      (it, log) => requests(log, it, [["next"], ["throw", "t"], ["next"]]),
    ));

  test("an iterator with neither throw() nor return(): TypeError", () =>
    yieldStar(
      (log) => asyncIteratorOf(log, { next: () => ({ value: "v", done: false }) }),
      (it, log) => requests(log, it, [["next"], ["throw", "t"], ["next"]]),
    ));

  test("non-object results of next(), throw() and return() are TypeErrors", () =>
    sameTicks<Gen>(outerNative, outerLowered, (g, log) => {
      const make = (which: string) =>
        asyncIteratorOf(log, {
          next: () => (which === "next" ? Promise.resolve(1) : { value: which, done: false }),
          throw: () => "not an object",
          return: () => null,
        });
      requests(log, g(make("next")), [["next"], ["next"]]);
      requests(log, g(make("throw")), [["next"], ["throw", "t"], ["next"]]);
      requests(log, g(make("return")), [["next"], ["return", "r"], ["next"]]);
    }));

  test("next() that throws synchronously, or returns a rejected promise, throws from yield*", () =>
    sameTicks<Gen>(outerNative, outerLowered, (g, log) => {
      const throwing = asyncIteratorOf(log, {
        next: () => {
          throw new Error("sync");
        },
      });
      const rejecting = asyncIteratorOf(log, { next: () => Promise.reject(new Error("async")) });
      requests(log, g(throwing), [["next"], ["next"]]);
      requests(log, g(rejecting), [["next"], ["next"]]);
    }));

  test("promises whose constructor getter throws: from next(), and as a return() value", () =>
    sameTicks<Gen>(outerNative, outerLowered, (g, log) => {
      const broken = (label: string) => {
        const p = Promise.resolve({ value: label, done: false });
        Object.defineProperty(p, "constructor", {
          get() {
            log(`${label}: constructor read`);
            throw new Error(`${label} broken`);
          },
        });
        return p;
      };
      const fromNext = asyncIteratorOf(log, { next: () => broken("next result") });
      requests(log, g(fromNext), [["next"], ["next"]]);
      const forReturn = asyncIteratorOf(log, {
        next: () => ({ value: "v", done: false }),
        throw: (e) => (log(`inner throw got ${show(e)}`), { value: "after throw", done: false }),
      });
      const it = g(forReturn);
      requests(log, it, [["next"], ["return", broken("return value")], ["next"]]);
    }));

  test("a promise as an inner value is handed on without being awaited", () =>
    yieldStar(
      (log) => asyncIteratorOf(log, { next: () => result(log, Promise.resolve("inside"), false) }),
      (it, log) =>
        it.next().then((r) => {
          log(`value is ${show(r.value)}`);
          watch(log, "inner value", r.value);
        }),
    ));

  test("the inner result may be a thenable; its done and value are read after it settles", () =>
    yieldStar(
      (log) => asyncIteratorOf(log, { next: () => loggingThenable(log, "step", result(log, "v", false)) }),
      (it, log) => requests(log, it, [["next"], ["next"]]),
    ));

  test("GetIterator errors: not iterable, non-callable method, non-object iterator", () =>
    sameTicks<Gen>(outerNative, outerLowered, (g, log) => {
      for (const bad of [
        {},
        { [Symbol.asyncIterator]: 1 },
        { [Symbol.asyncIterator]: () => 1 },
        { [Symbol.iterator]: () => null },
        null,
      ]) {
        requests(log, g(bad), [["next"]]);
      }
    }));

  test("`next` is read once, when yield* starts", () =>
    yieldStar(
      (log) => {
        let reads = 0;
        return {
          [Symbol.asyncIterator]() {
            return {
              get next() {
                log(`get next #${++reads}`);
                return (v: unknown) => ({ value: `n${reads}:${show(v)}`, done: reads > 5 });
              },
            };
          },
        };
      },
      (it, log) => requests(log, it, [["next"], ["next", 1], ["next", 2]]),
    ));
});
