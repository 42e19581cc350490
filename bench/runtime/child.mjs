// One timed run in a fresh process: load one variant of one case, warm it up on a smaller
// size, then time main(size). Prints one JSON line: { cpu, wall, checksum } or { error }.
// cpu is the process's user+system time over the run: on a shared machine a process that is
// descheduled loses wall-clock time but not CPU time. It includes V8's background threads
// (concurrent GC and compilation), a real cost of the variant too.
// With a repeat count, it then runs main(size) that many times more in the same process and adds
// `steady`, the median CPU time of those repetitions: the cost once the JIT has settled, which a
// single 20–60 ms run after a small warm-up only partly shows.
// Usage: node --expose-gc child.mjs <module file> [repeats]
import { pathToFileURL } from "node:url";
import { median } from "./stats.mjs";

const [file, repeats = "0"] = process.argv.slice(2);
const cpuOf = ({ user, system }) => (user + system) / 1000;
try {
  const mod = await import(pathToFileURL(file).href);
  await mod.main(mod.warmup);
  globalThis.gc?.();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const checksum = await mod.main(mod.size);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = cpuOf(process.cpuUsage(cpuStart));
  const again = [];
  for (let i = 0; i < Number(repeats); i++) {
    const start = process.cpuUsage();
    const sum = await mod.main(mod.size);
    again.push(cpuOf(process.cpuUsage(start)));
    if (sum !== checksum) throw new Error(`repetition ${i + 1} computed ${sum}, the first run ${checksum}`);
  }
  const steady = again.length ? median(again) : undefined;
  console.log(JSON.stringify({ cpu, wall, checksum, steady }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exitCode = 1;
}
