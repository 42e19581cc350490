export { run } from "./run.js";
export type { Coroutine } from "./run.js";
export { superCall, superGet, superSet, superUpdate } from "./super-access.js";
export { asyncGen, asyncGeneratorFunction, emit } from "./async-generator.js";
export { delegate } from "./delegate.js";
export { asyncIterator, asyncIteratorClose, iteratorResult } from "./async-iterator.js";
export type { IteratorRecord } from "./async-iterator.js";
