// `await` on an already-resolved native promise: PromiseResolve returns it as is, one turn.
export const label = "await resolved promise ×1e6";
export const size = 1e6;
export const warmup = 1e5;

export async function main(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await Promise.resolve(i);
  return sum;
}
