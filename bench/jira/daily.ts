/**
 * `npm run bench -- daily`: the scheduled `daily-recompute` on a large project, with the simulator answering after
 * 50 ms per request: requests by endpoint, "Value score" write requests against ⌈changed / 1,000⌉ (the bulk
 * endpoint's capacity), and the wall time against the consumer's 900 s. Run twice: once when no score changed,
 * once after a weights change that moves every score.
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

    const runDaily = async (label: string): Promise<void> => {
      const before = scores(b, fieldId);
      progress(SUITE, `${size}: daily recompute (${label})`);
      await resetStats(b.url);
      const t0 = performance.now();
      await http(`${b.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
      const done = await settle(b.url, BUDGET_MS);
      const ms = performance.now() - t0;
      const st = await readStats(b.url);
      const changed = changedCount(before, scores(b, fieldId));
      const writes = countOf(st, 'app/field/value');
      const expected = Math.ceil(changed / IDS_PER_WRITE);
      rows.push({
        suite: SUITE,
        name: `daily recompute ${size} (${label}): Value score write requests`,
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
        name: `daily recompute ${size} (${label}): wall, latency 50 ms`,
        value: ms,
        unit: 'ms',
        baseline: BUDGET_MS,
        ratio: ms / BUDGET_MS,
        target: '< 900 s (consumer budget)',
        met: ms < BUDGET_MS && done.failed === 0,
        notes: `POST /__forge/scheduled/daily-recompute until the queue is idle; ${fmtN(st.total)} req; queue failed ${done.failed}; each field write also costs the simulator a full state save (dev only)`,
      });
    };

    await runDaily('no score changed');
    // Change the weights as the admin (global config): every score moves, so the next daily writes them all.
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
    await settle(b.url);
    await runDaily('after a weights change');
  } finally {
    await b.close();
  }
  return rows;
};
