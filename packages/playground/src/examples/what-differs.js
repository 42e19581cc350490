// The order of everything is the same in both forms; the
// function objects are not. Code that inspects them can tell:
// the runs below differ on purpose.
async function loadUser() {
  return "Ada";
}

console.log("kind:", loadUser.constructor.name);
console.log("source starts with async:", String(loadUser).startsWith("async"));
loadUser()
  .then((name) => console.log("loaded", name))
  .catch(console.error);
