/**
 * `npm run bench -- api`: Jira requests of opening a project (the first `getBacklog` answers `building`; the queue
 * builds the snapshot as the app) and of a warm `getBacklog` page (PO of PAY, page 0, pageSize 100) answered from
 * the snapshot, beside today's path (the old per-view load, todays-path.ts) measured in the same run; and what the
 * snapshot costs in KVS: reads per page view and bytes stored per 1,000 backlog items.
 */
import type { BenchRow, BenchSuite } from '../types';
import {
  breakdown,
  call,
  CANDIDATE_JQL,
  coldFacts,
  countOf,
  effectiveConfig,
  fmtN,
  NOW,
  progress,
  PROJECT,
  readStats,
  resetStats,
  scaleSeed,
  searchIds,
  startBench,
} from './harness';
import { evidenceRefsOutside, instrumentKvs, kvsCalls, kvsGetKeys, kvsReads, openUntilReady, resetKvsCalls, snapshotMeta, storedBytes } from './snapshot-probe';
import { todaysPath } from './todays-path';

const SUITE = 'api';
const IDS_PER_SEARCH = 5000;
/** Forge KVS batch get: 25 keys a call. */
const KVS_BATCH = 25;

export const apiSuite: BenchSuite = async (opts) => {
  const sizes = opts.quick ? [1_000] : [1_000, 5_000, 20_000];
  const rows: BenchRow[] = [];
  instrumentKvs();
  for (const n of sizes) {
    const size = `${fmtN(n)} issues`;
    progress(SUITE, `${size}: generating and starting the preview`);
    const seed = scaleSeed(n);
    const b = await startBench(seed);
    try {
      const { M, C, F } = coldFacts(seed, await searchIds(b.url, CANDIDATE_JQL));
      const config = await effectiveConfig(b.url);
      const facts = `M=${fmtN(M)} JQL matches, C=${fmtN(C)} backlog items, F=${fmtN(F)} linked feedback tickets`;

      progress(SUITE, `${size}: cold open until the snapshot is ready`);
      await resetStats(b.url);
      const opened = await openUntilReady(b.url, { suite: SUITE, pollMs: 500 });
      const build = await readStats(b.url);
      // Each page call checks the permission (mypermissions); the build reads fields and the service-desk projects once.
      const pageCalls = 1 + opened.polls;
      const bound = pageCalls + 2 + Math.ceil(M / IDS_PER_SEARCH) + Math.ceil(M / 100) + Math.ceil(F / 100) + C;
      rows.push({
        suite: SUITE,
        name: `cold open ${size}: requests until the snapshot is ready`,
        value: build.total,
        unit: 'req',
        baseline: bound,
        ratio: build.total / bound,
        target: '≤ 1.1 × lower bound',
        met: build.total <= 1.1 * bound,
        notes:
          `first call answered '${opened.first.status}'${opened.first.building ? ` (${fmtN(opened.first.building.done)}/${fmtN(opened.first.building.total)})` : ''}, then ${opened.polls} polls every 0.5 s; ` +
          `bound = ${pageCalls} permission checks (one per page call) + 2 (field, project/search) + ⌈M/5000⌉ + ⌈M/100⌉ + ⌈F/100⌉ bulkfetch + C remote links; ${facts}; ` +
          `ready after ${(opened.msToReady / 1000).toFixed(1)} s in ${opened.runs} consumer run(s), failed ${opened.failed}; ${breakdown(build)}`,
      });

      progress(SUITE, `${size}: warm getBacklog`);
      await resetStats(b.url);
      resetKvsCalls();
      const warm = await call<{ status: string; items: { key: string }[]; total: number }>(b.url, 'getBacklog', {
        projectKey: PROJECT,
        pageSize: 100,
        refresh: true,
      });
      const warmStats = await readStats(b.url);
      const kv = kvsCalls();
      const gets = kvsGetKeys();
      const R = evidenceRefsOutside(warm.data.items.map((i) => i.key));
      const match = countOf(warmStats, 'permissions/check');
      const search = countOf(warmStats, 'search/jql');
      const meta = snapshotMeta();

      progress(SUITE, `${size}: today's path (baseline)`);
      await resetStats(b.url);
      const old = await todaysPath(b.url, seed, config, new Date(NOW));
      const oldStats = await readStats(b.url);

      const limit = Math.ceil(n / IDS_PER_SEARCH) + 3;
      rows.push({
        suite: SUITE,
        name: `warm getBacklog ${size} (page 0 of 100): Jira requests`,
        value: warmStats.total,
        unit: 'req',
        baseline: oldStats.total,
        ratio: warmStats.total / oldStats.total,
        target: `≤ ⌈N/5000⌉ + 3 (${limit})`,
        met: warmStats.total <= limit,
        notes:
          `status ${warm.data.status}, ${warm.data.items.length} of ${fmtN(warm.data.total)} items; ${breakdown(warmStats)}; ` +
          `search/jql ${search} (ids by created-time range, ≤ 5,000 each, in parallel); R=${fmtN(R)} distinct evidence issues on the page that are not candidates → ⌈R/1,000⌉ = ${Math.ceil(R / 1000)} permissions/check (seen ${match}); ` +
          `baseline = today's path (the old per-view load): ${fmtN(oldStats.total)} req (${breakdown(oldStats)}), ${fmtN(old.candidates)} candidates, ${fmtN(old.tickets)} tickets; ${facts}`,
      });
      const reads = kvsReads(kv);
      const coldInstance = reads + Math.ceil(meta.rowChunks / KVS_BATCH);
      rows.push({
        suite: SUITE,
        name: `warm getBacklog ${size}: KVS reads per page view`,
        value: reads,
        unit: 'reads',
        baseline: coldInstance,
        ratio: reads / coldInstance,
        notes: `KVS requests in the call: ${Object.entries(kv)
          .map(([p, k]) => `${p.replace('/api/v1/', '')} ${k}`)
          .join(
            ', ',
          )} (get: ${gets.join(', ')}); the rows (${meta.rowChunks} values) come from the function instance's cache; baseline = the same view on a fresh instance, which also reads the rows (⌈${meta.rowChunks}/${KVS_BATCH}⌉ batch gets)`,
      });
      const stored = await storedBytes(`snap:${PROJECT}:`);
      const linkCache = await storedBytes(`rl:${PROJECT}:`);
      const kinds = Object.entries(stored.byKind)
        .map(([k, v]) => `${{ r: 'rows', e: 'evidence', g: 'edges', meta: 'meta' }[k] ?? k} ${v.keys} keys ${(v.bytes / 1000).toFixed(0)} KB`)
        .join(', ');
      rows.push({
        suite: SUITE,
        name: `snapshot ${size}: KVS bytes per 1,000 backlog items`,
        value: ((stored.bytes / meta.total) * 1000) / 1000,
        unit: 'KB',
        notes: `snap:${PROJECT}:* = ${stored.keys} keys, ${(stored.bytes / 1e6).toFixed(2)} MB (JSON) for ${fmtN(meta.total)} backlog items (${(((stored.bytes / n) * 1000) / 1000).toFixed(0)} KB per 1,000 generated issues): ${kinds}; not counted: the remote-link cache the build keeps (rl:${PROJECT}:*, ${linkCache.keys} keys, ${(linkCache.bytes / 1e6).toFixed(2)} MB)`,
      });
    } finally {
      await b.close();
    }
  }
  return rows;
};
