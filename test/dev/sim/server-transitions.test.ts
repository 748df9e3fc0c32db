import type { SimEvent } from '../../../dev/sim/events';
import { checkResponse } from './openapi-schema';
import { ADMIN, ALICE, aSeed, anIssue, BOB, startSim, status, type RunningSim } from './helpers';

let s: RunningSim;
const events: SimEvent[] = [];

beforeAll(async () => {
  const seed = aSeed([
    anIssue({ key: 'PRJ-1', status: { id: '1', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } } }),
    anIssue({ key: 'PRJ-2', status: { id: '3', name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } } }),
    anIssue({ key: 'PRJ-3', status: { id: '5', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } } }),
    anIssue({ key: 'SEC-1', status: status('Waiting', 'new') }),
  ]);
  const prj = (seed['projects'] as { key: string; permissions: Record<string, string[]> }[])[0]!;
  prj.permissions[ALICE] = [...prj.permissions[ALICE]!, 'TRANSITION_ISSUES'];
  s = await startSim({ seed });
  s.sim.onEvent((e) => events.push(e));
});
afterAll(() => s.close());

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('issue transitions', () => {
  it("lists one transition to each other status the project's issues use, in the spec's shape", async () => {
    const res = await s.call('GET', '/rest/api/3/issue/PRJ-1/transitions', undefined, ALICE);
    expect(res.status).toBe(200);
    expect(res.body.transitions.map((t: { name: string; to: { id: string } }) => [t.name, t.to.id])).toEqual([
      ['In Progress', '3'],
      ['Done', '5'],
    ]);
    expect(checkResponse('platform', 'GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', '200', res.body, { strict: true })).toEqual([]);
    const one = await s.call('GET', '/rest/api/3/issue/PRJ-1/transitions?transitionId=5', undefined, ALICE);
    expect(one.body.transitions.map((t: { id: string }) => t.id)).toEqual(['5']);
  });

  it('lists none to a user without Transition issues, and 404 to one who cannot see the issue', async () => {
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-1/transitions', undefined, BOB)).body).toEqual({ transitions: [] });
    expect((await s.call('GET', '/rest/api/3/issue/SEC-1/transitions', undefined, ALICE)).status).toBe(404);
  });

  it('refuses a transition without Transition issues, without an id, to an unknown status or with screen fields', async () => {
    expect((await s.call('POST', '/rest/api/3/issue/PRJ-1/transitions', { transition: { id: '5' } }, BOB)).status).toBe(400);
    expect((await s.call('POST', '/rest/api/3/issue/PRJ-1/transitions', {}, ALICE)).status).toBe(400);
    expect((await s.call('POST', '/rest/api/3/issue/PRJ-1/transitions', { transition: { id: '999' } }, ALICE)).status).toBe(400);
    const screen = await s.call('POST', '/rest/api/3/issue/PRJ-1/transitions', { transition: { id: '5' }, fields: { resolution: { name: 'Fixed' } } }, ALICE);
    expect(screen.status).toBe(400);
    expect(screen.body.errors).toHaveProperty('resolution');
    const issue = await s.call('GET', '/rest/api/3/issue/PRJ-1?fields=status,resolution', undefined, ADMIN);
    expect(issue.body.fields.status.name).toBe('To Do');
  });

  it('moving to a Done status sets resolution and resolutiondate and fires the issue-updated event; reopening clears them', async () => {
    events.length = 0;
    const done = await s.call('POST', '/rest/api/3/issue/PRJ-1/transitions', { transition: { id: '5' } }, ALICE);
    expect(done.status).toBe(204);
    const after = await s.call('GET', '/rest/api/3/issue/PRJ-1?fields=status,resolution,resolutiondate', undefined, ALICE);
    expect(after.body.fields.status).toMatchObject({ id: '5', name: 'Done', statusCategory: { key: 'done' } });
    expect(after.body.fields.resolution).toMatchObject({ name: 'Done' });
    expect(after.body.fields.resolutiondate).toBe('2026-11-25T00:00:00.000+0000');
    await flush();
    expect(events).toHaveLength(1);
    const payload = events[0]!.payload as {
      eventType: string;
      issue: { key: string };
      changelog: { items: { field: string; toString: string | null }[] };
      atlassianId: string;
    };
    expect(payload.eventType).toBe('avi:jira:updated:issue');
    expect(payload.issue.key).toBe('PRJ-1');
    expect(payload.atlassianId).toBe(ALICE);
    expect(payload.changelog.items.map((i) => [i.field, i.toString])).toEqual([
      ['Status', 'Done'],
      ['Resolution', 'Done'],
    ]);
    expect((await s.call('POST', '/rest/api/3/issue/PRJ-1/transitions', { transition: { id: '1' } }, ALICE)).status).toBe(204);
    const reopened = await s.call('GET', '/rest/api/3/issue/PRJ-1?fields=resolution,resolutiondate', undefined, ALICE);
    expect(reopened.body.fields).toMatchObject({ resolution: null, resolutiondate: null });
  });

  it('a JQL search for done issues finds the transitioned issue', async () => {
    await s.call('POST', '/rest/api/3/issue/PRJ-2/transitions', { transition: { id: '5' } }, ALICE);
    const id = Number((await s.call('GET', '/rest/api/3/issue/PRJ-2?fields=summary', undefined, ADMIN)).body.id);
    const jql = 'project = PRJ AND statusCategory = Done ORDER BY key';
    const res = await s.call('POST', '/rest/api/3/search/jql', { jql, fields: ['key'], reconcileIssues: [id] }, ADMIN);
    expect(res.body.issues.map((i: { key: string }) => i.key)).toContain('PRJ-2');
  });
});
