// `for await` over an async generator: each step is a next() request, a yield (which awaits
// its operand) and the loop's await of the result.
export const label = "for await over async gen ×2e5";
export const size = 2e5;
export const warmup = 2e4;

async function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}

export async function main(n) {
  let sum = 0;
  for await (const v of count(n)) sum += v;
  return sum;
}
