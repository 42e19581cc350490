// A small program whose log order surprises people: run `pnpm demo` to see it desugared.
function later(value, ms) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

async function brew(name) {
  console.log(`${name}: start`);
  const water = await later("hot water", 5);
  console.log(`${name}: ${water}`);
  return `${name} tea`;
}

console.log("script: before");
setTimeout(() => console.log("timer: 0 ms"), 0);
brew("green").then((cup) => console.log(`done: ${cup}`));
Promise.resolve().then(() => console.log("microtask: first"));
console.log("script: after");
