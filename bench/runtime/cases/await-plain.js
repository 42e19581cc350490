// `await` on a plain value: the cheapest await there is (one microtask turn natively).
export const label = "await plain value ×1e6";
export const size = 1e6;
export const warmup = 1e5;

export async function main(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  return sum;
}
