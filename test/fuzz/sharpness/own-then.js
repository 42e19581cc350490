// A native promise with its own `then`: native `await` never calls it (PromiseResolve returns the
// promise itself and PerformPromiseThen uses the intrinsic), a transform that calls `.then` does.
const promise = Promise.resolve(1);
promise.then = function (onFulfilled, onRejected) {
  log("own then called");
  return Promise.prototype.then.call(this, onFulfilled, onRejected);
};
async function f() {
  log("awaited", await promise);
}
f();
