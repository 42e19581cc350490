import { describe, expect, it } from "vitest";
import vm from "node:vm";
import { execFileSync } from "node:child_process";
import { run } from "../src/index.js";
import { trace } from "./trace.js";

type Log = (...parts: unknown[]) => void;
/** Each case: the same body written as a native async function and as the generator `run` drives. */
interface Case {
  name: string;
  native: (log: Log) => Promise<unknown>;
  lowered: (log: Log) => Promise<unknown>;
}

const settle = (log: Log, p: Promise<unknown>) =>
  p.then((v) => log("fulfilled", v), (e) => log("rejected", e instanceof Error ? e.message : e));

function compare({ native, lowered }: Case) {
  return async () => {
    const expected = await trace((log) => void settle(log, native(log)));
    const actual = await trace((log) => void settle(log, lowered(log)));
    expect(actual).toEqual(expected);
  };
}

const syncThenable = (v: unknown) => ({ then(resolve: (v: unknown) => void) { resolve(v); } });
const cases: Case[] = [
  {
    name: "runs the body synchronously up to the first await",
    native: async (log) => { log("body"); await 0; log("after"); },
    lowered: (log) => run(function* () { log("body"); yield 0; log("after"); }),
  },
  {
    name: "resumes one turn after a plain value",
    native: async (log) => { log("a", await 1); log("b", await "x"); return 3; },
    lowered: (log) => run(function* () { log("a", yield 1); log("b", yield "x"); return 3; }),
  },
  {
    name: "resumes one turn after a settled native promise",
    native: async (log) => { log("v", await Promise.resolve(7)); },
    lowered: (log) => run(function* () { log("v", yield Promise.resolve(7)); }),
  },
  {
    name: "waits for a promise resolved later by a timer",
    native: async (log) => { log("v", await new Promise((r) => setTimeout(() => r("late"), 1))); },
    lowered: (log) => run(function* () { log("v", yield new Promise((r) => setTimeout(() => r("late"), 1))); }),
  },
  {
    name: "takes the extra turns of a synchronously resolving thenable",
    native: async (log) => { log("v", await syncThenable("t")); },
    lowered: (log) => run(function* () { log("v", yield syncThenable("t")); }),
  },
  {
    name: "takes the turns of a thenable that resolves from a microtask",
    native: async (log) => { log("v", await ({ then(r: any) { queueMicrotask(() => r("q")); } } as any)); },
    lowered: (log) => run(function* () { log("v", yield { then(r: any) { queueMicrotask(() => r("q")); } }); }),
  },
  {
    name: "throws into the body when a thenable's then throws",
    native: async (log) => { try { await ({ then() { throw new Error("boom"); } } as any); } catch (e: any) { log("caught", e.message); } },
    lowered: (log) => run(function* () { try { yield { then() { throw new Error("boom"); } }; } catch (e: any) { log("caught", e.message); } }),
  },
  {
    name: "takes the first of both callbacks a thenable calls",
    native: async (log) => { log("v", await ({ then(ok: any, fail: any) { ok("first"); fail("second"); ok("third"); } } as any)); },
    lowered: (log) => run(function* () { log("v", yield { then(ok: any, fail: any) { ok("first"); fail("second"); ok("third"); } }); }),
  },
  {
    name: "treats a non-callable then as a plain value",
    native: async (log) => { const v: any = await { then: 42 }; log("then", v.then); },
    lowered: (log) => run(function* () { const v: any = yield { then: 42 }; log("then", v.then); }),
  },
  {
    name: "takes the extra turns of a promise subclass",
    native: async (log) => { class Sub extends Promise<unknown> {} log("v", await Sub.resolve("sub")); },
    lowered: (log) => run(function* () { class Sub extends Promise<unknown> {} log("v", yield Sub.resolve("sub")); }),
  },
  {
    name: "takes the extra turns of a foreign (other realm) promise",
    native: async (log) => { log("v", await vm.runInNewContext("Promise.resolve('foreign')")); },
    lowered: (log) => run(function* () { log("v", yield vm.runInNewContext("Promise.resolve('foreign')")); }),
  },
  {
    name: "adopts a returned promise with the native number of turns",
    native: async () => Promise.resolve("adopted"),
    lowered: () => run(function* () { return Promise.resolve("adopted"); }),
  },
  {
    name: "adopts a returned thenable",
    native: async () => syncThenable("thenable"),
    lowered: () => run(function* () { return syncThenable("thenable"); }),
  },
  {
    name: "turns a throw into a rejection",
    native: async () => { throw new Error("nope"); },
    lowered: () => run(function* () { throw new Error("nope"); }),
  },
  {
    name: "rethrows a rejected await inside try/catch/finally",
    native: async (log) => {
      try { await Promise.reject(new Error("r")); } catch (e: any) { log("catch", e.message); await 0; } finally { log("finally"); }
    },
    lowered: (log) => run(function* () {
      try { yield Promise.reject(new Error("r")); } catch (e: any) { log("catch", e.message); yield 0; } finally { log("finally"); }
    }),
  },
  {
    name: "throws at the await when reading a promise's constructor throws",
    native: async (log) => {
      const p = Promise.resolve(1);
      Object.defineProperty(p, "constructor", { get() { log("constructor read"); throw new Error("ctor"); } });
      try { await p; } catch (e: any) { log("caught", e.message); }
    },
    lowered: (log) => run(function* () {
      const p = Promise.resolve(1);
      Object.defineProperty(p, "constructor", { get() { log("constructor read"); throw new Error("ctor"); } });
      try { yield p; } catch (e: any) { log("caught", e.message); }
    }),
  },
];

describe("run: tick-exact against native async functions", () => {
  for (const c of cases) it(c.name, compare(c));

  it("interleaves two coroutines exactly as two async functions", compare({
    name: "interleave",
    native: (log) => {
      const a = async (tag: string, n: number) => { for (let i = 0; i < n; i++) log(tag, await i); };
      return Promise.all([a("A", 3), a("B", 2)]);
    },
    lowered: (log) => {
      const a = (tag: string, n: number) => run(function* () { for (let i = 0; i < n; i++) log(tag, yield i); });
      return Promise.all([a("A", 3), a("B", 2)]);
    },
  }));
});

describe("run: calling convention", () => {
  it("passes this and the arguments to the generator", async () => {
    const receiver = { k: 1 };
    const result = await run(function* (this: any, a: number, b: number) { return [this, a, b]; }, receiver, [2, 3]);
    expect(result).toEqual([receiver, 2, 3]);
  });

  it("rejects (instead of throwing) when binding parameters throws", async () => {
    function* withDefault(_a = (() => { throw new Error("param"); })()) { yield 0; }
    const promise = run(withDefault, undefined, []);
    await expect(promise).rejects.toThrow("param");
  });

  it("returns a native promise even when the global Promise is replaced later", async () => {
    const original = globalThis.Promise;
    (globalThis as any).Promise = function Fake() { throw new Error("replaced Promise used"); };
    try {
      const p = run(function* () { return yield 5; });
      expect(p).toBeInstanceOf(original);
      (globalThis as any).Promise = original;
      expect(await p).toBe(5);
    } finally {
      (globalThis as any).Promise = original;
    }
  });

  it("does not look up a patched Promise.prototype.then for awaits", async () => {
    const then = Promise.prototype.then;
    const awaited = [Promise.resolve(1), Promise.resolve(2)];
    const seen: unknown[] = [];
    Promise.prototype.then = function (this: Promise<unknown>, ...args: any[]) {
      seen.push(this);
      return then.apply(this, args as any);
    } as any;
    try {
      await (async () => { await awaited[0]; })();
      await run(function* () { yield awaited[1]; });
    } finally {
      Promise.prototype.then = then;
    }
    // Native await uses PerformPromiseThen directly; so must run (other code may call then).
    expect(seen).not.toContain(awaited[0]);
    expect(seen).not.toContain(awaited[1]);
  });
});

describe("run: what an await reads", () => {
  it("reads a promise's own constructor once, as native await does", async () => {
    const reads = { native: 0, lowered: 0 };
    const watched = (key: keyof typeof reads) => {
      const p = Promise.resolve(1);
      Object.defineProperty(p, "constructor", { configurable: true, get() { reads[key]++; return Promise; } });
      return p;
    };
    await (async () => { await watched("native"); })();
    await run(function* () { yield watched("lowered"); });
    expect(reads.lowered).toBe(reads.native);
    expect(reads.native).toBe(1);
  });

  it("reads nothing when awaiting a primitive, even with Promise[Symbol.species] patched", () => {
    // In a child process: the test runner's own promise code would read species too.
    const script = `
      const { run } = require("@unawait/runtime");
      const original = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
      let reads = 0;
      Object.defineProperty(Promise, Symbol.species, { configurable: true, get() { reads++; return original.get.call(this); } });
      run(function* () { yield 1; yield "two"; yield undefined; return 4; });
      setTimeout(() => process.stdout.write(String(reads)));`;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(out).toBe("0");
  });

});

describe("run: a broken Promise.prototype.constructor", () => {
  it("awaits objects as native await does, which never looks the constructor up", () => {
    const script = `
      const { run } = require("@unawait/runtime");
      const log = [];
      Promise.prototype.constructor = false;
      (async () => { log.push("native", await {}); })();
      run(function* () { log.push("lowered", yield {}); });
      setTimeout(() => process.stdout.write(JSON.stringify(log)));`;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    expect(out).toEqual(["native", {}, "lowered", {}]);
  });
});
