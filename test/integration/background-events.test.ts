import { seededRandom } from '../../dev/demo/random';
import type { PreviewOptions } from '../../dev/preview/server';
import { invoke, PERSONAS, projectPage, settleQueue, startDemo, type Demo } from './harness';

const PO = PERSONAS.productOwner.accountId;
async function jira(url: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Sets an issue's business value to "Critical" in Jira, as a user editing it would; gives the HTTP status. */
async function markCritical(url: string, key: string, businessValueField: string): Promise<number> {
  const res = await jira(url, `/rest/api/3/issue/${key}`, { method: 'PUT', body: JSON.stringify({ fields: { [businessValueField]: { value: 'Critical' } } }) });
  return res.status;
}

/** Opens PAY in ValueRank (which enrols it) and waits for its first background build. */
async function openPay(url: string): Promise<void> {
  await invoke(url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, { accountId: PO, ...projectPage('PAY') });
  await settleQueue(url);
  await fetch(`${url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
  await settleQueue(url);
}

async function fieldIds(url: string): Promise<{ score: string; businessValue: string; points: string }> {
  const fields = (await jira(url, '/rest/api/3/field')).body as { id: string; name: string }[];
  const id = (name: string): string => fields.find((f) => f.name === name)!.id;
  return { score: id('Value score'), businessValue: id('Business Value'), points: id('Story Points') };
}

/** "Value score" of every PAY issue, as Jira holds it. */
async function scores(url: string, scoreField: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let nextPageToken: string | undefined;
  do {
    const res = await jira(url, '/rest/api/3/search/jql', {
      method: 'POST',
      body: JSON.stringify({ jql: 'project = PAY ORDER BY key', fields: [scoreField], maxResults: 100, ...(nextPageToken ? { nextPageToken } : {}) }),
    });
    for (const issue of res.body.issues as { key: string; fields: Record<string, unknown> }[]) out[issue.key] = issue.fields[scoreField] ?? null;
    nextPageToken = res.body.nextPageToken;
  } while (nextPageToken);
  return out;
}

describe('background work touches enrolled projects only', () => {
  let preview: Demo;
  beforeAll(async () => {
    preview = await startDemo();
  }, 60_000);
  afterAll(() => preview.close());

  it('an edit in a project nobody opened in ValueRank costs no Jira request and writes no score', async () => {
    await openPay(preview.url);
    const { score } = await fieldIds(preview.url);
    const ticket = (
      await jira(preview.url, '/rest/api/3/search/jql', {
        method: 'POST',
        body: JSON.stringify({ jql: 'project = SUP ORDER BY key', fields: ['summary'], maxResults: 1 }),
      })
    ).body.issues[0];
    preview.sim.resetStats();

    const edit = await jira(preview.url, `/rest/api/3/issue/${ticket.key}`, {
      method: 'PUT',
      body: JSON.stringify({ fields: { summary: `${ticket.fields.summary} (edited)` } }),
    });
    expect(edit.status).toBe(204);
    await settleQueue(preview.url);

    const stats = preview.sim.stats();
    expect(stats.byEndpoint).toEqual({ 'PUT /rest/api/3/issue/{issueIdOrKey}': 1 });
    const sup = (await jira(preview.url, `/rest/api/3/issue/${ticket.key}`)).body;
    expect(sup.fields[score] ?? null).toBeNull();
  }, 120_000);
});

/** The global config with other weights (a new config version): the next event must rebuild the whole project once. */
async function changeGlobalWeights(url: string): Promise<void> {
  const admin = { accountId: PERSONAS.admin.accountId, moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };
  const current = await invoke(url, 'getConfig', {}, admin);
  const config = { ...current.data.config, weights: { ...current.data.config.weights, techDebt: current.data.config.weights.techDebt + 1 } };
  const saved = await invoke(url, 'saveConfig', { expectedVersion: current.data.version, config }, admin);
  expect(saved.ok).toBe(true);
}

describe('events delivered concurrently, out of order and twice', () => {
  /** Ten edits of five PAY candidates: business value and story points, two edits on most of them. */
  function edits(keys: string[], ids: { businessValue: string; points: string }): { key: string; fields: Record<string, unknown> }[] {
    const values = ['Low', 'Critical', 'Medium', 'High'];
    return Array.from({ length: 10 }, (_, n) => ({
      key: keys[n % 5]!,
      fields: n % 2 === 0 ? { [ids.businessValue]: { value: values[n % 4] } } : { [ids.points]: [1, 8, 3, 13, 5][n % 5] },
    }));
  }

  it('ten concurrent edits in one project give the field values a serial run gives, with at most one full reload', async () => {
    // One preview at a time: the local Forge runtime is process-wide.
    const serial = await startDemo();
    let ids: Awaited<ReturnType<typeof fieldIds>>;
    let plan: ReturnType<typeof edits>;
    let expected: Record<string, unknown>;
    let serialSearches: number;
    try {
      await openPay(serial.url);
      ids = await fieldIds(serial.url);
      const backlog = await invoke(serial.url, 'getBacklog', { projectKey: 'PAY', pageSize: 50 }, { accountId: PO, ...projectPage('PAY') });
      plan = edits(
        (backlog.data.items as { key: string }[]).slice(10, 15).map((i) => i.key),
        ids,
      );
      serial.sim.resetStats();
      await changeGlobalWeights(serial.url);
      for (const e of plan) {
        expect((await jira(serial.url, `/rest/api/3/issue/${e.key}`, { method: 'PUT', body: JSON.stringify({ fields: e.fields }) })).status).toBe(204);
        await settleQueue(serial.url);
      }
      expected = await scores(serial.url, ids.score);
      serialSearches = serial.sim.stats().byEndpoint['POST /rest/api/3/search/jql'] ?? 0;
    } finally {
      await serial.close();
    }

    const concurrent = await startDemo({ queue: { redeliveryRate: 1, random: seededRandom(42) }, faults: 'latency=2ms,jitter=15ms' });
    try {
      await openPay(concurrent.url);
      concurrent.sim.resetStats();
      await changeGlobalWeights(concurrent.url);
      await Promise.all(plan.map((e) => jira(concurrent.url, `/rest/api/3/issue/${e.key}`, { method: 'PUT', body: JSON.stringify({ fields: e.fields }) })));
      await settleQueue(concurrent.url);

      expect(await scores(concurrent.url, ids.score)).toEqual(expected);
      // The new config version forces one full reload (its searches); the edits rescore one issue each.
      expect(concurrent.sim.stats().byEndpoint['POST /rest/api/3/search/jql'] ?? 0).toBeLessThanOrEqual(serialSearches);
    } finally {
      await concurrent.close();
    }
  }, 240_000);
});

describe('events delivered twice', () => {
  /** Jira requests of the background work after one edit, by endpoint (the edit itself left out). */
  async function costOfOneEdit(queue?: PreviewOptions['queue']): Promise<Record<string, number>> {
    const preview = await startDemo(queue ? { queue } : {});
    try {
      await openPay(preview.url);
      const ids = await fieldIds(preview.url);
      const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 50 }, { accountId: PO, ...projectPage('PAY') });
      const key = (backlog.data.items as { key: string }[])[20]!.key;
      preview.sim.resetStats();
      expect(await markCritical(preview.url, key, ids.businessValue)).toBe(204);
      await settleQueue(preview.url);
      const { 'PUT /rest/api/3/issue/{issueIdOrKey}': edit, ...rest } = preview.sim.stats().byEndpoint;
      expect(edit).toBe(1);
      return rest;
    } finally {
      await preview.close();
    }
  }

  it('a second delivery of an edit costs no Jira request', async () => {
    const once = await costOfOneEdit();
    const twice = await costOfOneEdit({ redeliveryRate: 1 });
    expect(twice).toEqual(once);
  }, 120_000);
});

describe('a project override', () => {
  it('makes the next edit rebuild the project with the new weights, though its version number equals the global one', async () => {
    const preview = await startDemo();
    try {
      await openPay(preview.url);
      const ids = await fieldIds(preview.url);
      const current = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, { accountId: PO, ...projectPage('PAY') });
      const weights = { ...current.data.config.weights, techDebt: current.data.config.weights.techDebt * 4 };
      const saved = await invoke(
        preview.url,
        'saveConfig',
        { projectKey: 'PAY', expectedVersion: 0, config: { ...current.data.config, weights } },
        { accountId: PO, ...projectPage('PAY') },
      );
      expect(saved.ok).toBe(true);
      expect(saved.data.version).toBe(current.data.version);
      const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 50 }, { accountId: PO, ...projectPage('PAY') });
      const key = (backlog.data.items as { key: string }[])[20]!.key;

      expect(await markCritical(preview.url, key, ids.businessValue)).toBe(204);
      await settleQueue(preview.url);
      const afterEdit = await scores(preview.url, ids.score);
      await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
      await settleQueue(preview.url);

      expect(afterEdit).toEqual(await scores(preview.url, ids.score));
    } finally {
      await preview.close();
    }
  }, 120_000);
});
