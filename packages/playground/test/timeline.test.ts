import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES } from "../src/examples/index.js";
import { QUIET_TURNS } from "../src/sandbox/clock.js";
import { runSandboxed, type RunOptions, type RunResult } from "../src/sandbox/run-sandboxed.js";
import { stepLabel } from "../src/sandbox/steps.js";
import { transformAsyncCode } from "../src/transform/transform.js";
import { bundleSandbox, nodeWorkerFactory } from "./helpers/node-sandbox.js";

let options: RunOptions;
beforeAll(async () => {
  options = { createWorker: nodeWorkerFactory(await bundleSandbox()), timeLimitMs: 3000 };
});

const timeline = (result: RunResult) => result.entries.map((e) => `${e.text} @ ${stepLabel(e.step)}`);

function lowered(code: string): string {
  const result = transformAsyncCode(code, "inline");
  if (!result.ok) throw new Error(`transform failed: ${result.message}`);
  return result.code;
}

describe("timeline", () => {
  it("explains the article's A C E D B, natively and lowered alike", async () => {
    const code = EXAMPLES.find((e) => e.id === "microtasks-vs-timers")!.code;
    const native = await runSandboxed(code, options);
    expect(timeline(native)).toEqual([
      "A @ synchronous",
      "C @ synchronous",
      "E @ synchronous",
      "D: resumed one microtask later @ microtask 1",
      "B: a timer, so a new task @ task 1",
    ]);
    const generator = await runSandboxed(lowered(code), options);
    expect(generator.entries).toEqual(native.entries);
  });

  it("counts microtask turns exactly as a counter chained inside the program does", async () => {
    // The program keeps its own count: a job queued before anything else, requeued each turn,
    // so it runs first in every turn. Each line prints that count; the step must agree.
    const code = `
      let turn = 0;
      const count = () => Promise.resolve().then(() => { turn++; if (turn < 60) count(); });
      count();
      const say = (what) => console.log(what + " " + turn);
      const thenable = { then(resolve) { resolve(1); } };
      (async () => { await null; say("await-null"); await thenable; say("await-thenable"); })();
      (async () => { for (let i = 0; i < 20; i++) await i; say("twenty-awaits"); })();
      Promise.resolve().then(() => say("then")).then(() => say("then-then"));
      queueMicrotask(() => queueMicrotask(() => say("nested-queueMicrotask")));
      (async () => { await (async () => { await null; })(); say("awaited-async-call"); })();
      new Promise((resolve) => resolve(Promise.resolve())).then(() => say("resolve-with-promise"));
    `;
    const result = await runSandboxed(code, options);
    expect(result.entries.length).toBe(8);
    for (const entry of result.entries) {
      const oracle = Number(entry.text.split(" ")[1]);
      expect({ line: entry.text, step: entry.step }).toEqual({ line: entry.text, step: { task: 0, microtask: oracle } });
    }
  });

  it("numbers timer callbacks as tasks, with their own microtask turns", async () => {
    const code = `
      setTimeout(() => {
        console.log("first timer");
        Promise.resolve().then(() => console.log("its microtask"));
        setTimeout(() => console.log("timer set by a timer"), 0);
      }, 0);
      setTimeout(async () => { await null; await null; console.log("second timer, two awaits in"); }, 100);
    `;
    const result = await runSandboxed(code, options);
    expect(timeline(result)).toEqual([
      "first timer @ task 1",
      "its microtask @ task 1 · microtask 1",
      "timer set by a timer @ task 2",
      "second timer, two awaits in @ task 3 · microtask 2",
    ]);
  });

  it(`keeps counting through ${QUIET_TURNS - 100} silent turns, and says "uncounted" past ${QUIET_TURNS}`, async () => {
    const chain = (n: number, label: string) =>
      `(async () => { for (let i = 1; i < ${n}; i++) await null; console.log("${label}"); })();`;
    const result = await runSandboxed(chain(QUIET_TURNS - 100, "near") + chain(QUIET_TURNS * 2 + 50, "far"), options);
    expect(timeline(result)).toEqual([
      `near @ microtask ${QUIET_TURNS - 100 - 1}`,
      "far @ microtask (uncounted)",
    ]);
  });
});

describe("timeline: every example runs the same in both forms", () => {
  for (const example of EXAMPLES) {
    it(example.id, async () => {
      const transformed = transformAsyncCode(example.code, "inline");
      if (!transformed.ok) {
        // The plugin reports what it cannot lower yet; the page shows that error inline.
        expect(transformed.message).toMatch(/not supported yet/);
        return;
      }
      const [native, generator] = [await runSandboxed(example.code, options), await runSandboxed(transformed.code, options)];
      expect(native.outcome).toBe("done");
      expect(generator.outcome).toBe("done");
      expect(native.entries.length).toBeGreaterThan(1);
      if (example.id === "what-differs") {
        expect(generator.entries).not.toEqual(native.entries);
        expect(native.entries[0]!.text).toBe("kind: AsyncFunction");
        expect(generator.entries[0]!.text).toBe("kind: Function");
      } else {
        expect(timeline(generator)).toEqual(timeline(native));
      }
    });
  }
});
