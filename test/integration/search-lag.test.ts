import type { RecordedExchange } from '../../dev/sim/server';
import { generateDemoSite } from '../../dev/demo/generate-site';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { invoke, PERSONAS, projectPage, startDemo } from './harness';

const PO = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };

/**
 * Jira's search lags writes (the simulator holds them back for a minute here); a rank sync reads its own writes
 * back by passing the moved issues' ids in `reconcileIssues`.
 */
describe('rank sync against a search index that lags its writes', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  const searches: RecordedExchange[] = [];
  beforeAll(async () => {
    // A small backlog: a plan of at most 50 moves, which reconcileIssues (≤ 50 ids) covers entirely.
    preview = await startDemo({ seed: { ...generateDemoSite({ issues: 40 }), config: DEMO_CONFIG }, faults: 'searchLag=60s' });
    preview.sim.onRequest((r) => {
      if (r.template === '/rest/api/3/search/jql') searches.push(r);
    });
  }, 60_000);
  afterAll(async () => {
    await preview.close();
  });

  const jiraOrderUnreconciled = async (): Promise<string[]> => {
    const res = await fetch(`${preview.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'project = PAY AND statusCategory != Done ORDER BY Rank ASC', fields: ['key'], maxResults: 500 }),
    });
    return ((await res.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
  };

  it('a re-plan right after an apply sees the new order, because it reconciles the moved issues', async () => {
    const before = await jiraOrderUnreconciled();
    // The project page first: planning needs the project's snapshot.
    await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, PO);
    const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, PO);
    expect(plan.data.moves.length).toBeGreaterThan(0);
    expect(plan.data.moves.length).toBeLessThanOrEqual(50);
    const applied = await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, PO);
    expect(applied.data).toMatchObject({ status: 'done', failed: [] });

    searches.splice(0);
    const again = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, PO);
    expect(again.data.moves).toEqual([]);
    // What made the difference: the search carried the moved ids; without them Jira's index still has the old order.
    const reconciled = searches.flatMap((s) => ((s.body as { reconcileIssues?: number[] }).reconcileIssues ?? []).map(String));
    expect(reconciled.length).toBe(plan.data.moves.length);
    expect(await jiraOrderUnreconciled()).toEqual(before);
  }, 60_000);

  it('an apply that has to re-plan after a refused move starts from where its earlier moves put the issues', async () => {
    const fresh = await startDemo({ seed: { ...generateDemoSite({ issues: 40 }), config: DEMO_CONFIG }, faults: 'searchLag=60s' });
    const ranks: RecordedExchange[] = [];
    fresh.sim.onRequest((r) => {
      if (r.template === '/rest/agile/1.0/issue/rank') ranks.push(r);
    });
    try {
      // The project page first: planning needs the project's snapshot.
      await invoke(fresh.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, PO);
      // The project page first: planning needs the project's snapshot.
      await invoke(fresh.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, PO);
      const plan = await invoke(fresh.url, 'planRankSync', { projectKey: 'PAY' }, PO);
      expect(plan.data.moves.length).toBeGreaterThan(1);
      const refused = plan.data.moves[plan.data.moves.length - 1].key;
      fresh.sim.faults.failRank([refused]);
      const partial = await invoke(fresh.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, PO);
      expect(partial.data.failed.map((f: { key: string }) => f.key)).toEqual([refused]);
      fresh.sim.faults.failRank([]);

      ranks.splice(0);
      const resumed = await invoke(fresh.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, PO);
      expect(resumed.data).toMatchObject({ status: 'done', failed: [] });
      // The fresh plan moves only the refused issue, not the ones the first apply placed already.
      expect(ranks.map((r) => (r.body as { issues: string[] }).issues)).toEqual([[refused]]);
      expect((await invoke(fresh.url, 'planRankSync', { projectKey: 'PAY' }, PO)).data.moves).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('applies a plan made right after an apply that moved more than reconcileIssues can name, without calling it outdated', async () => {
    const big = await startDemo({ seed: { ...generateDemoSite(), config: DEMO_CONFIG }, faults: 'searchLag=60s' });
    try {
      // The project page first: planning needs the project's snapshot.
      await invoke(big.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, PO);
      // The project page first: planning needs the project's snapshot.
      await invoke(big.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, PO);
      const plan = await invoke(big.url, 'planRankSync', { projectKey: 'PAY' }, PO);
      expect(plan.data.moves.length).toBeGreaterThan(50);
      expect((await invoke(big.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, PO)).data).toMatchObject({ status: 'done' });

      // A new pin changes the value order; the next plan is made while Jira's index still lags the first apply.
      const last = plan.data.moves[plan.data.moves.length - 1].key;
      expect((await invoke(big.url, 'setPin', { projectKey: 'PAY', issueKey: last, position: 1 }, PO)).ok).toBe(true);
      const next = await invoke(big.url, 'planRankSync', { projectKey: 'PAY' }, PO);
      expect(next.data.moves.length).toBeGreaterThan(0);
      const applied = await invoke(big.url, 'applyRankSync', { projectKey: 'PAY', planId: next.data.planId }, PO);
      expect(applied.ok ? applied.data.status : applied.error?.code).toBe('done');
    } finally {
      await big.close();
    }
  }, 120_000);
});
