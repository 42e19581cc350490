// The operand of an `await` (or of a `return` in an async body): anything from a plain value to a
// call of another async function started earlier in the program.
import { asyncGeneratorOperand } from "./async-generators.mjs";
import { nested } from "./context.mjs";
import { asyncBody } from "./statements.mjs";
import { promise, thenable, value } from "./values.mjs";

/** Picks a callee the body can still afford and charges its weight (times the enclosing loops). */
export function affordableCall(p, cx, pool = p.callees) {
  const affordable = pool.filter((c) => cx.weight.used + c.weight * cx.multiplier <= cx.weight.cap);
  if (!affordable.length) return undefined;
  const callee = p.rng.pick(affordable);
  cx.weight.used += callee.weight * cx.multiplier;
  return callee.call(cx);
}

export function operand(p, cx) {
  const { rng } = p;
  const kind = rng.weighted({
    value: 3,
    promise: 5,
    thenable: 4,
    call: p.callees.length ? 4 : 0,
    deferred: p.deferreds.length ? 1.5 : 0,
    pending: cx.pending.length ? 3 : 0,
    iife: cx.depth < 2 ? 1.2 : 0,
    combinator: cx.depth < 2 ? 1 : 0,
    superCall: cx.superCalls?.length ? 2 : 0,
    asyncGenerator: p.options.asyncGenerators && p.asyncGenerators.length ? 2 : 0,
  });
  switch (kind) {
    case "value":
      return value(p);
    case "promise":
      return promise(p);
    case "thenable":
      return thenable(p);
    case "call":
      return affordableCall(p, cx) ?? value(p);
    case "deferred":
      return rng.pick(p.deferreds);
    case "pending":
      return cx.pending.splice(rng.int(0, cx.pending.length - 1), 1)[0];
    case "iife":
      return asyncIife(p, cx);
    case "combinator":
      return combinator(p, cx);
    case "superCall":
      return rng.pick(cx.superCalls)(p);
    default:
      return asyncGeneratorOperand(p, cx) ?? value(p);
  }
}

/** `(async () => { … })()`: an arrow sees `this`, `arguments` and `super` of the code around it. */
function asyncIife(p, cx) {
  const inner = nested(cx, { owner: `${cx.owner}>iife`, async: true, generator: false, loops: 0, loopLabels: [] });
  if (p.rng.chance(0.3)) return `(async () => await ${operand(p, inner)})()`;
  return `(async () => ${asyncBody(p, inner, p.rng.int(1, 3))})()`;
}

function combinator(p, cx) {
  const method = p.rng.weighted({ all: 3, race: 2, allSettled: 2, any: 1 });
  const inner = nested(cx);
  const items = Array.from({ length: p.rng.int(0, 3) }, () => operand(p, inner));
  return `Promise.${method}([${items.join(", ")}])`;
}
