export { run } from "./run.js";
export type { Coroutine } from "./run.js";
export { superGet, superSet, superUpdate } from "./super-access.js";
