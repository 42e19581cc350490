// Host-defined globals of a fuzz realm, evaluated inside each fresh vm context before the program.
// It is the program's own realm that formats values, with intrinsics captured here, so that a
// program patching Promise.prototype.then or Object.prototype cannot change how the log reads.
(function installPrelude(host) {
  "use strict";
  var toTag = Function.prototype.call.bind(Object.prototype.toString);
  var describe = Object.getOwnPropertyDescriptor;
  var ownKeys = Object.keys;
  var isArray = Array.isArray;
  var stringify = JSON.stringify;
  var StringCtor = String;
  var theGlobal = globalThis;
  // Messages the generator writes look like "e12"; engine messages quote source text that the
  // transform legitimately renames ("f$ is not a function"), so only their error name is kept.
  var OWN_MESSAGE = /^[a-z]+\d+$/;

  function field(value, key) {
    var d = describe(value, key);
    return d && "value" in d ? d.value : undefined;
  }
  function formatError(value) {
    var name = field(value, "name");
    if (typeof name !== "string") {
      var ctor = field(Object.getPrototypeOf(value), "constructor");
      name = ctor ? field(ctor, "name") : "Error";
    }
    var message = field(value, "message");
    return OWN_MESSAGE.test(message) ? name + "(" + message + ")" : name;
  }
  function formatObject(value, depth) {
    if (value === theGlobal) return "[global]";
    var tag = toTag(value);
    if (tag === "[object Error]") return formatError(value);
    if (tag === "[object Promise]") return "[promise]";
    if (typeof value === "function") return "[function " + StringCtor(field(value, "name")) + "]";
    if (depth > 2) return "…";
    var parts = [];
    if (isArray(value)) {
      for (var i = 0; i < value.length; i++) parts[parts.length] = format(field(value, i), depth + 1);
      return "[" + parts.join(",") + "]";
    }
    var keys = ownKeys(value);
    for (var k = 0; k < keys.length; k++) {
      var d = describe(value, keys[k]);
      parts[parts.length] = keys[k] + ":" + ("value" in d ? format(d.value, depth + 1) : "<get>");
    }
    return "{" + parts.join(",") + "}";
  }
  function format(value, depth) {
    if (typeof value === "string") return stringify(value);
    if (typeof value === "bigint") return StringCtor(value) + "n";
    if (typeof value === "symbol") return "Symbol()";
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return StringCtor(value);
    return formatObject(value, depth);
  }

  function define(name, value) {
    Object.defineProperty(theGlobal, name, { value: value, writable: true, enumerable: false, configurable: true });
  }
  define("log", function log() {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts[parts.length] = format(arguments[i], 0);
    host.log(parts.join(" "));
  });
  define("setTimeout", function setTimeout(callback, ms) {
    var args = [];
    for (var i = 2; i < arguments.length; i++) args[args.length] = arguments[i];
    return host.setTimeout(callback, ms, args);
  });
  define("clearTimeout", function clearTimeout(id) {
    host.clearTimeout(id);
  });
  define("queueMicrotask", host.queueMicrotask);
  if (host.require) define("require", host.require);
  return function formatForHost(value) {
    return format(value, 0);
  };
})
