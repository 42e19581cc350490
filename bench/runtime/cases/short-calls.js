// Many short async calls in sequence: per-call cost (promise, coroutine, resolving functions)
// dominates, with one await inside each call.
export const label = "short async calls ×2e5";
export const size = 2e5;
export const warmup = 2e4;

async function next(x) {
  const v = await x;
  return v + 1;
}

export async function main(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) acc = await next(acc);
  return acc;
}
