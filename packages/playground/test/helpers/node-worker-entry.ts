// The sandbox inside a Node worker thread, for unit tests: the same runInSandbox the browser
// worker calls, with Node's names for posting messages and for unhandled rejections.
import { parentPort } from "node:worker_threads";
import { runInSandbox } from "../../src/sandbox/sandbox.js";

const port = parentPort!;
port.once("message", (request: { code: string }) => {
  runInSandbox(request.code, globalThis, {
    post: (message) => port.postMessage(message),
    onUnhandledRejection(listener) {
      process.on("unhandledRejection", (reason) => listener(reason));
    },
  });
});
