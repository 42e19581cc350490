// Tick-for-tick comparison of native async code with its hand-lowered twin. A chain of
// microtasks logs "tick n" at every turn while a scenario runs and logs what it observes; both
// versions must produce the same log, so every settle happened in the same turn.
// SHOW_TICKS=1 prints the logs.

import { expect } from "vitest";
import { asyncGen } from "../src/index.js";

export type Log = (entry: string) => void;

export interface TickOptions {
  /** Microtask turns to record. */
  turns?: number;
  /** Milliseconds to wait after the last turn, for timers in the scenario. */
  settleMs?: number;
}

/** Runs `scenario` under the tick logger and resolves with the log (trailing idle ticks cut). */
export function recordTicks(scenario: (log: Log) => void, { turns = 40, settleMs = 0 }: TickOptions = {}): Promise<string[]> {
  return new Promise((resolve) => {
    const entries: string[] = [];
    const log: Log = (entry) => void entries.push(entry);
    let turn = 0;
    const tick = (): void => {
      if (turn === turns) {
        setTimeout(() => resolve(trimIdleTicks(entries)), settleMs);
        return;
      }
      entries.push(`tick ${++turn}`);
      Promise.resolve().then(tick);
    };
    Promise.resolve().then(tick);
    try {
      scenario(log);
    } catch (error) {
      log(`threw ${show(error)}`);
    }
  });
}

function trimIdleTicks(entries: string[]): string[] {
  let end = entries.length;
  while (end > 0 && entries[end - 1]!.startsWith("tick ")) end--;
  return entries.slice(0, end);
}

/** Records both versions and expects equal logs; returns the log. */
export async function expectSameTicks(native: (log: Log) => void, lowered: (log: Log) => void, options?: TickOptions): Promise<string[]> {
  const expected = await recordTicks(native, options);
  const actual = await recordTicks(lowered, options);
  if (process.env.SHOW_TICKS) console.log(expected.join("\n"));
  expect(actual).toEqual(expected);
  expect(expected.some((entry) => !entry.startsWith("tick "))).toBe(true);
  return expected;
}

/** The common case: one driver exercising a generator function made natively or lowered. */
export function sameTicks<F>(
  native: (log: Log) => F,
  lowered: (log: Log) => F,
  drive: (fn: F, log: Log) => void,
  options?: TickOptions,
): Promise<string[]> {
  return expectSameTicks(
    (log) => drive(native(log), log),
    (log) => drive(lowered(log), log),
    options,
  );
}

/** A value as the logs show it. Engine TypeErrors differ in wording, so only their kind shows. */
export function show(value: unknown): string {
  if (value instanceof TypeError) return "TypeError";
  if (value instanceof Error) return `${value.name}(${value.message})`;
  if (value instanceof Promise) return "[promise]";
  if (typeof value === "object" && value !== null) {
    if ("done" in value && "value" in value && Object.keys(value).length === 2) {
      return `{${show((value as IteratorResult<unknown>).value)}${(value as IteratorResult<unknown>).done ? " done" : ""}}`;
    }
    if (typeof (value as { then?: unknown }).then === "function") return "[thenable]";
    return `[object ${Object.keys(value).join(",")}]`;
  }
  return typeof value === "string" ? value : String(value);
}

/** Logs how a promise settles. */
export function watch(log: Log, label: string, promise: PromiseLike<unknown>): void {
  promise.then(
    (value) => log(`${label} -> ${show(value)}`),
    (reason) => log(`${label} !! ${show(reason)}`),
  );
}

/** Pulls `it` with next() until done (or `limit` steps), one request at a time, logging each. */
export function drain(log: Log, label: string, it: AsyncIterator<unknown>, limit = 20): void {
  let step = 0;
  const pull = (): void => {
    if (step++ === limit) return;
    it.next().then(
      (result) => {
        log(`${label} -> ${show(result)}`);
        if (!result.done) pull();
      },
      (reason) => log(`${label} !! ${show(reason)}`),
    );
  };
  pull();
}

/** A thenable that logs when its `then` is read and called, then fulfils with `value`. */
export function loggingThenable(log: Log, label: string, value: unknown): PromiseLike<unknown> {
  return {
    get then() {
      log(`${label}: get then`);
      return (resolve: (v: unknown) => void) => {
        log(`${label}: then called`);
        resolve(value);
      };
    },
  } as PromiseLike<unknown>;
}

/** The wrapper the plugin emits around a lowered body: `function g() { return asyncGen(g$, this, arguments); }`. */
export function lower<A extends unknown[]>(body: (...args: A) => Body): (...args: A) => AsyncGenerator<any, any, any> {
  return function (this: unknown) {
    return asyncGen(body, this, arguments);
  } as any;
}

/** A lowered body's type: any yield, any resumption. */
export type Body = Generator<any, any, any>;

/**
 * For the cases where Node 20's V8 and the current spec disagree: the lowered version must
 * produce `specLog` (worked out by hand from the spec, step by step, in the test's comments);
 * native code must produce either `specLog` (a newer engine) or `v8Log`, the documented old
 * behaviour — so the test notices when either side changes.
 */
export async function expectSpecNotV8(
  native: (log: Log) => void,
  lowered: (log: Log) => void,
  specLog: string[],
  v8Log: string[],
  options?: TickOptions,
): Promise<void> {
  const nativeLog = await recordTicks(native, options);
  const loweredLog = await recordTicks(lowered, options);
  if (process.env.SHOW_TICKS) console.log(`native:\n${nativeLog.join("\n")}\nlowered:\n${loweredLog.join("\n")}`);
  expect(loweredLog).toEqual(specLog);
  expect([specLog, v8Log]).toContainEqual(nativeLog);
}
