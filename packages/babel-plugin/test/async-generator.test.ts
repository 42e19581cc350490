import { describe, expect, it } from "vitest";
import { runInline, transform } from "./transform.js";

const settle = () => new Promise((r) => setTimeout(r, 10));

describe("async generators", () => {
  it("lowers yield, yield*, await and return to the runtime's protocol", () => {
    const out = transform("async function* g(xs) { const a = await xs[0]; yield a; yield* xs; return a; }");
    expect(out).toContain("asyncGeneratorFunction(g);");
    expect(out).toContain("function g(xs) {\n  return asyncGen(g$, this, arguments, g);\n}");
    expect(out).toContain("const a = yield xs[0];");
    expect(out).toContain("yield emit(a);");
    expect(out).toContain("yield* delegate(xs);");
    expect(out).toContain("return yield a;");
  });

  it("does not await the return of a nested arrow", () => {
    const out = transform("async function* g() { const f = () => { return 1; }; yield f(); }");
    expect(out).toContain("return 1;");
  });

  it("settles requests queued without waiting in order, running finally on return()", async () => {
    const program = `
      var log = [];
      async function* g() { try { yield 1; yield await Promise.resolve(2); } finally { log.push("finally"); } }
      var it = g();
      [it.next(), it.next(), it.return("r"), it.next()].forEach((p, i) => p.then((r) => log.push(i + ":" + JSON.stringify(r))));
    `;
    const lowered = runInline(program);
    await settle();
    expect(Array.from(lowered.log)).toEqual(['0:{"value":1,"done":false}', '1:{"value":2,"done":false}', "finally", '2:{"value":"r","done":true}', '3:{"done":true}']);
  });
});

describe("for await", () => {
  it("keeps labels on the loop so continue/break still target it", () => {
    const out = transform("async function f(xs) { outer: for await (const x of xs) { continue outer; } }");
    expect(out).toMatch(/outer: for \(;;\) \{/);
    expect(out).not.toMatch(/outer: \{/);
  });

  it("closes the iterator on break, awaiting its return()", async () => {
    const realm = runInline(`
      var log = [];
      var iterable = { [Symbol.asyncIterator]() { let i = 0; return {
        next() { return Promise.resolve({ value: i++, done: false }); },
        return() { log.push("return called"); return Promise.resolve({ done: true }); } }; } };
      (async () => { for await (const x of iterable) { log.push(x); if (x === 1) break; } log.push("after"); })();
    `);
    await settle();
    expect(Array.from(realm.log)).toEqual([0, 1, "return called", "after"]);
  });

  it("iterates a sync iterable of promises", async () => {
    const realm = runInline(`var out = []; (async () => { for await (const v of [Promise.resolve("a"), "b"]) out.push(v); })();`);
    await settle();
    expect(Array.from(realm.out)).toEqual(["a", "b"]);
  });
});
