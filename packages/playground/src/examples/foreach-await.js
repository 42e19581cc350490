// forEach ignores the promises its callback returns, so nothing
// waits for them. for...of inside an async function awaits each
// item in turn.
const items = ["one", "two", "three"];
const store = (item) =>
  new Promise((resolve) =>
    setTimeout(() => {
      console.log("  stored", item);
      resolve();
    }, 5),
  );

async function withForEach() {
  items.forEach(async (item) => {
    await store(item);
  });
  console.log("forEach is done, but nothing is stored yet");
}

async function withForOf() {
  for (const item of items) await store(item);
  console.log("for...of is done, and everything is stored");
}

withForEach()
  .then(() => setTimeout(() => withForOf().catch(console.error), 50))
  .catch(console.error);
