import { beforeAll, describe, expect, it } from "vitest";
import { runSandboxed, type RunOptions } from "../src/sandbox/run-sandboxed.js";
import { MAX_ENTRIES } from "../src/sandbox/sandbox.js";
import { bundleSandbox, nodeWorkerFactory } from "./helpers/node-sandbox.js";

let options: RunOptions;
beforeAll(async () => {
  options = { createWorker: nodeWorkerFactory(await bundleSandbox()), timeLimitMs: 2000 };
});

const texts = (result: { entries: { text: string }[] }) => result.entries.map((e) => e.text);

describe("sandbox: time limit", () => {
  it("terminates an endless synchronous loop and keeps what was printed before it", async () => {
    const result = await runSandboxed(`console.log("before"); while (true) {}`, { ...options, timeLimitMs: 300 });
    expect(result.outcome).toBe("timeout");
    expect(texts(result)).toEqual(["before"]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(290);
    expect(result.elapsedMs).toBeLessThan(1500);
  });

  it("terminates an endless chain of awaits (microtasks starve every timer)", async () => {
    const code = `(async () => { for (;;) await null; })(); setTimeout(() => console.log("never"), 0);`;
    const result = await runSandboxed(code, { ...options, timeLimitMs: 300 });
    expect(result.outcome).toBe("timeout");
    expect(texts(result)).toEqual([]);
  });

  it("terminates a setInterval that is never cleared", async () => {
    const result = await runSandboxed(`setInterval(() => {}, 5);`, { ...options, timeLimitMs: 200 });
    expect(result.outcome).toBe("timeout");
  });

  it("finishes as soon as nothing is pending, well before the limit", async () => {
    const code = `setTimeout(() => console.log("late"), 30); console.log("now");`;
    const result = await runSandboxed(code, options);
    expect(result.outcome).toBe("done");
    expect(texts(result)).toEqual(["now", "late"]);
    expect(result.elapsedMs).toBeLessThan(1500);
  });

  it("waits for a cleared timer's neighbours but not for the cleared timer", async () => {
    const code = `const t = setTimeout(() => console.log("cleared"), 5000); setTimeout(() => { clearTimeout(t); console.log("cleared it"); }, 10);`;
    const result = await runSandboxed(code, options);
    expect(result.outcome).toBe("done");
    expect(texts(result)).toEqual(["cleared it"]);
  });

  it("stops reporting after MAX_ENTRIES lines", async () => {
    const result = await runSandboxed(`for (let i = 0; i < ${MAX_ENTRIES + 50}; i++) console.log(i);`, options);
    expect(result.entries).toHaveLength(MAX_ENTRIES);
    expect(result.truncatedAt).toBe(MAX_ENTRIES);
  });
});

describe("sandbox: error capture", () => {
  it("reports a synchronous throw as uncaught, after the lines before it", async () => {
    const result = await runSandboxed(`console.log("a"); throw new TypeError("boom"); console.log("b");`, options);
    expect(result.outcome).toBe("done");
    expect(result.entries.map((e) => [e.level, e.text])).toEqual([["log", "a"], ["uncaught", "Uncaught TypeError: boom"]]);
  });

  it("reports a syntax error of the program itself", async () => {
    const result = await runSandboxed(`let x = ;`, options);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]!.text).toMatch(/^Uncaught SyntaxError: /);
  });

  it("reports a throw inside a timer callback and keeps running other timers", async () => {
    const code = `setTimeout(() => { throw new Error("in timer"); }, 0); setTimeout(() => console.log("still here"), 5);`;
    const result = await runSandboxed(code, options);
    expect(result.entries.map((e) => [e.level, e.text, e.step])).toEqual([
      ["uncaught", "Uncaught Error: in timer", { task: 1, microtask: 0 }],
      ["log", "still here", { task: 2, microtask: 0 }],
    ]);
  });

  it("reports an unhandled rejection after the checkpoint, and not a handled one", async () => {
    const code = `async function boom() { throw new Error("nope"); }
      boom();
      boom().catch((e) => console.log("caught", e.message));`;
    const result = await runSandboxed(code, options);
    expect(result.entries.map((e) => [e.level, e.text, e.step])).toEqual([
      ["log", "caught nope", { task: 0, microtask: 1 }],
      ["uncaught", "Uncaught (in promise) Error: nope", { task: 0, microtask: "end" }],
    ]);
  });

  it("keeps console levels and formats values like a console", async () => {
    const code = `console.error("bad", 1); console.warn({ a: [1, "x"], b: null }); console.info(new RangeError("r"), -0, 2n);`;
    const result = await runSandboxed(code, options);
    expect(result.entries.map((e) => [e.level, e.text])).toEqual([
      ["error", "bad 1"],
      ["warn", "{ a: [1, 'x'], b: null }"],
      ["info", "RangeError: r -0 2n"],
    ]);
  });

  it("gives every run a fresh global scope", async () => {
    await runSandboxed(`globalThis.leftover = 1;`, options);
    const result = await runSandboxed(`console.log(typeof leftover);`, options);
    expect(texts(result)).toEqual(["undefined"]);
  });
});
