/**
 * The rejection of `retry` when it gives up — after the last allowed attempt, or when
 * `shouldRetry` says stop. `cause` is the error of the last attempt (earlier ones were passed to
 * `onRetry`; they are not kept, so unbounded retries hold no growing list), and `attempts` is how
 * many times the function was called.
 */
export class RetryError extends Error {
  readonly attempts: number;
  declare readonly cause: unknown;

  constructor(attempts: number, lastError: unknown, stopped: boolean) {
    const why = stopped ? "shouldRetry declined to retry" : "no retries left";
    super(`Failed after ${attempts} attempt${attempts === 1 ? "" : "s"} (${why}): ${messageOf(lastError)}`, { cause: lastError });
    this.name = "RetryError";
    this.attempts = attempts;
  }
}

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "(unprintable error)";
  }
}
