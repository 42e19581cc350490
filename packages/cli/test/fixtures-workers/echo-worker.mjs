// A stand-in for dist/esm/worker.js speaking the same messages: echoes the code back, dies on a
// file named "die", throws on "throw". For pool.test.ts.
import { parentPort } from "node:worker_threads";

parentPort.postMessage({ ready: true });

parentPort.on("message", ({ id, input }) => {
  if (input.path.endsWith("die")) process.exit(3);
  if (input.path.endsWith("throw")) throw new Error("thrown in the worker");
  parentPort.postMessage({ id, result: { ok: true, output: { code: `${input.code} from ${process.pid}`, warnings: [] } } });
});
