// Turns console arguments into one line of text, close to what a browser console shows
// collapsed. Runs inside the sandbox, so it must not throw on hostile values (getters,
// proxies, revoked proxies): every property read is guarded.

const MAX_DEPTH = 2;
const MAX_ITEMS = 20;

export function formatArgs(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : formatValue(arg, 0, []))).join(" ");
}

export function formatValue(value: unknown, depth: number, seen: object[]): string {
  switch (typeof value) {
    case "string": return depth === 0 ? value : quote(value);
    case "number": return Object.is(value, -0) ? "-0" : String(value);
    case "bigint": return `${value}n`;
    case "symbol": return value.toString();
    case "undefined": return "undefined";
    case "boolean": return String(value);
    case "function": return formatFunction(value);
  }
  if (value === null) return "null";
  return guarded(() => formatObject(value as object, depth, seen));
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
}

function guarded(format: () => string): string {
  try {
    return format();
  } catch {
    return "[object]";
  }
}

/** `[AsyncFunction: f]` natively, `[Function: f]` once lowered — a real difference, shown as such. */
function formatFunction(fn: Function): string {
  return guarded(() => {
    const kind = Object.getPrototypeOf(fn)?.constructor?.name || "Function";
    return fn.name ? `[${kind}: ${fn.name}]` : `[${kind} (anonymous)]`;
  });
}

function formatObject(value: object, depth: number, seen: object[]): string {
  if (seen.includes(value)) return "[Circular]";
  if (value instanceof Error) return depth === 0 ? describeError(value) : `[${describeError(value)}]`;
  if (value instanceof Promise) return "Promise {}";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (depth > MAX_DEPTH) return Array.isArray(value) ? "[Array]" : "[Object]";
  const inner = [...seen, value];
  const item = (v: unknown) => formatValue(v, depth + 1, inner);
  if (Array.isArray(value)) return `[${list(value.map(item))}]`;
  if (value instanceof Map) return `Map(${value.size}) {${spaced(list([...value].map(([k, v]) => `${item(k)} => ${item(v)}`)))}}`;
  if (value instanceof Set) return `Set(${value.size}) {${spaced(list([...value].map(item)))}}`;
  const entries = Object.keys(value).map((key) => `${propertyKey(key)}: ${item((value as Record<string, unknown>)[key])}`);
  const name = constructorName(value);
  const body = `{${spaced(list(entries))}}`;
  return name === "Object" ? body : `${name} ${body}`;
}

/** "TypeError: x is not a function" for errors, the formatted value for anything else thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return guarded(() => `${error.name}: ${error.message}`);
  return formatValue(error, 1, []);
}

function list(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS);
  if (items.length > MAX_ITEMS) shown.push(`… ${items.length - MAX_ITEMS} more`);
  return shown.join(", ");
}

function spaced(inner: string): string {
  return inner ? ` ${inner} ` : "";
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function constructorName(value: object): string {
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return "[Object: null prototype]";
  return proto.constructor?.name || "Object";
}
