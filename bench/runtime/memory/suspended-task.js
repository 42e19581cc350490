// One fan-out task parked on a promise that never settles; the memory child keeps 1e5 of them
// alive and divides the heap growth by their count. A few locals live across the await, as in
// a real task.
export async function task(never, i) {
  const started = i;
  let acc = 0;
  for (let k = 0; k < 3; k++) acc += await k;
  acc += await never;
  return started + acc;
}
