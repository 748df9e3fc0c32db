import { aSeed, stories, startSim, type RunningSim } from './helpers';

/** `/search/jql` lags writes unless their ids are in `reconcileIssues` (search-index.ts). */
describe('search lags writes', () => {
  let s: RunningSim;
  beforeEach(async () => {
    s = await startSim({ seed: aSeed(stories(4)), faults: 'searchLag=60s' });
  });
  afterEach(() => s.close());

  const idOf = async (key: string): Promise<number> => Number((await s.call('GET', `/rest/api/3/issue/${key}?fields=summary`)).body.id);
  const ranked = async (extra: Record<string, unknown> = {}): Promise<string[]> =>
    (await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ ORDER BY Rank ASC', fields: ['key'], ...extra })).body.issues.map(
      (i: { key: string }) => i.key,
    );

  it('orders a just-moved issue by its old rank until it is reconciled', async () => {
    expect((await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-4'], rankBeforeIssue: 'PRJ-1' })).status).toBe(204);
    expect(await ranked()).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4']);
    expect(await ranked({ reconcileIssues: [await idOf('PRJ-4')] })).toEqual(['PRJ-4', 'PRJ-1', 'PRJ-2', 'PRJ-3']);
    // The issue itself is current when fetched: only search lags.
    expect((await s.call('POST', '/rest/api/3/search/approximate-count', { jql: 'project = PRJ' })).body).toEqual({ count: 4 });
  });

  it('matches a just-edited issue by its old values until it is reconciled', async () => {
    expect((await s.call('PUT', '/rest/api/3/issue/PRJ-2', { fields: { labels: ['urgent'] } })).status).toBe(204);
    const urgent = async (extra: Record<string, unknown> = {}) =>
      (await s.call('POST', '/rest/api/3/search/jql', { jql: 'labels = urgent', fields: ['key'], ...extra })).body.issues.map((i: { key: string }) => i.key);
    expect(await urgent()).toEqual([]);
    expect(await urgent({ reconcileIssues: [await idOf('PRJ-2')] })).toEqual(['PRJ-2']);
  });

  it('refuses more than 50 reconciled ids, or ids that are not numbers', async () => {
    const many = Array.from({ length: 51 }, (_, i) => 10000 + i);
    expect((await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ', reconcileIssues: many })).status).toBe(400);
    expect((await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ', reconcileIssues: ['PRJ-1'] })).status).toBe(400);
    expect((await s.call('GET', '/rest/api/3/search/jql?jql=project%20%3D%20PRJ&reconcileIssues=10001,10002')).status).toBe(200);
  });

  it('shows every write at once with searchLag=0, and catches up after the lag', async () => {
    s.sim.faults.configure('searchLag=0');
    await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-4'], rankBeforeIssue: 'PRJ-1' });
    expect(await ranked()).toEqual(['PRJ-4', 'PRJ-1', 'PRJ-2', 'PRJ-3']);
    s.sim.faults.configure('searchLag=20ms');
    await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-3'], rankBeforeIssue: 'PRJ-4' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await ranked()).toEqual(['PRJ-3', 'PRJ-4', 'PRJ-1', 'PRJ-2']);
  });
});
