import { abortReason, checkSignal, onAbort } from "./abort.js";
import { checkDelay, readOptions } from "./validate.js";

export interface SleepOptions {
  /** Aborting rejects the sleep with `signal.reason` and cancels its timer. */
  signal?: AbortSignal | null;
}

/**
 * Resolves after `ms` milliseconds (0 to 2^31-1; `Infinity` never resolves, so only the signal
 * can end it, and no timer is created).
 *
 * With a signal: an already-aborted signal rejects at once without starting a timer; a later
 * abort rejects with the signal's reason. The timer is cleared and the abort listener removed on
 * every path, so a long-lived signal does not collect listeners.
 */
export function sleep(ms: number, options?: SleepOptions): Promise<void> {
  checkDelay("sleep", "ms", ms, true);
  const signal = checkSignal("sleep", readOptions("sleep", options).signal);
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopListening = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(abortReason(signal));
        })
      : undefined;
    if (ms === Infinity) return;
    timer = setTimeout(() => {
      stopListening?.();
      resolve();
    }, ms);
  });
}
