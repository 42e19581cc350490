// Rejected awaits caught by try/catch: the throw path of every resume.
export const label = "rejected await in try/catch ×1e5";
export const size = 1e5;
export const warmup = 1e4;

export async function main(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    try {
      await Promise.reject(i);
    } catch (reason) {
      sum += reason;
    }
  }
  return sum;
}
