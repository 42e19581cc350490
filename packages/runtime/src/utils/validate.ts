// Argument checks shared by the utilities. Every message names the utility, the argument and what
// was received, so a misconfiguration points at itself: TypeError for a wrong type, RangeError for a
// number out of range.

/** The largest delay a timer honours: setTimeout treats anything above 2^31 - 1 ms as 1 ms. */
export const MAX_TIMER_DELAY = 2_147_483_647;

export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  return typeof value === "function" ? "a function" : `a value of type ${typeof value}`;
}

function checkNumber(where: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number") throw new TypeError(`${where}: ${name} must be a number, got ${describe(value)}.`);
}

/** A timer delay in ms: 0..2^31-1, or Infinity where the caller documents "never". */
export function checkDelay(where: string, name: string, value: unknown, allowInfinity: boolean): asserts value is number {
  checkNumber(where, name, value);
  const ok = (value >= 0 && value <= MAX_TIMER_DELAY) || (allowInfinity && value === Infinity);
  if (!ok) {
    const range = allowInfinity ? `between 0 and ${MAX_TIMER_DELAY} ms, or Infinity` : `between 0 and ${MAX_TIMER_DELAY} ms`;
    throw new RangeError(`${where}: ${name} must be ${range}, got ${describe(value)}.`);
  }
}

/** An integer >= min, or Infinity. */
export function checkCount(where: string, name: string, value: unknown, min: number): asserts value is number {
  checkNumber(where, name, value);
  if (!(Number.isInteger(value) && value >= min) && value !== Infinity) {
    const what = min === 0 ? "a non-negative integer" : "a positive integer";
    throw new RangeError(`${where}: ${name} must be ${what} or Infinity, got ${describe(value)}.`);
  }
}

/** A finite number >= min. */
export function checkFinite(where: string, name: string, value: unknown, min: number): asserts value is number {
  checkNumber(where, name, value);
  if (!(Number.isFinite(value) && value >= min)) {
    throw new RangeError(`${where}: ${name} must be a finite number >= ${min}, got ${describe(value)}.`);
  }
}

export function checkFunction(where: string, name: string, value: unknown): asserts value is Function {
  if (typeof value !== "function") throw new TypeError(`${where}: ${name} must be a function, got ${describe(value)}.`);
}

export function checkOptionalFunction(where: string, name: string, value: unknown): void {
  if (value !== undefined) checkFunction(where, name, value);
}

/** Options bags are optional; when given they must be objects (a number here is usually a misplaced argument). */
export function readOptions<T extends object>(where: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${where}: options must be an object, got ${describe(options)}.`);
  }
  return options;
}
