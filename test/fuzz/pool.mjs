// Two (or --jobs) worker processes, each running programs one at a time; a program that does not
// finish in time (an endless microtask loop cannot be interrupted from inside) costs its worker,
// which is replaced.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./worker.mjs", import.meta.url));

export function createPool({ size = 2, timeoutMs = 20_000 } = {}) {
  const queue = [];
  const idle = [];
  const busy = new Map();
  let nextId = 0;
  let closed = false;

  let started = 0;
  let markReady;
  const ready = new Promise((resolve) => (markReady = resolve));
  const spawn = () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // vitest's loader options must not reach the worker
    const child = fork(WORKER, [], { env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.on("message", (message) => {
      if (message.ready) {
        if (++started === size) markReady();
        return release(child);
      }
      const job = busy.get(child);
      if (!job || job.id !== message.id) return;
      clearTimeout(job.timer);
      busy.delete(child);
      if (message.error) job.reject(new Error(message.error));
      else job.resolve(message.result);
      release(child);
    });
    child.on("exit", () => {
      const job = busy.get(child);
      busy.delete(child);
      const at = idle.indexOf(child);
      if (at >= 0) idle.splice(at, 1);
      if (job) job.resolve({ same: false, native: [], transformed: [], crashed: true, code: job.task.code });
      if (!closed) spawn();
    });
  };

  const release = (child) => {
    const job = queue.shift();
    if (!job) return void idle.push(child);
    busy.set(child, job);
    job.timer = setTimeout(() => {
      job.timedOut = true;
      busy.delete(child);
      job.resolve({ same: false, native: [], transformed: [], timedOut: true, code: job.task.code });
      child.kill("SIGKILL");
    }, timeoutMs);
    child.send(job.task);
  };

  const submit = (task) =>
    new Promise((resolve, reject) => {
      const job = { id: ++nextId, task: { ...task, id: nextId }, resolve, reject };
      job.task.id = job.id;
      queue.push(job);
      const child = idle.shift();
      if (child) release(child);
    });

  for (let i = 0; i < size; i++) spawn();
  return {
    size,
    /** Resolves once every first worker has loaded (Babel, the plugin): for timing the steady state. */
    ready,
    /** Generates the program of `seed` in a worker and compares its runs. */
    compareSeed: (seed, options) => submit({ seed, options }),
    /** Compares the runs of a given program. */
    compareCode: (code, options) => submit({ code, options }),
    close() {
      closed = true;
      for (const child of [...idle, ...busy.keys()]) child.kill();
    },
  };
}
