// @unawait/runtime/utils — abortable async utilities. One module per utility, so bundlers keep
// only what is imported.
export { sleep } from "./sleep.js";
export type { SleepOptions } from "./sleep.js";
export { withTimeout } from "./with-timeout.js";
export type { TimeoutTask, WithTimeoutOptions } from "./with-timeout.js";
export { TimeoutError } from "./timeout-error.js";
export { retry } from "./retry.js";
export type { RetryOptions, RetryTask } from "./retry.js";
export { RetryError } from "./retry-error.js";
export type { Jitter } from "./backoff.js";
export { createLimiter } from "./create-limiter.js";
export type { Limiter, LimiterOptions, LimiterState, LimitCallOptions } from "./create-limiter.js";
export { limit } from "./limit.js";
export type { LimitedFunction } from "./limit.js";
