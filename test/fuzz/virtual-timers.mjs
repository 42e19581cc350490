// A virtual clock for the program's setTimeout. Real timers race against wall-clock time: a
// transformed program that runs a little slower could legitimately see a 2 ms timer overtake a
// 1 ms timer started later, and the fuzzer would report noise. Here time advances only from one
// due timer to the next, so the order of timer callbacks is a pure function of the program, the
// same in both runs, while each callback still runs as its own macrotask (see realm.mjs).

export class VirtualTimers {
  constructor() {
    this.now = 0;
    this.sequence = 0;
    /** @type {Map<number, { due: number, seq: number, callback: Function, args: unknown[] }>} */
    this.pending = new Map();
  }

  /** Node's setTimeout coerces the delay the same way: anything below 1 ms (or not a number) is 1 ms. */
  add(callback, ms, args) {
    if (typeof callback !== "function") throw new TypeError("The \"callback\" argument must be of type function");
    let delay = Number(ms);
    if (!(delay >= 1 && delay <= 2 ** 31 - 1)) delay = 1;
    const id = ++this.sequence;
    this.pending.set(id, { due: this.now + Math.trunc(delay), seq: id, callback, args });
    return id;
  }

  clear(id) {
    this.pending.delete(id);
  }

  /** Removes and returns the earliest timer (ties in creation order), advancing the clock to it. */
  takeNext() {
    let next;
    for (const timer of this.pending.values()) {
      if (!next || timer.due < next.due || (timer.due === next.due && timer.seq < next.seq)) next = timer;
    }
    if (!next) return undefined;
    this.pending.delete(next.seq);
    this.now = next.due;
    return next;
  }
}
