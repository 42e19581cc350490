// A promise cannot be cancelled, but you can stop waiting for
// it: race it against a timer, and clear the timer whichever
// way the race ends.
function withTimeout(promise, ms) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

const respond = (ms, value) =>
  new Promise((resolve) => setTimeout(resolve, ms, value));

async function main() {
  console.log(await withTimeout(respond(10, "answered in time"), 100));
  try {
    await withTimeout(respond(150, "too late"), 30);
  } catch (error) {
    console.log(error.message);
  }
}

main().catch(console.error);
