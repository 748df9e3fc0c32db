import { checkResponse } from './openapi-schema';
import { aClosedSprint, ALICE, aSeed, BOB, startSim, stories, type RunningSim } from './helpers';

let s: RunningSim;

beforeEach(async () => {
  s = await startSim({
    // These tests read the order back at once; search-lag.test.ts covers the search index's lag.
    faults: 'searchLag=0',
    seed: aSeed(stories(8), {
      boards: [{ id: 1, name: 'PRJ board', type: 'scrum', location: { projectId: 10000, projectKey: 'PRJ' } }],
      sprints: [
        { id: 3, originBoardId: 1, state: 'future', name: 'S3' },
        aClosedSprint(1, 'S1', { startDate: '2026-10-01T00:00:00.000Z', endDate: '2026-10-15T00:00:00.000Z', completeDate: '2026-10-15T02:00:00.000Z' }),
        { id: 2, originBoardId: 1, state: 'closed', name: 'S2', velocity: 18 },
        { id: 4, originBoardId: 1, state: 'active', name: 'S4' },
      ],
    }),
  });
});
afterEach(() => s.close());

async function rankOrder(): Promise<string[]> {
  const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ ORDER BY Rank ASC', fields: ['key'] });
  return res.body.issues.map((i: { key: string }) => i.key);
}

describe('PUT /rest/agile/1.0/issue/rank', () => {
  it('moves issues side by side before the anchor and answers 204', async () => {
    const res = await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-7', 'PRJ-5'], rankBeforeIssue: 'PRJ-2' }, ALICE);
    expect(res.status).toBe(204);
    expect(await rankOrder()).toEqual(['PRJ-1', 'PRJ-7', 'PRJ-5', 'PRJ-2', 'PRJ-3', 'PRJ-4', 'PRJ-6', 'PRJ-8']);
    await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-1'], rankAfterIssue: 'PRJ-8' });
    expect((await rankOrder()).at(-1)).toBe('PRJ-1');
  });

  it('answers 207 with per-issue entries when some fail, and moves the others', async () => {
    s.sim.faults.failRank(['PRJ-6']);
    const res = await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-6', 'PRJ-8', 'PRJ-99'], rankBeforeIssue: 'PRJ-1' });
    expect(res.status).toBe(207);
    expect(res.body.entries).toEqual([
      { issueId: expect.any(Number), issueKey: 'PRJ-6', status: 503, errors: [expect.any(String)] },
      { issueId: expect.any(Number), issueKey: 'PRJ-8', status: 200 },
      { issueId: null, issueKey: 'PRJ-99', status: 404, errors: [expect.any(String)] },
    ]);
    expect((await rankOrder()).slice(0, 2)).toEqual(['PRJ-8', 'PRJ-1']);
  });

  it('refuses more than 50 issues, a missing anchor, and users without Schedule Issues', async () => {
    const many = Array.from({ length: 51 }, () => 'PRJ-2');
    expect((await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: many, rankBeforeIssue: 'PRJ-1' })).status).toBe(400);
    expect((await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-2'] })).status).toBe(400);
    expect((await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-2'], rankBeforeIssue: 'PRJ-1' }, BOB)).status).toBe(403);
  });
});

describe('boards and sprints', () => {
  it('lists the project boards, and sprints by state with only the properties of the spec', async () => {
    const boards = await s.call('GET', '/rest/agile/1.0/board?projectKeyOrId=PRJ');
    expect(boards.body).toMatchObject({ startAt: 0, isLast: true, values: [{ id: 1, type: 'scrum', location: { projectKey: 'PRJ' } }] });
    expect(checkResponse('agile', 'GET', '/rest/agile/1.0/board', '200', boards.body)).toEqual([]);
    expect((await s.call('GET', '/rest/agile/1.0/board?projectKeyOrId=SEC', undefined, ALICE)).status).toBe(404);

    const all = await s.call('GET', '/rest/agile/1.0/board/1/sprint');
    expect(all.body.values.map((v: { id: number }) => v.id)).toEqual([1, 2, 4, 3]);
    const closed = await s.call('GET', '/rest/agile/1.0/board/1/sprint?state=closed&maxResults=1');
    expect(closed.body).toMatchObject({ startAt: 0, maxResults: 1, isLast: false });
    expect(closed.body.values).toEqual([
      {
        id: 1,
        self: expect.stringMatching(/\/rest\/agile\/1\.0\/sprint\/1$/),
        state: 'closed',
        name: 'S1',
        startDate: '2026-10-01T00:00:00.000Z',
        endDate: '2026-10-15T00:00:00.000Z',
        completeDate: '2026-10-15T02:00:00.000Z',
        originBoardId: 1,
      },
    ]);
    const next = await s.call('GET', '/rest/agile/1.0/board/1/sprint?state=closed&maxResults=1&startAt=1');
    expect(next.body).toMatchObject({ isLast: true, values: [{ id: 2, name: 'S2' }] });
    // A seed's extra property on a sprint is not a property Jira has: it stays out of the reply.
    expect(next.body.values[0]).not.toHaveProperty('velocity');
    expect((await s.call('GET', '/rest/agile/1.0/board/9/sprint')).status).toBe(404);
  });
});
