import { invoke, invokeOnce, PERSONAS, projectPage, settleQueue, startDemo, useDemo } from './harness';
import { searchIndexCaughtUp } from './search-index';

const PO = PERSONAS.productOwner.accountId;

async function jira(url: string, path: string, init: RequestInit & { as?: string } = {}): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.as ? { 'X-Sim-Account-Id': init.as } : {}) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('background freshness: trigger → queue → "Value score" field', () => {
  const preview = useDemo();

  it('writes the score of every candidate on the daily run, so JQL can ORDER BY "Value score"', async () => {
    await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, { accountId: PO, ...projectPage('PAY') });
    const daily = await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
    expect(daily.status).toBe(200);
    await settleQueue(preview.url);
    await searchIndexCaughtUp();
    const res = await jira(preview.url, '/rest/api/3/search/jql', {
      method: 'POST',
      body: JSON.stringify({ jql: 'project = PAY AND "Value score" IS NOT EMPTY ORDER BY "Value score" DESC', fields: ['key', 'Value score'], maxResults: 5 }),
    });
    expect(res.status).toBe(200);
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    // The app computes as the app (it sees every project), the PO as themself; both can read SUP here.
    expect(res.body.issues.map((i: { key: string }) => i.key)[0]).toBe(backlog.data.items.filter((i: any) => i.pin === null)[0].key);
  }, 60_000);

  it('rebuilds the field after a config save, with no edit: the field shows the new weights at once', async () => {
    const admin = { accountId: PERSONAS.admin.accountId, moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };
    const scoreField = ((await jira(preview.url, '/rest/api/3/field')).body as { id: string; name: string }[]).find((f) => f.name === 'Value score')!;
    const current = await invoke(preview.url, 'getConfig', {}, admin);
    const weights = { customerVoice: 1, businessValue: 1, timeCriticality: 1, techDebt: 100, enablement: 1, stakeholders: 1 };
    expect((await invoke(preview.url, 'saveConfig', { expectedVersion: current.data.version, config: { ...current.data.config, weights } }, admin)).ok).toBe(
      true,
    );
    await settleQueue(preview.url);

    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, { accountId: PO, ...projectPage('PAY') });
    const top = backlog.data.items[0];
    expect(top.factors.techDebt.weight).toBe(100);
    const issue = await jira(preview.url, `/rest/api/3/issue/${top.key}?fields=${scoreField.id}`);
    expect(issue.body.fields[scoreField.id]).toBeCloseTo(top.score, 1);

    // Put the weights back (and the field with them) for the tests that follow.
    const again = await invoke(preview.url, 'getConfig', {}, admin);
    expect((await invoke(preview.url, 'saveConfig', { expectedVersion: again.data.version, config: current.data.config }, admin)).ok).toBe(true);
    await settleQueue(preview.url);
  }, 60_000);

  it('recomputes after an edit through the REST API and the field follows the new business value', async () => {
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    const last = backlog.data.items[backlog.data.items.length - 1];
    const fields = (await jira(preview.url, '/rest/api/3/field')).body as { id: string; name: string }[];
    const bv = fields.find((f) => f.name === 'Business Value')!;
    preview.sim.resetStats();
    const edit = await jira(preview.url, `/rest/api/3/issue/${last.key}`, {
      method: 'PUT',
      body: JSON.stringify({ fields: { [bv.id]: { value: 'Critical' }, duedate: '2026-11-20', labels: ['tech-debt'] } }),
    });
    expect(edit.status).toBe(204);
    await settleQueue(preview.url);
    // The edit itself, then at most 4 requests to rescore the issue: it, its feedback tickets, its remote links, the field write.
    const stats = preview.sim.stats();
    expect(stats.byEndpoint['PUT /rest/api/3/issue/{issueIdOrKey}']).toBe(1);
    expect(stats.total - 1).toBeLessThanOrEqual(4);
    expect(stats.byEndpoint['POST /rest/api/3/app/field/value']).toBe(1);
    const after = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, { accountId: PO, ...projectPage('PAY') });
    const moved = after.data.items.find((i: { key: string }) => i.key === last.key);
    expect(moved.score).toBeGreaterThan(last.score);
    const issue = await jira(preview.url, `/rest/api/3/issue/${last.key}`);
    const scoreField = fields.find((f) => f.name === 'Value score')!;
    expect(issue.body.fields[scoreField.id]).toBeCloseTo(moved.score, 1);
  }, 60_000);
});

describe('a first open of a large project', () => {
  it('answers "building" without reading Jira for the page, the background reads every remote link once, and a warm page reads none', async () => {
    const { generateScaleSite } = await import('../../dev/demo/generate-site');
    const { DEMO_CONFIG } = await import('../../dev/preview/demo-config');
    const seed = { ...generateScaleSite({ issues: 1500, seed: 7 }), config: DEMO_CONFIG };
    const remoteLinked = Object.keys((seed as { remoteLinks?: Record<string, unknown> }).remoteLinks ?? {}).length;
    const preview = await startDemo({ seed });
    try {
      const ctx = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };
      preview.sim.resetStats();
      const cold = await invokeOnce(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 10 }, ctx);
      expect(cold.error).toBeUndefined();
      expect(cold.data.status).toBe('building');
      await settleQueue(preview.url);
      const ready = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 10 }, ctx);
      expect(ready.data).toMatchObject({ status: 'ready', stale: false });
      expect(ready.data.total).toBeGreaterThan(400);
      const linkReads = preview.sim.stats().byEndpoint['GET /rest/api/3/issue/{issueIdOrKey}/remotelink'] ?? 0;
      // One read per backlog item, in the background: none twice.
      expect(linkReads).toBeGreaterThan(400);
      expect(linkReads).toBeLessThanOrEqual(ready.data.total);
      preview.sim.resetStats();
      const warm = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 10 }, ctx);
      expect(warm.data.stale).toBe(false);
      expect(preview.sim.stats().byEndpoint['GET /rest/api/3/issue/{issueIdOrKey}/remotelink'] ?? 0).toBe(0);
      expect(preview.sim.stats().byEndpoint['POST /rest/api/3/issue/bulkfetch'] ?? 0).toBe(0);
      expect(remoteLinked).toBeGreaterThan(0);
    } finally {
      await preview.close();
    }
  }, 120_000);
});
