// Whatever the body returns or throws, the caller gets a
// promise back — at once.
async function answer() {
  return 42;
}

async function refuse() {
  throw new Error("no thanks");
}

const result = answer();
console.log("is it a promise?", result instanceof Promise);
result.then((value) => console.log("fulfilled with", value)).catch(console.error);
refuse().catch((error) => console.log("rejected with", error.message));
console.log("both calls returned before either settled");
