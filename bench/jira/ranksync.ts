/**
 * `npm run bench -- ranksync`: `planRankSync` through the preview on a project whose Jira rank order is the value
 * order with 2 % of the backlog items dragged elsewhere. Moves are checked against n − LIS and calls against
 * Σ ⌈run/50⌉, both computed here from the two orders read back from the app and Jira, beside the naive plan that
 * moves every issue (⌈n/50⌉ calls).
 *
 * How the project is made: preview A loads the generated site and gives the value order (previewWeights lists
 * every candidate's value rank); preview B loads the same site with PAY's backlog items re-ordered into that value
 * order and 2 % of them moved to seeded random places. (Setting the order with rank calls instead would cost the
 * simulator a full state save per call and the app a project recompute per rank event: far too slow at 20,000.)
 */
import type { BenchRow, BenchSuite } from '../types';
import { callsNeeded } from '../oracles';
import {
  call,
  CANDIDATE_JQL,
  fmtN,
  progress,
  PROJECT,
  readStats,
  resetStats,
  scaleSeed,
  searchIds,
  settle,
  startBench,
  lisLength,
  breakdown,
  type ScaleSeed,
} from './harness';
import { instrumentKvs, openUntilReady } from './snapshot-probe';
import { seededRandom } from '../../dev/demo/random';

const SUITE = 'ranksync';
const DISPLACED_SHARE = 0.02;
const BATCH = 50;

interface Move {
  key: string;
  before?: string;
  after?: string;
}

/** The value order of the backlog items (keys, top first), from previewWeights' `from` (the current value rank of every candidate). */
async function valueOrder(url: string): Promise<string[]> {
  const config = await call<{ config: { weights: Record<string, number> } }>(url, 'getConfig', { projectKey: PROJECT });
  const preview = await call<{ moves: { key: string; from: number }[] }>(url, 'previewWeights', { projectKey: PROJECT, weights: config.data.config.weights });
  return [...preview.data.moves].sort((a, b) => a.from - b.from).map((m) => m.key);
}

/** Jira's rank order of the given keys, from the candidate JQL (ORDER BY Rank) as the admin. */
async function jiraOrder(url: string, seed: ScaleSeed, keys: ReadonlySet<string>): Promise<string[]> {
  const keyOf = new Map(seed.issues.map((i) => [i.id, i.key]));
  return (await searchIds(url, CANDIDATE_JQL)).map((id) => keyOf.get(id) ?? '').filter((k) => keys.has(k));
}

/**
 * Replays the plan's moves on `current` the way Jira places them, independently of the app's code: moves come in
 * target order; the issues of a run go side by side directly before the run's kept anchor (`before` naming an issue
 * that does not move), or, for the run that ends the list, after the kept issue its first move names (`after`).
 */
function replay(current: readonly string[], moves: readonly Move[]): string[] {
  const moved = new Set(moves.map((m) => m.key));
  const order = current.filter((k) => !moved.has(k));
  const place = (anchor: string, keys: string[], before: boolean): void => {
    const at = order.indexOf(anchor);
    if (at < 0) throw new Error(`anchor ${anchor} is not in place`);
    order.splice(before ? at : at + 1, 0, ...keys);
  };
  let pending: string[] = [];
  let tail: { anchor: string; keys: string[] } | null = null;
  const flushTail = (): void => {
    if (tail !== null) place(tail.anchor, tail.keys, false);
    tail = null;
  };
  for (const m of moves) {
    if (m.before !== undefined) {
      flushTail();
      pending.push(m.key);
      if (!moved.has(m.before)) {
        place(m.before, pending, true);
        pending = [];
      }
    } else if (m.after !== undefined) {
      if (!moved.has(m.after)) {
        flushTail();
        tail = { anchor: m.after, keys: [] };
      }
      if (tail === null) throw new Error(`${m.key} follows a moved issue outside any run`);
      tail.keys.push(m.key);
    } else throw new Error(`${m.key} has no anchor`);
  }
  flushTail();
  if (pending.length > 0) throw new Error(`${pending.length} moves never reach a kept anchor`);
  return order;
}

export const rankSyncSuite: BenchSuite = async (opts) => {
  const n = opts.quick ? 2_000 : 20_000;
  const size = `${fmtN(n)} issues`;
  const rows: BenchRow[] = [];

  instrumentKvs();
  // A: the generated site as it is; its value order, and what aligning Jira to it from scratch would take.
  progress(SUITE, `${size}: preview A (value order of the generated site)`);
  const seedA = scaleSeed(n);
  const a = await startBench(seedA);
  let valueA: string[];
  let alignNote: string;
  try {
    await openUntilReady(a.url, { suite: SUITE, payload: { pageSize: 1 } });
    valueA = await valueOrder(a.url);
    const align = await call<{ moves: Move[]; calls: number; total: number }>(a.url, 'planRankSync', { projectKey: PROJECT });
    alignNote = `aligning the generator's own order would take ${fmtN(align.data.moves.length)} moves in ${fmtN(align.data.calls)} calls`;
    await settle(a.url);
  } finally {
    await a.close();
  }

  // B: the same site with the backlog items in value order, 2 % of them moved to random places.
  progress(SUITE, `${size}: preview B (value order with ${DISPLACED_SHARE * 100} % displaced)`);
  const seedB = scaleSeed(n);
  const inBacklog = new Set(valueA);
  const slots = seedB.issues.map((issue, i) => (inBacklog.has(issue.key) ? i : -1)).filter((i) => i >= 0);
  const byKey = new Map(seedB.issues.map((i) => [i.key, i]));
  const random = seededRandom(0x5eed + n);
  const displacedOrder = [...valueA];
  const displaced = Math.round(valueA.length * DISPLACED_SHARE);
  for (let d = 0; d < displaced; d++) {
    const from = Math.floor(random() * displacedOrder.length);
    const [key] = displacedOrder.splice(from, 1);
    displacedOrder.splice(Math.floor(random() * (displacedOrder.length + 1)), 0, key!);
  }
  slots.forEach((slot, i) => {
    seedB.issues[slot] = byKey.get(displacedOrder[i]!)!;
  });
  const b = await startBench(seedB);
  try {
    await openUntilReady(b.url, { suite: SUITE, payload: { pageSize: 1 } });
    const target = await valueOrder(b.url);
    const keys = new Set(target);
    const current = await jiraOrder(b.url, seedB, keys);
    if (current.length !== target.length) throw new Error(`orders differ in size: Jira ${current.length}, value ${target.length}`);

    progress(SUITE, `${size}: planRankSync`);
    await resetStats(b.url);
    const plan = await call<{ moves: Move[]; calls: number; total: number; unchanged: number }>(b.url, 'planRankSync', { projectKey: PROJECT });
    const planStats = await readStats(b.url);
    await settle(b.url);

    const position = new Map(target.map((k, i) => [k, i]));
    const fewest = target.length - lisLength(current.map((k) => position.get(k)!));
    const moved = new Set(plan.data.moves.map((m) => m.key));
    const expectedCalls = callsNeededOf(target, moved);
    let reaches: string;
    try {
      const after = replay(current, plan.data.moves);
      reaches = after.length === target.length && after.every((k, i) => k === target[i]) ? 'yes' : 'NO';
    } catch (e) {
      reaches = `NO (${e instanceof Error ? e.message : String(e)})`;
    }
    const items = target.length;
    const naiveCalls = Math.ceil(items / BATCH);
    rows.push({
      suite: SUITE,
      name: `planRankSync ${size} (2 % displaced): moves`,
      value: plan.data.moves.length,
      unit: 'issues',
      baseline: items,
      ratio: plan.data.moves.length / items,
      target: `= n − LIS (${fmtN(fewest)})`,
      met: plan.data.moves.length === fewest,
      notes: `n = ${fmtN(items)} backlog items, ${fmtN(displaced)} displaced; baseline = naive plan moving every issue; replaying the moves gives the value order: ${reaches}; ${alignNote}`,
    });
    rows.push({
      suite: SUITE,
      name: `planRankSync ${size} (2 % displaced): rank calls`,
      value: plan.data.calls,
      unit: 'calls',
      baseline: naiveCalls,
      ratio: plan.data.calls / naiveCalls,
      target: `= Σ⌈run/${BATCH}⌉ (${fmtN(expectedCalls)})`,
      met: plan.data.calls === expectedCalls,
      notes: `baseline = ⌈n/${BATCH}⌉ calls moving all n; planning itself: ${(plan.ms / 1000).toFixed(1)} s, ${fmtN(planStats.total)} Jira req (${breakdown(planStats)})`,
    });
  } finally {
    await b.close();
  }
  return rows;
};

function callsNeededOf(target: readonly string[], moved: ReadonlySet<string>): number {
  return callsNeeded(target, moved, BATCH);
}
