import { DONE, PO, SPRINTS, sprintSite, TODO } from '../builders/sprint-site';
import { invoke, projectPage, startDemo } from './harness';

const BLOCKS = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const RELATES = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' };

type Issue = { id: string; key: string; fields: Record<string, unknown> & { issuelinks: unknown[] } };

/** The sprint-planning site: a PRJ backlog with blocks links, tech debt, feedback from SUP, and sprint history. */
function site(opts: { history: boolean }) {
  let n = 0;
  const issue = (project: 'PRJ' | 'SUP', fields: Record<string, unknown>): Issue => {
    n += 1;
    return {
      id: String(10000 + n),
      key: `${project}-${n}`,
      fields: {
        summary: `Work ${n}`,
        issuetype: { name: project === 'SUP' ? 'Support' : 'Story', subtask: false, hierarchyLevel: 0 },
        labels: [],
        created: '2026-09-01T10:00:00.000+0000',
        updated: '2026-11-20T10:00:00.000+0000',
        issuelinks: [],
        ...fields,
      },
    };
  };
  const done = (sprints: number[], resolved: string, points: number) =>
    issue('PRJ', { status: DONE, customfield_10020: sprints, resolutiondate: resolved, customfield_10016: points });
  const open = (summary: string, points: number | null, more: Record<string, unknown> = {}) =>
    issue('PRJ', { summary, status: TODO, ...(points === null ? {} : { customfield_10016: points }), ...more });
  const ref = (i: Issue) => ({ id: i.id, key: i.key, fields: { summary: i.fields.summary, status: i.fields.status, issuetype: i.fields.issuetype } });
  let linkId = 30000;
  const link = (type: typeof BLOCKS, from: Issue, to: Issue) => {
    const id = String(linkId++);
    from.fields.issuelinks.push({ id, type, outwardIssue: ref(to) });
    to.fields.issuelinks.push({ id, type, inwardIssue: ref(from) });
  };

  // The closed sprints delivered 8, 13 and 5 points (median 8).
  const history = opts.history
    ? [
        done([11], '2026-10-01T12:00:00.000+0000', 5),
        done([11], '2026-10-12T09:10:00.000+0000', 3),
        done([11, 12], '2026-10-20T12:00:00.000+0000', 8),
        done([12], '2026-10-22T12:00:00.000+0000', 5),
        done([13], '2026-10-28T12:00:00.000+0000', 2),
        done([12, 13], '2026-11-09T10:00:00.000+0000', 3),
      ]
    : [];
  // Three customers ask for features A, B and C and for what the active sprint holds at its top; two for "Checkout",
  // which waits for "Payments API"; one for "Export".
  const checkout = open('Checkout', 3);
  const paymentsApi = open('Payments API', 2);
  const exportCsv = open('Export', 2);
  const inSprintHigh = open('Search (in the sprint)', 1, { customfield_10020: [14] });
  const features = [open('Feature A', 3), open('Feature B', 3), open('Feature C', 5), open('Unestimated', null)];
  const debt = open('Refactor the billing module', 1, { labels: ['tech-debt'], created: '2026-11-20T10:00:00.000+0000' });
  const inSprintLow = open('Polish (in the sprint)', 1, { customfield_10020: [14] });
  const tickets = [1, 2, 3].map((k) =>
    issue('SUP', { summary: `Customer ${k} asks`, status: TODO, reporter: { accountId: `cust-${k}`, displayName: `Customer ${k}` } }),
  );
  link(BLOCKS, paymentsApi, checkout);
  link(RELATES, checkout, tickets[0]!);
  link(RELATES, checkout, tickets[1]!);
  link(RELATES, exportCsv, tickets[2]!);
  for (const asked of [...features.slice(0, 3), inSprintHigh]) for (const t of tickets) link(RELATES, asked, t);
  const issues = [...history, checkout, exportCsv, inSprintHigh, ...features, paymentsApi, debt, inSprintLow, ...tickets];
  // Without history only the active sprint is left.
  const seed = sprintSite({
    issues,
    sprints: opts.history ? SPRINTS : SPRINTS.filter((s) => s.state === 'active'),
    moreProjects: [{ key: 'SUP', id: '10001', name: 'Support', projectTypeKey: 'service_desk', permissions: { [PO]: ['BROWSE_PROJECTS'] } }],
    issueLinkTypes: [BLOCKS, RELATES],
  });
  return {
    seed,
    keys: {
      features: features.map((f) => f.key),
      checkout: checkout.key,
      paymentsApi: paymentsApi.key,
      exportCsv: exportCsv.key,
      debt: debt.key,
      inSprintHigh: inSprintHigh.key,
      inSprintLow: inSprintLow.key,
      unestimated: features[3]!.key,
    },
  };
}

const ctx = { accountId: PO, ...projectPage('PRJ') };
type Proposal = {
  capacity: number;
  capacitySource: { kind: string; sprints?: number };
  items: { key: string; points: number; estimated: boolean; kind: string; rank: number; why: string }[];
  used: number;
  customerShare: number;
  debtShare: number;
  targetDebtShare: number;
  skipped: { key: string; summary: string; rank: number; points: number; why: string }[];
  activeSprint?: { id: number; name: string; issues: number; lowRanked: { key: string; rank: number }[] };
  warnings: string[];
};

describe('planSprint', () => {
  it('proposes what fits the median sprint, blockers first, keeping the debt share, and lists the active sprint items that rank low', async () => {
    const { seed, keys } = site({ history: true });
    const preview = await startDemo({ seed });
    try {
      const r = await invoke<Proposal>(preview.url, 'planSprint', { projectKey: 'PRJ' }, ctx);
      expect(r.error).toBeUndefined();
      const plan = r.data!;
      // Delivered per closed sprint, by hand: 8, 13 and 5 points; the median is 8.
      expect(plan.capacity).toBe(8);
      expect(plan.capacitySource).toEqual({ kind: 'history', sprints: 3 });
      const proposed = plan.items.map((i) => i.key);
      expect(plan.used).toBe(plan.items.reduce((s, i) => s + i.points, 0));

      // A and B (3 points each) fit the 6.4 feature points; C (5) would not.
      // The 1-point debt item ranks below them and takes the debt share (20 % of 8 points); then nothing else fits.
      const [a, b] = keys.features;
      expect(proposed).toEqual([a, b, keys.debt]);
      expect(plan.used).toBe(7);
      const debt = plan.items[2]!;
      expect(debt.why).toBe(`rank ${debt.rank}; debt share`);
      const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PRJ', pageSize: 50 }, ctx);
      const rankOf = (key: string) => (backlog.data.items as { key: string; rank: number }[]).find((i) => i.key === key)!.rank;
      expect(rankOf(keys.features[2]!)).toBeLessThan(debt.rank);
      expect(plan.targetDebtShare).toBe(0.2);
      expect(plan.debtShare).toBeCloseTo(1 / 7, 9);
      // Customer share: A and B carry customer voice, the debt item none.
      expect(plan.customerShare).toBeCloseTo(6 / 7, 9);

      // What is in the active sprint is not proposed; of it, only what ranks below the proposal's cut is listed.
      expect(proposed).not.toContain(keys.inSprintHigh);
      expect(proposed).not.toContain(keys.inSprintLow);
      expect(plan.activeSprint).toMatchObject({ id: 14, name: 'PRJ Sprint 14', issues: 2 });
      expect(plan.activeSprint!.lowRanked.map((i) => i.key)).toEqual([keys.inSprintLow]);
      // Above the cut but not proposed: the active sprint's top item, said so.
      expect(plan.skipped).toEqual([{ key: keys.inSprintHigh, summary: 'Search (in the sprint)', rank: 1, points: 1, why: 'in PRJ Sprint 14 already' }]);
    } finally {
      await preview.close();
    }
  }, 60_000);

  it('takes the capacity the PO types, marks an item without points as estimated at the project median, and never exceeds the capacity', async () => {
    const { seed, keys } = site({ history: true });
    const preview = await startDemo({ seed });
    try {
      const r = await invoke<Proposal>(preview.url, 'planSprint', { projectKey: 'PRJ', capacity: 40 }, ctx);
      const plan = r.data!;
      expect(plan.capacity).toBe(40);
      expect(plan.capacitySource).toEqual({ kind: 'typed' });
      const unestimated = plan.items.find((i) => i.key === keys.unestimated)!;
      expect(unestimated.estimated).toBe(true);
      // The project's median of the candidates' points: 3, 2, 1, 3, 3, 5, 2, 1, 1 → 2.
      expect(unestimated.points).toBe(2);
      expect(plan.items.filter((i) => i.key !== keys.unestimated).every((i) => !i.estimated)).toBe(true);
      expect(plan.used).toBeLessThanOrEqual(40);
      // Checkout ranks above its blocker; the blocker is proposed first and says why.
      const proposed = plan.items.map((i) => i.key);
      const blocker = plan.items.find((i) => i.key === keys.paymentsApi)!;
      expect(blocker.rank).toBeGreaterThan(plan.items.find((i) => i.key === keys.checkout)!.rank);
      expect(proposed.indexOf(keys.paymentsApi)).toBeLessThan(proposed.indexOf(keys.checkout));
      expect(blocker.why).toMatch(new RegExp(`blocks ${keys.checkout}`));
      // Everything fits; only the active sprint's item that ranks below every proposed one ranks low.
      const cut = Math.max(...plan.items.map((i) => i.rank));
      expect(plan.activeSprint!.lowRanked).toEqual([expect.objectContaining({ key: keys.inSprintLow })]);
      expect(plan.activeSprint!.lowRanked[0]!.rank).toBeGreaterThan(cut);

      const small = await invoke<Proposal>(preview.url, 'planSprint', { projectKey: 'PRJ', capacity: 3 }, ctx);
      expect(small.data!.used).toBeLessThanOrEqual(3);
      // What ranks above the cut but does not fit says how much it needs and how much is left.
      expect(small.data!.skipped).toContainEqual(expect.objectContaining({ key: keys.features[0], why: `needs 3 points, ${3 - small.data!.used} left` }));
      const bad = await invoke(preview.url, 'planSprint', { projectKey: 'PRJ', capacity: -5 }, ctx);
      expect(bad.error?.code).toBe('INVALID_PAYLOAD');
    } finally {
      await preview.close();
    }
  }, 60_000);

  it('puts an item pinned to this quarter first, holds back one pinned to a later quarter, and leaves a position pin to the ranking', async () => {
    const { seed, keys } = site({ history: true });
    const preview = await startDemo({ seed });
    try {
      const [a, , c] = keys.features as [string, string, string];
      for (const [issueKey, quarter] of [
        [c, '2026-Q4'],
        [a, '2027-Q2'],
      ] as const) {
        const pinned = await invoke(preview.url, 'setPin', { projectKey: 'PRJ', issueKey, quarter }, ctx);
        expect(pinned.error).toBeUndefined();
      }
      // A position pin places the item in the ranking; the sprint takes it at that rank, not ahead of the rest.
      expect((await invoke(preview.url, 'setPin', { projectKey: 'PRJ', issueKey: keys.exportCsv, position: 9 }, ctx)).error).toBeUndefined();
      const plan = (await invoke<Proposal>(preview.url, 'planSprint', { projectKey: 'PRJ' }, ctx)).data!;
      expect(plan.items[0]).toMatchObject({ key: c, why: expect.stringMatching(/; pinned$/) });
      expect(plan.items.map((i) => i.key)).not.toContain(a);
      for (const it of plan.items.slice(1)) expect(it.why).not.toMatch(/pinned/);
      expect(plan.skipped).toContainEqual(expect.objectContaining({ key: a, why: 'pinned to 2027-Q2' }));
      expect(plan.used).toBeLessThanOrEqual(8);
    } finally {
      await preview.close();
    }
  }, 60_000);

  it('with no closed sprint, proposes nothing and asks for a capacity instead of guessing one', async () => {
    const { seed } = site({ history: false });
    const preview = await startDemo({ seed });
    try {
      const r = await invoke<Proposal>(preview.url, 'planSprint', { projectKey: 'PRJ' }, ctx);
      expect(r.error).toBeUndefined();
      expect(r.data).toMatchObject({ capacity: 0, capacitySource: { kind: 'none' }, items: [], used: 0 });
      expect(r.data!.warnings[0]).toMatch(/No closed sprint with start and completion dates.*type the sprint's capacity in points/);
      const typed = await invoke<Proposal>(preview.url, 'planSprint', { projectKey: 'PRJ', capacity: 10 }, ctx);
      expect(typed.data!.items.length).toBeGreaterThan(0);
      expect(typed.data!.used).toBeLessThanOrEqual(10);
    } finally {
      await preview.close();
    }
  }, 60_000);
});
