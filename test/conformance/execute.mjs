// Runs one test source in a fresh realm and judges the result the way INTERPRETING.md says:
// harness first (unless `raw`), the test as global code or as a module, `negative` phase and type,
// and for `flags: [async]` the `print` protocol of doneprintHandle.js.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createRealm } from "./realm.mjs";
import { ModuleHost } from "./modules.mjs";

// Captured at load: in a child process the test runs in this very realm and may patch them.
const NativePromise = Promise;
const then = Function.prototype.call.bind(Promise.prototype.then);

const ASYNC_COMPLETE = "Test262:AsyncTestComplete";
const ASYNC_FAILURE = "Test262:AsyncTestFailure:";

const harnessScripts = new Map();
function harnessScript(harnessDir, name) {
  const path = join(harnessDir, name);
  if (!harnessScripts.has(path)) harnessScripts.set(path, new vm.Script(readFileSync(path, "utf8"), { filename: path }));
  return harnessScripts.get(path);
}

/** The harness files of a test, in the order INTERPRETING.md prescribes. */
export function harnessFiles(meta) {
  if (meta.flags.includes("raw")) return [];
  return ["assert.js", "sta.js", ...(meta.flags.includes("async") ? ["doneprintHandle.js"] : []), ...meta.includes];
}

/**
 * @param {{ source: string, path: string, meta: ReturnType<import("./frontmatter.mjs").parseFrontmatter>,
 *   harnessDir: string, inMainContext?: boolean, idleTurns?: number }} test
 * @returns {Promise<{ pass: boolean, reason?: string }>}
 */
export async function executeTest(test) {
  const done = deferred();
  let host;
  const realm = createRealm({
    inMainContext: test.inMainContext,
    onPrint: (message) => {
      if (message === ASYNC_COMPLETE) done.resolve({ pass: true });
      else if (message.startsWith(ASYNC_FAILURE)) done.resolve({ pass: false, reason: message });
    },
    importModuleDynamically: (...args) => host.importModuleDynamically(...args),
  });
  host = new ModuleHost(realm);
  host.scriptPath = test.path;
  for (const name of harnessFiles(test.meta)) {
    try {
      realm.runScript(harnessScript(test.harnessDir, name));
    } catch (error) {
      return { pass: false, reason: `harness ${name} threw ${describe(error)}` };
    }
  }
  const isModule = test.meta.flags.includes("module");
  const outcome = isModule ? await evaluateModule(test, host, test.idleTurns) : evaluateScript(test, realm, host);
  if (test.meta.negative) return judgeNegative(outcome, test.meta.negative);
  if (outcome.error !== undefined) return { pass: false, reason: `${outcome.phase} error: ${describe(outcome.error.value)}` };
  if (!test.meta.flags.includes("async")) return { pass: true };
  const result = await settleOrIdle(done.promise, test.idleTurns);
  return result ?? { pass: false, reason: "async test never reported through print ($DONE not called)" };
}

function evaluateScript(test, realm, host) {
  let script;
  try {
    script = new vm.Script(test.source, { filename: test.path, importModuleDynamically: host.importModuleDynamically });
  } catch (value) {
    return { phase: "parse", error: { value } };
  }
  try {
    realm.runScript(script);
    return { phase: null };
  } catch (value) {
    return { phase: "runtime", error: { value } };
  }
}

async function evaluateModule(test, host, idleTurns) {
  let record;
  try {
    record = host.compileTestModule(test.source, test.path);
  } catch (value) {
    return { phase: "parse", error: { value } };
  }
  try {
    await record.link(host.linker);
  } catch (value) {
    return { phase: "resolution", error: { value } };
  }
  // A module whose top-level await never settles leaves evaluate() pending forever.
  const evaluation = then(record.evaluate(), () => ({ phase: null }), (value) => ({ phase: "runtime", error: { value } }));
  return (await settleOrIdle(evaluation, idleTurns)) ?? { phase: "runtime", error: { value: "module evaluation never settled" } };
}

function judgeNegative(outcome, expected) {
  const want = `${expected.phase} ${expected.type}`;
  if (outcome.error === undefined) return { pass: false, reason: `expected ${want}, but no error was thrown` };
  const got = `${outcome.phase} ${constructorName(outcome.error.value)}`;
  if (got === want) return { pass: true };
  return { pass: false, reason: `expected ${want}, got ${outcome.phase} error: ${describe(outcome.error.value)}` };
}

// The test realm has no timers or I/O, so once the microtask queue has drained and a few macrotask
// turns have passed without the promise settling, nothing left can settle it.
async function settleOrIdle(promise, idleTurns = 8) {
  let settled;
  then(promise, (value) => { settled = { value }; });
  for (let turn = 0; turn < idleTurns && !settled; turn++) await new NativePromise((resolve) => setImmediate(resolve));
  return settled?.value;
}

function constructorName(value) {
  try {
    return (typeof value === "object" || typeof value === "function") && value !== null ? value.constructor?.name : typeof value;
  } catch {
    return "unknown";
  }
}

/** A one-line account of a thrown value; never lets the value's own getters break the runner. */
export function describe(value) {
  try {
    const name = constructorName(value);
    const message = typeof value === "object" && value !== null ? value.message : String(value);
    return `${name}: ${String(message).split("\n")[0].slice(0, 200)}`;
  } catch {
    return "an unprintable value";
  }
}

function deferred() {
  let resolve;
  const promise = new NativePromise((r) => { resolve = r; });
  return { promise, resolve };
}
