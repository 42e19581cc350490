// The Web Worker a run lives in: one per run, terminated by the page when the run is done or
// over its time limit. User code runs here, never in the page.
import type { RunRequest, SandboxMessage } from "./protocol.js";
import { runInSandbox } from "./sandbox.js";

/** The few members of DedicatedWorkerGlobalScope used here (the page's DOM typings lack it). */
interface WorkerScope {
  postMessage(message: SandboxMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<RunRequest>) => void, options?: { once: boolean }): void;
  addEventListener(type: "unhandledrejection", listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  runInSandbox(event.data.code, self as unknown as typeof globalThis, {
    post: (message) => scope.postMessage(message),
    onUnhandledRejection(listener) {
      scope.addEventListener("unhandledrejection", (rejection) => {
        rejection.preventDefault();
        listener(rejection.reason);
      });
    },
  });
}, { once: true });
