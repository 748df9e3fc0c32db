import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APP } from '../../../dev/sim/server';
import { SimState } from '../../../dev/sim/state';
import { aClosedSprint, aSeed, anIssue, startSim, stories } from './helpers';

const seed = (): Record<string, unknown> =>
  aSeed([...stories(4), anIssue({ key: 'SEC-1', links: [{ id: '900', type: { name: 'Relates' }, outwardIssue: { key: 'PRJ-2' } }] })], {
    remoteLinks: { 'PRJ-1': [{ id: 5, object: { url: 'https://support.example/5' } }] },
    boards: [{ id: 1, name: 'B', type: 'scrum', location: { projectKey: 'PRJ' } }],
    sprints: [aClosedSprint(1, 'S1', { startDate: '2026-10-01T00:00:00.000Z', endDate: '2026-10-15T00:00:00.000Z', completeDate: '2026-10-15T01:00:00.000Z' })],
    config: { weights: { businessValue: 2 } },
  });

describe('SimState persistence', () => {
  it('toJSON / fromJSON round-trips the whole site, rank order and properties included', () => {
    const state = SimState.fromSeed(seed());
    const [a, b] = state.issuesInRankOrder();
    state.moveIssues([b?.id ?? ''], 'before', a?.id ?? '');
    state.properties.set(a?.id ?? '', new Map([['valuerank', { pin: 3 }]]));
    state.ensureAppField({ moduleKey: 'value-score', name: 'Value score', type: 'number' }, DEFAULT_APP);

    const json = JSON.parse(JSON.stringify(state.toJSON())) as unknown;
    const back = SimState.fromJSON(json);
    expect(back.toJSON()).toEqual(state.toJSON());
    expect(back.issuesInRankOrder().map((i) => i.key)).toEqual(['PRJ-2', 'PRJ-1', 'PRJ-3', 'PRJ-4', 'SEC-1']);
    expect(back.properties.get(a?.id ?? '')?.get('valuerank')).toEqual({ pin: 3 });
    expect(back.getIssue('PRJ-2')?.fields.issuelinks).toEqual([expect.objectContaining({ id: '900', inwardIssue: expect.objectContaining({ key: 'SEC-1' }) })]);
  });

  it('a data dir keeps changes across a restart, written atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jira-sim-'));
    try {
      const first = await startSim({ seed: seed(), dataDir: dir });
      await first.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-4'], rankBeforeIssue: 'PRJ-1' });
      await first.call('PUT', '/rest/api/3/issue/PRJ-3', { fields: { summary: 'Persisted' } });
      await first.close();
      expect(readdirSync(dir)).toEqual(['jira-state.json']);

      const second = await startSim({ seed: aSeed([]), dataDir: dir });
      const res = await second.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ ORDER BY Rank', fields: ['summary'] });
      expect(res.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-4', 'PRJ-1', 'PRJ-2', 'PRJ-3']);
      expect(res.body.issues[3].fields.summary).toBe('Persisted');
      const fields = (await second.call('GET', '/rest/api/3/field')).body as Array<{ name: string }>;
      expect(fields.filter((f) => f.name === 'Value score')).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
