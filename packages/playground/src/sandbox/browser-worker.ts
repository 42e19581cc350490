import type { SandboxWorker } from "./run-sandboxed.js";

/** A new module worker per run: nothing one run leaves behind can reach the next. */
export function createBrowserWorker(): SandboxWorker {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "unawait sandbox" }) as unknown as SandboxWorker;
}
