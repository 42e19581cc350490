// unawait fuzz reproducer — seed 4287, minimized from 2665 to 125 characters.
// Generated with: pnpm fuzz --seeds 4287..4287
// options: {"transform":"unawait","runtime":"require","asyncGenerators":false}
// native log:
//   "f16:25" {}
// transformed log:
//   !unhandled TypeError

const f16 = async function f16Inner() {
  {
    log("f16:25", await {});
  }
};
Promise.prototype.constructor = false;
f16();