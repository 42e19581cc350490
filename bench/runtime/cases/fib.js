// Async recursion: fib(25) is 242785 async calls, each awaited once by its caller.
export const label = "async fib(25)";
export const size = 25;
export const warmup = 15;

async function fib(n) {
  if (n < 2) return n;
  return (await fib(n - 1)) + (await fib(n - 2));
}

export async function main(n) {
  return fib(n);
}
