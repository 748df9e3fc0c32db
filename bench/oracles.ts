/** Independent checks for the benchmarks: written apart from the app's planner, so they can disagree with it. */

/** Longest increasing subsequence length (patience sorting, tails only). */
export function lisLength(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

/** Σ ⌈run / batch⌉ over the maximal runs of moved issues that are consecutive in the target order (rank calls). */
export function callsNeeded(target: readonly string[], moved: ReadonlySet<string>, batch = 50): number {
  let calls = 0;
  let run = 0;
  for (const key of [...target, undefined]) {
    if (key !== undefined && moved.has(key)) run++;
    else {
      calls += Math.ceil(run / batch);
      run = 0;
    }
  }
  return calls;
}
