import { FACTOR_IDS } from '../../src/contract/model';
import { defaultConfig } from '../../src/domain';
import { invoke, PERSONAS, projectPage, startDemo, useDemo } from './harness';

const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;
const NOBODY = PERSONAS.noAccess.accountId;
const ADMIN = PERSONAS.admin.accountId;

describe('resolvers through the local Forge runtime against the simulated demo site', () => {
  const preview = useDemo();

  it('ranks every candidate exactly once, in score order, with contributions adding up', async () => {
    const first = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    expect(first.error).toBeUndefined();
    const { items, total } = first.data;
    expect(total).toBeGreaterThan(150);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i: { key: string }) => i.key)).size).toBe(total);
    items.forEach((item: any, i: number) => {
      expect(item.rank).toBe(i + 1);
      const sum = FACTOR_IDS.reduce((s, id) => s + item.factors[id].contribution, 0);
      expect(Math.abs(sum - item.score)).toBeLessThan(1e-9);
      if (i > 0 && item.pin === null && items[i - 1].pin === null) expect(items[i - 1].score).toBeGreaterThanOrEqual(item.score);
    });
    // The demo has feedback from many organisations; the PO can browse SUP, so customers are counted.
    expect(items.some((i: any) => i.customers >= 5)).toBe(true);
    expect(items.some((i: any) => i.isDebt)).toBe(true);
    expect(items.some((i: any) => i.gaps.includes('effort.missing'))).toBe(true);
  }, 60_000);

  it('pages without losing or repeating an issue', async () => {
    const all = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    const keys: string[] = [];
    for (let page = 0; page < 10; page++) {
      const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', page, pageSize: 40 }, { accountId: PO, ...projectPage('PAY') });
      keys.push(...r.data.items.map((i: { key: string }) => i.key));
      if (r.data.items.length < 40) break;
    }
    expect(keys).toEqual(all.data.items.map((i: { key: string }) => i.key));
  }, 60_000);

  it('explains an issue with the same contributions as the backlog shows', async () => {
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 10 }, { accountId: PO, ...projectPage('PAY') });
    const third = backlog.data.items[2];
    const e = await invoke(
      preview.url,
      'explainIssue',
      { issueKey: third.key },
      { accountId: PO, moduleKey: 'valuerank-issue-panel', extension: { issue: { key: third.key }, project: { key: 'PAY' } } },
    );
    expect(e.error).toBeUndefined();
    expect(e.data.item.rank).toBe(3);
    expect(e.data.above.key).toBe(backlog.data.items[1].key);
    expect(e.data.below.key).toBe(backlog.data.items[3].key);
    for (const id of FACTOR_IDS) {
      expect(e.data.item.factors[id].contribution).toBe(third.factors[id].contribution);
      expect(e.data.item.factors[id].value).toBe(third.factors[id].value);
    }
    expect(e.data.item.score).toBe(third.score);
  }, 60_000);

  it('answers FORBIDDEN to a user who cannot browse the project, and leaks no issue', async () => {
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY' }, { accountId: NOBODY, ...projectPage('PAY') });
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('FORBIDDEN');
    expect(JSON.stringify(r)).not.toMatch(/PAY-\d/);
  }, 30_000);

  it("refuses a payload naming another project than the page's", async () => {
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'SUP' }, { accountId: ADMIN, ...projectPage('PAY') });
    expect(r.error!.code).toBe('FORBIDDEN');
  });

  it('lets a browse-only user change nothing', async () => {
    const cfg = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, { accountId: DEV, ...projectPage('PAY') });
    expect(cfg.ok).toBe(true);
    expect(cfg.data.access).toBe('summary');
    const save = await invoke(
      preview.url,
      'saveConfig',
      { projectKey: 'PAY', expectedVersion: 0, config: defaultConfig() },
      { accountId: DEV, moduleKey: 'valuerank-project-settings', extension: { project: { key: 'PAY' } } },
    );
    expect(save.error!.code).toBe('FORBIDDEN');
    const pin = await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: 'PAY-10', position: 1 }, { accountId: DEV, ...projectPage('PAY') });
    expect(pin.error!.code).toBe('FORBIDDEN');
    const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, { accountId: DEV, ...projectPage('PAY') });
    expect(plan.error!.code).toBe('FORBIDDEN');
    const after = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, { accountId: DEV, ...projectPage('PAY') });
    expect(after.data.scope).toBe('global');
  }, 30_000);

  it('names the bad field of an invalid payload', async () => {
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'pay; DROP', pageSize: 9999 }, { accountId: PO, ...projectPage('PAY') });
    expect(r.error!.code).toBe('INVALID_PAYLOAD');
    expect(r.error!.message).toMatch(/projectKey/);
    expect(r.error!.message).toMatch(/pageSize/);
  });

  it('plans and applies a rank sync that leaves Jira in the value order', async () => {
    const ctx = { accountId: PO, ...projectPage('PAY') };
    const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, ctx);
    expect(plan.error).toBeUndefined();
    expect(plan.data.moves.length).toBeGreaterThan(0);
    preview.sim.resetStats();
    let applied = await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, ctx);
    for (let i = 0; i < 5 && applied.data?.status === 'partial'; i++)
      applied = await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, ctx);
    expect(applied.data.status).toBe('done');
    expect(preview.sim.stats().byEndpoint['PUT /rest/agile/1.0/issue/rank']).toBe(plan.data.calls);
    const again = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, ctx);
    expect(again.data.moves).toEqual([]);
  }, 60_000);
});

describe('roadmap through the preview', () => {
  it('plans every candidate once, with summaries, and says overdue for work past its due date', async () => {
    const preview = await startDemo();
    try {
      const ctx = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };
      const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, ctx);
      const r = await invoke(preview.url, 'getRoadmap', { projectKey: 'PAY' }, ctx);
      expect(r.error).toBeUndefined();
      const placed = [...r.data.quarters.flatMap((q: any) => q.items), ...r.data.later];
      expect(placed.map((i: any) => i.key).sort()).toEqual(backlog.data.items.map((i: any) => i.key).sort());
      expect(placed.every((i: any) => typeof i.summary === 'string' && i.summary.length > 0 && i.reason.length > 0)).toBe(true);
      expect(r.data.quarters[0].label).toBe('2026-Q4');
      const overdue = placed.filter((i: any) => i.atRisk?.startsWith('overdue since'));
      expect(overdue.length).toBeGreaterThan(0);
      for (const q of r.data.quarters)
        expect(q.used.feature + q.used.debt).toBeLessThanOrEqual(
          q.capacity + 1e-9 + Math.max(0, ...q.items.map((i: any) => i.points)) * (q.items.length === 1 ? 1 : 0),
        );
    } finally {
      await preview.close();
    }
  }, 60_000);
});
