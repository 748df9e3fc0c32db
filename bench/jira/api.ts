/**
 * `npm run bench -- api`: Jira requests of a cold and a warm `getBacklog` (PO of PAY, pageSize 100) on generated
 * scale sites, read from the simulator's `/__sim/stats`, beside two same-run baselines: the lower bound of what a
 * cold load must read, and a naive loader (pages of 100 with every field, one remote-link call per issue).
 */
import type { BenchRow, BenchSuite } from '../types';
import {
  breakdown,
  call,
  CANDIDATE_JQL,
  coldFacts,
  countOf,
  diffStats,
  fmtN,
  naiveLoad,
  progress,
  PROJECT,
  readStats,
  REMOTE_LINK_ENDPOINT,
  resetStats,
  scaleSeed,
  searchIds,
  settle,
  startBench,
  type SimStats,
} from './harness';

const SUITE = 'api';
/** The requests every getBacklog makes besides issue data: mypermissions (the permission check), field (field discovery), project/search (feedback projects). */
const FIXED_OVERHEAD = 3;

/** Requests other than id pages, bulkfetch and remote links (the fixed part), by endpoint. */
function overhead(stats: SimStats): { n: number; text: string } {
  const rest = Object.entries(stats.byEndpoint).filter(([k]) => !k.includes('search/jql') && !k.includes('bulkfetch') && !k.includes('remotelink'));
  return { n: rest.reduce((s, [, n]) => s + n, 0), text: rest.map(([k, n]) => `${k.replace(/^GET \/rest\/api\/3\//, '')} ${n}`).join(', ') };
}

export const apiSuite: BenchSuite = async (opts) => {
  const sizes = opts.quick ? [1_000] : [1_000, 5_000, 20_000];
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const size = `${fmtN(n)} issues`;
    progress(SUITE, `${size}: generating and starting the preview`);
    const seed = scaleSeed(n);
    const b = await startBench(seed);
    try {
      const matching = await searchIds(b.url, CANDIDATE_JQL);
      const { M, C, F } = coldFacts(seed, matching);
      const idPages = Math.ceil(M / 5000);
      const dataCalls = idPages + Math.ceil(M / 100) + Math.ceil(F / 100);
      const lowerBound = FIXED_OVERHEAD + dataCalls + C;
      const facts = `M=${fmtN(M)} JQL matches, C=${fmtN(C)} backlog items, F=${fmtN(F)} linked feedback tickets`;

      // Cold: the first call after the start, then the background work it asked for, until the queue is idle.
      progress(SUITE, `${size}: cold getBacklog`);
      await resetStats(b.url);
      const cold = await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100 });
      const inCall = await readStats(b.url);
      const bg = await settle(b.url);
      const complete = await readStats(b.url);
      const background = diffStats(complete, inCall);
      const rlInCall = countOf(inCall, 'remotelink');
      const callBound = FIXED_OVERHEAD + dataCalls + rlInCall;
      const oh = overhead(inCall);
      rows.push({
        suite: SUITE,
        name: `cold getBacklog ${size}: requests in the call`,
        value: inCall.total,
        unit: 'req',
        baseline: callBound,
        ratio: inCall.total / callBound,
        target: '≤ 1.1 × lower bound',
        met: inCall.total <= 1.1 * callBound,
        notes:
          `bound = ${FIXED_OVERHEAD} fixed + ⌈M/5000⌉ + ⌈M/100⌉ + ⌈F/100⌉ + the ${fmtN(rlInCall)} remote links the call read; ${facts}; ` +
          `fixed part seen: ${oh.text} (${oh.n}); stale=${String(cold.data.stale)} (${fmtN(C - rlInCall)} remote-link reads left to the queue); ${breakdown(inCall)}`,
      });
      rows.push({
        suite: SUITE,
        name: `cold load ${size}: call + background until complete`,
        value: complete.total,
        unit: 'req',
        baseline: lowerBound,
        ratio: complete.total / lowerBound,
        target: '≤ 1.1 × lower bound',
        met: complete.total <= 1.1 * lowerBound,
        notes:
          `lower bound = ${FIXED_OVERHEAD} fixed + ${idPages} id pages + ${Math.ceil(M / 100)} + ${Math.ceil(F / 100)} bulkfetch + R=C=${fmtN(C)} remote links; ` +
          `background (${(bg.ms / 1000).toFixed(1)} s, failed ${bg.failed}): ${breakdown(background)}`,
      });

      // Warm: the second call, once the background work is done.
      progress(SUITE, `${size}: warm getBacklog`);
      await resetStats(b.url);
      const warm = await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100 });
      const warmStats = await readStats(b.url);
      await settle(b.url);
      const warmBound = FIXED_OVERHEAD + dataCalls;
      rows.push({
        suite: SUITE,
        name: `warm getBacklog ${size}: requests`,
        value: warmStats.total,
        unit: 'req',
        baseline: warmBound,
        ratio: warmStats.total / warmBound,
        target: '≤ 1.1 × re-read bound',
        met: warmStats.total <= 1.1 * warmBound,
        notes: `bound = cold lower bound without remote links (a warm call still re-reads every issue); stale=${String(warm.data.stale)}; ${breakdown(warmStats)}`,
      });
      const warmRl = warmStats.byEndpoint[REMOTE_LINK_ENDPOINT] ?? 0;
      rows.push({
        suite: SUITE,
        name: `warm getBacklog ${size}: remote-link requests`,
        value: warmRl,
        unit: 'req',
        baseline: C,
        ratio: warmRl / C,
        target: '0 (no issue changed)',
        met: warmRl === 0,
        notes: 'baseline = remote-link reads of a cold cache (one per backlog item)',
      });

      // A repeat call right away (paging): the app reuses the PO's last load for 30 s (load-cache.ts).
      await resetStats(b.url);
      await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100, page: 1 });
      const repeat = await readStats(b.url);
      rows.push({
        suite: SUITE,
        name: `repeat getBacklog ${size} within 30 s (page 1): requests`,
        value: repeat.total,
        unit: 'req',
        baseline: warmStats.total,
        ratio: repeat.total / warmStats.total,
        notes: `baseline = the warm call before it; ${breakdown(repeat)}`,
      });

      // The naive loader against the same simulator (it changes nothing).
      progress(SUITE, `${size}: naive loader`);
      await resetStats(b.url);
      const naive = await naiveLoad(b.url);
      const naiveStats = await readStats(b.url);
      rows.push({
        suite: SUITE,
        name: `cold load ${size} vs naive loader: requests`,
        value: complete.total,
        unit: 'req',
        baseline: naiveStats.total,
        ratio: complete.total / naiveStats.total,
        target: '≤ 0.2 × naive (≥ 5× fewer)',
        met: naiveStats.total >= 5 * complete.total,
        notes: `app ${fmtN(complete.total)} req (call + background) vs naive ${fmtN(naiveStats.total)} (${fmtN(naive.issues)} issues in pages of 100 with *all, ${fmtN(naive.tickets)} tickets, one remote-link call per issue: ${breakdown(naiveStats)}); naive/app = ${(naiveStats.total / complete.total).toFixed(2)}×`,
      });
      rows.push({
        suite: SUITE,
        name: `warm getBacklog ${size} vs naive loader: requests`,
        value: warmStats.total,
        unit: 'req',
        baseline: naiveStats.total,
        ratio: warmStats.total / naiveStats.total,
        target: '≤ 0.2 × naive (≥ 5× fewer)',
        met: naiveStats.total >= 5 * warmStats.total,
        notes: `the naive loader has no cache, so its warm load costs what its cold one does; naive/app = ${(naiveStats.total / warmStats.total).toFixed(1)}×`,
      });
    } finally {
      await b.close();
    }
  }
  return rows;
};
