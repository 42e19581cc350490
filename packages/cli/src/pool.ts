import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { TransformResult, Transformer } from "./compile-file.js";
import { thisModuleFile } from "./here.js";
import { PluginLoadError } from "./plugin.js";
import type { PluginOptions } from "./options.js";
import type { TransformInput } from "./transform.js";

interface Task {
  input: TransformInput;
  done: (result: TransformResult) => void;
  /** Only when no worker could start: the run cannot go on. */
  abort: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  /** Set by the worker's `{ ready: true }` once Babel and the plugin are loaded. One that fails
   *  before that cannot start (no build, no plugin): no retry, the run cannot go on. */
  ready: boolean;
}

/** worker.js beside this module, when the CLI runs from its build (not from TypeScript sources). */
export function workerScript(): string | undefined {
  const here = thisModuleFile();
  if (!here || !here.endsWith(".js")) return undefined;
  const script = join(dirname(here), "worker.js");
  return existsSync(script) ? script : undefined;
}

/** A fixed set of worker threads, each with Babel loaded once, fed one file at a time (a file is
 *  the unit: the biggest take seconds, the smallest microseconds, so no batching). A worker that
 *  dies fails its file with the reason and is replaced; the run goes on. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;
  private broken?: Error;

  constructor(
    private readonly script: string,
    size: number,
    private readonly pluginOptions: PluginOptions,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  readonly transform: Transformer = (input) =>
    new Promise((done, abort) => {
      this.queue.push({ input, done, abort });
      this.dispatch();
    });

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: { pluginOptions: this.pluginOptions } });
    const slot: Slot = { worker, ready: false };
    worker.on("message", (message: { ready?: true; result?: TransformResult }) => {
      if (message.ready) {
        slot.ready = true;
        return;
      }
      const task = slot.task!;
      slot.task = undefined;
      task.done(message.result!);
      this.dispatch();
    });
    worker.on("error", (error) => this.lose(slot, error));
    worker.on("exit", (code) => {
      if (!this.closed) this.lose(slot, new Error(`a worker thread stopped (exit code ${code})`));
    });
    return slot;
  }

  /** Fails the slot's file with the worker's error and puts a new worker in its place. */
  private lose(slot: Slot, error: Error): void {
    if (this.closed || !this.slots.includes(slot)) return;
    const task = slot.task;
    slot.task = undefined;
    void slot.worker.terminate();
    if (slot.ready) this.slots[this.slots.indexOf(slot)] = this.spawn();
    else {
      this.slots.splice(this.slots.indexOf(slot), 1);
      this.broken = error;
    }
    if (task && slot.ready) fail(task, error);
    else if (task) task.abort(new PluginLoadError(`a worker thread could not start: ${error.message}`, { cause: error }));
    this.dispatch();
  }

  private dispatch(): void {
    if (this.broken && this.slots.length === 0) {
      const error = new PluginLoadError(`no worker thread could start: ${this.broken.message}`, { cause: this.broken });
      for (const task of this.queue.splice(0)) task.abort(error);
    }
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      slot.task = this.queue.shift()!;
      slot.worker.postMessage({ id: 0, input: slot.task.input });
    }
  }
}

function fail(task: Task, error: Error): void {
  task.done({
    ok: false,
    diagnostic: { file: task.input.path, message: `internal error in a worker thread: ${error.message}`, stack: error.stack },
  });
}
