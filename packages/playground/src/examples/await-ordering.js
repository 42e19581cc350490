// `await` pauses this function only. The caller carries on; the
// rest of the function comes back in a microtask, after the
// current script has finished.
async function greet() {
  console.log("greet: before the await");
  const word = await "hello";
  console.log("greet: resumed with", word);
}

console.log("script: start");
greet().catch(console.error);
console.log("script: end");
