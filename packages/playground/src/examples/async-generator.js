// An async generator produces values over time; for await...of
// consumes them, waiting for each one.
async function* countdown(from) {
  for (let n = from; n > 0; n--) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield n;
  }
}

async function launch() {
  for await (const n of countdown(3)) console.log("T minus", n);
  console.log("liftoff");
}

launch().catch(console.error);
