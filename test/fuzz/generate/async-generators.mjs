// Async generators (only with --async-generators): `yield`/`yield*` inside them, consumers that
// call next/return/throw without waiting (exercising the request queue), and `for await` with
// break/return/throw over async generators, sync iterables and hand-written async iterators.
import { bodyContext, nested } from "./context.mjs";
import { affordableCall, operand } from "./operands.mjs";
import { asyncBody } from "./statements.mjs";
import { value } from "./values.mjs";

/** `async function* gN(a) { … }`, callable by everything generated after it. */
export function declareAsyncGenerator(p) {
  const name = p.fresh("g");
  const cx = bodyContext(name, { generator: true, thisOk: true, argumentsOk: true, params: ["a"],
    weight: { used: 0, cap: 16 } });
  const body = asyncBody(p, cx, p.rng.int(2, 5));
  p.declarations.push(`async function* ${name}(a) ${body}`);
  p.asyncGenerators.push({ weight: cx.weight.used + 2, call: () => `${name}(${value(p)})` });
}

export function yieldStatement(p, cx, label) {
  switch (p.rng.weighted({ plain: 4, received: 2, delegate: 2, delegateResult: 1 })) {
    case "plain":
      return `yield ${operand(p, cx)};`;
    case "received":
      return `log(${label}, yield ${operand(p, cx)});`;
    case "delegate":
      return `yield* ${iterable(p, cx, true)};`;
    default:
      return `log(${label}, yield* ${iterable(p, cx, true)});`;
  }
}

/**
 * Something `yield*` or `for await` can iterate. Not an array (nor another sync iterator without
 * `throw`) under `yield*`: there a consumer's throw() meets %AsyncFromSyncIteratorPrototype%.throw,
 * which ecma262 PR #2600 (2023) changed to close the iterator and reject with a TypeError. The
 * runtime follows the spec, Node 20 predates it, and the runtime's "2023" tests pin that case.
 */
function iterable(p, cx, forDelegation) {
  const kind = p.rng.weighted({ generator: 3, array: forDelegation ? 0 : 2, syncGenerator: 1.5, asyncIterator: 2, syncIterator: forDelegation ? 0 : 1 });
  if (kind === "generator") {
    const call = affordableCall(p, cx, p.asyncGenerators);
    if (call) return call;
  }
  if (kind === "asyncIterator") return asyncIterator(p);
  if (kind === "syncIterator") return syncIterator(p);
  if (kind === "array") return `[${Array.from({ length: p.rng.int(0, 3) }, () => operand(p, nested(cx))).join(", ")}]`;
  // A sync generator (it has `throw`), also standing in for an async generator nobody can afford.
  // Its body is a function of its own: no `super`, and `this`/`arguments` are not the outer ones.
  const inner = nested(cx, { superOk: false, superCalls: [], thisOk: false, argumentsOk: false });
  return `(function* () { yield ${value(p)}; yield ${operand(p, inner)}; })()`;
}

/** A hand-written async iterable whose next/return/throw log, so closing and forwarding show in the log. */
function asyncIterator(p) {
  const tag = p.fresh("ai");
  const length = p.rng.int(0, 3);
  const step = p.rng.pick([
    `{ value: n, done: n > ${length} }`,
    `Promise.resolve({ value: n, done: n > ${length} })`,
  ]);
  const ret = p.rng.pick([`return { value: v, done: true };`, `return Promise.resolve({ value: v, done: true });`,
    `throw ${p.error()};`, `return 1;`]);
  const methods = [`next(v) {\n    log("${tag}.next", v);\n    n++;\n    return ${step};\n  }`];
  if (p.rng.chance(0.8)) methods.push(`return(v) {\n    log("${tag}.return", v);\n    ${ret}\n  }`);
  if (p.rng.chance(0.4)) methods.push(`throw(e) {\n    log("${tag}.throw", e);\n    return { value: "thrown", done: true };\n  }`);
  return `{\n  [Symbol.asyncIterator]() {\n    let n = 0;\n    return {\n  ${methods.join(",\n  ")}\n    };\n  }\n}`;
}

/** A sync iterable of promises whose `return` logs: `for await` closes it through CreateAsyncFromSyncIterator. */
function syncIterator(p) {
  const tag = p.fresh("si");
  return `{\n  [Symbol.iterator]() {\n    let n = 0;\n    return {\n      next() {\n        n++;\n        return { value: Promise.resolve(n), done: n > ${p.rng.int(1, 3)} };\n      },\n      return() {\n        log("${tag}.return");\n        return {};\n      }\n    };\n  }\n}`;
}

export function forAwaitStatement(p, cx) {
  const x = p.fresh("x");
  const source = iterable(p, cx, false);
  const inner = nested(cx, { loops: cx.loops + 1, loopVar: x, multiplier: cx.multiplier * 3 });
  const body = asyncBody(p, inner, p.rng.int(1, 2), 2);
  const logged = body === "{}" ? `{\n  log(${p.label(cx.owner)}, ${x});\n}` : body.replace("{\n", `{\n  log(${p.label(cx.owner)}, ${x});\n`);
  return `for await (const ${x} of ${source}) ${logged}`;
}

/** Drives an async generator by hand: several requests in a row, none awaited before the next. */
export function asyncGeneratorStatement(p, cx) {
  const call = affordableCall(p, cx, p.asyncGenerators);
  if (!call) return undefined;
  const it = p.fresh("it");
  const requests = Array.from({ length: p.rng.int(2, 5) }, () => {
    const label = p.label(cx.owner);
    const request = p.rng.weighted({ next: 5, return: 2, throw: 1.5 });
    const argument = request === "throw" ? p.error() : request === "return" && p.rng.chance(0.4) ? operand(p, nested(cx)) : value(p);
    const expression = `${it}.${request}(${argument})`;
    return p.rng.chance(0.8) ? `watch(${label}, ${expression});` : `log(${label}, await ${expression});`;
  });
  return [`const ${it} = ${call};`, ...requests].join("\n");
}

export function asyncGeneratorOperand(p, cx) {
  const call = affordableCall(p, cx, p.asyncGenerators);
  if (!call) return undefined;
  return p.rng.chance(0.6) ? `${call}.next(${value(p)})` : `${call}.return(${value(p)})`;
}

