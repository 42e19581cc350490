// Async generators interleaved with each other, with promise chains, with timers, and with user
// code that runs while a request's promise is being resolved.
import { describe, test } from "vitest";
import { asyncIterator, asyncIteratorClose, emit, iteratorResult } from "../src/index.js";
import {
  drain,
  expectSameTicks,
  expectSpecNotV8,
  loggingThenable,
  lower,
  sameTicks,
  show,
  watch,
  type Body,
  type Log,
} from "./async-generator-ticks.js";

type Gen = (name: string, n: number) => AsyncGenerator<any, any, any>;

const counterNative = (log: Log) =>
  async function* (name: string, n: number) {
    for (let i = 0; i < n; i++) {
      log(`${name} before ${i}`);
      if (i % 2) await null;
      else await Promise.resolve();
      yield `${name}${i}`;
    }
    return `${name} done`;
  };
const counterLowered = (log: Log) =>
  lower(function* (name: string, n: number): Body {
    for (let i = 0; i < n; i++) {
      log(`${name} before ${i}`);
      if (i % 2) yield null;
      else yield Promise.resolve();
      yield emit(`${name}${i}`);
    }
    return yield `${name} done`;
  });

describe("interleavings", () => {
  test("two generators drained side by side with a promise chain running", () =>
    sameTicks<Gen>(counterNative, counterLowered, (g, log) => {
      drain(log, "a", g("a", 3));
      Promise.resolve()
        .then(() => log("chain 1"))
        .then(() => log("chain 2"))
        .then(() => loggingThenable(log, "chain", "x"))
        .then(() => log("chain 3"));
      drain(log, "b", g("b", 2));
    }));

  test("one generator's consumer drives another generator", () =>
    sameTicks<Gen>(counterNative, counterLowered, (g, log) => {
      const a = g("a", 3);
      const b = g("b", 3);
      const step = (): void => {
        a.next().then((ra) => {
          log(`a ${show(ra)}`);
          watch(log, "b", b.next());
          if (!ra.done) step();
        });
      };
      step();
    }));

  test("timers and microtasks around generator steps", () =>
    sameTicks<Gen>(
      (log) =>
        async function* (name: string) {
          log(`${name} start`);
          await new Promise((resolve) => setTimeout(resolve, 1));
          log(`${name} after timer`);
          yield 1;
          await null;
          yield new Promise((resolve) => setTimeout(() => resolve(2), 0));
        },
      (log) =>
        lower(function* (name: string): Body {
          log(`${name} start`);
          yield new Promise((resolve) => setTimeout(resolve, 1));
          log(`${name} after timer`);
          yield emit(1);
          yield null;
          yield emit(new Promise((resolve) => setTimeout(() => resolve(2), 0)));
        }),
      (g, log) => {
        drain(log, "x", g("x", 0));
        setTimeout(() => log("timer 0"), 0);
        drain(log, "y", g("y", 0));
      },
      { settleMs: 30 },
    ));
});

describe("user code during resolution", () => {
  // Resolving a request's promise with an IteratorResult reads its `then`, so a getter on
  // Object.prototype runs in the middle of AsyncGeneratorCompleteStep.
  const installThenGetter = (log: Log, reenter?: () => void) => {
    Object.defineProperty(Object.prototype, "then", {
      configurable: true,
      get(this: object) {
        if ("done" in this && "value" in this) {
          log(`get then of ${show(this)}`);
          reenter?.();
          reenter = undefined;
        }
        return undefined;
      },
    });
    setTimeout(() => delete (Object.prototype as { then?: unknown }).then, 0);
  };
  const twoYieldsNative = (log: Log) =>
    async function* (): AsyncGenerator<any, any, any> {
      const x = yield 1;
      log(`x=${x}`);
      yield 2;
    };
  const twoYieldsLowered = (log: Log) =>
    lower(function* (): Body {
      const x = yield emit(1);
      log(`x=${x}`);
      yield emit(2);
    });
  const requestThree = (log: Log, it: AsyncGenerator<any, any, any>) => {
    watch(log, "next 1", it.next("a"));
    watch(log, "next 2", it.next("b"));
    watch(log, "next 3", it.next("c"));
  };

  test("a `then` getter on Object.prototype sees every IteratorResult as it is resolved", () =>
    expectSameTicks(
      (log) => {
        installThenGetter(log);
        requestThree(log, twoYieldsNative(log)());
      },
      (log) => {
        installThenGetter(log);
        requestThree(log, twoYieldsLowered(log)());
      },
    ));

  // V8 (Node 20) resumes the generator from inside the getter when the getter calls next():
  // it treats the generator as suspended while AsyncGeneratorYield settles a request. The spec
  // keeps it executing (AsyncGeneratorYield step 9 happens before step 11's queue check), so
  // the call only enqueues, and the body goes on after the getter returns: "next 1" settles in
  // tick 2 ahead of the second yield.
  test("a request made from that getter only joins the queue (spec; V8 resumes early)", () => {
    const scenario = (make: (log: Log) => () => AsyncGenerator<any, any, any>) => (log: Log) => {
      const it = make(log)();
      installThenGetter(log, () => watch(log, "from getter", it.next("g")));
      requestThree(log, it);
    };
    const spec = [
      "tick 1", "get then of {1}", "x=b",
      "tick 2", "next 1 -> {1}", "get then of {2}", "get then of {undefined done}", "get then of {undefined done}",
      "tick 3", "next 2 -> {2}", "next 3 -> {undefined done}", "from getter -> {undefined done}",
    ];
    const v8 = [
      "tick 1", "get then of {1}", "x=b",
      "tick 2", "get then of {2}", "get then of {undefined done}", "get then of {undefined done}", "next 1 -> {1}",
      "tick 3", "next 2 -> {2}", "next 3 -> {undefined done}", "from getter -> {undefined done}",
    ];
    return expectSpecNotV8(scenario(twoYieldsNative), scenario(twoYieldsLowered), spec, v8);
  });

  test("a native promise with its own `then` is awaited without calling it", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          const p = Promise.resolve("real");
          (p as { then: unknown }).then = () => log("own then called");
          yield p;
          log(`awaited ${await p}`);
        },
      (log) =>
        lower(function* (): Body {
          const p = Promise.resolve("real");
          (p as { then: unknown }).then = () => log("own then called");
          yield emit(p);
          log(`awaited ${yield p}`);
        }),
      (g, log) => drain(log, "next", g("", 0)),
    ));

  test("a yielded promise whose constructor getter throws: the yield throws", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          const p = Promise.resolve(1);
          Object.defineProperty(p, "constructor", {
            get() {
              throw new Error("ctor");
            },
          });
          try {
            yield p;
          } catch (e) {
            log(`caught ${show(e)}`);
          }
          yield "after";
        },
      (log) =>
        lower(function* (): Body {
          const p = Promise.resolve(1);
          Object.defineProperty(p, "constructor", {
            get() {
              throw new Error("ctor");
            },
          });
          try {
            yield emit(p);
          } catch (e) {
            log(`caught ${show(e)}`);
          }
          yield emit("after");
        }),
      (g, log) => drain(log, "next", g("", 0)),
    ));

  test("a promise's own `constructor` getter is read once per Await, as natively", () => {
    const watched = (log: Log, label: string) => {
      const p = Promise.resolve(label);
      Object.defineProperty(p, "constructor", {
        configurable: true,
        get() {
          log(`${label}: constructor read`);
          return Promise;
        },
      });
      return p;
    };
    return sameTicks<Gen>(
      (log) =>
        async function* () {
          yield watched(log, "yielded");
          log(`awaited ${await watched(log, "awaited")}`);
          for await (const x of [watched(log, "in array")]) log(`for await ${x}`);
          return watched(log, "returned");
        },
      (log) =>
        lower(function* (): Body {
          yield emit(watched(log, "yielded"));
          log(`awaited ${yield watched(log, "awaited")}`);
          const _it = asyncIterator([watched(log, "in array")]);
          let _inBody = false;
          try {
            for (;;) {
              _inBody = false;
              const _step = iteratorResult(yield _it.next());
              if (_step.done) break;
              const _value = _step.value;
              _inBody = true;
              const x = _value;
              log(`for await ${x}`);
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
          return yield watched(log, "returned");
        }),
      (g, log) => {
        drain(log, "next", g("", 0));
        const it = g("", 0);
        it.next();
        watch(log, "return()", it.return(watched(log, "return arg")));
        const early = g("", 0);
        watch(log, "early return()", early.return(watched(log, "early return arg")));
      },
    );
  });

  test("a promise subclass is awaited through its own then, costing extra turns", () => {
    class Sub extends Promise<unknown> {}
    return sameTicks<Gen>(
      (log) =>
        async function* () {
          yield Sub.resolve("sub");
          log(`awaited ${await Sub.resolve("sub2")}`);
        },
      (log) =>
        lower(function* (): Body {
          yield emit(Sub.resolve("sub"));
          log(`awaited ${yield Sub.resolve("sub2")}`);
        }),
      (g, log) => drain(log, "next", g("", 0)),
    );
  });
});
