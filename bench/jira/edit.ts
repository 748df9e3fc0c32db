/**
 * `npm run bench -- edit`: Jira requests of one issue edit → trigger → queue → "Value score" field write, on a
 * small and a large project. The edit is `PUT /rest/api/3/issue/{key}` as the site admin; the requests counted are
 * the simulator's between the edit and the queue becoming idle (the edit itself left out).
 */
import type { BenchRow, BenchSuite } from '../types';
import {
  breakdown,
  call,
  countOf,
  FIELD_WRITE_ENDPOINT,
  fmtN,
  jira,
  progress,
  PROJECT,
  queueStats,
  readStats,
  resetStats,
  scaleSeed,
  settle,
  sleep,
  startBench,
} from './harness';
import { instrumentKvs, openUntilReady } from './snapshot-probe';

const SUITE = 'edit';
const TARGET = 4;
const EDIT_ENDPOINT = 'PUT /rest/api/3/issue/{issueIdOrKey}';

export const editSuite: BenchSuite = async (opts) => {
  const sizes = opts.quick ? [1_000] : [1_000, 20_000];
  const rows: BenchRow[] = [];
  const bySize = new Map<number, number>();
  instrumentKvs();
  for (const n of sizes) {
    const size = `${fmtN(n)} issues`;
    progress(SUITE, `${size}: generating and starting the preview`);
    const b = await startBench(scaleSeed(n));
    try {
      // Open the project until its snapshot is built (the build writes every score), then read the first page.
      await openUntilReady(b.url, { suite: SUITE });
      const backlog = await call<{ items: { key: string; score: number }[]; total: number }>(b.url, 'getBacklog', { projectKey: PROJECT, pageSize: 100 });
      await settle(b.url);
      const fields = (await jira<{ id: string; name: string }[]>(b.url, '/rest/api/3/field')).body;
      const businessValue = fields.find((f) => f.name === 'Business Value');
      const valueScore = fields.find((f) => f.name === 'Value score');
      if (businessValue === undefined || valueScore === undefined) throw new Error('Business Value / Value score field missing');
      // The lowest item of the first page: raising its business value changes its score.
      const target = backlog.data.items[backlog.data.items.length - 1]!;
      const current = (await jira<{ fields: Record<string, unknown> }>(b.url, `/rest/api/3/issue/${target.key}`)).body.fields;
      const before = current[valueScore.id];
      const updatedBefore = current.updated;
      const bvNow = (current[businessValue.id] as { value?: string } | null | undefined)?.value;
      const bvNew = bvNow === 'Critical' ? 'Low' : 'Critical';

      progress(SUITE, `${size}: editing ${target.key}`);
      await resetStats(b.url);
      const t0 = performance.now();
      const edit = await jira(b.url, `/rest/api/3/issue/${target.key}`, { method: 'PUT', body: { fields: { [businessValue.id]: { value: bvNew } } } });
      if (edit.status !== 204) throw new Error(`edit failed: ${edit.status} ${JSON.stringify(edit.body)}`);
      // The trigger is delivered asynchronously: wait (bounded) until the queue has seen the event, then until it is idle.
      for (let i = 0; i < 100; i++) {
        const q = await queueStats(b.url);
        if (q.pending + q.running > 0 || (await readStats(b.url)).total > 1) break;
        await sleep(20);
      }
      const done = await settle(b.url);
      const ms = performance.now() - t0;
      const st = await readStats(b.url);
      const app = st.total - (st.byEndpoint[EDIT_ENDPOINT] ?? 0);
      const edited = (await jira<{ fields: Record<string, unknown> }>(b.url, `/rest/api/3/issue/${target.key}`)).body.fields;
      const after = edited[valueScore.id];
      // The simulator's clock is frozen (--now): an edit stamps the same `updated` as the last score write, so the
      // remote-link cache (keyed by `updated`) still hits. On Jira the edit moves `updated`: one remote-link read more.
      const clockNote = edited.updated === updatedBefore ? '; `updated` did not move (frozen clock), so no remote-link read: on Jira +1 remotelink' : '';
      const appOnly = { ...st, byEndpoint: Object.fromEntries(Object.entries(st.byEndpoint).filter(([k]) => k !== EDIT_ENDPOINT)) };
      bySize.set(n, app);
      const small = bySize.get(sizes[0]!);
      rows.push({
        suite: SUITE,
        name: `edit → Value score ${size}: Jira requests`,
        value: app,
        unit: 'req',
        baseline: n === sizes[0] ? TARGET : small!,
        ratio: app / (n === sizes[0] ? TARGET : small!),
        target: `≤ ${TARGET}, independent of project size`,
        met: app <= TARGET,
        notes:
          `${n === sizes[0] ? 'baseline = the target count' : `baseline = the same edit on ${fmtN(sizes[0]!)} issues`}; ${fmtN(backlog.data.total)} backlog items; ` +
          `${breakdown(appOnly)}; field writes ${countOf(st, 'app/field/value')} (${FIELD_WRITE_ENDPOINT}); Business Value of ${target.key} ${bvNow ?? 'empty'} → ${bvNew}, its Value score ${String(before)} → ${String(after)}; ` +
          `edit to idle queue ${(ms / 1000).toFixed(1)} s, failed ${done.failed}${clockNote}`,
      });
    } finally {
      await b.close();
    }
  }
  return rows;
};
