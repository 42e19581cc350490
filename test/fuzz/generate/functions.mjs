// Async functions in every shape the transform lowers: declarations, expressions, arrows, object
// and class methods (static, private, with super), with parameter lists that default, destructure
// and throw while binding. Each registers callees so that later code can call it.
import { bodyContext } from "./context.mjs";
import { asyncBody } from "./statements.mjs";
import { value } from "./values.mjs";

const CAP = 24;

/** A parameter list, and whether it is "simple" (only then do sloppy parameters alias `arguments`). */
function parameters(p, owner, arrow = false) {
  const { rng } = p;
  const names = [];
  const parts = [];
  let simple = true;
  for (let i = 0, n = rng.int(0, 3); i < n; i++) {
    const name = ["a", "b", "c"][i];
    names.push(name);
    switch (rng.weighted({ plain: 6, default: 2, loggingDefault: arrow ? 0 : 1, throwingDefault: 1, destructure: 0.8 })) {
      case "plain":
        parts.push(name);
        continue;
      case "default":
        parts.push(`${name} = ${i > 0 && rng.chance(0.5) ? names[i - 1] : value(p)}`);
        break;
      case "loggingDefault":
        parts.push(`${name} = (log(${p.label(`${owner}.param`)}, arguments.length), ${value(p)})`);
        break;
      case "throwingDefault":
        parts.push(`${name} = (() => { throw ${p.error()}; })()`);
        break;
      default:
        // Destructuring `undefined` throws a TypeError while binding: the call must reject, not throw.
        names.pop();
        parts.push(rng.chance(0.5) ? `{ tag: ${name} }` : `[${name}] = []`);
        names.push(name);
    }
    simple = false;
  }
  return { source: parts.join(", "), names, simple };
}

function args(p, params) {
  return Array.from({ length: p.rng.int(0, params.names.length + 1) }, () => value(p)).join(", ");
}

/** Generates a body for `owner` and returns it with the weight a call of it costs. */
function body(p, owner, params, fields) {
  // A "use strict" directive is a SyntaxError in a function whose parameter list is not simple.
  const strict = !fields.strict && params.simple && p.rng.chance(0.12);
  const cx = bodyContext(owner, { params: params.names, weight: { used: 0, cap: CAP }, ...fields });
  cx.aliasing = cx.argumentsOk && params.simple && params.names.length > 0 && !fields.strict && !strict;
  let source = asyncBody(p, cx, p.rng.int(2, 6));
  if (strict) source = source.replace("{\n", '{\n  "use strict";\n');
  return { source, weight: cx.weight.used + 1 };
}

export function declareFunction(p) {
  const name = p.fresh("f");
  const form = p.rng.weighted({ declaration: 5, expression: 2, arrow: 2 });
  const isArrow = form === "arrow";
  // A top-level arrow has no `arguments` of its own to read in a default.
  const params = parameters(p, name, isArrow);
  const { source, weight } = body(p, name, params, { thisOk: true, argumentsOk: !isArrow });
  if (form === "declaration") p.declarations.push(`async function ${name}(${params.source}) ${source}`);
  else if (form === "expression") p.declarations.push(`const ${name} = async function ${name}Inner(${params.source}) ${source};`);
  else p.declarations.push(`const ${name} = async (${params.source}) => ${source};`);
  p.callees.push({ weight, call: () => `${name}(${args(p, params)})` });
  if (!isArrow) p.callees.push({ weight, call: () => `${name}.call({ tag: "this${++p.counter}" }${prefixComma(args(p, params))})` });
  p.shapes.push(name);
}

/** An object literal with async methods; one built on an earlier object calls `super.m()`. */
export function declareObject(p) {
  const name = p.fresh("o");
  const base = p.objects.length && p.rng.chance(0.5) ? p.rng.pick(p.objects) : undefined;
  const params = parameters(p, `${name}.m`);
  const superCalls = base ? [() => `super.m(${value(p)})`] : [];
  const m = body(p, `${name}.m`, params, { thisOk: true, argumentsOk: true, superOk: Boolean(base), superCalls });
  const members = [`tag: "${name}"`, `async m(${params.source}) ${m.source}`];
  if (base) members.unshift(`__proto__: ${base.name}`);
  p.declarations.push(`const ${name} = {\n  ${members.join(",\n").replace(/\n/g, "\n  ")}\n};`);
  p.objects.push({ name });
  p.callees.push({ weight: m.weight, call: () => `${name}.m(${args(p, params)})` });
  p.callees.push({ weight: m.weight, call: () => `(0, ${name}.m)(${args(p, params)})` });
}

/** A class with async instance, static and private methods; a subclass calls `super` in them. */
export function declareClass(p) {
  const name = p.fresh("C");
  const instance = p.fresh("i");
  const base = p.classes.length && p.rng.chance(0.5) ? p.rng.pick(p.classes) : undefined;
  const mParams = parameters(p, `${name}.m`);
  const fields = { thisOk: true, argumentsOk: true, strict: true, superOk: Boolean(base) };
  const superCalls = base ? [() => `super.m(${value(p)})`] : [];
  const m = body(p, `${name}.m`, mParams, { ...fields, superCalls });
  const staticSuper = base ? [() => `super.s(${value(p)})`] : [];
  const s = body(p, `${name}.s`, { source: "a", names: ["a"], simple: true }, { ...fields, superCalls: staticSuper });
  const members = [`async m(${mParams.source}) ${m.source}`, `static async s(a) ${s.source}`];
  if (!base) members.unshift(`constructor(tag) {\n  this.tag = tag;\n}`);
  let mWeight = m.weight;
  if (p.rng.chance(0.3)) {
    const priv = body(p, `${name}.#p`, { source: "", names: [], simple: true }, { ...fields, superCalls: [] });
    members.push(`async #p() ${priv.source}`, `async viaPrivate() {\n  return this.#p();\n}`);
    p.callees.push({ weight: priv.weight, call: () => `${instance}.viaPrivate()` });
    mWeight = Math.max(mWeight, priv.weight);
  }
  p.declarations.push(`class ${name}${base ? ` extends ${base.name}` : ""} {\n  ${members.join("\n").replace(/\n/g, "\n  ")}\n}`);
  p.declarations.push(`const ${instance} = new ${name}("${instance}");`);
  p.classes.push({ name, instance });
  p.callees.push({ weight: m.weight, call: () => `${instance}.m(${args(p, mParams)})` });
  p.callees.push({ weight: s.weight, call: () => `${name}.s(${value(p)})` });
  // A method borrowed by another receiver, or called with none (`this` undefined: class code is strict).
  const other = p.rng.pick(p.classes);
  p.callees.push({ weight: m.weight, call: () => `${name}.prototype.m.call(${other.instance}${prefixComma(args(p, mParams))})` });
  p.callees.push({ weight: m.weight, call: () => `(0, ${instance}.m)(${args(p, mParams)})` });
}

function prefixComma(list) {
  return list ? `, ${list}` : "";
}
