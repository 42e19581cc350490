import { availableParallelism } from "node:os";
import type { Transformer } from "./compile-file.js";
import { limit } from "./limit.js";
import type { PluginOptions } from "./options.js";
import { PluginLoadError, type BabelPlugin } from "./plugin.js";
import { WorkerPool, workerScript } from "./pool.js";

/** Where transforms run: worker threads for a batch worth it, else the main thread. */
export interface Engine {
  transform: Transformer;
  close(): Promise<void>;
  /** Worker threads in use; 0 when the main thread transforms. */
  threads: number;
}

export interface EngineOptions {
  pluginOptions: PluginOptions;
  /** `--workers`; default: the number of cores. */
  workers?: number;
  /** Injected by tests (a stand-in plugin cannot be sent to a thread): everything runs in-process. */
  loadPlugin?: () => Promise<BabelPlugin>;
}

/** A worker pays for loading Babel (~0.3 s of CPU) before its first file; below this much code
 *  per worker, the main thread alone finishes sooner. */
const BYTES_PER_WORKER = 96 * 1024;

export class Engines {
  private inProcess?: Promise<Transformer>;
  /** One file at a time: Babel's async API yields between parse and transform, so started
   *  together, every file would be parsed before any is done — all ASTs alive at once. */
  private readonly oneAtATime = limit(1);

  constructor(private readonly options: EngineOptions) {}

  /** An engine for `count` files of `bytes` in all, sized to the work. */
  for(count: number, bytes: number): Engine {
    const script = this.options.loadPlugin ? undefined : workerScript();
    const wanted = Math.min(this.options.workers ?? availableParallelism(), count, Math.ceil(bytes / BYTES_PER_WORKER));
    if (script && wanted >= 2) {
      const pool = new WorkerPool(script, wanted, this.options.pluginOptions);
      return { transform: pool.transform, close: () => pool.close(), threads: wanted };
    }
    const transform: Transformer = (input) => this.oneAtATime(async () => (await this.mainThread())(input));
    return { transform, close: async () => {}, threads: 0 };
  }

  /** Babel and the plugin load on the main thread once, and stay for later rebuilds (watch). */
  private mainThread(): Promise<Transformer> {
    this.inProcess ??= (async () => {
      const { loadPlugin } = await import("./plugin.js");
      const { createTransformer } = await import("./compile-file.js");
      const plugin = await (this.options.loadPlugin ?? loadPlugin)().catch((error: unknown) => {
        if (error instanceof PluginLoadError) throw error;
        throw new PluginLoadError(error instanceof Error ? error.message : String(error), { cause: error });
      });
      return createTransformer({ plugin, pluginOptions: this.options.pluginOptions });
    })();
    return this.inProcess;
  }
}
