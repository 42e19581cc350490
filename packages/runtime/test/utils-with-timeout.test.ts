import { describe, expect, it, vi } from "vitest";
import { TimeoutError, sleep, withTimeout } from "../src/utils/index.js";
import { abortListeners, observe, realTurn, useFakeTimersAndFailOnUnhandledRejection } from "./utils-helpers.js";

useFakeTimersAndFailOnUnhandledRejection();

const later = <T>(ms: number, value: T) => sleep(ms).then(() => value);
const failLater = (ms: number, error: unknown) => sleep(ms).then(() => Promise.reject(error));

describe("withTimeout(promise, ms)", () => {
  it("settles like the promise when it is in time, clearing the timer at once", async () => {
    const done = observe(withTimeout(later(50, "value"), 100));
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(50);
    expect(done.state).toEqual({ status: "fulfilled", value: "value" });
    expect(vi.getTimerCount()).toBe(0);

    const error = new Error("own failure");
    const failed = observe(withTimeout(failLater(50, error), 100));
    await vi.advanceTimersByTimeAsync(50);
    expect(failed.state).toEqual({ status: "rejected", reason: error });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with a TimeoutError after exactly ms", async () => {
    const done = observe(withTimeout(new Promise(() => {}), 100));
    await vi.advanceTimersByTimeAsync(99);
    expect(done.state.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(done.state.status).toBe("rejected");
    const error = (done.state as { reason: TimeoutError }).reason;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TimeoutError");
    expect(error.ms).toBe(100);
    expect(error.message).toBe("Timed out after 100 ms");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("uses options.message", async () => {
    const p = withTimeout(new Promise(() => {}), 10, { message: "config server did not answer" });
    const check = expect(p).rejects.toThrow(new TimeoutError("config server did not answer", 10));
    await vi.advanceTimersByTimeAsync(10);
    await check;
  });

  it("observes a rejection that arrives after the timeout (no unhandled rejection)", async () => {
    const done = observe(withTimeout(failLater(200, new Error("too late")), 100));
    await vi.advanceTimersByTimeAsync(200);
    await realTurn();
    expect(done.state.status).toBe("rejected");
    expect((done.state as { reason: unknown }).reason).toBeInstanceOf(TimeoutError);
  });

  it("lets an already-settled promise win against ms = 0", async () => {
    const p = withTimeout(Promise.resolve("ready"), 0);
    await vi.advanceTimersByTimeAsync(0);
    await expect(p).resolves.toBe("ready");
  });

  it("accepts plain values and thenables", async () => {
    await expect(withTimeout(42, 10)).resolves.toBe(42);
    const thenable = { then: (resolve: (v: string) => void) => resolve("thenable") } as PromiseLike<string>;
    await expect(withTimeout(thenable, 10)).resolves.toBe("thenable");
  });

  it("sets no timer for ms = Infinity", async () => {
    const p = withTimeout(later(5_000, "slow"), Infinity);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(p).resolves.toBe("slow");
  });
});

describe("withTimeout((signal) => work, ms)", () => {
  it("hands the task a signal that aborts with the TimeoutError", async () => {
    let taskSignal!: AbortSignal;
    const done = observe(
      withTimeout((signal) => {
        taskSignal = signal;
        return sleep(1_000, { signal });
      }, 100),
    );
    expect(taskSignal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(taskSignal.aborted).toBe(true);
    expect(taskSignal.reason).toBeInstanceOf(TimeoutError);
    expect(done.state).toEqual({ status: "rejected", reason: taskSignal.reason });
    expect(vi.getTimerCount()).toBe(0); // the task's own sleep was cancelled too
  });

  it("leaves the task's signal alone when the task finishes in time", async () => {
    let taskSignal!: AbortSignal;
    const p = withTimeout((signal) => {
      taskSignal = signal;
      return later(10, "ok");
    }, 100);
    await vi.advanceTimersByTimeAsync(10);
    await expect(p).resolves.toBe("ok");
    expect(taskSignal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with a synchronous throw and leaves no timer", async () => {
    const error = new Error("sync");
    const p = withTimeout(() => {
      throw error;
    }, 100);
    expect(vi.getTimerCount()).toBe(0);
    await expect(p).rejects.toBe(error);
  });

  it("accepts a task returning a plain value", async () => {
    await expect(withTimeout(() => "plain", 100)).resolves.toBe("plain");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("withTimeout with options.signal", () => {
  it("rejects with the abort reason, aborts the task's signal, and cleans up", async () => {
    const controller = new AbortController();
    let taskSignal!: AbortSignal;
    const done = observe(
      withTimeout(
        (signal) => {
          taskSignal = signal;
          return new Promise(() => {});
        },
        100,
        { signal: controller.signal },
      ),
    );
    expect(abortListeners(controller.signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(30);
    controller.abort("user cancelled");
    await realTurn();
    expect(done.state).toEqual({ status: "rejected", reason: "user cancelled" });
    expect(taskSignal.reason).toBe("user cancelled");
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("removes its listener on success and on timeout", async () => {
    const controller = new AbortController();
    const ok = withTimeout(later(5, 1), 100, { signal: controller.signal });
    const late = withTimeout(new Promise(() => {}), 10, { signal: controller.signal });
    const lateCheck = expect(late).rejects.toBeInstanceOf(TimeoutError);
    expect(abortListeners(controller.signal)).toBe(2);
    await vi.advanceTimersByTimeAsync(10);
    await expect(ok).resolves.toBe(1);
    await lateCheck;
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("with an already-aborted signal: rejects, never calls the task, starts no timer", async () => {
    const controller = new AbortController();
    controller.abort("already");
    const task = vi.fn(() => "never");
    await expect(withTimeout(task, 100, { signal: controller.signal })).rejects.toBe("already");
    expect(task).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("with an already-aborted signal: still observes the given promise's rejection", async () => {
    const controller = new AbortController();
    controller.abort("already");
    const p = withTimeout(Promise.reject(new Error("would be unhandled")), 100, { signal: controller.signal });
    await expect(p).rejects.toBe("already");
    await realTurn();
  });

  it("notices a task that aborts the caller's signal synchronously", async () => {
    const controller = new AbortController();
    const p = withTimeout(
      () => {
        controller.abort("from inside");
        return new Promise(() => {});
      },
      100,
      { signal: controller.signal },
    );
    await expect(p).rejects.toBe("from inside");
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("withTimeout argument checks", () => {
  it("throws TypeError/RangeError with the argument's name", () => {
    const p = Promise.resolve();
    expect(() => withTimeout(p, -5)).toThrow(new RangeError("withTimeout: ms must be between 0 and 2147483647 ms, or Infinity, got -5."));
    expect(() => withTimeout(p, "10" as any)).toThrow(TypeError);
    expect(() => withTimeout(p, 10, { message: 42 as any })).toThrow(new TypeError("withTimeout: options.message must be a string, got 42."));
    expect(() => withTimeout(p, 10, { signal: "nope" as any })).toThrow(/withTimeout: options\.signal must be an AbortSignal/);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("withTimeout with real timers", () => {
  it("times out a real task and aborts its real signal", async () => {
    vi.useRealTimers();
    let taskSignal!: AbortSignal;
    const started = performance.now();
    const p = withTimeout((signal) => {
      taskSignal = signal;
      return sleep(10_000, { signal });
    }, 20);
    await expect(p).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(taskSignal.aborted).toBe(true);
  });
});
