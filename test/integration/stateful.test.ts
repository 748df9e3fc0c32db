import { invoke, PERSONAS, projectPage, useDemo } from './harness';
import { searchIndexCaughtUp } from './search-index';

const PO = PERSONAS.productOwner.accountId;
const ADMIN = PERSONAS.admin.accountId;
const SUPPORT = PERSONAS.supportAgent.accountId;
const settings = (projectKey: string) => ({ moduleKey: 'valuerank-project-settings', extension: { project: { key: projectKey } } });
const admin = { accountId: ADMIN, moduleKey: 'valuerank-admin-page', extension: {} };

async function setFaults(url: string, spec: string): Promise<void> {
  const r = await fetch(`${url}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec }) });
  expect(r.status).toBeLessThan(300);
}

async function rankOrder(url: string): Promise<string[]> {
  await searchIndexCaughtUp();
  const r = await fetch(`${url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jql: 'project = PAY AND statusCategory != Done AND issuetype not in (Epic, Sub-task) ORDER BY Rank ASC',
      fields: ['key'],
      maxResults: 5000,
    }),
  });
  return ((await r.json()) as { issues: { key: string }[] }).issues.map((i) => i.key);
}

describe('stateful operations through the preview', () => {
  const preview = useDemo();

  it('lets one of two concurrent saves with the same expected version win; the other gets CONFIG_CONFLICT', async () => {
    const current = await invoke(preview.url, 'getConfig', {}, admin);
    const a = structuredClone(current.data.config);
    a.weights.customerVoice = 41;
    const b = structuredClone(current.data.config);
    b.weights.customerVoice = 42;
    const results = await Promise.all([a, b].map((config) => invoke(preview.url, 'saveConfig', { expectedVersion: current.data.version, config }, admin)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.error!.code)).toEqual(['CONFIG_CONFLICT']);
    const history = await invoke(preview.url, 'getConfigHistory', {}, admin);
    expect(history.data.entries[0].version).toBe(current.data.version + 1);
    expect(history.data.entries[0].by).toBe(ADMIN);
    expect(history.data.entries[0].changes).toEqual([
      { path: 'weights.customerVoice', from: current.data.config.weights.customerVoice, to: expect.any(Number) },
    ]);
  }, 30_000);

  it('reverts to an earlier version exactly', async () => {
    const before = await invoke(preview.url, 'getConfig', {}, admin);
    const changed = structuredClone(before.data.config);
    changed.techDebt.labels = ['legacy'];
    changed.weights.enablement = 3;
    const saved = await invoke(preview.url, 'saveConfig', { expectedVersion: before.data.version, config: changed }, admin);
    expect(saved.ok).toBe(true);
    const reverted = await invoke(preview.url, 'revertConfig', { toVersion: before.data.version, expectedVersion: saved.data.version }, admin);
    expect(reverted.data.version).toBe(saved.data.version + 1);
    const after = await invoke(preview.url, 'getConfig', {}, admin);
    expect(after.data.config).toEqual(before.data.config);
  }, 30_000);

  it('keeps a project override to project admins and leaves the global config alone', async () => {
    const cfg = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, { accountId: PO, ...settings('PAY') });
    const mine = structuredClone(cfg.data.config);
    mine.weights.techDebt = 60;
    const saved = await invoke(preview.url, 'saveConfig', { projectKey: 'PAY', expectedVersion: 0, config: mine }, { accountId: PO, ...settings('PAY') });
    expect(saved.error).toBeUndefined();
    expect((await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, { accountId: PO, ...settings('PAY') })).data).toMatchObject({
      scope: 'project',
      version: 1,
    });
    const global = await invoke(
      preview.url,
      'saveConfig',
      { expectedVersion: 0, config: mine },
      { accountId: PO, moduleKey: 'valuerank-admin-page', extension: {} },
    );
    expect(global.error!.code).toBe('FORBIDDEN');
  }, 30_000);

  it('shows a support agent nothing of a project they cannot browse, whatever the payload says', async () => {
    for (const [op, payload] of [
      ['getBacklog', { projectKey: 'PAY' }],
      ['getRoadmap', { projectKey: 'PAY' }],
      ['explainIssue', { issueKey: 'PAY-10' }],
      ['previewWeights', { projectKey: 'PAY', weights: { customerVoice: 1 } }],
      ['planRankSync', { projectKey: 'PAY' }],
    ] as const) {
      for (const ext of [projectPage('PAY'), projectPage('SUP'), { moduleKey: 'valuerank-project-page', extension: {} }]) {
        const r = await invoke(preview.url, op, payload, { accountId: SUPPORT, ...ext });
        expect(r.ok).toBe(false);
        expect(r.error!.code).toBe('FORBIDDEN');
        expect(JSON.stringify(r)).not.toMatch(/"PAY-\d+"/);
      }
    }
  }, 30_000);

  it('reads remote links only for issues changed since the last load', async () => {
    const ctx = { accountId: PO, ...projectPage('PAY') };
    await invoke(preview.url, 'getBacklog', { projectKey: 'PAY' }, ctx);
    preview.sim.resetStats();
    await invoke(preview.url, 'getBacklog', { projectKey: 'PAY' }, ctx);
    expect(preview.sim.stats().byEndpoint['GET /rest/api/3/issue/{issueIdOrKey}/remotelink'] ?? 0).toBe(0);
  }, 30_000);

  it('reports per-issue rank failures (207), and a second apply finishes the job', async () => {
    const ctx = { accountId: PO, ...projectPage('PAY') };
    const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, ctx);
    expect(plan.data.moves.length).toBeGreaterThan(2);
    const victim = plan.data.moves[1].key;
    await setFaults(preview.url, `failRank=${victim}`);
    const first = await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, ctx);
    expect(first.data.status).toBe('partial');
    expect(first.data.failed.map((f: { key: string }) => f.key)).toEqual([victim]);
    await setFaults(preview.url, '');
    const second = await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, ctx);
    expect(second.data).toMatchObject({ status: 'done', failed: [] });
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, ctx);
    expect(await rankOrder(preview.url)).toEqual(backlog.data.items.map((i: { key: string }) => i.key));
  }, 60_000);
});
