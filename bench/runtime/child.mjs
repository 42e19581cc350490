// One timed run in a fresh process: load one variant of one case, warm it up on a smaller
// size, then time main(size). Prints one JSON line: { cpu, wall, checksum } or { error }.
// cpu is the process's user+system time over the run: on a shared machine a process that is
// descheduled loses wall-clock time but not CPU time. It includes V8's background threads
// (concurrent GC and compilation), a real cost of the variant too.
// Usage: node --expose-gc child.mjs <module file>
import { pathToFileURL } from "node:url";

const [file] = process.argv.slice(2);
try {
  const mod = await import(pathToFileURL(file).href);
  await mod.main(mod.warmup);
  globalThis.gc?.();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const checksum = await mod.main(mod.size);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const { user, system } = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ cpu: (user + system) / 1000, wall, checksum }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error) }));
  process.exitCode = 1;
}
