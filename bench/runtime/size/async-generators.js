// Adds what needs the rest of a runtime: an async generator, yield*, and for await.
async function load(x) {
  const v = await x;
  return v + 1;
}
async function* numbers(n) {
  for (let i = 0; i < n; i++) yield await load(i);
  yield* [n, n + 1];
}
async function main() {
  let sum = 0;
  for await (const v of numbers(3)) sum += v;
  console.log(sum);
}
main();
