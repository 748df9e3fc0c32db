import type { JiraIssueLike } from '../../src/domain';
import { seededRandom } from '../../dev/demo/random';

export const BENCH_FIELDS = {
  storyPoints: 'customfield_10016',
  businessValue: 'customfield_10050',
  customerCount: null,
  organizations: 'customfield_10002',
  customerTier: null,
};

const BLOCKS = { id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const RELATES = { id: '2', name: 'Relates', inward: 'relates to', outward: 'relates to' };
const CAUSES = { id: '3', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' };
const POINTS = [1, 2, 3, 5, 8, 13, null];

/**
 * A large synthetic project: `n` candidates with `feedbackPerIssue` links each to feedback tickets
 * (from `orgs` organisations), some blocks links, debt labels, due dates and missing estimates.
 */
export function generateProject(n: number, feedbackPerIssue: number, seed = 42): { candidates: JiraIssueLike[]; tickets: Map<string, JiraIssueLike> } {
  const rnd = seededRandom(seed);
  const ticketCount = Math.max(10, Math.floor(n / 2));
  const orgs = Math.max(5, Math.floor(n / 50));
  const tickets = new Map<string, JiraIssueLike>();
  for (let t = 1; t <= ticketCount; t++) {
    const key = `SUP-${t}`;
    const day = 1 + Math.floor(rnd() * 360);
    tickets.set(key, {
      id: String(500000 + t),
      key,
      fields: {
        created: new Date(Date.UTC(2026, 0, day)).toISOString(),
        [BENCH_FIELDS.organizations]: [{ id: String(t % orgs), name: `Org ${Math.floor(rnd() * orgs)}` }],
        reporter: { accountId: `acc-${t}` },
      },
    });
  }
  const candidates: JiraIssueLike[] = [];
  for (let i = 1; i <= n; i++) {
    const links: unknown[] = [];
    for (let f = 0; f < feedbackPerIssue; f++) {
      links.push({
        id: `f${i}-${f}`,
        type: RELATES,
        inwardIssue: { key: `SUP-${1 + Math.floor(rnd() * ticketCount)}`, fields: { issuetype: { name: 'Support request' } } },
      });
    }
    if (rnd() < 0.1)
      links.push({
        id: `b${i}`,
        type: BLOCKS,
        outwardIssue: { key: `PRJ-${1 + Math.floor(rnd() * n)}`, fields: { status: { statusCategory: { key: 'new' } } } },
      });
    const debt = rnd() < 0.15;
    if (debt && rnd() < 0.5) links.push({ id: `c${i}`, type: CAUSES, outwardIssue: { key: `PRJ-${n + i}`, fields: { issuetype: { name: 'Bug' } } } });
    candidates.push({
      id: String(10000 + i),
      key: `PRJ-${i}`,
      fields: {
        summary: `Issue ${i}`,
        issuetype: { name: debt ? 'Task' : 'Story' },
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        labels: debt ? ['tech-debt'] : ['feature'],
        created: new Date(Date.UTC(2025, 0, 1 + Math.floor(rnd() * 600))).toISOString(),
        duedate: rnd() < 0.2 ? `2027-0${1 + Math.floor(rnd() * 9)}-15` : null,
        issuelinks: links,
        [BENCH_FIELDS.storyPoints]: POINTS[Math.floor(rnd() * POINTS.length)],
        [BENCH_FIELDS.businessValue]: Math.floor(rnd() * 10),
      },
    });
  }
  return { candidates, tickets };
}
