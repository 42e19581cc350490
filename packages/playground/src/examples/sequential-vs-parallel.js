// Awaiting one call before starting the next makes them queue
// up. Start both, then await them together: the short one
// finishes first.
const job = (label, ms) =>
  new Promise((resolve) =>
    setTimeout(() => {
      console.log(`  ${label} finished`);
      resolve(label);
    }, ms),
  );

async function oneAfterTheOther() {
  console.log("sequential: start");
  const results = [];
  for (const [label, ms] of [["slow", 40], ["quick", 10]]) {
    results.push(await job(label, ms)); // the next starts only now
  }
  console.log("sequential got", ...results);
}

async function bothAtOnce() {
  console.log("parallel: start");
  const [slow, quick] = await Promise.all([job("slow", 40), job("quick", 10)]);
  console.log("parallel got", slow, quick);
}

oneAfterTheOther().then(bothAtOnce).catch(console.error);
