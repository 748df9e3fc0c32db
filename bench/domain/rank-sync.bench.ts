/**
 * Rank sync planning: time and plan size of `planRankSync` beside a naive O(n²) planner measured in the same run,
 * on a backlog where 2 % of the issues were dragged to random places (fixed seed, so every run plans the same orders).
 */
import type { RankMove } from '../../src/contract/model';
import { callsNeeded, lisLength } from '../oracles';
import { applyBatches, MAX_RANK_BATCH, planRankSync } from '../../src/domain/rank-sync';
import { timeBest } from '../measure';
import type { BenchRow, BenchSuite } from '../types';
import { seededRandom } from '../../dev/demo/random';

const SUITE = 'domain';
const DISPLACED_SHARE = 0.02;
const SEED = 0x5eed;
const RUNS = 5;
const TARGET_MS = 200;

/** Target `PRJ-1 … PRJ-n`; Jira's order is the target with `share` of the issues moved to random positions. */
function displacedOrders(n: number, share: number, seed: number): { current: string[]; target: string[] } {
  const random = seededRandom(seed);
  const target = Array.from({ length: n }, (_, i) => `PRJ-${i + 1}`);
  const shuffled = [...target];
  const displacedCount = Math.round(n * share);
  // Partial Fisher–Yates: the first `displacedCount` entries become a uniform random sample.
  for (let i = 0; i < displacedCount; i++) {
    const j = i + Math.floor(random() * (n - i));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const displaced = shuffled.slice(0, displacedCount);
  const moving = new Set(displaced);
  const current = target.filter((key) => !moving.has(key));
  for (const key of displaced) current.splice(Math.floor(random() * (current.length + 1)), 0, key);
  return { current, target };
}

/**
 * The baseline: walk the target order and, wherever the wrong issue sits, scan Jira's order for the right one and
 * rank it there — one single-issue call per move. It moves every issue found out of place (a block pushed down by
 * an issue dragged up is moved issue by issue) and costs O(n²) time from the scans and list shifts.
 */
function naivePlan(current: readonly string[], target: readonly string[]): RankMove[] {
  const order = [...current];
  const moves: RankMove[] = [];
  target.forEach((key, i) => {
    if (order[i] === key) return;
    order.splice(order.indexOf(key, i + 1), 1);
    moves.push({ key, before: order[i]! });
    order.splice(i, 0, key);
  });
  return moves;
}

export const rankSyncBench: BenchSuite = async (opts) => {
  const n = opts.quick ? 2_000 : 20_000;
  const size = `${n.toLocaleString('en-US')} issues`;
  const { current, target } = displacedOrders(n, DISPLACED_SHARE, SEED);

  const planned = timeBest(RUNS, () => planRankSync(current, target));
  const naive = timeBest(RUNS, () => naivePlan(current, target));
  const plan = planned.result;
  const position = new Map(target.map((key, i) => [key, i]));
  const fewestMoves = n - lisLength(current.map((key) => position.get(key)!));
  const expectedCalls = callsOf(target, plan.moves);
  const reachesTarget = applyBatches(current, plan.batches).every((key, i) => key === target[i]);
  const naiveCalls = naive.result.length;

  const rows: BenchRow[] = [
    {
      suite: SUITE,
      name: `plan rank sync ${size} (2 % displaced)`,
      value: planned.ms,
      unit: 'ms',
      baseline: naive.ms,
      ratio: planned.ms / naive.ms,
      ...(opts.quick ? {} : { target: `< ${TARGET_MS} ms`, met: planned.ms < TARGET_MS }),
      notes: `best of ${RUNS}; baseline = naive O(n²) scan-and-move planner${opts.quick ? '; target is for 20,000' : ''}`,
    },
    {
      suite: SUITE,
      name: `rank sync moves ${size}`,
      value: plan.moves.length,
      unit: 'issues',
      baseline: naive.result.length,
      ratio: plan.moves.length / naive.result.length,
      target: `= n − LIS (${fewestMoves})`,
      met: plan.moves.length === fewestMoves,
      notes: `applying the calls gives the target order: ${reachesTarget ? 'yes' : 'NO'}`,
    },
    {
      suite: SUITE,
      name: `rank sync calls ${size}`,
      value: plan.batches.length,
      unit: 'calls',
      baseline: naiveCalls,
      ratio: plan.batches.length / naiveCalls,
      target: `= Σ⌈run/${MAX_RANK_BATCH}⌉ (${expectedCalls})`,
      met: plan.batches.length === expectedCalls,
      notes: 'naive = one rank call per issue it moves',
    },
  ];
  return rows;
};

function callsOf(target: readonly string[], moves: readonly RankMove[]): number {
  return callsNeeded(target, new Set(moves.map((m) => m.key)), MAX_RANK_BATCH);
}
