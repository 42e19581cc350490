// Shared state of one generated program: the PRNG, fresh names, and what later code may refer to.
import { Random } from "../random.mjs";

export class Program {
  constructor(seed, options) {
    this.rng = new Random(seed);
    this.options = options;
    this.counter = 0;
    /** Helper declarations the program needs, by name (emitted once, before everything else). */
    this.helpers = new Map();
    /** Top-level declarations in order (subclasses, deferreds, functions, objects, classes). */
    this.declarations = [];
    /** Things a body may call: { call(cx) → expression source, weight }. Only earlier ones, so no recursion. */
    this.callees = [];
    /** Deferred promises `dN` (with `dNresolve`/`dNreject`) settled by whoever calls those. */
    this.deferreds = [];
    /** Promise subclasses declared so far: { name, logsThen }. */
    this.subclasses = [];
    /** Async generator factories (only with options.asyncGenerators): { call(cx) → expression, weight }. */
    this.asyncGenerators = [];
    /** Names of plain async functions, whose .name/.length and `new` behaviour main may check. */
    this.shapes = [];
    /** Objects and classes with async methods, for `super` and borrowed receivers: { name, instance? }. */
    this.objects = [];
    this.classes = [];
  }
  /** A fresh identifier or label part: `prefix` + a program-wide counter. */
  fresh(prefix) {
    return `${prefix}${++this.counter}`;
  }
  /** A log label for a line written inside `owner` (unique, so a log line names its source). */
  label(owner) {
    return JSON.stringify(`${owner}:${++this.counter}`);
  }
  /** An error the program throws or rejects with; its message is kept in the log. */
  error() {
    const ctor = this.rng.weighted({ Error: 6, TypeError: 1, RangeError: 1 });
    return `new ${ctor}("e${++this.counter}")`;
  }
  /** Registers a helper declaration (idempotent) and returns its name. */
  helper(name, source) {
    if (!this.helpers.has(name)) this.helpers.set(name, source);
    return name;
  }
  delay() {
    return this.rng.pick([0, 0, 1, 1, 2, 3]);
  }
}

/**
 * Where a piece of code is being generated. `weight` bounds how much a body may call (each call
 * multiplies by the loops around it), which keeps every program's log short and its run bounded.
 */
export function bodyContext(owner, fields = {}) {
  return {
    owner,
    async: true,
    generator: false,
    depth: 0,
    loops: 0,
    loopLabels: [],
    multiplier: 1,
    thisOk: false,
    argumentsOk: false,
    superOk: false,
    params: [],
    aliasing: false,
    pending: [],
    weight: { used: 0, cap: 24 },
    ...fields,
  };
}

/** A nested context, one level deeper: it sees the pending promises of the code around it, and its own stay inside. */
export function nested(cx, fields = {}) {
  return { ...cx, depth: cx.depth + 1, pending: [...cx.pending], ...fields };
}

export function indent(source) {
  return source
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}

export function block(statements) {
  return statements.length ? `{\n${indent(statements.join("\n"))}\n}` : "{}";
}
