/**
 * Where a log line ran on the event loop.
 *
 * `task` 0 is the script itself; task n ≥ 1 is the n-th timer callback that ran.
 * `microtask` 0 is the synchronous part of that task; k ≥ 1 is the k-th turn of the microtask
 * checkpoint that follows it (a job queued by a job of turn k-1). "late" is a turn past the
 * counter's reach (see QUIET_TURNS in clock.ts); "end" is after the checkpoint drained, where
 * unhandled rejections are reported.
 */
export interface Step {
  task: number;
  microtask: number | "late" | "end";
}

export type StepKind = "sync" | "microtask" | "task" | "end";

export function stepKind(step: Step): StepKind {
  if (step.microtask === "end") return "end";
  if (step.microtask !== 0) return "microtask";
  return step.task === 0 ? "sync" : "task";
}

/** "synchronous", "microtask 1", "task 2", "task 2 · microtask 1", "after microtasks". */
export function stepLabel(step: Step): string {
  const after =
    step.microtask === "end" ? "after microtasks"
    : step.microtask === "late" ? "microtask (uncounted)"
    : `microtask ${step.microtask}`;
  if (step.task === 0) return step.microtask === 0 ? "synchronous" : after;
  return step.microtask === 0 ? `task ${step.task}` : `task ${step.task} · ${after}`;
}

export function sameStep(a: Step, b: Step): boolean {
  return a.task === b.task && a.microtask === b.microtask;
}
