// Run many jobs, but never more than two at the same time.
function limit(concurrency) {
  let running = 0;
  const queue = [];
  const startNext = () => {
    if (running >= concurrency || queue.length === 0) return;
    running++;
    const { job, resolve, reject } = queue.shift();
    job()
      .then(resolve, reject)
      .finally(() => {
        running--;
        startNext();
      });
  };
  return (job) =>
    new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      startNext();
    });
}

async function download(name, ms) {
  console.log(`start ${name}`);
  await new Promise((resolve) => setTimeout(resolve, ms));
  console.log(`done  ${name}`);
  return name;
}

const twoAtATime = limit(2);
const jobs = [["a", 150], ["b", 10], ["c", 10], ["d", 10]];
Promise.all(jobs.map(([name, ms]) => twoAtATime(() => download(name, ms))))
  .then((names) => console.log("all done:", names.join(", ")))
  .catch(console.error);
