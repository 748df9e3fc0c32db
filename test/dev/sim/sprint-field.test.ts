import { parseSeed, SeedError } from '../../../dev/sim/seed';
import { aSeed, anIssue, ALICE, startSim, status, type RunningSim } from './helpers';

const SPRINTS = [
  {
    id: 7,
    originBoardId: 1,
    state: 'closed',
    name: 'PRJ Sprint 7',
    goal: 'Checkout',
    startDate: '2026-10-05T09:00:00.000Z',
    endDate: '2026-10-19T08:00:00.000Z',
    completeDate: '2026-10-19T09:30:00.000Z',
  },
  { id: 8, originBoardId: 1, state: 'active', name: 'PRJ Sprint 8', startDate: '2026-10-19T09:00:00.000Z', endDate: '2026-11-02T08:00:00.000Z' },
];
const BOARD = { id: 1, name: 'PRJ board', type: 'scrum', location: { projectKey: 'PRJ' } };

const seed = () =>
  aSeed(
    [
      anIssue({ key: 'PRJ-1', points: 5, status: status('Done', 'done'), extra: { customfield_10020: [7], resolutiondate: '2026-10-12T10:00:00.000+0000' } }),
      anIssue({ key: 'PRJ-2', points: 3, extra: { customfield_10020: [{ id: 7 }, { id: 8 }] } }),
      anIssue({ key: 'PRJ-3', points: 2 }),
    ],
    { boards: [BOARD], sprints: SPRINTS },
  );

let s: RunningSim;
beforeEach(async () => {
  s = await startSim({ seed: seed() });
});
afterEach(() => s.close());

const keys = async (jql: string): Promise<{ status: number; keys: string[]; body: any }> => {
  const res = await s.call('POST', '/rest/api/3/search/jql', { jql, fields: ['key'] });
  return { status: res.status, keys: (res.body.issues ?? []).map((i: { key: string }) => i.key), body: res.body };
};

describe('the Sprint field', () => {
  it('is listed in GET /field as Jira Software declares it', async () => {
    const fields = (await s.call('GET', '/rest/api/3/field')).body as Array<{ id: string; schema?: { custom?: string } }>;
    const sprint = fields.filter((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint');
    expect(sprint).toEqual([
      expect.objectContaining({ id: 'customfield_10020', name: 'Sprint', custom: true, schema: expect.objectContaining({ type: 'array', items: 'json' }) }),
    ]);
    expect(fields.find((f) => f.id === 'resolutiondate')).toEqual(
      expect.objectContaining({ name: 'Resolved', schema: expect.objectContaining({ type: 'datetime' }) }),
    );
  });

  it('shows each sprint the issue was in as a JSON sprint object, whether the seed wrote ids or objects', async () => {
    const res = await s.call('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['PRJ-1', 'PRJ-2', 'PRJ-3'],
      fields: ['customfield_10020', 'resolutiondate'],
    });
    const byKey = Object.fromEntries(res.body.issues.map((i: { key: string; fields: Record<string, unknown> }) => [i.key, i.fields]));
    const s7 = {
      id: 7,
      name: 'PRJ Sprint 7',
      state: 'closed',
      boardId: 1,
      goal: 'Checkout',
      startDate: SPRINTS[0]!.startDate,
      endDate: SPRINTS[0]!.endDate,
      completeDate: SPRINTS[0]!.completeDate,
    };
    expect(byKey['PRJ-1']).toEqual({ customfield_10020: [s7], resolutiondate: '2026-10-12T10:00:00.000+0000' });
    expect(byKey['PRJ-2'].customfield_10020).toEqual([
      s7,
      { id: 8, name: 'PRJ Sprint 8', state: 'active', boardId: 1, startDate: SPRINTS[1]!.startDate, endDate: SPRINTS[1]!.endDate },
    ]);
    expect(byKey['PRJ-3'].customfield_10020 ?? null).toBeNull();
  });
});

describe('JQL on sprints and resolution dates', () => {
  it('finds the issues a sprint names, by id or name, combined with statusCategory', async () => {
    expect((await keys('sprint in (7) ORDER BY key ASC')).keys).toEqual(['PRJ-1', 'PRJ-2']);
    expect((await keys('sprint = 8')).keys).toEqual(['PRJ-2']);
    expect((await keys('sprint = "PRJ Sprint 7" AND statusCategory = Done')).keys).toEqual(['PRJ-1']);
    expect((await keys('project = PRJ AND sprint in (7, 8) AND statusCategory = Done')).keys).toEqual(['PRJ-1']);
    expect((await keys('project = PRJ AND sprint is EMPTY')).keys).toEqual(['PRJ-3']);
  });

  it('compares resolution dates', async () => {
    expect((await keys('resolutiondate >= "2026-10-12" ORDER BY key ASC')).keys).toEqual(['PRJ-1']);
    expect((await keys('resolved < "2026-10-01"')).keys).toEqual([]);
  });

  it('answers 400 for a sprint that does not exist', async () => {
    const res = await keys('sprint in (99)');
    expect(res.status).toBe(400);
    expect(res.body.errorMessages).toEqual(["The value '99' does not exist for the field 'sprint'."]);
  });

  it('refuses an edit of resolutiondate (Jira sets it on resolving)', async () => {
    const res = await s.call('PUT', '/rest/api/3/issue/PRJ-3', { fields: { resolutiondate: '2026-10-01T00:00:00.000+0000' } }, ALICE);
    expect(res.status).toBe(400);
  });
});

describe('seed validation of sprint membership', () => {
  it('refuses a Sprint field that names an unknown sprint, naming the path', () => {
    const bad = aSeed([anIssue({ key: 'PRJ-1', extra: { customfield_10020: [7, 42] } })], { boards: [BOARD], sprints: SPRINTS });
    expect(() => parseSeed(bad)).toThrow(SeedError);
    expect(() => parseSeed(bad)).toThrow('issues[0].fields.customfield_10020[1]: unknown sprint 42');
  });
});
