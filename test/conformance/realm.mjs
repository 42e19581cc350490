// A fresh ECMAScript realm for one test run, with the host-defined bindings of INTERPRETING.md
// (`print`, `$262`) installed as writable, configurable, non-enumerable globals.
//
// Two kinds: a new `vm` context (the default: cheap, one per run inside a long-lived worker),
// or the worker's own main context (`inMainContext`), used by a child process that runs exactly one
// test for the few tests a vm context cannot host faithfully (see pool.mjs).
import vm from "node:vm";

// Runs inside the new realm, so `$262` and `print` are objects and functions of that realm;
// only the `host` callbacks they close over come from outside.
const INSTALL_HOST_DEFINED = new vm.Script(`(function (host) {
  var $262 = {
    global: globalThis,
    createRealm: function createRealm() { return host.createRealm(); },
    evalScript: function evalScript(source) { return host.evalScript(String(source)); },
    detachArrayBuffer: function detachArrayBuffer(buffer) { host.detachArrayBuffer(buffer); return null; },
    agent: {},
  };
  function define(name, value) {
    Object.defineProperty(globalThis, name, { value: value, writable: true, enumerable: false, configurable: true });
  }
  define("$262", $262);
  define("print", function print(message) { host.print(String(message)); });
})`, { filename: "test262-host.js" });

/**
 * @param {{ inMainContext?: boolean, onPrint: (message: string) => void,
 *   importModuleDynamically?: Function }} options
 */
export function createRealm(options) {
  const context = options.inMainContext ? null : vm.createContext({});
  const realm = {
    context,
    global: context ? vm.runInContext("globalThis", context) : globalThis,
    /** Runs a (compiled or source) script as global code of this realm. */
    runScript(script) {
      const compiled = typeof script === "string" ? new vm.Script(script) : script;
      return context ? compiled.runInContext(context) : compiled.runInThisContext();
    },
  };
  const install = realm.runScript(INSTALL_HOST_DEFINED);
  install({
    print: options.onPrint,
    createRealm: () => createRealm({ onPrint: options.onPrint }).global.$262,
    evalScript: (source) => evalScript(realm, source, options.importModuleDynamically),
    detachArrayBuffer: (buffer) => structuredClone(buffer, { transfer: [buffer] }),
  });
  return realm;
}

// `$262.evalScript` must throw the realm's own SyntaxError for a parse error (vm.Script throws the
// worker's), so that `assert.throws(SyntaxError, ...)` inside the test can match it.
function evalScript(realm, source, importModuleDynamically) {
  let script;
  try {
    script = new vm.Script(source, { filename: "evalScript.js", importModuleDynamically });
  } catch (error) {
    throw new realm.global.SyntaxError(error.message);
  }
  return realm.runScript(script);
}
