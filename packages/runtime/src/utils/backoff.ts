import { describe } from "./validate.js";

/**
 * How much of each backoff delay is randomized, so that clients failing together do not retry
 * together. One rule covers every form: with `d` the exponential delay and `j` the jitter
 * fraction, the delay is `d - j * d * Math.random()`, i.e. somewhere in `(d * (1 - j), d]`.
 * - "none"  (j = 0):   exactly `d`.
 * - "equal" (j = 0.5): between `d / 2` and `d`.
 * - "full"  (j = 1):   between 0 and `d` — the default, the best spread for contended services.
 * - a number `j` in [0, 1]: anything in between.
 */
export type Jitter = "full" | "equal" | "none" | number;

const NAMED_JITTER: Record<string, number> = { none: 0, equal: 0.5, full: 1 };

/** The jitter fraction for a `Jitter` option; throws a TypeError/RangeError naming `where`. */
export function jitterFraction(where: string, jitter: unknown): number {
  if (typeof jitter === "string" && Object.hasOwn(NAMED_JITTER, jitter)) return NAMED_JITTER[jitter]!;
  if (typeof jitter === "number") {
    if (jitter >= 0 && jitter <= 1) return jitter;
    throw new RangeError(`${where}: options.jitter must be between 0 and 1, got ${describe(jitter)}.`);
  }
  throw new TypeError(`${where}: options.jitter must be "full", "equal", "none" or a number from 0 to 1, got ${describe(jitter)}.`);
}

export interface BackoffPolicy {
  base: number;
  factor: number;
  maxDelay: number;
  /** The fraction from `jitterFraction`. */
  jitter: number;
}

/** The delay after failed attempt `attempt` (1-based): `min(maxDelay, base * factor ** (attempt - 1))`, jittered. */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  const { base, factor, maxDelay, jitter } = policy;
  // base 0 would give 0 * Infinity = NaN once factor ** n overflows.
  const exponential = base === 0 ? 0 : base * factor ** (attempt - 1);
  const capped = exponential < maxDelay ? exponential : maxDelay;
  return jitter === 0 ? capped : capped - jitter * capped * Math.random();
}
