// Statements of an async body: awaits in every position, concurrent calls, timers and microtasks,
// control flow around awaits (if, loops with break/continue, try/catch/finally with returns),
// `this`/`arguments`/`super`, nested async arrows — and, in async generators, `yield`.
import { asyncGeneratorStatement, forAwaitStatement, yieldStatement } from "./async-generators.mjs";
import { block, nested } from "./context.mjs";
import { affordableCall, operand } from "./operands.mjs";
import { settlement, value } from "./values.mjs";

/** A block of `count` statements, sometimes ended by a return, a throw, or a break/continue. */
export function asyncBody(p, cx, count, throwBias = 1) {
  const list = statementList(p, cx, count);
  const end = terminal(p, cx, throwBias);
  if (end) list.push(end);
  return block(list);
}

export function statementList(p, cx, count) {
  return Array.from({ length: count }, () => statement(p, cx));
}

function statement(p, cx) {
  const { rng } = p;
  const deep = cx.depth < 3;
  const asyncGenerators = p.options.asyncGenerators;
  const kind = rng.weighted({
    awaitLog: 6,
    awaitBind: 2,
    awaitExpression: 2,
    startCall: p.callees.length ? 2.5 : 0,
    log: 0.7,
    self: cx.thisOk || cx.argumentsOk ? 1.5 : 0,
    aliasing: cx.aliasing ? 0.7 : 0,
    superAccess: cx.superOk ? 1 : 0,
    timer: 1.2,
    microtask: 1.2,
    chain: 0.8,
    settle: p.deferreds.length ? 1 : 0,
    if: deep ? 1.5 : 0,
    loop: deep ? 1.5 : 0,
    try: deep ? 2.5 : 0,
    arrow: cx.depth < 2 ? 1.2 : 0,
    guard: 1.2,
    yield: cx.generator ? 5 : 0,
    forAwait: asyncGenerators && deep ? 1.5 : 0,
    consume: asyncGenerators && p.asyncGenerators.length ? 1.5 : 0,
  });
  const L = () => p.label(cx.owner);
  switch (kind) {
    case "awaitLog":
      return `log(${L()}, await ${operand(p, cx)});`;
    case "awaitBind": {
      const v = p.fresh("v");
      return `const ${v} = await ${operand(p, cx)};\nlog(${L()}, ${v});`;
    }
    case "awaitExpression":
      return awaitExpression(p, cx, L());
    case "startCall":
      return startCall(p, cx, L());
    case "log":
      return `log(${L()});`;
    case "self":
      return self(p, cx, L());
    case "aliasing":
      return aliasing(p, cx, L());
    case "superAccess":
      return rng.chance(0.5) ? `log(${L()}, super.tag);` : `super.tag = ${value(p)};\nlog(${L()}, this.tag);`;
    case "timer":
      return `setTimeout(() => ${sideEffect(p, cx, L())}, ${p.delay()});`;
    case "microtask":
      return `queueMicrotask(() => ${sideEffect(p, cx, L())});`;
    case "chain":
      return `Promise.resolve().then(() => log(${L()})).then(() => log(${L()}));`;
    case "settle":
      return `${settleDeferred(p)};`;
    case "if":
      return ifStatement(p, cx);
    case "loop":
      return loop(p, cx);
    case "try":
      return tryStatement(p, cx);
    case "arrow":
      return asyncArrow(p, cx, L());
    case "guard":
      return guard(p, cx);
    case "yield":
      return yieldStatement(p, cx, L());
    case "forAwait":
      return forAwaitStatement(p, cx);
    default:
      return asyncGeneratorStatement(p, cx) ?? `log(${L()});`;
  }
}

function awaitExpression(p, cx, label) {
  const op = () => operand(p, cx);
  switch (p.rng.int(0, 7)) {
    case 0:
      return `log(${label}, (await ${op()}) ?? ${value(p)});`;
    case 1:
      return `log(${label}, [await ${op()}, await ${op()}]);`;
    case 2:
      return `log(${label}, ${condition(p, cx)} ? await ${op()} : ${value(p)});`;
    case 3:
      return `log(${label}, await ${op()}, await ${op()});`;
    case 4:
      return `log(${label}, typeof await ${op()});`;
    case 5:
      return `log(${label}, await await ${op()});`;
    case 6: {
      const v = p.fresh("t");
      return `const { tag: ${v} } = await ${op()};\nlog(${label}, ${v});`;
    }
    default:
      return `log(${label}, ${value(p)} || await ${op()});`;
  }
}

/** Starts a call without awaiting it here: kept for a later await, watched, chained, or left alone. */
function startCall(p, cx, label) {
  const call = affordableCall(p, cx);
  if (!call) return `log(${label});`;
  switch (p.rng.weighted({ keep: 3, watch: 2, forget: 1, chain: 1 })) {
    case "keep": {
      const name = p.fresh("p");
      cx.pending.push(name);
      return `const ${name} = ${call};`;
    }
    case "watch":
      return `watch(${label}, ${call});`;
    case "forget":
      return `${call};`;
    default:
      return `${call}.then((value) => log(${label}, value), (error) => log(${label}, error));`;
  }
}

function self(p, cx, label) {
  const options = [];
  if (cx.thisOk) options.push(`log(${label}, this);`, `log(${label}, typeof this, this?.tag);`);
  if (cx.argumentsOk) options.push(`log(${label}, arguments.length, arguments[0], arguments[1]);`);
  return p.rng.pick(options);
}

/** Sloppy functions with simple parameters alias `arguments[i]` and the i-th parameter. */
function aliasing(p, cx, label) {
  const index = p.rng.int(0, cx.params.length - 1);
  return p.rng.chance(0.5)
    ? `${cx.params[index]} = ${value(p)};\nlog(${label}, arguments[${index}]);`
    : `arguments[${index}] = ${value(p)};\nlog(${label}, ${cx.params[index]});`;
}

/** A timer or microtask callback: logs, and sometimes settles a deferred promise. */
function sideEffect(p, cx, label) {
  if (p.deferreds.length && p.rng.chance(0.4)) return `{\n  log(${label});\n  ${settleDeferred(p)};\n}`;
  return `log(${label})`;
}

export function settleDeferred(p) {
  const d = p.rng.pick(p.deferreds);
  return p.rng.chance(0.75) ? `${d}resolve(${settlement(p, 0)})` : `${d}reject(${p.error()})`;
}

export function condition(p, cx) {
  const options = ["true", "false"];
  if (cx.loopVar) options.push(`${cx.loopVar} === ${p.rng.int(0, 2)}`, `${cx.loopVar} === ${p.rng.int(0, 2)}`);
  options.push(`await ${operand(p, cx)}`, `await ${operand(p, cx)}`);
  if (cx.params.length) options.push(p.rng.pick(cx.params));
  if (cx.argumentsOk) options.push(`arguments.length > ${p.rng.int(0, 2)}`);
  const chosen = p.rng.pick(options);
  return chosen.startsWith("await") ? `(${chosen})` : chosen;
}

function ifStatement(p, cx) {
  const then = asyncBody(p, nested(cx), p.rng.int(1, 3));
  if (p.rng.chance(0.5)) return `if (${condition(p, cx)}) ${then}`;
  return `if (${condition(p, cx)}) ${then} else ${asyncBody(p, nested(cx), p.rng.int(1, 2))}`;
}

function loop(p, cx) {
  const { rng } = p;
  const n = rng.int(1, 3);
  const v = p.fresh("i");
  const label = rng.chance(0.2) ? p.fresh("loop") : undefined;
  const inner = nested(cx, {
    loops: cx.loops + 1,
    loopVar: v,
    multiplier: cx.multiplier * n,
    loopLabels: label ? [...cx.loopLabels, label] : cx.loopLabels,
  });
  const head = label ? `${label}: ` : "";
  const count = rng.int(1, 3);
  switch (rng.weighted({ for: 3, while: 2, forOf: 2, doWhile: 1 })) {
    case "for":
      return `${head}for (let ${v} = 0; ${v} < ${n}; ${v}++) ${asyncBody(p, inner, count)}`;
    case "while":
      // The counter moves first, so `continue` cannot skip it and every loop ends.
      return `let ${v} = 0;\n${head}while (${v} < ${n}) ${block([`${v}++;`, ...bodyStatements(p, inner, count)])}`;
    case "forOf":
      return `${head}for (const ${v} of [${Array.from({ length: n }, (_, i) => i).join(", ")}]) ${asyncBody(p, inner, count)}`;
    default:
      return `let ${v} = 0;\n${head}do ${asyncBody(p, inner, count)} while (++${v} < ${n});`;
  }
}

function bodyStatements(p, cx, count) {
  const list = statementList(p, cx, count);
  const end = terminal(p, cx, 1);
  return end ? [...list, end] : list;
}

function tryStatement(p, cx) {
  const { rng } = p;
  const form = rng.weighted({ catch: 3, finally: 1.5, both: 2.5 });
  let source = `try ${asyncBody(p, nested(cx), rng.int(1, 3), 3)}`;
  if (form !== "finally") {
    const e = p.fresh("e");
    const binding = rng.chance(0.85);
    const head = [binding ? `log(${p.label(cx.owner)}, ${e});` : `log(${p.label(cx.owner)});`];
    const rest = bodyStatements(p, nested(cx), rng.int(0, 2));
    source += ` catch ${binding ? `(${e}) ` : ""}${block([...head, ...rest])}`;
  }
  if (form !== "catch") {
    const list = statementList(p, nested(cx), rng.int(0, 2));
    // A return (or break/continue) in finally overrides whatever the try block completed with.
    if (rng.chance(0.3)) list.push(`return ${maybeAwait(p, cx)};`);
    else if (cx.loops && rng.chance(0.15)) list.push(rng.pick(["break;", "continue;"]));
    source += ` finally ${block(list)}`;
  }
  return source;
}

/** `const aN = async (x) => …` then called: lexical this/arguments/super of the enclosing function. */
function asyncArrow(p, cx, label) {
  const name = p.fresh("a");
  const inner = nested(cx, { owner: name, generator: false, loops: 0, loopLabels: [], loopVar: undefined,
    params: ["x"], aliasing: false });
  const body = p.rng.chance(0.3) ? `await ${operand(p, inner)}` : asyncBody(p, inner, p.rng.int(1, 3));
  const call = p.rng.chance(0.6) ? `log(${label}, await ${name}(${value(p)}));` : `watch(${label}, ${name}(${value(p)}));`;
  return `const ${name} = async (x) => ${body};\n${call}`;
}

function guard(p, cx) {
  const { rng } = p;
  const kinds = { return: 2, throw: 2, loop: cx.loops ? 3 : 0 };
  const kind = rng.weighted(kinds);
  const test = condition(p, cx);
  if (kind === "return") return `if (${test}) return ${maybeAwait(p, cx)};`;
  if (kind === "throw") return `if (${test}) throw ${p.error()};`;
  return `if (${test}) ${jump(p, cx)}`;
}

function jump(p, cx) {
  const word = p.rng.pick(["break", "continue"]);
  const label = cx.loopLabels.length && p.rng.chance(0.5) ? ` ${p.rng.pick(cx.loopLabels)}` : "";
  return `${word}${label};`;
}

function maybeAwait(p, cx) {
  if (cx.generator) return p.rng.chance(0.5) ? value(p) : operand(p, cx);
  return p.rng.chance(0.3) ? `await ${operand(p, cx)}` : operand(p, cx);
}

function terminal(p, cx, throwBias) {
  const kind = p.rng.weighted({ none: 8, return: 1.5, throw: 0.7 * throwBias, jump: cx.loops ? 1 : 0 });
  if (kind === "return") return `return ${maybeAwait(p, cx)};`;
  if (kind === "throw") return `throw ${p.error()};`;
  if (kind === "jump") return jump(p, cx);
  return undefined;
}
