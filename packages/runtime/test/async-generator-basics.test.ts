// Basic async generator behaviour, native vs hand-lowered, compared turn by turn.
import { describe, expect, test } from "vitest";
import { asyncGen, emit } from "../src/index.js";
import { drain, loggingThenable, sameTicks, show, watch, type Log } from "./async-generator-ticks.js";

type GenFn = (...args: any[]) => AsyncGenerator<unknown, unknown, unknown>;

describe("the native side really is native", () => {
  test("test files keep async generators as syntax", () => {
    async function* g() {}
    expect(Object.getPrototypeOf(g).constructor.name).toBe("AsyncGeneratorFunction");
    expect(g.toString()).toContain("async function*");
  });
});

describe("yield, await and return", () => {
  test("yields values in order, then completes with undefined", () =>
    sameTicks<GenFn>(
      (log) =>
        async function* () {
          log("start");
          yield 1;
          log("after 1");
          yield 2;
          log("end");
        },
      (log) =>
        function (this: unknown) {
          return asyncGen(function* () {
            log("start");
            yield emit(1);
            log("after 1");
            yield emit(2);
            log("end");
          }, this, arguments);
        },
      (g, log) => drain(log, "next", g()),
    ));

  test("yield awaits a promise operand and a thenable operand", () =>
    sameTicks<GenFn>(
      (log) =>
        async function* () {
          yield Promise.resolve("p");
          yield loggingThenable(log, "t", "from thenable");
          yield new Promise((resolve) => setTimeout(() => resolve("late"), 0));
        },
      (log) =>
        function (this: unknown) {
          return asyncGen(function* () {
            yield emit(Promise.resolve("p"));
            yield emit(loggingThenable(log, "t", "from thenable"));
            yield emit(new Promise((resolve) => setTimeout(() => resolve("late"), 0)));
          }, this, arguments);
        },
      (g, log) => drain(log, "next", g()),
      { settleMs: 10 },
    ));

  test("a rejected yield operand throws at the yield, where the body can catch it", () =>
    sameTicks<GenFn>(
      (log) =>
        async function* () {
          try {
            yield Promise.reject(new Error("no"));
          } catch (e) {
            log(`caught ${show(e)}`);
            yield "recovered";
          }
        },
      (log) =>
        function (this: unknown) {
          return asyncGen(function* () {
            try {
              yield emit(Promise.reject(new Error("no")));
            } catch (e) {
              log(`caught ${show(e)}`);
              yield emit("recovered");
            }
          }, this, arguments);
        },
      (g, log) => drain(log, "next", g()),
    ));

  test("await between yields takes the same turns", () =>
    sameTicks<GenFn>(
      (log) =>
        async function* () {
          const a = await Promise.resolve(1);
          log(`a=${a}`);
          const b = await loggingThenable(log, "b", 2);
          yield a + (b as number);
          await null;
          log("after await null");
        },
      (log) =>
        function (this: unknown) {
          return asyncGen(function* (): Generator<unknown, void, any> {
            const a = yield Promise.resolve(1);
            log(`a=${a}`);
            const b = yield loggingThenable(log, "b", 2);
            yield emit(a + b);
            yield null;
            log("after await null");
          }, this, arguments);
        },
      (g, log) => drain(log, "next", g()),
    ));

  test("return awaits its operand: promise, thenable and rejection", () =>
    sameTicks<(kind: string) => AsyncGenerator>(
      (log) =>
        async function* (kind: string) {
          log(`start ${kind}`);
          if (kind === "promise") return Promise.resolve("p");
          if (kind === "thenable") return loggingThenable(log, "ret", "t");
          return Promise.reject(new Error("r"));
        },
      (log) =>
        function (this: unknown, kind: string) {
          return asyncGen(function* (kind: string): Generator<unknown, unknown, any> {
            log(`start ${kind}`);
            if (kind === "promise") return yield Promise.resolve("p");
            if (kind === "thenable") return yield loggingThenable(log, "ret", "t");
            return yield Promise.reject(new Error("r"));
          }, this, arguments);
        },
      (g, log) => {
        drain(log, "promise", g("promise"));
        drain(log, "thenable", g("thenable"));
        drain(log, "rejected", g("rejected"));
      },
    ));

  test("a body that throws rejects the request, and later requests see a completed generator", () =>
    sameTicks<GenFn>(
      (log) =>
        async function* () {
          log("body");
          throw new Error("boom");
        },
      (log) =>
        function (this: unknown) {
          return asyncGen(function* () {
            log("body");
            throw new Error("boom");
          }, this, arguments);
        },
      (g, log) => {
        const it = g();
        watch(log, "next 1", it.next());
        watch(log, "next 2", it.next());
        watch(log, "throw", it.throw("t"));
        watch(log, "return", it.return("r"));
      },
    ));

  test("parameters bind at the call: errors throw synchronously, `this` and arguments pass through", () =>
    sameTicks<(this: unknown, a?: unknown, b?: unknown) => AsyncGenerator>(
      (log) =>
        async function* (this: unknown, a = (() => { throw new Error("param"); })(), b = log(`b default, a=${a}`)) {
          log(`body this=${show(this)} a=${a} b=${b} n=${arguments.length}`);
        },
      (log) =>
        function (this: unknown, a?: unknown, b?: unknown) {
          return asyncGen(function* (this: unknown, a = (() => { throw new Error("param"); })(), b = log(`b default, a=${a}`)) {
            log(`body this=${show(this)} a=${a} b=${b} n=${arguments.length}`);
          }, this, arguments);
        },
      (g, log) => {
        try {
          g();
        } catch (e) {
          log(`call threw ${show(e)}`);
        }
        const it = g.call({ self: 1 }, "A");
        log("created");
        watch(log, "next", it.next());
      },
    ));
});
