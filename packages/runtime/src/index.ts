export { run } from "./run.js";
export type { Coroutine } from "./run.js";
