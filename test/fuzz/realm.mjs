// Runs one program in a fresh vm context of this process and records its log.
//
// Why a vm context in a long-lived worker instead of a process per program: what the fuzzer
// compares is the order of log lines, and everything that decides it lives in one isolate — the
// microtask queue (vm contexts share the isolate's queue by default), Node's unhandled-rejection
// bookkeeping (per isolate: it reports context promises as usual) and macrotask boundaries. So a
// context is as faithful as a process for that question, and costs ~1 ms instead of ~40 ms.
// Programs run one at a time: each starts in its own macrotask, and it is over only when no
// virtual timer is left and a macrotask turn has passed (so its microtasks and its rejection
// reports are all in). The process hooks below then always belong to the current program.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { VirtualTimers } from "./virtual-timers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const PRELUDE = new vm.Script(readFileSync(join(here, "prelude.js"), "utf8"), { filename: "fuzz-prelude.js" });
export const RUNTIME_CJS_DIR = join(here, "../../packages/runtime/dist/cjs");
const TIMER_BUDGET = 5000;

let current = null;
let hooked = false;

function installProcessHooks() {
  if (hooked) return;
  hooked = true;
  process.on("unhandledRejection", (reason, promise) => {
    if (!current) throw reason;
    const text = current.format(reason);
    current.reported.set(promise, text);
    current.record(`!unhandled ${text}`);
  });
  process.on("rejectionHandled", (promise) => {
    current?.record(`!handled-late ${current.reported.get(promise) ?? "?"}`);
  });
  process.on("uncaughtException", (error) => {
    if (!current) throw error;
    current.abort(error);
  });
}

/**
 * Runs `code` as a classic script in a new realm whose globals are the prelude's `log`,
 * `setTimeout`/`clearTimeout` (virtual), `queueMicrotask` (the host's, so its jobs share the
 * queue with promise jobs) and, with `requireRuntime`, a `require` serving @unawait/runtime.
 * Resolves with the log: the program's lines plus `!unhandled`, `!handled-late`, `!uncaught`.
 * An uncaught exception ends the program, as it would end a Node process.
 */
export function runProgram(code, { requireRuntime = false } = {}) {
  installProcessHooks();
  if (current) throw new Error("runProgram: programs must run one at a time");
  return new Promise((resolve) => {
    setImmediate(() => start(code, requireRuntime, resolve));
  });
}

function start(code, requireRuntime, resolve) {
  const timers = new VirtualTimers();
  const lines = [];
  const state = {
    aborted: false,
    reported: new WeakMap(),
    format: String,
    record(line) {
      if (!state.aborted) lines.push(line);
    },
    abort(error) {
      state.record(`!uncaught ${state.format(error)}`);
      state.aborted = true;
    },
  };
  current = state;
  const context = vm.createContext({});
  state.format = PRELUDE.runInContext(context)({
    log: (line) => state.record(line),
    setTimeout: (callback, ms, args) => timers.add(callback, ms, args),
    clearTimeout: (id) => timers.clear(id),
    queueMicrotask,
    require: requireRuntime ? runtimeRequire(context) : undefined,
  });
  try {
    new vm.Script(code, { filename: "program.js" }).runInContext(context);
  } catch (error) {
    state.abort(error);
  }
  let fired = 0;
  const pump = () => {
    const timer = state.aborted ? undefined : timers.takeNext();
    if (!timer) {
      current = null;
      resolve(lines);
      return;
    }
    if (++fired > TIMER_BUDGET) {
      state.record("!timer budget exhausted");
      state.aborted = true;
    } else {
      try {
        Reflect.apply(timer.callback, undefined, timer.args);
      } catch (error) {
        state.abort(error);
      }
    }
    setImmediate(pump);
  };
  setImmediate(pump);
}

const compiled = new Map();
function compileCjs(file) {
  let script = compiled.get(file);
  if (!script) {
    const source = readFileSync(file, "utf8");
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file });
    compiled.set(file, script);
  }
  return script;
}

/** `require` for the transformed program: the real @unawait/runtime CommonJS build, loaded into this realm. */
function runtimeRequire(context) {
  const modules = new Map();
  const load = (file) => {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} };
    modules.set(file, module);
    const wrapper = compileCjs(file).runInContext(context);
    wrapper.call(module.exports, module.exports, requireFrom(dirname(file)), module, file, dirname(file));
    return module.exports;
  };
  const requireFrom = (dir) => (id) => {
    if (id.startsWith("./") || id.startsWith("../")) return load(join(dir, id));
    throw new Error(`fuzz realm: cannot require "${id}" from the runtime`);
  };
  return (id) => {
    if (id === "@unawait/runtime") return load(join(RUNTIME_CJS_DIR, "index.js"));
    throw new Error(`fuzz realm: a program may only require "@unawait/runtime", not "${id}"`);
  };
}
