import { aSeed, anIssue, ALICE, BOB, startSim, type RunningSim } from './helpers';

describe('GET /rest/api/3/user/bulk', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim({ seed: aSeed([anIssue({ key: 'PRJ-1' })], { app: { accountId: 'app-1', displayName: 'ValueRank' } }) });
  });
  afterAll(() => s.close());

  const get = async (query: string): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${s.url}/rest/api/3/user/bulk${query}`, { headers: { 'x-sim-account-id': ALICE } });
    return { status: res.status, body: await res.json() };
  };

  it('names the accounts asked for and leaves out the ones the site does not know', async () => {
    const r = await get(`?accountId=${ALICE}&accountId=gone-1&accountId=${BOB}&accountId=app-1&maxResults=50`);
    expect(r.status).toBe(200);
    expect(r.body.values.map((u: { accountId: string; displayName: string }) => [u.accountId, u.displayName])).toEqual([
      [ALICE, 'Alice'],
      [BOB, 'Bob'],
      ['app-1', 'ValueRank'],
    ]);
    expect(r.body).toMatchObject({ total: 3, isLast: true, startAt: 0, maxResults: 50 });
  });

  it('returns ten accounts a page unless maxResults says otherwise, as the spec’s default', async () => {
    const crowd = await startSim({
      seed: aSeed([anIssue({ key: 'PRJ-1' })], {
        users: [
          { accountId: 'acc-admin', displayName: 'Ada Admin', groups: ['jira-admins'] },
          { accountId: ALICE, displayName: 'Alice', groups: [] },
          { accountId: BOB, displayName: 'Bob', groups: [] },
          ...Array.from({ length: 12 }, (_, i) => ({ accountId: `u-${i}`, displayName: `User ${i}`, groups: [] })),
        ],
      }),
    });
    try {
      const query = Array.from({ length: 12 }, (_, i) => `accountId=u-${i}`).join('&');
      const first = await crowd.call('GET', `/rest/api/3/user/bulk?${query}`, undefined, 'u-0');
      expect(first.body.values).toHaveLength(10);
      expect(first.body.isLast).toBe(false);
      const all = await crowd.call('GET', `/rest/api/3/user/bulk?${query}&maxResults=50`, undefined, 'u-0');
      expect(all.body.values).toHaveLength(12);
    } finally {
      await crowd.close();
    }
  });

  it('refuses a request without accountId with 400', async () => {
    expect((await get('')).status).toBe(400);
  });
});
