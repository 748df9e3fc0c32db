/**
 * `npm run bench -- response`: bytes of the `getBacklog` JSON (as `/__forge/invoke` returns it to the UI) for
 * pageSize 200 and 500 on a 5,000-issue project, and for the heaviest page (500 items with customer feedback,
 * whose evidence lists are the longest). Byte counts are machine-independent; the baseline is the limit.
 */
import type { BenchRow, BenchSuite } from '../types';
import { call, fmtN, progress, PROJECT, scaleSeed, settle, startBench } from './harness';

const SUITE = 'response';
const KB = 1000;
const MB = 1000 * KB;

export const responseSuite: BenchSuite = async () => {
  const n = 5_000;
  const size = `${fmtN(n)} issues`;
  const rows: BenchRow[] = [];
  progress(SUITE, `${size}: generating and starting the preview`);
  const b = await startBench(scaleSeed(n));
  try {
    // Complete evidence first (the cold call leaves remote links to the queue), so the sizes are the steady ones.
    await call(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 1 });
    await settle(b.url);
    const cases: Array<{ label: string; payload: Record<string, unknown>; limit: number }> = [
      { label: 'pageSize 200', payload: { pageSize: 200 }, limit: 500 * KB },
      { label: 'pageSize 500', payload: { pageSize: 500 }, limit: 5 * MB },
      { label: 'pageSize 500, feedbackOnly', payload: { pageSize: 500, filter: { feedbackOnly: true } }, limit: 5 * MB },
    ];
    for (const c of cases) {
      progress(SUITE, `${size}: getBacklog ${c.label}`);
      const r = await call<{ items: unknown[]; total: number }>(b.url, 'getBacklog', { projectKey: PROJECT, ...c.payload });
      const items = r.data.items;
      const largest = items.reduce<number>((m, i) => Math.max(m, Buffer.byteLength(JSON.stringify(i))), 0);
      rows.push({
        suite: SUITE,
        name: `getBacklog ${size}, ${c.label}: response size`,
        value: r.bytes / KB,
        unit: 'KB',
        baseline: c.limit / KB,
        ratio: r.bytes / c.limit,
        target: c.limit === 500 * KB ? '< 500 KB' : '≤ 5 MB',
        met: r.bytes < c.limit,
        notes: `${items.length} items (of ${fmtN(r.data.total)}); ${(r.bytes / Math.max(1, items.length) / KB).toFixed(2)} KB per item on average, largest item ${(largest / KB).toFixed(2)} KB; baseline = the limit`,
      });
    }
  } finally {
    await b.close();
  }
  return rows;
};
