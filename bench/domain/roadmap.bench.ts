/**
 * Roadmap planning: time of `planRoadmap` on a large backlog beside a naive O(n²) planner measured in the same run.
 * The backlog (blocks links, tech debt, pins, due dates) comes from a fixed seed, so every run plans the same input.
 */
import { addDays, addQuarters, format } from 'date-fns';
import { planRoadmap, proRatedCapacity, quarterHorizon, quarterLabel, type RoadmapCandidate, type RoadmapInput } from '../../src/domain/roadmap';
import { timeBest } from '../measure';
import type { BenchRow, BenchSuite } from '../types';
import { seededRandom } from '../../dev/demo/random';

const SUITE = 'domain';
const SEED = 0x2a0adab;
const RUNS = 5;
const TARGET_MS = 1000;
const QUARTERS = 8;
const DEBT_SHARE = 0.2;
const POINTS = [1, 2, 3, 5, 8, 13, 21];

/**
 * `n` candidates in rank order: 20 % tech debt, ~13 % blocked by one or two random issues (cycles happen), 2 % pinned
 * (a few outside the horizon), 10 % with a due date. Capacity is set so that about two thirds of the points fit.
 */
function backlog(n: number, seed: number): RoadmapInput {
  const random = seededRandom(seed);
  const now = new Date(2026, 10, 25);
  const pick = (k: number): number => Math.floor(random() * k);
  const items: RoadmapCandidate[] = [];
  let totalPoints = 0;
  for (let i = 1; i <= n; i++) {
    const points = POINTS[pick(POINTS.length)] ?? 1;
    totalPoints += points;
    const blockers = random() < 0.13 ? 1 + pick(2) : 0;
    const item: RoadmapCandidate = {
      key: `PRJ-${i}`,
      rank: i,
      points,
      kind: random() < 0.2 ? 'debt' : 'feature',
      blockedBy: Array.from({ length: blockers }, () => `PRJ-${1 + pick(n + 50)}`),
    };
    if (random() < 0.02) item.pinQuarter = quarterLabel(addQuarters(now, pick(QUARTERS + 2) - 1));
    if (random() < 0.1) item.dueDate = format(addDays(now, pick(900)), 'yyyy-MM-dd');
    items.push(item);
  }
  const capacityPerQuarter = Math.round((totalPoints * 2) / 3 / QUARTERS);
  return { now, quarters: QUARTERS, capacityPerQuarter, debtShare: DEBT_SHARE, items };
}

/**
 * The baseline: the same rank-order greedy without indexes. For every item it rescans all items placed so far to
 * total each quarter's points and to find its blockers' quarters, so it costs O(n²). It does not pull blockers
 * forward, break cycles or explain anything, so it does strictly less work than the planner per item.
 */
function naivePlan(input: RoadmapInput): { key: string; quarter: number }[] {
  const share = input.debtShare ?? DEBT_SHARE;
  const capacity = quarterHorizon(input.now, input.quarters).map((slot) => proRatedCapacity(input.capacityPerQuarter, slot));
  const placed: { key: string; quarter: number; points: number; debt: boolean }[] = [];
  for (const item of input.items) {
    const feature = new Array<number>(input.quarters).fill(0);
    const debt = new Array<number>(input.quarters).fill(0);
    for (const p of placed) {
      if (p.quarter >= input.quarters) continue;
      if (p.debt) debt[p.quarter] = (debt[p.quarter] ?? 0) + p.points;
      else feature[p.quarter] = (feature[p.quarter] ?? 0) + p.points;
    }
    let earliest = 0;
    for (const key of item.blockedBy) {
      const blocker = placed.find((p) => p.key === key);
      if (blocker) earliest = Math.max(earliest, blocker.quarter);
    }
    let quarter = input.quarters;
    for (let q = earliest; q < input.quarters; q++) {
      const cap = capacity[q] ?? 0;
      const f = feature[q] ?? 0;
      const d = debt[q] ?? 0;
      const fits = item.kind === 'debt' ? f + d + item.points <= cap : f + item.points <= cap * (1 - share) - Math.max(0, d - cap * share);
      if (fits) {
        quarter = q;
        break;
      }
    }
    placed.push({ key: item.key, quarter, points: item.points, debt: item.kind === 'debt' });
  }
  return placed;
}

export const roadmapBench: BenchSuite = async (opts) => {
  const n = opts.quick ? 500 : 5_000;
  const input = backlog(n, SEED);
  // One untimed run each first, so neither figure includes compiling the code on first use.
  planRoadmap(input);
  naivePlan(input);
  const planned = timeBest(RUNS, () => planRoadmap(input));
  const naive = timeBest(RUNS, () => naivePlan(input));
  const roadmap = planned.result;
  const inQuarters = roadmap.quarters.reduce((sum, q) => sum + q.items.length, 0);
  const row: BenchRow = {
    suite: SUITE,
    name: `plan roadmap ${n.toLocaleString('en-US')} items × ${QUARTERS} quarters`,
    value: planned.ms,
    unit: 'ms',
    baseline: naive.ms,
    ratio: planned.ms / naive.ms,
    target: `< ${TARGET_MS} ms`,
    met: planned.ms < TARGET_MS,
    notes:
      `best of ${RUNS} after a warm-up run; baseline = naive O(n²) greedy rescanning placed items; ` +
      `${inQuarters} in quarters, ${roadmap.later.length} later, ${roadmap.warnings.length} warnings`,
  };
  return [row];
};
