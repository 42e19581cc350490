// What a lowered async generator body tells its driver (`asyncGen`) each time it yields.
//
// The body is a sync generator, so every suspension is a `yield`. The driver tells them apart:
//   yield x               a plain value: Await(x), resume with the result     (`await x`)
//   yield emit(x)         the emit box: Await(x), then AsyncGeneratorYield     (`yield x`)
//   yield* delegate(x)    the delegate's own IteratorResult, `delegateStep`,   (`yield* x`)
//                         which passes through the sync `yield*` unchanged and carries a kind
//
// Both boxes are single reused objects: the driver reads and clears them synchronously, before
// any other code can run, so a yield allocates nothing beyond what the engine does.

/** Await the operand, then resume the body with the result (a throw if it rejects). */
export const RESUME_NEXT = 0;
/** Await the operand, then resume the body with a return completion of the result. */
export const RESUME_RETURN = 1;
/** Await the operand, then AsyncGeneratorYield the result. */
export const YIELD_AWAITED = 2;
/** AsyncGeneratorYield the operand as it is (yield* hands on IteratorValue without an Await). */
export const YIELD_NOW = 3;

export type StepKind = typeof RESUME_NEXT | typeof RESUME_RETURN | typeof YIELD_AWAITED | typeof YIELD_NOW;

/** The box `emit(v)` returns. */
export const emitBox: { value: unknown } = { value: undefined };

/** The IteratorResult a delegate returns through the sync `yield*`; `done` is always false. */
export const delegateStep: { readonly done: false; value: unknown; kind: StepKind } = {
  done: false,
  value: undefined,
  kind: RESUME_NEXT,
};

/** The spec's `yield v` in a lowered body is `yield emit(v)`. */
export function emit(value: unknown): unknown {
  emitBox.value = value;
  return emitBox;
}

/** Fills `delegateStep` and returns it. */
export function delegateTo(kind: StepKind, value: unknown): IteratorResult<unknown> {
  delegateStep.kind = kind;
  delegateStep.value = value;
  return delegateStep;
}
