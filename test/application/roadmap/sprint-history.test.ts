import { MAX_SPRINT_ISSUES, sprintHistory } from '../../../src/application/roadmap/sprint-history';
import type { JiraField } from '../../../src/application/ports/jira';
import type { JiraIssueLike } from '../../../src/domain';
import { MemoryJira } from '../../fakes/memory-jira';
import { MemoryKv } from '../../fakes/memory-kv';

const SPRINT_FIELD: JiraField = {
  id: 'customfield_10020',
  name: 'Sprint',
  custom: true,
  schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
};
const POINTS = 'customfield_10016';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-25T00:00:00Z');

const sprint = (id: number, start: string, end: string, complete: string) => ({ id, state: 'closed', startDate: start, endDate: end, completeDate: complete });
const S1 = sprint(1, '2026-10-01T09:00:00.000Z', '2026-10-15T09:00:00.000Z', '2026-10-15T10:00:00.000Z');
const S2 = sprint(2, '2026-10-15T09:00:00.000Z', '2026-10-29T09:00:00.000Z', '2026-10-29T10:00:00.000Z');
const S3 = sprint(3, '2026-10-29T09:00:00.000Z', '2026-11-12T09:00:00.000Z', '2026-11-12T10:00:00.000Z');

let seq = 0;
const done = (sprintIds: number[], resolved: string, points: number): JiraIssueLike => {
  seq += 1;
  return {
    id: String(50000 + seq),
    key: `PRJ-${seq}`,
    fields: { customfield_10020: sprintIds.map((id) => ({ id, name: `S${id}`, state: 'closed', boardId: 1 })), resolutiondate: resolved, [POINTS]: points },
  };
};

describe('sprintHistory', () => {
  it('reads done issues of the closed sprints by one JQL and one bulkfetch of the Sprint field, resolutiondate and points', async () => {
    const jira = new MemoryJira([done([1], '2026-10-03T12:00:00.000+0000', 5), done([1, 2], '2026-10-20T12:00:00.000+0000', 8)], [SPRINT_FIELD]);
    jira.sprints = [S1, S2];
    const result = await sprintHistory(jira, new MemoryKv(), 'PRJ', 'site|po', POINTS, T0);

    expect(result.deliveries).toEqual([
      { id: 1, points: 5, days: 14 },
      { id: 2, points: 8, days: 14 },
    ]);
    expect(jira.jql).toEqual(['sprint in (1, 2) AND statusCategory = Done']);
    expect(jira.fetchedFields).toEqual([['customfield_10020', 'resolutiondate', POINTS]]);
  });

  it('asks Jira nothing within the hour, and after it reads only the sprints that closed since', async () => {
    const kv = new MemoryKv();
    const jira = new MemoryJira([done([1], '2026-10-03T12:00:00.000+0000', 5)], [SPRINT_FIELD]);
    jira.sprints = [S1];
    await sprintHistory(jira, kv, 'PRJ', 'site|po', POINTS, T0);
    const requests = jira.requests;
    const listings = jira.sprintListings;

    expect((await sprintHistory(jira, kv, 'PRJ', 'site|po', POINTS, T0 + HOUR - 1)).deliveries).toEqual([{ id: 1, points: 5, days: 14 }]);
    expect([jira.requests, jira.sprintListings]).toEqual([requests, listings]);

    const later = new MemoryJira([done([3], '2026-11-01T12:00:00.000+0000', 13)], [SPRINT_FIELD]);
    later.sprints = [S1, S3];
    const result = await sprintHistory(later, kv, 'PRJ', 'site|po', POINTS, T0 + 2 * HOUR);
    expect(result.deliveries).toEqual([
      { id: 1, points: 5, days: 14 },
      { id: 3, points: 13, days: 14 },
    ]);
    expect(later.jql).toEqual(['sprint in (3) AND statusCategory = Done']);
  });

  it('reads at most MAX_SPRINT_ISSUES done issues and says so, without storing the low count', async () => {
    const many = Array.from({ length: MAX_SPRINT_ISSUES + 5 }, () => done([1], '2026-10-03T12:00:00.000+0000', 1));
    const jira = new MemoryJira(many, [SPRINT_FIELD]);
    jira.sprints = [S1];
    const kv = new MemoryKv();
    const result = await sprintHistory(jira, kv, 'PRJ', 'site|po', POINTS, T0);

    expect(result.truncated).toBe(true);
    expect(result.deliveries).toEqual([{ id: 1, points: MAX_SPRINT_ISSUES, days: 14 }]);
    expect(jira.fetchedFields).toHaveLength(1);
    expect(jira.requests).toBeLessThanOrEqual(1 + 1 + Math.ceil(MAX_SPRINT_ISSUES / 100));
    expect([...kv.data.keys()].filter((k) => k.startsWith('caps:PRJ'))).toEqual([]);
  });

  it('has no history without a story points field or a Sprint field, and says which', async () => {
    const jira = new MemoryJira([], []);
    jira.sprints = [S1];
    expect((await sprintHistory(jira, new MemoryKv(), 'PRJ', 'site|po', null, T0)).missing).toBe('no-points-field');
    expect(await sprintHistory(jira, new MemoryKv(), 'PRJ', 'site|po', POINTS, T0)).toEqual({ deliveries: [], missing: 'no-sprint-field', truncated: false });
    jira.sprints = [];
    expect((await sprintHistory(jira, new MemoryKv(), 'PRJ', 'site|po', POINTS, T0)).missing).toBe('no-sprints');
  });

  it("keeps each reader's history apart: one user's narrower view never becomes another's capacity", async () => {
    const kv = new MemoryKv();
    const narrow = new MemoryJira([], []);
    narrow.sprints = [];
    expect((await sprintHistory(narrow, kv, 'PRJ', 'site|developer', POINTS, T0)).missing).toBe('no-sprints');
    const wide = new MemoryJira([], []);
    wide.sprints = [S1];
    const po = await sprintHistory(wide, kv, 'PRJ', 'site|po', POINTS, T0);

    // The PO's sprints are read for the PO, not taken from the developer's empty history of a moment ago.
    expect(wide.sprintListings).toBe(1);
    expect(po.missing).not.toBe('no-sprints');
  });
});
