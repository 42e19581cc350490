// A whole program: helpers, declarations (each may call only earlier ones, so nothing recurses),
// then a synchronous main that starts calls concurrently, settles deferreds from timers and logs.
// Every program ends: loops are bounded, timers are few and short, no call recurses.
import { declareAsyncGenerator } from "./async-generators.mjs";
import { bodyContext, Program } from "./context.mjs";
import { declareClass, declareFunction, declareObject } from "./functions.mjs";
import { affordableCall } from "./operands.mjs";
import { settleDeferred } from "./statements.mjs";
import { value } from "./values.mjs";

const WATCH = `function watch(label, promise) {
  promise.then((value) => log(label, "fulfilled", value), (error) => log(label, "rejected", error));
}`;
const TICKS = `function ticks(n) {
  let chain = Promise.resolve();
  for (let i = 1; i <= n; i++) chain = chain.then(() => log("tick", i));
}`;

/**
 * @param {number} seed
 * @param {{ asyncGenerators?: boolean }} options
 * @returns {string} the program: a sloppy-mode classic script using log/setTimeout/queueMicrotask
 */
export function generateProgram(seed, options = {}) {
  const p = new Program(seed, { asyncGenerators: false, ...options });
  const { rng } = p;
  p.helper("watch", WATCH);
  for (let i = 0, n = rng.int(0, 2); i < n; i++) declareDeferred(p);
  for (let i = 0, n = rng.int(2, 6); i < n; i++) {
    const kind = rng.weighted({ function: 5, object: 1.5, class: 1.5, asyncGenerator: p.options.asyncGenerators ? 2.5 : 0 });
    if (kind === "function") declareFunction(p);
    else if (kind === "object") declareObject(p);
    else if (kind === "class") declareClass(p);
    else declareAsyncGenerator(p);
  }
  const main = mainStatements(p);
  return `${[...p.helpers.values(), ...p.declarations, ...main].join("\n")}\n`;
}

function declareDeferred(p) {
  const d = p.fresh("d");
  p.declarations.push(`let ${d}resolve, ${d}reject;\nconst ${d} = new Promise((resolve, reject) => {\n  ${d}resolve = resolve;\n  ${d}reject = reject;\n});`);
  p.deferreds.push(d);
}

function mainStatements(p) {
  const { rng } = p;
  const cx = bodyContext("main", { async: false, weight: { used: 0, cap: 60 } });
  const out = ['log("main:start");'];
  if (rng.chance(0.1)) out.push(patchIntrinsics(p));
  if (rng.chance(0.7)) out.push(`${p.helper("ticks", TICKS)}(${rng.int(3, 9)});`);
  const pool = [...p.callees, ...p.asyncGenerators.map((g) => ({ weight: g.weight, call: () => `${g.call()}.next()` }))];
  for (let i = 0, n = rng.int(2, 5); i < n; i++) {
    const call = affordableCall(p, cx, pool);
    if (!call) break;
    const label = p.label("main");
    switch (rng.weighted({ watch: 5, forget: 1, late: 1 })) {
      case "watch":
        out.push(`watch(${label}, ${call});`);
        break;
      case "forget":
        out.push(`${call};`);
        break;
      default: {
        // Handled only later: an early rejection is reported, then reported handled.
        const r = p.fresh("r");
        out.push(`const ${r} = ${call};\nsetTimeout(() => watch(${label}, ${r}), ${p.delay()});`);
      }
    }
    if (rng.chance(0.3)) out.push(`queueMicrotask(() => log(${p.label("main")}));`);
  }
  for (const d of p.deferreds) {
    if (rng.chance(0.8)) out.push(`setTimeout(() => ${settleDeferred(p).replace(/^d\d+/, d)}, ${p.delay()});`);
  }
  if (p.shapes.length && rng.chance(0.3)) out.push(shape(p, rng.pick(p.shapes)));
  out.push(`setTimeout(() => log("main:timer"), ${p.delay()});`, 'log("main:end");');
  return out;
}

// `new f()` is left out on purpose: a lowered declaration is a plain function, so it constructs
// (DESIGN.md keeps non-constructibility only "where this can be kept").
function shape(p, name) {
  return `log(${p.label("main")}, ${name}.name, ${name}.length);`;
}

/**
 * Code patching Promise intrinsics after the runtime loaded: native await never looks these up,
 * so neither may the transformed code.
 */
function patchIntrinsics(p) {
  switch (p.rng.pick(["then", "resolve", "constructor", "global"])) {
    case "then":
      return `const originalThen = Promise.prototype.then;\nPromise.prototype.then = function then(onFulfilled, onRejected) {\n  log("patched then");\n  return originalThen.call(this, onFulfilled, onRejected);\n};`;
    case "resolve":
      return `const originalResolve = Promise.resolve;\nPromise.resolve = function resolve(value) {\n  log("patched resolve");\n  return originalResolve.call(this, value);\n};`;
    case "constructor":
      return `Promise.prototype.constructor = ${value(p)};`;
    default:
      return `Promise = class PatchedPromise extends Promise {};`;
  }
}
