// The request queue: next/return/throw called many times without waiting, in every state
// (suspended-start, suspended-yield, executing, draining-queue, completed).
import { describe, test } from "vitest";
import { emit } from "../src/index.js";
import { loggingThenable, lower, sameTicks, show, watch, type Body, type Log } from "./async-generator-ticks.js";

type Gen = () => AsyncGenerator<any, any, any>;

function requestAll(log: Log, it: AsyncGenerator<any, any, any>, requests: string[]): void {
  requests.forEach((request, i) => {
    const [method, arg] = request.split(":") as ["next" | "return" | "throw", string];
    watch(log, `${i} ${request}`, it[method](arg));
  });
}

describe("suspended-start", () => {
  test("queued next() calls run the body once and settle in order", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          log("start");
          await null;
          const a = yield 1;
          log(`a=${a}`);
          const b = yield Promise.resolve(2);
          log(`b=${b}`);
          await loggingThenable(log, "t", 0);
          yield 3;
          return 4;
        },
      (log) =>
        lower(function* (): Body {
          log("start");
          yield null;
          const a = yield emit(1);
          log(`a=${a}`);
          const b = yield emit(Promise.resolve(2));
          log(`b=${b}`);
          yield loggingThenable(log, "t", 0);
          yield emit(3);
          return yield 4;
        }),
      (g, log) => requestAll(log, g(), ["next:x", "next:y", "next:z", "next:w", "next:v", "next:u"]),
    ));

  test("return() on a never-started generator never runs its body", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          log("body ran");
          yield 1;
        },
      (log) =>
        lower(function* (): Body {
          log("body ran");
          yield emit(1);
        }),
      (g, log) => requestAll(log, g(), ["return:r", "next:a", "throw:t", "next:b"]),
    ));

  test("return(thenable) and return(rejected promise) before the start", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          log("body ran");
        },
      (log) =>
        lower(function* (): Body {
          log("body ran");
        }),
      (g, log) => {
        const a = g();
        watch(log, "return thenable", a.return(loggingThenable(log, "t", "tv")));
        watch(log, "then next", a.next());
        const b = g();
        watch(log, "return rejected", b.return(Promise.reject(new Error("rr"))));
        watch(log, "then next", b.next());
        const c = g();
        watch(log, "return promise", c.return(Promise.resolve("pv")));
      },
    ));

  test("throw() before the start completes the generator without running it", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          log("body ran");
          yield 1;
        },
      (log) =>
        lower(function* (): Body {
          log("body ran");
          yield emit(1);
        }),
      (g, log) => requestAll(log, g(), ["throw:t", "next:a", "return:r", "throw:u"]),
    ));

  test("next, throw, next, return, next queued before the body starts", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          try {
            log("start");
            yield "first";
          } catch (e) {
            log(`caught ${show(e)}`);
            yield await "second";
          }
          log("after try");
          yield "third";
        },
      (log) =>
        lower(function* (): Body {
          try {
            log("start");
            yield emit("first");
          } catch (e) {
            log(`caught ${show(e)}`);
            yield emit(yield "second");
          }
          log("after try");
          yield emit("third");
        }),
      (g, log) => requestAll(log, g(), ["next:a", "throw:t", "next:b", "return:r", "next:c"]),
    ));
});

describe("suspended-yield", () => {
  const natively = (log: Log) =>
    async function* (): AsyncGenerator<any, any, any> {
      try {
        log("start");
        const x = yield 1;
        log(`x=${x}`);
        yield 2;
      } finally {
        log("finally");
        await null;
        yield "from finally";
        log("finally done");
      }
    };
  const lowered = (log: Log) =>
    lower(function* (): Body {
      try {
        log("start");
        const x = yield emit(1);
        log(`x=${x}`);
        yield emit(2);
      } finally {
        log("finally");
        yield null;
        yield emit("from finally");
        log("finally done");
      }
    });

  test("return() at a yield runs finally, which may await and yield", () =>
    sameTicks<Gen>(natively, lowered, (g, log) => {
      const it = g();
      it.next().then((r) => {
        log(`first ${show(r)}`);
        requestAll(log, it, ["return:r", "next:a", "next:b", "throw:t"]);
      });
    }));

  test("throw() at a yield runs finally, then rejects", () =>
    sameTicks<Gen>(natively, lowered, (g, log) => {
      const it = g();
      it.next().then((r) => {
        log(`first ${show(r)}`);
        requestAll(log, it, ["throw:t", "next:a", "return:r"]);
      });
    }));

  test("return(thenable) at a yield: the value is awaited before the body sees the return", () =>
    sameTicks<Gen>(natively, lowered, (g, log) => {
      const it = g();
      it.next();
      watch(log, "return", it.return(loggingThenable(log, "t", "tv")));
      watch(log, "next", it.next("n"));
    }));

  test("return(rejected promise) at a yield becomes a throw the body can catch", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          try {
            yield 1;
          } catch (e) {
            log(`caught ${show(e)}`);
            yield "after catch";
          }
          return "end";
        },
      (log) =>
        lower(function* (): Body {
          try {
            yield emit(1);
          } catch (e) {
            log(`caught ${show(e)}`);
            yield emit("after catch");
          }
          return yield "end";
        }),
      (g, log) => {
        const it = g();
        watch(log, "next", it.next());
        watch(log, "return rejected", it.return(Promise.reject(new Error("rej"))));
        requestAll(log, it, ["next:b", "next:c"]);
      },
    ));

  test("finally that returns overrides the return() value", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          try {
            yield 1;
          } finally {
            log("finally");
            // eslint-disable-next-line no-unsafe-finally
            return "override";
          }
        },
      (log) =>
        lower(function* (): Body {
          try {
            yield emit(1);
          } finally {
            log("finally");
            // eslint-disable-next-line no-unsafe-finally
            return yield "override";
          }
        }),
      (g, log) => requestAll(log, g(), ["next:a", "return:r", "next:b"]),
    ));
});

describe("executing", () => {
  test("requests made by the body itself wait in the queue", () => {
    const holder: { it?: AsyncGenerator<any, any, any> } = {};
    return sameTicks<Gen>(
      (log) =>
        async function* () {
          log("start");
          watch(log, "inner next", holder.it!.next("re-entrant"));
          const x = yield 1;
          log(`x=${x}`);
          watch(log, "inner return", holder.it!.return("rr"));
          watch(log, "inner throw", holder.it!.throw("tt"));
          await null;
          yield 2;
          log("not reached");
        },
      (log) =>
        lower(function* (): Body {
          log("start");
          watch(log, "inner next", holder.it!.next("re-entrant"));
          const x = yield emit(1);
          log(`x=${x}`);
          watch(log, "inner return", holder.it!.return("rr"));
          watch(log, "inner throw", holder.it!.throw("tt"));
          yield null;
          yield emit(2);
          log("not reached");
        }),
      (g, log) => {
        holder.it = g();
        watch(log, "outer next", holder.it.next("outer"));
      },
    );
  });

  test("requests queued during an await are served in order as the body yields", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          for (let i = 0; i < 3; i++) {
            const got = yield await new Promise((resolve) => setTimeout(() => resolve(i), 0));
            log(`got ${got}`);
          }
        },
      (log) =>
        lower(function* (): Body {
          for (let i = 0; i < 3; i++) {
            const got = yield emit(yield new Promise((resolve) => setTimeout(() => resolve(i), 0)));
            log(`got ${got}`);
          }
        }),
      (g, log) => requestAll(log, g(), ["next:a", "next:b", "throw:t", "next:c", "return:r"]),
      { settleMs: 20 },
    ));
});

describe("draining-queue and completed", () => {
  test("a return() awaiting its value holds back the requests behind it", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          log("body");
        },
      (log) =>
        lower(function* (): Body {
          log("body");
        }),
      (g, log) => {
        const it = g();
        watch(log, "next", it.next());
        watch(log, "return slow", it.return(new Promise((resolve) => setTimeout(() => resolve("slow"), 0))));
        watch(log, "next after", it.next());
        watch(log, "throw after", it.throw("t"));
        watch(log, "return after", it.return(loggingThenable(log, "t", "tv")));
        watch(log, "next last", it.next());
      },
      { settleMs: 10 },
    ));

  test("completed: next resolves done at once, throw rejects, return awaits", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          yield 1;
        },
      (log) =>
        lower(function* (): Body {
          yield emit(1);
        }),
      async (g, log) => {
        const it = g();
        await it.next();
        await it.next();
        log("completed");
        requestAll(log, it, ["next:a", "throw:t", "return:r", "next:b"]);
        watch(log, "return thenable", it.return(loggingThenable(log, "t", "tv")));
      },
    ));

  test("return() with a promise whose constructor getter throws rejects, in every state", () =>
    sameTicks<Gen>(
      (log) =>
        async function* () {
          try {
            yield 1;
          } catch (e) {
            log(`body caught ${show(e)}`);
          }
        },
      (log) =>
        lower(function* (): Body {
          try {
            yield emit(1);
          } catch (e) {
            log(`body caught ${show(e)}`);
          }
        }),
      (g, log) => {
        const broken = () => {
          const p = Promise.resolve("value");
          Object.defineProperty(p, "constructor", {
            get() {
              log("constructor read");
              throw new Error("broken");
            },
          });
          return p;
        };
        const start = g();
        watch(log, "start return", start.return(broken()));
        watch(log, "start next", start.next());
        const atYield = g();
        atYield.next();
        watch(log, "yield return", atYield.return(broken()));
        const done = g();
        done.return(undefined);
        watch(log, "done return", done.return(broken()));
      },
    ));
});
