/**
 * `npm run bench -- daily`: the background rebuilds of a large project's snapshot, with the simulator answering
 * after 50 ms per request: requests by endpoint, "Value score" write requests against ⌈changed / 1,000⌉ (the bulk
 * endpoint's capacity), and the wall time against the consumer's 900 s. The scheduled `daily-recompute` when no
 * score changed, a global weights change (which rebuilds the snapshot and writes the moved scores), and the daily
 * run after it.
 */
import type { BenchRow, BenchSuite } from '../types';
import { PERSONAS } from '../../dev/demo/jira-catalog';
import { breakdown, call, countOf, http, fmtN, jira, progress, readStats, resetStats, scaleSeed, settle, startBench, type Bench } from './harness';
import { instrumentKvs, openUntilReady } from './snapshot-probe';

const SUITE = 'daily';
const FAULTS = 'latency=50ms';
const BUDGET_MS = 900_000;
const IDS_PER_WRITE = 1000;
const ADMIN: string = PERSONAS.admin.accountId;

/** The "Value score" of every issue, read from the simulator's state in-process (no request counted). */
function scores(b: Bench, fieldId: string): Map<string, unknown> {
  return new Map(b.preview.sim.state.issuesInRankOrder().map((i) => [i.id, (i.fields as Record<string, unknown>)[fieldId] ?? null]));
}

function changedCount(before: Map<string, unknown>, after: Map<string, unknown>): number {
  let n = 0;
  for (const [id, v] of after) if (before.get(id) !== v) n++;
  return n;
}

export const dailySuite: BenchSuite = async (opts) => {
  const n = opts.quick ? 1_000 : 20_000;
  const size = `${fmtN(n)} issues`;
  const rows: BenchRow[] = [];
  progress(SUITE, `${size}: generating and starting the preview`);
  instrumentKvs();
  const b = await startBench(scaleSeed(n));
  try {
    // Setup without latency: the project is opened until its snapshot is built (the build writes every score).
    await openUntilReady(b.url, { suite: SUITE });
    const fieldId = (await jira<{ id: string; name: string }[]>(b.url, '/rest/api/3/field')).body.find((f) => f.name === 'Value score')?.id;
    if (fieldId === undefined) throw new Error('Value score field missing');
    await jira(b.url, '/__sim/faults', { method: 'PUT', body: { spec: FAULTS } });

    const run = async (label: string, start: () => Promise<void>, what: string): Promise<void> => {
      const before = scores(b, fieldId);
      progress(SUITE, `${size}: ${label}`);
      await resetStats(b.url);
      const t0 = performance.now();
      await start();
      const done = await settle(b.url, BUDGET_MS);
      const ms = performance.now() - t0;
      const st = await readStats(b.url);
      const changed = changedCount(before, scores(b, fieldId));
      const writes = countOf(st, 'app/field/value');
      const expected = Math.ceil(changed / IDS_PER_WRITE);
      rows.push({
        suite: SUITE,
        name: `${label} ${size}: Value score write requests`,
        value: writes,
        unit: 'req',
        baseline: expected,
        ...(expected > 0 ? { ratio: writes / expected } : {}),
        target: `= ⌈changed/${fmtN(IDS_PER_WRITE)}⌉ (${expected})`,
        met: writes === expected,
        notes: `${fmtN(changed)} Value score values changed; all requests ${fmtN(st.total)}: ${breakdown(st)}`,
      });
      rows.push({
        suite: SUITE,
        name: `${label} ${size}: wall, latency 50 ms`,
        value: ms,
        unit: 'ms',
        baseline: BUDGET_MS,
        ratio: ms / BUDGET_MS,
        target: '< 900 s (consumer budget)',
        met: ms < BUDGET_MS && done.failed === 0,
        notes: `${what} until the queue is idle; ${fmtN(st.total)} req; queue failed ${done.failed}; each field write also costs the simulator a full state save (dev only)`,
      });
    };

    const daily = async (): Promise<void> => {
      await http(`${b.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
    };
    await run('daily recompute (no score changed)', daily, 'POST /__forge/scheduled/daily-recompute');
    // A global weights change (customer voice ×2, as the admin) rebuilds every enrolled project's snapshot at once
    // and writes the scores that moved: that rebuild, not the next daily run, is where the writes happen now.
    const weightsChange = async (): Promise<void> => {
      const current = await call<{ version: number; config: { weights: Record<string, number> } }>(b.url, 'getConfig', {}, ADMIN);
      const weights = { ...current.data.config.weights, customerVoice: (current.data.config.weights.customerVoice ?? 30) * 2 };
      const saved = await http(`${b.url}/__forge/invoke`, {
        method: 'POST',
        body: {
          functionKey: 'saveConfig',
          payload: { expectedVersion: current.data.version, config: { ...current.data.config, weights } },
          context: { accountId: ADMIN, moduleKey: 'valuerank-admin-page', extension: {} },
        },
      });
      const savedBody = JSON.parse(saved.text) as { ok: boolean };
      if (!savedBody.ok) throw new Error(`saveConfig failed: ${JSON.stringify(savedBody)}`);
    };
    await run('weights change → snapshot rebuild', weightsChange, 'saveConfig (global weights, as the admin) and the rebuild it queues');
    await run('daily recompute (after the weights change)', daily, 'POST /__forge/scheduled/daily-recompute');
  } finally {
    await b.close();
  }
  return rows;
};
