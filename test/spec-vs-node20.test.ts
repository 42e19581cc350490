// Where Node 20's V8 and the current ECMA-262 disagree, a fixture cannot compare the transformed
// program with native, so each case lives here (DESIGN.md: "follow the spec, and record the case
// with the test that shows it"). A small program is transformed by the built plugin and run; its
// log must be the spec's, worked out step by step in the comments. The same program run natively
// must give the log Node 20 gives (written out too) on Node 20, and either log on a newer engine,
// so the test notices when either side changes.
import { transformAsync } from "@babel/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { findAsyncSyntax } from "./helpers/async-syntax.mjs";
import { runNode } from "./helpers/run-node.js";
import { PLUGIN_ENTRY } from "./helpers/transform-fixture.js";

// Every program gets `log`, a microtask `ticker(n)` ("tick k" on the k-th turn) and
// `watch(label, request)`, which logs how a generator request settles. TypeErrors print their
// name only: engines word them differently.
const PRELUDE = `
const log = (...parts) => console.log(...parts);
function ticker(turns) {
  let turn = 0;
  const next = () => {
    log("tick " + ++turn);
    if (turn < turns) queueMicrotask(next);
  };
  queueMicrotask(next);
}
const show = (v) => (v instanceof TypeError ? "TypeError" : v instanceof Error ? "Error(" + v.message + ")" : String(v));
function watch(label, request) {
  request.then(
    (r) => log(label + " -> " + show(r.value) + (r.done ? " (done)" : "")),
    (e) => log(label + " threw " + show(e)),
  );
}
`;

const workDir = mkdtempSync(join(tmpdir(), "unawait-spec-vs-node20-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let cases = 0;
async function runBoth(program: string): Promise<{ native: string[]; lowered: string[] }> {
  const source = PRELUDE + program;
  const plugin = await import(pathToFileURL(PLUGIN_ENTRY).href).then((m) => m.default ?? m);
  const result = await transformAsync(source, {
    filename: "program.mjs",
    configFile: false,
    babelrc: false,
    sourceType: "module",
    // Inline: the program runs from a temporary folder, where @unawait/runtime does not resolve.
    plugins: [[plugin, { runtime: "inline" }]],
  });
  const lowered = result!.code!;
  expect(findAsyncSyntax(lowered), "async syntax left in the output").toEqual([]);
  const name = `case-${++cases}`;
  writeFileSync(join(workDir, `${name}.native.mjs`), source);
  writeFileSync(join(workDir, `${name}.lowered.mjs`), lowered);
  const [native, transformed] = await Promise.all([
    runNode(`${name}.native.mjs`, workDir),
    runNode(`${name}.lowered.mjs`, workDir),
  ]);
  expect(native.status, native.stderr).toBe(0);
  expect(transformed.status, transformed.stderr).toBe(0);
  const lines = (out: string) => out.trimEnd().split("\n");
  return { native: lines(native.stdout), lowered: lines(transformed.stdout) };
}

async function expectSpecNotNode20(program: string, spec: string[], node20: string[]): Promise<void> {
  expect(node20, "the two logs must differ, or the case belongs in fixtures/").not.toEqual(spec);
  const { native, lowered } = await runBoth(program);
  expect(lowered, "the transformed program follows the spec").toEqual(spec);
  if (process.versions.node.startsWith("20.")) expect(native, "Node 20's own result").toEqual(node20);
  else expect([spec, node20], "native: the spec's log or Node 20's").toContainEqual(native);
}

// ecma262 PR #2600 (ES2024, "Normative: Close sync iterator when async wrapper yields
// rejection"): AsyncFromSyncIteratorContinuation takes closeOnRejection, true for next() and
// throw(); a rejected (or unresolvable) value from a sync iterator closes it before the
// rejection is passed on, and %AsyncFromSyncIteratorPrototype%.throw on a sync iterator without
// `throw` closes it and rejects with a TypeError instead of the thrown value. V8 in Node 20
// predates it.
describe("CreateAsyncFromSyncIterator closes the sync iterator (ecma262 #2600)", () => {
  test("for await: a rejected promise from a sync generator runs its finally", () =>
    expectSpecNotNode20(
      `
function* source() {
  try {
    yield "first";
    yield Promise.reject(new Error("bad"));
  } finally {
    log("source finally");
  }
}
ticker(5);
(async () => {
  try {
    for await (const v of source()) log("body", v);
  } catch (e) {
    log("caught", show(e));
  }
})();`,
      // next() #1: "first" goes through PromiseResolve + PerformPromiseThen (job J1).
      // tick 1; J1 fulfils the wrapper's promise with {first}; the loop's Await reaction follows.
      // tick 2; "body first"; next() #2: the value is a rejected promise, its then-job J2 queued.
      // tick 3; J2 is the closeIterator reaction: IteratorClose calls the generator's return()
      // ("source finally"), then rejects. tick 4; the loop's Await throws — an error from next()
      // does not close again — and the catch logs.
      ["tick 1", "tick 2", "body first", "tick 3", "source finally", "tick 4", "caught Error(bad)", "tick 5"],
      ["tick 1", "tick 2", "body first", "tick 3", "tick 4", "caught Error(bad)", "tick 5"],
    ));

  test("for await: a value whose PromiseResolve throws closes the sync generator at once", () =>
    expectSpecNotNode20(
      `
function broken() {
  const p = Promise.resolve("never seen");
  Object.defineProperty(p, "constructor", {
    get() {
      log("constructor getter throws");
      throw new Error("broken");
    },
  });
  return p;
}
function* source() {
  try {
    yield broken();
  } finally {
    log("source finally");
  }
}
ticker(2);
(async () => {
  try {
    for await (const v of source()) log("body", v);
  } catch (e) {
    log("caught", show(e));
  }
})();`,
      // AsyncFromSyncIteratorContinuation step 7: PromiseResolve threw, done is false, so
      // IteratorClose runs synchronously ("source finally") before the promise is rejected.
      // The loop's Await of that rejected promise throws after tick 1.
      ["constructor getter throws", "source finally", "tick 1", "caught Error(broken)", "tick 2"],
      ["constructor getter throws", "tick 1", "caught Error(broken)", "tick 2"],
    ));

  test("yield*: a rejected promise from a sync generator runs its finally", () =>
    expectSpecNotNode20(
      `
function* source() {
  try {
    yield Promise.reject(new Error("bad"));
    log("source resumed");
  } finally {
    log("source finally");
  }
}
async function* outer() {
  try {
    yield* source();
  } catch (e) {
    log("yield* threw", show(e));
  }
  yield "outer after";
}
ticker(5);
const it = outer();
watch("next 1", it.next());
watch("next 2", it.next());`,
      // next 1 runs the body to yield*: the wrapper's next() meets the rejected value (job J1);
      // yield* awaits the wrapper's promise; next 2 queues. tick 1; J1 closes the generator
      // ("source finally") and rejects. tick 2; the Await throws at yield*; the body yields
      // "outer after" (an Await). tick 3; AsyncGeneratorYield settles next 1 and next 2 finishes
      // the body at once. tick 4; both log.
      ["tick 1", "source finally", "tick 2", "yield* threw Error(bad)", "tick 3", "tick 4",
        "next 1 -> outer after", "next 2 -> undefined (done)", "tick 5"],
      ["tick 1", "tick 2", "yield* threw Error(bad)", "tick 3", "tick 4",
        "next 1 -> outer after", "next 2 -> undefined (done)", "tick 5"],
    ));

  test("yield*: throw() to a sync iterator without throw closes it and throws a TypeError", () =>
    expectSpecNotNode20(
      `
const noThrow = {
  [Symbol.iterator]() {
    return this;
  },
  next() {
    return { value: "s", done: false };
  },
  return() {
    log("sync return");
    return {};
  },
};
async function* outer() {
  try {
    yield* noThrow;
  } catch (e) {
    log("yield* threw", show(e));
  }
}
ticker(5);
const it = outer();
watch("next", it.next());
watch("throw", it.throw(new Error("t")));`,
      // "s" is resolved (tick 1) into the wrapper's IteratorResult, which the yield* Await
      // receives (tick 2): AsyncGeneratorYield settles `next` and serves the queued throw at
      // once: yield* calls the wrapper's throw(), which finds no sync throw, closes the iterator
      // ("sync return") and rejects with a TypeError. tick 3: `next` logs; the Await throws at
      // yield*; the body ends and settles `throw`, which logs after tick 4.
      ["tick 1", "tick 2", "sync return", "tick 3", "next -> s", "yield* threw TypeError", "tick 4",
        "throw -> undefined (done)", "tick 5"],
      ["tick 1", "tick 2", "tick 3", "next -> s", "yield* threw Error(t)", "tick 4",
        "throw -> undefined (done)", "tick 5"],
    ));

  test("yield*: a rejected value from the sync iterator's throw() closes it", () =>
    expectSpecNotNode20(
      `
const rejectsOnThrow = {
  [Symbol.iterator]() {
    return this;
  },
  next() {
    return { value: "s", done: false };
  },
  throw(e) {
    log("sync throw");
    return { value: Promise.reject(e), done: false };
  },
  return() {
    log("sync return");
    return {};
  },
};
async function* outer() {
  try {
    yield* rejectsOnThrow;
  } catch (e) {
    log("yield* threw", show(e));
  }
}
ticker(6);
const it = outer();
watch("next", it.next());
watch("throw", it.throw(new Error("t")));`,
      // As above up to tick 2, where the wrapper's throw() calls the sync throw() ("sync
      // throw"), whose value is a rejected promise: closeOnRejection is true for throw(), so the
      // reaction job (after tick 3 and the `next` log) closes the iterator ("sync return")
      // before rejecting. tick 4: yield* throws the original error; the body ends.
      ["tick 1", "tick 2", "sync throw", "tick 3", "next -> s", "sync return", "tick 4",
        "yield* threw Error(t)", "tick 5", "throw -> undefined (done)", "tick 6"],
      ["tick 1", "tick 2", "sync throw", "tick 3", "next -> s", "tick 4",
        "yield* threw Error(t)", "tick 5", "throw -> undefined (done)", "tick 6"],
    ));
});

// AsyncGeneratorYield (ES2022 onwards) settles the request (step 9, AsyncGeneratorCompleteStep)
// while the generator is still executing, and only then looks at the queue (step 11). Resolving
// the request's promise reads `then` on the IteratorResult, so a getter on Object.prototype runs
// in between; a next() it makes only joins the queue. V8 in Node 20 treats the generator as
// suspended there and resumes it from inside the getter, so the body's next Await is queued
// before the reaction of the request being settled.
describe("AsyncGeneratorYield settles the request before serving the queue", () => {
  test("a next() from a `then` getter during the settlement only joins the queue", () =>
    expectSpecNotNode20(
      `
async function* twoYields() {
  const x = yield 1;
  log("x=" + x);
  yield 2;
}
const it = twoYields();
let reenter = () => watch("from getter", it.next("g"));
Object.defineProperty(Object.prototype, "then", {
  configurable: true,
  get() {
    if ("done" in this && "value" in this) {
      log("get then of {" + this.value + (this.done ? " done}" : "}"));
      const once = reenter;
      reenter = undefined;
      once?.();
    }
    return undefined;
  },
});
ticker(3);
watch("next 1", it.next("a"));
watch("next 2", it.next("b"));
watch("next 3", it.next("c"));`,
      // tick 1; the Await of 1 resumes: AsyncGeneratorYield resolves next 1 with {1} (the getter
      // queues "g" behind next 2 and next 3), next 1's reaction is queued, then the body goes on
      // with next 2: "x=b", and Awaits 2. tick 2; next 1 logs; the yield of 2 settles next 2,
      // next 3 ends the body, the drain settles "g" (three getter calls). tick 3; the rest log.
      ["tick 1", "get then of {1}", "x=b", "tick 2", "next 1 -> 1", "get then of {2}",
        "get then of {undefined done}", "get then of {undefined done}", "tick 3", "next 2 -> 2",
        "next 3 -> undefined (done)", "from getter -> undefined (done)"],
      ["tick 1", "get then of {1}", "x=b", "tick 2", "get then of {2}", "get then of {undefined done}",
        "get then of {undefined done}", "next 1 -> 1", "tick 3", "next 2 -> 2",
        "next 3 -> undefined (done)", "from getter -> undefined (done)"],
    ));
});
