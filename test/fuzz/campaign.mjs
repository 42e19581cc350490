// Running a block of seeds through the pool, and minimizing what diverged. Shared by the CLI
// (`pnpm fuzz`) and the CI test.

/** Is this run a divergence of the same kind as `found` (a transform crash stays a transform crash)? */
function sameKind(found, result) {
  if (result.same || result.timedOut || result.crashed || result.invalidProgram) return false;
  return found.transformError ? result.transformError === found.transformError : !result.transformError;
}

/**
 * Runs seeds from..to (inclusive) with a few tasks queued per worker, in any order; calls
 * onResult(seed, result) for each. Resolves with the divergent ones, in seed order.
 */
export async function runSeeds(pool, { from, to }, options, onResult = () => {}) {
  const divergences = [];
  let next = from;
  const lane = async () => {
    while (next <= to) {
      const seed = next++;
      const result = await pool.compareSeed(seed, options);
      onResult(seed, result);
      if (!result.same) divergences.push({ seed, ...result });
    }
  };
  await Promise.all(Array.from({ length: pool.size * 2 }, lane));
  return divergences.sort((a, b) => a.seed - b.seed);
}

/** Shrinks a divergent program while it keeps diverging the same way; returns the final logs too. */
export async function minimizeDivergence(pool, found, options, { maxTests, onProgress } = {}) {
  const { minimize } = await import("./minimize.mjs");
  const stillDiverges = async (code) => sameKind(found, await pool.compareCode(code, options));
  const { code, tests } = await minimize(found.code, stillDiverges, { maxTests, onProgress });
  const final = await pool.compareCode(code, options);
  return { seed: found.seed, options, code, tests, originalLength: found.code.length, native: final.native, transformed: final.transformed };
}

/** The first lines where two logs part, with a little context, for a short report. */
export function firstDifference(native, transformed, context = 2) {
  let i = 0;
  while (i < native.length && i < transformed.length && native[i] === transformed[i]) i++;
  const from = Math.max(0, i - context);
  return {
    line: i + 1,
    native: native.slice(from, i + context + 1),
    transformed: transformed.slice(from, i + context + 1),
  };
}
