import asyncGenerator from "./async-generator.js?raw";
import awaitOrdering from "./await-ordering.js?raw";
import concurrencyLimit from "./concurrency-limit.js?raw";
import fireAndForget from "./fire-and-forget.js?raw";
import foreachAwait from "./foreach-await.js?raw";
import microtasksVsTimers from "./microtasks-vs-timers.js?raw";
import retries from "./retries.js?raw";
import returnsAPromise from "./returns-a-promise.js?raw";
import sequentialVsParallel from "./sequential-vs-parallel.js?raw";
import thenableTicks from "./thenable-ticks.js?raw";
import timeouts from "./timeouts.js?raw";
import tryCatchFinally from "./try-catch-finally.js?raw";
import whatDiffers from "./what-differs.js?raw";

export interface Example {
  id: string;
  title: string;
  code: string;
}

/** The examples menu, in the order the explanatory article tells the story. */
export const EXAMPLES: readonly Example[] = [
  { id: "returns-a-promise", title: "What an async function returns", code: returnsAPromise },
  { id: "await-ordering", title: "Await ordering", code: awaitOrdering },
  { id: "microtasks-vs-timers", title: "Microtasks vs timers (A C E D B)", code: microtasksVsTimers },
  { id: "thenable-ticks", title: "Awaiting a thenable costs a turn", code: thenableTicks },
  { id: "sequential-vs-parallel", title: "Sequential vs parallel", code: sequentialVsParallel },
  { id: "try-catch-finally", title: "try / catch / finally", code: tryCatchFinally },
  { id: "foreach-await", title: "forEach + await", code: foreachAwait },
  { id: "fire-and-forget", title: "Fire-and-forget", code: fireAndForget },
  { id: "timeouts", title: "Timeouts", code: timeouts },
  { id: "retries", title: "Retries with backoff", code: retries },
  { id: "concurrency-limit", title: "Concurrency limit", code: concurrencyLimit },
  { id: "async-generator", title: "Async generator + for await", code: asyncGenerator },
  { id: "what-differs", title: "What the transform cannot hide", code: whatDiffers },
];

export const DEFAULT_EXAMPLE = EXAMPLES.find((example) => example.id === "microtasks-vs-timers")!;
