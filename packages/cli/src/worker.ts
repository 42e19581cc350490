import { parentPort, workerData } from "node:worker_threads";
import { createTransformer, type Transformer } from "./compile-file.js";
import type { PluginOptions } from "./options.js";
import { loadPlugin } from "./plugin.js";
import type { TransformInput } from "./transform.js";

/** One thread of the pool (pool.ts): loads Babel and the plugin once, says `{ ready: true }`, then
 *  transforms each file it is sent. Messages are `{ id, input }` in and `{ id, result }` out. */
export interface WorkerMessage {
  id: number;
  input: TransformInput;
}

async function serve(pluginOptions: PluginOptions): Promise<void> {
  const transformer: Transformer = createTransformer({ plugin: await loadPlugin(), pluginOptions });
  parentPort!.postMessage({ ready: true });
  parentPort!.on("message", async ({ id, input }: WorkerMessage) => {
    parentPort!.postMessage({ id, result: await transformer(input) });
  });
}

if (parentPort) void serve((workerData as { pluginOptions: PluginOptions }).pluginOptions);
