import { issueType } from '../../dev/demo/jira-catalog';
import { invoke, PERSONAS, projectPage, settleQueue, startDemo } from './harness';

const PO = PERSONAS.productOwner.accountId;
const page = { accountId: PO, ...projectPage('PAY') };
const admin = { accountId: PERSONAS.admin.accountId, moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };
const panel = (issueKey: string) => ({
  accountId: PO,
  moduleKey: 'valuerank-issue-panel',
  extension: { type: 'jira:issuePanel', project: { key: 'PAY' }, issue: { key: issueKey } },
});

type Preview = Awaited<ReturnType<typeof startDemo>>;
type Item = { key: string; rank: number; customers: number; factors: Record<string, { evidence: any }> };
type Reason = { kind: string; factor?: string; text: string };
type Move = { key: string; rankFrom: number; rankTo: number; why: Reason[] };

async function jira(url: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function edit(url: string, key: string, fields: Record<string, unknown>): Promise<void> {
  expect((await jira(url, `/rest/api/3/issue/${key}`, { method: 'PUT', body: JSON.stringify({ fields }) })).status).toBe(204);
  await settleQueue(url);
}

async function daily(url: string): Promise<void> {
  await fetch(`${url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
  await settleQueue(url);
}

async function changes(url: string, since: string, minMove?: number): Promise<any> {
  const answer = await invoke(url, 'getChanges', { projectKey: 'PAY', since, ...(minMove === undefined ? {} : { minMove }) }, page);
  expect(answer.error).toBeUndefined();
  return answer.data;
}

const moveOf = (data: { moves: Move[] }, key: string): Move => {
  const m = data.moves.find((x) => x.key === key);
  if (m === undefined) throw new Error(`${key} did not move: ${JSON.stringify(data.moves.slice(0, 5))}`);
  return m;
};

/**
 * A project followed over five days with a clock moved forward between steps: field edits, a feedback link, an issue
 * that stops being a candidate and one that becomes one, a pin, then a config change.
 */
describe('ranking history over days', () => {
  let preview: Preview;
  let keys: { bv: string; due: string; feedback: string; pin: string; leaves: string; enters: string };
  let bvField: string;

  beforeAll(async () => {
    preview = await startDemo();
    const opened = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, page);
    await settleQueue(preview.url);
    await daily(preview.url);
    const items = (await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, page)).data.items as Item[];
    expect(opened.ok).toBe(true);
    const lower = items.slice(Math.floor(items.length * 0.6));
    const withoutCustomers = lower.filter((i) => i.customers === 0);
    const withDue = lower.filter((i) => i.factors.timeCriticality!.evidence?.dueDate);
    const bvLow = lower.filter((i) => i.factors.businessValue!.evidence?.option !== 'Critical');
    const taken = new Set<string>();
    const pick = (from: Item[]): string => {
      const found = from.find((i) => !taken.has(i.key))!;
      taken.add(found.key);
      return found.key;
    };
    const due = pick(withDue.length > 0 ? withDue : lower);
    const feedback = pick(withoutCustomers);
    const bv = pick(bvLow);
    const pin = pick(lower);
    const leaves = pick(items.slice(5, 40));
    const epics = await jira(preview.url, '/rest/api/3/search/jql', {
      method: 'POST',
      body: JSON.stringify({ jql: 'project = PAY AND issuetype = Epic ORDER BY key', fields: ['summary'], maxResults: 1 }),
    });
    keys = { bv, due, feedback, pin, leaves, enters: epics.body.issues[0].key };
    const fields = (await jira(preview.url, '/rest/api/3/field')).body as { id: string; name: string }[];
    bvField = fields.find((f) => f.name === 'Business Value')!.id;

    preview.setNow('2026-11-26T09:00:00.000Z');
    await edit(preview.url, keys.bv, { [bvField]: { value: 'Critical' } });
    preview.setNow('2026-11-26T09:20:00.000Z');
    await edit(preview.url, keys.due, { duedate: '2026-11-28' });

    preview.setNow('2026-11-27T09:00:00.000Z');
    const tickets = await jira(preview.url, '/rest/api/3/search/jql', {
      method: 'POST',
      body: JSON.stringify({ jql: 'project = SUP ORDER BY key DESC', fields: ['summary'], maxResults: 1 }),
    });
    const link = await jira(preview.url, '/rest/api/3/issueLink', {
      method: 'POST',
      body: JSON.stringify({ type: { name: 'Relates' }, inwardIssue: { key: tickets.body.issues[0].key }, outwardIssue: { key: keys.feedback } }),
    });
    expect(link.status).toBe(201);
    await settleQueue(preview.url);
    preview.setNow('2026-11-27T09:20:00.000Z');
    await edit(preview.url, keys.leaves, { issuetype: issueType('Epic') });

    preview.setNow('2026-11-28T09:00:00.000Z');
    expect((await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: keys.pin, position: 1 }, page)).ok).toBe(true);
    preview.setNow('2026-11-28T09:20:00.000Z');
    await edit(preview.url, keys.enters, { issuetype: issueType('Story') });
    await daily(preview.url);
  }, 300_000);
  afterAll(() => preview.close());

  it('names each move since the first day with its reason: a field, new evidence, a pin', async () => {
    const data = await changes(preview.url, '2026-11-25T12:00:00.000Z');
    expect(data.from).toBe('2026-11-25T00:00:00.000Z');
    const bv = moveOf(data, keys.bv);
    expect(bv.rankTo).toBeLessThan(bv.rankFrom);
    expect(bv.why).toContainEqual({ kind: 'factor', factor: 'businessValue', text: expect.stringMatching(/^business value \d+ → \d+$/) });
    expect(moveOf(data, keys.due).why).toContainEqual({
      kind: 'factor',
      factor: 'timeCriticality',
      text: expect.stringMatching(/^due date (moved|set) to 2026-11-28$/),
    });
    expect(moveOf(data, keys.feedback).why).toContainEqual({ kind: 'evidence', factor: 'customerVoice', text: '1 more customer' });
    const pinned = moveOf(data, keys.pin);
    expect(pinned.rankTo).toBe(1);
    expect(pinned.why[0]).toEqual({ kind: 'pin', text: 'pinned at position 1 by Daniel Okafor' });
  });

  it('lists the issue that stopped being a candidate as left (filtered) and the one that became one as entered', async () => {
    const data = await changes(preview.url, '2026-11-25T12:00:00.000Z');
    expect(data.left).toContainEqual(expect.objectContaining({ key: keys.leaves, why: 'filtered' }));
    expect(data.entered).toContainEqual(expect.objectContaining({ key: keys.enters, why: expect.stringMatching(/^back in the backlog/) }));
    expect(data.moves.some((m: Move) => m.key === keys.leaves || m.key === keys.enters)).toBe(false);
  });

  it('keeps only moves of more than minMove places', async () => {
    const all = await changes(preview.url, '2026-11-25T12:00:00.000Z');
    const big = await changes(preview.url, '2026-11-25T12:00:00.000Z', 5);
    expect(big.moves.length).toBeLessThan(all.moves.length);
    expect(big.moves.every((m: Move) => Math.abs(m.rankTo - m.rankFrom) > 5)).toBe(true);
  });

  it("gives the issue panel one history point per day, each step's reason the change of that day", async () => {
    const answer = await invoke(preview.url, 'explainIssue', { issueKey: keys.bv }, panel(keys.bv));
    const history = answer.data.history as { at: string; rank: number; score: number; why?: Reason }[];
    expect(history.map((h) => h.at.slice(0, 10))).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(history[1]!.why).toEqual({ kind: 'factor', factor: 'businessValue', text: expect.stringMatching(/^business value/) });
    expect(history[1]!.score).toBeGreaterThan(history[0]!.score);
    expect(history.at(-1)!.rank).toBe(answer.data.item.rank);
  });

  it("after a config change, 'lastConfig' compares with the ranking just before it and names the config version", async () => {
    preview.setNow('2026-11-29T09:00:00.000Z');
    const current = await invoke(preview.url, 'getConfig', {}, admin);
    const weights = current.data.config.weights;
    const config = { ...current.data.config, weights: { ...weights, customerVoice: 100, businessValue: 1 } };
    const saved = await invoke(preview.url, 'saveConfig', { expectedVersion: current.data.version, config }, admin);
    expect(saved.error).toBeUndefined();
    await settleQueue(preview.url);
    const data = await changes(preview.url, 'lastConfig');
    expect(data.moves.length).toBeGreaterThan(0);
    expect(data.moves.some((m: Move) => m.why.some((r) => r.kind === 'config' && r.text === `weights changed in config v${saved.data.version}`))).toBe(true);
    for (const m of data.moves as Move[]) expect(m.why.every((r) => r.kind === 'config')).toBe(true);
  });

  it("answers 'sprintStart' from the active sprint's start, with the oldest point when history begins later", async () => {
    const data = await changes(preview.url, 'sprintStart');
    // The demo's active sprint began on Monday 2026-11-16 at 09:00; history begins on 2026-11-25.
    expect(data.since).toBe('2026-11-16T09:00:00.000Z');
    expect(data.from).toBe('2026-11-25T00:00:00.000Z');
  });

  it("answers 'sprintStart' with NOT_FOUND naming the missing sprint when no sprint is active", async () => {
    // As when the team completes its sprint before starting the next one.
    const active = preview.sim.state.sprints.filter((sp) => sp.state === 'active');
    for (const sp of active) sp.state = 'closed';
    try {
      const answer = await invoke(preview.url, 'getChanges', { projectKey: 'PAY', since: 'sprintStart' }, page);
      expect(answer.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no active sprint') });
    } finally {
      for (const sp of active) sp.state = 'active';
    }
  });

  it('refuses a since that is no date with INVALID_PAYLOAD', async () => {
    const answer = await invoke(preview.url, 'getChanges', { projectKey: 'PAY', since: 'yesterday' }, page);
    expect(answer.error?.code).toBe('INVALID_PAYLOAD');
  });
});
