// unawait fuzz reproducer — seed 239, minimized from 2377 to 123 characters.
// Generated with: pnpm fuzz --seeds 239..239
// options: {"transform":"unawait","runtime":"require","asyncGenerators":false}
// native log:
//   !unhandled undefined
//   !unhandled TypeError
// transformed log:
//   !unhandled undefined
//   !unhandled TypeError
//   !unhandled TypeError

const f1 = async function f1Inner() {
  const v23 = await Promise.reject();
};
Promise.prototype.constructor = "s63";
f1();