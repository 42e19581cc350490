import { describe, expect, it, vi } from "vitest";
import { createLimiter, limit, sleep } from "../src/utils/index.js";
import { abortListeners, observe, realTurn, useFakeTimersAndFailOnUnhandledRejection } from "./utils-helpers.js";

useFakeTimersAndFailOnUnhandledRejection();

/** A task that records when it starts and finishes after `ms` with `value`. */
function tracked(log: string[]) {
  return (name: string, ms: number) => () => {
    log.push(`start ${name}`);
    return sleep(ms).then(() => {
      log.push(`end ${name}`);
      return name;
    });
  };
}

describe("createLimiter: scheduling", () => {
  it("runs at most `concurrency` tasks, starting queued ones in FIFO order", async () => {
    const log: string[] = [];
    const task = tracked(log);
    const limiter = createLimiter(2);
    const results = Promise.all([limiter(task("a", 30)), limiter(task("b", 10)), limiter(task("c", 10)), limiter(task("d", 10))]);
    expect(log).toEqual(["start a", "start b"]);
    expect([limiter.activeCount, limiter.pendingCount]).toEqual([2, 2]);
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    await vi.advanceTimersByTimeAsync(10);
    expect(log.slice(4)).toEqual(["end c", "start d"]);
    expect([limiter.activeCount, limiter.pendingCount]).toEqual([2, 0]);
    await vi.runAllTimersAsync();
    await expect(results).resolves.toEqual(["a", "b", "c", "d"]);
    expect([limiter.activeCount, limiter.pendingCount]).toEqual([0, 0]);
  });

  it("starts a task synchronously when a slot is free", () => {
    const limiter = createLimiter(1);
    const task = vi.fn(() => "x");
    void limiter(task);
    expect(task).toHaveBeenCalledTimes(1);
    expect(limiter.activeCount).toBe(1);
  });

  it("passes rejections through and frees the slot of a failing task", async () => {
    const limiter = createLimiter(1);
    const error = new Error("task failed");
    const failing = limiter(() => Promise.reject(error));
    const next = limiter(() => "next");
    await expect(failing).rejects.toBe(error);
    await expect(next).resolves.toBe("next");
    expect(limiter.activeCount).toBe(0);
  });

  it("rejects a synchronously throwing task and frees its slot", async () => {
    const limiter = createLimiter(1);
    const error = new Error("sync");
    const failing = limiter(() => {
      throw error;
    });
    expect(limiter.activeCount).toBe(1); // freed a microtask later, like any other settlement
    await expect(failing).rejects.toBe(error);
    expect(limiter.activeCount).toBe(0);
  });

  it("drains a long queue of throwing tasks without deep recursion", async () => {
    const limiter = createLimiter(1);
    const calls = Array.from({ length: 20_000 }, () =>
      limiter(() => {
        throw new Error("x");
      }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
  });

  it("never queues with concurrency Infinity", () => {
    const limiter = createLimiter(Infinity);
    for (let i = 0; i < 100; i++) void limiter(() => sleep(10));
    expect([limiter.activeCount, limiter.pendingCount, limiter.concurrency]).toEqual([100, 0, Infinity]);
  });
});

describe("createLimiter: clearQueue", () => {
  it("rejects queued calls with an AbortError, leaving running ones alone", async () => {
    const log: string[] = [];
    const limiter = createLimiter(1);
    const running = observe(limiter(tracked(log)("a", 10)));
    const queued = [observe(limiter(tracked(log)("b", 10))), observe(limiter(tracked(log)("c", 10)))];
    expect(limiter.clearQueue()).toBe(2);
    expect(limiter.pendingCount).toBe(0);
    await realTurn();
    for (const q of queued) {
      expect(q.state.status).toBe("rejected");
      expect((q.state as { reason: DOMException }).reason).toMatchObject({ name: "AbortError" });
    }
    await vi.runAllTimersAsync();
    expect(running.state).toEqual({ status: "fulfilled", value: "a" });
    expect(log).toEqual(["start a", "end a"]);
  });

  it("rejects with the given reason", async () => {
    const limiter = createLimiter(1);
    void limiter(() => sleep(10));
    const queued = limiter(() => "never");
    limiter.clearQueue("shutting down");
    await expect(queued).rejects.toBe("shutting down");
  });

  it("raises no unhandled rejection for queued calls nobody awaits", async () => {
    const limiter = createLimiter(1);
    void limiter(() => sleep(10));
    for (let i = 0; i < 3; i++) void limiter(() => "dropped");
    expect(limiter.clearQueue()).toBe(3);
    await realTurn(); // the afterEach guard fails the test if any rejection went unhandled
  });

  it("keeps working after a clear", async () => {
    const limiter = createLimiter(1);
    const first = limiter(() => sleep(10).then(() => 1));
    void limiter(() => 2);
    limiter.clearQueue();
    const third = limiter(() => 3);
    await vi.runAllTimersAsync();
    await expect(Promise.all([first, third])).resolves.toEqual([1, 3]);
  });
});

describe("createLimiter: per-call signal", () => {
  it("removes an aborted call from the queue and rejects it with the reason", async () => {
    const log: string[] = [];
    const task = tracked(log);
    const limiter = createLimiter(1);
    const controller = new AbortController();
    const a = limiter(task("a", 10));
    const b = observe(limiter(task("b", 10), { signal: controller.signal }));
    const c = limiter(task("c", 10));
    expect(limiter.pendingCount).toBe(2);
    controller.abort("not needed");
    expect(limiter.pendingCount).toBe(1);
    expect(abortListeners(controller.signal)).toBe(0);
    await vi.runAllTimersAsync();
    expect(b.state).toEqual({ status: "rejected", reason: "not needed" });
    await expect(Promise.all([a, c])).resolves.toEqual(["a", "c"]);
    expect(log).toEqual(["start a", "end a", "start c", "end c"]);
  });

  it("does not cancel a call once it has started, and drops its listener then", async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    const first = limiter(() => sleep(10).then(() => "first"));
    const second = limiter(() => sleep(10).then(() => "second"), { signal: controller.signal });
    expect(abortListeners(controller.signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(limiter.activeCount).toBe(1);
    expect(abortListeners(controller.signal)).toBe(0);
    controller.abort("too late");
    await vi.runAllTimersAsync();
    await expect(Promise.all([first, second])).resolves.toEqual(["first", "second"]);
  });

  it("rejects at once, without calling the task, when the signal is already aborted", async () => {
    const limiter = createLimiter(5);
    const controller = new AbortController();
    controller.abort("already");
    const task = vi.fn();
    await expect(limiter(task, { signal: controller.signal })).rejects.toBe("already");
    expect(task).not.toHaveBeenCalled();
    expect(limiter.activeCount).toBe(0);
  });

  it("raises no unhandled rejection when a pre-aborted call is dropped", async () => {
    const controller = new AbortController();
    controller.abort("already");
    void createLimiter(1)(() => 1, { signal: controller.signal });
    await realTurn(); // the afterEach guard fails the test if the rejection went unhandled
  });
});

describe("createLimiter: limiter signal", () => {
  it("rejects everything queued on abort, then every new call", async () => {
    const controller = new AbortController();
    const limiter = createLimiter(1, { signal: controller.signal });
    const running = limiter(() => sleep(10).then(() => "kept"));
    const queued = [observe(limiter(() => "x")), observe(limiter(() => "y"))];
    controller.abort("limiter closed");
    await realTurn();
    expect(queued.map((q) => q.state)).toEqual([
      { status: "rejected", reason: "limiter closed" },
      { status: "rejected", reason: "limiter closed" },
    ]);
    const task = vi.fn();
    await expect(limiter(task)).rejects.toBe("limiter closed");
    expect(task).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    await expect(running).resolves.toBe("kept");
  });

  it("listens to its signal only while something is queued", async () => {
    const controller = new AbortController();
    const limiter = createLimiter(1, { signal: controller.signal });
    const first = limiter(() => sleep(10));
    expect(abortListeners(controller.signal)).toBe(0);
    const second = limiter(() => sleep(10));
    const third = limiter(() => sleep(10));
    expect(abortListeners(controller.signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(abortListeners(controller.signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(abortListeners(controller.signal)).toBe(0);
    await vi.runAllTimersAsync();
    await Promise.all([first, second, third]);
  });
});

describe("limit(fn, concurrency)", () => {
  it("forwards arguments and this, and limits concurrency", async () => {
    const seen: unknown[] = [];
    const obj = {
      factor: 10,
      scale: limit(function (this: { factor: number }, x: number) {
        seen.push(x);
        return sleep(5).then(() => x * this.factor);
      }, 2),
    };
    const results = Promise.all([1, 2, 3].map((x) => obj.scale(x)));
    expect(seen).toEqual([1, 2]);
    expect([obj.scale.activeCount, obj.scale.pendingCount, obj.scale.concurrency]).toEqual([2, 1, 2]);
    await vi.runAllTimersAsync();
    await expect(results).resolves.toEqual([10, 20, 30]);
  });

  it("has clearQueue and a limiter-wide signal", async () => {
    const controller = new AbortController();
    const slow = limit((ms: number) => sleep(ms).then(() => ms), 1, { signal: controller.signal });
    const first = slow(10);
    const second = slow(10);
    const third = slow(10);
    expect(slow.clearQueue("cleared")).toBe(1 + 1);
    await expect(second).rejects.toBe("cleared");
    const fourth = slow(10);
    controller.abort("aborted");
    await expect(Promise.allSettled([third, fourth])).resolves.toEqual([
      { status: "rejected", reason: "cleared" },
      { status: "rejected", reason: "aborted" },
    ]);
    await vi.runAllTimersAsync();
    await expect(first).resolves.toBe(10);
  });
});

describe("limiter argument checks", () => {
  it.each([
    [() => createLimiter(0), RangeError, "createLimiter: concurrency must be a positive integer or Infinity, got 0."],
    [() => createLimiter(-1), RangeError, "createLimiter: concurrency must be a positive integer or Infinity, got -1."],
    [() => createLimiter(2.5), RangeError, "createLimiter: concurrency must be a positive integer or Infinity, got 2.5."],
    [() => createLimiter(NaN), RangeError, "createLimiter: concurrency must be a positive integer or Infinity, got NaN."],
    [() => createLimiter("4" as any), TypeError, 'createLimiter: concurrency must be a number, got "4".'],
    [() => createLimiter(1, { signal: 1 as any }), TypeError, "createLimiter: options.signal must be an AbortSignal, got 1."],
    [() => createLimiter(1)("task" as any), TypeError, 'limiter: task must be a function, got "task".'],
    [() => createLimiter(1)(() => 1, { signal: {} as any }), TypeError, "limiter: options.signal must be an AbortSignal, got a value of type object."],
    [() => limit(null as any, 1), TypeError, "limit: fn must be a function, got null."],
    [() => limit(() => 1, 0), RangeError, "limit: concurrency must be a positive integer or Infinity, got 0."],
  ])("%#: throws synchronously", (call, Type, message) => {
    expect(call).toThrow(new Type(message));
  });
});
