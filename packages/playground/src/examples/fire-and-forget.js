// A promise nobody awaits or catches fails silently in the
// code, and loudly as an unhandled rejection. Attach a catch
// when you do not wait.
async function sendMetrics(name) {
  await null;
  throw new Error(`metrics server is down (${name})`);
}

async function onClick() {
  sendMetrics("forgotten");
  sendMetrics("handled").catch((error) => console.log("logged:", error.message));
  console.log("click handled");
}

onClick().catch(console.error);
