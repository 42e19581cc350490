/**
 * The rejection of `withTimeout` when time runs out. `name` is "TimeoutError" (the name the DOM
 * uses for `AbortSignal.timeout()`), so code that checks `error.name` treats both alike, while
 * `instanceof TimeoutError` tells this one apart; `ms` is the limit that was exceeded.
 */
export class TimeoutError extends Error {
  readonly ms: number;

  constructor(message: string, ms: number, options?: ErrorOptions) {
    super(message, options);
    this.name = "TimeoutError";
    this.ms = ms;
  }
}
