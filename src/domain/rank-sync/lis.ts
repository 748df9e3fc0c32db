/**
 * One longest strictly increasing subsequence of `values`, by patience sorting with predecessor links:
 * O(n log n) time, O(n) memory.
 *
 * Rank sync reads each issue's target position (0-based) in Jira's current order; the issues of this
 * subsequence are already in the right relative order, so they stay put and only the other n − length move —
 * the fewest moves any plan can make.
 *
 * When several subsequences are longest, the one returned depends only on `values`: it ends on the smallest
 * value that ends any longest one, and each earlier element is the most recent top of the pile before it.
 * Equal values never both belong to the result.
 *
 * @param values finite numbers (rank sync passes distinct integers 0…n−1).
 * @returns ascending indices into `values`; empty when `values` is empty.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  const n = values.length;
  // pileTop[k]: index of the smallest value seen so far that ends an increasing subsequence of length k + 1.
  const pileTop = new Int32Array(n);
  // predecessor[i]: index of the element before values[i] in the subsequence ending at i, or −1 at its start.
  const predecessor = new Int32Array(n);
  let piles = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    let lo = 0;
    let hi = piles;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[pileTop[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    predecessor[i] = lo > 0 ? pileTop[lo - 1]! : -1;
    pileTop[lo] = i;
    if (lo === piles) piles++;
  }
  const indices = new Array<number>(piles);
  let at = piles > 0 ? pileTop[piles - 1]! : -1;
  for (let k = piles - 1; k >= 0; k--) {
    indices[k] = at;
    at = predecessor[at]!;
  }
  return indices;
}
