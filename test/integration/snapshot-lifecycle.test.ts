import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoSite, generateScaleSite } from '../../dev/demo/generate-site';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { SCORE_RESERVE_MS } from '../../src/application/snapshot/build-snapshot';
import { invoke, invokeOnce, PERSONAS, projectPage, settleQueue, startDemo } from './harness';

type Json = Record<string, any>;
const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;
const ADMIN = PERSONAS.admin.accountId;
const page = (accountId: string) => ({ accountId, ...projectPage('PAY') });

async function jira(url: string, path: string, init: RequestInit & { as?: string } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.as ? { 'X-Sim-Account-Id': init.as } : {}) } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function itemOf(url: string, accountId: string, key: string): Promise<Json | undefined> {
  const r = await invoke(url, 'getBacklog', { projectKey: 'PAY', pageSize: 500, filter: { text: key } }, page(accountId));
  return (r.data.items as Json[]).find((i) => i.key === key);
}

describe('the snapshot stays fresh', () => {
  const seed = { ...generateDemoSite(), config: DEMO_CONFIG } as Json;
  let preview: Awaited<ReturnType<typeof startDemo>>;
  beforeAll(async () => {
    preview = await startDemo({ seed });
    await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, page(PO));
    await settleQueue(preview.url, 120_000);
  }, 120_000);
  afterAll(async () => {
    await preview.close();
  });

  it('an edit updates the issue in the snapshot and its "Value score" field, for everyone', async () => {
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, page(PO));
    const target = (backlog.data.items as Json[]).find((i) => i.factors.businessValue.value < 0.5 && i.pin === null)!;
    const fields = (await jira(preview.url, '/rest/api/3/field')).body as { id: string; name: string }[];
    const bv = fields.find((f) => f.name === 'Business Value')!.id;
    const score = fields.find((f) => f.name === 'Value score')!.id;
    const put = await jira(preview.url, `/rest/api/3/issue/${target.key}`, { method: 'PUT', body: JSON.stringify({ fields: { [bv]: 1000 } }) });
    expect(put.status).toBe(204);
    await settleQueue(preview.url, 120_000);
    const [po, dev] = [await itemOf(preview.url, PO, target.key), await itemOf(preview.url, DEV, target.key)];
    expect(po!.score).toBeGreaterThan(target.score);
    expect(dev!.score).toBe(po!.score);
    const field = await jira(preview.url, `/rest/api/3/issue/${target.key}?fields=${score}`);
    expect(field.body.fields[score]).toBe(Math.round(po!.score * 10) / 10);
  }, 120_000);

  it('an issue moved to Done leaves the snapshot without a rebuild', async () => {
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, page(PO));
    const top = backlog.data.items[0] as Json;
    const before = backlog.data.computedAt;
    // A workflow transition to Done (the simulator has no transitions endpoint), and the event Jira sends for it.
    const doneStatus = (seed.issues as Json[]).find((i) => i.key.startsWith('PAY-') && i.fields.status?.statusCategory?.key === 'done')!.fields.status;
    preview.sim.state.getIssue(top.key)!.fields.status = structuredClone(doneStatus);
    const event = { event: 'avi:jira:updated:issue', payload: { issue: { id: top.id, key: top.key }, atlassianId: PERSONAS.productOwner.accountId } };
    expect(
      (await fetch(`${preview.url}/__forge/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })).status,
    ).toBe(200);
    await settleQueue(preview.url, 120_000);
    const after = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, page(PO));
    expect((after.data.items as Json[]).map((i) => i.key)).not.toContain(top.key);
    expect(after.data.total).toBe(backlog.data.total - 1);
    expect(after.data.computedAt).toBe(before);
  }, 120_000);

  it('a config save rebuilds the snapshot with the new weights', async () => {
    const admin = { accountId: ADMIN, moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };
    const current = await invoke(preview.url, 'getConfig', {}, admin);
    const weights = { customerVoice: 1, businessValue: 1, timeCriticality: 1, techDebt: 100, enablement: 1, stakeholders: 1 };
    const saved = await invoke(preview.url, 'saveConfig', { expectedVersion: current.data.version, config: { ...current.data.config, weights } }, admin);
    expect(saved.ok).toBe(true);
    await settleQueue(preview.url, 120_000);
    const after = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 3 }, page(DEV));
    expect(after.data.configVersion).toBe(saved.data.version);
    expect(after.data.stale).toBe(false);
    expect(after.data.items[0].factors.techDebt.weight).toBe(100);
    expect(after.data.items[0].isDebt).toBe(true);
  }, 120_000);
});

describe('a build larger than one consumer run', () => {
  const seed = generateScaleSite({ issues: 3000, seed: 11 });
  const bulkfetches = (p: Awaited<ReturnType<typeof startDemo>>): number => p.sim.stats().byEndpoint['POST /rest/api/3/issue/bulkfetch'] ?? 0;
  const budget = process.env.VALUERANK_CONSUMER_BUDGET_MS;
  afterAll(() => {
    if (budget === undefined) delete process.env.VALUERANK_CONSUMER_BUDGET_MS;
    else process.env.VALUERANK_CONSUMER_BUDGET_MS = budget;
  });

  it('saves its progress, survives a restart of the preview, and finishes without starting over', async () => {
    // Uninterrupted, for the count of issue reads a whole build takes.
    const whole = await startDemo({ seed });
    let wholeReads: number;
    try {
      await invoke(whole.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, page(PO));
      await settleQueue(whole.url, 120_000);
      wholeReads = bulkfetches(whole);
    } finally {
      await whole.close();
    }

    // Each run now has time for one step (1,000 issues) before it keeps its reserve for scoring.
    process.env.VALUERANK_CONSUMER_BUDGET_MS = String(SCORE_RESERVE_MS + 300);
    const dataDir = mkdtempSync(join(tmpdir(), 'vr-build-restart-'));
    const first = await startDemo({ seed, dataDir });
    let firstReads: number;
    let progress: { done: number; total: number } = { done: 0, total: 0 };
    try {
      for (let i = 0; i < 600 && !(progress.done > 0 && progress.done < progress.total); i++) {
        const r = await invokeOnce(first.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, page(PO));
        if (r.data.status === 'building') progress = r.data.building;
        await new Promise((res) => setTimeout(res, 20));
      }
      expect(progress.done).toBeGreaterThan(0);
      expect(progress.done).toBeLessThan(progress.total);
    } finally {
      // A graceful restart: the run in flight finishes its step. One cut off would hold the project's lock until it
      // is stale (16 minutes), which is a different story from resuming a build.
      await first.close(60_000);
      firstReads = bulkfetches(first);
    }
    delete process.env.VALUERANK_CONSUMER_BUDGET_MS;
    const second = await startDemo({ seed, dataDir });
    try {
      const ready = await invoke(second.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, page(PO));
      expect(ready.data.status).toBe('ready');
      await settleQueue(second.url, 120_000);
      // Starting over would read the first run's thousand issues again (ten more bulkfetch calls).
      expect(firstReads + bulkfetches(second)).toBeLessThanOrEqual(wholeReads + 2);
      expect(ready.data.total).toBeGreaterThan(progress.done);
    } finally {
      await second.close();
    }
  }, 300_000);
});
