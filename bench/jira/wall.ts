/**
 * `npm run bench -- wall`: wall times with the simulator answering every request after 50 ms + U(0, 20 ms)
 * (`--faults latency=50ms,jitter=20ms`, set at preview start): opening a project (first `getBacklog` → `ready`, the
 * snapshot built by the queue consumer as the app under the same latency) and a warm `getBacklog` page (PO of PAY,
 * page 0, pageSize 100), beside today's path (the old per-view load, todays-path.ts) timed in the same run.
 */
import type { BenchRow, BenchSuite } from '../types';
import {
  breakdown,
  call,
  countOf,
  effectiveConfig,
  watchSimulator,
  fmtN,
  jira,
  NOW,
  progress,
  PROJECT,
  readStats,
  resetStats,
  scaleSeed,
  settle,
  startBench,
  type Bench,
  type ScaleSeed,
  type SimStats,
} from './harness';
import { instrumentKvs, openUntilReady } from './snapshot-probe';
import { todaysPath } from './todays-path';

const SUITE = 'wall';
export const FAULTS = 'latency=50ms,jitter=20ms';
/** Mean simulated latency per request (50 ms + mean of U(0, 20 ms)). */
const MEAN_LATENCY_MS = 60;
const WARM_TARGET_MS = 1_000;
const SPEEDUP_TARGET = 5;
const BUILD_BUDGET_MS = 900_000;

const s = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The latency-bound part of a warm page: permission check, then the id searches (in parallel), then the bulk permission check of the page's evidence (1,000 issues a call). */
function latencyEstimate(st: SimStats): string {
  const match = countOf(st, 'permissions/check');
  const rounds = 1 + 1 + match;
  return `latency-bound ≈ ${s(rounds * MEAN_LATENCY_MS)} = (1 permission + 1 round of ${countOf(st, 'search/jql')} parallel id searches + ${match} permissions/check) × ${MEAN_LATENCY_MS} ms`;
}

/**
 * The warm page `times` times (median reported), its requests, the same page with the latency off (the CPU part),
 * and today's path timed `oldTimes` times under the same faults. The preview must be idle and ready.
 */
export async function warmAgainstToday(
  b: Bench,
  seed: ScaleSeed,
  faults: string,
  opts: { times: number; oldTimes: number },
): Promise<{ warmMs: number[]; warmStats: SimStats; localMs: number; localSimMs: number; oldMs: number[]; oldStats: SimStats }> {
  const warmMs: number[] = [];
  let warmStats: SimStats | undefined;
  for (let i = 0; i < opts.times; i++) {
    await resetStats(b.url);
    warmMs.push((await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100, refresh: true })).ms);
    warmStats ??= await readStats(b.url);
  }
  await jira(b.url, '/__sim/faults', { method: 'PUT', body: { spec: '' } });
  const sim = watchSimulator(b);
  sim.start();
  const localMs = (await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100, refresh: true })).ms;
  const localSimMs = sim.busyMs();
  const config = await effectiveConfig(b.url);
  await jira(b.url, '/__sim/faults', { method: 'PUT', body: { spec: faults } });
  await settle(b.url);
  const oldMs: number[] = [];
  let oldStats: SimStats | undefined;
  for (let i = 0; i < opts.oldTimes; i++) {
    await resetStats(b.url);
    oldMs.push((await todaysPath(b.url, seed, config, new Date(NOW))).ms);
    oldStats ??= await readStats(b.url);
  }
  return { warmMs, warmStats: warmStats!, localMs, localSimMs, oldMs, oldStats: oldStats! };
}

/** The warm-page row: median wall time against today's path. */
export function warmRow(suite: string, size: string, m: Awaited<ReturnType<typeof warmAgainstToday>>, opts: { speedup: boolean; oldNote?: string }): BenchRow {
  const warm = median(m.warmMs);
  const old = median(m.oldMs);
  const oldNote = opts.oldNote ?? '';
  return {
    suite,
    name: `warm getBacklog ${size} (latency 50±20 ms)`,
    value: warm,
    unit: 'ms',
    baseline: old,
    ratio: warm / old,
    target: opts.speedup ? `< ${WARM_TARGET_MS / 1000} s; ≥ ${SPEEDUP_TARGET}× faster than today's path` : `< ${WARM_TARGET_MS / 1000} s`,
    met: warm < WARM_TARGET_MS && (!opts.speedup || old >= SPEEDUP_TARGET * warm),
    notes:
      `median of ${m.warmMs.length} (${m.warmMs.map(s).join(', ')}); today's path/app = ${(old / warm).toFixed(1)}×; ${fmtN(m.warmStats.total)} req (${breakdown(m.warmStats)}); ` +
      `${latencyEstimate(m.warmStats)}; the same page without latency (CPU): ${s(m.localMs)}, of which the in-process simulator answering ${s(m.localSimMs)}; ` +
      `baseline = today's path, median of ${m.oldMs.length} (${m.oldMs.map(s).join(', ')})${oldNote}: ${fmtN(m.oldStats.total)} req (${breakdown(m.oldStats)})`,
  };
}

export const wallSuite: BenchSuite = async (opts) => {
  const sizes = opts.quick ? [1_000] : [1_000, 20_000];
  const rows: BenchRow[] = [];
  instrumentKvs();
  for (const n of sizes) {
    const size = `${fmtN(n)} issues`;
    progress(SUITE, `${size}: generating and starting the preview with ${FAULTS}`);
    const seed = scaleSeed(n);
    const b = await startBench(seed, FAULTS);
    try {
      progress(SUITE, `${size}: cold open until the snapshot is ready`);
      await resetStats(b.url);
      const opened = await openUntilReady(b.url, { suite: SUITE });
      const build = await readStats(b.url);
      rows.push({
        suite: SUITE,
        name: `cold open ${size}: first call (latency 50±20 ms)`,
        value: opened.first.ms,
        unit: 'ms',
        target: '< 25 s (UI call limit)',
        met: opened.first.ms < 25_000,
        notes: `answered '${opened.first.status}'${opened.first.building ? ` with building ${fmtN(opened.first.building.done)}/${fmtN(opened.first.building.total)}` : ''} (${(opened.first.bytes / 1000).toFixed(2)} KB); the page polls until 'ready'`,
      });
      rows.push({
        suite: SUITE,
        name: `cold open ${size}: snapshot build, first call → ready (latency 50±20 ms)`,
        value: opened.msToIdle,
        unit: 'ms',
        baseline: BUILD_BUDGET_MS,
        ratio: opened.msToIdle / BUILD_BUDGET_MS,
        target: '< 900 s, in one consumer run',
        met: opened.msToIdle < BUILD_BUDGET_MS && opened.runs === 1 && opened.failed === 0,
        notes:
          `'ready' after ${s(opened.msToReady)}, queue idle after ${s(opened.msToIdle)}; consumer runs ${opened.runs} (highest \`runs\` in snapbuild:${PROJECT}, watched every 100 ms); ` +
          `${opened.polls} polls every 1 s, progress ${opened.progressSeen || '—'}; ${fmtN(build.total)} req (${breakdown(build)}); failed ${opened.failed}; baseline = the consumer's 900 s`,
      });

      progress(SUITE, `${size}: warm getBacklog and today's path`);
      // Five of each: today's path on 20,000 issues varies by ±20 % between runs on a shared machine.
      const m = await warmAgainstToday(b, seed, FAULTS, { times: 5, oldTimes: opts.quick ? 3 : 5 });
      // The issue's speed target is set at 20,000 issues; at 1,000 today's path is a handful of requests too.
      rows.push(warmRow(SUITE, size, m, { speedup: n >= 20_000 }));
    } finally {
      await b.close();
    }
  }
  return rows;
};
