import { afterEach, describe, expect, it, vi } from "vitest";
import { RetryError, retry, sleep } from "../src/utils/index.js";
import { abortListeners, observe, realTurn, useFakeTimersAndFailOnUnhandledRejection } from "./utils-helpers.js";

useFakeTimersAndFailOnUnhandledRejection();
afterEach(() => {
  vi.restoreAllMocks();
});

/** A task failing `failures` times, recording the fake clock at each call. */
function flaky(failures: number, value = "done") {
  const calls: Array<{ attempt: number; at: number }> = [];
  const start = Date.now();
  const fn = vi.fn((attempt: number, _signal: AbortSignal) => {
    calls.push({ attempt, at: Date.now() - start });
    if (attempt <= failures) return Promise.reject(new Error(`failure ${attempt}`));
    return Promise.resolve(value);
  });
  return { fn, calls };
}

describe("retry: attempts and backoff", () => {
  it("returns the first success without waiting", async () => {
    const { fn } = flaky(0);
    await expect(retry(fn)).resolves.toBe("done");
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn.mock.calls[0]![0]).toBe(1);
    expect(fn.mock.calls[0]![1]).toBeInstanceOf(AbortSignal);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("waits base * factor ** (attempt - 1) between attempts", async () => {
    const { fn, calls } = flaky(3);
    const p = retry(fn, { base: 100, factor: 3, jitter: "none" });
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe("done");
    expect(calls).toEqual([
      { attempt: 1, at: 0 },
      { attempt: 2, at: 100 },
      { attempt: 3, at: 400 },
      { attempt: 4, at: 1300 },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("caps the delay at maxDelay", async () => {
    const delays: number[] = [];
    const p = retry(flaky(4).fn, { base: 100, factor: 10, maxDelay: 500, jitter: "none", retries: 4, onRetry: (_e, _a, d) => void delays.push(d) });
    await vi.runAllTimersAsync();
    await p;
    expect(delays).toEqual([100, 500, 500, 500]);
  });

  it("uses defaults retries 3, base 200, factor 2", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0); // full jitter with random 0 keeps the whole delay
    const { fn, calls } = flaky(Infinity);
    const p = retry(fn);
    const check = expect(p).rejects.toBeInstanceOf(RetryError);
    await vi.runAllTimersAsync();
    await check;
    expect(calls.map((c) => c.at)).toEqual([0, 200, 600, 1400]);
  });

  it("gives up with a RetryError carrying attempts and the last error", async () => {
    const { fn } = flaky(Infinity);
    const p = retry(fn, { retries: 2, base: 10, jitter: "none" });
    const check = expect(p).rejects.toSatisfy((error: RetryError) => {
      expect(error).toBeInstanceOf(RetryError);
      expect(error.name).toBe("RetryError");
      expect(error.attempts).toBe(3);
      expect(error.cause).toEqual(new Error("failure 3"));
      expect(error.message).toBe("Failed after 3 attempts (no retries left): failure 3");
      return true;
    });
    await vi.runAllTimersAsync();
    await check;
    expect(fn).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("retries: 0 makes a single attempt", async () => {
    const { fn } = flaky(1);
    await expect(retry(fn, { retries: 0 })).rejects.toMatchObject({ attempts: 1, message: "Failed after 1 attempt (no retries left): failure 1" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("counts a synchronous throw as a failed attempt", async () => {
    let n = 0;
    const p = retry(
      () => {
        if (++n < 3) throw new Error("sync");
        return n;
      },
      { base: 1, jitter: "none" },
    );
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe(3);
  });

  it("keeps non-Error failures as the cause", async () => {
    const p = retry(() => Promise.reject("plain string"), { retries: 0 });
    await expect(p).rejects.toMatchObject({ cause: "plain string", message: "Failed after 1 attempt (no retries left): plain string" });
  });
});

describe("retry: jitter", () => {
  const delaysWith = async (jitter: any, random: number) => {
    vi.spyOn(Math, "random").mockReturnValue(random);
    const delays: number[] = [];
    const p = retry(flaky(2).fn, { base: 100, jitter, onRetry: (_e, _a, d) => void delays.push(d) });
    await vi.runAllTimersAsync();
    await p;
    return delays;
  };

  it("none keeps the exponential delay", async () => {
    expect(await delaysWith("none", 0.5)).toEqual([100, 200]);
  });
  it("full spreads it over (0, d]", async () => {
    expect(await delaysWith("full", 0.5)).toEqual([50, 100]);
    expect(await delaysWith("full", 0.99)).toEqual([1, 2].map((x) => expect.closeTo(x, 6)));
  });
  it("equal spreads it over (d/2, d]", async () => {
    expect(await delaysWith("equal", 0.5)).toEqual([75, 150]);
    expect(await delaysWith("equal", 0)).toEqual([100, 200]);
  });
  it("a number j spreads it over (d * (1 - j), d]", async () => {
    expect(await delaysWith(0.2, 0.5)).toEqual([90, 180]);
    expect(await delaysWith(0, 0.5)).toEqual([100, 200]);
  });
  it("applies jitter to the capped delay and waits exactly the reported delay", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { fn, calls } = flaky(2);
    const p = retry(fn, { base: 1_000, factor: 10, maxDelay: 4_000, jitter: "full" });
    await vi.runAllTimersAsync();
    await p;
    expect(calls.map((c) => c.at)).toEqual([0, 500, 2500]);
  });
  it("stays at 0 for base 0, even after factor ** n overflows", async () => {
    const delays: number[] = [];
    let n = 0;
    const p = retry(() => (++n < 1_100 ? Promise.reject(new Error("x")) : n), {
      retries: Infinity,
      base: 0,
      jitter: "none",
      onRetry: (_e, _a, d) => void delays.push(d),
    });
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe(1_100);
    expect(new Set(delays)).toEqual(new Set([0]));
  });
});

describe("retry: shouldRetry and onRetry", () => {
  it("stops early when shouldRetry returns false, without waiting", async () => {
    const { fn } = flaky(Infinity);
    const shouldRetry = vi.fn((_error: unknown, attempt: number) => attempt < 2);
    const onRetry = vi.fn();
    const p = retry(fn, { retries: 10, base: 10, jitter: "none", shouldRetry, onRetry });
    const check = expect(p).rejects.toMatchObject({ attempts: 2, cause: new Error("failure 2"), message: "Failed after 2 attempts (shouldRetry declined to retry): failure 2" });
    await vi.runAllTimersAsync();
    await check;
    expect(shouldRetry.mock.calls).toEqual([
      [new Error("failure 1"), 1],
      [new Error("failure 2"), 2],
    ]);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("awaits an async shouldRetry", async () => {
    const { fn } = flaky(Infinity);
    const p = retry(fn, { shouldRetry: async () => false });
    await expect(p).rejects.toMatchObject({ attempts: 1 });
  });

  it("does not consult shouldRetry once retries are used up", async () => {
    const shouldRetry = vi.fn(() => true);
    const p = retry(flaky(Infinity).fn, { retries: 1, base: 1, shouldRetry });
    const check = expect(p).rejects.toMatchObject({ attempts: 2 });
    await vi.runAllTimersAsync();
    await check;
    expect(shouldRetry).toHaveBeenCalledTimes(1);
  });

  it("calls onRetry(error, attempt, delay) before each wait and awaits it", async () => {
    const log: string[] = [];
    const { fn, calls } = flaky(2);
    const p = retry(fn, {
      base: 100,
      jitter: "none",
      onRetry: async (error, attempt, delay) => {
        log.push(`${(error as Error).message} / ${attempt} / ${delay}`);
        await sleep(1_000);
      },
    });
    await vi.runAllTimersAsync();
    await p;
    expect(log).toEqual(["failure 1 / 1 / 100", "failure 2 / 2 / 200"]);
    expect(calls.map((c) => c.at)).toEqual([0, 1100, 2300]);
  });

  it("rejects with an error thrown by shouldRetry or onRetry, as it is", async () => {
    const boom = new Error("predicate broke");
    await expect(retry(flaky(1).fn, { shouldRetry: () => { throw boom; } })).rejects.toBe(boom);
    const hookBoom = new Error("hook broke");
    await expect(retry(flaky(1).fn, { onRetry: () => Promise.reject(hookBoom) })).rejects.toBe(hookBoom);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("retry: abort", () => {
  it("passes the caller's signal to fn", async () => {
    const controller = new AbortController();
    const fn = vi.fn(() => "ok");
    await retry(fn, { signal: controller.signal });
    expect(fn).toHaveBeenCalledWith(1, controller.signal);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("rejects at once when aborted during the backoff wait, clearing the timer", async () => {
    const controller = new AbortController();
    const { fn } = flaky(Infinity);
    const done = observe(retry(fn, { base: 1_000, jitter: "none", signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(500);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort("stop retrying");
    await realTurn();
    expect(done.state).toEqual({ status: "rejected", reason: "stop retrying" });
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
    await vi.runAllTimersAsync();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("rejects at once when aborted during an attempt, and starts no other", async () => {
    const controller = new AbortController();
    let failAttempt!: (error: Error) => void;
    const fn = vi.fn(() => new Promise((_, reject) => (failAttempt = reject)));
    const done = observe(retry(fn, { signal: controller.signal }));
    await realTurn();
    controller.abort("cancelled mid-attempt");
    await realTurn();
    expect(done.state).toEqual({ status: "rejected", reason: "cancelled mid-attempt" });
    failAttempt(new Error("attempt failed after the abort")); // must not become unhandled
    await vi.runAllTimersAsync();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("never calls fn with an already-aborted signal", async () => {
    const controller = new AbortController();
    controller.abort("too early");
    const fn = vi.fn();
    await expect(retry(fn, { signal: controller.signal })).rejects.toBe("too early");
    expect(fn).not.toHaveBeenCalled();
  });

  it("aborts a real retry loop with a real controller and real timers", async () => {
    vi.useRealTimers();
    const controller = new AbortController();
    const { fn } = flaky(Infinity);
    setTimeout(() => controller.abort(new Error("real abort")), 30);
    const started = performance.now();
    await expect(retry(fn, { retries: Infinity, base: 5, factor: 1, jitter: "none", signal: controller.signal })).rejects.toThrow("real abort");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fn.mock.calls.length).toBeGreaterThan(1);
  });
});

describe("retry: argument checks", () => {
  const fn = () => 1;
  it.each([
    [() => retry("nope" as any), TypeError, 'retry: fn must be a function, got "nope".'],
    [() => retry(fn, 3 as any), TypeError, "retry: options must be an object, got 3."],
    [() => retry(fn, { retries: -1 }), RangeError, "retry: options.retries must be a non-negative integer or Infinity, got -1."],
    [() => retry(fn, { retries: 1.5 }), RangeError, "retry: options.retries must be a non-negative integer or Infinity, got 1.5."],
    [() => retry(fn, { retries: "3" as any }), TypeError, 'retry: options.retries must be a number, got "3".'],
    [() => retry(fn, { base: -10 }), RangeError, "retry: options.base must be a finite number >= 0, got -10."],
    [() => retry(fn, { base: Infinity }), RangeError, "retry: options.base must be a finite number >= 0, got Infinity."],
    [() => retry(fn, { factor: 0.5 }), RangeError, "retry: options.factor must be a finite number >= 1, got 0.5."],
    [() => retry(fn, { maxDelay: 2 ** 31 }), RangeError, "retry: options.maxDelay must be between 0 and 2147483647 ms, got 2147483648."],
    [() => retry(fn, { jitter: "partial" as any }), TypeError, 'retry: options.jitter must be "full", "equal", "none" or a number from 0 to 1, got "partial".'],
    [() => retry(fn, { jitter: 1.5 }), RangeError, "retry: options.jitter must be between 0 and 1, got 1.5."],
    [() => retry(fn, { shouldRetry: true as any }), TypeError, "retry: options.shouldRetry must be a function, got true."],
    [() => retry(fn, { onRetry: {} as any }), TypeError, "retry: options.onRetry must be a function, got a value of type object."],
    [() => retry(fn, { signal: {} as any }), TypeError, "retry: options.signal must be an AbortSignal, got a value of type object."],
  ])("%#: throws synchronously", (call, Type, message) => {
    expect(call).toThrow(new Type(message));
  });
});
