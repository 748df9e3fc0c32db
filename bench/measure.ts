/** Timing helpers for benchmarks: best of `runs` wall-clock measurements, in milliseconds. */
export function timeBest<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < Math.max(1, runs); i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < best) best = ms;
  }
  return { ms: best, result: result as T };
}

/** Peak heap growth (MiB) while `fn` runs, sampled around the call after a GC when `--expose-gc` is on. */
export function heapGrowthMiB(fn: () => void): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  fn();
  const after = process.memoryUsage().heapUsed;
  return Math.max(0, after - before) / (1024 * 1024);
}
