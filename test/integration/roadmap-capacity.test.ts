import { DONE, PO, sprintSite, TODO } from '../builders/sprint-site';
import { invoke, projectPage, startDemo } from './harness';

let n = 0;
function issue(fields: Record<string, unknown>): Record<string, unknown> {
  n += 1;
  return {
    id: String(10000 + n),
    key: `PRJ-${n}`,
    fields: {
      summary: `Work ${n}`,
      issuetype: { name: 'Story', subtask: false, hierarchyLevel: 0 },
      labels: [],
      created: '2026-09-01T10:00:00.000+0000',
      updated: '2026-11-20T10:00:00.000+0000',
      ...fields,
    },
  };
}
const done = (sprints: number[], resolved: string, points: unknown) =>
  issue({ status: DONE, customfield_10020: sprints, resolutiondate: resolved, customfield_10016: points });
const open = (points: number, sprints: number[] = []) =>
  issue({ status: TODO, customfield_10016: points, ...(sprints.length > 0 ? { customfield_10020: sprints } : {}) });

const issues = [
  // Sprint 11: 5 + 3 = 8 delivered; a 13-point issue resolved after the sprint was closed counts for no sprint.
  done([11], '2026-10-01T12:00:00.000+0000', 5),
  done([11], '2026-10-12T09:10:00.000+0000', 3),
  done([11], '2026-10-13T15:00:00.000+0000', 13),
  // Sprint 12: 8 carried over from sprint 11 and resolved in 12, plus 5 = 13; an issue without points adds nothing.
  done([11, 12], '2026-10-20T12:00:00.000+0000', 8),
  done([12], '2026-10-22T12:00:00.000+0000', 5),
  done([12], '2026-10-23T12:00:00.000+0000', null),
  // Sprint 13: 2 + 3 = 5; one resolved before the sprint started (in 13's field only) does not count.
  done([13], '2026-10-28T12:00:00.000+0000', 2),
  done([12, 13], '2026-11-09T10:00:00.000+0000', 3),
  done([13], '2026-10-25T12:00:00.000+0000', 21),
  // Done work in the active sprint and outside any sprint: not sprint history.
  done([14], '2026-11-12T12:00:00.000+0000', 34),
  done([], '2026-10-05T12:00:00.000+0000', 55),
  // The backlog to plan.
  ...Array.from({ length: 12 }, (_, i) => open([3, 5, 8][i % 3] as number, i < 2 ? [14] : [])),
];

const seed = sprintSite({ issues });

describe('roadmap capacity from sprint history', () => {
  it("uses what the closed sprints' issues delivered: the median sprint scaled to a quarter", async () => {
    const preview = await startDemo({ seed });
    try {
      const ctx = { accountId: PO, ...projectPage('PRJ') };
      const r = await invoke(preview.url, 'getRoadmap', { projectKey: 'PRJ' }, ctx);
      expect(r.error).toBeUndefined();

      // Delivered per closed sprint, by hand: 8, 13 and 5 points; the median is 8. Each sprint is 14 calendar days
      // (start 09:00 to end 08:00 two weeks later). The quarter of `now` (2026-Q4) has 92 days.
      const perQuarter = (8 * 92) / 14;
      const next = r.data.quarters[1];
      expect(next.label).toBe('2027-Q1');
      expect(next.capacity).toBeCloseTo(perQuarter, 9);
      // The current quarter is pro-rated to the days left after now (Nov 26 – Dec 31: 36 of 92 days).
      expect(r.data.quarters[0].capacity).toBeCloseTo((perQuarter * 36) / 92, 9);
      expect(r.data.warnings.join(' ')).not.toMatch(/fallback/);

      // A second roadmap reads the stored history: no sprint, search or bulkfetch request.
      await fetch(`${preview.url}/__sim/stats/reset`, { method: 'POST' });
      const again = await invoke(preview.url, 'getRoadmap', { projectKey: 'PRJ' }, ctx);
      expect(again.data.quarters[1].capacity).toBeCloseTo(perQuarter, 9);
      const stats = (await (await fetch(`${preview.url}/__sim/stats`)).json()) as { byEndpoint: Record<string, number> };
      expect(stats.byEndpoint['GET /rest/agile/1.0/board/{boardId}/sprint'] ?? 0).toBe(0);
      expect(stats.byEndpoint['GET /rest/agile/1.0/board'] ?? 0).toBe(0);
    } finally {
      await preview.close();
    }
  }, 60_000);
});
