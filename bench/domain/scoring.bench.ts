import { defaultConfig, scoreBacklog, type JiraIssueLike, type ScoringInput } from '../../src/domain';
import type { BenchRow, BenchSuite } from '../types';
import { heapGrowthMiB, timeBest } from '../measure';
import { BENCH_FIELDS, generateProject } from './generate';

const NOW = new Date('2026-11-25T00:00:00Z');

function inputFor(candidates: JiraIssueLike[], tickets: Map<string, JiraIssueLike>): ScoringInput {
  return {
    now: NOW,
    config: defaultConfig(),
    fields: BENCH_FIELDS,
    candidates,
    linked: tickets,
    remoteLinks: new Map(),
    feedbackProjects: new Set(['SUP']),
    pins: new Map(),
  };
}

/**
 * The baseline: the same model written the obvious way — each issue recomputes the project median and the
 * observed business-value maximum by scanning every candidate, re-reads each linked ticket, and keeps
 * customers in an array. Quadratic in the number of issues.
 */
function naiveScore(candidates: JiraIssueLike[], tickets: Map<string, JiraIssueLike>): number[] {
  const scores: number[] = [];
  for (const issue of candidates) {
    const allPoints = candidates
      .map((c) => c.fields[BENCH_FIELDS.storyPoints])
      .filter((p): p is number => typeof p === 'number')
      .sort((a, b) => a - b);
    const median = allPoints[allPoints.length >> 1] ?? 3;
    const max = Math.max(0, ...candidates.map((c) => Number(c.fields[BENCH_FIELDS.businessValue]) || 0));
    const customers: string[] = [];
    let mass = 0;
    for (const link of issue.fields.issuelinks as { inwardIssue?: { key: string } }[]) {
      const t = link.inwardIssue ? tickets.get(link.inwardIssue.key) : undefined;
      if (!t) continue;
      const org = (t.fields[BENCH_FIELDS.organizations] as { name: string }[])[0]!.name;
      if (customers.includes(org)) continue;
      customers.push(org);
      mass += Math.pow(0.5, (NOW.getTime() - new Date(t.fields.created as string).getTime()) / 86400000 / 90);
    }
    const points = typeof issue.fields[BENCH_FIELDS.storyPoints] === 'number' ? (issue.fields[BENCH_FIELDS.storyPoints] as number) : median;
    const bv = (Number(issue.fields[BENCH_FIELDS.businessValue]) || 0) / (max || 1);
    scores.push((100 * (0.3 * (mass / (mass + 3)) + 0.25 * bv)) / Math.sqrt(Math.max(1, points)));
  }
  return scores;
}

export const scoringBench: BenchSuite = async ({ quick }) => {
  const n = quick ? 10_000 : 100_000;
  const naiveN = quick ? 500 : 2_000;
  const { candidates, tickets } = generateProject(n, 5);
  const input = inputFor(candidates, tickets);
  // Scores and ranks for every issue; items with their evidence are built on demand (a page at a time).
  const peak = heapGrowthMiB(() => scoreBacklog(input));
  const fast = timeBest(3, () => scoreBacklog(input));
  const firstPage = timeBest(3, () => scoreBacklog(input).slice(0, 100));
  const everyItem = timeBest(1, () => scoreBacklog(input).items());
  const small = generateProject(naiveN, 5, 7);
  const naive = timeBest(1, () => naiveScore(small.candidates, small.tickets));
  const smallFast = timeBest(3, () => scoreBacklog(inputFor(small.candidates, small.tickets)));
  const rate = (n / fast.ms) * 1000;
  const naiveRate = (naiveN / naive.ms) * 1000;
  const rows: BenchRow[] = [
    {
      suite: 'domain',
      name: `score and rank ${n.toLocaleString('en')} issues × 5 feedback links`,
      value: fast.ms,
      unit: 'ms',
      target: quick ? '(quick: no target)' : '< 1500 ms',
      ...(quick ? {} : { met: fast.ms < 1500 }),
      notes: `every score, factor value, gap and rank; items with evidence built on demand. Heap growth ${peak.toFixed(0)} MiB`,
    },
    {
      suite: 'domain',
      name: `… and build the first page (100 items with evidence)`,
      value: firstPage.ms,
      unit: 'ms',
      notes: `scoring included; what getBacklog does per page`,
    },
    {
      suite: 'domain',
      name: `… and build all ${n.toLocaleString('en')} items with evidence`,
      value: everyItem.ms,
      unit: 'ms',
      notes: 'scoreIssues(): every customer list, due date, debt and blocks evidence; no app call needs all of them',
    },
    {
      suite: 'domain',
      name: `scoring throughput vs naive (naive on ${naiveN.toLocaleString('en')} issues)`,
      value: rate,
      unit: 'issues/s',
      baseline: naiveRate,
      ratio: rate / naiveRate,
      notes: `ValueRank on the same ${naiveN.toLocaleString('en')} issues: ${smallFast.ms.toFixed(1)} ms vs naive ${naive.ms.toFixed(0)} ms`,
    },
  ];
  return rows;
};
