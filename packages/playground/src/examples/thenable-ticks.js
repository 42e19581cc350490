// Not every await costs the same: a promise or a plain value
// resumes after one microtask, a foreign thenable needs one
// more turn to be adopted.
const thenable = {
  then(resolve) {
    resolve("a thenable");
  },
};

(async () => console.log("awaited", await thenable))().catch(console.error);
(async () => console.log("awaited", await Promise.resolve("a promise")))().catch(console.error);
(async () => console.log("awaited", await "a plain value"))().catch(console.error);
