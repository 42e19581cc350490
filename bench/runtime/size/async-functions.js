// The smallest program that needs the async-function part of a runtime: two async functions,
// one awaiting the other, a try/catch around a rejected await.
async function load(x) {
  const v = await x;
  return v + 1;
}
async function main() {
  try {
    await Promise.reject(new Error("boom"));
  } catch (error) {
    console.log(error.message);
    console.log(await load(41));
  }
}
main();
