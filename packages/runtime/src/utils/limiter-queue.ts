import { abortReason, onAbort } from "./abort.js";
import { LinkedQueue, type QueueNode } from "./linked-queue.js";

interface Call extends QueueNode {
  task: () => unknown;
  resolve: (value: any) => void;
  reject: (reason: unknown) => void;
  promise: Promise<unknown>;
  stopListening?: () => void;
}

/**
 * The engine behind `createLimiter` and `limit`: `active` running tasks, and a FIFO of calls
 * waiting for a slot. Invariant: the queue is non-empty only while every slot is taken, so a call
 * that finds a free slot never overtakes a queued one.
 */
export class LimiterQueue {
  active = 0;
  readonly queue = new LinkedQueue<Call>();
  private stopWatching: (() => void) | undefined;

  constructor(
    readonly concurrency: number,
    readonly signal: AbortSignal | undefined,
  ) {}

  /** Callers check both signals for "already aborted" first. */
  call<T>(task: () => unknown, signal: AbortSignal | undefined): Promise<T> {
    const call = newCall(task);
    if (this.active < this.concurrency) {
      this.execute(call);
      return call.promise as Promise<T>;
    }
    this.queue.push(call);
    this.watchLimiterSignal();
    if (signal) {
      call.stopListening = onAbort(signal, () => {
        this.dequeue(call);
        cancel(call, abortReason(signal));
      });
    }
    return call.promise as Promise<T>;
  }

  clear(reason: unknown): number {
    const calls = this.queue.drain();
    this.unwatchIfIdle();
    for (const call of calls) cancel(call, reason);
    return calls.length;
  }

  private execute(call: Call): void {
    this.active++;
    let work: Promise<unknown>;
    try {
      work = Promise.resolve(call.task());
    } catch (error) {
      work = Promise.reject(error);
    }
    // The slot is freed a microtask later even after a synchronous throw, so a run of failing
    // queued tasks drains iteratively, never recursively.
    work.then(
      (value) => {
        this.release();
        call.resolve(value);
      },
      (error: unknown) => {
        this.release();
        call.reject(error);
      },
    );
  }

  private release(): void {
    this.active--;
    const next = this.queue.shift();
    if (!next) return;
    this.unwatchIfIdle();
    next.stopListening?.();
    this.execute(next);
  }

  private dequeue(call: Call): void {
    this.queue.remove(call);
    this.unwatchIfIdle();
  }

  // The limiter's signal is listened to only while something is queued, so a long-lived signal
  // does not hold on to idle limiters.
  private watchLimiterSignal(): void {
    const signal = this.signal;
    if (signal && !this.stopWatching) this.stopWatching = onAbort(signal, () => this.clear(abortReason(signal)));
  }

  private unwatchIfIdle(): void {
    if (this.queue.size === 0 && this.stopWatching) {
      this.stopWatching();
      this.stopWatching = undefined;
    }
  }
}

function newCall(task: () => unknown): Call {
  let resolve!: Call["resolve"];
  let reject!: Call["reject"];
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { task, resolve, reject, promise };
}

/** Rejects a queued call, marked handled: a caller that dropped the promise gets no unhandled rejection. */
function cancel(call: Pick<Call, "promise" | "reject" | "stopListening">, reason: unknown): void {
  call.stopListening?.();
  call.promise.then(undefined, ignore);
  call.reject(reason);
}

function ignore(): void {}
