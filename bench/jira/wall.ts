/**
 * `npm run bench -- wall`: wall time of a cold and a warm `getBacklog` (PO of PAY, pageSize 100) with the simulator
 * answering every request after 50 ms + U(0, 20 ms) (`--faults latency=50ms,jitter=20ms`, set at preview start),
 * beside the naive loader's wall time under the same faults, measured in the same run.
 */
import type { BenchRow, BenchSuite } from '../types';
import { PERSONAS } from '../../dev/demo/jira-catalog';
// The app's own reader concurrency, so the latency estimate follows the code.
import { BULK_CONCURRENCY } from '../../src/adapters/jira/forge-jira-reader';
import { REMOTE_LINK_CONCURRENCY } from '../../src/application/backlog/load-project';
import {
  breakdown,
  call,
  diffStats,
  CANDIDATE_JQL,
  countOf,
  fmtN,
  jira,
  naiveLoad,
  progress,
  PROJECT,
  readStats,
  resetStats,
  scaleSeed,
  searchIds,
  settle,
  startBench,
  type SimStats,
} from './harness';

const SUITE = 'wall';
const FAULTS = 'latency=50ms,jitter=20ms';
/** Mean simulated latency per request (50 ms + mean of U(0, 20 ms)). */
const MEAN_LATENCY_MS = 60;
const COLD_TARGET_MS = 25_000;
const WARM_TARGET_MS = 2_000;
const SPEEDUP_TARGET = 10;

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The latency-bound part of a load, from its request counts and the app's concurrency: permission check, then
 * fields ∥ project search, id pages one after another, bulkfetch and remote links BULK_CONCURRENCY and
 * REMOTE_LINK_CONCURRENCY at a time.
 */
function latencyEstimate(st: SimStats): { ms: number; text: string } {
  const ids = countOf(st, 'search/jql');
  const bulk = countOf(st, 'bulkfetch');
  const rl = countOf(st, 'remotelink');
  const rounds = { fixed: 2, ids, bulk: Math.ceil(bulk / BULK_CONCURRENCY), rl: Math.ceil(rl / REMOTE_LINK_CONCURRENCY) };
  const ms = (rounds.fixed + rounds.ids + rounds.bulk + rounds.rl) * MEAN_LATENCY_MS;
  return {
    ms,
    text: `latency-bound ≈ ${s(ms)} = (2 fixed + ${rounds.ids} id pages + ${rounds.bulk} bulkfetch rounds [${bulk}/${BULK_CONCURRENCY}] + ${rounds.rl} remote-link rounds [${rl}/${REMOTE_LINK_CONCURRENCY}]) × ${MEAN_LATENCY_MS} ms`,
  };
}

export const wallSuite: BenchSuite = async (opts) => {
  const sizes = opts.quick ? [1_000] : [1_000, 20_000];
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const size = `${fmtN(n)} issues`;
    // The naive loader is sequential: ~60 ms per request. Past a cap it is timed on the first issues only and
    // extrapolated linearly to all of them (its cost is one page per 100 issues + one call per issue).
    const naiveCap = opts.quick ? 200 : n >= 20_000 ? 1_000 : Number.POSITIVE_INFINITY;
    progress(SUITE, `${size}: generating and starting the preview with ${FAULTS}`);
    const seed = scaleSeed(n);
    const b = await startBench(seed, FAULTS);
    try {
      const M = (await searchIds(b.url, CANDIDATE_JQL)).length;

      progress(SUITE, `${size}: cold getBacklog`);
      await resetStats(b.url);
      const cold = await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100 });
      const coldStats = await readStats(b.url);
      progress(SUITE, `${size}: cold ${s(cold.ms)}; waiting for the background to finish`);
      const bg = await settle(b.url);
      const bgStats = await readStats(b.url);

      progress(SUITE, `${size}: warm getBacklog`);
      await resetStats(b.url);
      const warm = await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100 });
      const warmStats = await readStats(b.url);
      await settle(b.url);
      // The same warm call with the latency switched off: what the app and the simulator spend on CPU.
      await jira(b.url, '/__sim/faults', { method: 'PUT', body: { spec: '' } });
      // As the admin: the app keeps a user's last load for 30 s (load-cache.ts), so the PO's call would be a cache hit.
      const warmLocal = await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100 }, PERSONAS.admin.accountId);
      await jira(b.url, '/__sim/faults', { method: 'PUT', body: { spec: FAULTS } });
      await settle(b.url);

      progress(SUITE, `${size}: naive loader${Number.isFinite(naiveCap) ? ` (first ${fmtN(naiveCap)} issues)` : ''}`);
      await resetStats(b.url);
      const naive = await naiveLoad(b.url, { maxIssues: naiveCap });
      const naiveStats = await readStats(b.url);
      const naiveMs = naive.capped ? (naive.ms * M) / naive.issues : naive.ms;
      const naiveNote = naive.capped
        ? `naive timed on the first ${fmtN(naive.issues)} of ${fmtN(M)} issues (${s(naive.ms)}, ${fmtN(naiveStats.total)} req) and extrapolated × ${(M / naive.issues).toFixed(2)}`
        : `naive measured on all ${fmtN(naive.issues)} issues (${fmtN(naiveStats.total)} req)`;

      const coldEst = latencyEstimate(coldStats);
      const warmEst = latencyEstimate(warmStats);
      rows.push({
        suite: SUITE,
        name: `cold getBacklog ${size} (latency 50±20 ms)`,
        value: cold.ms,
        unit: 'ms',
        baseline: naiveMs,
        ratio: cold.ms / naiveMs,
        target: `< ${COLD_TARGET_MS / 1000} s; ≥ ${SPEEDUP_TARGET}× faster than naive`,
        met: cold.ms < COLD_TARGET_MS && naiveMs >= SPEEDUP_TARGET * cold.ms,
        notes: `naive/app = ${(naiveMs / cold.ms).toFixed(1)}×; stale=${String(cold.data.stale)}; ${fmtN(coldStats.total)} req (${breakdown(coldStats)}); ${coldEst.text}; rest ≈ CPU (a full warm load without latency, as the admin: ${s(warmLocal.ms)})`,
      });
      rows.push({
        suite: SUITE,
        name: `warm getBacklog ${size} (latency 50±20 ms)`,
        value: warm.ms,
        unit: 'ms',
        baseline: naiveMs,
        ratio: warm.ms / naiveMs,
        target: `< ${WARM_TARGET_MS / 1000} s; ≥ ${SPEEDUP_TARGET}× faster than naive`,
        met: warm.ms < WARM_TARGET_MS && naiveMs >= SPEEDUP_TARGET * warm.ms,
        notes: `naive/app = ${(naiveMs / warm.ms).toFixed(1)}×; ${fmtN(warmStats.total)} req (${breakdown(warmStats)}); ${warmEst.text}; a full warm load without latency (as the admin, not cached): ${s(warmLocal.ms)}`,
      });
      rows.push({
        suite: SUITE,
        name: `cold load ${size}: background until the evidence is complete`,
        value: bg.ms,
        unit: 'ms',
        baseline: cold.ms,
        ratio: bg.ms / cold.ms,
        notes: `after the cold call returned (baseline = the cold call); queue consumer, ${fmtN(bgStats.total - coldStats.total)} req: ${breakdown(diffStats(bgStats, coldStats))}; failed ${bg.failed}`,
      });
      rows.push({
        suite: SUITE,
        name: `naive loader ${size} (latency 50±20 ms)`,
        value: naiveMs,
        unit: 'ms',
        notes: `${naiveNote}; sequential pages of 100 with *all, tickets by key in (…), one remote-link call per issue`,
      });
    } finally {
      await b.close();
    }
  }
  return rows;
};
