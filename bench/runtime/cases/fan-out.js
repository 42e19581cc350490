// Promise.all over many concurrent tasks: thousands of coroutines suspended at once.
export const label = "Promise.all 1e4 tasks × 10 awaits";
export const size = 1e4;
export const warmup = 1e3;

async function task(i) {
  let acc = i;
  for (let k = 0; k < 10; k++) acc += await k;
  return acc;
}

export async function main(n) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(task(i));
  const results = await Promise.all(tasks);
  let sum = 0;
  for (const r of results) sum += r;
  return sum;
}
