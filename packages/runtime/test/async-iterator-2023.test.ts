// The 2023 change to CreateAsyncFromSyncIterator (ecma262 PR #2600, in ES2024): when a sync
// iterator used by `for await` or an async `yield*` yields a rejected promise, the sync iterator
// is closed before the rejection is passed on; and `throw()` forwarded to a sync iterator without
// a `throw` method closes it and throws a TypeError (it used to pass the thrown value on without
// closing). Node 20's V8 predates the change, so each test states both logs: the spec's (worked
// out below, step by step) for the lowered code, and V8's old one that native Node 20 produces.
import { describe, test } from "vitest";
import { asyncIterator, asyncIteratorClose, delegate, emit, iteratorResult, run } from "../src/index.js";
import { expectSpecNotV8, lower, show, watch, type Body, type Log } from "./async-generator-ticks.js";

function outerNative(log: Log) {
  return async function* (inner: Iterable<unknown>) {
    log("outer start");
    try {
      const r = yield* inner;
      log(`yield* -> ${show(r)}`);
    } catch (e) {
      log(`yield* threw ${show(e)}`);
    } finally {
      log("outer finally");
    }
    yield "outer after";
  };
}
function outerLowered(log: Log) {
  return lower(function* (inner: Iterable<unknown>): Body {
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
}

describe("yield* over a sync iterator (2023 change)", () => {
  test("a rejected promise from the sync iterator closes it", () => {
    const rejecting = (log: Log) =>
      (function* () {
        try {
          yield Promise.reject(new Error("bad"));
          log("sync resumed");
        } finally {
          log("sync finally");
        }
      })();
    const scenario = (outer: typeof outerNative) => (log: Log) => {
      const it = outer(log)(rejecting(log));
      watch(log, "0 next", it.next());
      watch(log, "1 next", it.next());
    };
    // 0 next: the body runs to yield*; AsyncFromSync next() calls the sync next(), whose value
    // is a rejected promise: PerformPromiseThen(value, unwrap, closeIterator) queues its job.
    // tick 1: closeIterator calls the generator's return() ("sync finally"), rejects the
    // promise the body awaits. tick 2: yield* throws; the body yields "outer after" (Await).
    // tick 3: AsyncGeneratorYield settles 0, then 1 completes the body. tick 4: both log.
    const spec = [
      "outer start",
      "tick 1", "sync finally",
      "tick 2", "yield* threw Error(bad)", "outer finally",
      "tick 3",
      "tick 4", "0 next -> {outer after}", "1 next -> {undefined done}",
    ];
    const v8 = spec.filter((entry) => entry !== "sync finally");
    return expectSpecNotV8(scenario(outerNative), scenario(outerLowered), spec, v8);
  });

  test("throw() with no throw method on the sync iterator closes it and throws a TypeError", () => {
    const noThrow = (log: Log) => ({
      [Symbol.iterator]() {
        return this;
      },
      next() {
        log("sync next");
        return { value: "s", done: false };
      },
      return() {
        log("sync return");
        return {};
      },
    });
    const scenario = (outer: typeof outerNative) => (log: Log) => {
      const it = outer(log)(noThrow(log) as unknown as Iterable<unknown>);
      watch(log, "0 next", it.next());
      watch(log, "1 throw", it.throw("t"));
      watch(log, "2 next", it.next());
    };
    // 0 next: "sync next"; the value "s" is resolved (tick 1) and the awaited IteratorResult
    // reaches the body (tick 2), which yields "s" and settles 0 — then serves 1 at once: throw()
    // on the async-from-sync iterator finds no sync throw(), calls return() ("sync return") and
    // rejects with a TypeError. tick 3: 0 logs; the Await of that rejection throws from yield*.
    // tick 4: "outer after" is yielded, settling 1; 2 completes the body. tick 5: both log.
    const spec = [
      "outer start", "sync next",
      "tick 1",
      "tick 2", "sync return",
      "tick 3", "0 next -> {s}", "yield* threw TypeError", "outer finally",
      "tick 4",
      "tick 5", "1 throw -> {outer after}", "2 next -> {undefined done}",
    ];
    // Before the change, throw() rejected with the thrown value itself and left the iterator open.
    const v8 = spec.filter((entry) => entry !== "sync return").map((entry) => entry.replace("TypeError", "t"));
    return expectSpecNotV8(scenario(outerNative), scenario(outerLowered), spec, v8);
  });
});

describe("for await over a sync iterator (2023 change)", () => {
  const source = (log: Log) =>
    (function* () {
      try {
        yield 1;
        yield Promise.reject(new Error("bad"));
        yield 3;
      } finally {
        log("sync finally");
      }
    })();

  test("a rejected promise from the sync iterator closes it before the loop throws", () => {
    const native = (log: Log) => {
      (async () => {
        try {
          for await (const x of source(log)) log(`x=${x}`);
        } catch (e) {
          log(`caught ${show(e)}`);
        }
      })();
    };
    const lowered = (log: Log) => {
      run(function* (): Body {
        try {
          const _it = asyncIterator(source(log));
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
        } catch (e) {
          log(`caught ${show(e)}`);
        }
      });
    };
    // tick 1: 1 is resolved into an IteratorResult. tick 2: the loop body logs x=1 and calls
    // next(): the rejected promise's job is queued. tick 3: closeIterator runs the generator's
    // finally, then rejects. tick 4: the loop's Await throws; next() errors do not close again.
    const spec = ["tick 1", "tick 2", "x=1", "tick 3", "sync finally", "tick 4", "caught Error(bad)"];
    const v8 = spec.filter((entry) => entry !== "sync finally");
    return expectSpecNotV8(native, lowered, spec, v8);
  });
});
