// A pool of worker processes (worker.mjs). Every pipeline run has a time limit; a worker that
// exceeds it (an endless loop, a microtask storm) or dies is killed and replaced, and the job goes
// back to the front of the queue from that pipeline on (a second time-out counts as a failure).
//
// Jobs marked `inMainContext` run each pipeline in a one-shot child process instead, in that
// child's main realm (see run.mjs for which tests need that).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./worker.mjs", import.meta.url));
const EXEC_ARGV = ["--experimental-vm-modules", "--no-warnings"];
// vm contexts and module records of finished tests are not always collected promptly; a fresh
// worker now and then keeps memory flat over a whole run.
const JOBS_PER_WORKER = 500;
const STARTUP_LIMIT_MS = 120_000;

export class Pool {
  /** @param {{ size: number, timeoutMs: number, init: object }} options */
  constructor(options) {
    this.options = options;
    this.queue = [];
    this.slots = Array.from({ length: options.size }, () => ({ worker: null, jobsRun: 0, busy: false }));
  }

  /** Runs `job` through its pipelines; resolves with `{ [pipeline]: { pass, reason } }`. */
  run(job) {
    return new Promise((resolve) => {
      this.queue.push({ job, results: {}, resolve });
      this.pump();
    });
  }

  close() {
    for (const slot of this.slots) slot.worker?.kill();
  }

  pump() {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const task = this.queue.shift();
      slot.busy = true;
      const finish = () => { slot.busy = false; this.pump(); };
      if (task.job.inMainContext) this.runOneShot(task).then(finish);
      else this.runOnWorker(slot, task).then(finish);
    }
  }

  async runOnWorker(slot, task) {
    if (!slot.worker || slot.jobsRun >= JOBS_PER_WORKER) {
      slot.worker?.kill();
      slot.worker = await startWorker(this.options.init, {});
      slot.jobsRun = 0;
    }
    slot.jobsRun++;
    const outcome = await runJob(slot.worker, task.job, task.results, this.options.timeoutMs);
    if (outcome.ended) {
      slot.worker = null;
      const at = task.job.pipelines.indexOf(outcome.pipeline);
      // A busy machine can push a slow test over the limit: every pipeline gets one more try in
      // a fresh worker before its timeout counts, so that --check does not fail on the load.
      const retry = !task.retried?.includes(outcome.pipeline);
      const rest = task.job.pipelines.slice(retry ? at : at + 1);
      const nativeFailed = outcome.pipeline === "node" && !retry;
      if (rest.length > 0 && !nativeFailed) {
        const retried = [...(task.retried ?? []), ...(retry ? [outcome.pipeline] : [])];
        this.queue.unshift({ ...task, retried, job: { ...task.job, pipelines: rest } });
        return;
      }
    }
    task.resolve(task.results);
  }

  async runOneShot(task) {
    for (const pipeline of task.job.pipelines) {
      const worker = await startWorker(this.options.init, { UNAWAIT_T262_MAIN_CONTEXT: "1" });
      await runJob(worker, { ...task.job, pipelines: [pipeline] }, task.results, this.options.timeoutMs);
      worker.kill();
      if (pipeline === "node" && !task.results.node.pass) break;
    }
    task.resolve(task.results);
  }
}

function startWorker(init, env) {
  const worker = fork(WORKER, [], {
    execArgv: EXEC_ARGV,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  worker.stderrTail = "";
  worker.stderr.on("data", (chunk) => { worker.stderrTail = (worker.stderrTail + chunk).slice(-400); });
  return new Promise((resolve, reject) => {
    worker.once("message", (message) => (message.type === "ready" ? resolve(worker) : reject(message)));
    worker.once("error", reject);
    worker.send({ type: "init", ...init });
  });
}

/** Resolves with `{ ended: false }` after "done", or `{ ended: true, pipeline }` when the worker
 *  had to be killed or died while running `pipeline`. */
function runJob(worker, job, results, timeoutMs) {
  return new Promise((resolve) => {
    let pipeline = null;
    let timer = null;
    const finish = (outcome) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      resolve(outcome);
    };
    const abandon = (reason) => {
      pipeline ??= job.pipelines[0];
      results[pipeline] = { pass: false, reason };
      worker.kill("SIGKILL");
      finish({ ended: true, pipeline });
    };
    const onMessage = (message) => {
      if (message.id !== job.id) return;
      if (message.type === "start") {
        pipeline = message.pipeline;
        clearTimeout(timer);
        timer = setTimeout(() => abandon(`timed out after ${timeoutMs} ms`), timeoutMs);
      } else if (message.type === "result") {
        results[message.pipeline] = { pass: message.pass, ...(message.reason ? { reason: message.reason } : {}) };
      } else if (message.type === "done") {
        finish({ ended: false });
      }
    };
    const onExit = (code, signal) => abandon(`worker died (${signal ?? code}): ${worker.stderrTail.trim().split("\n").pop() ?? ""}`);
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    // Until the first "start" the worker is loading Babel; bound that too, generously.
    timer = setTimeout(() => abandon("the worker never started the job"), STARTUP_LIMIT_MS);
    worker.send({ type: "job", job });
  });
}
