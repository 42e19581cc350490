// The Web Worker a run lives in: one per run, terminated by the page when the run is done or
// over its time limit. User code runs here, never in the page.
import type { RunRequest } from "./protocol.js";
import { runInSandbox } from "./sandbox.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener("message", (event: MessageEvent<RunRequest>) => {
  runInSandbox(event.data.code, scope as unknown as typeof globalThis, {
    post: (message) => scope.postMessage(message),
    onUnhandledRejection(listener) {
      scope.addEventListener("unhandledrejection", (rejection) => {
        rejection.preventDefault();
        listener(rejection.reason);
      });
    },
  });
}, { once: true });
