/** Runs `start` beside a ticker that logs `tick n` on each of the first `ticks` microtask
 *  turns, and returns the combined log once everything (including timers) has settled. Two
 *  scenarios that log the same lines in the same order ran tick for tick alike. */
export async function trace(start: (log: (...parts: unknown[]) => void) => void, ticks = 10): Promise<string[]> {
  const lines: string[] = [];
  const log = (...parts: unknown[]) => void lines.push(parts.map(String).join(" "));
  let chain = Promise.resolve();
  for (let i = 1; i <= ticks; i++) chain = chain.then(() => log("tick", i));
  start(log);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return lines;
}
