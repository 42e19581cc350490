// Plain values, thenables and promises: every kind of operand `await` (or a `return`) can meet.
// Each thenable logs when its `then` runs, so the log shows the tick at which `await` called it.

/** A plain, synchronous value. */
export function value(p) {
  const { rng } = p;
  switch (rng.weighted({ number: 5, string: 3, nullish: 2, object: 2, array: 1, boolean: 1 })) {
    case "number":
      return String(rng.int(0, 9));
    case "string":
      return JSON.stringify(`s${rng.int(0, 99)}`);
    case "nullish":
      return rng.pick(["undefined", "null"]);
    case "object":
      return `{ tag: "v${++p.counter}" }`;
    case "array":
      return `[${rng.int(0, 9)}, "s${rng.int(0, 9)}"]`;
    default:
      return rng.pick(["true", "false"]);
  }
}

/** A value to settle something with: usually plain, sometimes itself a promise or thenable (adoption chains). */
export function settlement(p, depth) {
  if (depth < 2 && p.rng.chance(0.2)) {
    return p.rng.chance(0.5) ? `Promise.resolve(${value(p)})` : thenable(p, depth + 1);
  }
  return value(p);
}

/** An object with a `then` of one of the behaviours PromiseResolve / NewPromiseResolveThenableJob distinguish. */
export function thenable(p, depth = 0) {
  const { rng } = p;
  const tag = p.fresh("th");
  const say = `log("${tag}.then", this.tag, typeof resolve)`;
  const v = () => settlement(p, depth);
  switch (rng.weighted({ sync: 4, syncReject: 2, timer: 2, microtask: 2, throws: 2, resolveThenThrow: 1,
    both: 2, nonCallable: 1, getter: 2, getterThrows: 1, functionObject: 1, never: 0.3 })) {
    case "sync":
      return `{ tag: "${tag}", then(resolve) { ${say}; resolve(${v()}); } }`;
    case "syncReject":
      return `{ tag: "${tag}", then(resolve, reject) { ${say}; reject(${p.error()}); } }`;
    case "timer":
      return `{ tag: "${tag}", then(resolve, reject) { ${say}; setTimeout(${rng.chance(0.7) ? "resolve" : "reject"}, ${p.delay()}, ${v()}); } }`;
    case "microtask":
      return `{ tag: "${tag}", then(resolve) { ${say}; queueMicrotask(() => { log("${tag}.settle"); resolve(${v()}); }); } }`;
    case "throws":
      return `{ tag: "${tag}", then(resolve) { ${say}; throw ${p.error()}; } }`;
    case "resolveThenThrow":
      return `{ tag: "${tag}", then(resolve) { ${say}; resolve(${v()}); throw ${p.error()}; } }`;
    case "both":
      return rng.chance(0.5)
        ? `{ tag: "${tag}", then(resolve, reject) { ${say}; resolve(${v()}); reject(${p.error()}); resolve(${value(p)}); } }`
        : `{ tag: "${tag}", then(resolve, reject) { ${say}; reject(${p.error()}); resolve(${v()}); } }`;
    case "nonCallable":
      return `{ tag: "${tag}", then: ${rng.pick(["5", "null", "{}", '"then"'])} }`;
    case "getter":
      return `{ tag: "${tag}", get then() { log("${tag}.get"); return ${rng.chance(0.8) ? `function (resolve) { log("${tag}.then", typeof resolve); resolve(${v()}); }` : "undefined"}; } }`;
    case "getterThrows":
      return `{ tag: "${tag}", get then() { log("${tag}.get"); throw ${p.error()}; } }`;
    case "functionObject":
      return `Object.assign(function ${tag}() {}, { then(resolve) { log("${tag}.then", typeof resolve); resolve(${v()}); } })`;
    default:
      return `{ tag: "${tag}", then(resolve) { ${say}; } }`;
  }
}

/** `class P extends Promise`, declared once per flavour; a flavour that overrides `then` logs each call. */
export function promiseSubclass(p) {
  const existing = p.subclasses.length && p.rng.chance(0.6) ? p.rng.pick(p.subclasses) : undefined;
  if (existing) return existing;
  const name = p.fresh("P");
  const flavour = p.rng.pick(["plain", "loggingThen", "species"]);
  const body = {
    plain: "{}",
    loggingThen: `{\n  then(onFulfilled, onRejected) {\n    log("${name}.then");\n    return super.then(onFulfilled, onRejected);\n  }\n}`,
    species: `{\n  static get [Symbol.species]() {\n    return Promise;\n  }\n}`,
  }[flavour];
  p.declarations.push(`class ${name} extends Promise ${body}`);
  p.subclasses.push(name);
  return name;
}

/** A promise the runtime should treat as native-or-not exactly as `await` does. */
export function promise(p) {
  const { rng } = p;
  const v = () => settlement(p, 0);
  switch (rng.weighted({ resolved: 4, rejected: 2, executorSync: 1, executorThrows: 1, timer: 3, timerReject: 1,
    microtask: 2, subclass: 2, ownThen: 1.5, constructorPatched: 0.7, constructorGetter: 0.7 })) {
    case "resolved":
      return `Promise.resolve(${v()})`;
    case "rejected":
      return `Promise.reject(${p.error()})`;
    case "executorSync":
      return `new Promise((resolve) => resolve(${v()}))`;
    case "executorThrows":
      return `new Promise(() => { throw ${p.error()}; })`;
    case "timer":
      return `new Promise((resolve) => setTimeout(resolve, ${p.delay()}, ${v()}))`;
    case "timerReject":
      return `new Promise((_, reject) => setTimeout(() => reject(${p.error()}), ${p.delay()}))`;
    case "microtask":
      return `new Promise((resolve) => queueMicrotask(() => { log(${p.label("mt")}); resolve(${v()}); }))`;
    case "subclass": {
      const P = promiseSubclass(p);
      return rng.pick([`${P}.resolve(${v()})`, `${P}.reject(${p.error()})`,
        `new ${P}((resolve) => setTimeout(resolve, ${p.delay()}, ${v()}))`]);
    }
    case "ownThen":
      return `${ownThenHelper(p)}(Promise.resolve(${v()}), ${p.label("own-then")})`;
    case "constructorPatched":
      return `Object.assign(Promise.resolve(${v()}), { constructor: ${rng.pick(["Object", "undefined", "Promise"])} })`;
    default: {
      // PromiseResolve reads `constructor` once; when that throws, the await itself throws.
      // Configurable on purpose: the runtime must call the intrinsic `then`, whose species lookup
      // reads `constructor` again, and it can hide a configurable one only (a known, documented gap).
      const get = rng.chance(0.5) ? `throw ${p.error()};` : "return Promise;";
      return `Object.defineProperty(Promise.resolve(${v()}), "constructor", { configurable: true, get() { log(${p.label("ctor-get")}); ${get} } })`;
    }
  }
}

// A native promise with its own `then`: `await` must ignore it (PromiseResolve returns the promise
// itself and PerformPromiseThen uses the intrinsic), while a helper calling `.then` would log.
function ownThenHelper(p) {
  return p.helper("withOwnThen", `function withOwnThen(promise, label) {
  promise.then = function (onFulfilled, onRejected) {
    log(label);
    return Promise.prototype.then.call(this, onFulfilled, onRejected);
  };
  return promise;
}`);
}
