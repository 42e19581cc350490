// Retry a flaky call, waiting twice as long after each failure.
let calls = 0;
async function flakyRequest() {
  calls++;
  console.log(`request #${calls}`);
  if (calls < 3) throw new Error(`request #${calls} failed`);
  return "the data";
}

async function retry(task, { attempts = 4, firstDelay = 10 } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt === attempts) throw error;
      const delay = firstDelay * 2 ** (attempt - 1);
      console.log(`  ${error.message}; next try in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

retry(flakyRequest)
  .then((value) => console.log("got", value))
  .catch(console.error);
