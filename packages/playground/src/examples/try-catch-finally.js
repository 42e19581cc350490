// try/catch/finally keep working across awaits: a rejection is
// thrown where it is awaited, and finally runs even when catch
// throws again.
const failLater = (message) =>
  new Promise((_, reject) => setTimeout(() => reject(new Error(message)), 5));

async function save() {
  try {
    console.log("try: writing");
    await failLater("disk full");
    console.log("never printed");
  } catch (error) {
    console.log("catch:", error.message);
    throw new Error(`save failed (${error.message})`);
  } finally {
    await null;
    console.log("finally: cleaning up");
  }
}

save().catch((error) => console.log("caller sees:", error.message));
