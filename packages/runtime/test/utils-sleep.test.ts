import { describe, expect, it, vi } from "vitest";
import { sleep } from "../src/utils/index.js";
import { abortListeners, observe, realTurn, useFakeTimersAndFailOnUnhandledRejection } from "./utils-helpers.js";

useFakeTimersAndFailOnUnhandledRejection();

describe("sleep", () => {
  it("resolves after exactly ms and leaves no timer", async () => {
    const done = observe(sleep(100));
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(done.state.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(done.state).toEqual({ status: "fulfilled", value: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sleep(0) waits for a timer turn, not a microtask", async () => {
    const done = observe(sleep(0));
    await realTurn();
    expect(done.state.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(0);
    expect(done.state.status).toBe("fulfilled");
  });

  it("rejects with the reason of an already-aborted signal, starting no timer", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    controller.abort(reason);
    const p = sleep(100, { signal: controller.signal });
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
    await expect(p).rejects.toBe(reason);
  });

  it("rejects on abort mid-sleep, clearing the timer and the listener", async () => {
    const controller = new AbortController();
    const done = observe(sleep(100, { signal: controller.signal }));
    expect(abortListeners(controller.signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(40);
    controller.abort("enough");
    await realTurn();
    expect(done.state).toEqual({ status: "rejected", reason: "enough" });
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("uses the default AbortError when abort() has no reason", async () => {
    const controller = new AbortController();
    const p = sleep(10, { signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
  });

  it("removes its abort listener when it resolves", async () => {
    const controller = new AbortController();
    const p = sleep(10, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    await p;
    expect(abortListeners(controller.signal)).toBe(0);
    controller.abort(); // a late abort has nothing left to reject
  });

  it("sleep(Infinity) creates no timer and ends only by abort", async () => {
    const controller = new AbortController();
    const done = observe(sleep(Infinity, { signal: controller.signal }));
    expect(vi.getTimerCount()).toBe(0);
    controller.abort("bye");
    await realTurn();
    expect(done.state).toEqual({ status: "rejected", reason: "bye" });
  });

  it("treats signal null/undefined as no signal", async () => {
    const p = Promise.all([sleep(5, { signal: null }), sleep(5, {}), sleep(5, undefined)]);
    await vi.advanceTimersByTimeAsync(5);
    await expect(p).resolves.toEqual([undefined, undefined, undefined]);
  });

  it("validates its arguments", () => {
    expect(() => sleep("5" as any)).toThrow(new TypeError('sleep: ms must be a number, got "5".'));
    expect(() => sleep(-1)).toThrow(RangeError);
    expect(() => sleep(NaN)).toThrow(/between 0 and 2147483647 ms, or Infinity, got NaN/);
    expect(() => sleep(2 ** 31)).toThrow(RangeError);
    expect(() => sleep(1, 5 as any)).toThrow(new TypeError("sleep: options must be an object, got 5."));
    expect(() => sleep(1, { signal: {} as any })).toThrow(/sleep: options\.signal must be an AbortSignal/);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("works with real timers and a real abort", async () => {
    vi.useRealTimers();
    const started = performance.now();
    await sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("real abort")), 5);
    const before = performance.now();
    await expect(sleep(10_000, { signal: controller.signal })).rejects.toThrow("real abort");
    expect(performance.now() - before).toBeLessThan(1000);
  });
});
