import fc from 'fast-check';
import type { RankBatch } from '../../../src/contract/model';
import { applyBatches, MAX_RANK_BATCH, planRankSync } from '../../../src/domain/rank-sync';
import { longestIncreasingSubsequence } from '../../../src/domain/rank-sync/lis';

const RUNS = { numRuns: 500 };
const MAX_ISSUES = 300;

interface Orders {
  current: string[];
  target: string[];
}

function keys(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `PRJ-${i + 1}`);
}

function permutationOf(items: string[]): fc.Arbitrary<string[]> {
  return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
}

/** Length of a longest strictly increasing subsequence by the O(n²) textbook DP, as an independent oracle. */
function lisLengthByDp(values: readonly number[]): number {
  const endingAt: number[] = [];
  let best = 0;
  values.forEach((value, i) => {
    let length = 1;
    for (let j = 0; j < i; j++) {
      if (values[j]! < value) length = Math.max(length, endingAt[j]! + 1);
    }
    endingAt.push(length);
    best = Math.max(best, length);
  });
  return best;
}

/** Lengths of the maximal runs of moved issues that are consecutive in the target order. */
function movedRuns(target: readonly string[], moved: ReadonlySet<string>): number[] {
  const runs: number[] = [];
  let length = 0;
  for (const key of target) {
    if (moved.has(key)) length++;
    else if (length > 0) {
      runs.push(length);
      length = 0;
    }
  }
  if (length > 0) runs.push(length);
  return runs;
}

function anchorOf(batch: RankBatch): string | undefined {
  return batch.rankBeforeIssue ?? batch.rankAfterIssue;
}

/** Two unrelated orders of the same issues: few kept, many short runs. */
const shuffled: fc.Arbitrary<Orders> = fc
  .integer({ min: 0, max: MAX_ISSUES })
  .chain((n) => fc.record({ current: permutationOf(keys(n)), target: permutationOf(keys(n)) }));

/** The target with a handful of issues dragged elsewhere, as after a few edits in Jira. */
const nearlyInOrder: fc.Arbitrary<Orders> = fc
  .integer({ min: 1, max: MAX_ISSUES })
  .chain((n) =>
    fc.record({
      target: permutationOf(keys(n)),
      drags: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 12 }),
    }),
  )
  .map(({ target, drags }) => {
    const current = [...target];
    for (const [from, to] of drags) current.splice(to, 0, ...current.splice(from, 1));
    return { current, target };
  });

/** A block of 51+ issues dragged elsewhere or reversed in place: long runs that need several calls. */
const longRuns: fc.Arbitrary<Orders> = fc
  .integer({ min: 60, max: MAX_ISSUES })
  .chain((n) =>
    fc.record({
      target: permutationOf(keys(n)),
      length: fc.integer({ min: 51, max: n - 1 }),
      start: fc.nat({ max: n }),
      at: fc.nat({ max: n }),
      reverse: fc.boolean(),
    }),
  )
  .map(({ target, length, start, at, reverse }) => {
    const from = Math.min(start, target.length - length);
    const block = target.slice(from, from + length);
    if (reverse) block.reverse();
    const rest = [...target.slice(0, from), ...target.slice(from + length)];
    const to = Math.min(at, rest.length);
    return { current: [...rest.slice(0, to), ...block, ...rest.slice(to)], target };
  });

const orders = fc.oneof(shuffled, nearlyInOrder, longRuns);

describe('planRankSync properties', () => {
  it('running the plan’s calls on Jira’s order gives exactly the target order', () => {
    fc.assert(
      fc.property(orders, ({ current, target }) => {
        expect(applyBatches(current, planRankSync(current, target).batches)).toEqual(target);
      }),
      RUNS,
    );
  });

  it('moves exactly n − LIS issues and keeps the rest', () => {
    fc.assert(
      fc.property(orders, ({ current, target }) => {
        const position = new Map(target.map((key, i) => [key, i]));
        const lis = lisLengthByDp(current.map((key) => position.get(key)!));

        const plan = planRankSync(current, target);

        expect(plan.total).toBe(target.length);
        expect(plan.unchanged).toBe(lis);
        expect(plan.moves).toHaveLength(target.length - lis);
      }),
      RUNS,
    );
  });

  it('needs Σ ⌈run / 50⌉ calls over the runs of moved issues, none over 50 issues', () => {
    fc.assert(
      fc.property(orders, ({ current, target }) => {
        const plan = planRankSync(current, target);
        const runs = movedRuns(target, new Set(plan.moves.map((m) => m.key)));

        expect(plan.batches).toHaveLength(runs.reduce((sum, run) => sum + Math.ceil(run / MAX_RANK_BATCH), 0));
        for (const batch of plan.batches) {
          expect(batch.issues.length).toBeGreaterThan(0);
          expect(batch.issues.length).toBeLessThanOrEqual(MAX_RANK_BATCH);
        }
      }),
      RUNS,
    );
  });

  it('moves each issue once, anchored on an issue already in its final place', () => {
    fc.assert(
      fc.property(orders, ({ current, target }) => {
        const plan = planRankSync(current, target);
        const batched = plan.batches.flatMap((b) => b.issues);
        const anchorOfCall = new Map(plan.batches.flatMap((b) => b.issues.map((key) => [key, anchorOf(b)])));
        const stillToMove = new Set(batched);

        expect(new Set(batched).size).toBe(batched.length);
        expect(plan.moves.map((m) => m.key).sort()).toEqual([...batched].sort());
        for (const move of plan.moves) expect(move.before ?? move.after).toBe(anchorOfCall.get(move.key));
        for (const batch of plan.batches) {
          expect(stillToMove.has(anchorOf(batch)!)).toBe(false);
          for (const key of batch.issues) stillToMove.delete(key);
        }
      }),
      RUNS,
    );
  });

  it('gives the same plan for the same orders', () => {
    fc.assert(
      fc.property(orders, ({ current, target }) => {
        expect(planRankSync([...current], [...target])).toEqual(planRankSync(current, target));
      }),
      RUNS,
    );
  });
});

describe('longestIncreasingSubsequence properties', () => {
  it('returns ascending indices of strictly increasing values, as long as the O(n²) DP finds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: MAX_ISSUES }), (values) => {
        const indices = longestIncreasingSubsequence(values);

        expect(indices).toHaveLength(lisLengthByDp(values));
        for (let k = 1; k < indices.length; k++) {
          expect(indices[k]!).toBeGreaterThan(indices[k - 1]!);
          expect(values[indices[k]!]!).toBeGreaterThan(values[indices[k - 1]!]!);
        }
      }),
      RUNS,
    );
  });
});
