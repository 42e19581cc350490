// Heap held per suspended task: start `count` tasks that end up parked on a promise that never
// settles, let every earlier await finish, collect garbage, and divide the heap growth by the
// count. The array holding the tasks' promises is allocated before the baseline.
// Usage: node --expose-gc memory-child.mjs <module file> [count]
import { pathToFileURL } from "node:url";
import { setImmediate as macrotask } from "node:timers/promises";

const [file, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1e5);
try {
  if (typeof globalThis.gc !== "function") throw new Error("run with --expose-gc");
  const { task } = await import(pathToFileURL(file).href);
  // Held by a global: a local that is dead after the loop would let V8 collect it, and with it
  // every task suspended on it.
  const never = (globalThis.never = new Promise(() => {}));
  const promises = new Array(count).fill(undefined);
  task(never, -1); // load and compile the code paths before the baseline
  await macrotask();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) promises[i] = task(never, i);
  await macrotask(); // every task is now suspended on `never`
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ bytesPerTask: (after - before) / count, alive: promises.length }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exitCode = 1;
}
