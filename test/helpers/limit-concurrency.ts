/** Wraps async jobs so that at most `slots` of them run at once; the rest wait in call order. */
export function limitConcurrency(slots: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= slots) await new Promise<void>((resume) => waiting.push(resume));
    running += 1;
    try {
      return await job();
    } finally {
      release();
    }
  };
}
