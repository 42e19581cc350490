// `for await` lowered to the shape in src/async-iterator.ts, in async functions (driven by run)
// and async generators (driven by asyncGen), compared turn by turn with native loops.
import { describe, test } from "vitest";
import { asyncIterator, asyncIteratorClose, emit, iteratorResult, run } from "../src/index.js";
import { drain, loggingThenable, lower, sameTicks, show, watch, type Body, type Log } from "./async-generator-ticks.js";

type AsyncFn = (source: unknown) => Promise<unknown>;

/** The wrapper the plugin emits for an async function. */
function lowerAsync(body: (...args: any[]) => Body): AsyncFn {
  return function (this: unknown) {
    return run(body, this, arguments);
  } as AsyncFn;
}

/** Runs `fn(source)` and logs how its promise settles. */
const call = (source: (log: Log) => unknown) => (f: AsyncFn, log: Log) => watch(log, "result", f(source(log)));

/** A native async generator source that logs its progress and its closing. */
const numbers = (log: Log, n = 4) =>
  (async function* () {
    try {
      for (let i = 1; i <= n; i++) {
        log(`source yields ${i}`);
        yield i;
      }
    } finally {
      log("source finally");
      await null;
      log("source closed");
    }
  })();

describe("for await in async functions", () => {
  test("over an async generator, to the end", () =>
    sameTicks<AsyncFn>(
      (log) =>
        async function (xs) {
          let sum = 0;
          for await (const x of xs as AsyncIterable<number>) {
            log(`x=${x}`);
            sum += x;
          }
          return sum;
        },
      (log) =>
        lowerAsync(function* (xs): Body {
          let sum = 0;
          const _it = asyncIterator(xs);
          let _inBody = false;
          try {
            for (;;) {
              _inBody = false;
              const _step = iteratorResult(yield _it.next());
              if (_step.done) break;
              const _value = _step.value;
              _inBody = true;
              const x = _value;
              log(`x=${x}`);
              sum += x;
            }
          } catch (_e) {
            if (_inBody) {
              _inBody = false;
              yield* asyncIteratorClose(_it, true);
            }
            throw _e;
          } finally {
            if (_inBody) yield* asyncIteratorClose(_it, false);
          }
          return sum;
        }),
      call((log) => numbers(log)),
    ));

  // One loop body for the next tests: `break`, `continue` or `return` on 2, throw on "throw".
  const controlNative = (log: Log) =>
    async function (xs: unknown) {
      for await (const x of xs as AsyncIterable<unknown>) {
        log(`x=${show(x)}`);
        if (x === 1) continue;
        if (x === 2) break;
        if (x === 3) return "returned";
        if (x === "throw") throw new Error("body threw");
        log("end of body");
      }
      return "after loop";
    };
  const controlLowered = (log: Log) =>
    lowerAsync(function* (xs: unknown): Body {
      const _it = asyncIterator(xs);
      let _inBody = false;
      try {
        for (;;) {
          _inBody = false;
          const _step = iteratorResult(yield _it.next());
          if (_step.done) break;
          const _value = _step.value;
          _inBody = true;
          const x = _value;
          log(`x=${show(x)}`);
          if (x === 1) continue;
          if (x === 2) break;
          if (x === 3) return "returned";
          if (x === "throw") throw new Error("body threw");
          log("end of body");
        }
      } catch (_e) {
        if (_inBody) {
          _inBody = false;
          yield* asyncIteratorClose(_it, true);
        }
        throw _e;
      } finally {
        if (_inBody) yield* asyncIteratorClose(_it, false);
      }
      return "after loop";
    });
  const control = (source: (log: Log) => unknown) => sameTicks<AsyncFn>(controlNative, controlLowered, call(source));

  test("continue, then break: return() is awaited before the loop ends", () => control((log) => numbers(log)));

  test("return from the body closes the iterator first", () =>
    control((log) =>
      (async function* () {
        try {
          yield 3;
        } finally {
          log("source finally");
        }
      })(),
    ));

  test("a throw in the body closes the iterator; errors from return() are swallowed", () =>
    control((log) => ({
      [Symbol.asyncIterator]() {
        return {
          next: () => ({ value: "throw", done: false }),
          return: () => {
            log("return called");
            throw new Error("return threw");
          },
        };
      },
    })));

  test("break with a return() that rejects: the rejection wins", () =>
    control((log) => ({
      [Symbol.asyncIterator]() {
        return {
          next: () => ({ value: 2, done: false }),
          return: () => {
            log("return called");
            return Promise.reject(new Error("return rejected"));
          },
        };
      },
    })));

  test("break with a return() that gives a non-object: TypeError", () =>
    control((log) => ({
      [Symbol.asyncIterator]() {
        return { next: () => ({ value: 2, done: false }), return: () => (log("return called"), 42) };
      },
    })));

  test("break with no return() method just leaves", () =>
    control(() => ({
      [Symbol.asyncIterator]() {
        return { next: () => Promise.resolve({ value: 2, done: false }), return: undefined };
      },
    })));

  test("next() giving a non-object is a TypeError and does not close", () =>
    control((log) => ({
      [Symbol.asyncIterator]() {
        return { next: () => Promise.resolve(7), return: () => (log("return called"), {}) };
      },
    })));

  test("next() throwing or rejecting does not close", () =>
    sameTicks<AsyncFn>(controlNative, controlLowered, (f, log) => {
      const iterable = (next: () => unknown) => ({
        [Symbol.asyncIterator]: () => ({ next, return: () => (log("return called"), {}) }),
      });
      watch(log, "throwing", f(iterable(() => {
        throw new Error("next threw");
      })));
      watch(log, "rejecting", f(iterable(() => Promise.reject(new Error("next rejected")))));
    }));

  test("over an array of values, promises and thenables", () =>
    control((log) => [0, Promise.resolve(0), loggingThenable(log, "t", 0), new Promise((r) => setTimeout(() => r(1), 0)), 2]));

  test("over an array with a rejecting promise (arrays have no return())", () =>
    control(() => [0, Promise.reject(new Error("rejected value")), 2]));

  test("break out of a sync generator closes it through the async-from-sync wrapper", () =>
    control((log) =>
      (function* () {
        try {
          yield 1;
          yield Promise.resolve(2);
          yield 5;
        } finally {
          log("sync finally");
        }
      })(),
    ));

  test("a sync iterator sees next() and return() called without arguments", () =>
    control((log) => ({
      [Symbol.iterator]() {
        let i = 0;
        return {
          next(...args: unknown[]) {
            log(`sync next with ${args.length} arguments`);
            return { value: i++, done: false };
          },
          return(...args: unknown[]) {
            log(`sync return with ${args.length} arguments`);
            return {};
          },
        };
      },
    })));

  test("not async iterable: GetIterator throws a TypeError", () =>
    sameTicks<AsyncFn>(controlNative, controlLowered, (f, log) => {
      for (const bad of [{}, 5, null, { [Symbol.asyncIterator]: () => 1 }]) watch(log, "bad", f(bad));
    }));

  test("next is read once and called without arguments; done and value are read in order", () =>
    control((log) => {
      let count = 0;
      const step = (value: unknown, done: boolean) => ({
        get done() {
          log(`get done (${done})`);
          return done;
        },
        get value() {
          log("get value");
          return value;
        },
      });
      return {
        [Symbol.asyncIterator]() {
          return {
            get next() {
              log("get next");
              return function (...args: unknown[]) {
                log(`next called with ${args.length} arguments`);
                return step(count++, count > 2);
              };
            },
          };
        },
      };
    }));
});

describe("labels, nesting and destructuring", () => {
  test("labelled continue to an outer loop closes the inner iterator", () =>
    sameTicks<AsyncFn>(
      (log) =>
        async function (xs) {
          outer: for (const round of ["a", "b"]) {
            for await (const x of (xs as () => AsyncIterable<number>)()) {
              log(`${round}${x}`);
              if (x === 2) continue outer;
            }
            log("not reached");
          }
          return "done";
        },
      (log) =>
        lowerAsync(function* (xs): Body {
          outer: for (const round of ["a", "b"]) {
            const _it = asyncIterator(xs());
            let _inBody = false;
            try {
              for (;;) {
                _inBody = false;
                const _step = iteratorResult(yield _it.next());
                if (_step.done) break;
                const _value = _step.value;
                _inBody = true;
                const x = _value;
                log(`${round}${x}`);
                if (x === 2) continue outer;
              }
            } catch (_e) {
              if (_inBody) {
                _inBody = false;
                yield* asyncIteratorClose(_it, true);
              }
              throw _e;
            } finally {
              if (_inBody) yield* asyncIteratorClose(_it, false);
            }
            log("not reached");
          }
          return "done";
        }),
      call((log) => () => numbers(log)),
    ));

  test("nested loops: an inner break closes only the inner iterator", () =>
    sameTicks<AsyncFn>(
      (log) =>
        async function (make) {
          for await (const a of (make as (n: number) => AsyncIterable<number>)(2)) {
            for await (const b of (make as (n: number) => AsyncIterable<number>)(3)) {
              log(`${a}.${b}`);
              if (b === 2) break;
            }
          }
        },
      (log) =>
        lowerAsync(function* (make): Body {
          const _it = asyncIterator(make(2));
          let _inBody = false;
          try {
            for (;;) {
              _inBody = false;
              const _step = iteratorResult(yield _it.next());
              if (_step.done) break;
              const _value = _step.value;
              _inBody = true;
              const a = _value;
              const _it2 = asyncIterator(make(3));
              let _inBody2 = false;
              try {
                for (;;) {
                  _inBody2 = false;
                  const _step2 = iteratorResult(yield _it2.next());
                  if (_step2.done) break;
                  const _value2 = _step2.value;
                  _inBody2 = true;
                  const b = _value2;
                  log(`${a}.${b}`);
                  if (b === 2) break;
                }
              } catch (_e2) {
                if (_inBody2) {
                  _inBody2 = false;
                  yield* asyncIteratorClose(_it2, true);
                }
                throw _e2;
              } finally {
                if (_inBody2) yield* asyncIteratorClose(_it2, false);
              }
            }
          } catch (_e) {
            if (_inBody) {
              _inBody = false;
              yield* asyncIteratorClose(_it, true);
            }
            throw _e;
          } finally {
            if (_inBody) yield* asyncIteratorClose(_it, false);
          }
        }),
      call((log) => (n: number) => numbers(log, n)),
    ));

  test("a destructuring error in the loop head closes the iterator", () =>
    sameTicks<AsyncFn>(
      (log) =>
        async function (xs) {
          for await (const { a } of xs as AsyncIterable<any>) log(`a=${a}`);
        },
      (log) =>
        lowerAsync(function* (xs): Body {
          const _it = asyncIterator(xs);
          let _inBody = false;
          try {
            for (;;) {
              _inBody = false;
              const _step = iteratorResult(yield _it.next());
              if (_step.done) break;
              const _value = _step.value;
              _inBody = true;
              const { a } = _value;
              log(`a=${a}`);
            }
          } catch (_e) {
            if (_inBody) {
              _inBody = false;
              yield* asyncIteratorClose(_it, true);
            }
            throw _e;
          } finally {
            if (_inBody) yield* asyncIteratorClose(_it, false);
          }
        }),
      call((log) =>
        (async function* () {
          try {
            yield { a: 1 };
            yield null;
          } finally {
            log("source finally");
          }
        })(),
      ),
    ));
});

describe("for await in async generators", () => {
  type Gen = (xs: unknown) => AsyncGenerator<any, any, any>;
  const relayNative = (log: Log) =>
    async function* (xs: unknown): AsyncGenerator<any, any, any> {
      try {
        for await (const x of xs as AsyncIterable<number>) {
          log(`got ${x}`);
          const reply = yield x * 10;
          log(`reply ${show(reply)}`);
        }
      } finally {
        log("relay finally");
      }
      return "relay done";
    };
  const relayLowered = (log: Log) =>
    lower(function* (xs: unknown): Body {
      try {
        const _it = asyncIterator(xs);
        let _inBody = false;
        try {
          for (;;) {
            _inBody = false;
            const _step = iteratorResult(yield _it.next());
            if (_step.done) break;
            const _value = _step.value;
            _inBody = true;
            const x = _value;
            log(`got ${x}`);
            const reply = yield emit(x * 10);
            log(`reply ${show(reply)}`);
          }
        } catch (_e) {
          if (_inBody) {
            _inBody = false;
            yield* asyncIteratorClose(_it, true);
          }
          throw _e;
        } finally {
          if (_inBody) yield* asyncIteratorClose(_it, false);
        }
      } finally {
        log("relay finally");
      }
      return yield "relay done";
    });
  const relay = (drive: (it: AsyncGenerator<any, any, any>, log: Log) => void) =>
    sameTicks<Gen>(relayNative, relayLowered, (g, log) => drive(g(numbers(log, 3)), log));

  test("values flow through, to the end", () => relay((it, log) => drain(log, "next", it)));

  test("return() while suspended in the loop body closes the source", () =>
    relay((it, log) => ["next", "next", "return", "next"].forEach((m, i) => watch(log, `${i} ${m}`, (it as any)[m](`arg${i}`)))));

  test("return(thenable) in the body: awaited, then the source is closed", () =>
    relay((it, log) => {
      it.next();
      watch(log, "return", it.return(loggingThenable(log, "rv", "rv")));
      watch(log, "next", it.next());
    }));

  test("throw() while suspended in the loop body closes the source, then rejects", () =>
    relay((it, log) => ["next", "throw", "next"].forEach((m, i) => watch(log, `${i} ${m}`, (it as any)[m](`arg${i}`)))));

  test("many requests queued across the loop", () =>
    relay((it, log) => ["next", "next", "next", "next", "next", "return"].forEach((m, i) => watch(log, `${i} ${m}`, (it as any)[m](`arg${i}`)))));

  test("a lowered async generator as the source of a lowered loop", () =>
    sameTicks<Gen>(relayNative, relayLowered, (g, log) => {
      const source = g([1, Promise.resolve(2)]);
      drain(log, "outer", g(source));
    }));
});
