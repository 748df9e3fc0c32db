import { checkResponse } from './openapi-schema';
import { ALICE, BOB, aSeed, anIssue, startSim, status, type RunningSim } from './helpers';

const CONFIDENTIAL = { id: '10100', name: 'Confidential', members: [BOB] };

const ids = { prj1: '31001', prj2: '31002', secret: '31003', sec1: '31004', done: '31005' };

let s: RunningSim;
beforeAll(async () => {
  s = await startSim({
    seed: aSeed(
      [
        { ...anIssue({ key: 'PRJ-1', labels: ['tech-debt'] }), id: ids.prj1 },
        { ...anIssue({ key: 'PRJ-2', type: 'Bug' }), id: ids.prj2 },
        { ...anIssue({ key: 'PRJ-3', extra: { security: { id: '10100' } } }), id: ids.secret },
        { ...anIssue({ key: 'SEC-1' }), id: ids.sec1 },
        { ...anIssue({ key: 'PRJ-4', status: status('Done', 'done') }), id: ids.done },
      ],
      { securityLevels: [CONFIDENTIAL] },
    ),
  });
});
afterAll(() => s.close());

const match = (body: unknown, who?: string) => s.call('POST', '/rest/api/3/jql/match', body, who);
const all = Object.values(ids).map(Number);

describe('POST /rest/api/3/jql/match', () => {
  it('answers, per query in order, the given ids that match it, in the spec shape', async () => {
    const res = await match({ issueIds: all, jqls: ['project = PRJ AND statusCategory != Done', 'issuetype = Bug', 'labels = nothing'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      matches: [
        { matchedIssues: [31001, 31002, 31003], errors: [] },
        { matchedIssues: [31002], errors: [] },
        { matchedIssues: [], errors: [] },
      ],
    });
    expect(checkResponse('platform', 'POST', '/rest/api/3/jql/match', '200', res.body, { strict: true })).toEqual([]);
  });

  it('matches only issues the user may see: projects they browse, security levels they are in', async () => {
    const alice = await match({ issueIds: all, jqls: ['statusCategory = "To Do"'] }, ALICE);
    expect(alice.body.matches[0].matchedIssues).toEqual([31001, 31002]);
    const bob = await match({ issueIds: all, jqls: ['statusCategory = "To Do"'] }, BOB);
    expect(bob.body.matches[0].matchedIssues).toEqual([31001, 31002, 31003, 31004]);
  });

  it('leaves out ids of issues that do not exist, without failing the query', async () => {
    const res = await match({ issueIds: [99999, 31001, 1], jqls: ['project = PRJ'] }, ALICE);
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([{ matchedIssues: [31001], errors: [] }]);
  });

  it("puts a query's JQL error in its own errors, as the user reads it, and still answers the other queries", async () => {
    const res = await match({ issueIds: all, jqls: ['project = SEC', 'project = (', 'key = PRJ-3', 'project = PRJ'] }, ALICE);
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([
      { matchedIssues: [], errors: ["The value 'SEC' does not exist for the field 'project'."] },
      { matchedIssues: [], errors: [expect.stringMatching(/^Error in the JQL Query/)] },
      { matchedIssues: [], errors: [expect.stringMatching(/An issue with key 'PRJ-3' does not exist/)] },
      { matchedIssues: [31001, 31002, 31005], errors: [] },
    ]);
    expect(checkResponse('platform', 'POST', '/rest/api/3/jql/match', '200', res.body, { strict: true })).toEqual([]);
  });

  it('refuses a query with no search restriction in its errors, as /search/jql does', async () => {
    const res = await match({ issueIds: [31001], jqls: ['', 'ORDER BY Rank'] });
    expect(res.body.matches).toEqual([
      { matchedIssues: [], errors: [expect.stringMatching(/Unbounded JQL queries are not allowed/)] },
      { matchedIssues: [], errors: [expect.stringMatching(/Unbounded JQL queries are not allowed/)] },
    ]);
  });

  it('matches a just-edited issue by its indexed values, as a search does', async () => {
    const lagging = await startSim({ seed: aSeed([{ ...anIssue({ key: 'PRJ-1' }), id: ids.prj1 }]), faults: 'searchLag=60s' });
    try {
      expect((await lagging.call('PUT', '/rest/api/3/issue/PRJ-1', { fields: { labels: ['urgent'] } })).status).toBe(204);
      const res = await lagging.call('POST', '/rest/api/3/jql/match', { issueIds: [31001], jqls: ['labels = urgent', 'labels is EMPTY'] });
      expect(res.body.matches.map((m: { matchedIssues: number[] }) => m.matchedIssues)).toEqual([[], [31001]]);
    } finally {
      await lagging.close();
    }
  });

  it('answers empty lists for no ids or no queries', async () => {
    expect((await match({ issueIds: [], jqls: ['project = PRJ'] })).body).toEqual({ matches: [{ matchedIssues: [], errors: [] }] });
    expect((await match({ issueIds: all, jqls: [] })).body).toEqual({ matches: [] });
  });

  it('accepts 50 issue ids and 10 queries, and refuses more (400)', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => 40000 + i);
    const ten = Array.from({ length: 10 }, () => 'project = PRJ');
    expect((await match({ issueIds: fifty, jqls: ten })).status).toBe(200);
    const tooManyIds = await match({ issueIds: [...fifty, 40050], jqls: ['project = PRJ'] });
    expect(tooManyIds.status).toBe(400);
    expect(tooManyIds.body.errorMessages[0]).toMatch(/at most 50 issue IDs/);
    const tooManyQueries = await match({ issueIds: [31001], jqls: [...ten, 'project = PRJ'] });
    expect(tooManyQueries.status).toBe(400);
    expect(tooManyQueries.body.errorMessages[0]).toMatch(/at most 10 JQL queries/);
  });

  it.each([
    ['no body', undefined],
    ['an array', [31001]],
    ['issueIds missing', { jqls: ['project = PRJ'] }],
    ['jqls missing', { issueIds: [31001] }],
    ['an unknown property', { issueIds: [31001], jqls: ['project = PRJ'], validation: 'strict' }],
    ['issue ids as strings', { issueIds: ['31001'], jqls: ['project = PRJ'] }],
    ['an issue id that is not an integer', { issueIds: [31001.5], jqls: ['project = PRJ'] }],
    ['an issue id beyond int64', { issueIds: [2 ** 64], jqls: ['project = PRJ'] }],
    ['the same issue id twice', { issueIds: [31001, 31001], jqls: ['project = PRJ'] }],
    ['a query that is not a string', { issueIds: [31001], jqls: [42] }],
    ['null lists', { issueIds: null, jqls: null }],
  ])('refuses a body with %s (400, in the ErrorCollection shape)', async (_what, body) => {
    const res = await match(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });

  it('counts in the stats under its path template', async () => {
    await s.call('POST', '/__sim/stats/reset');
    await match({ issueIds: [31001], jqls: ['project = PRJ'] });
    await match({ issueIds: [31001], jqls: [] });
    const stats = (await s.call('GET', '/__sim/stats')).body;
    expect(stats.byEndpoint['POST /rest/api/3/jql/match']).toBe(2);
  });

  it('answers injected faults like every other endpoint', async () => {
    s.sim.faults.configure('rate429=1,retryAfterShare=1,retryAfter=2');
    try {
      const res = await match({ issueIds: [31001], jqls: ['project = PRJ'] });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
    } finally {
      s.sim.faults.configure('');
    }
  });
});
