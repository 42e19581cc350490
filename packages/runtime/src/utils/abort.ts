// AbortSignal plumbing shared by the utilities: validation, the rejection reason, and listeners
// that are always removed — a long-lived signal must not accumulate one listener per operation.
import { describe } from "./validate.js";

/** Accepts any AbortSignal-shaped object (polyfills included); null and undefined mean "no signal". */
export function checkSignal(where: string, signal: unknown): AbortSignal | undefined {
  if (signal == null) return undefined;
  const s = signal as Partial<AbortSignal>;
  if (typeof s.aborted !== "boolean" || typeof s.addEventListener !== "function" || typeof s.removeEventListener !== "function") {
    throw new TypeError(`${where}: options.signal must be an AbortSignal, got ${describe(signal)}.`);
  }
  return signal as AbortSignal;
}

/** What an aborted operation rejects with: the signal's reason (old polyfills may not set one). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason !== undefined ? signal.reason : new DOMException("This operation was aborted", "AbortError");
}

/** Calls `handler` once when `signal` aborts; the returned function removes the listener (idempotent). */
export function onAbort(signal: AbortSignal, handler: () => void): () => void {
  signal.addEventListener("abort", handler, { once: true });
  return () => signal.removeEventListener("abort", handler);
}
