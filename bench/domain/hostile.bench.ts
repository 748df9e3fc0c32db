import { defaultConfig, scoreBacklog, type JiraIssueLike, type ScoringInput } from '../../src/domain';
import type { BenchRow, BenchSuite } from '../types';
import { timeBest } from '../measure';
import { BENCH_FIELDS } from './generate';

const NOW = new Date('2026-11-25T00:00:00Z');
const BLOCKS = { id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const OPEN = { status: { statusCategory: { key: 'new' } } };

function inputOf(candidates: JiraIssueLike[], remote: Map<string, unknown[]>, patterns: string[]): ScoringInput {
  const config = defaultConfig();
  config.customerVoice.remoteLinkPatterns = patterns;
  return {
    now: NOW,
    config,
    fields: BENCH_FIELDS,
    candidates,
    linked: new Map(),
    remoteLinks: remote as ScoringInput['remoteLinks'],
    feedbackProjects: new Set(['SUP']),
    pins: new Map(),
  };
}

/** Every PRJ-i blocks HUB-1, HUB-1 blocks HUB-2, HUB-2 blocks every PRJ-i: one cycle through a hub reaching all n. */
function hubProject(n: number): JiraIssueLike[] {
  const issues: JiraIssueLike[] = [
    { id: '1', key: 'HUB-1', fields: { summary: 'hub 1', issuelinks: [{ id: 'h', type: BLOCKS, outwardIssue: { key: 'HUB-2', fields: OPEN } }] } },
    { id: '2', key: 'HUB-2', fields: { summary: 'hub 2', issuelinks: [] } },
  ];
  for (let i = 1; i <= n; i++) {
    issues.push({
      id: String(10000 + i),
      key: `PRJ-${i}`,
      fields: {
        summary: `issue ${i}`,
        issuelinks: [
          { id: `a${i}`, type: BLOCKS, outwardIssue: { key: 'HUB-1', fields: OPEN } },
          { id: `b${i}`, type: BLOCKS, inwardIssue: { key: 'HUB-2', fields: OPEN } },
        ],
      },
    });
  }
  return issues;
}

/**
 * The baseline: enablement as first written, one unbounded breadth-first search per issue over a map of sets
 * (what scoring did before the visit cap). Through a hub every search walks all n issues: n² work.
 */
function naiveEnablement(candidates: JiraIssueLike[], maxDepth: number, decay: number): number {
  const out = new Map<string, Set<string>>();
  const edge = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set()).add(b));
  for (const c of candidates) {
    for (const l of c.fields.issuelinks as { outwardIssue?: { key: string }; inwardIssue?: { key: string } }[]) {
      if (l.outwardIssue) edge(c.key, l.outwardIssue.key);
      if (l.inwardIssue) edge(l.inwardIssue.key, c.key);
    }
  }
  let total = 0;
  for (const c of candidates) {
    const seen = new Set([c.key]);
    let frontier = [c.key];
    let weight = 1;
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const k of frontier) {
        for (const o of out.get(k) ?? []) {
          if (seen.has(o)) continue;
          seen.add(o);
          next.push(o);
          total += weight;
        }
      }
      weight *= decay;
      frontier = next;
    }
  }
  return total;
}

export const hostileBench: BenchSuite = async ({ quick }) => {
  const n = quick ? 5_000 : 20_000;
  const naiveN = quick ? 1_000 : 4_000;
  const hub = inputOf(hubProject(n), new Map(), []);
  const scored = timeBest(3, () => scoreBacklog(hub));
  const naive = timeBest(1, () => naiveEnablement(hubProject(naiveN), 3, 0.5));
  const ours = timeBest(3, () => scoreBacklog(inputOf(hubProject(naiveN), new Map(), [])));

  // A nested quantifier that backtracks ~4^k steps in a backtracking engine on a near-miss of k characters.
  const pattern = '^https://(?<customer>([a-z0-9]+-?)+)\\.support\\.example\\.com/';
  const hostileUrl = `https://${'a'.repeat(1991)}!`;
  const remote = new Map([['PRJ-1', [{ globalId: 'g', object: { url: hostileUrl, title: 'x' } }]]]);
  const one: JiraIssueLike[] = [{ id: '1', key: 'PRJ-1', fields: { summary: 'x', issuelinks: [] } }];
  const linear = timeBest(3, () => scoreBacklog(inputOf(one, remote, [pattern])));
  const builtInChars = 40;
  const builtIn = timeBest(1, () => new RegExp(pattern, 'i').exec(`https://${'a'.repeat(builtInChars)}!`));

  const rows: BenchRow[] = [
    {
      suite: 'domain',
      name: `score ${n.toLocaleString('en')} issues around a blocks hub (every issue reaches every other)`,
      value: scored.ms,
      unit: 'ms',
      target: quick ? '(quick: no target)' : '< 2000 ms',
      ...(quick ? {} : { met: scored.ms < 2000 }),
      notes: 'enablement search capped at 2,000 links per issue (gap enablement.capped)',
    },
    {
      suite: 'domain',
      name: `… vs unbounded search per issue (both on ${naiveN.toLocaleString('en')} hub issues)`,
      value: ours.ms,
      unit: 'ms',
      baseline: naive.ms,
      ratio: naive.ms / ours.ms,
      notes: `ratio = baseline / value; the baseline is enablement only, quadratic: ×${((n / naiveN) ** 2).toFixed(0)} at ${n.toLocaleString('en')} issues`,
    },
    {
      suite: 'domain',
      name: 'score a project with a 2,000-character hostile URL against a nested-quantifier pattern',
      value: linear.ms,
      unit: 'ms',
      baseline: builtIn.ms,
      target: '< 100 ms',
      met: linear.ms < 100,
      notes: `baseline: the built-in engine on a ${builtInChars}-character near-miss (×4 per character; 2,000 never ends)`,
    },
  ];
  return rows;
};
