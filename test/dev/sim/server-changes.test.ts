import type { SimEvent } from '../../../dev/sim/events';
import { ALICE, aSeed, anIssue, BOB, startSim, stories, type RunningSim, AS_APP } from './helpers';

let s: RunningSim;
let events: SimEvent[];

beforeEach(async () => {
  // These tests read writes back through search at once; search-lag.test.ts covers the search index's lag.
  s = await startSim({ seed: aSeed([...stories(5), anIssue({ key: 'SEC-1' })]), faults: 'searchLag=0' });
  events = [];
  s.sim.onEvent((e) => events.push(e));
});
afterEach(() => s.close());

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function valueScoreField(): Promise<{ id: string; key: string }> {
  const fields = await s.call('GET', '/rest/api/3/field');
  return fields.body.find((f: { name: string }) => f.name === 'Value score');
}

describe('app custom field values', () => {
  it('appear in issue fields and order JQL by "Value score" DESC', async () => {
    const field = await valueScoreField();
    const ids = async (keys: string[]): Promise<number[]> =>
      (await s.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: keys, fields: ['key'] })).body.issues.map((i: { id: string }) => Number(i.id));
    const [i1, i2, i3, i4, i5] = await ids(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4', 'PRJ-5']);
    expect(
      (
        await s.call(
          'PUT',
          `/rest/api/3/app/field/${field.id}/value`,
          {
            updates: [
              { issueIds: [i3], value: 90 },
              { issueIds: [i1, i4], value: 40 },
            ],
          },
          AS_APP,
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await s.call(
          'POST',
          '/rest/api/3/app/field/value',
          {
            updates: [
              { customField: field.key, issueIds: [i2], value: 75.5 },
              { customField: field.id, issueIds: [i5], value: 10 },
            ],
          },
          AS_APP,
        )
      ).status,
    ).toBe(204);

    const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ ORDER BY "Value score" DESC, Rank ASC', fields: ['key', field.id] });
    expect(res.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-3', 'PRJ-2', 'PRJ-1', 'PRJ-4', 'PRJ-5']);
    expect(res.body.issues[0].fields[field.id]).toBe(90);
    const high = await s.call('POST', '/rest/api/3/search/jql', { jql: '"Value score" >= 40 ORDER BY key ASC', fields: ['key'] });
    expect(high.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4']);

    await settle();
    const own = events
      .filter((e) => e.event === 'avi:jira:updated:issue')
      .flatMap((e) => (e.event === 'avi:jira:updated:issue' ? e.payload.changelog.items : []));
    expect(own).toHaveLength(5);
    expect(own.every((item) => item.fieldId === field.id && item.fieldtype === 'custom')).toBe(true);
  });

  it('refuses non-app fields and values of the wrong type', async () => {
    const field = await valueScoreField();
    expect((await s.call('PUT', '/rest/api/3/app/field/customfield_10016/value', { updates: [{ issueIds: [1], value: 1 }] }, AS_APP)).status).toBe(403);
    expect((await s.call('PUT', `/rest/api/3/app/field/${field.id}/value`, { updates: [{ issueIds: [1], value: 'high' }] }, AS_APP)).status).toBe(400);
  });
});

describe('edits, links, properties and their events', () => {
  it('an edit changes the issue and fires avi:jira:updated:issue with a changelog', async () => {
    const res = await s.call(
      'PUT',
      '/rest/api/3/issue/PRJ-2',
      { fields: { summary: 'New title', customfield_10016: 13 }, update: { labels: [{ add: 'tech-debt' }] } },
      ALICE,
    );
    expect(res.status).toBe(204);
    const issue = (await s.call('GET', '/rest/api/3/issue/PRJ-2?fields=summary,labels,customfield_10016,updated')).body;
    expect(issue.fields).toMatchObject({ summary: 'New title', labels: ['tech-debt'], customfield_10016: 13, updated: '2026-11-25T00:00:00.000+0000' });
    await settle();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event: 'avi:jira:updated:issue',
      payload: {
        issue: { key: 'PRJ-2', fields: { summary: 'New title' } },
        atlassianId: ALICE,
        changelog: {
          items: expect.arrayContaining([
            expect.objectContaining({ field: 'Summary', fieldId: 'summary', fromString: 'Summary of PRJ-2', toString: 'New title' }),
            expect.objectContaining({ field: 'Labels', fieldId: 'labels', fromString: '', toString: 'tech-debt' }),
            expect.objectContaining({ field: 'Story Points', fieldId: 'customfield_10016', toString: '13' }),
          ]),
        },
      },
    });
    expect((await s.call('PUT', '/rest/api/3/issue/PRJ-2', { fields: { summary: 'x' } }, BOB)).status).toBe(403);
    expect((await s.call('PUT', '/rest/api/3/issue/PRJ-2', { fields: { status: 'x' } })).body.errors).toHaveProperty('status');
  });

  it('creating and deleting a link updates both issues and fires link events', async () => {
    expect(
      (await s.call('POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: 'PRJ-1' }, outwardIssue: { key: 'PRJ-3' } })).status,
    ).toBe(201);
    const blocker = (await s.call('GET', '/rest/api/3/issue/PRJ-1?fields=issuelinks')).body.fields.issuelinks;
    const blocked = (await s.call('GET', '/rest/api/3/issue/PRJ-3?fields=issuelinks')).body.fields.issuelinks;
    expect(blocker).toEqual([
      expect.objectContaining({
        type: expect.objectContaining({ name: 'Blocks' }),
        outwardIssue: expect.objectContaining({ key: 'PRJ-3', fields: expect.objectContaining({ summary: 'Summary of PRJ-3' }) }),
      }),
    ]);
    expect(blocked).toEqual([expect.objectContaining({ id: blocker[0].id, inwardIssue: expect.objectContaining({ key: 'PRJ-1' }) })]);
    expect((await s.call('DELETE', `/rest/api/3/issueLink/${blocker[0].id}`)).status).toBe(204);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-3?fields=issuelinks')).body.fields.issuelinks).toEqual([]);
    await settle();
    expect(events.map((e) => e.event)).toEqual(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']);
    expect(events[0]?.payload).toMatchObject({ id: blocker[0].id, issueLinkType: { name: 'Blocks' } });
    expect(
      (await s.call('POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: 'PRJ-1' }, outwardIssue: { key: 'SEC-1' } }, ALICE))
        .status,
    ).toBe(404);
  });

  it('stores issue properties', async () => {
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-1/properties/valuerank')).status).toBe(404);
    expect((await s.call('PUT', '/rest/api/3/issue/PRJ-1/properties/valuerank', { pinned: 1 })).status).toBe(201);
    expect((await s.call('PUT', '/rest/api/3/issue/PRJ-1/properties/valuerank', { pinned: 2 })).status).toBe(200);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-1/properties/valuerank')).body).toEqual({ key: 'valuerank', value: { pinned: 2 } });
  });
});
