import type { Step } from "./steps.js";

/**
 * Counts tasks and microtask turns from inside the sandbox, without changing their order.
 *
 * Tasks: every timer callback is wrapped (see timers.ts) and calls `enterTask(n)` first, so a
 * line printed by the callback itself is "task n".
 *
 * Microtask turns: the engine keeps no counter we can read, and a native `await` queues its
 * job without calling any function we could patch. So the clock queues its own job, the
 * ticker, at the start of every task — before any user code can queue one. Each time the
 * ticker runs it adds one to the turn count and queues itself again, at the back of the queue.
 * The queue is first-in first-out, so by induction the jobs between ticker k and ticker k+1
 * are exactly the jobs queued by jobs of turn k-1 (the ones between tickers k-1 and k):
 *
 *   script:  console.log("C"); await null; …     queue: [ticker, resume-after-await]
 *   ticker runs → turn 1, requeues itself         queue: [resume-after-await, ticker]
 *   resume runs, logs "D"                         → "microtask 1"
 *
 * With the article's example this gives A, C, E synchronous, D microtask 1, B task 1.
 * The ticker's jobs only sit between user jobs; they never reorder them.
 *
 * The ticker cannot see whether user jobs are still queued (native awaits are invisible), so
 * it stops after QUIET_TURNS turns in which nothing was logged — otherwise it would keep the
 * checkpoint alive forever and no timer would ever fire. Lines printed after that, still in
 * the same checkpoint, are "late". A thousand empty turns cost well under a millisecond.
 */
export const QUIET_TURNS = 1000;

export class EventLoopClock {
  private task = 0;
  private turn = 0;
  private lastActiveTurn = 0;
  private ticking = false;

  constructor(private readonly queueMicrotask: (job: () => void) => void) {}

  /** Call first thing in the synchronous part of task n (0 for the script). */
  enterTask(n: number): void {
    this.task = n;
    this.turn = 0;
    this.lastActiveTurn = 0;
    if (!this.ticking) {
      this.ticking = true;
      this.queueMicrotask(this.tick);
    }
  }

  private readonly tick = (): void => {
    this.turn++;
    if (this.turn - this.lastActiveTurn < QUIET_TURNS) this.queueMicrotask(this.tick);
    else this.ticking = false;
  };

  /** The step of code running now; also marks this turn as active so the ticker keeps going. */
  now(): Step {
    this.lastActiveTurn = this.turn;
    return { task: this.task, microtask: this.ticking || this.turn === 0 ? this.turn : "late" };
  }

  /** The step for reports that arrive once the checkpoint has drained (unhandled rejections). */
  afterCheckpoint(): Step {
    return { task: this.task, microtask: "end" };
  }
}
