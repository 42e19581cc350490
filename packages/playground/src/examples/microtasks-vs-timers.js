// First the synchronous code, then all microtasks, and only
// then the next task.
// Expected: A, C, E (synchronous), D (microtask 1), B (task 1).
console.log("A");

setTimeout(() => console.log("B: a timer, so a new task"), 0);

(async () => {
  console.log("C");
  await null;
  console.log("D: resumed one microtask later");
})().catch(console.error);

console.log("E");
